import datetime as dt

import pytest
from hypothesis import given, strategies as st

from conflict_events.events.dates import resolve_date
from conflict_events.schema import TimePrecision

SUNDAY = dt.date(2025, 4, 6)


@pytest.mark.parametrize(
    "expression, document_date, expected, precision",
    [
        ("Tuesday", SUNDAY, "2025-04-01", 1),
        ("on Saturday", SUNDAY, "2025-04-05", 1),
        ("Saturday's", SUNDAY, "2025-04-05", 1),
        ("Sunday", SUNDAY, "2025-04-06", 1),
        ("last Sunday", SUNDAY, "2025-03-30", 1),
        ("yesterday", SUNDAY, "2025-04-05", 1),
        ("last week", SUNDAY, "2025-03-27", 2),
        ("late last month", SUNDAY, "2025-03-31", 3),
        ("early last month", SUNDAY, "2025-03-01", 3),
        ("last month", SUNDAY, "2025-03-15", 3),
        ("Nov. 20", SUNDAY, "2024-11-20", 1),
        ("March 3", SUNDAY, "2025-03-03", 1),
        ("3 January 2022", None, "2022-01-03", 1),
        ("January 3, 2022", None, "2022-01-03", 1),
        ("around 9 January 2022", None, "2022-01-09", 2),
        ("2023-07-14", None, "2023-07-14", 1),
        ("mid-November", SUNDAY, "2024-11-15", 3),
        ("early October 2023", None, "2023-10-01", 3),
        ("two days ago", SUNDAY, "2025-04-04", 1),
    ],
)
def test_resolves_against_the_document_date(expression, document_date, expected, precision):
    resolved = resolve_date(expression, document_date)
    assert resolved is not None
    assert resolved.date.isoformat() == expected
    assert resolved.precision == TimePrecision(precision)


@pytest.mark.parametrize("expression", ["Tuesday", "yesterday", "last week", "Nov. 20", "late last month"])
def test_relative_dates_are_not_guessed_without_a_document_date(expression):
    assert resolve_date(expression, None) is None


@given(
    st.sampled_from(["Monday", "Friday", "yesterday", "last week", "last month", "late last month", "Nov. 20", "June 3", "mid-March", "3 days ago"]),
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 1, 1)),
)
def test_past_tense_relative_dates_never_come_after_the_document(expression, document_date):
    resolved = resolve_date(expression, document_date)
    assert resolved is not None
    assert resolved.date <= document_date


@given(st.text(max_size=60))
def test_never_raises_on_arbitrary_text(text):
    resolve_date(text, SUNDAY)

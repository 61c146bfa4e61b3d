import pytest
from hypothesis import given, strategies as st

from conflict_events.schema import (
    ACLED_COLUMNS,
    COLUMNS,
    EVENT_TYPE_OF,
    HIERARCHY,
    EventRow,
    EventType,
    SubEventType,
    disorder_type,
    interaction,
)


def test_six_types_and_twenty_five_sub_types():
    assert len(HIERARCHY) == 6
    assert len(SubEventType) == 25
    assert set(EVENT_TYPE_OF) == set(SubEventType)


def test_columns_follow_acled_order_between_doc_id_and_the_extras():
    assert COLUMNS[0] == "doc_id"
    assert COLUMNS[1 : 1 + len(ACLED_COLUMNS)] == ACLED_COLUMNS
    assert COLUMNS[-6:] == ("injuries", "weapons", "evidence", "char_start", "char_end", "confidence")
    assert list(EventRow().to_dict()) == list(COLUMNS)


@pytest.mark.parametrize(
    "inter1, inter2, expected",
    [(1, 2, 12), (2, 1, 12), (3, 7, 37), (8, 1, 18), (6, 0, 60), (0, 6, 60), (1, 1, 11), (0, 0, 0)],
)
def test_interaction_is_lower_code_first(inter1, inter2, expected):
    assert interaction(inter1, inter2) == expected


@given(st.integers(0, 8), st.integers(0, 8))
def test_interaction_always_agrees_with_the_inter_codes(inter1, inter2):
    code = interaction(inter1, inter2)
    codes = sorted(c for c in (inter1, inter2) if c)
    if not codes:
        assert code == 0
    else:
        assert code // 10 == codes[0]
        assert code % 10 == (codes[1] if len(codes) == 2 else 0)


@pytest.mark.parametrize(
    "sub, expected",
    [
        (SubEventType.EXCESSIVE_FORCE, "Political violence"),
        (SubEventType.PEACEFUL_PROTEST, "Demonstrations"),
        (SubEventType.VIOLENT_DEMONSTRATION, "Demonstrations"),
        (SubEventType.MOB_VIOLENCE, "Political violence"),
        (SubEventType.ARRESTS, "Strategic developments"),
        (SubEventType.AIR_DRONE_STRIKE, "Political violence"),
    ],
)
def test_disorder_type_by_the_codebook(sub, expected):
    assert disorder_type(sub).value == expected


def test_battles_come_first_in_the_hierarchy():
    assert list(HIERARCHY)[0] is EventType.BATTLES

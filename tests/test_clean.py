"""clean(): scraped furniture is blanked, offsets never move."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conflict_events.io.clean import clean


def kept_lines(text: str) -> list[str]:
    """The lines clean() keeps, stripped, blank ones left out."""
    cleaned = clean(text)
    assert len(cleaned) == len(text)
    return [line.strip() for line in cleaned.splitlines() if line.strip()]


def check_same_positions(text: str, cleaned: str) -> None:
    assert len(cleaned) == len(text)
    for original, new in zip(text, cleaned):
        if original in "\r\n":
            assert new == original
        else:
            assert new in (original, " ")


PAGE_A = """\
News > World > Africa
Militants Storm Army Post in Northern Region
The Daily Lantern
Published: 14 February 2022
By AMINA BELLO and TOM REED, Associated Press
Share
Tweet
LAGOS, Nigeria (AP) — Gunmen stormed an army post in the north of the country on Sunday, killing four soldiers, officials said.
The attackers arrived on motorbikes before dawn, a local official said.
"We heard gunfire for two hours," one resident told reporters.
Likes (312)
Follow us on Facebook and Instagram
Copyright © 2022 The Daily Lantern. All rights reserved.
Most Read
Stock markets rally on rate hopes
- Local team wins the cup
Celebrity chef opens a new restaurant. Here is what we thought.
You may also like
Ten gadgets for the summer
"""


def test_page_with_furniture_before_and_after_the_story() -> None:
    lines = kept_lines(PAGE_A)
    assert lines == [
        "Militants Storm Army Post in Northern Region",
        "LAGOS, Nigeria        Gunmen stormed an army post in the north of the country on Sunday, killing four soldiers, officials said.",
        "The attackers arrived on motorbikes before dawn, a local official said.",
        '"We heard gunfire for two hours," one resident told reporters.',
    ]


def test_offsets_are_preserved() -> None:
    cleaned = clean(PAGE_A)
    check_same_positions(PAGE_A, cleaned)
    start = PAGE_A.index("Gunmen stormed")
    assert cleaned[start:start + 14] == "Gunmen stormed"


PAGE_B = """\
Home » Politics » Protests
Thousands march against fuel price rise
Updated on March 5, 2024, 10:12 a.m.
By Jane Doe
Thousands of people marched through the capital on Tuesday to protest against a rise in fuel prices, organisers said.
Read more: Government defends subsidy cut
Police said the march was peaceful and no one was arrested.
Related
Fuel queues grow longer
Opposition calls for strike
"""


def test_inline_read_more_and_related_list() -> None:
    lines = kept_lines(PAGE_B)
    assert lines == [
        "Thousands march against fuel price rise",
        "Thousands of people marched through the capital on Tuesday to protest against a rise in fuel prices, organisers said.",
        "Police said the march was peaceful and no one was arrested.",
    ]


PAGE_C = """\
The army said troops had retaken the town after heavy fighting on Friday.
Related Articles:
- Ceasefire talks stall
The fighting displaced at least 3,000 people from their homes, the United Nations refugee agency said in a statement on Saturday.
"""


def test_story_resumes_after_a_short_related_box() -> None:
    lines = kept_lines(PAGE_C)
    assert lines[0].startswith("The army said")
    assert lines[1].startswith("The fighting displaced")
    assert len(lines) == 2


@pytest.mark.parametrize(
    "line, blanked",
    [
        ("Share this article", True),
        ("Sign up for our newsletter", True),
        ("Advertisement", True),
        ("Copyright © 2023 Example Media", True),
        ("Comments (12)", True),
        ("veryNice! (812)", True),
        ("By Pat Smith, Reuters", True),
        ("By MARIA GARCIA and LI WEI, Associated Press", True),
        ("By Tuesday, the army had retreated from the town.", False),
        ("By nightfall the shelling had stopped.", False),
        ("Protesters share food with police at a checkpoint in the city centre.", False),
    ],
)
def test_single_lines_inside_a_story(line: str, blanked: bool) -> None:
    story = "Soldiers opened fire on the crowd in the city centre on Monday, witnesses said.\n"
    text = story + line + "\n" + story
    cleaned = clean(text)
    check_same_positions(text, cleaned)
    middle = cleaned.splitlines()[1]
    assert (middle.strip() == "") is blanked


@pytest.mark.parametrize(
    "line, kept, story",
    [
        ("KYIV (Reuters) — Drones hit a power plant overnight, officials said today.", "KYIV", "Drones hit"),
        ("GAZA CITY, March 3 (AFP) - Strikes killed at least five people in a camp.", "GAZA CITY, March 3", "Strikes"),
        ("MOGADISHU, Somalia — A car bomb exploded near a hotel, police said on Friday.", "MOGADISHU, Somalia", "A car"),
        ("Islamic State (IS) fighters attacked a checkpoint near the border, the army said.",
         "Islamic State (IS) fighters", "attacked"),
    ],
)
def test_dateline_agency_and_dash_are_blanked(line: str, kept: str, story: str) -> None:
    cleaned = clean(line)
    check_same_positions(line, cleaned)
    at = line.index(story)
    assert cleaned[:at].rstrip() == kept
    assert cleaned[at:] == line[at:]


def test_text_without_furniture_is_unchanged() -> None:
    text = (
        "Rebels attacked a convoy near the border on Wednesday.\n\n"
        "Two soldiers were killed and five wounded, the ministry said.\n"
    )
    assert clean(text) == text


def test_crlf_and_empty() -> None:
    assert clean("") == ""
    text = "Share\r\nPolice arrested three men after clashes in the port city, a spokesman said.\r\n"
    cleaned = clean(text)
    check_same_positions(text, cleaned)
    assert cleaned.startswith("     \r\nPolice")


_WORDS = st.sampled_from(
    ["Related", "Share", "By", "Jane", "Doe", "KYIV", "(AP)", "—", "-", "Home", ">", "Date:", "2024-01-02",
     "troops", "attacked", "the", "town.", "Most", "Read", "\n", "\r\n", "©", "(12)", " ", "é", "\t"]
)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_clean_keeps_length_and_characters_on_any_text(text: str) -> None:
    check_same_positions(text, clean(text))


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=60).map(" ".join))
def test_clean_keeps_length_and_characters_on_page_like_text(text: str) -> None:
    check_same_positions(text, clean(text))


PAGE_D = """\
Officials said the ambush on the patrol killed two police officers and injured three others.
Trending Now
Heatwave grips the south
Mayor opens new bridge
Markets close higher
Local bakery wins national prize after a long and hard-fought contest that drew entries from every region of the country this year.
"""


def test_after_a_long_list_teasers_are_dropped_too() -> None:
    assert kept_lines(PAGE_D) == [
        "Officials said the ambush on the patrol killed two police officers and injured three others."
    ]


PAGE_E = """\
Trending
Storm warning issued for coast
Top Stories
Clashes erupt at border crossing
Border guards exchanged fire with smugglers overnight, leaving one guard dead, the interior ministry said.
"""


def test_marker_lists_before_the_story() -> None:
    assert kept_lines(PAGE_E) == [
        "Border guards exchanged fire with smugglers overnight, leaving one guard dead, the interior ministry said."
    ]


@pytest.mark.parametrize("text", ["Kenya Protests", "Gunmen Kill Five", "Home Guard Deployed"])
def test_short_texts_without_a_story_are_kept(text: str) -> None:
    assert clean(text) == text


def test_short_title_lines_before_a_story_are_furniture() -> None:
    text = "World | Africa\nThe Evening Post\nSoldiers fired tear gas at students marching in the capital, witnesses said.\n"
    assert kept_lines(text) == ["Soldiers fired tear gas at students marching in the capital, witnesses said."]

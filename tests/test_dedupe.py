"""Cross-article deduplication (--dedupe): one event reported by several articles is one row.

Every article here is written for these tests.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conflict_events.cli import app
from conflict_events.events.dedupe import dedupe_rows
from conflict_events.schema import EventRow

# One attack in Maiduguri on Saturday 13 April 2024, told four ways.
ARTICLES = {
    # "on Saturday", published on the Sunday after; five killed.
    "sunday_paper.txt": "Published: 14 April 2024\nGunmen shot dead five villagers in Maiduguri on Saturday, police said.\n",
    # The explicit date; seven killed.
    "wire.txt": "Published: 15 April 2024\nOn 13 April 2024, gunmen killed seven villagers in Maiduguri, a local official said.\n",
    # Same day report, other wording.
    "local_radio.txt": (
        "Published: 13 April 2024\n"
        "Armed men opened fire on villagers in Maiduguri on Saturday, killing at least five people, residents said.\n"
    ),
    # A different event: must stay its own row.
    "protest.txt": "Published: 14 April 2024\nHundreds of students marched in Lagos on Friday against fee increases.\n",
}
ATTACK_FILES = ["sunday_paper.txt", "wire.txt", "local_radio.txt"]


@pytest.fixture
def articles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def extract_jsonl(*args: str) -> list[dict]:
    result = CliRunner().invoke(app, ["extract", *args, "--format", "jsonl"], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_without_dedupe_each_article_gives_its_row(articles):
    rows = extract_jsonl(*ATTACK_FILES)
    assert len(rows) == 3
    assert {row["event_date"] for row in rows} == {"2024-04-13"}
    assert sorted(row["fatalities"] for row in rows) == [5, 5, 7]


def test_dedupe_merges_the_reports_of_one_event(articles):
    rows = extract_jsonl(*ATTACK_FILES, "--dedupe")
    assert len(rows) == 1
    row = rows[0]
    assert row["doc_id"] == "sunday_paper.txt; wire.txt; local_radio.txt"
    assert row["event_date"] == "2024-04-13" and row["year"] == 2024
    assert row["location"] == "Maiduguri"
    assert row["event_type"] == "Violence against civilians"
    # The lowest credible figure: 5, not 7.
    assert row["fatalities"] == 5
    assert "5 reported killed" in row["notes"]
    # Each article's sentence is kept.
    for name in ATTACK_FILES:
        sentence = ARTICLES[name].splitlines()[1]
        assert sentence in row["evidence"]
    assert row["evidence"].count(" | ") == 2


def test_dedupe_keeps_other_events_apart(articles):
    rows = extract_jsonl(*ARTICLES, "--dedupe")
    assert len(rows) == 2
    by_type = {row["event_type"]: row for row in rows}
    assert by_type["Protests"]["doc_id"] == "protest.txt"
    assert by_type["Violence against civilians"]["doc_id"].count("; ") == 2
    # Merged rows are numbered again, without the gaps the merged-away rows left.
    assert sorted(row["event_id_cnty"] for row in rows) == ["NGA1", "NGA2"]


def test_dedupe_notes_follow_the_lowest_figure_whatever_the_order(articles):
    # The seven-killed report first: the merged row must not keep its notes.
    rows = extract_jsonl("wire.txt", "sunday_paper.txt", "--dedupe")
    assert len(rows) == 1
    assert rows[0]["fatalities"] == 5
    assert "5 reported killed" in rows[0]["notes"] and "7 reported" not in rows[0]["notes"]


def test_dedupe_table_caption_counts_the_documents(articles):
    result = CliRunner().invoke(app, ["extract", *ARTICLES, "--dedupe", "-f", "table"], catch_exceptions=False)
    assert result.exit_code == 0
    assert "4 documents read" in result.stdout


# --- dedupe_rows, table-driven --------------------------------------------------

BASE = EventRow(
    doc_id="one.txt",
    event_date="2024-04-13",
    year=2024,
    time_precision=1,
    event_type="Battles",
    sub_event_type="Armed clash",
    actor1="Al Shabaab",
    inter1=2,
    actor2="Military Forces of Somalia (2022-)",
    inter2=1,
    interaction=12,
    country="Somalia",
    admin1="Hiraan",
    location="Beledweyne",
    source="Radio One",
    fatalities=7,
    evidence="Fighters attacked the base in Beledweyne on Saturday.",
    confidence=0.7,
)


def other(**changes) -> EventRow:
    fields = {"doc_id": "two.txt", "source": "Daily Two", "evidence": "The base at Beledweyne came under attack.", **changes}
    return replace(BASE, **fields)


MERGE = [
    ("same day", other()),
    ("a day later", other(event_date="2024-04-14")),
    ("a day earlier", other(event_date="2024-04-12")),
    ("other sub-type, same type", other(sub_event_type="Government regains territory")),
    ("no actor 2 in one report", other(actor2="", inter2=0)),
    ("no actor 1 in one report", other(actor1="", inter1=0)),
]
APART = [
    ("two days later", other(event_date="2024-04-15")),
    ("two days earlier", other(event_date="2024-04-11")),
    ("different place", other(location="Jowhar", admin1="Middle Shabelle")),
    ("same town name, other country", other(country="Kenya")),
    ("different type", other(event_type="Explosions/Remote violence", sub_event_type="Remote explosive/landmine/IED")),
    ("different actor 1", other(actor1="Islamic State (Somalia)")),
    ("different actor 2", other(actor2="Civilians (Somalia)", inter2=7)),
    ("undated against dated", other(event_date="", year=None)),
    ("the same article", other(doc_id="one.txt")),
]


@pytest.mark.parametrize("label, second", MERGE, ids=[m[0] for m in MERGE])
def test_pairs_that_merge(label, second):
    merged = dedupe_rows([BASE, second])
    assert len(merged) == 1, label
    row = merged[0]
    assert row.doc_id == "one.txt; two.txt"
    assert row.source == "Radio One; Daily Two"
    assert BASE.evidence in row.evidence and second.evidence in row.evidence
    # A report that left an actor out does not blank it.
    assert row.actor1 == "Al Shabaab"


@pytest.mark.parametrize("label, second", APART, ids=[a[0] for a in APART])
def test_pairs_that_stay_apart(label, second):
    merged = dedupe_rows([BASE, second])
    assert len(merged) == 2, label
    assert merged[0].doc_id == "one.txt" and merged[1].doc_id == second.doc_id


def test_empty_actor_is_filled_from_the_other_report():
    merged = dedupe_rows([other(actor2="", inter2=0, interaction=20), BASE])
    assert len(merged) == 1
    assert merged[0].actor2 == "Military Forces of Somalia (2022-)"
    assert merged[0].inter2 == 1 and merged[0].interaction == 12


def test_merged_values():
    merged = dedupe_rows([BASE, other(event_date="2024-04-12", year=2024, fatalities=5, injuries=3), other(doc_id="three.txt", source="Radio One", fatalities=0)])
    assert len(merged) == 1
    row = merged[0]
    assert row.doc_id == "one.txt; two.txt; three.txt"
    # Sources already listed are not repeated.
    assert row.source == "Radio One; Daily Two"
    # Lowest non-zero figure; a report without a figure does not make it 0.
    assert row.fatalities == 5 and row.injuries == 3
    # The earliest date reported.
    assert row.event_date == "2024-04-12"
    assert row.confidence > BASE.confidence


def test_inputs_are_not_changed():
    first, second = replace(BASE), other(fatalities=3)
    dedupe_rows([first, second])
    assert first == BASE and first.doc_id == "one.txt" and first.fatalities == 7


def test_rows_without_place_are_not_merged():
    nowhere = replace(BASE, location="", admin1="", country="")
    assert len(dedupe_rows([nowhere, replace(nowhere, doc_id="two.txt")])) == 2


def test_nothing_and_one():
    assert dedupe_rows([]) == []
    assert dedupe_rows([BASE]) == [BASE]

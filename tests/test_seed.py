"""Golden test: the seed article gives the events ../shared/seed/expected.json requires, and nothing it forbids."""

import csv
import io
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conflict_events.cli import app

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seed"
pytestmark = pytest.mark.skipif(not (SEED / "expected.json").exists(), reason="../shared/seed is not present")


@pytest.fixture(scope="module")
def seed_rows():
    result = CliRunner().invoke(app, ["extract", str(SEED / "us-strikes-iraq.txt"), "--format", "csv"])
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.stdout)))


@pytest.fixture(scope="module")
def expected():
    return json.loads((SEED / "expected.json").read_text(encoding="utf-8"))


def _matches(row, spec):
    if row["event_type"] != spec["event_type"] or row["sub_event_type"] != spec["sub_event_type"]:
        return False
    if row["event_date"] not in spec["event_date"] or row["country"] != spec["country"]:
        return False
    if "admin1" in spec and row["admin1"] != spec["admin1"]:
        return False
    if "location_matches" in spec and not re.search(spec["location_matches"], row["location"].lower()):
        return False
    for key, column in (("actor1_matches", "actor1"), ("actor2_matches", "actor2")):
        if key in spec and not re.search(spec[key], row[column].lower()):
            return False
    return int(row["fatalities"]) == spec["fatalities"]


def test_every_required_event_is_found(seed_rows, expected):
    missing = [spec["what"] for spec in expected["required"] if not any(_matches(row, spec) for row in seed_rows)]
    assert not missing, "\n".join(missing) + "\n\nrows:\n" + "\n".join(
        f"{r['event_date']} {r['sub_event_type']} | {r['actor1']} | {r['actor2']} | {r['location']}, {r['admin1']}, {r['country']} | {r['fatalities']}" for r in seed_rows
    )


def test_nothing_forbidden(seed_rows):
    text = (SEED / "us-strikes-iraq.txt").read_text(encoding="utf-8")
    boilerplate_start = text.index("veryGood!")
    assert len(seed_rows) <= 10
    for row in seed_rows:
        assert int(row["char_start"]) < boilerplate_start, row["evidence"]
        assert row["country"] in ("Iraq", "Syria"), row
        assert "washington" not in row["location"].lower()
        assert "151" not in row["evidence"]


def test_evidence_offsets_point_into_the_original_text(seed_rows):
    text = (SEED / "us-strikes-iraq.txt").read_text(encoding="utf-8")
    for row in seed_rows:
        assert text[int(row["char_start"]) : int(row["char_end"])] == row["evidence"]


def test_every_row_is_at_a_place_the_gazetteer_knows(seed_rows):
    # All the article's places are known; a row without coordinates is a word taken for a place.
    for row in seed_rows:
        assert row["latitude"] and row["admin1"], row


def test_no_event_twice_and_no_us_strike_on_its_own_base(seed_rows):
    keys = [(r["event_date"], r["location"], r["sub_event_type"]) for r in seed_rows]
    assert len(keys) == len(set(keys)), keys
    for row in seed_rows:
        assert not (row["actor1"].startswith("Military Forces of the United States") and "asad" in row["location"].lower()), row

"""Scoring rules of conflict_events.evaluate, with gold rows and predictions written here."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Iterable, Iterator

import pytest

from conflict_events.evaluate import (
    FIELDS,
    best_match,
    compare,
    evaluate,
    read_gold,
    run_evaluate_command,
    stratified_sample,
)
from conflict_events.evaluate.gold import GoldFormatError
from conflict_events.evaluate.matching import haversine_km, normalise_actor, normalise_place
from conflict_events.evaluate.report import make_console, render_report
from conflict_events.io.documents import Document
from conflict_events.schema import ACLED_COLUMNS, EventRow

VAC = "Violence against civilians"
BATTLES = "Battles"


def row(**kw: object) -> EventRow:
    return EventRow(**kw)  # type: ignore[arg-type]


# --- normalisation -----------------------------------------------------------

@pytest.mark.parametrize(
    "a, b, equal",
    [
        ("Military Forces of Freedonia (2019-)", "military forces of freedonia", True),
        ("Police Forces of Freedonia (2001-2009)", "Police Forces of Freedonia", True),
        ("Police Forces of Freedonia (2001-2009)", "Police Forces of Freedonia (2010-)", True),
        ("Military Forces of Ruritania (2016-) Council", "Military Forces of Ruritania Council", True),
        ("Protesters (Côte d'Ivoire)", "PROTESTERS (Cote d'Ivoire)", True),
        ("Gendarmería Nacional", "gendarmeria nacional", True),
        ("Protesters (Freedonia)", "Protesters", False),  # only period suffixes go
        ("Rioters (Freedonia)", "Protesters (Freedonia)", False),
    ],
)
def test_actor_normalisation(a: str, b: str, equal: bool) -> None:
    assert (normalise_actor(a) == normalise_actor(b)) is equal


@pytest.mark.parametrize(
    "a, b",
    [("São Tomé", "Sao Tome"), ("Port Ville - Harbour", "port ville harbour"), ("  Ålby ", "alby"), ("Al Qaryah", "Qaryah"), ("El-Wadi", "wadi")],
)
def test_place_normalisation(a: str, b: str) -> None:
    assert normalise_place(a) == normalise_place(b)


def test_the_article_is_only_dropped_before_a_name() -> None:
    assert normalise_place("Al") == "al"
    assert normalise_place("Alba") != normalise_place("Ba")


# --- field rules -------------------------------------------------------------

GOLD_BATTLE = row(
    event_type=BATTLES, sub_event_type="Armed clash", event_date="2030-03-04",
    actor1="Military Forces of Freedonia (2019-)", inter1=1,
    actor2="Northern Liberation Front", inter2=2, interaction=12,
    country="Freedonia", admin1="North", location="Alpha", latitude=10.0, longitude=20.0, fatalities=3,
)
GOLD_VAC = row(
    event_type=VAC, sub_event_type="Attack", event_date="2030-03-05",
    actor1="Northern Liberation Front", inter1=2, actor2="Civilians (Freedonia)", inter2=7, interaction=27,
    country="Freedonia", admin1="North", location="Alpha", latitude=10.0, longitude=20.0, fatalities=1,
)


@pytest.mark.parametrize(
    "gold, pred, expected",
    [
        # order ignored outside Violence against civilians
        (GOLD_BATTLE, dict(actor1="Northern Liberation Front", inter1=2, actor2="military forces of freedonia", inter2=1),
         dict(actor1=True, actor_pair=True, inter_pair=True)),
        (GOLD_BATTLE, dict(actor1="Military Forces of Freedonia (2020-)", inter1=1, actor2="Northern Liberation Front", inter2=2),
         dict(actor1=True, actor_pair=True, inter_pair=True)),
        (GOLD_BATTLE, dict(actor1="Military Forces of Freedonia", inter1=1, actor2="", inter2=0),
         dict(actor1=True, actor_pair=False, inter_pair=False)),
        (GOLD_BATTLE, dict(actor1="Someone Else", inter1=1, actor2="Northern Liberation Front", inter2=2),
         dict(actor1=False, actor_pair=False, inter_pair=True)),
        # order counts in Violence against civilians
        (GOLD_VAC, dict(actor1="Civilians (Freedonia)", inter1=7, actor2="Northern Liberation Front", inter2=2),
         dict(actor1=False, actor_pair=False, inter_pair=False)),
        (GOLD_VAC, dict(actor1="northern liberation front", inter1=2, actor2="Civilians (Freedonia)", inter2=7),
         dict(actor1=True, actor_pair=True, inter_pair=True)),
    ],
)
def test_actor_rules(gold: EventRow, pred: dict, expected: dict[str, bool]) -> None:
    fields = compare(gold, row(**pred))
    for name, value in expected.items():
        assert fields[name] is value, name


def test_haversine_one_degree_latitude() -> None:
    assert haversine_km(0.0, 0.0, 1.0, 0.0) == pytest.approx(111.2, abs=0.2)


@pytest.mark.parametrize(
    "pred, ok",
    [
        (dict(location="ALPHA"), True),                                  # name, no coordinates
        (dict(location="Beta", latitude=10.10, longitude=20.0), True),   # ~11 km away
        (dict(location="Beta", latitude=10.13, longitude=20.0), True),   # ~14.5 km
        (dict(location="Beta", latitude=10.14, longitude=20.0), False),  # ~15.6 km
        (dict(location="Beta", latitude=None, longitude=None), False),
        (dict(location="Alpha", latitude=50.0, longitude=50.0), True),   # name alone suffices
    ],
)
def test_location_15_km_rule(pred: dict, ok: bool) -> None:
    assert compare(GOLD_BATTLE, row(**pred))["location"] is ok


@pytest.mark.parametrize(
    "pred, ok",
    [
        (dict(location="Alpha", latitude=10.2, longitude=20.0), True),    # ~22 km: coordinates count, the name is no help
        (dict(location="Alpha", latitude=10.25, longitude=20.0), False),  # ~28 km
        (dict(location="Alpha", latitude=None, longitude=None), False),   # the right name without coordinates
    ],
)
def test_coordinates_25_km_rule(pred: dict, ok: bool) -> None:
    assert compare(GOLD_BATTLE, row(**pred))["coordinates"] is ok


@pytest.mark.parametrize(
    "pred, field, ok",
    [
        (dict(fatalities=3), "fatalities", True),
        (dict(fatalities=4), "fatalities", False),
        (dict(event_date="2030-03-04"), "event_date", True),
        (dict(event_date="2030-3-4"), "event_date", False),
        (dict(interaction=12), "interaction", True),
        (dict(interaction=21), "interaction", False),
        (dict(country="freedonia", admin1="NORTH"), "admin1", True),
    ],
)
def test_scalar_fields(pred: dict, field: str, ok: bool) -> None:
    assert compare(GOLD_BATTLE, row(**pred))[field] is ok


# --- matching ----------------------------------------------------------------

def test_best_match_prefers_agreement_then_row_order() -> None:
    weak = row(event_type=BATTLES, sub_event_type="Armed clash")
    strong = row(event_type=BATTLES, sub_event_type="Armed clash", event_date="2030-03-04", location="Alpha")
    assert best_match(GOLD_BATTLE, [weak, strong]).index == 1
    assert best_match(GOLD_BATTLE, [weak, weak]).index == 0


def test_best_match_ties_broken_by_subtype_priority() -> None:
    # Each agrees on two match fields; the one with the right sub-type wins.
    by_subtype = row(event_type=BATTLES, sub_event_type="Armed clash")
    by_place = row(event_date="2030-03-04", location="Alpha")
    assert best_match(GOLD_BATTLE, [by_place, by_subtype]).index == 1


def test_no_prediction_is_wrong_everywhere() -> None:
    match = best_match(GOLD_BATTLE, [])
    assert not match.detected and match.predicted is None
    assert match.mismatches == len(FIELDS) and match.spurious == 0


# --- end to end with a fake extractor ---------------------------------------

GOLD_ROWS = [
    # id, event_type, sub_event_type, actor1, inter1, actor2, inter2, interaction, location, lat, lon, fatalities, notes
    ("FRE1", BATTLES, "Armed clash", "Military Forces of Freedonia (2019-)", 1, "Northern Liberation Front", 2, 12,
     "Alpha", 10.0, 20.0, 2, "Soldiers and NLF fighters clashed near Alpha on Tuesday."),
    ("FRE2", "Protests", "Peaceful protest", "Protesters (Freedonia)", 6, "", 0, 60,
     "Beta", 11.0, 21.0, 0, "Teachers marched peacefully in Beta."),
    ("FRE3", VAC, "Attack", "Northern Liberation Front", 2, "Civilians (Freedonia)", 7, 27,
     "Gamma", 12.0, 22.0, 1, "NLF gunmen shot a farmer in Gamma."),
    ("FRE4", "Protests", "Peaceful protest", "Protesters (Freedonia)", 6, "", 0, 60,
     "Delta", 13.0, 23.0, 0, "Nurses held a sit-in in Delta."),
]


def write_gold(path: Path, rows: Iterable[tuple] = GOLD_ROWS, text_column: str = "notes") -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        columns = [c if c != "notes" else text_column for c in ACLED_COLUMNS]
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        for (eid, et, st, a1, i1, a2, i2, inter, loc, lat, lon, fat, notes) in rows:
            writer.writerow({
                "event_id_cnty": eid, "event_date": "2030-03-04", "year": 2030, "event_type": et,
                "sub_event_type": st, "actor1": a1, "inter1": i1, "actor2": a2, "inter2": i2,
                "interaction": inter, "country": "Freedonia", "admin1": "North", "location": loc,
                "latitude": lat, "longitude": lon, "fatalities": fat, text_column: notes,
            })
    return path


def fake_extractor(by_id: dict[str, list[EventRow]]):
    seen: list[Document] = []

    def run(documents: Iterable[Document]) -> Iterator[tuple[Document, list[EventRow]]]:
        for doc in documents:
            seen.append(doc)
            yield doc, by_id.get(doc.id, [])

    run.seen = seen  # type: ignore[attr-defined]
    return run


def predictions() -> dict[str, list[EventRow]]:
    common = dict(event_date="2030-03-04", country="Freedonia", admin1="North")
    return {
        # right, plus two spurious rows
        "FRE1": [
            row(event_type="Strategic developments", sub_event_type="Other", **common),
            row(event_type=BATTLES, sub_event_type="Armed clash", actor1="Northern Liberation Front", inter1=2,
                actor2="Military Forces of Freedonia", inter2=1, interaction=12, location="Alpha",
                latitude=10.0, longitude=20.0, fatalities=2, **common),
            row(event_type=BATTLES, sub_event_type="Armed clash", **common),
        ],
        # FRE2: nothing detected
        # VAC with actors swapped: actor fields wrong
        "FRE3": [row(event_type=VAC, sub_event_type="Attack", actor1="Civilians (Freedonia)", inter1=7,
                     actor2="Northern Liberation Front", inter2=2, interaction=27, location="Gamma",
                     fatalities=1, **common)],
        "FRE4": [row(event_type="Protests", sub_event_type="Protest with intervention",
                     actor1="Protesters (Freedonia)", inter1=6, interaction=60, location="Delta", **common)],
    }


def test_read_gold_does_not_leak_date(tmp_path: Path) -> None:
    examples = read_gold(write_gold(tmp_path / "gold.csv"))
    assert [e.document.id for e in examples] == ["FRE1", "FRE2", "FRE3", "FRE4"]
    assert all(e.document.date is None for e in examples)
    assert examples[0].gold.latitude == 10.0 and examples[0].gold.inter2 == 2
    assert examples[1].document.text.startswith("Teachers")


def test_read_gold_other_text_column_and_missing_column(tmp_path: Path) -> None:
    path = write_gold(tmp_path / "gold.csv", text_column="body")
    assert read_gold(path, text_column="body")[2].document.text.startswith("NLF")
    with pytest.raises(GoldFormatError):
        read_gold(path)


def test_read_gold_ids_fall_back_to_row_numbers(tmp_path: Path) -> None:
    rows = [("", *GOLD_ROWS[0][1:]), ("FRE9", *GOLD_ROWS[1][1:]), ("FRE9", *GOLD_ROWS[2][1:])]
    ids = [e.document.id for e in read_gold(write_gold(tmp_path / "g.csv", rows))]
    assert ids == ["1", "FRE9", "FRE9#3"]


def test_evaluate_arithmetic(tmp_path: Path) -> None:
    fake = fake_extractor(predictions())
    result = evaluate(write_gold(tmp_path / "gold.csv"), extractor=fake)
    overall = result.overall
    assert result.n_texts == 4 and result.n_predicted_rows == 5
    assert overall.detected == 3 and overall.detection_rate == pytest.approx(0.75)
    # (3-1) + (1-1) + (1-1) beyond the matched rows, over 4 texts
    assert overall.spurious_rows == 2 and overall.spurious_per_text == pytest.approx(0.5)
    # over ALL gold rows: FRE2 counts as wrong
    assert overall.accuracy("event_type") == pytest.approx(3 / 4)
    assert overall.accuracy("sub_event_type") == pytest.approx(2 / 4)
    assert overall.accuracy("actor_pair") == pytest.approx(2 / 4)  # FRE1 swapped ok, FRE3 VAC swap wrong
    assert overall.accuracy("location") == pytest.approx(3 / 4)
    assert [d.date for d in fake.seen] == [None] * 4
    by_type = result.by_event_type
    assert list(by_type) == [BATTLES, "Protests", VAC]
    assert by_type["Protests"].n == 2 and by_type["Protests"].detected == 1
    assert by_type[BATTLES].spurious_per_text == pytest.approx(2.0)
    assert result.confusion == {
        "Armed clash": {"Armed clash": 1},
        "Peaceful protest": {"Protest with intervention": 1, "(none)": 1},
        "Attack": {"Attack": 1},
    }
    worst = result.worst(2)
    assert [s.example.document.id for s in worst] == ["FRE2", "FRE3"]


def test_limit_keeps_first_rows(tmp_path: Path) -> None:
    result = evaluate(write_gold(tmp_path / "gold.csv"), extractor=fake_extractor({}), limit=2)
    assert [s.example.document.id for s in result.scored] == ["FRE1", "FRE2"]


def _many_rows() -> list[tuple]:
    out = []
    for i in range(30):
        sub = ("Armed clash", "Peaceful protest", "Attack")[i % 3]
        et = {"Armed clash": BATTLES, "Peaceful protest": "Protests", "Attack": VAC}[sub]
        out.append((f"ZZZ{i:03d}", et, sub, "A", 1, "", 0, 10, "Alpha", 1.0, 1.0, 0, f"text {i}"))
    return out[:25]  # 9 clashes, 8 protests, 8 attacks


def test_stratified_sample_is_deterministic_and_order_free(tmp_path: Path) -> None:
    examples = read_gold(write_gold(tmp_path / "g.csv", _many_rows()))
    first = [e.document.id for e in stratified_sample(examples, 4, seed=7)]
    again = [e.document.id for e in stratified_sample(list(reversed(examples)), 4, seed=7)]
    assert first == again and len(first) == 12
    assert first == sorted(first)
    other = [e.document.id for e in stratified_sample(examples, 4, seed=8)]
    assert other != first
    subs = [e.gold.sub_event_type for e in stratified_sample(examples, 4, seed=7)]
    assert {s: subs.count(s) for s in set(subs)} == {"Armed clash": 4, "Peaceful protest": 4, "Attack": 4}
    assert len(stratified_sample(examples, 100)) == 25


def test_evaluate_with_sample(tmp_path: Path) -> None:
    path = write_gold(tmp_path / "g.csv", _many_rows())
    result = evaluate(path, extractor=fake_extractor({}), sample_per_subtype=2, seed=1)
    assert result.n_texts == 6 and result.overall.detected == 0
    assert result.to_json()["sample_per_subtype"] == 2


def test_json_shape(tmp_path: Path) -> None:
    result = evaluate(write_gold(tmp_path / "gold.csv"), extractor=fake_extractor(predictions()))
    data = json.loads(json.dumps(result.to_json(worst=3)))
    assert {"note", "n_texts", "n_predicted_rows", "overall", "by_event_type", "by_sub_event_type",
            "confusion", "worst_examples", "timing", "fields"} <= set(data)
    assert set(data["overall"]) == {"n", "detected", "detection_rate", "spurious_rows", "spurious_per_text", "accuracy"}
    assert set(data["overall"]["accuracy"]) == set(FIELDS)
    assert data["confusion"]["predicted_labels"][-1] == "(none)"
    assert len(data["worst_examples"]) == 3
    first = data["worst_examples"][0]
    assert first["id"] == "FRE2" and first["predicted"] is None and first["text"].startswith("Teachers")
    bare = result.to_json(include_content=False)["worst_examples"][0]
    assert set(bare) == {"id", "row_number", "mismatches", "n_predicted", "fields"}
    assert set(data["timing"]) == {"seconds", "texts_per_second"}


def test_report_renders(tmp_path: Path) -> None:
    result = evaluate(write_gold(tmp_path / "gold.csv"), extractor=fake_extractor(predictions()))
    out = io.StringIO()
    render_report(result, make_console(out), worst=2)
    text = out.getvalue()
    for needle in ("detection rate", "ALL gold rows", "Battles", "spurious/text", "Armed clash", "FRE2", "none"):
        assert needle in text


@pytest.mark.parametrize("fmt", ["json", "table"])
def test_run_evaluate_command(tmp_path: Path, fmt: str) -> None:
    out = io.StringIO()
    code = run_evaluate_command(
        write_gold(tmp_path / "gold.csv"), text_column="notes", fmt=fmt, out_stream=out,
        model=None, actors_file=None, limit=None, sample_per_subtype=None, workers=1,
        extractor=fake_extractor(predictions()),
    )
    assert code == 0
    if fmt == "json":
        assert json.loads(out.getvalue())["n_texts"] == 4
    else:
        assert "detection rate" in out.getvalue()


def test_run_evaluate_command_bad_input(tmp_path: Path) -> None:
    assert run_evaluate_command(tmp_path / "missing.csv", fmt="json", out_stream=io.StringIO()) == 2
    path = write_gold(tmp_path / "gold.csv", text_column="body")
    assert run_evaluate_command(path, text_column="notes", fmt="json", out_stream=io.StringIO(),
                                extractor=fake_extractor({})) == 2


# --- properties --------------------------------------------------------------

from hypothesis import given, strategies as st  # noqa: E402

_names = st.text(alphabet="abcdéfgÅ ()-0123456789", max_size=20)
_types = st.sampled_from([BATTLES, VAC, "Protests", "Riots"])


@given(et=_types, a1=_names, a2=_names, i1=st.integers(0, 8), i2=st.integers(0, 8),
       lat=st.floats(-80, 80), lon=st.floats(-179, 179), fat=st.integers(0, 500))
def test_row_agrees_with_itself_and_swap_only_matters_for_vac(
    et: str, a1: str, a2: str, i1: int, i2: int, lat: float, lon: float, fat: int
) -> None:
    gold = row(event_type=et, actor1=a1, actor2=a2, inter1=i1, inter2=i2, latitude=lat, longitude=lon, fatalities=fat)
    assert all(compare(gold, gold).values())
    swapped = compare(gold, row(event_type=et, actor1=a2, actor2=a1, inter1=i2, inter2=i1))
    if et != VAC:
        assert swapped["actor_pair"] and swapped["inter_pair"] and swapped["actor1"]
    elif normalise_actor(a1) != normalise_actor(a2):
        assert not swapped["actor_pair"] and not swapped["actor1"]

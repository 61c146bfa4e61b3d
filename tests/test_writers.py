"""Writers: CSV, JSON lines, GeoJSON, the rich table and explanations."""

from __future__ import annotations

import csv
import io
import json

import pytest
from rich.console import Console

from conflict_events.io.documents import Document
from conflict_events.io.writers import (
    FORMATS,
    excel_safe_cell,
    open_writer,
    render_explanation,
)
from conflict_events.schema import COLUMNS, EventRow

DOC = Document(id="doc-1", text="irrelevant")
EMPTY_DOC = Document(id="doc-2", text="nothing happened")


def make_rows() -> list[EventRow]:
    return [
        EventRow(
            doc_id="doc-1",
            event_id_cnty="NGA1",
            event_date="2022-02-13",
            year=2022,
            time_precision=1,
            disorder_type="Political violence",
            event_type="Battles",
            sub_event_type="Armed clash",
            actor1="Unidentified Armed Group (Nigeria)",
            inter1=3,
            actor2="Military Forces of Nigeria (2015-2023)",
            inter2=1,
            interaction=13,
            iso=566,
            region="Western Africa",
            country="Nigeria",
            admin1="Zamfara",
            location="Gusau",
            latitude=12.17,
            longitude=6.66,
            geo_precision=1,
            notes="=SUM(A1) gunmen attacked an army post, with a comma and \"quotes\".",
            fatalities=4,
            injuries=2,
            weapons="guns; motorbikes",
            evidence="Gunmen stormed an army post, killing four soldiers.",
            char_start=10,
            char_end=61,
            confidence=0.8,
            explanation={
                "spans": [(0, 6, "ACTOR"), (7, 14, "TRIGGER"), (18, 27, "TARGET"), (29, 50, "CASUALTY")],
                "rule": "stormed → Armed clash",
                "notes": ["actor2 from 'army post'"],
            },
        ),
        EventRow(
            doc_id="doc-1",
            event_type="Explosions/Remote violence",
            sub_event_type="Shelling/artillery/missile attack",
            actor1="-Rebels",
            country="Spain",
            location="Somewhere",
            latitude=40.4,
            longitude=-3.5,
            tags="+crowd size=no report",
        ),
        EventRow(doc_id="doc-1", event_type="Protests", sub_event_type="Peaceful protest", actor1="@protesters"),
    ]


def write(fmt: str, **kwargs) -> tuple[str, object]:
    stream = io.StringIO()
    writer = open_writer(fmt, stream, **kwargs)
    writer.write_document(DOC, make_rows())
    writer.write_document(EMPTY_DOC, [])
    writer.close()
    return stream.getvalue(), writer


def test_csv_header_line_endings_and_round_trip() -> None:
    out, writer = write("csv")
    assert "\r" not in out
    lines = out.split("\n")
    assert lines[0] == ",".join(COLUMNS)
    records = list(csv.DictReader(io.StringIO(out)))
    assert len(records) == 3
    back = [EventRow.from_dict(r) for r in records]
    assert back == make_rows()
    assert records[2]["latitude"] == "" and back[2].latitude is None
    assert writer.rows_written == 3 and writer.documents_without_events == 1


def test_csv_writes_and_flushes_per_document() -> None:
    stream = io.StringIO()
    writer = open_writer("csv", stream)
    writer.write_document(DOC, make_rows()[:1])
    assert stream.getvalue().count("\n") == 2  # header and the row, before close
    writer.close()


@pytest.mark.parametrize(
    "value, expected",
    [
        ("=SUM(A1)", "'=SUM(A1)"),
        ("+crowd", "'+crowd"),
        ("-Rebels", "'-Rebels"),
        ("@user", "'@user"),
        ("\tx", "'\tx"),
        ("-3.5", "-3.5"),
        ("+12", "+12"),
        ("Gunmen", "Gunmen"),
        ("", ""),
    ],
)
def test_excel_safe_cell(value: str, expected: str) -> None:
    assert excel_safe_cell(value) == expected


def test_csv_excel_safe() -> None:
    out, _ = write("csv", excel_safe=True)
    records = list(csv.DictReader(io.StringIO(out)))
    assert records[0]["notes"].startswith("'=SUM")
    assert records[1]["actor1"] == "'-Rebels"
    assert records[1]["tags"] == "'+crowd size=no report"
    assert records[1]["longitude"] == "-3.5"  # numbers are never prefixed
    assert records[2]["actor1"] == "'@protesters"


def test_jsonl_in_column_order() -> None:
    out, _ = write("jsonl")
    lines = out.splitlines()
    assert len(lines) == 3
    first = json.loads(lines[0])
    assert list(first) == list(COLUMNS)
    assert EventRow.from_dict(first) == make_rows()[0]
    assert "explanation" not in first


def test_jsonl_keeps_non_ascii() -> None:
    stream = io.StringIO()
    writer = open_writer("jsonl", stream)
    writer.write_document(DOC, [EventRow(location="Bafoussam — Café")])
    writer.close()
    assert "Café" in stream.getvalue()


def test_geojson_is_valid_and_skips_rows_without_coordinates() -> None:
    out, writer = write("geojson")
    data = json.loads(out)
    assert data["type"] == "FeatureCollection"
    assert len(data["features"]) == 2
    for feature in data["features"]:
        assert feature["type"] == "Feature"
        assert feature["geometry"]["type"] == "Point"
        lon, lat = feature["geometry"]["coordinates"]
        assert lon == feature["properties"]["longitude"]
        assert lat == feature["properties"]["latitude"]
        assert list(feature["properties"]) == list(COLUMNS)
    assert data["features"][1]["geometry"]["coordinates"] == [-3.5, 40.4]
    assert writer.skipped_no_coordinates == 1


def test_geojson_empty_collection() -> None:
    stream = io.StringIO()
    open_writer("geojson", stream).close()
    assert json.loads(stream.getvalue()) == {"type": "FeatureCollection", "features": []}


def test_table_prints_on_close_with_caption() -> None:
    stream = io.StringIO()
    console = Console(file=stream, width=200, color_system=None)
    writer = open_writer("table", stream, console=console)
    writer.write_document(DOC, make_rows())
    writer.write_document(EMPTY_DOC, [])
    assert stream.getvalue() == ""
    writer.close()
    out = stream.getvalue()
    assert "Gusau" in out and "Zamfara" in out and "Armed clash" in out
    assert "Battles 1 · Protests 1 · Explosions/Remote violence 1" in out  # taxonomy order
    assert "2 documents read, 1 with no event" in out


def test_table_colours_by_event_type() -> None:
    stream = io.StringIO()
    console = Console(file=stream, width=200, force_terminal=True, color_system="standard")
    writer = open_writer("table", stream, console=console)
    writer.write_document(DOC, make_rows())
    writer.close()
    assert "\x1b[31m" in stream.getvalue()  # red for Battles


def test_table_without_rows() -> None:
    stream = io.StringIO()
    writer = open_writer("table", stream, console=Console(file=stream, width=120))
    writer.write_document(EMPTY_DOC, [])
    writer.close()
    assert "No events found" in stream.getvalue()


def test_table_explain_lists_evidence() -> None:
    stream = io.StringIO()
    writer = open_writer("table", stream, explain=True, console=Console(file=stream, width=200))
    writer.write_document(DOC, make_rows())
    writer.close()
    out = stream.getvalue()
    assert "stormed → Armed clash" in out
    assert "Gunmen stormed an army post" in out
    assert "ACTOR 'Gunmen'" in out and "TRIGGER 'stormed'" in out


def test_explain_for_streaming_formats_goes_to_its_own_stream() -> None:
    data, side = io.StringIO(), io.StringIO()
    writer = open_writer("jsonl", data, explain=True, explain_stream=side)
    writer.write_document(DOC, make_rows()[:1])
    writer.close()
    assert "stormed → Armed clash" in side.getvalue()
    assert "stormed →" not in data.getvalue()


def test_render_explanation_styles_spans_and_drops_bad_ones() -> None:
    row = make_rows()[0]
    row.explanation["spans"] = [*row.explanation["spans"], (40, 500, "PLACE"), ("x", 2, "DATE"), {"start": 18, "end": 22, "label": "place"}]
    text = render_explanation(row)
    plain = text.plain
    assert "rule: stormed → Armed clash" in plain
    assert "note: actor2 from 'army post'" in plain
    assert "PLACE 'army'" in plain
    styles = {str(span.style) for span in text.spans}
    assert "bold cyan" in styles and "bold yellow" in styles


def test_render_explanation_without_explanation() -> None:
    text = render_explanation(EventRow(doc_id="d", event_type="Riots", evidence="A mob burned cars."))
    assert "A mob burned cars." in text.plain


def test_unknown_format() -> None:
    with pytest.raises(ValueError, match="unknown output format"):
        open_writer("xml", io.StringIO())
    assert set(FORMATS) == {"csv", "jsonl", "geojson", "table"}

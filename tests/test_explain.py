"""--explain: each event's evidence with its spans highlighted and the rule that set its sub-type.

Every article here is written for these tests.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from conflict_events.cli import app
from conflict_events.io.writers import SPAN_STYLES, open_writer, render_explanation
from conflict_events.schema import COLUMNS, EventRow

MISSILE = (
    "Published: 10 July 2024\n"
    "Russian forces hit a residential building in Kharkiv with a ballistic missile on Tuesday, "
    "killing two people and wounding nine, the regional governor said.\n"
)
SENTENCE = MISSILE.splitlines()[1]
RULE = "ballistic missile → Shelling/artillery/missile attack"


@pytest.fixture
def article(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "kharkiv.txt"
    path.write_text(MISSILE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return path


def invoke(*args: str):
    result = CliRunner().invoke(app, ["extract", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return result


def test_table_explain_prints_rule_and_evidence(article):
    result = invoke("kharkiv.txt", "--explain", "--format", "table")
    out = result.stdout
    assert "\x1b[" not in out  # not a terminal: plain text
    assert "1. kharkiv.txt 2024-07-09 — Explosions/Remote violence / Shelling/artillery/missile attack" in out
    assert f"rule: {RULE}" in out
    # The evidence sentence whole, on one line, after the table.
    assert f"  {SENTENCE}\n" in out
    # The explanations come after the table and its caption.
    assert out.index("1 document read") < out.index("rule:")
    for listed in ("ACTOR 'Russian forces'", "PLACE 'Kharkiv'", "WEAPON 'ballistic missile'", "DATE 'Tuesday'", "CASUALTY 'killing two'", "TARGET 'two people'"):
        assert listed in out
    assert result.stderr == ""


def test_table_without_explain_has_no_explanation(article):
    out = invoke("kharkiv.txt", "--format", "table").stdout
    assert "rule:" not in out and SENTENCE not in out


def test_csv_explain_goes_to_stderr_and_stdout_stays_csv(article):
    result = invoke("kharkiv.txt", "--explain", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert tuple(rows[0].keys()) == COLUMNS
    assert len(rows) == 1 and rows[0]["sub_event_type"] == "Shelling/artillery/missile attack"
    assert "rule:" not in result.stdout
    assert f"rule: {RULE}" in result.stderr
    # Off a terminal the sentence is not broken at 80 columns.
    assert f"  {SENTENCE}\n" in result.stderr
    assert "\x1b[" not in result.stderr


def test_jsonl_explain_keeps_stdout_json(article):
    result = invoke("kharkiv.txt", "--explain", "--format", "jsonl")
    import json

    assert [json.loads(line)["location"] for line in result.stdout.splitlines()] == ["Kharkiv"]
    assert RULE in result.stderr


# --- render_explanation ---------------------------------------------------------

EVIDENCE = "Rebels shelled the market in Goma on Monday, killing three traders."


def explained_row(**explanation) -> EventRow:
    def span(text: str, label: str) -> tuple[int, int, str]:
        start = EVIDENCE.index(text)
        return (start, start + len(text), label)

    spans = [span("Rebels", "ACTOR"), span("the market", "TARGET"), span("Goma", "PLACE"), span("Monday", "DATE"), span("killing three", "CASUALTY")]
    return EventRow(
        doc_id="goma.txt",
        event_date="2024-02-05",
        event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack",
        evidence=EVIDENCE,
        explanation={"rule": "shelled → Shelling/artillery/missile attack", "spans": spans, **explanation},
    )


def plain(renderable) -> str:
    console = Console(file=io.StringIO(), force_terminal=False, no_color=True, width=200, highlight=False)
    console.print(renderable)
    return console.file.getvalue()


def test_render_explanation_plain_text():
    text = plain(render_explanation(explained_row(notes=["also reported by other.txt"]), number=2))
    assert text.splitlines() == [
        "2. goma.txt 2024-02-05 — Explosions/Remote violence / Shelling/artillery/missile attack",
        "  rule: shelled → Shelling/artillery/missile attack",
        f"  {EVIDENCE}",
        "  spans: ACTOR 'Rebels'; TARGET 'the market'; PLACE 'Goma'; DATE 'Monday'; CASUALTY 'killing three'",
        "  note: also reported by other.txt",
    ]


def test_render_explanation_highlights_each_span():
    text = render_explanation(explained_row())
    sentence_at = text.plain.index(EVIDENCE)
    styled = {(span.start - sentence_at, span.end - sentence_at): str(span.style) for span in text.spans}
    for word, label in (("Rebels", "ACTOR"), ("the market", "TARGET"), ("Goma", "PLACE"), ("Monday", "DATE"), ("killing three", "CASUALTY")):
        start = EVIDENCE.index(word)
        assert styled[(start, start + len(word))] == SPAN_STYLES[label]
    # With colour on, the highlight reaches the terminal.
    console = Console(file=io.StringIO(), force_terminal=True, color_system="standard", width=200)
    console.print(text)
    assert "\x1b[1;32mGoma" in console.file.getvalue()


def test_render_explanation_drops_bad_spans_and_handles_no_explanation():
    row = explained_row()
    row.explanation["spans"] = [(0, 6, "actor"), (50, 500, "PLACE"), ("x", 2, "DATE"), {"start": EVIDENCE.index("the market"), "end": EVIDENCE.index("the market") + 10, "label": "target"}]
    text = plain(render_explanation(row))
    assert "spans: ACTOR 'Rebels'; TARGET 'the market'\n" in text
    bare = plain(render_explanation(EventRow(doc_id="d", evidence="Something happened.")))
    assert bare.splitlines() == ["d", "  Something happened."]


def test_open_writer_explain_stream_for_streaming_formats():
    out, err = io.StringIO(), io.StringIO()
    from conflict_events.io.documents import Document

    writer = open_writer("csv", out, explain=True, explain_stream=err)
    writer.write_document(Document(id="goma.txt", text=EVIDENCE), [explained_row()])
    writer.close()
    assert out.getvalue().splitlines()[0] == ",".join(COLUMNS)
    assert "rule: shelled" not in out.getvalue()
    assert f"  {EVIDENCE}\n" in err.getvalue()

"""Write event rows as CSV, JSON lines, GeoJSON or a terminal table.

The streaming formats write and flush each document's rows as soon as they
are given, so a long run shows its output (and keeps it when interrupted).
"""

from __future__ import annotations

import csv
import json
import logging
import math
import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

from conflict_events.io.documents import Document
from conflict_events.schema import COLUMNS, EventRow, EventType

logger = logging.getLogger(__name__)

FORMATS: tuple[str, ...] = ("csv", "jsonl", "geojson", "table")

# Cells that spreadsheet programs would run as formulas.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER_RE = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$")

EVENT_TYPE_STYLES: dict[str, str] = {
    EventType.BATTLES.value: "red",
    EventType.EXPLOSIONS.value: "dark_orange",
    EventType.VIOLENCE_AGAINST_CIVILIANS.value: "magenta",
    EventType.PROTESTS.value: "green",
    EventType.RIOTS.value: "yellow",
    EventType.STRATEGIC_DEVELOPMENTS.value: "cyan",
}

SPAN_STYLES: dict[str, str] = {
    "ACTOR": "bold cyan",
    "TARGET": "bold magenta",
    "WEAPON": "bold red",
    "PLACE": "bold green",
    "DATE": "bold blue",
    "CASUALTY": "bold yellow",
    "TRIGGER": "bold underline",
}


class RowWriter:
    """Base of the writers: counts what went through it."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.documents_read = 0
        self.documents_without_events = 0
        self.rows_written = 0
        self.skipped_no_coordinates = 0
        self.closed = False
        self._explain_console: Any = None
        # Set by a --dedupe run, which writes its merged rows as one pseudo-document.
        self.documents_seen: int | None = None

    def write_document(self, doc: Document, rows: list[EventRow]) -> None:
        self.documents_read += 1
        if not rows:
            self.documents_without_events += 1
        for row in rows:
            self._write_row(row)
        if self._explain_console is not None:
            for row in rows:
                # Off a terminal (a log file, a pipe) keep each explanation line whole.
                self._explain_console.print(render_explanation(row), soft_wrap=not self._explain_console.is_terminal)
        self._flush()

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        self._finish()
        self._flush()

    def __enter__(self) -> "RowWriter":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _write_row(self, row: EventRow) -> None:
        raise NotImplementedError

    def _finish(self) -> None:
        pass

    def _flush(self) -> None:
        try:
            self.stream.flush()
        except (AttributeError, ValueError):
            pass


class CsvWriter(RowWriter):
    def __init__(self, stream: TextIO, *, excel_safe: bool = False) -> None:
        super().__init__(stream)
        self.excel_safe = excel_safe
        self._writer = csv.writer(stream, lineterminator="\n")
        self._writer.writerow(COLUMNS)

    def _write_row(self, row: EventRow) -> None:
        values = row.to_dict()
        self._writer.writerow([self._cell(values[name]) for name in COLUMNS])
        self.rows_written += 1

    def _cell(self, value: Any) -> str:
        if value is None:
            return ""
        if isinstance(value, float) and not math.isfinite(value):
            return ""
        if isinstance(value, str):
            return excel_safe_cell(value) if self.excel_safe else value
        return str(value)


def excel_safe_cell(value: str) -> str:
    """Prefix text a spreadsheet would run as a formula with an apostrophe.

    Text that is a plain number ("-3.5") is left alone.
    """
    if value.startswith(_FORMULA_START) and not _NUMBER_RE.match(value):
        return "'" + value
    return value


def _json_value(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def row_json_dict(row: EventRow) -> dict[str, Any]:
    """The row's output columns, in COLUMNS order, ready for json.dumps."""
    return {name: _json_value(value) for name, value in row.to_dict().items()}


class JsonlWriter(RowWriter):
    def _write_row(self, row: EventRow) -> None:
        self.stream.write(json.dumps(row_json_dict(row), ensure_ascii=False) + "\n")
        self.rows_written += 1


class GeoJsonWriter(RowWriter):
    """A FeatureCollection written feature by feature; rows without coordinates are left out."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__(stream)
        self._features = 0
        self.stream.write('{"type": "FeatureCollection", "features": [\n')

    def _write_row(self, row: EventRow) -> None:
        lat, lon = row.latitude, row.longitude
        if not _is_coordinate(lat, 90) or not _is_coordinate(lon, 180):
            self.skipped_no_coordinates += 1
            return
        feature = {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [float(lon), float(lat)]},  # type: ignore[arg-type]
            "properties": row_json_dict(row),
        }
        if self._features:
            self.stream.write(",\n")
        self.stream.write(json.dumps(feature, ensure_ascii=False))
        self._features += 1
        self.rows_written += 1

    def _finish(self) -> None:
        self.stream.write("\n]}\n")


def _is_coordinate(value: Any, bound: float) -> bool:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    return math.isfinite(value) and -bound <= value <= bound


TABLE_COLUMNS: tuple[tuple[str, str, dict[str, Any]], ...] = (
    ("doc_id", "doc", {"max_width": 24, "min_width": 4, "overflow": "ellipsis"}),
    ("event_date", "date", {"no_wrap": True, "min_width": 10}),
    ("event_type", "event type", {"max_width": 16, "min_width": 6}),
    ("sub_event_type", "sub-event type", {"max_width": 22, "min_width": 8}),
    ("actor1", "actor 1", {"max_width": 28, "min_width": 8}),
    ("actor2", "actor 2", {"max_width": 28, "min_width": 8}),
    ("location", "location", {"max_width": 20, "min_width": 6}),
    ("admin1", "admin1", {"max_width": 16, "min_width": 6}),
    ("country", "country", {"max_width": 16, "min_width": 6}),
    ("fatalities", "deaths", {"justify": "right", "no_wrap": True, "min_width": 6}),
    ("injuries", "injured", {"justify": "right", "no_wrap": True, "min_width": 7}),
)
# Piped or redirected tables are read in editors and pagers, not 80-column terminals.
_FILE_TABLE_WIDTH = 180


class TableWriter(RowWriter):
    """A rich table, printed on close (a table cannot stream)."""

    def __init__(self, stream: TextIO, *, explain: bool = False, console: Any = None) -> None:
        super().__init__(stream)
        from rich.console import Console

        if console is None:
            console = Console(file=stream, highlight=False)
            if not console.is_terminal:
                console = Console(file=stream, highlight=False, width=_FILE_TABLE_WIDTH)
        self.console = console
        self.explain = explain
        self.rows: list[EventRow] = []

    def _write_row(self, row: EventRow) -> None:
        self.rows.append(row)
        self.rows_written += 1

    def _flush(self) -> None:
        # Nothing is written before close.
        if self.closed:
            super()._flush()

    def _finish(self) -> None:
        from rich.table import Table
        from rich.text import Text

        caption = self.caption()
        if not self.rows:
            self.console.print(Text(f"No events found. {caption}", style="dim"))
            return
        from rich import box

        table = Table(
            caption=caption,
            caption_justify="left",
            box=box.SIMPLE_HEAD,
            pad_edge=False,
            collapse_padding=True,
            header_style="bold",
        )
        for _name, title, options in TABLE_COLUMNS:
            table.add_column(title, **options)
        for row in self.rows:
            values = row.to_dict()
            cells = [_table_cell(values[name]) for name, _title, _options in TABLE_COLUMNS]
            table.add_row(*cells, style=EVENT_TYPE_STYLES.get(row.event_type, ""))
        self.console.print(table)
        if self.explain:
            for number, row in enumerate(self.rows, start=1):
                self.console.print()
                self.console.print(render_explanation(row, number=number), soft_wrap=not self.console.is_terminal)

    def caption(self) -> str:
        counts = Counter(row.event_type or "(no type)" for row in self.rows)
        parts = [f"{event_type} {count}" for event_type, count in _ordered_counts(counts)]
        if self.documents_seen is not None:
            docs = f"{_plural(self.documents_seen, 'document')} read, same events merged"
        else:
            docs = f"{_plural(self.documents_read, 'document')} read, {self.documents_without_events} with no event"
        return (" · ".join(parts) + " | " + docs) if parts else docs


def _ordered_counts(counts: Counter[str]) -> list[tuple[str, int]]:
    order = {event_type.value: i for i, event_type in enumerate(EventType)}
    return sorted(counts.items(), key=lambda item: (order.get(item[0], len(order)), item[0]))


def _table_cell(value: Any) -> str:
    if value is None:
        return ""
    return str(value)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def render_explanation(row: EventRow, *, number: int | None = None) -> Any:
    """The row's evidence sentence with its spans highlighted, as rich Text.

    Reads ``row.explanation``: "spans" — (start, end, label) relative to the
    evidence sentence —, "rule" and optional "notes". The labelled spans are
    also listed in words so the explanation reads without colour.
    """
    from rich.text import Text

    explanation = row.explanation or {}
    text = Text()
    title = f"{number}. " if number is not None else ""
    title += f"{row.doc_id}"
    if row.event_date:
        title += f" {row.event_date}"
    kind = " / ".join(part for part in (row.event_type, row.sub_event_type) if part)
    if kind:
        title += f" — {kind}"
    text.append(title, style=f"bold {EVENT_TYPE_STYLES.get(row.event_type, '')}".strip())
    rule = explanation.get("rule")
    if rule:
        text.append("\n  rule: ", style="dim")
        text.append(str(rule))
    sentence = row.evidence or ""
    spans = list(_spans(explanation.get("spans"), len(sentence)))
    if sentence:
        body = Text(sentence)
        for start, end, label in spans:
            body.stylize(SPAN_STYLES.get(label, "bold"), start, end)
        text.append("\n  ")
        text.append_text(body)
    if spans:
        listed = "; ".join(f"{label} {sentence[start:end]!r}" for start, end, label in spans)
        text.append("\n  spans: ", style="dim")
        text.append(listed)
    for note in explanation.get("notes") or ():
        text.append("\n  note: ", style="dim")
        text.append(str(note))
    return text


def _spans(raw: Any, length: int) -> Iterable[tuple[int, int, str]]:
    """Valid (start, end, label) triples, sorted; malformed ones are dropped."""
    if not raw:
        return []
    spans: list[tuple[int, int, str]] = []
    for item in raw:
        try:
            if isinstance(item, dict):
                start, end, label = item["start"], item["end"], item["label"]
            else:
                start, end, label = item
            start, end = int(start), int(end)
        except (TypeError, ValueError, KeyError):
            continue
        if 0 <= start < end <= length:
            spans.append((start, end, str(label).upper()))
    return sorted(spans)


def open_writer(
    fmt: str,
    stream: TextIO,
    *,
    excel_safe: bool = False,
    explain: bool = False,
    explain_stream: TextIO | None = None,
    console: Any = None,
) -> RowWriter:
    """A writer for ``fmt`` (one of FORMATS) on ``stream``.

    With ``explain``, the table prints each row's explanation after the
    table; the other formats print them to ``explain_stream`` (stderr by
    default) as each document is written, so the data stream stays clean.
    ``console`` overrides the table's rich Console (for width and colour).
    """
    fmt = fmt.lower()
    writer: RowWriter
    if fmt == "csv":
        writer = CsvWriter(stream, excel_safe=excel_safe)
    elif fmt == "jsonl":
        writer = JsonlWriter(stream)
    elif fmt == "geojson":
        writer = GeoJsonWriter(stream)
    elif fmt == "table":
        return TableWriter(stream, explain=explain, console=console)
    else:
        raise ValueError(f"unknown output format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if explain:
        from rich.console import Console

        writer._explain_console = Console(file=explain_stream or sys.stderr, highlight=False)
    return writer


def write_all(writer: RowWriter, items: Sequence[tuple[Document, list[EventRow]]]) -> None:
    """Write every (document, rows) pair and close the writer."""
    with writer:
        for doc, rows in items:
            writer.write_document(doc, rows)

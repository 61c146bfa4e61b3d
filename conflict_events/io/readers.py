"""Turn the command line's inputs into Documents.

Inputs are text files, folders (recursive ``*.txt``, plus ``*.html``/``*.htm``
when the html extra is installed), ``-`` for stdin, CSV/TSV and JSONL corpora
(one document per row) and HTML pages. Problems with the inputs are the
user's to fix, so they go to the InputReport and reading carries on; nothing
here raises for a bad input.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import importlib.util
import io
import itertools
import json
import logging
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, BinaryIO

from conflict_events.io.documents import Document
from conflict_events.io.encoding import decode_bytes, looks_binary, sniff_encoding
from conflict_events.io.pubdate import detect_publication_date, parse_date
from conflict_events.io.report import InputReport

logger = logging.getLogger(__name__)

STDIN = "-"
CSV_SUFFIXES = {".csv": ",", ".tsv": "\t"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
HTML_SUFFIXES = {".html", ".htm"}
HTML_INSTALL_HINT = "pip install 'conflict-events[html]'"
_SNIFF_BYTES = 65536


def html_available() -> bool:
    """Whether the optional html extra (trafilatura) is installed."""
    return importlib.util.find_spec("trafilatura") is not None


def _raise_csv_field_limit() -> None:
    limit = sys.maxsize
    while True:
        try:
            csv.field_size_limit(limit)
            return
        except OverflowError:
            limit //= 10


@dataclass
class _Options:
    text_column: str
    id_column: str | None
    date_column: str | None
    source_column: str | None
    date_override: dt.date | None
    html: bool
    report: InputReport
    html_ok: bool = field(default_factory=lambda: html_available())
    html_error_reported: bool = False


def iter_documents(
    inputs: Sequence[str],
    *,
    text_column: str = "text",
    id_column: str | None = None,
    date_column: str | None = None,
    date_override: dt.date | None = None,
    report: InputReport,
    html_column: bool = False,
    source_column: str | None = None,
    stdin: BinaryIO | None = None,
    stdin_format: str = "auto",
) -> Iterator[Document]:
    """Yield one Document per text file, corpus row or stdin text, in input order.

    ``html_column`` treats every text (file, stdin, corpus cell) as HTML.
    ``stdin_format`` is "auto" (JSONL when the first line is a JSON object,
    else text), "text", "csv", "tsv" or "jsonl". Ids are the id column's
    value, else the path (``path:row`` for corpus rows, row 1 the first row
    after a CSV header or the first JSONL line); stdin is ``-`` / ``-:row``.
    """
    _raise_csv_field_limit()
    options = _Options(
        text_column=text_column,
        id_column=id_column,
        date_column=date_column,
        source_column=source_column,
        date_override=date_override,
        html=html_column,
        report=report,
    )
    for name in inputs:
        if name == STDIN:
            yield from _read_stdin(stdin if stdin is not None else sys.stdin.buffer, stdin_format, options)
            continue
        path = Path(name)
        if path.is_dir():
            try:
                children = _folder_files(path, options.html_ok)
            except OSError as exc:
                report.skipped_file(f"cannot read {name}: {_reason(exc)}")
                continue
            if not children:
                report.warning(f"no text files in folder {name}")
            for child in children:
                yield from _read_path(str(child), child, options)
        else:
            yield from _read_path(name, path, options)


def _folder_files(folder: Path, with_html: bool) -> list[Path]:
    suffixes = {".txt"} | (HTML_SUFFIXES if with_html else set())
    found = [
        p for p in folder.rglob("*")
        if p.suffix.lower() in suffixes and p.is_file()
    ]
    return sorted(found, key=lambda p: p.relative_to(folder).as_posix())


def _read_path(name: str, path: Path, options: _Options) -> Iterator[Document]:
    report = options.report
    suffix = path.suffix.lower()
    if suffix in CSV_SUFFIXES or suffix in JSONL_SUFFIXES:
        try:
            handle = _open_text_stream(path)
        except OSError as exc:
            report.skipped_file(f"cannot read {name}: {_reason(exc)}")
            return
        if handle is None:
            report.skipped_file(f"skipped binary file {name}", error=False)
            return
        with handle:
            try:
                if suffix in CSV_SUFFIXES:
                    yield from _read_csv(name, handle, CSV_SUFFIXES[suffix], options)
                else:
                    yield from _read_jsonl(name, handle, options)
            except (OSError, UnicodeError) as exc:
                report.error(f"cannot read {name}: {_reason(exc)}")
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        report.skipped_file(f"cannot read {name}: {_reason(exc)}")
        return
    yield from _document_from_bytes(name, data, options, is_html=suffix in HTML_SUFFIXES)


def _read_stdin(stream: BinaryIO, fmt: str, options: _Options) -> Iterator[Document]:
    fmt = fmt.lower()
    try:
        if fmt in ("auto", "jsonl"):
            # Look at the first non-empty line only: JSON lines are then read
            # line by line as they arrive (a pipe streams; memory stays flat).
            head = _head_lines(stream)
            first = next((line for line in head if line.strip()), b"")
            if fmt == "auto":
                fmt = "jsonl" if first.lstrip().startswith(b"{") and _is_json_object(first) else "text"
            if fmt == "jsonl" and _line_by_line(first):
                lines = itertools.chain(head, iter(stream.readline, b""))
                yield from _read_jsonl(STDIN, _decode_lines(lines), options)
                return
            data = b"".join(head) + stream.read()
        else:
            data = stream.read()
    except OSError as exc:
        options.report.skipped_file(f"cannot read {STDIN}: {_reason(exc)}")
        return
    if fmt in ("csv", "tsv", "jsonl"):
        if looks_binary(data):
            options.report.skipped_file(f"skipped binary file {STDIN}", error=False)
            return
        handle = io.StringIO(decode_bytes(data), newline="")
        if fmt == "jsonl":
            yield from _read_jsonl(STDIN, handle, options)
        else:
            yield from _read_csv(STDIN, handle, "\t" if fmt == "tsv" else ",", options)
        return
    yield from _document_from_bytes(STDIN, data, options, is_html=False)


def _head_lines(stream: BinaryIO) -> list[bytes]:
    """Lines up to and including the first non-empty one (all of them at the end of the stream)."""
    head: list[bytes] = []
    readline = getattr(stream, "readline", None)
    if readline is None:
        return [stream.read()]
    while True:
        line = readline()
        if not line:
            return head
        head.append(line)
        if line.strip():
            return head


def _line_by_line(first: bytes) -> bool:
    """Whether lines can be decoded one by one: not UTF-16/32 (BOM) and not binary."""
    return not first.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and not looks_binary(first)


def _decode_lines(lines: Iterator[bytes]) -> Iterator[str]:
    """UTF-8 lines (a BOM on the first is dropped); others in the encoding detected from the first such line."""
    fallback: str | None = None
    for number, line in enumerate(lines):
        if number == 0 and line.startswith(codecs.BOM_UTF8):
            line = line[len(codecs.BOM_UTF8):]
        try:
            yield line.decode("utf-8")
        except UnicodeDecodeError:
            if fallback is None:
                fallback = sniff_encoding(line)
            yield line.decode(fallback, errors="replace")


def _is_json_object(line: bytes) -> bool:
    try:
        return isinstance(json.loads(decode_bytes(line)), dict)
    except ValueError:
        return False


def _document_from_bytes(name: str, data: bytes, options: _Options, *, is_html: bool) -> Iterator[Document]:
    report = options.report
    if looks_binary(data):
        report.skipped_file(f"skipped binary file {name}", error=False)
        return
    text = decode_bytes(data)
    if not text.strip():
        report.skipped_file(f"skipped empty file {name}", error=False)
        return
    if is_html or options.html:
        text = _html_to_text(text, name, options)
        if text is None:
            report.files_skipped += 1
            return
    report.document_read()
    yield _make_document(name, text, None, "", options)


def _open_text_stream(path: Path) -> IO[str] | None:
    """The file opened for streaming text, or None when it is binary."""
    with open(path, "rb") as raw:
        sample = raw.read(_SNIFF_BYTES)
    if looks_binary(sample):
        return None
    return open(path, encoding=sniff_encoding(sample), errors="replace", newline="")


def _read_csv(name: str, handle: IO[str], delimiter: str, options: _Options) -> Iterator[Document]:
    report = options.report
    reader = csv.reader(handle, delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        report.skipped_file(f"skipped empty file {name}", error=False)
        return
    except csv.Error as exc:
        report.skipped_file(f"{name}:1: cannot read the CSV header: {exc}")
        return
    header = [h.strip().lstrip("\ufeff") for h in header]
    if not _check_columns(name, header, options):
        return
    index = {column: i for i, column in enumerate(header)}
    row_number = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            row_number += 1
            report.skipped_line(f"{name}:{reader.line_num}: cannot read the row: {exc}")
            continue
        if not any(cell.strip() for cell in cells):
            continue
        row_number += 1
        if len(cells) != len(header):
            report.skipped_line(
                f"{name}:{reader.line_num}: the row has {len(cells)} fields, the header {len(header)}"
            )
            continue
        record = {column: cells[i] for column, i in index.items()}
        document = _row_document(name, reader.line_num, row_number, record, options)
        if document is not None:
            yield document


def _read_jsonl(name: str, handle: IO[str], options: _Options) -> Iterator[Document]:
    report = options.report
    checked = False
    row_number = 0
    for line_number, line in enumerate(handle, start=1):
        if not line.strip():
            continue
        row_number += 1
        try:
            record = json.loads(line)
        except ValueError as exc:
            # Some of json's messages end in "at" ("Unterminated string starting at").
            msg = getattr(exc, "msg", str(exc))
            column = getattr(exc, "colno", None)
            if column:
                msg = f"{msg} column {column}" if msg.endswith(" at") else f"{msg} at column {column}"
            report.skipped_line(f"{name}:{line_number}: not valid JSON: {msg}")
            continue
        if not isinstance(record, dict):
            report.skipped_line(f"{name}:{line_number}: not a JSON object")
            continue
        if not checked:
            checked = True
            if not _check_columns(name, list(record), options):
                return
        document = _row_document(name, line_number, row_number, record, options)
        if document is not None:
            yield document


def _check_columns(name: str, columns: list[str], options: _Options) -> bool:
    """Error and skip the file when a named column is missing."""
    wanted = [("text", options.text_column)]
    for role, column in (("id", options.id_column), ("date", options.date_column), ("source", options.source_column)):
        if column:
            wanted.append((role, column))
    for role, column in wanted:
        if column not in columns:
            existing = ", ".join(repr(c) for c in columns) or "none"
            options.report.skipped_file(
                f"{name}: no {role} column {column!r}; the columns are: {existing}"
            )
            return False
    return True


def _row_document(
    name: str, line_number: int, row_number: int, record: dict[str, Any], options: _Options
) -> Document | None:
    report = options.report
    text = _cell(record.get(options.text_column))
    if text is None:
        report.skipped_line(f"{name}:{line_number}: no {options.text_column!r} value")
        return None
    if not text.strip():
        report.skipped_line(f"{name}:{line_number}: empty {options.text_column!r} value")
        return None
    doc_id = f"{name}:{row_number}"
    if options.id_column:
        value = _cell(record.get(options.id_column))
        if value is not None and value.strip():
            doc_id = value.strip()
        else:
            report.warning(f"{name}:{line_number}: empty {options.id_column!r} value; using {doc_id}")
    column_date: dt.date | None = None
    if options.date_column:
        value = _cell(record.get(options.date_column))
        if value is not None and value.strip():
            column_date = parse_date(value)
            if column_date is None:
                report.warning(f"{name}:{line_number}: cannot read the date {value.strip()[:40]!r}")
    source = ""
    if options.source_column:
        source = (_cell(record.get(options.source_column)) or "").strip()
    if options.html:
        text = _html_to_text(text, f"{name}:{line_number}", options)
        if text is None:
            report.lines_skipped += 1
            return None
    report.document_read()
    return _make_document(doc_id, text, column_date, source, options)


def _cell(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, (list, dict)):
        return None
    return str(value)


def _make_document(
    doc_id: str, text: str, column_date: dt.date | None, source: str, options: _Options
) -> Document:
    if options.date_override is not None:
        date, date_source = options.date_override, "option"
    else:
        date, date_source = detect_publication_date(text)
        if date is None and column_date is not None:
            date, date_source = column_date, "column"
    return Document(id=doc_id, text=text, date=date, date_source=date_source, source=source)


def _html_to_text(html: str, where: str, options: _Options) -> str | None:
    """The main text of an HTML page, or None (reported) when it cannot be had."""
    trafilatura = _import_trafilatura() if options.html_ok else None
    if trafilatura is None:
        # Once: every further HTML input would fail the same way.
        if not options.html_error_reported:
            options.html_error_reported = True
            options.report.error(
                f"cannot read HTML {where}: the html extra is not installed or broken; run {HTML_INSTALL_HINT}"
            )
        return None
    try:
        text = trafilatura.extract(html, include_comments=False, include_tables=False)
    except Exception as exc:  # noqa: BLE001 - a malformed page must not stop the run
        options.report.warning(f"cannot extract text from HTML {where}: {exc}")
        return None
    if not text or not text.strip():
        options.report.warning(f"no main text found in HTML {where}")
        return None
    return text


def _import_trafilatura() -> Any:
    try:
        import trafilatura
    except ImportError:
        # e.g. lxml >= 5.2 without lxml_html_clean makes the import fail
        logger.debug("trafilatura import failed", exc_info=True)
        return None
    return trafilatura


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__

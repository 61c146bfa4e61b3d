"""The library entry points: documents in, typed rows out.

    >>> from conflict_events import extract
    >>> rows = extract("On Tuesday militants fired rockets at ...", date="2025-04-06")
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections import Counter
from dataclasses import replace
from typing import Iterable, Iterator, Sequence

from conflict_events.io.documents import Document
from conflict_events.schema import EventRow

log = logging.getLogger(__name__)

# Pieces handed to spaCy stay well under its max_length and its memory appetite.
PIECE_CHARS = 100_000


def extract(
    texts: str | Document | Iterable[str | Document],
    *,
    date: str | dt.date | None = None,
    model: str | None = None,
    actors_file: str | None = None,
) -> list[EventRow]:
    """Rows for one text or document, or for many.

    Plain strings get ids "0", "1", ... and their publication date from ``date``
    or, failing that, from the text itself.
    """
    from conflict_events.io.pubdate import detect_publication_date

    if isinstance(texts, (str, Document)):
        texts = [texts]
    override = dt.date.fromisoformat(date) if isinstance(date, str) else date
    documents: list[Document] = []
    for i, item in enumerate(texts):
        if isinstance(item, Document):
            documents.append(replace(item, date=override, date_source="option") if override else item)
            continue
        found, source = (override, "option") if override else detect_publication_date(item)
        documents.append(Document(id=str(i), text=item, date=found, date_source=source if found else ""))
    return [row for _, rows in iter_extract(documents, model=model, actors_file=actors_file) for row in rows]


def iter_extract(
    documents: Iterable[Document],
    *,
    model: str | None = None,
    actors_file: str | None = None,
    batch_size: int = 32,
    n_process: int = 1,
) -> Iterator[tuple[Document, list[EventRow]]]:
    """Rows per document, streamed in input order as each document finishes."""
    from conflict_events.events.assemble import default_resources, events_from_doc, merge_rows
    from conflict_events.io.clean import clean
    from conflict_events.nlp.pipeline import build_pipeline

    nlp = build_pipeline(model, actors_file)
    resources = default_resources(actors_file)
    numbering = EventNumbering()

    def pieces() -> Iterator[tuple[str, tuple[Document, int, int, int]]]:
        for document in documents:
            cleaned = clean(document.text)
            parts = split_text(cleaned, PIECE_CHARS)
            for index, (offset, piece) in enumerate(parts):
                yield piece, (document, offset, index, len(parts))

    pending: list[EventRow] = []
    process = n_process if n_process > 1 else 1
    for doc, (document, offset, index, total) in nlp.pipe(pieces(), as_tuples=True, batch_size=batch_size, n_process=process):
        rows = events_from_doc(doc, document, resources)
        for row in rows:
            row.char_start += offset
            row.char_end += offset
            # The pipeline reads the cleaned text (boilerplate blanked, same length);
            # the evidence quotes the original at the same offsets.
            original = document.text[row.char_start : row.char_end]
            if len(original) == len(row.evidence):
                row.evidence = original
        pending.extend(rows)
        if index == total - 1:
            finished = merge_rows(pending) if total > 1 else pending
            pending = []
            for row in finished:
                row.event_id_cnty = numbering.next_id(row.country)
            yield document, finished


def extract_batch(records: Sequence[dict], *, model: str | None = None, actors_file: str | None = None) -> list[dict]:
    """A picklable batch function for distributed engines: dicts with id, text, date in, row dicts out."""
    documents = [
        Document(
            id=str(r.get("id", i)),
            text=str(r.get("text") or ""),
            date=dt.date.fromisoformat(r["date"]) if r.get("date") else None,
            date_source="column" if r.get("date") else "",
        )
        for i, r in enumerate(records)
    ]
    return [row.to_dict() for _, rows in iter_extract(documents, model=model, actors_file=actors_file) for row in rows]


_SENTENCE_END_RE = re.compile(r"[.!?…][\"'”’»)\]]*\s+")


def split_text(text: str, limit: int | None = None) -> list[tuple[int, str]]:
    """Cut a long text into (offset, piece) pairs of at most ``limit`` (PIECE_CHARS) characters.

    Each cut falls at the last paragraph break (a blank line) of the window,
    else at its last sentence end, else its last line break, else its last
    space, looking only in the window's second half so that pieces stay
    large; a text without any such boundary is cut hard. The pieces joined
    are the text: ``text[offset:offset + len(piece)] == piece``.
    """
    if limit is None:
        limit = PIECE_CHARS
    if limit < 1:
        raise ValueError("limit must be positive")
    if len(text) <= limit:
        return [(0, text)]
    parts: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        end = min(len(text), start + limit)
        if end < len(text):
            cut = _boundary(text[start:end], limit // 2)
            if cut > 0:
                end = start + cut
        parts.append((start, text[start:end]))
        start = end
    return parts


def _boundary(window: str, least: int) -> int:
    """Where to end a piece inside ``window`` (its length if no boundary after ``least``)."""
    paragraph = max(window.rfind("\n\n"), window.rfind("\n\r\n"))
    if paragraph >= least:
        # Cut inside the blank line: no sentence runs across it.
        return paragraph + 1
    tail = window[least:]
    sentence = max((m.end() for m in _SENTENCE_END_RE.finditer(tail)), default=-1)
    if sentence > 0:
        return least + sentence
    for separator in ("\n", " ", "\t"):
        found = window.rfind(separator)
        if found >= least:
            return found + 1
    return len(window)


class EventNumbering:
    """ACLED-style ids: ISO3 country code and a running number per country within a run."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()

    def next_id(self, country: str) -> str:
        from conflict_events.geo import get_gazetteer

        info = get_gazetteer().country(country) if country else None
        code = info.iso3 if info else "XXX"
        self.counts[code] += 1
        return f"{code}{self.counts[code]}"

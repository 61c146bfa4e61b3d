"""Cross-document deduplication: the same event reported by several articles becomes one row."""

from __future__ import annotations

import datetime as dt
from typing import Sequence

from conflict_events.schema import EventRow, interaction

DAY_TOLERANCE = 1


def dedupe_rows(rows: Sequence[EventRow]) -> list[EventRow]:
    """Merge rows with the same place, type and actors whose dates are at most a day apart.

    Sources and document ids are joined with "; " as ACLED does; fatalities take the
    lowest credible figure (the smallest non-zero report); each article's evidence
    sentence is kept.
    """
    merged: list[EventRow] = []
    for row in rows:
        match = next((m for m in merged if _same_event(m, row)), None)
        if match is None:
            copy = EventRow.from_dict(row.to_dict())
            copy.explanation = dict(row.explanation)
            merged.append(copy)
        else:
            _combine(match, row)
    return merged


def _same_event(a: EventRow, b: EventRow) -> bool:
    if (a.location, a.country, a.event_type) != (b.location, b.country, b.event_type):
        return False
    if not a.location and not a.country:
        # Two events without a place cannot be told to be the same one.
        return False
    if _shares_document(a, b):
        # One article's rows were already told apart (or merged) by the extractor.
        return False
    if not _dates_close(a.event_date, b.event_date):
        return False
    return _actor_match(a.actor1, b.actor1) and _actor_match(a.actor2, b.actor2)


def _dates_close(a: str, b: str) -> bool:
    if not a or not b:
        return a == b
    try:
        return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days) <= DAY_TOLERANCE
    except ValueError:
        return a == b


def _shares_document(a: EventRow, b: EventRow) -> bool:
    ids = {part for part in a.doc_id.split("; ") if part}
    return bool(ids) and any(part in ids for part in b.doc_id.split("; ") if part)


def _actor_match(x: str, y: str) -> bool:
    return not x or not y or x == y


def _join(a: str, b: str) -> str:
    parts = [p for p in a.split("; ") if p] + [p for p in b.split("; ") if p]
    return "; ".join(dict.fromkeys(parts))


def _combine(into: EventRow, other: EventRow) -> None:
    before = _notes_inputs(into)
    into.doc_id = _join(into.doc_id, other.doc_id)
    into.source = _join(into.source, other.source)
    reports = [f for f in (into.fatalities, other.fatalities) if f > 0]
    into.fatalities = min(reports) if reports else 0
    injuries = [i for i in (into.injuries, other.injuries) if i > 0]
    into.injuries = min(injuries) if injuries else 0
    into.actor1 = into.actor1 or other.actor1
    into.inter1 = into.inter1 or other.inter1
    into.actor2 = into.actor2 or other.actor2
    into.inter2 = into.inter2 or other.inter2
    into.interaction = interaction(into.inter1, into.inter2)
    into.weapons = _join(into.weapons, other.weapons)
    if other.evidence and other.evidence not in into.evidence.split(" | "):
        into.evidence = f"{into.evidence} | {other.evidence}" if into.evidence else other.evidence
    if other.event_date and (not into.event_date or other.event_date < into.event_date):
        into.event_date = other.event_date
        into.year = other.year
    if other.time_precision and (not into.time_precision or other.time_precision < into.time_precision):
        into.time_precision = other.time_precision
    into.confidence = min(0.95, round(max(into.confidence, other.confidence) + 0.05, 2))
    if _notes_inputs(into) != before:
        # The notes column states date, actors and casualties: keep it true to the merged row.
        into.notes = _notes(into) or into.notes
    if other.doc_id:
        notes = list(into.explanation.get("notes") or ())
        notes.append(f"also reported by {other.doc_id}")
        into.explanation["notes"] = notes


def _notes_inputs(row: EventRow) -> tuple:
    return (row.event_date, row.actor1, row.actor2, row.fatalities, row.injuries)


def _notes(row: EventRow) -> str:
    try:
        from conflict_events.events.assemble import _notes as assemble_notes
    except ImportError:  # pragma: no cover - the note then stays as first written
        return ""
    try:
        return assemble_notes(row)
    except (ValueError, TypeError):
        return ""

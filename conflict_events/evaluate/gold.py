"""Read a gold CSV in ACLED's column layout: one row = one text = one coded event."""

from __future__ import annotations

import csv
import dataclasses
import logging
import random
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from conflict_events.io.documents import Document
from conflict_events.schema import EventRow

logger = logging.getLogger(__name__)

# ACLED exports can carry very long notes.
csv.field_size_limit(max(csv.field_size_limit(), 10_000_000))


class GoldFormatError(ValueError):
    """The gold file lacks a column the evaluation needs."""


@dataclass(frozen=True, slots=True)
class GoldExample:
    """One gold row, the document its text becomes, and its 1-based data-row number."""

    row_number: int
    gold: EventRow
    document: Document


def _parse_row(data: dict[str, Any]) -> EventRow:
    try:
        return EventRow.from_dict(data)
    except (TypeError, ValueError):
        pass
    # A malformed cell should cost that cell only, not the whole row.
    kwargs: dict[str, Any] = {}
    for f in dataclasses.fields(EventRow):
        if f.name not in data or f.name == "explanation":
            continue
        try:
            kwargs[f.name] = getattr(EventRow.from_dict({f.name: data[f.name]}), f.name)
        except (TypeError, ValueError):
            logger.warning("gold row %s: unreadable %s=%r", data.get("event_id_cnty", "?"), f.name, data[f.name])
    return EventRow(**kwargs)


def read_gold(path: str | Path, *, text_column: str = "notes", limit: int | None = None) -> list[GoldExample]:
    """Gold rows as examples; limit keeps the first N data rows of the file.

    The document carries no date: the gold event_date is the answer, and handing it
    to the extractor as the publication date would leak it.
    """
    path = Path(path)
    examples: list[GoldExample] = []
    seen_ids: set[str] = set()
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        columns = reader.fieldnames or []
        if text_column not in columns:
            raise GoldFormatError(f"{path}: no column {text_column!r} (columns: {', '.join(columns) or 'none'})")
        for row_number, data in enumerate(reader, start=1):
            if limit is not None and len(examples) >= limit:
                break
            gold = _parse_row(data)
            doc_id = (data.get("event_id_cnty") or "").strip() or str(row_number)
            if doc_id in seen_ids:
                doc_id = f"{doc_id}#{row_number}"
            seen_ids.add(doc_id)
            text = data.get(text_column) or ""
            examples.append(GoldExample(row_number, gold, Document(id=doc_id, text=text, date=None)))
    logger.info("read %d gold rows from %s", len(examples), path)
    return examples


def stratified_sample(examples: Iterable[GoldExample], per_subtype: int, *, seed: int = 0) -> list[GoldExample]:
    """At most per_subtype examples per gold sub_event_type, independent of file order.

    Each stratum is sorted by event_id_cnty and sampled with its own seeded
    generator, so adding rows of one sub-type never changes another's sample.
    """
    if per_subtype < 0:
        raise ValueError("per_subtype must be >= 0")
    strata: dict[str, list[GoldExample]] = defaultdict(list)
    for example in examples:
        strata[example.gold.sub_event_type].append(example)
    chosen: list[GoldExample] = []
    for sub_type in sorted(strata):
        group = sorted(strata[sub_type], key=lambda e: (e.gold.event_id_cnty, e.row_number))
        if len(group) > per_subtype:
            group = random.Random(f"{seed}:{sub_type}").sample(group, per_subtype)
        chosen.extend(group)
    chosen.sort(key=lambda e: (e.gold.event_id_cnty, e.row_number))
    return chosen

"""Score the extractor against a gold CSV: one gold row per text, best-match scoring."""

from __future__ import annotations

import json
import logging
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, TextIO

from conflict_events.evaluate.gold import GoldExample, GoldFormatError, read_gold, stratified_sample
from conflict_events.evaluate.matching import FIELDS, Match, best_match
from conflict_events.io.documents import Document
from conflict_events.schema import HIERARCHY, EventRow

logger = logging.getLogger(__name__)

Extractor = Callable[[Iterable[Document]], Iterator[tuple[Document, list[EventRow]]]]

NONE_LABEL = "(none)"
EMPTY_LABEL = "(empty)"
ACCURACY_NOTE = (
    "Field accuracies are computed over ALL gold rows: a gold row whose text yielded no "
    "predicted row counts as wrong on every field."
)
FIELD_LABELS: dict[str, str] = {
    "event_type": "event_type",
    "sub_event_type": "sub_event_type",
    "event_date": "date",
    "country": "country",
    "admin1": "admin1",
    "location": "location",
    "coordinates": "coords ≤25 km",
    "fatalities": "fatalities",
    "actor1": "actor1",
    "actor_pair": "actor pair",
    "inter_pair": "inter pair",
    "interaction": "interaction",
}
# Fields shown side by side, gold vs predicted, for the worst examples.
KEY_FIELDS: tuple[str, ...] = (
    "event_type",
    "sub_event_type",
    "event_date",
    "country",
    "admin1",
    "location",
    "fatalities",
    "actor1",
    "actor2",
    "inter1",
    "inter2",
)
TEXT_EXCERPT_CHARS = 200


def _rate(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


@dataclass(slots=True)
class GroupScores:
    """Counts for a set of gold rows; rates derive from them."""

    n: int = 0
    detected: int = 0
    spurious_rows: int = 0
    correct: dict[str, int] = field(default_factory=lambda: {name: 0 for name in FIELDS})

    def add(self, match: Match) -> None:
        self.n += 1
        self.detected += int(match.detected)
        self.spurious_rows += match.spurious
        for name, ok in match.fields.items():
            self.correct[name] += int(ok)

    @property
    def detection_rate(self) -> float:
        return _rate(self.detected, self.n)

    @property
    def spurious_per_text(self) -> float:
        return _rate(self.spurious_rows, self.n)

    def accuracy(self, name: str) -> float:
        return _rate(self.correct[name], self.n)

    def to_json(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "detected": self.detected,
            "detection_rate": self.detection_rate,
            "spurious_rows": self.spurious_rows,
            "spurious_per_text": self.spurious_per_text,
            "accuracy": {name: self.accuracy(name) for name in FIELDS},
        }


@dataclass(slots=True)
class ScoredExample:
    example: GoldExample
    match: Match

    def to_json(self, *, include_content: bool = True) -> dict[str, Any]:
        """include_content=False keeps only ids and verdicts: no gold values, no text."""
        out: dict[str, Any] = {
            "id": self.example.document.id,
            "row_number": self.example.row_number,
            "mismatches": self.match.mismatches,
            "n_predicted": self.match.n_predicted,
            "fields": dict(self.match.fields),
        }
        if include_content:
            pred = self.match.predicted
            out["gold"] = {name: getattr(self.example.gold, name) for name in KEY_FIELDS}
            out["predicted"] = None if pred is None else {name: getattr(pred, name) for name in KEY_FIELDS}
            out["text"] = self.example.document.text[:TEXT_EXCERPT_CHARS]
        return out


def _type_order(event_types: Iterable[str]) -> list[str]:
    known = [t.value for t in HIERARCHY]
    present = set(event_types)
    return [t for t in known if t in present] + sorted(present - set(known))


def _subtype_order(sub_types: Iterable[str]) -> list[str]:
    known = [s.value for subs in HIERARCHY.values() for s in subs]
    present = set(sub_types)
    extra = sorted(present - set(known) - {NONE_LABEL, EMPTY_LABEL})
    tail = [label for label in (EMPTY_LABEL, NONE_LABEL) if label in present]
    return [s for s in known if s in present] + extra + tail


@dataclass(slots=True)
class EvaluationResult:
    gold_path: str
    text_column: str
    scored: list[ScoredExample]
    n_predicted_rows: int = 0
    seconds: float = 0.0
    limit: int | None = None
    sample_per_subtype: int | None = None
    seed: int = 0
    label: str = ""

    @property
    def n_texts(self) -> int:
        return len(self.scored)

    @property
    def texts_per_second(self) -> float:
        return self.n_texts / self.seconds if self.seconds > 0 else 0.0

    @property
    def overall(self) -> GroupScores:
        scores = GroupScores()
        for item in self.scored:
            scores.add(item.match)
        return scores

    def _grouped(self, key: Callable[[ScoredExample], str], order: Callable[[Iterable[str]], list[str]]) -> dict[str, GroupScores]:
        groups: dict[str, GroupScores] = defaultdict(GroupScores)
        for item in self.scored:
            groups[key(item)].add(item.match)
        return {name: groups[name] for name in order(groups)}

    @property
    def by_event_type(self) -> dict[str, GroupScores]:
        return self._grouped(lambda s: s.example.gold.event_type, _type_order)

    @property
    def by_sub_event_type(self) -> dict[str, GroupScores]:
        return self._grouped(lambda s: s.example.gold.sub_event_type, _subtype_order)

    @property
    def confusion(self) -> dict[str, dict[str, int]]:
        """gold sub_event_type -> predicted sub_event_type of the matched row ("(none)" if undetected) -> count."""
        counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for item in self.scored:
            pred = item.match.predicted
            label = NONE_LABEL if pred is None else (pred.sub_event_type or EMPTY_LABEL)
            counts[item.example.gold.sub_event_type][label] += 1
        predicted_labels = _subtype_order({p for row in counts.values() for p in row})
        return {
            gold: {p: counts[gold][p] for p in predicted_labels if counts[gold].get(p)}
            for gold in _subtype_order(counts)
        }

    def worst(self, n: int = 10) -> list[ScoredExample]:
        """The n gold rows with most mismatched fields; file order breaks ties."""
        ranked = sorted(self.scored, key=lambda s: (-s.match.mismatches, s.example.row_number))
        return ranked[: max(n, 0)]

    def to_json(self, *, worst: int = 10, include_content: bool = True) -> dict[str, Any]:
        """A JSON-ready dict.

        include_content=False drops gold values and text from the worst examples, so
        the JSON holds only aggregates and ids and may be shared without the gold data.
        """
        confusion = self.confusion
        return {
            "label": self.label,
            "gold_path": self.gold_path,
            "text_column": self.text_column,
            "limit": self.limit,
            "sample_per_subtype": self.sample_per_subtype,
            "seed": self.seed,
            "note": ACCURACY_NOTE,
            "fields": list(FIELDS),
            "n_texts": self.n_texts,
            "n_predicted_rows": self.n_predicted_rows,
            "overall": self.overall.to_json(),
            "by_event_type": {k: v.to_json() for k, v in self.by_event_type.items()},
            "by_sub_event_type": {k: v.to_json() for k, v in self.by_sub_event_type.items()},
            "confusion": {
                "gold_labels": list(confusion),
                "predicted_labels": _subtype_order({p for row in confusion.values() for p in row}),
                "matrix": confusion,
            },
            "worst_examples": [s.to_json(include_content=include_content) for s in self.worst(worst)],
            "timing": {"seconds": self.seconds, "texts_per_second": self.texts_per_second},
        }

    def __rich_console__(self, console: Any, options: Any) -> Iterator[Any]:
        from conflict_events.evaluate.report import report_renderables

        yield from report_renderables(self)


def make_extractor(
    *, model: str | None = None, actors_file: str | None = None, batch_size: int = 64, n_process: int = 1
) -> Extractor:
    """The real extractor, with spaCy loaded only when the first document is processed."""

    def run(documents: Iterable[Document]) -> Iterator[tuple[Document, list[EventRow]]]:
        from conflict_events.api import iter_extract

        yield from iter_extract(
            documents, model=model, actors_file=actors_file, batch_size=batch_size, n_process=n_process
        )

    return run


def _consume(
    extractor: Extractor, documents: list[Document], progress: bool
) -> tuple[dict[str, list[EventRow]], int]:
    wanted = {doc.id for doc in documents}
    predictions: dict[str, list[EventRow]] = {}
    n_rows = 0

    def record(doc: Document, rows: list[EventRow]) -> None:
        nonlocal n_rows
        if doc.id not in wanted:
            logger.warning("extractor returned unknown document id %r; ignored", doc.id)
            return
        predictions.setdefault(doc.id, []).extend(rows)
        n_rows += len(rows)

    if not progress:
        for doc, rows in extractor(documents):
            record(doc, rows)
        return predictions, n_rows

    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("extracting", total=len(documents))
        for doc, rows in extractor(documents):
            record(doc, rows)
            bar.advance(task)
    return predictions, n_rows


def evaluate(
    gold_path: str | Path,
    *,
    text_column: str = "notes",
    extractor: Extractor | None = None,
    limit: int | None = None,
    sample_per_subtype: int | None = None,
    seed: int = 0,
    progress: bool = False,
    label: str = "",
) -> EvaluationResult:
    """Run the extractor over each gold row's text and score it against the row.

    limit keeps the first N rows of the file (before sampling); sample_per_subtype
    then keeps at most N rows per gold sub_event_type (see stratified_sample).
    """
    examples = read_gold(gold_path, text_column=text_column, limit=limit)
    if sample_per_subtype is not None:
        examples = stratified_sample(examples, sample_per_subtype, seed=seed)
    return score_examples(
        examples,
        extractor=extractor or make_extractor(),
        progress=progress,
        gold_path=str(gold_path),
        text_column=text_column,
        limit=limit,
        sample_per_subtype=sample_per_subtype,
        seed=seed,
        label=label,
    )


def score_examples(
    examples: list[GoldExample],
    *,
    extractor: Extractor,
    progress: bool = False,
    gold_path: str = "",
    text_column: str = "notes",
    limit: int | None = None,
    sample_per_subtype: int | None = None,
    seed: int = 0,
    label: str = "",
) -> EvaluationResult:
    documents = [e.document for e in examples]
    started = time.perf_counter()
    predictions, n_rows = _consume(extractor, documents, progress)
    seconds = time.perf_counter() - started
    scored = [ScoredExample(e, best_match(e.gold, predictions.get(e.document.id, []))) for e in examples]
    logger.info("scored %d texts, %d predicted rows, %.1fs", len(scored), n_rows, seconds)
    return EvaluationResult(
        gold_path=gold_path,
        text_column=text_column,
        scored=scored,
        n_predicted_rows=n_rows,
        seconds=seconds,
        limit=limit,
        sample_per_subtype=sample_per_subtype,
        seed=seed,
        label=label,
    )


def run_evaluate_command(
    gold_path: str | Path,
    *,
    text_column: str = "notes",
    fmt: str = "table",
    out_stream: TextIO | None = None,
    model: str | None = None,
    actors_file: str | None = None,
    limit: int | None = None,
    sample_per_subtype: int | None = None,
    workers: int = 1,
    worst: int = 10,
    extractor: Extractor | None = None,
) -> int:
    """The body of `conflict-events evaluate`; returns the exit code (0 ok, 2 bad input)."""
    out = out_stream if out_stream is not None else sys.stdout
    if fmt not in ("table", "json"):
        print(f"error: unknown format {fmt!r} (use table or json)", file=sys.stderr)
        return 2
    if not Path(gold_path).is_file():
        print(f"error: gold file not found: {gold_path}", file=sys.stderr)
        return 2
    try:
        result = evaluate(
            gold_path,
            text_column=text_column,
            extractor=extractor or make_extractor(model=model, actors_file=actors_file, n_process=max(workers, 1)),
            limit=limit,
            sample_per_subtype=sample_per_subtype,
            progress=sys.stderr.isatty(),
        )
    except GoldFormatError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if fmt == "json":
        json.dump(result.to_json(worst=worst), out, indent=2, ensure_ascii=False)
        out.write("\n")
    else:
        from conflict_events.evaluate.report import make_console, render_report

        render_report(result, make_console(out), worst=worst)
    return 0

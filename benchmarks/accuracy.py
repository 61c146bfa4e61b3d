"""Accuracy of the extractor on the ACLED dev set: the full set and a stratified sample.

    python benchmarks/accuracy.py [GOLD_CSV] [--limit N] [--per-subtype 120] [--workers 2] [--json OUT]

The gold file defaults to ../shared/eval/acled_dev.csv beside the repository. The
sample (at most --per-subtype rows per gold sub-type) is a subset of the full set, so it
is scored from the same predictions rather than extracted twice. Prints figures; never
asserts them.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
from pathlib import Path
from typing import Iterable, Iterator

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from conflict_events.evaluate import (  # noqa: E402
    Extractor,
    make_extractor,
    read_gold,
    score_examples,
    stratified_sample,
)
from conflict_events.evaluate.report import make_console, render_report  # noqa: E402
from conflict_events.io.documents import Document  # noqa: E402
from conflict_events.schema import EventRow  # noqa: E402

DEFAULT_GOLD = REPO.parent / "shared" / "eval" / "acled_dev.csv"


class Recording:
    """Wraps an extractor: remembers each document's rows and when the first result came."""

    def __init__(self, inner: Extractor) -> None:
        self.inner = inner
        self.rows: dict[str, list[EventRow]] = {}
        self.chars = 0
        self.started = 0.0
        self.first_result = 0.0
        self.finished = 0.0

    def __call__(self, documents: Iterable[Document]) -> Iterator[tuple[Document, list[EventRow]]]:
        self.started = time.perf_counter()
        for doc, rows in self.inner(documents):
            if not self.first_result:
                self.first_result = time.perf_counter()
            self.rows[doc.id] = rows
            self.chars += len(doc.text)
            yield doc, rows
        self.finished = time.perf_counter()

    def replay(self, documents: Iterable[Document]) -> Iterator[tuple[Document, list[EventRow]]]:
        for doc in documents:
            yield doc, self.rows.get(doc.id, [])

    def throughput(self, n_texts: int, workers: int, batch_size: int) -> dict[str, float | int]:
        total = self.finished - self.started
        steady = self.finished - self.first_result
        return {
            "texts": n_texts,
            "chars": self.chars,
            "workers": workers,
            "batch_size": batch_size,
            "seconds": total,
            "texts_per_second": n_texts / total if total > 0 else 0.0,
            "seconds_to_first_result": self.first_result - self.started,
            # Excludes model loading and the first batch, which dominate short runs.
            "steady_texts_per_second": (n_texts - 1) / steady if steady > 0 and n_texts > 1 else 0.0,
            "chars_per_second": self.chars / total if total > 0 else 0.0,
        }


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", nargs="?", default=str(DEFAULT_GOLD), help="gold CSV in ACLED's column layout")
    parser.add_argument("--text-column", default="notes")
    parser.add_argument("--limit", type=int, default=None, help="only the first N rows of the gold file")
    parser.add_argument("--per-subtype", type=int, default=120, help="sample size per gold sub_event_type")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1), help="n_process for iter_extract")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--model", default=None)
    parser.add_argument("--actors-file", default=None)
    parser.add_argument("--worst", type=int, default=10, help="worst examples to show")
    parser.add_argument("--json", dest="json_out", default=None, help="write both results as JSON here")
    parser.add_argument(
        "--json-with-examples",
        action="store_true",
        help="keep gold values and text of the worst examples in the JSON (off: the dev set must not be copied)",
    )
    parser.add_argument("--no-progress", action="store_true")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    gold_path = Path(args.gold)
    if not gold_path.is_file():
        print(f"gold file not found: {gold_path}", file=sys.stderr)
        return 2
    console = make_console(sys.stdout)
    examples = read_gold(gold_path, text_column=args.text_column, limit=args.limit)
    recorder = Recording(
        make_extractor(
            model=args.model, actors_file=args.actors_file, batch_size=args.batch_size, n_process=max(args.workers, 1)
        )
    )
    common = dict(gold_path=str(gold_path), text_column=args.text_column, limit=args.limit, seed=args.seed)
    full = score_examples(
        examples,
        extractor=recorder,
        progress=not args.no_progress and sys.stderr.isatty(),
        label="full set",
        **common,
    )
    throughput = recorder.throughput(full.n_texts, max(args.workers, 1), args.batch_size)
    sample_examples = stratified_sample(examples, args.per_subtype, seed=args.seed)
    sample = score_examples(
        sample_examples,
        extractor=recorder.replay,
        sample_per_subtype=args.per_subtype,
        label=f"stratified sample (<= {args.per_subtype} per sub-type, seed {args.seed})",
        **common,
    )
    # The sample reuses the full run's predictions: its own timing means nothing.
    sample.seconds = full.seconds * sample.n_texts / full.n_texts if full.n_texts else 0.0

    for result in (full, sample):
        console.rule(f"[bold]{result.label}[/bold] — {result.n_texts} texts")
        render_report(result, console, worst=args.worst)
    console.rule("throughput")
    console.print(
        f"{throughput['texts']} texts ({throughput['chars']} chars) in {throughput['seconds']:.1f}s "
        f"with workers={throughput['workers']}, batch_size={throughput['batch_size']}: "
        f"{throughput['texts_per_second']:.1f} texts/s overall, "
        f"{throughput['steady_texts_per_second']:.1f} texts/s after the first result "
        f"({throughput['seconds_to_first_result']:.1f}s to first result), "
        f"{throughput['chars_per_second']:.0f} chars/s"
    )

    if args.json_out:
        payload = {
            "full": full.to_json(worst=args.worst, include_content=args.json_with_examples),
            "sample": sample.to_json(worst=args.worst, include_content=args.json_with_examples),
            "sample_reuses_full_predictions": True,
            "throughput": throughput,
        }
        Path(args.json_out).write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {args.json_out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

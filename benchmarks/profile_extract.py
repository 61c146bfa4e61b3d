"""Where extraction spends its time: per pipeline component, the rule layer, and a profile.

    python benchmarks/profile_extract.py [--articles 40] [--top 30] [--pyinstrument HTML]

1. Builds the project pipeline (``build_pipeline``) and times each component's
   ``pipe`` over the generated corpus (batch ``api.BATCH_SIZE``, as ``iter_extract``), then the
   rule layer (``events_from_doc``) over the finished docs.
2. Runs ``conflict_events.api.iter_extract`` over the same documents under
   cProfile (pipeline already built) and prints the top functions by own time
   and by cumulative time; ``--pyinstrument FILE`` also writes a pyinstrument
   HTML report if pyinstrument is installed.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus as corpus_mod  # noqa: E402


def documents(articles):
    from conflict_events.io.documents import Document
    from conflict_events.io.pubdate import detect_publication_date

    docs = []
    for article in articles:
        date, source = detect_publication_date(article.text)
        docs.append(Document(id=article.id, text=article.text, date=date, date_source=source))
    return docs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=40)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--pyinstrument", type=Path)
    args = parser.parse_args(argv)

    articles = corpus_mod.generate(args.articles)
    words = sum(a.words for a in articles)
    docs_in = documents(articles)

    t = time.perf_counter()
    from conflict_events.api import BATCH_SIZE, iter_extract
    from conflict_events.events.assemble import default_resources, events_from_doc
    from conflict_events.io.clean import clean
    from conflict_events.nlp.pipeline import build_pipeline

    nlp = build_pipeline(None, None)  # the same lru_cache key iter_extract uses
    resources = default_resources(None)
    print(f"build_pipeline + resources: {time.perf_counter() - t:.2f} s; pipes: {nlp.pipe_names}")

    texts = [clean(d.text) for d in docs_in]
    # Warm every component once (first calls allocate).
    list(nlp.pipe(texts[:2]))

    print(f"\nper component over {len(texts)} articles, {words} words:")
    t = time.perf_counter()
    docs = [nlp.make_doc(text) for text in texts]
    timings = [("tokenizer", time.perf_counter() - t)]
    for name, proc in nlp.pipeline:
        t = time.perf_counter()
        if hasattr(proc, "pipe"):
            docs = list(proc.pipe(docs, batch_size=BATCH_SIZE))
        else:
            docs = [proc(doc) for doc in docs]
        timings.append((name, time.perf_counter() - t))
    t = time.perf_counter()
    n_rows = 0
    for doc, document in zip(docs, docs_in):
        n_rows += len(events_from_doc(doc, document, resources))
    timings.append(("events_from_doc (rules)", time.perf_counter() - t))
    total = sum(s for _, s in timings)
    for name, seconds in timings:
        print(f"  {name:<28} {seconds:7.3f} s  {100 * seconds / total:5.1f}%")
    print(f"  {'total':<28} {total:7.3f} s  -> {words / total:,.0f} words/s, {n_rows} rows")

    profiler = cProfile.Profile()
    t = time.perf_counter()
    profiler.enable()
    rows = sum(len(r) for _, r in iter_extract(docs_in))
    profiler.disable()
    wall = time.perf_counter() - t
    print(f"\niter_extract (pipeline built): {wall:.2f} s, {words / wall:,.0f} words/s, {rows} rows")
    for order in ("tottime", "cumulative"):
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).strip_dirs().sort_stats(order).print_stats(args.top)
        text = out.getvalue()
        print(f"\n--- top {args.top} by {order} ---")
        print(text[text.find("ncalls"):])

    if args.pyinstrument:
        try:
            from pyinstrument import Profiler
        except ImportError:
            print("pyinstrument is not installed", file=sys.stderr)
            return 0
        profiler = Profiler(interval=0.001)
        profiler.start()
        sum(len(r) for _, r in iter_extract(docs_in))
        profiler.stop()
        args.pyinstrument.write_text(profiler.output_html(), encoding="utf-8")
        print(profiler.output_text(unicode=False, color=False, show_all=False)[:8000])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

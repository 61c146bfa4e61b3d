"""Coverage of ACLED's actor vocabulary by the actor dictionary.

For every distinct actor1/actor2 name in an ACLED export (default: the shared dev set),
checks whether the dictionary can produce that name: as a canonical entry (period
suffix ignored), a state sub-unit, or one of the generic patterns
("Protesters (Kenya)", "Unidentified Armed Group (Iraq)", ...). Reports the share
of distinct names and the share weighted by how often each name occurs.

    python benchmarks/actors.py [ACLED_CSV] [--missing N] [--recall]

--recall adds a diagnostic closer to the end-to-end task: phrase-match the dictionary's
surface forms and generic nouns in each row's notes, resolve every match with the row's
country and date, and count how often ACLED's actor1/actor2 is among the results
(an upper bound for an extractor that only has to pick the right mention).
"""

from __future__ import annotations

import argparse
import csv
import logging
import sys
import time
from collections import Counter
from pathlib import Path

from conflict_events.actors import get_actor_dictionary, strip_period

DEFAULT = Path("/work/shared/eval/acled_dev.csv")
log = logging.getLogger(__name__)


def coverage(path: Path) -> dict[str, object]:
    t0 = time.perf_counter()
    d = get_actor_dictionary()
    load_ms = (time.perf_counter() - t0) * 1000
    counts: Counter[str] = Counter()
    with path.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            for col in ("actor1", "actor2"):
                if row[col]:
                    counts[row[col]] += 1
    known = {n: d.has_name(n) for n in counts}
    # the same name with a different period suffix counts once (casefolded, suffix stripped)
    distinct: dict[str, bool] = {}
    for n, ok in known.items():
        key = strip_period(n).casefold()
        distinct[key] = distinct.get(key, False) or ok
    total = sum(counts.values())
    hit = sum(c for n, c in counts.items() if known[n])
    return {
        "load_ms": round(load_ms, 1),
        "distinct_names": len(distinct),
        "distinct_covered": round(sum(distinct.values()) / len(distinct), 4),
        "mentions": total,
        "weighted_covered": round(hit / total, 4),
        "missing": Counter({n: c for n, c in counts.items() if not known[n]}),
    }


def recall(path: Path, limit: int = 0) -> dict[str, object]:
    import spacy
    from spacy.matcher import PhraseMatcher

    from conflict_events.actors.resolve import GENERIC_TERMS

    d = get_actor_dictionary()
    nlp = spacy.blank("en")
    lower = PhraseMatcher(nlp.vocab, attr="LOWER")
    orth = PhraseMatcher(nlp.vocab, attr="ORTH")
    forms = {a for a, _ in d.aliases()}
    for vocab in GENERIC_TERMS.values():
        for w in vocab:
            forms |= {w, w + "s", w + "es"}
    forms |= {"protesters", "demonstrators", "rioters", "mob", "gunmen", "civilians", "coalition",
              "men", "women", "children", "people", "residents", "villagers"}
    from conflict_events.actors.dictionary import _is_acronym as acr

    lower.add("A", [nlp.make_doc(f) for f in forms if not acr(f)])
    orth.add("A", [nlp.make_doc(f) for f in forms if acr(f)])
    from datetime import date as _date

    hits = Counter()
    totals = Counter()
    with path.open(newline="", encoding="utf-8") as fh:
        for i, row in enumerate(csv.DictReader(fh)):
            if limit and i >= limit:
                break
            doc = nlp.make_doc(row["notes"])
            spans = {doc[s:e].text for _, s, e in lower(doc)} | {doc[s:e].text for _, s, e in orth(doc)}
            when = _date.fromisoformat(row["event_date"])
            got = set()
            # the event code's role defaults: protest and riot rows name their crowd generically
            if row["event_type"] == "Protests":
                spans.add("protesters")
            elif row["event_type"] == "Riots":
                spans.add("rioters")
            for sp in spans:
                a = d.resolve(sp, event_country=row["country"], event_date=when)
                if a is not None:
                    got.add(a.name)
            for col in ("actor1", "actor2"):
                if not row[col]:
                    continue
                key = (col, row["event_type"])
                totals[key] += 1
                totals[(col, "ALL")] += 1
                gold = strip_period(row[col]).casefold()
                if any(strip_period(g).casefold() == gold for g in got):
                    hits[key] += 1
                    hits[(col, "ALL")] += 1
    return {k: (hits[k], totals[k]) for k in sorted(totals)}


def period_agreement(path: Path) -> dict[str, object]:
    """How often the dictionary, given ACLED's own name back and the event date, returns
    exactly that name including the period suffix: a check of the government-period table."""
    from datetime import date as _date

    d = get_actor_dictionary()
    ok = total = 0
    wrong: Counter[tuple[str, str]] = Counter()
    with path.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            for col in ("actor1", "actor2"):
                gold = row[col]
                if not gold or strip_period(gold) == gold or not d.has_name(gold):
                    continue
                total += 1
                a = d.resolve(gold, event_country=row["country"], event_date=_date.fromisoformat(row["event_date"]))
                if a is not None and a.name == gold:
                    ok += 1
                else:
                    wrong[(gold, a.name if a else "-")] += 1
    return {"agreement": ok / total if total else 1.0, "total": total, "wrong": wrong}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("csv", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--missing", type=int, default=25, help="show the N most frequent uncovered names")
    ap.add_argument("--recall", action="store_true", help="also run the notes-based recall diagnostic")
    ap.add_argument("--limit", type=int, default=0, help="rows for --recall (0 = all)")
    args = ap.parse_args(argv)
    r = coverage(args.csv)
    print(f"dictionary load: {r['load_ms']} ms")
    print(f"distinct actor names: {r['distinct_names']}  covered: {r['distinct_covered']:.1%}")
    print(f"actor mentions: {r['mentions']}  covered (frequency-weighted): {r['weighted_covered']:.1%}")
    if args.missing:
        print(f"most frequent uncovered (top {args.missing}):")
        for n, c in r["missing"].most_common(args.missing):  # type: ignore[union-attr]
            print(f"  {c:5d}  {n}")
    p = period_agreement(args.csv)
    print(f"period suffix agreement on dated names: {p['agreement']:.1%} of {p['total']}")
    for (gold, got), c in p["wrong"].most_common(args.missing):  # type: ignore[union-attr]
        print(f"  {c:5d}  {gold}  ->  {got}")
    if args.recall:
        print("recall of ACLED actors among resolved phrase matches in notes (suffix ignored):")
        for (col, et), (h, t) in recall(args.csv, args.limit).items():
            print(f"  {col:6} {et:30} {h / t:6.1%}  ({h}/{t})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

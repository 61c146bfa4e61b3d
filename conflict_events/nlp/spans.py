"""Span groups as the event rules read them: built once per Doc, not per sentence.

Iterating ``doc.spans[name]`` makes a new Span object for every member each
time; the rules look at one sentence at a time, so reading the groups through
here keeps that cost linear in the article's length rather than quadratic.

The lists belong to the Doc being assembled and assume its groups no longer
change, which holds once the pipeline has run. Only the most recent Doc's lists
are kept (per thread): Spans refer back to their Doc, so storing them on the Doc
itself would make a cycle the garbage collector cannot free, and memory would
grow with every article.
"""

from __future__ import annotations

import threading
from bisect import bisect_left

from spacy.tokens import Doc, Span

_recent = threading.local()


def _entry(doc: Doc, name: str) -> tuple[list[Span], list[int], frozenset[int]]:
    if getattr(_recent, "doc", None) is not doc:
        _recent.doc, _recent.groups = doc, {}
    entry = _recent.groups.get(name)
    if entry is None:
        spans = sorted(doc.spans.get(name, []), key=lambda s: s.start)
        covered = frozenset(i for s in spans for i in range(s.start, s.end))
        entry = _recent.groups[name] = (spans, [s.start for s in spans], covered)
    return entry


def group(doc: Doc, name: str) -> list[Span]:
    """The group's spans in document order."""
    return _entry(doc, name)[0]


def starting_in(doc: Doc, name: str, start: int, end: int) -> list[Span]:
    """The group's spans that start in the token range [start, end)."""
    spans, starts, _ = _entry(doc, name)
    return spans[bisect_left(starts, start) : bisect_left(starts, end)]


def covered_tokens(doc: Doc, name: str) -> frozenset[int]:
    """The indices of the tokens inside any of the group's spans."""
    return _entry(doc, name)[2]

"""Fatalities and injuries by the codebook's rules, from the casualty spans of a sentence."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span

from conflict_events.nlp import spans as span_groups
from conflict_events.nlp.lexicon import the_month_may

# A figure marked as a re-statement adds nothing; one marked as further adds to the count, by an
# adverb of its whole statement or a determiner of its victims.
ADDITIVE_ADVERBS = frozenset({"also", "further", "additionally"})
ADDITIVE_DETERMINERS = frozenset({"another", "other", "additional", "more"})
HEDGES = frozenset({"likely", "possibly", "probably", "reportedly", "feared", "believed", "unconfirmed", "may", "might"})


@dataclass(slots=True)
class Casualties:
    killed: int = 0
    injured: int = 0
    spans: tuple[Span, ...] = ()

    def merge(self, other: "Casualties", additive: bool) -> "Casualties":
        if additive:
            return Casualties(self.killed + other.killed, self.injured + other.injured, self.spans + other.spans)
        return Casualties(max(self.killed, other.killed), max(self.injured, other.injured), self.spans + other.spans)


def casualties_in(sent: Span, start: int | None = None, end: int | None = None) -> Casualties:
    """Killed and injured counts within a sentence (or a token range of it).

    Several figures in one sentence add up ("two soldiers were killed and three
    civilians died"), except a tally ("3 fatalities"), which is the total. Hedged
    figures ("likely killing a number of militants") are not credible reports and
    count as 0, as the codebook's lowest credible figure.
    """
    lo = sent.start if start is None else start
    hi = sent.end if end is None else end
    killed = injured = tally = 0
    used: list[Span] = []
    for span in span_groups.starting_in(sent.doc, "casualties", lo, hi):
        count = span._.casualty_count or 0
        window = sent.doc[max(sent.start, span.start - 3) : span.end]
        if any(t.lower_ in HEDGES and not the_month_may(t) for t in window):
            continue
        if span.label_ == "KILLED" and span.root.lower_ in TALLY_NOUNS:
            tally = max(tally, count)
        elif span.label_ == "KILLED":
            killed += count
        else:
            injured += count
        used.append(span)
    return Casualties(max(killed, tally), injured, tuple(used))


# "... the body was found. 1 fatality.": a tally restates the dead the sentence has counted.
TALLY_NOUNS = frozenset({"fatality", "fatalities"})


def is_additive(sent: Span) -> bool:
    """Whether the sentence's figures add to those before it. An adverb marks the whole statement
    ("The forces also ..., causing the death of 3 drivers"); a determiner only the noun it goes
    with: "another two soldiers died" adds, "damaged another vehicle" does not."""
    doc = sent.doc
    if any(t.lower_ in ADDITIVE_ADVERBS for t in sent):
        return True
    return any(t.lower_ in ADDITIVE_DETERMINERS
               for span in span_groups.starting_in(doc, "casualties", sent.start, sent.end)
               for t in doc[max(sent.start, span.start - 2) : span.end])

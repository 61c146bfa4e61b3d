"""National organisations (trade unions, parties, legislatures) and the country each belongs to.

ACLED codes them as associated actors; here they only say which country a text is about when it
names none ("at the call of the FSU and UNSA, 550 people demonstrated in Bayonne"). The list is
package data, ``conflict_events/data/organisations.csv``, read once on first use.
"""

from __future__ import annotations

import csv
import functools
import re
from collections import Counter
from importlib import resources


@functools.lru_cache(maxsize=1)
def _organisations() -> tuple[re.Pattern[str], dict[str, tuple[str, ...]]]:
    """One pattern for every alias, and the countries of the bodies each alias names."""
    text = resources.files("conflict_events.data").joinpath("organisations.csv").read_text(encoding="utf-8")
    countries_of: dict[str, tuple[str, ...]] = {}
    for row in csv.DictReader(line for line in text.splitlines() if not line.startswith("#")):
        countries = tuple(c.strip() for c in row["country"].split(";") if c.strip())
        for alias in row["aliases"].split(";"):
            if alias.strip():
                countries_of.setdefault(alias.strip(), countries)
    aliases = sorted(countries_of, key=len, reverse=True)
    # Whole words: "DPK-affiliated" and "pro-KCTU" name the party and the union, "PML-N" is no PML.
    pattern = re.compile(r"(?<!\w)(?<![A-Z\d]-)(?:" + "|".join(re.escape(a) for a in aliases) + r")(?!\w)(?!-[A-Z\d])")
    return pattern, countries_of


@functools.lru_cache(maxsize=1)
def _bodies_named(text: str) -> tuple[tuple[str, ...], ...]:
    """The countries of each organisation the text names, in text order. Cached for the last text: an
    article that names no country asks both questions below of the same text."""
    pattern, countries_of = _organisations()
    return tuple(countries_of[m.group(0)] for m in pattern.finditer(text))


def countries_of_organisations(text: str) -> list[str]:
    """The countries of the national organisations a text names, most named first (ties: first named).

    An alias that bodies of several countries share (Sinn Féin, CGT) names none of them here."""
    counts: Counter[str] = Counter(countries[0] for countries in _bodies_named(text) if len(countries) == 1)
    return [country for country, _ in counts.most_common()]


def countries_organisations_allow(text: str) -> tuple[str, ...]:
    """The countries that every organisation the text names has a body in ("the CGT": France, Spain,
    Argentina ...), in the list's order; empty when it names none, or bodies of no common country."""
    found = _bodies_named(text)
    if not found:
        return ()
    return tuple(c for c in found[0] if all(c in other for other in found[1:]))

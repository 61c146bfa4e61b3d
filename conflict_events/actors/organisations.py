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
def _organisations() -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for every alias, and the country each alias names. Aliases of organisations in
    several countries (Sinn Féin) name none."""
    text = resources.files("conflict_events.data").joinpath("organisations.csv").read_text(encoding="utf-8")
    country_of: dict[str, str] = {}
    for row in csv.DictReader(line for line in text.splitlines() if not line.startswith("#")):
        countries = [c.strip() for c in row["country"].split(";") if c.strip()]
        if len(countries) != 1:
            continue
        for alias in row["aliases"].split(";"):
            if alias.strip():
                country_of.setdefault(alias.strip(), countries[0])
    aliases = sorted(country_of, key=len, reverse=True)
    # Whole words: "DPK-affiliated" and "pro-KCTU" name the party and the union, "PML-N" is no PML.
    pattern = re.compile(r"(?<!\w)(?<![A-Z\d]-)(?:" + "|".join(re.escape(a) for a in aliases) + r")(?!\w)(?!-[A-Z\d])")
    return pattern, country_of


def countries_of_organisations(text: str) -> list[str]:
    """The countries of the national organisations a text names, most named first (ties: first named)."""
    pattern, country_of = _organisations()
    counts: Counter[str] = Counter(country_of[m.group(0)] for m in pattern.finditer(text))
    return [country for country, _ in counts.most_common()]

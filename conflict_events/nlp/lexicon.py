"""The project's lexicons, read once from package data."""

from __future__ import annotations

import csv
import functools
import io
from importlib import resources


def _read_csv(name: str) -> list[dict[str, str]]:
    text = resources.files("conflict_events.data").joinpath(name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


@functools.cache
def weapon_phrases() -> dict[str, str]:
    """Lower-cased weapon phrase -> weapon class (air, drone, artillery, rocket, missile, ied...)."""
    return {row["phrase"]: row["weapon_class"] for row in _read_csv("weapons.csv")}


@functools.cache
def trigger_phrases() -> dict[str, str]:
    """Lower-cased trigger phrase -> trigger family (air, shelling, clash, protest...)."""
    return {row["phrase"]: row["family"] for row in _read_csv("triggers.csv")}


NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "single": 1, "lone": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "a dozen": 12, "dozen": 12, "couple": 2, "pair": 2, "both": 2,
}

# The codebook's figures for vague quantities.
VAGUE_QUANTITIES: dict[str, int] = {
    "several": 3, "many": 3, "few": 3, "some": 3, "numerous": 3, "multiple": 3,
    "a number of": 3, "a few": 3, "dozens": 12, "scores": 12, "tens": 10,
    "hundreds": 100, "thousands": 1000,
}


def parse_number(text: str) -> int | None:
    text = text.replace(",", "")
    if "-" in text:
        low = text.split("-", 1)[0]
        if low.isdecimal():
            return int(low)
    if text.isdecimal():
        value = int(text)
        return value if value < 100000 else None
    return NUMBER_WORDS.get(text)


def the_month_may(token) -> bool:
    """ "On 22 May 2022, 3 soldiers were killed", "missing since 7 May blocked the highway": the month,
    not the modal or hedge "may", which is written with a capital only where it begins a sentence."""
    if token.text != "May":
        return False
    doc = token.doc
    neighbours = [doc[i] for i in (token.i - 1, token.i + 1) if 0 <= i < len(doc)]
    return token.i > 0 and not token.is_sent_start or token.ent_type_ == "DATE" or any(t.like_num for t in neighbours)

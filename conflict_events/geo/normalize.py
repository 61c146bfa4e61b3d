"""Name normalisation shared by the gazetteer builder and the runtime lookups."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Arabic article and its sun-letter assimilations, also as written in French/Spanish
# transliterations; dropping them makes "al-Qaim", "Al Qa'im" and "Qaim" one key.
ARTICLES = frozenset(
    "al el il ul ad ar as an at ash az adh ath ez es ed er en et ud ur us".split()
)
GENERIC_SUFFIXES: tuple[str, ...] = (
    "air base", "airbase", "air field", "airfield", "airport", "military base", "base",
    "city", "town", "village", "district", "sub district", "subdistrict", "province",
    "governorate", "region", "oblast", "raion", "rayon", "state", "county", "municipality",
    "prefecture", "department", "area", "township", "neighbourhood", "neighborhood",
    "landing zone", "garrison", "camp", "lga", "local government area",
)
_APOS = re.compile(r"[\u2018\u2019\u02bc\u02bb\u02be\u02bf`'\u00b4\"]")
_SEP = re.compile(r"[\s\-\u2010-\u2015_/.,;:()\[\]]+")
_NONWORD = re.compile(r"[^0-9a-z ]+")
_SPECIAL = str.maketrans({"ß": "ss", "æ": "ae", "ø": "o", "đ": "d", "ł": "l", "ı": "i", "œ": "oe", "þ": "th"})


def _ascii_fold_table() -> dict[int, str | None]:
    """What fold's three substitutions do to each ASCII character, as one translate table."""
    table: dict[int, str | None] = {}
    for code in range(128):
        char = chr(code).lower()
        if _APOS.fullmatch(char):
            table[code] = None
        elif _SEP.fullmatch(char):
            table[code] = " "
        elif _NONWORD.fullmatch(char):
            table[code] = None
        elif char != chr(code):
            table[code] = char
    return table


_ASCII_FOLD = _ascii_fold_table()


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Casefold and strip diacritics, keeping word boundaries and the articles."""
    if text.isascii():
        return " ".join(text.translate(_ASCII_FOLD).split())
    text = unicodedata.normalize("NFKD", text.casefold().translate(_SPECIAL))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _APOS.sub("", text)
    text = _SEP.sub(" ", text)
    return " ".join(_NONWORD.sub("", text).split())


@lru_cache(maxsize=200_000)
def normalize(text: str) -> str:
    """Lookup key: folded, Arabic articles dropped, single spaces."""
    tokens = fold(text).split()
    kept = [t for t in tokens if t not in ARTICLES]
    return " ".join(kept or tokens)


_GENERIC = frozenset(GENERIC_SUFFIXES)


def strip_generic(norm: str) -> str:
    """Drop one trailing generic word ("... air base", "... province"); '' if nothing left.

    The longer of a two-word and a one-word ending wins: "x sub district" is "x".
    """
    head, _, last = norm.rpartition(" ")
    if not head:
        return ""
    before, _, previous = head.rpartition(" ")
    if before and f"{previous} {last}" in _GENERIC:
        return before
    return head if last in _GENERIC else ""


def is_latin(text: str) -> bool:
    """True if the name is written in Latin script (letters after folding survive)."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return False
    return all("LATIN" in unicodedata.name(ch, "") for ch in letters)


def ascii_name(text: str) -> str:
    """ACLED writes names without diacritics."""
    text = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.replace("\u2019", "'").replace("\u2018", "'").replace("\u02bf", "'").replace("\u02be", "'")

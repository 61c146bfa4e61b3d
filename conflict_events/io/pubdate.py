"""Find an article's publication date in its header lines or its dateline.

Regexes do the common forms; dateparser (slow to import and to run) is only
asked about the value of a labelled header line that the regexes could not
read, and only when that value has a four-digit year, so it can never fall
back to today's date.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from typing import Any

logger = logging.getLogger(__name__)

HEADER_LINES = 15
DATELINE_LINES = 25
_HEAD_CHARS = 6000

_MONTHS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"
)
_WEEKDAY = (
    r"(?i:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?"
    r"|sat(?:urday)?|sun(?:day)?)\b\.?"
)
_YEAR = r"(?:19|20)\d{2}"
_DAY = r"(?:[0-2]?\d|3[01])(?:st|nd|rd|th)?"

_ISO_RE = re.compile(rf"(?<!\d)(?P<y>{_YEAR})(?P<sep>[-/.])(?P<m>[01]?\d)(?P=sep)(?P<d>[0-3]?\d)(?!\d)")
_ISO_COMPACT_RE = re.compile(rf"(?<!\d)(?P<y>{_YEAR})(?P<m>[01]\d)(?P<d>[0-3]\d)T\d{{2}}")
_MDY_RE = re.compile(
    rf"\b(?P<mon>{_MONTH})\s*(?P<d>{_DAY})\b,?\s+(?:of\s+)?(?P<y>{_YEAR})(?!\d)"
)
_DMY_RE = re.compile(
    rf"\b(?P<d>{_DAY})\.?\s*(?:of\s+)?(?P<mon>{_MONTH}),?\s+(?P<y>{_YEAR})(?!\d)"
)
_DATE_RES = (_ISO_RE, _ISO_COMPACT_RE, _MDY_RE, _DMY_RE)
# One alternation for use inside larger patterns.
_FULL_DATE = (
    rf"(?:{_YEAR}[-/.][01]?\d[-/.][0-3]?\d"
    rf"|{_MONTH}\s*{_DAY},?\s+{_YEAR}"
    rf"|{_DAY}\.?\s*{_MONTH},?\s+{_YEAR})"
)

_LABEL_RE = re.compile(
    r"^\s*(?:\W{0,3}\s*)?"
    r"(?P<label>"
    r"(?:first\s+|originally\s+)?published(?:\s+(?:on|at|date))?"
    r"|(?:last\s+)?updated(?:\s+(?:on|at))?"
    r"|(?:last\s+)?modified(?:\s+(?:on|at))?"
    r"|posted(?:\s+(?:on|at))?"
    r"|publication\s+date|date\s+published|release\s+date|dated?"
    r")\b\s*[:\-–—|]?\s*(?P<value>.*)$",
    re.IGNORECASE,
)
_BYLINE_RE = re.compile(r"^\s*by\s+\S", re.IGNORECASE)
# What may surround a date on a line that is only a date (a timestamp line).
_DATE_LINE_NOISE_RE = re.compile(
    rf"{_WEEKDAY}|(?<!\d)\d{{1,2}}[:.]\d{{2}}(?::\d{{2}}(?:\.\d+)?)?\s*(?:[ap]\.?m\.?)?"
    r"|\b[A-Z]{2,5}\b|[+-]\d{2}:?\d{2}\b|(?<=\d)Z\b|\bT(?=\d)|(?i:\b(?:at|on|updated|published)\b)"
    r"|[\s,|/()\-–—.:]",
)
_AGENCY = r"\((?:[^()\n]{1,30})\)"
_DASH = r"(?:--|[-–—―:])"
_DATE_FIRST_RE = re.compile(
    rf"^\s*(?:{_WEEKDAY},?\s+)?(?P<date>{_FULL_DATE})\s*(?:{_AGENCY}\s*)?{_DASH}"
)
# A dateline place: capitalised words ("KYIV, Ukraine", "Rio de Janeiro").
_PLACE_WORD = r"[A-ZÀ-ÖØ-Þ][\w'’.]*(?:-[\w'’.]+)*"
# Words are split on spaces only and hyphens belong to words, so that no
# string can be matched in many ways (which made long "A-A-A-..." lines hang).
_PLACE = rf"{_PLACE_WORD}(?: (?:(?:de|del|da|do|al|el|la|le|of|upon|sur|am) )?{_PLACE_WORD}){{0,4}}"
_PLACE_FIRST_RE = re.compile(
    rf"^\s*(?P<place>{_PLACE}(?:,\s*{_PLACE}){{0,2}})"
    rf",?\s+(?:{_WEEKDAY},?\s+)?(?P<date>{_FULL_DATE})\s*(?:{_AGENCY}\s*)?{_DASH}"
)
_HAS_YEAR_RE = re.compile(rf"(?<!\d){_YEAR}(?!\d)")

_DATEPARSER_SETTINGS: dict[str, Any] = {
    "REQUIRE_PARTS": ["day", "month", "year"],
    "STRICT_PARSING": True,
    "PREFER_DATES_FROM": "past",
    "RETURN_AS_TIMEZONE_AWARE": False,
}


def detect_publication_date(text: str) -> tuple[dt.date | None, str]:
    """The publication date and where it was found: "header", "dateline" or ""."""
    try:
        head = text[:_HEAD_CHARS]
        lines = [line for line in head.splitlines() if line.strip()]
        found = _from_header(lines[:HEADER_LINES])
        if found is not None:
            return found, "header"
        found = _from_dateline(lines[:DATELINE_LINES])
        if found is not None:
            return found, "dateline"
    except Exception:  # noqa: BLE001 - a date is a hint; never fail a document over it
        logger.debug("publication date detection failed", exc_info=True)
    return None, ""


def _from_header(lines: list[str]) -> dt.date | None:
    updated: dt.date | None = None
    for line in lines:
        if len(line) > 300:
            continue
        match = _LABEL_RE.match(line)
        if match:
            value = match.group("value")[:120]
            day = _date_near_start(value) or _dateparser_date(value)
            if day is not None:
                label = match.group("label").lower()
                if "updated" in label or "modified" in label:
                    updated = updated or day
                    continue
                return day
        if _BYLINE_RE.match(line):
            day = find_date(line)
            if day is not None:
                return day
        day = date_only_line(line)
        if day is not None:
            return day
    # "Updated" only when nothing says when the story first appeared.
    return updated


def _from_dateline(lines: list[str]) -> dt.date | None:
    for line in lines:
        head = line[:150]
        match = _DATE_FIRST_RE.match(head) or _PLACE_FIRST_RE.match(head)
        if match:
            day = parse_date(match.group("date"), fuzzy=False)
            if day is not None:
                return day
    return None


def _date_near_start(value: str) -> dt.date | None:
    best: tuple[int, dt.date] | None = None
    for regex in _DATE_RES:
        match = regex.search(value, 0, 80)
        if match and match.start() <= 20:
            day = _from_match(match)
            if day is not None and (best is None or match.start() < best[0]):
                best = (match.start(), day)
    return best[1] if best else None


def date_only_line(line: str) -> dt.date | None:
    """The date of a line that holds nothing but a date or timestamp, else None."""
    if len(line) > 80:
        return None
    for regex in _DATE_RES:
        match = regex.search(line)
        if match:
            rest = line[: match.start()] + " " + line[match.end():]
            if not _DATE_LINE_NOISE_RE.sub("", rest):
                return _from_match(match)
    return None


def find_date(text: str) -> dt.date | None:
    """The first full date (with day, month and year) anywhere in text."""
    best: tuple[int, dt.date] | None = None
    for regex in _DATE_RES:
        for match in regex.finditer(text):
            day = _from_match(match)
            if day is not None:
                if best is None or match.start() < best[0]:
                    best = (match.start(), day)
                break
    return best[1] if best else None


def parse_date(value: str, *, fuzzy: bool = True) -> dt.date | None:
    """Parse a date cell or header value; None unless day, month and year are given.

    ISO and "March 5, 2024" / "5 March 2024" forms by regex; numeric
    day/month/year forms and other languages through dateparser when fuzzy.
    """
    value = value.strip()
    if not value:
        return None
    for regex in _DATE_RES:
        match = regex.search(value)
        if match:
            day = _from_match(match)
            if day is not None:
                return day
    if fuzzy:
        return _dateparser_date(value)
    return None


def _from_match(match: re.Match[str]) -> dt.date | None:
    groups = match.groupdict()
    try:
        year = int(groups["y"])
        if groups.get("mon"):
            month = _MONTHS[groups["mon"].lower()[:3]]
        else:
            month = int(groups["m"])
        day = int(re.sub(r"\D", "", groups["d"]))
        return dt.date(year, month, day)
    except (ValueError, KeyError, TypeError):
        return None


def _dateparser_date(value: str) -> dt.date | None:
    value = value.strip()[:80]
    if not value or not _HAS_YEAR_RE.search(value):
        return None
    try:
        import dateparser  # slow import: only when a regex could not read the date
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    try:
        parsed = dateparser.parse(value, settings=dict(_DATEPARSER_SETTINGS))
    except Exception:  # noqa: BLE001 - dateparser raises assorted errors on odd input
        logger.debug("dateparser failed on %r", value, exc_info=True)
        return None
    if parsed is None or not 1900 <= parsed.year <= 2100:
        return None
    return parsed.date()

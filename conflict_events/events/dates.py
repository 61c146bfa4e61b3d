"""Resolving date expressions against the document's date.

Pure functions of strings and dates; past tense news means a bare weekday or
month is the most recent one on or before the document date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from conflict_events.schema import TimePrecision

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {
    name: i
    for i, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))


@dataclass(frozen=True, slots=True)
class ResolvedDate:
    date: dt.date
    precision: TimePrecision
    rule: str


def resolve_date(expression: str, document_date: dt.date | None) -> ResolvedDate | None:
    """Resolve one date expression; None when it cannot be pinned to a day without guessing."""
    text = " ".join(expression.lower().replace("’", "'").replace(".", " ").split())
    text = re.sub(r"'s$", "", text)
    approximate = text.startswith(("around ", "about ", "on or about "))

    absolute = _absolute(text, document_date)
    if absolute is not None:
        if approximate and absolute.precision is TimePrecision.DAY:
            return ResolvedDate(absolute.date, TimePrecision.WEEK, "approximate " + absolute.rule)
        return absolute
    if document_date is None:
        return None
    return _relative(text, document_date)


def _absolute(text: str, document_date: dt.date | None) -> ResolvedDate | None:
    match = re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", text)
    if match:
        return _day(int(match[1]), int(match[2]), int(match[3]), "ISO date")
    match = re.search(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?(?: of)? ({_MONTH_RE})\w*,? (\d{{4}})\b", text)
    if match:
        return _day(int(match[3]), MONTHS[match[2]], int(match[1]), "day month year")
    match = re.search(rf"\b({_MONTH_RE})\w* (\d{{1,2}})(?:st|nd|rd|th)?,? (\d{{4}})\b", text)
    if match:
        return _day(int(match[3]), MONTHS[match[1]], int(match[2]), "month day year")
    match = re.search(rf"\b(early|mid|late|end of|beginning of|start of)?[ -]?({_MONTH_RE})\w* (\d{{4}})\b", text)
    if match:
        return _month(int(match[3]), MONTHS[match[2]], match[1], "month year")
    if document_date is None:
        return None
    match = re.search(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?(?: of)? ({_MONTH_RE})\b", text) or re.search(
        rf"\b({_MONTH_RE})\w* (\d{{1,2}})(?:st|nd|rd|th)?\b", text
    )
    if match:
        day_text, month_text = (match[1], match[2]) if match[1].isdigit() else (match[2], match[1])
        month, day = MONTHS[month_text], int(day_text)
        year = document_date.year
        candidate = _safe_date(year, month, day)
        if candidate is None:
            return None
        if candidate > document_date:
            candidate = _safe_date(year - 1, month, day)
        return ResolvedDate(candidate, TimePrecision.DAY, "day month, latest before the document") if candidate else None
    match = re.search(rf"\b(early|mid|late)?[ -]?({_MONTH_RE})\w*\b", text)
    if match and (match[1] or text.strip() in MONTHS):
        month = MONTHS[match[2]]
        year = document_date.year if month <= document_date.month else document_date.year - 1
        return _not_after(_month(year, month, match[1], "month, latest before the document"), document_date)
    return None


def _relative(text: str, document_date: dt.date) -> ResolvedDate | None:
    for i, name in enumerate(WEEKDAYS):
        if re.search(rf"\b{name}\b", text):
            back = (document_date.weekday() - i) % 7
            if "last" in text.split() and back == 0:
                back = 7
            return ResolvedDate(document_date - dt.timedelta(days=back), TimePrecision.DAY, f"{name}, latest on or before the document")
    if re.search(r"\b(today|tonight|this morning|this evening|this afternoon)\b", text):
        return ResolvedDate(document_date, TimePrecision.DAY, "today")
    if re.search(r"\b(yesterday|overnight|last night)\b", text):
        return ResolvedDate(document_date - dt.timedelta(days=1), TimePrecision.DAY, "yesterday")
    match = re.search(r"\b(\d+|two|three|four|five|six) (day|week)s? (ago|earlier)\b", text)
    if match:
        n = int(match[1]) if match[1].isdigit() else ("two", "three", "four", "five", "six").index(match[1]) + 2
        days = n * (7 if match[2] == "week" else 1)
        precision = TimePrecision.WEEK if match[2] == "week" else TimePrecision.DAY
        return ResolvedDate(document_date - dt.timedelta(days=days), precision, f"{match[0]}")
    if re.search(r"\bthe day before\b", text):
        return ResolvedDate(document_date - dt.timedelta(days=1), TimePrecision.DAY, "the day before")
    if re.search(r"\b(last|past|previous) week(end)?\b", text):
        monday = document_date - dt.timedelta(days=document_date.weekday() + 7)
        middle = monday + dt.timedelta(days=5 if text.endswith("weekend") else 3)
        return ResolvedDate(middle, TimePrecision.WEEK, "last week, its middle")
    if re.search(r"\bthis week\b", text):
        return ResolvedDate(document_date, TimePrecision.WEEK, "this week")
    match = re.search(r"\b(early|late|earlier|later)? ?(last|this|previous) month\b", text)
    if match:
        if match[2] == "this":
            year, month = document_date.year, document_date.month
        else:
            first = document_date.replace(day=1) - dt.timedelta(days=1)
            year, month = first.year, first.month
        edge = {"earlier": None, "later": None}.get(match[1] or "", match[1])
        return _not_after(_month(year, month, edge, f"{match[0]}"), document_date)
    return None


def _not_after(resolved: ResolvedDate, document_date: dt.date) -> ResolvedDate:
    """A month still running when the article was written ends at the article's date."""
    if resolved.date > document_date:
        return ResolvedDate(document_date, resolved.precision, resolved.rule)
    return resolved


def _day(year: int, month: int, day: int, rule: str) -> ResolvedDate | None:
    date = _safe_date(year, month, day)
    return ResolvedDate(date, TimePrecision.DAY, rule) if date else None


def _month(year: int, month: int, edge: str | None, rule: str) -> ResolvedDate:
    last = calendar.monthrange(year, month)[1]
    day = {"early": 1, "beginning of": 1, "start of": 1, "late": last, "end of": last}.get(edge or "", 15)
    return ResolvedDate(dt.date(year, month, day), TimePrecision.MONTH, rule)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None

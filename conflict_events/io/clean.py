"""Blank out the furniture of scraped news pages without moving any character.

``clean`` returns a string of exactly the length of its input in which
boilerplate is overwritten with spaces (line breaks are kept), so that an
offset into the cleaned text is the same offset into the original document.

What counts as boilerplate:

* before the story (the first prose paragraph): breadcrumbs ("Home > World"),
  short title-case lines (site and section names), bylines, date/header lines;
* anywhere: social and subscription lines ("Share", "Follow us on X"),
  copyright lines, counters ("Likes (12)"), standalone date-label lines,
  inline "Read more: ..." links;
* after a list marker ("Related", "Most read", "You may also like", ...): the
  marker and the list after it, up to a long prose paragraph (the tail of a
  scraped page is usually all such lists);
* in a dateline, the agency and the dash: "KYIV (Reuters) — Troops ..." keeps
  "KYIV" and the story.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from conflict_events.io.pubdate import date_only_line, find_date

logger = logging.getLogger(__name__)

# A story paragraph ends like a sentence, possibly inside a closing quote.
_SENTENCE_END_RE = re.compile(r"[.!?…][\"'”’»)\]]*\s*$")
_STORY_START_WORDS = 8
_RESUME_WORDS = 20
_MAX_BOX_LINES = 3

_MARKER_RE = re.compile(
    r"^\W{0,3}(?:"
    r"related(?:\s+(?:articles?|stories|news|content|posts|coverage|links|reading|topics|videos?))?"
    r"|rankings?|recommendations?|recommended(?:\s+(?:for\s+you|stories|articles|reading|videos?))?"
    r"|read\s+(?:more|next|also)|also\s+read|see\s+also|further\s+reading|what\s+to\s+read\s+next"
    r"|more\s+(?:stories|news|articles|headlines|videos|coverage|on\s+this\s+(?:story|topic))"
    r"|more\s+from\s+[\w .'’&-]{1,30}"
    r"|most\s+(?:read|popular|viewed|shared|commented)(?:\s+(?:stories|articles|news))?"
    r"|trending(?:\s+(?:now|stories|news|topics))?|popular(?:\s+(?:now|stories|articles))?"
    r"|you\s+(?:may|might)\s+(?:also\s+)?(?:like|enjoy|be\s+interested\s+in)"
    r"|latest\s+(?:news|stories|headlines)|top\s+(?:stories|news|headlines)|editor'?s?’?\s+picks?"
    r")\s*[:\-–—»>]?\s*$",
    re.IGNORECASE,
)
# "Read more: <headline>" inside a story: a link, not a list marker.
_INLINE_LINK_RE = re.compile(
    r"^\W{0,3}(?:read\s+(?:more|also|next)|also\s+read|related|see\s+also|recommended|watch)\s*[:\-–—|]\s*\S",
    re.IGNORECASE,
)
_SOCIAL_EXACT = {
    "share", "tweet", "email", "e-mail", "print", "save", "pin", "pin it", "copy", "copy link",
    "whatsapp", "facebook", "twitter", "x", "linkedin", "reddit", "telegram", "flipboard",
    "comments", "comment", "advertisement", "advertising", "ad", "sponsored", "menu", "search",
    "log in", "login", "sign in", "sign up", "subscribe", "register", "skip to content",
    "skip to main content", "back to top", "listen", "listen to this article", "close",
    "next", "previous", "more", "home", "share this", "share this article", "share this story",
    "show comments", "view comments", "leave a comment", "print this page", "font size",
}
_SOCIAL_PREFIX_RE = re.compile(
    r"^\W{0,3}(?:share\s+(?:on|this|via|to|with)|tweet\s+(?:this|it)|follow\s+(?:us|@)"
    r"|like\s+us\s+on|join\s+us\s+on|sign\s+up\s+(?:for|to|now|here)|subscribe\s+(?:to|for|now|here|today)"
    r"|get\s+(?:our|the)\s+\w+\s+newsletter|click\s+here|download\s+(?:our|the)\s+app"
    r"|we\s+use\s+cookies|this\s+(?:site|website)\s+uses\s+cookies|accept\s+(?:all\s+)?cookies)\b",
    re.IGNORECASE,
)
_COPYRIGHT_RE = re.compile(
    r"^\W{0,3}(?:copyright\b|©|\(c\)\s*\d{4})|all\s+rights\s+reserved", re.IGNORECASE
)
# "veryGood! (23898)", "Comments (12)", "Likes 1,204"
_COUNTER_RE = re.compile(r"^\s*[^\W\d][\w' ]{0,25}[!?]?\s*[(\[]\s*\d[\d,.]*\s*[)\]]\s*$")
_HEADER_LABEL_RE = re.compile(
    r"^\s*(?:(?:first\s+|originally\s+)?published|(?:last\s+)?updated|(?:last\s+)?modified|posted"
    r"|publication\s+date|date\s+published|release\s+date|dated?|source|author|reporter|written\s+by"
    r"|editor|edited\s+by|reading\s+time|views?)"
    r"(?:\s+(?:on|at|by))?\s*:",
    re.IGNORECASE,
)
_HEADER_DATE_LABEL_RE = re.compile(
    r"^\s*(?:(?:first\s+|originally\s+)?published|(?:last\s+)?updated|(?:last\s+)?modified|posted)\b",
    re.IGNORECASE,
)
_BREADCRUMB_SEP_RE = re.compile(r"\s*(?:>|»|›|\|)\s*")
_HOME_CRUMB_RE = re.compile(r"\b(?:home|start|index)\s*(?:>|»|›|/|\|)", re.IGNORECASE)
_YOU_ARE_HERE_RE = re.compile(r"^\W{0,3}(?:you\s+are\s+here|current(?:ly)?)\s*:", re.IGNORECASE)
_BYLINE_RE = re.compile(r"^\s*(?:By|BY|by|From)\s+(?P<rest>\S.*)$")
_BYLINE_WORDS = {
    "and", "&", "with", "of", "the", "for", "in", "at", "de", "da", "del", "van", "von", "der",
    "al", "el", "bin", "ibn", "le", "la", "staff", "writer", "writers", "correspondent",
    "correspondents", "reporter", "reporters", "editor", "contributor", "published", "updated",
    "on", "am", "pm", "a.m.", "p.m.",
}
_NAME_TOKEN_RE = re.compile(r"^[(\[]?(?:[A-ZÀ-ÖØ-Þ][\w.'’\-]*|[A-Z]\.|\d[\d:.,/-]*|[|·•,/–—-]+)[)\],;:]*$")
_TITLE_WORD_RE = re.compile(r"^[A-ZÀ-ÖØ-Þ&][\w'’.&\-]*$|^(?:of|the|and|for|on|in|&|de|la|le|du|[|·•–—-])$")

_AGENCIES = (
    r"AP|Associated\s+Press|Reuters|AFP|Agence\s+France-Presse|dpa|DPA|Xinhua|Anadolu|ANI|PTI|IANS"
    r"|UPI|EFE|ANSA|Bernama|Yonhap|Kyodo|TASS|RIA\s+Novosti|Interfax|IRNA|WAFA|SPA|APA|KUNA|NNA"
    r"|CNN|BBC|Al\s+Jazeera|Bloomberg|[A-Z][A-Za-z&.]{1,15}(?:\s+[A-Z][A-Za-z&.]{1,15}){0,2}"
)
_DASH = r"(?:--|[-–—―])"
_PLACE_WORD = r"[A-ZÀ-ÖØ-Þ][\w'’.]*(?:-[\w'’.]+)*"
# Words are split on spaces only and hyphens belong to words, so that no
# string can be matched in many ways (which made long "A-A-A-..." lines hang).
_PLACE = rf"{_PLACE_WORD}(?: (?:(?:de|del|da|do|al|el|la|le|of|upon|sur|am) )?{_PLACE_WORD}){{0,4}}"
_CAPS_WORD = r"[A-ZÀ-ÖØ-Þ'’.]+(?:-[A-ZÀ-ÖØ-Þ'’.]+)*"
_CAPS_PLACE = rf"[A-ZÀ-ÖØ-Þ]{_CAPS_WORD}(?: [A-ZÀ-ÖØ-Þ]{_CAPS_WORD}){{0,4}}"
_DATE_PART = r"[A-Za-z]{3,9}\.?\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+[A-Za-z]{3,9}\.?(?:\s+\d{4})?"
# PLACE[, Region][, date] (AGENCY) —   |   CAPS PLACE[, Region][, date] —
_DATELINE_AGENCY_RE = re.compile(
    rf"^\s*{_PLACE}(?:,\s*{_PLACE}){{0,2}}(?:,?\s*(?:{_DATE_PART}))?\s*"
    rf"(?P<cut>\((?:{_AGENCIES})\)\s*{_DASH}\s*)(?=\S)"
)
_DATELINE_CAPS_RE = re.compile(
    rf"^\s*{_CAPS_PLACE}(?:,\s*{_PLACE}){{0,2}}(?:,?\s*(?:{_DATE_PART}))?\s*"
    rf"(?P<cut>{_DASH}\s*)(?=\S)"
)


@dataclass(frozen=True, slots=True)
class _Line:
    start: int
    end: int
    text: str

    @property
    def stripped(self) -> str:
        return self.text.strip()

    @property
    def words(self) -> int:
        return len(self.text.split())


def clean(text: str) -> str:
    """``text`` with boilerplate replaced by spaces; same length, same line breaks."""
    if not text:
        return text
    lines = [_Line(m.start(), m.end(), m.group()) for m in re.finditer(r"[^\r\n]+", text)]
    lines = [line for line in lines if line.stripped]
    if not lines:
        return text
    chars = list(text)
    story_start = _story_start(lines)
    # Without a prose paragraph (a tweet, a one-line note) nothing is
    # known to be page furniture by its shape alone.
    has_story = story_start < len(lines)
    in_list = False
    listed = 0  # lines dropped since the last marker
    for index, line in enumerate(lines):
        before_story = index < story_start
        if _is_marker(line):
            in_list = True
            listed = 0
            _blank(chars, line.start, line.end)
            continue
        if in_list:
            # A short box ("Related: one link") can sit inside a story; after a
            # real list, the rest of the page is furniture, teasers included.
            if before_story or index == story_start:
                resume = _is_prose(line, _STORY_START_WORDS)
            else:
                resume = listed < _MAX_BOX_LINES and _is_prose(line, _RESUME_WORDS)
            if resume and not _is_anywhere_furniture(line):
                in_list = False
            else:
                listed += 1
                _blank(chars, line.start, line.end)
                continue
        if _is_anywhere_furniture(line) or (before_story and _is_top_furniture(line, by_shape=has_story)):
            _blank(chars, line.start, line.end)
            continue
        if index >= story_start and index <= story_start + 2:
            cut = _dateline_cut(line.text)
            if cut is not None:
                _blank(chars, line.start + cut[0], line.start + cut[1])
    return "".join(chars)


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] not in "\r\n":
            chars[i] = " "


def _story_start(lines: list[_Line]) -> int:
    """Index of the first prose paragraph (or dateline), len(lines) if none."""
    for index, line in enumerate(lines):
        if _is_anywhere_furniture(line) or _is_marker(line):
            continue
        if _dateline_cut(line.text) is not None and line.words >= 4:
            return index
        if _is_prose(line, _STORY_START_WORDS) and not _is_breadcrumb(line.stripped):
            return index
    return len(lines)


def _is_prose(line: _Line, min_words: int) -> bool:
    return line.words >= min_words and bool(_SENTENCE_END_RE.search(line.text))


def _is_marker(line: _Line) -> bool:
    return len(line.stripped) <= 50 and bool(_MARKER_RE.match(line.stripped))


def _is_anywhere_furniture(line: _Line) -> bool:
    s = line.stripped
    if len(s) > 300:
        return False
    bare = re.sub(r"[^\w\s&'’-]", "", s).strip().lower()
    bare = re.sub(r"\s+", " ", bare)
    if bare in _SOCIAL_EXACT or (not bare and len(s) <= 40):
        return True
    if line.words <= 25 and (_SOCIAL_PREFIX_RE.match(s) or _COPYRIGHT_RE.search(s)):
        return True
    if _COUNTER_RE.match(s):
        return True
    if line.words <= 25 and _INLINE_LINK_RE.match(s) and not _SENTENCE_END_RE.search(s):
        return True
    if len(s) <= 120 and _HEADER_DATE_LABEL_RE.match(s) and find_date(s) is not None:
        return True
    if _is_byline(s):
        return True
    return False


def _is_top_furniture(line: _Line, *, by_shape: bool) -> bool:
    s = line.stripped
    if _is_breadcrumb(s):
        return True
    if len(s) <= 150 and _HEADER_LABEL_RE.match(s):
        return True
    if date_only_line(s) is not None:
        return True
    if not by_shape:
        return False
    # Site, section and author names: a few capitalised words, no digits, no sentence.
    words = s.split()
    if (
        len(words) <= 3
        and len(s) <= 40
        and not any(ch.isdigit() for ch in s)
        and not re.search(r"[.!?,;:]$", s)
        and all(_TITLE_WORD_RE.match(w) for w in words)
    ):
        return True
    return False


def _is_breadcrumb(s: str) -> bool:
    if _HOME_CRUMB_RE.search(s) or _YOU_ARE_HERE_RE.match(s):
        return True
    parts = [p for p in _BREADCRUMB_SEP_RE.split(s) if p.strip()]
    if len(parts) >= 3 and all(len(p.split()) <= 4 for p in parts[:-1]) and not _SENTENCE_END_RE.search(s):
        return True
    return False


def _is_byline(s: str) -> bool:
    match = _BYLINE_RE.match(s)
    if not match or len(s) > 150:
        return False
    tokens = match.group("rest").split()
    if not tokens or len(tokens) > 20 or not _NAME_TOKEN_RE.match(tokens[0]):
        return False
    names = 0
    for token in tokens:
        if token.lower().strip(",;:") in _BYLINE_WORDS:
            continue
        if not _NAME_TOKEN_RE.match(token):
            return False
        names += 1
    return names >= 1 and not tokens[0].rstrip(",").lower() in {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "june", "july", "august", "september",
        "october", "november", "december", "then", "now", "late", "early", "mid", "noon",
    }


def _dateline_cut(line: str) -> tuple[int, int] | None:
    """The span of "(AP) —" in "WASHINGTON (AP) — The ...", relative to the line."""
    head = line[:200]
    match = _DATELINE_AGENCY_RE.match(head) or _DATELINE_CAPS_RE.match(head)
    if match is None:
        return None
    return match.start("cut"), match.end("cut")

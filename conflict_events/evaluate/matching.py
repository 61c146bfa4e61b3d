"""Pure functions that compare one gold row with predicted rows.

Nothing here reads files or imports spaCy, so the comparison rules can be
tested in isolation and reused by anything that scores rows.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Sequence

from conflict_events.geo.gazetteer import haversine_km
from conflict_events.schema import EventRow, EventType

# Fields scored for every gold row, in report order.
FIELDS: tuple[str, ...] = (
    "event_type",
    "sub_event_type",
    "event_date",
    "country",
    "admin1",
    "location",
    "coordinates",
    "fatalities",
    "actor1",
    "actor_pair",
    "inter_pair",
    "interaction",
)

# Fields the match maximises agreement on, in tie-break priority order.
MATCH_FIELDS: tuple[str, ...] = (
    "sub_event_type",
    "event_type",
    "event_date",
    "location",
    "actor_pair",
)

LOCATION_RADIUS_KM = 15.0
# The geocoding measure: the predicted coordinates lie within this distance of ACLED's.
COORDINATES_RADIUS_KM = 25.0

# ACLED marks the government period inside actor names: "(2020-)", "(2013-2018)".
_PERIOD = re.compile(r"\(\s*\d{4}\s*-\s*(?:\d{4})?\s*\)")
_SPACES = re.compile(r"\s+")
_PUNCT = re.compile(r"[^\w\s]")

_VAC = EventType.VIOLENCE_AGAINST_CIVILIANS.value


def strip_diacritics(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def normalise_actor(name: str | None) -> str:
    """Actor name without period suffix, casefolded, diacritics stripped."""
    if not name:
        return ""
    text = _PERIOD.sub(" ", name)
    text = strip_diacritics(text).casefold()
    return _SPACES.sub(" ", text).strip()


_ARTICLE = re.compile(r"^(al|el|ad|ar|as|ash|at|az|an) (?=\w)")


def normalise_place(name: str | None) -> str:
    """Place name casefolded, diacritics and punctuation dropped ("City - District" == "city district")."""
    if not name:
        return ""
    text = strip_diacritics(name).casefold()
    text = _PUNCT.sub(" ", text)
    text = _SPACES.sub(" ", text).strip()
    # Transliterations differ in the Arabic article: "Al Anbar" and "Anbar" are one province.
    return _ARTICLE.sub("", text)


def _has_coords(row: EventRow) -> bool:
    return row.latitude is not None and row.longitude is not None


def is_order_sensitive(gold: EventRow) -> bool:
    """Actor order carries meaning only in Violence against civilians (victim is actor2)."""
    return gold.event_type == _VAC


def location_matches(gold: EventRow, pred: EventRow, radius_km: float = LOCATION_RADIUS_KM) -> bool:
    if normalise_place(gold.location) == normalise_place(pred.location):
        return True
    if _has_coords(gold) and _has_coords(pred):
        return haversine_km(gold.latitude, gold.longitude, pred.latitude, pred.longitude) <= radius_km  # type: ignore[arg-type]
    return False


def coordinates_match(gold: EventRow, pred: EventRow, radius_km: float = COORDINATES_RADIUS_KM) -> bool:
    if not (_has_coords(gold) and _has_coords(pred)):
        return False
    return haversine_km(gold.latitude, gold.longitude, pred.latitude, pred.longitude) <= radius_km  # type: ignore[arg-type]


def actor1_matches(gold: EventRow, pred: EventRow) -> bool:
    g1 = normalise_actor(gold.actor1)
    if is_order_sensitive(gold):
        return g1 == normalise_actor(pred.actor1)
    return g1 in (normalise_actor(pred.actor1), normalise_actor(pred.actor2))


def actor_pair_matches(gold: EventRow, pred: EventRow) -> bool:
    g = (normalise_actor(gold.actor1), normalise_actor(gold.actor2))
    p = (normalise_actor(pred.actor1), normalise_actor(pred.actor2))
    if is_order_sensitive(gold):
        return g == p
    return sorted(g) == sorted(p)


def inter_pair_matches(gold: EventRow, pred: EventRow) -> bool:
    g = (int(gold.inter1 or 0), int(gold.inter2 or 0))
    p = (int(pred.inter1 or 0), int(pred.inter2 or 0))
    if is_order_sensitive(gold):
        return g == p
    return sorted(g) == sorted(p)


def compare(gold: EventRow, pred: EventRow) -> dict[str, bool]:
    """Field -> correct, for every field in FIELDS."""
    return {
        "event_type": gold.event_type == pred.event_type,
        "sub_event_type": gold.sub_event_type == pred.sub_event_type,
        "event_date": (gold.event_date or "") == (pred.event_date or ""),
        "country": normalise_place(gold.country) == normalise_place(pred.country),
        "admin1": normalise_place(gold.admin1) == normalise_place(pred.admin1),
        "location": location_matches(gold, pred),
        "coordinates": coordinates_match(gold, pred),
        "fatalities": int(gold.fatalities or 0) == int(pred.fatalities or 0),
        "actor1": actor1_matches(gold, pred),
        "actor_pair": actor_pair_matches(gold, pred),
        "inter_pair": inter_pair_matches(gold, pred),
        "interaction": int(gold.interaction or 0) == int(pred.interaction or 0),
    }


def all_wrong() -> dict[str, bool]:
    return {name: False for name in FIELDS}


@dataclass(slots=True)
class Match:
    """The predicted row chosen for one gold row (None when the text yielded nothing)."""

    index: int | None
    predicted: EventRow | None
    fields: dict[str, bool] = field(default_factory=all_wrong)
    n_predicted: int = 0

    @property
    def detected(self) -> bool:
        return self.n_predicted > 0

    @property
    def spurious(self) -> int:
        """Rows beyond the matched one."""
        return max(self.n_predicted - 1, 0)

    @property
    def mismatches(self) -> int:
        return sum(1 for ok in self.fields.values() if not ok)


def _match_key(fields: dict[str, bool]) -> tuple[int, ...]:
    agree = sum(fields[name] for name in MATCH_FIELDS)
    return (agree, *(int(fields[name]) for name in MATCH_FIELDS))


def best_match(gold: EventRow, predictions: Sequence[EventRow]) -> Match:
    """The prediction agreeing with gold on most match fields; earlier rows win ties."""
    best: Match = Match(index=None, predicted=None, n_predicted=len(predictions))
    best_key: tuple[int, ...] | None = None
    for i, pred in enumerate(predictions):
        fields = compare(gold, pred)
        key = _match_key(fields)
        if best_key is None or key > best_key:
            best = Match(index=i, predicted=pred, fields=fields, n_predicted=len(predictions))
            best_key = key
    return best

"""The ACLED taxonomy and the typed output row.

Everything here is plain Python (no spaCy) so that the CLI's ``--help``, the
``schema`` command and the writers can import it cheaply.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from enum import Enum, IntEnum
from typing import Any


class EventType(str, Enum):
    BATTLES = "Battles"
    PROTESTS = "Protests"
    RIOTS = "Riots"
    EXPLOSIONS = "Explosions/Remote violence"
    VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"
    STRATEGIC_DEVELOPMENTS = "Strategic developments"


class SubEventType(str, Enum):
    GOVERNMENT_REGAINS_TERRITORY = "Government regains territory"
    NON_STATE_ACTOR_OVERTAKES_TERRITORY = "Non-state actor overtakes territory"
    ARMED_CLASH = "Armed clash"
    EXCESSIVE_FORCE = "Excessive force against protesters"
    PROTEST_WITH_INTERVENTION = "Protest with intervention"
    PEACEFUL_PROTEST = "Peaceful protest"
    VIOLENT_DEMONSTRATION = "Violent demonstration"
    MOB_VIOLENCE = "Mob violence"
    CHEMICAL_WEAPON = "Chemical weapon"
    AIR_DRONE_STRIKE = "Air/drone strike"
    SUICIDE_BOMB = "Suicide bomb"
    SHELLING = "Shelling/artillery/missile attack"
    REMOTE_EXPLOSIVE = "Remote explosive/landmine/IED"
    GRENADE = "Grenade"
    SEXUAL_VIOLENCE = "Sexual violence"
    ATTACK = "Attack"
    ABDUCTION = "Abduction/forced disappearance"
    AGREEMENT = "Agreement"
    ARRESTS = "Arrests"
    CHANGE_TO_GROUP = "Change to group/activity"
    DISRUPTED_WEAPONS_USE = "Disrupted weapons use"
    HEADQUARTERS_ESTABLISHED = "Headquarters or base established"
    LOOTING = "Looting/property destruction"
    NON_VIOLENT_TRANSFER = "Non-violent transfer of territory"
    OTHER = "Other"


class DisorderType(str, Enum):
    POLITICAL_VIOLENCE = "Political violence"
    DEMONSTRATIONS = "Demonstrations"
    STRATEGIC_DEVELOPMENTS = "Strategic developments"


S = SubEventType
E = EventType

# Codebook order: within the hierarchy the earlier type wins when one event
# shows several tactics, and within a type the earlier sub-type wins.
HIERARCHY: dict[EventType, tuple[SubEventType, ...]] = {
    E.BATTLES: (S.GOVERNMENT_REGAINS_TERRITORY, S.NON_STATE_ACTOR_OVERTAKES_TERRITORY, S.ARMED_CLASH),
    E.PROTESTS: (S.EXCESSIVE_FORCE, S.PROTEST_WITH_INTERVENTION, S.PEACEFUL_PROTEST),
    E.RIOTS: (S.VIOLENT_DEMONSTRATION, S.MOB_VIOLENCE),
    E.EXPLOSIONS: (
        S.CHEMICAL_WEAPON,
        S.AIR_DRONE_STRIKE,
        S.SUICIDE_BOMB,
        S.SHELLING,
        S.REMOTE_EXPLOSIVE,
        S.GRENADE,
    ),
    E.VIOLENCE_AGAINST_CIVILIANS: (S.SEXUAL_VIOLENCE, S.ATTACK, S.ABDUCTION),
    E.STRATEGIC_DEVELOPMENTS: (
        S.AGREEMENT,
        S.ARRESTS,
        S.CHANGE_TO_GROUP,
        S.DISRUPTED_WEAPONS_USE,
        S.HEADQUARTERS_ESTABLISHED,
        S.LOOTING,
        S.NON_VIOLENT_TRANSFER,
        S.OTHER,
    ),
}

EVENT_TYPE_OF: dict[SubEventType, EventType] = {
    sub: event_type for event_type, subs in HIERARCHY.items() for sub in subs
}

_ORDER: dict[SubEventType, int] = {
    sub: i for i, sub in enumerate(s for subs in HIERARCHY.values() for s in subs)
}


def hierarchy_rank(sub: SubEventType) -> int:
    """Lower is higher in the codebook hierarchy."""
    return _ORDER[sub]


def disorder_type(sub: SubEventType) -> DisorderType:
    event_type = EVENT_TYPE_OF[sub]
    if event_type is E.PROTESTS:
        return (
            DisorderType.POLITICAL_VIOLENCE
            if sub is S.EXCESSIVE_FORCE
            else DisorderType.DEMONSTRATIONS
        )
    if event_type is E.RIOTS:
        return (
            DisorderType.DEMONSTRATIONS
            if sub is S.VIOLENT_DEMONSTRATION
            else DisorderType.POLITICAL_VIOLENCE
        )
    if event_type is E.STRATEGIC_DEVELOPMENTS:
        return DisorderType.STRATEGIC_DEVELOPMENTS
    return DisorderType.POLITICAL_VIOLENCE


class Inter(IntEnum):
    NONE = 0
    STATE_FORCES = 1
    REBEL_GROUP = 2
    POLITICAL_MILITIA = 3
    IDENTITY_MILITIA = 4
    RIOTERS = 5
    PROTESTERS = 6
    CIVILIANS = 7
    EXTERNAL_OTHER = 8


def interaction(inter1: int, inter2: int) -> int:
    """ACLED's interaction code: both inter codes, lower first; one-sided is code then 0."""
    codes = sorted(c for c in (int(inter1), int(inter2)) if c)
    if not codes:
        return 0
    if len(codes) == 1:
        return codes[0] * 10
    return codes[0] * 10 + codes[1]


class TimePrecision(IntEnum):
    DAY = 1
    WEEK = 2
    MONTH = 3


class GeoPrecision(IntEnum):
    TOWN = 1
    NEAR_TOWN = 2
    REGION = 3


ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)

EXTRA_COLUMNS: tuple[str, ...] = (
    "injuries",
    "weapons",
    "evidence",
    "char_start",
    "char_end",
    "confidence",
)

COLUMNS: tuple[str, ...] = ("doc_id", *ACLED_COLUMNS, *EXTRA_COLUMNS)

COLUMN_DESCRIPTIONS: dict[str, str] = {
    "doc_id": "The document the event came from: the corpus id column, or the input path.",
    "event_id_cnty": "An id for the event: ISO3 country code and a running number within the run.",
    "event_date": "The day the event happened, YYYY-MM-DD; empty when no date could be established.",
    "year": "The year of event_date.",
    "time_precision": "1 exact day, 2 within a week (middle day), 3 only the month.",
    "disorder_type": "Political violence, Demonstrations or Strategic developments.",
    "event_type": "One of ACLED's six event types.",
    "sub_event_type": "One of ACLED's 25 sub-event types.",
    "actor1": "The actor who acted, with its ACLED-style name.",
    "assoc_actor_1": "Actors associated with actor1, separated by '; '.",
    "inter1": "Inter code of actor1 (1 state forces ... 8 external/other forces).",
    "actor2": "The actor acted upon; in Violence against civilians always the victims.",
    "assoc_actor_2": "Actors associated with actor2, separated by '; '.",
    "inter2": "Inter code of actor2, 0 when there is none.",
    "interaction": "inter1 and inter2, lower first; one-sided events are the code then 0.",
    "civilian_targeting": "'Civilian targeting' when civilians were the main target, else empty.",
    "iso": "ISO 3166-1 numeric code of the country.",
    "region": "ACLED region of the country.",
    "country": "Country where the event happened.",
    "admin1": "First-level administrative division, spelt as ACLED spells it.",
    "admin2": "Second-level administrative division, when known.",
    "admin3": "Third-level administrative division, when known.",
    "location": "The place the event is coded to.",
    "latitude": "Latitude of location (WGS84).",
    "longitude": "Longitude of location (WGS84).",
    "geo_precision": "1 the named town, 2 near a town or small area, 3 only a larger region.",
    "source": "Where the event was reported (the document's source, when given).",
    "source_scale": "Scale of the source, when known.",
    "notes": "A one-sentence summary of the event in ACLED's style.",
    "fatalities": "Reported deaths by the codebook's rules (lowest credible figure).",
    "tags": "ACLED tags, such as 'crowd size=...' for protests.",
    "timestamp": "Unix time at which the row was produced (0 in deterministic mode).",
    "injuries": "Reported injured people (not an ACLED column).",
    "weapons": "Weapons mentioned for the event, separated by '; '.",
    "evidence": "The sentence the event was read from.",
    "char_start": "Offset of the evidence sentence's first character in the original document.",
    "char_end": "Offset just past the evidence sentence's last character.",
    "confidence": "How sure the rules are of this row, from 0 to 1.",
}


@dataclass(slots=True)
class EventRow:
    """One ACLED-style event plus the project's evidence columns."""

    doc_id: str = ""
    event_id_cnty: str = ""
    event_date: str = ""
    year: int | None = None
    time_precision: int | None = None
    disorder_type: str = ""
    event_type: str = ""
    sub_event_type: str = ""
    actor1: str = ""
    assoc_actor_1: str = ""
    inter1: int = 0
    actor2: str = ""
    assoc_actor_2: str = ""
    inter2: int = 0
    interaction: int = 0
    civilian_targeting: str = ""
    iso: int | None = None
    region: str = ""
    country: str = ""
    admin1: str = ""
    admin2: str = ""
    admin3: str = ""
    location: str = ""
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    source: str = ""
    source_scale: str = ""
    notes: str = ""
    fatalities: int = 0
    tags: str = ""
    timestamp: int = 0
    injuries: int = 0
    weapons: str = ""
    evidence: str = ""
    char_start: int = 0
    char_end: int = 0
    confidence: float = 0.0
    # Not output columns: how the row was made, for --explain.
    explanation: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """The output columns, in output order."""
        return {name: getattr(self, name) for name in COLUMNS}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "EventRow":
        """Inverse of to_dict, coercing the string cells a CSV gives back."""
        kwargs: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            if f.name not in data or f.name == "explanation":
                continue
            kwargs[f.name] = _coerce(f.type, data[f.name])
        return cls(**kwargs)


def _coerce(type_name: Any, value: Any) -> Any:
    if value is None:
        return None
    text = str(type_name)
    if isinstance(value, str):
        if value == "" and "None" in text:
            return None
        if text.startswith("int"):
            return int(value) if value != "" else 0
        if text.startswith("float"):
            return float(value) if value != "" else 0.0
    return value

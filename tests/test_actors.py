"""Actor dictionary and resolution: tables of mentions written for these tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from conflict_events.actors import (
    Actor,
    ActorDictionary,
    ActorFileError,
    associate_group,
    find_acronyms,
    get_actor_dictionary,
    strip_period,
)
from conflict_events.schema import Inter, interaction


@pytest.fixture(scope="module")
def d() -> ActorDictionary:
    return get_actor_dictionary()


def check(d: ActorDictionary, mention: str, country: str, name: str, inter: int, when: date | None = None) -> None:
    actor = d.resolve(mention, event_country=country, event_date=when)
    assert actor is not None, mention
    assert (actor.name, actor.inter) == (name, inter), f"{mention!r} in {country}: {actor}"


# --- seed acceptance -----------------------------------------------------------------------

def test_seed_us_military_in_iraq(d):
    actor = d.resolve("The U.S. military", event_country="Iraq")
    assert actor == Actor("Military Forces of the United States (2021-)", 8, "United States", "state")


def test_seed_kataib_hezbollah(d):
    actor = d.resolve("Kataib Hezbollah", event_country="Iraq")
    assert actor is not None and actor.name == "Kataib Hezbollah" and actor.inter == Inter.POLITICAL_MILITIA


# --- nationality adjectives, country names, state forces -----------------------------------

@pytest.mark.parametrize(
    "mention,country,name,inter",
    [
        ("Iraqi air strikes", "Iraq", "Military Forces of Iraq (2020-)", 1),
        ("Russian forces", "Ukraine", "Military Forces of Russia (2000-)", 8),
        ("Russian soldiers", "Ukraine", "Military Forces of Russia (2000-)", 8),
        ("Ukrainian troops", "Ukraine", "Military Forces of Ukraine (2019-)", 1),
        # Air defences that intercept a drone are the state's forces.
        ("air defences", "Ukraine", "Military Forces of Ukraine (2019-)", 1),
        ("Israeli soldiers", "Palestine", "Military Forces of Israel (2021-2022)", 8),
        ("U.S. forces", "Iraq", "Military Forces of the United States (2021-)", 8),
        # A de facto state's forces act at home in the country ACLED codes it in.
        ("Somaliland forces", "Somalia", "Military Forces of Somaliland (2010-)", 1),
        ("Somaliland forces", "Ethiopia", "Military Forces of Somaliland (2010-)", 8),
        ("U.S. forces", "Somalia", "Military Forces of the United States (2021-)", 8),
        ("U.S. forces", "Syria", "Global Coalition Against Daesh", 8),  # ACLED's coding in Syria
        ("American troops", "Iraq", "Military Forces of the United States (2021-)", 8),
        ("US military", "Iraq", "Military Forces of the United States (2021-)", 8),
        ("Russian airstrikes", "Ukraine", "Military Forces of Russia (2000-) Air Force", 8),
        ("Russian air force", "Ukraine", "Military Forces of Russia (2000-) Air Force", 8),
        ("Syrian regime warplanes", "Syria", "Military Forces of Syria (2000-) Syrian Arab Air Force", 1),
        ("Israeli soldiers", "Lebanon", "Military Forces of Israel (2021-2022)", 8),
        ("soldiers", "Palestine", "Military Forces of Israel (2021-2022)", 8),
        ("CENTCOM", "Syria", "Military Forces of the United States (2021-)", 8),
        ("U.S. Central Command", "Iraq", "Military Forces of the United States (2021-)", 8),
        ("regime forces", "Syria", "Military Forces of Syria (2000-)", 1),
        ("government forces", "Syria", "Military Forces of Syria (2000-)", 1),
        ("pro-government forces", "Syria", "Military Forces of Syria (2000-)", 1),
        ("Syrian Arab Army", "Syria", "Military Forces of Syria (2000-)", 1),
        ("Turkish drones", "Syria", "Military Forces of Turkey (2016-)", 8),
        ("Turkish troops", "Turkey", "Military Forces of Turkey (2016-)", 1),
        ("the Nigerian Army", "Nigeria", "Military Forces of Nigeria (2015-)", 1),
        ("Congolese soldiers", "Democratic Republic of Congo",
         "Military Forces of the Democratic Republic of Congo (2019-)", 1),
        ("Filipino soldiers", "Philippines", "Military Forces of the Philippines (2016-2022)", 1),
        ("Russia", "Ukraine", "Military Forces of Russia (2000-)", 8),
        ("Kenyan police", "Kenya", "Police Forces of Kenya (2013-2022)", 1),
        ("Iranian Revolutionary Guards", "Iraq", "Military Forces of Iran (1989-) Islamic Revolutionary Guard Corps", 8),
        ("Russian warplanes", "Syria", "Military Forces of Russia (2000-)", 8),
        ("Russian warplanes", "Ukraine", "Military Forces of Russia (2000-) Air Force", 8),
        ("a Turkish soldier", "Iraq", "Military Forces of Turkey (2016-)", 8),
        ("the U.S.", "Iraq", "Military Forces of the United States (2021-)", 8),
        ("UK troops", "Iraq", "Military Forces of the United Kingdom (2010-)", 8),
        ("Iraqi Kurdish Peshmerga", "Iraq", "Military Forces of Iraq (2020-) Peshmerga", 1),
        ("gendarmes", "Niger", "Police Forces of Niger (2021-)", 1),
        ("gendarmes", "Turkey", "Military Forces of Turkey (2016-) Gendarmerie", 1),
        ("Georgia police", "United States", "Police Forces of the United States (2021-)", 1),
        ("Georgian police", "Georgia", "Police Forces of Georgia (2012-)", 1),
        ("Congolese army", "Republic of Congo", "Military Forces of the Republic of Congo (2020-)", 1),
        ("Congolese army", "Democratic Republic of Congo",
         "Military Forces of the Democratic Republic of Congo (2019-)", 1),
    ],
)
def test_state_forces_by_nationality(d, mention, country, name, inter):
    check(d, mention, country, name, inter, date(2022, 3, 1))


@pytest.mark.parametrize(
    "mention,country,name",
    [
        ("police", "Kenya", "Police Forces of Kenya (2013-2022)"),
        ("policemen", "India", "Police Forces of India (2014-)"),
        ("a police officer", "Mexico", "Police Forces of Mexico (2018-)"),
        ("two officers", "India", "Police Forces of India (2014-)"),
        ("troops", "Mali", "Military Forces of Mali (2021-)"),
        ("soldiers", "Nigeria", "Military Forces of Nigeria (2015-)"),
        ("a soldier", "Somalia", "Military Forces of Somalia (2017-2022)"),
        ("the army", "Pakistan", "Military Forces of Pakistan (2018-2022)"),
        ("security forces", "Iraq", "Military Forces of Iraq (2020-)"),
        ("the authorities", "Iran", "Government of Iran (1989-)"),
        ("military officers", "Mexico", "Military Forces of Mexico (2018-)"),
        ("two army officers", "Mali", "Military Forces of Mali (2021-)"),
        # Riot police keep order; they are not rioters.
        ("riot police", "Kenya", "Police Forces of Kenya (2013-2022)"),
        ("the anti-riot squad", "Senegal", "Police Forces of Senegal (2012-)"),
    ],
)
def test_bare_force_nouns_take_event_country(d, mention, country, name):
    check(d, mention, country, name, 1, date(2022, 2, 1))


@pytest.mark.parametrize(
    "mention,country,when,name",
    [
        ("Pakistani army", "Pakistan", date(2022, 1, 10), "Military Forces of Pakistan (2018-2022)"),
        ("Pakistani army", "Pakistan", date(2022, 6, 1), "Military Forces of Pakistan (2022-)"),
        ("Pakistani army", "Pakistan", None, "Military Forces of Pakistan (2022-)"),
        ("Somali troops", "Somalia", date(2022, 3, 1), "Military Forces of Somalia (2017-2022)"),
        ("Somali troops", "Somalia", date(2022, 6, 1), "Military Forces of Somalia (2022-)"),
        ("Burkinabe soldiers", "Burkina Faso", date(2022, 1, 5), "Military Forces of Burkina Faso (2015-2022)"),
        ("Burkinabe soldiers", "Burkina Faso", date(2022, 2, 5), "Military Forces of Burkina Faso (2022-)"),
        ("Israeli soldiers", "Israel", date(2023, 1, 5), "Military Forces of Israel (2022-)"),
        ("Afghan soldiers", "Afghanistan", date(2020, 1, 5), "Military Forces of Afghanistan (2014-2021)"),
    ],
)
def test_period_by_event_date(d, mention, country, when, name):
    actor = d.resolve(mention, event_country=country, event_date=when)
    assert actor is not None and actor.name == name


@pytest.mark.parametrize(
    "when,name,inter",
    [
        (date(2020, 6, 1), "Taliban", 2),
        (date(2021, 8, 14), "Taliban", 2),
        (date(2021, 8, 15), "Military Forces of Afghanistan (2021-)", 1),
        (date(2022, 4, 1), "Military Forces of Afghanistan (2021-)", 1),
    ],
)
def test_taliban_before_and_after_takeover(d, when, name, inter):
    check(d, "the Taliban", "Afghanistan", name, inter, when)


@pytest.mark.parametrize(
    "when,name,inter",
    [
        (date(2022, 5, 1), "Military Forces of Sudan (2019-) Rapid Support Forces", 1),
        (date(2023, 6, 1), "RSF: Rapid Support Forces", 2),
    ],
)
def test_rsf_before_and_after_april_2023(d, when, name, inter):
    check(d, "RSF", "Sudan", name, inter, when)


# --- coalitions ----------------------------------------------------------------------------

@pytest.mark.parametrize(
    "mention,country,name",
    [
        ("coalition", "Iraq", "Global Coalition Against Daesh"),
        ("coalition forces", "Syria", "Global Coalition Against Daesh"),
        ("the US-led coalition", "Syria", "Global Coalition Against Daesh"),
        ("Coalition military forces", "Iraq", "Global Coalition Against Daesh"),
        ("the coalition", "Yemen", "Operation Restoring Hope"),
        ("Saudi-led coalition", "Yemen", "Operation Restoring Hope"),
    ],
)
def test_coalitions(d, mention, country, name):
    check(d, mention, country, name, 8, date(2022, 1, 1))


# --- unidentified, civilians, protesters, rioters ------------------------------------------

@pytest.mark.parametrize(
    "mention,country",
    [
        ("gunmen", "Nigeria"), ("unknown gunmen", "Nigeria"), ("militants", "Pakistan"),
        ("unknown assailants", "Mexico"), ("armed men", "Mali"), ("attackers", "Burkina Faso"),
        ("a gunman", "Iraq"), ("suspected militants", "Iraq"), ("bandits", "Nigeria"),
        ("kidnappers", "Nigeria"), ("unidentified armed men", "Colombia"), ("unknown persons", "France"),
    ],
)
def test_unidentified_armed_group(d, mention, country):
    check(d, mention, country, f"Unidentified Armed Group ({country})", 3)


@pytest.mark.parametrize(
    "mention,country",
    [
        ("civilians", "Syria"), ("villagers", "Nigeria"), ("residents", "Mali"), ("a man", "Mexico"),
        ("a woman", "India"), ("farmers", "Nigeria"), ("children", "Yemen"), ("a journalist", "Mexico"),
        ("a worker", "India"), ("two teachers", "Cameroon"), ("a local trader", "Somalia"),
        ("an elderly woman", "Ukraine"), ("the village chief", "Burkina Faso"), ("Ukrainian civilians", "Ukraine"),
        ("three brothers", "Afghanistan"), ("a 12-year-old boy", "Brazil"),
        # What someone owns names its owners: the victims are civilians.
        ("Palestinian-owned greenhouses", "Palestine"), ("an army owned bakery", "Myanmar"),
        # Officers of elections and public services are civil servants, not police.
        ("a polling officer", "India"), ("two revenue officers", "India"), ("the district health officer", "India"),
        # Scholars, sheikhs and community leaders are civilians too.
        ("a respected Islamic scholar", "Somalia"), ("a tribal sheikh", "Iraq"), ("two community leaders", "Colombia"),
    ],
)
def test_victims_are_civilians(d, mention, country):
    check(d, mention, country, f"Civilians ({country})", 7)


@pytest.mark.parametrize(
    "mention,country,name,inter",
    [
        ("protesters", "Kenya", "Protesters (Kenya)", 6),
        ("demonstrators", "France", "Protesters (France)", 6),
        ("residents protested", "India", "Protesters (India)", 6),
        ("hundreds of protesting farmers", "India", "Protesters (India)", 6),
        ("rioters", "India", "Rioters (India)", 5),
        ("a mob", "India", "Rioters (India)", 5),
        ("an angry mob", "Nigeria", "Rioters (Nigeria)", 5),
    ],
)
def test_demonstrators(d, mention, country, name, inter):
    check(d, mention, country, name, inter)


@pytest.mark.parametrize(
    "mention,country,name,inter",
    [
        ("Fulani herdsmen", "Nigeria", "Fulani Ethnic Militia (Nigeria)", 4),
        ("armed Fulani", "Nigeria", "Fulani Ethnic Militia (Nigeria)", 4),
        ("Murle militiamen", "South Sudan", "Murle Ethnic Militia (South Sudan)", 4),
        # A word on how they live between the people and "militia" still names the people's militia.
        ("suspected Samburu pastoral militia", "Kenya", "Samburu Ethnic Militia (Kenya)", 4),
        # ACLED files the Kuchi as a tribe.
        ("armed Kuchi herders", "Afghanistan", "Kuchi Tribal Militia (Afghanistan)", 4),
        # Raiders named by their people are its militia; unnamed cattle raiders are communal.
        ("Turkana cattle raiders", "Kenya", "Turkana Ethnic Militia (Kenya)", 4),
        ("cattle raiders", "South Sudan", "Unidentified Communal Militia (South Sudan)", 4),
        ("Marehan clan militia", "Somalia", "Marehan Clan Militia (Somalia)", 4),
        # The name is the capitalised words before the type, however the phrase begins.
        ("gunmen believed to be Zorvel ethnic militiamen", "Nigeria", "Zorvel Ethnic Militia (Nigeria)", 4),
        ("Zorvel-Hassan Zorvelgo sub-clan militia", "Somalia", "Zorvel-Hassan Zorvelgo Sub-Clan Militia (Somalia)", 4),
        ("armed Mapuche indigenous militias", "Chile", "Mapuche Indigenous Militia (Chile)", 4),
        ("several unspecified clan militias", "Sudan", "Unidentified Clan Militia (Sudan)", 4),
        ("armed tribesmen", "Yemen", "Unidentified Tribal Militia (Yemen)", 4),
        ("vigilantes", "Nigeria", "Unidentified Communal Militia (Nigeria)", 4),
        ("security guards", "Kenya", "Private Security Forces (Kenya)", 8),
        ("gang members", "El Salvador", "Unidentified Gang (El Salvador)", 3),
        ("pro-government militia", "Sudan", "Militia (Pro-Government)", 3),
        ("unidentified drones", "Libya", "Unidentified Military Forces", 8),
        ("a foreign national", "Pakistan", "Civilians (International)", 7),
        ("migrants", "Turkey", "Civilians (International)", 7),
        ("unspecified military forces", "Ukraine", "Unidentified Military Forces", 8),
        ("unknown tribal militants", "Iraq", "Unidentified Tribal Militia (Iraq)", 4),
        ("two unknown tribal militias", "Iraq", "Unidentified Tribal Militia (Iraq)", 4),
        ("two former policemen", "Afghanistan", "Civilians (Afghanistan)", 7),
        ("ex-soldiers", "Colombia", "Civilians (Colombia)", 7),
        ("a Ukrainian refugee", "Hungary", "Civilians (Ukraine)", 7),
        ("a Niger militia", "Nigeria", "Niger Communal Militia (Nigeria)", 4),
        ("Zamfara vigilantes", "Nigeria", "Zamfara Communal Militia (Nigeria)", 4),
        ("drug traffickers", "Brazil", "Unidentified Gang (Brazil)", 3),
        ("unknown shooters", "Brazil", "Unidentified Armed Group (Brazil)", 3),
        ("Islamist militants", "Mozambique", "Islamic State (Mozambique)", 2),  # latest name without a date
    ],
)
def test_other_generic_actors(d, mention, country, name, inter):
    check(d, mention, country, name, inter)


# --- named groups and known acronyms -------------------------------------------------------

@pytest.mark.parametrize(
    "mention,country,name,inter",
    [
        ("IS", "Iraq", "Islamic State (Iraq)", 2),
        ("ISIS", "Syria", "Islamic State (Syria)", 2),
        ("ISIL", "Iraq", "Islamic State (Iraq)", 2),
        ("Daesh", "Syria", "Islamic State (Syria)", 2),
        ("Islamic State militants", "Afghanistan", "Islamic State (Afghanistan)", 2),
        ("ISKP", "Afghanistan", "Islamic State (Afghanistan)", 2),
        ("Islamic State", "Nigeria", "Islamic State (West Africa) - Lake Chad Faction", 2),
        ("ISWAP", "Nigeria", "Islamic State (West Africa) - Lake Chad Faction", 2),
        ("ISIS", "France", "Islamic State", 2),
        ("SNR agents", "Burundi", "Police Forces of Burundi (2005-) National Intelligence Service", 1),
        ("the regime's military intelligence", "Syria", "Military Forces of Syria (2000-) Military Intelligence", 1),
        ("the 4th Armored Division", "Syria", "Military Forces of Syria (2000-) 4th Armored Division", 1),
        ("JNIM", "Mali", "JNIM: Group for Support of Islam and Muslims", 2),
        ("HTS", "Syria", "HTS: Hayat Tahrir al Sham", 2),
        ("SDF", "Syria", "QSD: Syrian Democratic Forces", 2),
        ("PKK", "Turkey", "PKK: Kurdistan Workers Party", 2),
        ("PKK militants", "Iraq", "PKK: Kurdistan Workers Party", 2),
        ("PMF", "Iraq", "Military Forces of Iraq (2020-) Popular Mobilization Forces", 1),
        ("PMU", "Iraq", "Military Forces of Iraq (2020-) Popular Mobilization Forces", 1),
        ("Hashd al-Shaabi", "Iraq", "Military Forces of Iraq (2020-) Popular Mobilization Forces", 1),
        ("KH", "Iraq", "Kataib Hezbollah", 3),
        ("TTP", "Pakistan", "TTP: Tehreek-i-Taliban Pakistan", 2),
        ("ADF", "Democratic Republic of Congo", "ADF: Allied Democratic Forces", 2),
        ("ADF", "Cameroon", "Ambazonian Separatists (Cameroon)", 2),
        ("PDF", "Myanmar", "PDF: People's Defense Force", 3),
        ("IDF", "Palestine", "Military Forces of Israel (2021-2022)", 8),
        ("AFU", "Ukraine", "Military Forces of Ukraine (2019-)", 1),
        ("UPDF", "Democratic Republic of Congo", "Military Forces of Uganda (1986-)", 8),
        ("FARDC", "Democratic Republic of Congo", "Military Forces of the Democratic Republic of Congo (2019-)", 1),
        ("SAF", "Sudan", "Military Forces of Sudan (2019-)", 1),
        ("Houthi rebels", "Yemen", "Military Forces of Yemen (2016-) Supreme Political Council", 1),
        ("Houthis", "Saudi Arabia", "Military Forces of Yemen (2016-) Supreme Political Council", 8),
        ("Ansar Allah", "Yemen", "Military Forces of Yemen (2016-) Supreme Political Council", 1),
        ("al-Shabaab militants", "Somalia", "Al Shabaab", 2),
        ("al-Shabab", "Kenya", "Al Shabaab", 2),
        ("Hezbollah fighters", "Syria", "Hezbollah", 3),
        ("Hamas", "Palestine", "Hamas Movement", 3),
        ("Qassam Brigades", "Palestine", "Al Qassam Brigades", 3),
        ("Palestinian Islamic Jihad", "Palestine", "PIJ: Palestinian Islamic Jihad", 3),
        ("Wagner mercenaries", "Mali", "Wagner Group", 8),
        ("M23 rebels", "Democratic Republic of Congo", "M23: March 23 Movement", 2),
        ("CODECO militiamen", "Democratic Republic of Congo", "CODECO: Cooperative for Development of Congo", 3),
        ("Boko Haram", "Nigeria", "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad", 2),
        ("Ansaru", "Nigeria", "Ansaru", 3),
        ("the Arakan Army", "Myanmar", "ULA/AA: United League of Arakan/Arakan Army", 2),
        ("Kachin Independence Army", "Myanmar", "KIO/KIA: Kachin Independence Organization/Kachin Independence Army", 2),
        ("the junta", "Myanmar", "Military Forces of Myanmar (2021-)", 1),
        ("Fano militia", "Ethiopia", "Fano Youth Militia", 3),
        ("Tigrayan forces", "Ethiopia", "TPLF: Tigray People's Liberation Front", 3),
        ("OLA", "Ethiopia", "OLF: Oromo Liberation Front (Shane Splinter Faction)", 2),
        ("anti-Balaka", "Central African Republic", "Anti-Balaka", 4),
        ("3R", "Central African Republic", "3R: Return Reclamation Rehabilitation", 3),
        ("CJNG", "Mexico", "CJNG: Jalisco New Generation Cartel", 3),
        ("the Sinaloa Cartel", "Mexico", "Sinaloa Cartel", 3),
        ("ELN guerrillas", "Colombia", "ELN: National Liberation Army", 2),
        ("FARC dissidents", "Colombia", "FARC Dissident: Revolutionary Armed Forces of Colombia Dissident Faction", 2),
        ("NPA rebels", "Philippines", "NPA: New People's Army", 2),
        ("Azov Regiment", "Ukraine", "Military Forces of Ukraine (2019-) Special Operations Detachment Azov", 1),
        ("Ambazonian separatists", "Cameroon", "Ambazonian Separatists (Cameroon)", 2),
        ("AQAP", "Yemen", "AQAP: Al Qaeda in the Arabian Peninsula", 2),
        ("DPR forces", "Ukraine", "NAF: United Armed Forces of Novorossiya", 2),
        ("Kenyan ATMIS troops", "Somalia", "ATMIS: African Union Transition Mission in Somalia (2022-) (Kenya)", 8),
        # "pro-X fighters" are the named group's own; a nationality after "pro-" names no state's army.
        ("pro-STC gunmen", "Yemen", "STC: Southern Transitional Council", 2),
        ("pro-IS militants", "Iraq", "Islamic State (Iraq)", 2),
        ("pro-Turkish fighters", "Syria", "Unidentified Armed Group (Syria)", 3),
    ],
)
def test_named_groups(d, mention, country, name, inter):
    check(d, mention, country, name, inter, date(2022, 5, 1))


@pytest.mark.parametrize(
    "mention",
    ["Kataib Hezbollah", "Kata'ib Hizballah", "Kata’ib Hezbollah", "kataib hizbullah",
     "KATAIB HEZBOLLAH", "Kataib Hezbollah's", "Kata'ib Hizballah fighters"],
)
def test_normalised_variants(d, mention):
    check(d, mention, "Iraq", "Kataib Hezbollah", 3)


@pytest.mark.parametrize(
    "mention,country,name",
    [
        ("Hayat Tahrir al-Sham", "Syria", "HTS: Hayat Tahrir al Sham"),
        ("Hay’at Tahrīr al-Shām", "Syria", "HTS: Hayat Tahrir al Sham"),
        ("Cartel Jalisco Nueva Generación", "Mexico", "CJNG: Jalisco New Generation Cartel"),
        ("Syrian Democratic Force", "Syria", "QSD: Syrian Democratic Forces"),
        ("a Houthi", "Yemen", "Military Forces of Yemen (2016-) Supreme Political Council"),
    ],
)
def test_diacritics_and_number(d, mention, country, name):
    actor = d.resolve(mention, event_country=country)
    assert actor is not None and actor.name == name


# --- country-local aliases and false friends -----------------------------------------------

@pytest.mark.parametrize(
    "mention,country,name",
    [
        ("rebels", "Syria", "Opposition Rebels (Syria)"),
        ("rebels", "Colombia", "Unidentified Armed Group (Colombia)"),
        ("separatists", "Ukraine", "NAF: United Armed Forces of Novorossiya"),
        ("separatists", "Cameroon", "Ambazonian Separatists (Cameroon)"),
        ("herdsmen", "Nigeria", "Fulani Ethnic Militia (Nigeria)"),
        ("insurgents", "Thailand", "Malay Muslim Separatists (Thailand)"),
        ("settlers", "Palestine", "Settlers (Israel)"),
        ("al-Shabaab", "Mozambique", "Islamist Militia (Mozambique)"),
        # An unnamed member of a family that has an unidentified actor is that actor.
        ("unnamed local defense groups", "Myanmar", "Unidentified Anti-Coup Armed Group"),
        ("unidentified local defence forces", "Myanmar", "Unidentified Anti-Coup Armed Group"),
        ("a local People's Defense Force", "Myanmar", "Unidentified Anti-Coup Armed Group"),
        ("the People's Defense Force", "Myanmar", "PDF: People's Defense Force"),
        ("unidentified soldiers", "Myanmar", "Military Forces of Myanmar (2021-)"),
    ],
)
def test_local_aliases_need_the_right_country(d, mention, country, name):
    actor = d.resolve(mention, event_country=country, event_date=date(2022, 2, 1))
    assert actor is not None and actor.name == name


def test_short_acronyms_are_case_sensitive(d):
    assert d.resolve("is", event_country="Iraq") is None
    assert d.resolve("aa", event_country="Myanmar") is None
    actor = d.resolve("they told us", event_country="Iraq")
    assert actor is None or "United States" not in actor.name


def test_unknown_mention_returns_none(d):
    assert d.resolve("", event_country="Iraq") is None
    assert d.resolve("an airstrike", event_country="Ukraine") is None  # who struck is not said
    assert d.resolve("National", event_country="Yemen") is None
    assert d.resolve("the weather", event_country="Iraq") is None


# --- acronyms defined in the text ----------------------------------------------------------

@pytest.mark.parametrize(
    "text,expected",
    [
        ("fighters of the Popular Mobilization Forces (PMF) shelled", {"PMF": "Popular Mobilization Forces"}),
        ("The Syrian Democratic Forces (SDF) said", {"SDF": "Syrian Democratic Forces"}),
        ("Hayat Tahrir al-Sham (HTS) fighters", {"HTS": "Hayat Tahrir al-Sham"}),
        ("the Islamic State West Africa Province (ISWAP) attacked", {"ISWAP": "Islamic State West Africa Province"}),
        ("Members of the ZRF (Zanbar Revolutionary Front) attacked", {"ZRF": "Zanbar Revolutionary Front"}),
        ("clashes in Raqqa (Syria) on Monday", {}),
    ],
)
def test_find_acronyms(text, expected):
    assert find_acronyms(text) == expected


def test_text_acronyms_are_used(d):
    text = "Fighters of the Karenni Nationalities Defense Force (KNDF) attacked a base."
    acr = find_acronyms(text)
    actor = d.resolve("KNDF fighters", event_country="Myanmar", text_acronyms=acr)
    assert actor is not None and actor.name == "KNDF: Karenni Nationalities Defense Force"
    # an acronym the dictionary does not know, resolved through its expansion
    actor = d.resolve("RSF", event_country="Sudan", event_date=date(2022, 1, 1),
                      text_acronyms={"RSF": "Rapid Support Forces"})
    assert actor is not None and actor.name.endswith("Rapid Support Forces")
    actor = d.resolve("ZDF", event_country="Iraq", text_acronyms={"ZDF": "Iraqi security forces"})
    assert actor is not None and actor.name == "Military Forces of Iraq (2020-)"


# --- inter codes and the schema --------------------------------------------------------------

def test_interaction_codes_from_resolved_actors(d):
    a1 = d.resolve("Russian forces", event_country="Ukraine")
    a2 = d.resolve("Ukrainian troops", event_country="Ukraine")
    assert interaction(a1.inter, a2.inter) == 18
    a1 = d.resolve("gunmen", event_country="Nigeria")
    a2 = d.resolve("villagers", event_country="Nigeria")
    assert interaction(a1.inter, a2.inter) == 37


# --- user dictionaries -------------------------------------------------------------------------

def test_user_csv_adds_and_overrides(tmp_path: Path):
    f = tmp_path / "mine.csv"
    f.write_text(
        "# my actors\n"
        "name,aliases,inter,country,kind\n"
        "Zanbar Revolutionary Front,ZRF;Zanbar rebels,2,Sudan,rebel\n"
        "Kataib Hezbollah,,2,Iraq,rebel\n",
        encoding="utf-8",
    )
    d = ActorDictionary.load(f)
    assert d.resolve("ZRF", event_country="Sudan") == Actor("Zanbar Revolutionary Front", 2, "Sudan", "rebel")
    assert d.resolve("Zanbar rebels").name == "Zanbar Revolutionary Front"
    kh = d.resolve("Kata'ib Hizballah", event_country="Iraq")  # override keeps built-in aliases
    assert kh.name == "Kataib Hezbollah" and kh.inter == 2


def test_user_yaml(tmp_path: Path):
    f = tmp_path / "mine.yaml"
    f.write_text(
        "actors:\n"
        "  - name: Zanbar Revolutionary Front\n"
        "    aliases: [ZRF, Zanbar rebels]\n"
        "    inter: 2\n"
        "    country: Sudan\n"
        "  - name: Lakeside Defence Militia\n"
        "    aliases: Lakeside militia; ~lakesiders\n"
        "    kind: identity_militia\n"
        "    country: Kenya\n",
        encoding="utf-8",
    )
    d = ActorDictionary.load(f)
    assert d.resolve("Zanbar rebels", event_country="Sudan").inter == 2
    assert d.resolve("Lakeside militia").inter == 4
    assert d.resolve("lakesiders", event_country="Kenya").name == "Lakeside Defence Militia"
    assert d.resolve("lakesiders", event_country="Uganda") is None


@pytest.mark.parametrize(
    "content,suffix,line,needle",
    [
        ("name,inter\nGood Group,2\nBad Group,9\n", ".csv", 3, "inter"),
        ("name,inter\n\nBad Group,x\n", ".csv", 3, "inter"),
        ("name,inter,valid_from\nG,2,2022-13-01\n", ".csv", 2, "date"),
        ("name,inter,colour\nG,2,red\n", ".csv", 2, "unknown field"),
        (",2\n", ".csv", 1, "header"),
        ("- name: A\n  inter: 2\n- name: B\n  inter: eleven\n", ".yaml", 3, "inter"),
        ("- name: A\n  inter: 2\n- aliases: [x]\n  inter: 2\n", ".yaml", 3, "empty name"),
        ("- name: [unclosed\n", ".yaml", 2, "YAML"),
    ],
)
def test_bad_user_entries_report_line(tmp_path: Path, content, suffix, line, needle):
    f = tmp_path / f"bad{suffix}"
    f.write_text(content, encoding="utf-8")
    with pytest.raises(ActorFileError) as err:
        ActorDictionary.load(f)
    msg = str(err.value)
    assert msg.startswith(f"{f}:{line}:"), msg
    assert needle.lower() in msg.lower()


def test_missing_user_file(tmp_path: Path):
    with pytest.raises(ActorFileError):
        ActorDictionary.load(tmp_path / "nope.csv")


# --- dictionary as a whole ---------------------------------------------------------------------

def test_every_country_has_state_forces(d):
    for country in ("Iraq", "Kenya", "Tuvalu", "Kosovo", "Democratic Republic of Congo", "eSwatini"):
        for force in ("Military Forces", "Police Forces"):
            assert d.state_entry(d.state_base(force, country), None) is not None, (force, country)
    assert d.state_base("Military Forces", "United States") == "Military Forces of the United States"


def test_entry_count_and_aliases(d):
    named = [e for e in d.entries.values() if e.kind not in ("state", "state_police", "state_government") or e.unit_of]
    assert len(named) >= 150
    pairs = set(d.aliases())
    assert ("Kata'ib Hizballah", "Kataib Hezbollah") in pairs
    assert ("ISWAP", "Islamic State (West Africa) - Lake Chad Faction") in pairs
    assert ("iraqi troops", "Military Forces of Iraq (2020-)") in pairs
    assert not any(a == "rebels" for a, _ in pairs)  # country-local aliases stay out of patterns
    assert ("IS", "IS") in pairs  # matched only as written: the word "is" never fires
    assert ("ADF", "ADF") in pairs  # ambiguous forms are their own label, resolved in context


@pytest.mark.parametrize(
    "label,country,when,name,inter",
    [
        ("Military Forces of Pakistan (2022-)", "Pakistan", date(2022, 1, 5), "Military Forces of Pakistan (2018-2022)", 1),
        ("Military Forces of Iraq (2020-) Popular Mobilization Forces", "Syria", None,
         "Military Forces of Iraq (2020-) Popular Mobilization Forces", 8),
        ("Military Forces of Yemen (2016-) Supreme Political Council", "Saudi Arabia", None,
         "Military Forces of Yemen (2016-) Supreme Political Council", 8),
        ("Military Forces of Afghanistan (2021-)", "Afghanistan", date(2020, 2, 1), "Military Forces of Afghanistan (2014-2021)", 1),
    ],
)
def test_canonical_labels_resolve_again_in_context(d, label, country, when, name, inter):
    check(d, label, country, name, inter, when)


@pytest.mark.parametrize(
    "name,known",
    [
        ("Military Forces of Iraq (2020-)", True),
        ("Military Forces of Iraq (2014-2020)", True),  # suffix ignored
        ("Military Forces of Yemen (2016-) Supreme Political Council", True),
        ("Protesters (Argentina)", True),
        ("Unidentified Armed Group (Mexico)", True),
        ("Fulani Ethnic Militia (Nigeria)", True),
        ("Protesters (Atlantis)", False),
        ("Zanbar Revolutionary Front", False),
    ],
)
def test_has_name(d, name, known):
    assert d.has_name(name) is known


@pytest.mark.parametrize(
    "kind,country,name",
    [
        ("protesters", "Chile", "Protesters (Chile)"),
        ("rioters", "Kenya", "Rioters (Kenya)"),
        ("civilians", "Mali", "Civilians (Mali)"),
        ("unidentified", "Iraq", "Unidentified Armed Group (Iraq)"),
        ("military", "Iraq", "Military Forces of Iraq (2020-)"),
        ("police", "France", "Police Forces of France (2017-)"),
        ("government", "India", "Government of India (2014-)"),
    ],
)
def test_generic_role_defaults(d, kind, country, name):
    assert d.generic(kind, event_country=country).name == name


def test_strip_period():
    assert strip_period("Military Forces of Iraq (2020-) Popular Mobilization Forces") == \
        "Military Forces of Iraq Popular Mobilization Forces"
    assert strip_period("Police Forces of Pakistan (2018-2022)") == "Police Forces of Pakistan"


@pytest.mark.parametrize(
    "mention,country,label",
    [
        ("striking nurses", "Kenya", "Health Workers (Kenya)"),
        ("university students", "Chile", "Students (Chile)"),
        ("farmers", "India", "Farmers (India)"),
        ("trade union members", "France", "Labour Group (France)"),
        ("women", "Iran", "Women (Iran)"),
        ("teachers", "Iran", "Teachers (Iran)"),
        ("the crowd", "Iran", None),
    ],
)
def test_associate_group(mention, country, label):
    assert associate_group(mention, country) == label


def test_load_is_cached():
    # Load time is a benchmark figure (benchmarks/actors.py), not a test.
    assert get_actor_dictionary() is get_actor_dictionary()


def test_user_file_adds_a_government_period(tmp_path: Path):
    f = tmp_path / "periods.csv"
    f.write_text(
        "name,inter,country,kind,valid_from,valid_to\n"
        "Military Forces of Iraq (2022-),1,Iraq,state,2022-10-27,\n"
        "Military Forces of Iraq (2020-2022),1,Iraq,state,2020-05-07,2022-10-26\n",
        encoding="utf-8",
    )
    d = ActorDictionary.load(f)
    assert d.resolve("Iraqi troops", event_country="Iraq", event_date=date(2023, 1, 1)).name == \
        "Military Forces of Iraq (2022-)"
    assert d.resolve("Iraqi troops", event_country="Iraq", event_date=date(2021, 1, 1)).name == \
        "Military Forces of Iraq (2020-2022)"


@pytest.mark.parametrize(
    "given,country",
    [("DR Congo", "Democratic Republic of Congo"), ("Türkiye", "Turkey"), ("Syrian Arab Republic", "Syria"),
     ("USA", "United States"), ("Cote d'Ivoire", "Ivory Coast"), ("Czechia", "Czech Republic")],
)
def test_event_country_spellings(d, given, country):
    assert d.resolve("civilians", event_country=given).name == f"Civilians ({country})"


@pytest.mark.parametrize(
    "mention,country,name,inter",
    [
        # Proper names before a force noun name a group the dictionary lacks, not the state's forces.
        ("the Zorvel Tiger Force", "Myanmar", "Zorvel Tiger Force", 3),
        ("the Zorvel Valley Preparedness Team", "United States", "Zorvel Valley Preparedness Team", 3),
        ("Zorvelgo Defense League", "United States", "Zorvelgo Defense League", 3),
        ("Veterans on Zorvel Patrol", "United States", "Veterans on Zorvel Patrol", 3),
        ("the Dark Zorvel guerrilla forces", "Myanmar", "Dark Zorvel guerrilla forces", 3),
        ("the Zorvelito Special Task Force", "Myanmar", "Zorvelito Special Task Force", 3),
        ("the Zorvel Revolution Network", "Myanmar", "Zorvel Revolution Network", 3),
        # An acronym before a guerrilla or a front names a group too: no state's unit is either.
        ("the ZRV-Z Guerrilla Force", "Myanmar", "ZRV-Z Guerrilla Force", 3),
        ("the ZDF Front", "Myanmar", "ZDF Front", 3),
        # Descriptive capitals, police and acronyms stay the state's.
        ("the National Army", "Myanmar", "Military Forces of Myanmar (2021-)", 1),
        ("Special Forces", "Mali", "Military Forces of Mali (2021-)", 1),
        ("the Zorvel Police Force", "Kenya", "Police Forces of Kenya (2013-2022)", 1),
        ("IRG forces", "Yemen", "Military Forces of Yemen (2012-)", 1),
        ("the Rapid Reaction Force", "Iraq", "Military Forces of Iraq (2020-)", 1),
        # Members of a clan or communal militia are that militia.
        ("members from the Zorvel clan militia", "Somalia", "Zorvel Clan Militia (Somalia)", 4),
        ("members of a Zorvel communal militia", "Nigeria", "Zorvel Communal Militia (Nigeria)", 4),
        # Cattle raiding between pastoralist communities is communal violence.
        ("cattle raiders from a neighbouring county", "South Sudan", "Unidentified Communal Militia (South Sudan)", 4),
        ("armed cattle rustlers", "Kenya", "Unidentified Communal Militia (Kenya)", 4),
        # A capitalised common noun inside a sentence is part of a name.
        ("the Children of Zorvel", "Turkey", "Children of Zorvel", 3),
        ("the children of the village", "Turkey", "Civilians (Turkey)", 7),
    ],
)
def test_named_groups_the_dictionary_lacks(d, mention, country, name, inter):
    check(d, mention, country, name, inter, date(2022, 3, 1))


@pytest.mark.parametrize(
    "text, countries",
    [
        ("At the call of the CFDT and FO, nurses demonstrated.", ["France"]),
        ("KCTU members picketed in front of the city hall.", ["South Korea"]),
        ("Supporters of the PML-N and the PTI clashed; PTI workers were arrested.", ["Pakistan"]),
        ("The bill was debated in the House of Lords.", ["United Kingdom"]),
        # A lowercase word hyphenated on is still the organisation named.
        ("Three DPK-affiliated candidates and pro-KCTU workers picketed.", ["South Korea"]),
        # An acronym English news uses for something else names no organisation: the Press Trust of India.
        ("New Delhi (PTI): students protested outside the campus.", []),
        # Organisations of several countries say none; acronyms match only as written, as whole words.
        ("Sinn Féin members held a vigil.", []),
        ("We said podemos and walked on; the FOB and CFDTX met.", []),
    ],
)
def test_national_organisations_name_their_country(text, countries):
    from conflict_events.actors.organisations import countries_of_organisations

    assert countries_of_organisations(text) == countries


@pytest.mark.parametrize(
    "text, countries",
    [
        # Bodies that several countries have only rule out the others, and together the countries they share.
        ("At the call of the CGT, dock workers gathered.", ("France", "Spain", "Argentina", "Colombia")),
        ("Members of the CGT and the LDH marched.", ("France",)),
        ("KCTU members picketed.", ("South Korea",)),
        ("Residents gathered.", ()),
    ],
)
def test_organisations_of_several_countries_rule_out_the_others(text, countries):
    from conflict_events.actors.organisations import countries_of_organisations, countries_organisations_allow

    assert countries_organisations_allow(text) == countries
    assert "France" not in countries_of_organisations("At the call of the CGT, dock workers gathered.")

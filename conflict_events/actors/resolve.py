"""Mention -> Actor: dictionary lookup first, then ACLED's generic-actor conventions."""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from .dictionary import STATE_KINDS, Actor, Entry, normalise, singular

if TYPE_CHECKING:
    from .dictionary import ActorDictionary

log = logging.getLogger(__name__)

__all__ = ["resolve_mention", "find_acronyms", "associate_group", "FORCE_NOUNS", "GENERIC_TERMS"]

# Nationality + noun phrases offered as spaCy patterns (noun -> force).
FORCE_NOUNS = {
    "forces": "Military Forces", "troops": "Military Forces", "soldiers": "Military Forces",
    "soldier": "Military Forces", "army": "Military Forces", "military": "Military Forces",
    "security forces": "Military Forces", "armed forces": "Military Forces", "air force": "Military Forces",
    "warplanes": "Military Forces", "jets": "Military Forces", "drones": "Military Forces",
    "drone": "Military Forces", "airstrikes": "Military Forces", "air strikes": "Military Forces",
    "airstrike": "Military Forces", "artillery": "Military Forces", "navy": "Military Forces",
    "special forces": "Military Forces", "border guards": "Military Forces",
    "police": "Police Forces", "police officers": "Police Forces", "police officer": "Police Forces",
    "policemen": "Police Forces", "policeman": "Police Forces",
}

_POLICE = {"police", "policeman", "policewoman", "policemen", "cop", "officer", "constable",
           "patrolman", "police officer", "law enforcement", "riot police", "traffic police",
           "border police", "gendarme", "gendarmerie",
           # ACLED files a state's intelligence services with its police
           "intelligence", "intelligence service", "intelligence agency", "intelligence agent", "intelligence officer"}
_MILITARY = {"troop", "soldier", "army", "military", "force", "armed force", "security force",
             "security personnel", "servicemen", "serviceman", "serviceperson", "personnel",
             "service member", "servicemember", "service personnel", "military personnel",
             "air force", "airforce", "navy", "marine", "paratrooper", "commando", "special force", "border guard",
             "regime", "junta", "government force", "government troop", "regime force",
             "regime troop", "pro government force", "national army", "defence force",
             "defense force", "armed forces", "occupation force", "battalion", "brigade",
             "garrison", "infantry", "military force", "air defence", "air defense", "air defence force",
             "air defense force", "air defence system", "air defense system", "anti-aircraft defence", "anti-aircraft defense"}
# An officer is police unless the army is named with it.
_MILITARY_OFFICER = {"military officer", "army officer", "military official", "army official"}
# Weapons and platforms name a state only with a nationality ("Russian airstrikes"): a bare
# "airstrike" says nothing about who struck.
_WEAPON = {"artillery", "air strike", "airstrike", "strike", "shelling", "missile", "rocket",
           "sniper", "tank", "warship", "warplane", "jet", "fighter jet", "aircraft", "helicopter",
           "drone", "bombardment", "bomber", "gunship", "gunboat", "patrol boat", "unit", "guard"}
_AIR = {"air force", "airforce", "air strike", "airstrike", "warplane", "jet", "fighter jet",
        "aircraft", "helicopter", "bomber", "gunship", "air raid", "aerospace force", "air forces"}
_GOVERNMENT = {"government", "authority", "authorities", "ministry", "state", "administration",
               "cabinet", "president", "prime minister"}
# Things, not people: "civilian infrastructure", "Palestinian homes" name no actor.
PROPERTY_NOUNS = frozenset({"infrastructure", "property", "properties", "building", "buildings", "house", "houses", "home", "homes",
                            "facility", "facilities", "object", "objects", "area", "areas", "vehicle", "vehicles", "car", "cars",
                            "shop", "shops", "farm", "farms", "farmland", "crops", "land", "lands", "trees", "greenhouses",
                            "livestock", "sheep", "tents", "structures", "businesses"})
_PROPERTY_NOUN = re.compile(r"\b(" + "|".join(sorted(PROPERTY_NOUNS, key=len, reverse=True)) + r")$")
_CIVILIAN = {"civilian", "villager", "resident", "inhabitant", "man", "woman", "boy", "girl",
             "child", "kid", "baby", "infant", "teenager", "minor", "farmer", "journalist",
             "reporter", "worker", "aid worker", "health worker", "teacher", "student", "doctor",
             "nurse", "passenger", "driver", "trader", "merchant", "shopkeeper", "vendor",
             "shepherd", "fisherman", "herder", "worshipper", "pilgrim", "displaced person",
             "idp", "refugee", "family", "person", "people", "individual", "youth",
             "pedestrian", "motorist", "traveller", "traveler", "miner", "cleric", "imam",
             "pastor", "priest", "monk", "nun", "chief", "village head", "village chief",
             "elder", "official", "politician", "candidate", "activist", "lawyer", "judge",
             "businessman", "businesswoman", "contractor", "engineer", "employee", "labourer",
             "laborer", "relative", "brother", "sister", "father", "mother", "son", "daughter",
             "wife", "husband", "couple", "household", "local", "citizen", "victim",
             "hostage", "student", "pupil", "schoolchild", "schoolgirl", "schoolboy", "worker",
             "teacher", "clergyman", "bystander", "tourist", "shepherd", "herdsman", "fishermen",
             "unarmed man", "unarmed civilian", "non combatant", "noncombatant", "scholar", "sheikh",
             "lecturer", "professor", "tribal leader", "community leader"}
_UNIDENTIFIED = {"gunman", "gunmen", "militant", "assailant", "attacker", "armed man",
                 "armed men", "armed group", "armed individual", "armed person", "bandit",
                 "kidnapper", "abductor", "terrorist", "jihadist", "extremist", "insurgent",
                 "perpetrator", "hitman", "hitmen", "sicario", "criminal", "armed robber",
                 "robber", "unknown person", "unknown individual", "unidentified man",
                 "unidentified men", "unidentified person", "unidentified individual",
                 "armed assailant", "gunfire", "fighter", "rebel", "armed element",
                 "unknown armed men", "unknown gunmen", "masked men", "masked man",
                 "hooded men", "cartel member", "cartel gunmen", "narco", "suspect",
                 "armed suspect", "raider", "pirate", "militiaman", "militia", "shooter"}
_GANG = {"gang", "gang member", "gangster", "criminal gang", "gangsters", "street gang",
         "armed gang", "mara", "pandillero", "gangmember", "drug trafficker", "drug dealer",
         "trafficker", "drug gang", "drug lord"}
_FORMER = {"former", "ex", "retired", "demobilised", "demobilized", "deserter"}
# Officers of the civil administration, elections and public services.
_CIVIL_OFFICER = re.compile(r"\b(?:presiding|polling|election|electoral|returning|revenue|tax|forest|forestry|medical|health|"
                            r"agriculture|agricultural|education|development|welfare|executive|municipal|court)\s+officers?\b")
# ACLED names Nigeria's local militias after the state they come from.
NIGERIA_STATES = ("Abia", "Adamawa", "Akwa Ibom", "Anambra", "Bauchi", "Bayelsa", "Benue", "Borno",
                  "Cross River", "Delta", "Ebonyi", "Edo", "Ekiti", "Enugu", "Gombe", "Imo", "Jigawa",
                  "Kaduna", "Kano", "Katsina", "Kebbi", "Kogi", "Kwara", "Lagos", "Nasarawa", "Niger",
                  "Ogun", "Ondo", "Osun", "Oyo", "Plateau", "Rivers", "Sokoto", "Taraba", "Yobe", "Zamfara")
_PROTEST = ("protest", "demonstrat", "marcher", "rally", "picket", "sit in", "strikers")
_RIOT = ("rioter", "riot", "mob", "lynch mob", "angry crowd", "vigilante mob")
_RIOT_UNIT = re.compile(r"\briot (?:police|policem[ae]n|squads?|units?|control|officers?|gendarmes?|forces?|brigades?|troops?)\b")
_PRIVATE = {"security guard", "private security", "guard", "bodyguard", "watchman",
            "private security guard", "security company", "private guard"}
_SOLE = {"lone gunman", "sole perpetrator", "lone attacker", "lone wolf", "shooter",
         "lone shooter", "active shooter"}
_COMMUNAL = {"vigilante", "vigilante group", "local militia", "communal militia",
             "self defense group", "self defence group", "self defense militia",
             "hunters", "hunter", "community militia", "village militia",
             "local defence force", "local defense force",
             # cattle raiding between pastoralist communities is communal violence in ACLED's coding
             "cattle raider", "cattle rustler", "rustler"}
_FOREIGN = {"foreigner", "foreign national", "expatriate", "foreign worker", "foreign tourist",
            "migrant", "asylum seeker", "foreign citizen"}
_UNKNOWN_MIL = {"unspecified military force", "unidentified military force", "unknown military force",
                "unspecified force", "unidentified aircraft", "unidentified warplane", "unidentified drone",
                "unknown aircraft", "unknown warplane", "unknown drone", "unidentified jet",
                "unidentified helicopter", "unmarked aircraft"}

# Identity groups ACLED names "<X> Ethnic Militia (<country>)", or Tribal (home country first).
ETHNIC_GROUPS: dict[str, tuple[str, str]] = {
    "fulani": ("Fulani", "Nigeria"), "peul": ("Fulani", "Mali"), "hausa": ("Hausa", "Nigeria"),
    "tiv": ("Tiv", "Nigeria"), "berom": ("Berom", "Nigeria"), "bassa": ("Bassa", "Nigeria"),
    "jukun": ("Jukun", "Nigeria"), "adara": ("Adara", "Nigeria"), "dogon": ("Dogon", "Mali"),
    "bambara": ("Bambara", "Mali"), "tuareg": ("Tuareg", "Mali"), "mossi": ("Mossi", "Burkina Faso"),
    "murle": ("Murle", "South Sudan"), "dinka": ("Dinka", "South Sudan"), "nuer": ("Nuer", "South Sudan"),
    "lou nuer": ("Lou Nuer", "South Sudan"), "misseriya": ("Misseriya", "Sudan"),
    "rizeigat": ("Rizeigat", "Sudan"), "masalit": ("Masalit", "Sudan"), "fur": ("Fur", "Sudan"),
    "hema": ("Hema", "Democratic Republic of Congo"), "lendu": ("Lendu", "Democratic Republic of Congo"),
    "batwa": ("Batwa", "Democratic Republic of Congo"), "twa": ("Batwa", "Democratic Republic of Congo"),
    "luba": ("Luba", "Democratic Republic of Congo"), "banyamulenge": ("Banyamulenge", "Democratic Republic of Congo"),
    "pokot": ("Pokot", "Kenya"), "turkana": ("Turkana", "Kenya"), "samburu": ("Samburu", "Kenya"),
    "borana": ("Borana", "Kenya"), "meru": ("Meru", "Kenya"), "karamojong": ("Karamajong", "Uganda"),
    "karamajong": ("Karamajong", "Uganda"), "acholi": ("Acholi", "Uganda"),
    "amhara": ("Amhara", "Ethiopia"), "oromo": ("Oromo", "Ethiopia"), "gumuz": ("Gumuz", "Ethiopia"),
    "afar": ("Afar", "Ethiopia"), "somali": ("Somali", "Ethiopia"), "konso": ("Konso", "Ethiopia"),
    "massa": ("Massa", "Chad"), "mapuche": ("Mapuche", "Chile"), "kuchi": ("Kuchi", "Afghanistan"),
}
# Peoples ACLED files as tribes rather than ethnic groups ("Kuchi Tribal Militia (Afghanistan)").
TRIBAL_GROUPS = frozenset({"Kuchi"})


def _people_militia(group: str, country: str) -> Actor:
    kind = "Tribal" if group in TRIBAL_GROUPS else "Ethnic"
    return Actor(f"{group} {kind} Militia ({country})", 4, country, "identity_militia")


_MILITIA_MODIFIERS = {"pastoral", "pastoralist", "herder", "cattle", "youth", "community", "local", "suspected"}
_MILITIA_HEADS = {"militia", "militiaman", "militiamen", "gunman", "gunmen", "fighter", "herder",
                  "herdsman", "youth", "vigilante", "men", "man", "attacker", "assailant",
                  "armed man", "armed men", "group", "member", "ethnic militia", "militant", "raider", "rustler"}

GENERIC_TERMS: dict[str, frozenset[str]] = {
    "police": frozenset(_POLICE), "military": frozenset(_MILITARY), "government": frozenset(_GOVERNMENT),
    "civilians": frozenset(_CIVILIAN), "unidentified": frozenset(_UNIDENTIFIED), "gang": frozenset(_GANG),
    "private_security": frozenset(_PRIVATE), "communal": frozenset(_COMMUNAL),
}

_PRO_SIDE = re.compile(r"^pro-(?P<side>[A-Z][\w'-]*(?:\s+\S+)*)$")
_UNNAMED = re.compile(r"^(?:the |an? )?(?:unidentified|unknown|unreported|unnamed) ")
_LEADING = re.compile(
    r"^(?:(?:the|a|an|some|several|many|few|two|three|four|five|six|seven|eight|nine|ten|dozens?|"
    r"hundreds?|scores?|tens|thousands?|group|groups|number|numbers|of|at|least|about|around|"
    r"over|more|than|nearly|almost|up|to|suspected|alleged|unknown|unidentified|local|other|"
    r"another|one|\d+)\s+)+"
)
_MEMBER_SUFFIX = ("fighters", "fighter", "militants", "militant", "gunmen", "members", "member",
                  "insurgents", "rebels", "terrorists", "jihadists", "forces", "force", "militia",
                  "militiamen", "troops", "soldiers", "operatives", "elements", "guerrillas",
                  "units", "unit", "loyalists", "supporters", "cells", "cell", "group", "affiliates",
                  "commanders", "commander", "men", "paramilitaries", "personnel", "attackers", "agents", "agent")


def _without_member_noun(mention: str) -> str:
    """ "KNDF fighters" -> "KNDF": the name before a trailing member noun; '' if there is none."""
    words = mention.split()
    return " ".join(words[:-1]) if len(words) > 1 and normalise(words[-1]) in _MEMBER_SUFFIX else ""


@lru_cache(maxsize=1 << 13)
def _phrase_set(norm: str, plural: bool = True) -> frozenset[str]:
    """All contiguous word n-grams (and, with ``plural``, their singulars) of a normalised mention."""
    words = norm.split()
    out: set[str] = set()
    for n in range(1, min(4, len(words)) + 1):
        for i in range(len(words) - n + 1):
            g = " ".join(words[i : i + n])
            out.add(g)
            if plural:
                out.add(" ".join(words[i : i + n - 1] + [singular(words[i + n - 1])]))
    return frozenset(out)


def _has(grams: set[str], vocab: set[str]) -> bool:
    return not grams.isdisjoint(vocab)


def _pick(d: "ActorDictionary", cands: list[Entry], country: str, when: date | None,
          mention: str) -> Entry | None:
    if not cands:
        return None
    if when is not None:
        dated = [e for e in cands if e.covers(when)]
        cands = dated or cands
    else:  # default to the latest name
        ongoing = [e for e in cands if e.valid_to is None]
        cands = ongoing or cands
    norm = normalise(mention)

    def usable(e: Entry) -> bool:
        is_local = any(normalise(a) == norm or _acr_eq(a, mention) for a in e.local_aliases) and not any(
            normalise(a) == norm or _acr_eq(a, mention) for a in e.aliases) and (bool(e.unit_of) or normalise(e.name) != norm)
        return not is_local or (bool(country) and country in e.countries)

    cands = [e for e in cands if usable(e)]
    if not cands:
        return None
    ranked = sorted(
        cands,
        key=lambda e: (
            not e.user,
            not (country and e.countries and e.countries[0] == country),
            not (country and country in e.countries),
            bool(e.countries),  # transnational entries before other countries' entries
            -(e.valid_from or date.min).toordinal(),
        ),
    )
    return ranked[0]


def _acr_eq(alias: str, mention: str) -> bool:
    return _without_dots_and_spaces(alias) == _without_dots_and_spaces(mention.strip())


@lru_cache(maxsize=1 << 13)
def _without_dots_and_spaces(text: str) -> str:
    return re.sub(r"[\s.]", "", text)


def _actor(d: "ActorDictionary", e: Entry, event_country: str, when: date | None,
           mention: str = "") -> Actor:
    name = d.entry_name(e, when)
    if e.kind == "external" and name.startswith(("ATMIS", "AMISOM")) and mention:
        contingent = d.countries.find(mention)
        if contingent and contingent != "Somalia":
            name = f"{name} ({contingent})"  # ACLED names the troop-contributing country
    inter = e.inter
    home = e.country
    if e.kind in STATE_KINDS and d.countries.abroad(home, event_country):
        inter = 8  # a state's forces acting outside its own country
    return Actor(name, inter, home, e.kind)


def _state(d: "ActorDictionary", force: str, country: str, event_country: str,
           when: date | None) -> Actor | None:
    if not country:
        return None
    st = d.state_entry(d.state_base(force, country), when)
    if st is None:
        return None
    inter = 8 if d.countries.abroad(country, event_country) else 1
    return Actor(st.name, inter, country, st.kind)


def _generic(label: str, country: str, inter: int, kind: str) -> Actor:
    return Actor(f"{label} ({country})" if country else label, inter, country, kind)


# Capitalised words that describe a state's forces rather than name a group.
_FORCE_DESCRIPTORS = frozenset(
    "security armed defense defence special air naval navy border military national joint task rapid government "
    "federal state regional police coalition allied royal republican presidential ground land marine coast "
    "people's popular revolutionary reaction response intervention quick mobile emergency tactical elite "
    "counter-terrorism anti-terrorism commando".split()
)
# Nouns that end the name of an organised group: "Zorvel Tiger Force", "Zorvel Valley Preparedness
# Team", "Zorvel Defense League", "Veterans on Patrol".
_NAMED_GROUP_HEADS = frozenset({"force", "forces", "army", "brigade", "brigades", "battalion", "network", "front", "guerrilla", "guerrillas",
                                "team", "league", "club", "patrol", "resistance"})


_NON_STATE_HEADS = frozenset({"guerrilla", "guerrillas", "front", "network", "resistance"})


def _named_armed_group(bare: str) -> bool:
    """ "Zorvel Tiger Force", "Dark Zorvel guerrilla forces": proper names before a force noun."""
    words = bare.split()
    head = next((i for i, w in enumerate(words) if w.lower() in _NAMED_GROUP_HEADS), None)
    if not head or any(w.lower() in ("police", "gendarmerie") for w in words):
        return False
    # Acronyms are left out: "IRG forces" are a government's; but no government's unit is a guerrilla or a front.
    non_state_head = words[head].lower() in _NON_STATE_HEADS
    names = [w for w in words[:head] if w[:1].isupper() and (non_state_head or not w.isupper()) and w.lower() not in _FORCE_DESCRIPTORS]
    return bool(names) and all(w[:1].isupper() or w.lower() in _NAMED_GROUP_HEADS or w.lower() in ("of", "and", "-", "on", "for")
                               for w in words[:head])


def _unlisted_group(name: str, country: str) -> Actor:
    """A group the text names and the dictionary lacks: by its own name, as a political militia (inter 3)."""
    return Actor(name, 3, country, "political_militia")


def _title(text: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in text.split())


def resolve_mention(
    d: "ActorDictionary",
    mention: str,
    *,
    event_country: str = "",
    event_date: date | None = None,
    text_acronyms: Mapping[str, str] = {},  # noqa: B006 - read only
    _depth: int = 0,
) -> Actor | None:
    raw = " ".join(mention.split()).strip(" ,.;:'\"")
    if not raw:
        return None
    country = d.countries.canonical(event_country)
    when = event_date

    # 1. acronyms the article itself defines
    bare = re.sub(r"^(?:the|The)\s+", "", raw)
    for form in dict.fromkeys(f for f in (bare, bare[:-1] if bare.endswith("s") else "", _without_member_noun(bare)) if f):
        if form in text_acronyms and _depth < 2:
            hit = resolve_mention(d, text_acronyms[form], event_country=country, event_date=when,
                                  text_acronyms={}, _depth=_depth + 1)
            if hit is not None:
                return hit
            break

    # 2. dictionary aliases, with quantifiers and member nouns peeled off
    norm = normalise(raw)
    core = _LEADING.sub("", norm + " ").strip() or norm
    tries = [raw, bare]
    one = re.sub(r"^(?:an?|An?)\s+", "", raw)
    if one != raw and " " in one:  # "a local People's Defense Force"; "a Palestinian" is a person, left to the rules below
        tries.append(one)
    _owner, possessive, owned = raw.partition("'s ")
    if possessive and owned:  # "the regime's Fourth Division": the unit the dictionary knows
        tries.append(owned)
    if core != norm:
        tries.append(core)
    for t in list(tries):
        if name := _without_member_noun(t):  # keep the case: "KNDF fighters" -> "KNDF" must stay an acronym
            tries.append(name)
    for t in tries:
        e = _pick(d, d.lookup(t), country, when, t)
        if e is not None:
            return _actor(d, e, country, when, raw)
    side = _PRO_SIDE.match(bare)
    if side:
        # "pro-STC gunmen": the armed men of the named group; "pro-Turkish fighters" are not Turkey's army.
        for t in (side["side"], _without_member_noun(side["side"])):
            e = _pick(d, d.lookup(t), country, when, t) if t else None
            if e is not None and e.inter in (2, 3, 4):
                return _actor(d, e, country, when, raw)
    unnamed = _UNNAMED.sub("", norm)
    if unnamed != norm:
        # "unnamed local defense groups": an unnamed member of a family the dictionary
        # keeps an unidentified actor for ("local defense groups" -> Unidentified Anti-Coup Armed Group).
        e = _pick(d, d.lookup(unnamed), country, when, unnamed)
        if e is not None and e.name.startswith("Unidentified "):
            return _actor(d, e, country, when, raw)

    named = d.countries.find(raw, prefer=country)
    if named:  # "Ugandan AU troops": a national contingent; "Iraqi Kurdish Peshmerga": a national unit
        rest = _strip_country(d, bare)
        if rest and rest != bare:
            words = rest.split()
            for t in (rest, " ".join(words[:-1]) if len(words) > 1 and words[-1].lower() in _MEMBER_SUFFIX else ""):
                e = _pick(d, d.lookup(t), country, when, t) if t else None
                if e is not None and (named in e.countries or e.countries[:1] == ("",)):
                    return _actor(d, e, country, when, raw)

    # 3. ACLED's generic actors
    grams = _phrase_set(core)
    home = country or named
    titled = re.match(r"the ([A-Z][\w'-]+) of (?:the )?[A-Z]", raw)
    if titled and singular(titled.group(1).lower()) in _CIVILIAN:
        # "the Sons of Zorvel set fire to a timber yard": a capitalised common noun inside a
        # sentence is part of a name, the group's, not a description of civilians.
        return _unlisted_group(bare, home)
    if re.search(r"\bowned\b", core):
        # "Palestinian-owned greenhouses", "an army owned bakery": what the victims own.
        return _generic("Civilians", named or home, 7, "civilians")
    if _PROPERTY_NOUN.search(core):
        # "civilian infrastructure", "residential buildings": things, not people.
        return None

    if any(p in core for p in _PROTEST):
        return _generic("Protesters", home, 6, "protesters")
    riot_unit = _RIOT_UNIT.search(core)  # "riot police", "the anti-riot squad": police, not rioters
    if _has(grams, set(_RIOT)) and not riot_unit:
        return _generic("Rioters", home, 5, "rioters")
    if "coalition" in grams:
        if named == "Saudi Arabia" or home == "Yemen" or "arab" in grams:
            return _named(d, "Operation Restoring Hope", country, when)
        if home in ("Iraq", "Syria") or named == "United States":
            return _named(d, "Global Coalition Against Daesh", country, when)
    if _has(_phrase_set(norm), _UNKNOWN_MIL):
        return Actor("Unidentified Military Forces", 8, "", "external")
    if "pro government" in core and _has(grams, {"militia", "militiaman", "militiamen"}):
        return Actor("Militia (Pro-Government)", 3, home, "political_militia")

    ethnic = _identity_militia(raw, core, grams, home)
    if ethnic is not None:
        return ethnic
    if _has(_phrase_set(core, plural=False), _SOLE):
        return _generic("Sole Perpetrator", home, 3, "unidentified")
    if _has(grams, _PRIVATE) and not _has(grams, {"border guard", "national guard", "prison guard",
                                                   "republican guard", "coast guard"}):
        return _generic("Private Security Forces", home, 8, "private_security")
    if country in ("Nigeria", "") and _has(grams, _COMMUNAL | {"militia", "militiaman", "vigilante"}):
        for state in NIGERIA_STATES:
            if re.search(rf"\b{state}\b", raw) and (country == "Nigeria" or state != "Niger"):
                return Actor(f"{state} Communal Militia (Nigeria)", 4, "Nigeria", "identity_militia")
    if _has(grams, _COMMUNAL):
        return _generic("Unidentified Communal Militia", home, 4, "identity_militia")

    if _CIVIL_OFFICER.search(core):
        # "a polling officer", "a revenue officer": civil servants, not the police.
        return _generic("Civilians", home, 7, "civilians")
    if not grams.isdisjoint(_FORMER) and (_has(grams, _POLICE) or _has(grams, _MILITARY)):
        # ACLED codes former soldiers and police as civilians
        return _generic("Civilians", named if named and named != country and not country else (country or named), 7, "civilians")

    if not named and _named_armed_group(bare):
        # "the Zorvel Tiger Force": a name the dictionary lacks, not the state's forces.
        return _unlisted_group(bare, home)

    force = None
    if "prison guard" in grams:
        force = "Police Forces"
    elif _has(grams, _MILITARY_OFFICER):
        force = "Military Forces"
    elif _has(grams, _POLICE) or riot_unit:
        force = "Police Forces"
    elif _has(grams, _MILITARY) or (named and _has(grams, _WEAPON)) or (
        named and normalise(bare) in d.countries.names) or (
        named and (bare.strip() in d.countries.exact or bare.replace(".", "").strip() in d.countries.exact)
    ):
        force = "Military Forces"
    elif named and _has(grams, _GOVERNMENT):
        force = "Government"
    elif _has(grams, {"government", "authorities", "authority"}) and len(core.split()) <= 2:
        force = "Government"
    if force and not _has(grams, _UNIDENTIFIED - {"fighter", "militia", "suspect"}):
        state_country = named or country
        if "pro government" in core and country == "Syria":
            state_country = "Syria"
        elif not named and country == "Palestine" and force == "Military Forces":
            state_country = "Israel"  # the military acting in Palestine is Israel's
        if state_country == "United States" and country == "Syria" and force == "Military Forces":
            # ACLED codes US forces in Syria as part of the anti-IS coalition
            return _named(d, "Global Coalition Against Daesh", country, when)
        actor = _state(d, force, state_country, country, when)
        if actor is not None and force == "Military Forces" and _has(grams, _AIR):
            actor = _air_unit(d, actor, state_country, when, country) or actor
        return actor

    if _has(grams, _FOREIGN) or "international" in grams:
        if _has(grams, _CIVILIAN | _FOREIGN):
            return Actor("Civilians (International)", 7, "", "civilians")
    if _has(grams, _GANG):
        return _generic("Unidentified Gang", home, 3, "unidentified")
    if _has(grams, _UNIDENTIFIED) or _has(_phrase_set(norm), _UNIDENTIFIED):
        return _generic("Unidentified Armed Group", country or named, 3, "unidentified")
    if _has(grams, _CIVILIAN) or _has(grams, {"men", "women", "children", "people"}):
        # a victim's stated nationality wins ("a Ukrainian refugee" in Hungary)
        return _generic("Civilians", named or country, 7, "civilians")
    if "pro government" in core or "government" in grams:
        return _state(d, "Military Forces", named or country, country, when)
    log.debug("unresolved actor mention %r (country=%r)", mention, event_country)
    return None


def _air_unit(d: "ActorDictionary", actor: Actor, country: str, when: date | None,
              event_country: str) -> Actor | None:
    """"Russian airstrikes" -> the state's Air Force unit, where the dictionary has one.

    A unit row listing more than its home country names the only theatres where ACLED uses
    the unit (Russia's Air Force in Ukraine, not in Syria).
    """
    base = d.state_base("Military Forces", country)
    for e in d.entries.values():
        if (e.unit_of == base and "Air Force" in e.name and e.covers(when or date(9000, 1, 1))
                and (not e.countries[1:] or actor.inter == 1 or event_country in e.countries)):
            return Actor(d.entry_name(e, when), actor.inter, actor.country, actor.kind)
    return None


def _strip_country(d: "ActorDictionary", text: str) -> str:
    """Drop the first country name or demonym from a raw mention, keeping the rest's case."""
    words = text.split()
    for n in range(min(3, len(words)), 0, -1):
        for i in range(len(words) - n + 1):
            span = " ".join(words[i : i + n])
            if normalise(span) in d.countries.names or span.rstrip(".") in d.countries.exact or span in d.countries.exact:
                return " ".join(words[:i] + words[i + n :])
    return text


def _named(d: "ActorDictionary", name: str, country: str, when: date | None) -> Actor | None:
    e = d.entries.get(name)
    return _actor(d, e, country, when) if e else None


_MEMBERS_OF = re.compile(r"^(?:(?:members?|elements?|fighters?|militiamen|men) (?:of|from) (?:the |a |an )?)+")


def _capitalised_tail(found: re.Match, raw: str):
    """The match with its name cut to the capitalised words that end it in the raw text, or None."""
    words = found["name"].split()
    raw_words = {w.lower(): w for w in re.findall(r"[\w']+", raw)}
    tail: list[str] = []
    for word in reversed(words):
        if not raw_words.get(word, "")[:1].isupper():
            break
        tail.insert(0, word)
    if not tail:
        return None
    return {"name": " ".join(tail), "type": found["type"]}


def _identity_militia(raw: str, core: str, grams: set[str], home: str) -> Actor | None:
    words = core.split()
    # "<Name> clan/tribal/communal/ethnic militia", also as "members of a <Name> communal militia"
    # The name is the words before the type; in "gunmen believed to be Zorvel ethnic militiamen"
    # only the capitalised ones at its end.
    m = re.search(r"(?:^|\s)(?P<name>[a-z][a-z ]*?)\s+(?P<type>clan|sub clan|tribal|tribe|communal|ethnic|indigenous)"
                  r"(?:\s+(?:militia|militias|militiamen|militiaman|fighters|gunmen|men))?$", _MEMBERS_OF.sub("", core))
    if m and len(m["name"].split()) > 1:
        m = _capitalised_tail(m, raw)
    label = {"clan": "Clan Militia", "sub clan": "Sub-Clan Militia", "tribal": "Tribal Militia",
             "tribe": "Tribal Militia", "communal": "Communal Militia", "ethnic": "Ethnic Militia",
             "indigenous": "Indigenous Militia"}
    if m and m["name"] not in ("unidentified", "unknown", "unspecified", "unnamed", "local", "armed", "rival", "a", "an"):
        name = m["name"]
        if name in ETHNIC_GROUPS and m["type"] == "ethnic":
            name = ETHNIC_GROUPS[name][0]
        orig = re.search(re.escape(name.split()[0]), raw, re.I)
        pretty = _title(raw[orig.start(): orig.start() + len(name)]) if orig else _title(name)
        return Actor(f"{pretty} {label[m['type']]} ({home})" if home else f"{pretty} {label[m['type']]}",
                     4, home, "identity_militia")
    if _has(grams, {"tribesman", "tribesmen", "tribal fighter", "tribal militia", "tribal gunmen",
                    "tribal gunman", "armed tribesmen", "tribal militiamen", "tribal militant",
                    "tribal member", "tribe member", "tribal group"}):
        return _generic("Unidentified Tribal Militia", home, 4, "identity_militia")
    if _has(grams, {"clan militia", "clan fighter", "clan militiamen", "clansmen", "clan militant",
                    "clan member", "clan gunman"}):
        return _generic("Unidentified Clan Militia", home, 4, "identity_militia")
    for i, w in enumerate(words):
        for n in (2, 1):
            key = " ".join(words[i : i + n])
            if key in ETHNIC_GROUPS and len(words) > i + n:
                rest = " ".join(w for w in words[i + n :] if w not in _MILITIA_MODIFIERS)  # "Samburu pastoral militia"
                if rest in _MILITIA_HEADS or singular(rest) in _MILITIA_HEADS or rest.startswith("armed"):
                    group, default_country = ETHNIC_GROUPS[key]
                    c = home or default_country
                    return _people_militia(group, c)
            if key in ETHNIC_GROUPS and i > 0 and words[i - 1] == "armed":
                group, default_country = ETHNIC_GROUPS[key]
                c = home or default_country
                return _people_militia(group, c)
    return None


# --- names produced by the generic rules (for coverage) ------------------------------------

_GENERIC_NAME = re.compile(
    r"^(?P<label>Protesters|Rioters|Civilians|Unidentified Armed Group|Unidentified Gang|"
    r"Private Security Forces|Sole Perpetrator|Unidentified Communal Militia|"
    r"Unidentified Tribal Militia|Unidentified Clan Militia|(?P<x>.+) (?:Ethnic|Clan|Sub-Clan|"
    r"Tribal|Communal) Militia) \((?P<country>[^)]+)\)$"
)


_CONTINGENT = re.compile(r"^(?P<mission>.+\(\d{4}-(?:\d{4})?\)) \((?P<country>[^)]+)\)$")


def generic_name_known(d: "ActorDictionary", name: str) -> bool:
    if name in ("Unidentified Military Forces", "Militia (Pro-Government)"):
        return True
    m = _CONTINGENT.match(name)  # "ATMIS: ... (2022-) (Uganda)": a mission's national contingent
    if m and m["country"] in d.countries.countries and m["mission"] in d.canonical_names:
        return True
    m = _GENERIC_NAME.match(name)
    if not m or (m["country"] not in d.countries.countries and m["country"] != "International"):
        return False
    if m["x"]:  # open-class identity militias: only groups the rules can name
        x = m["x"].casefold()
        if m["country"] == "Nigeria" and name.endswith("Communal Militia (Nigeria)") and \
                any(st.casefold() == x for st in NIGERIA_STATES):
            return True
        return x in ETHNIC_GROUPS or any(g.casefold() == x for g, _ in ETHNIC_GROUPS.values())
    return True


# --- associated actors ---------------------------------------------------------------------

_ASSOC = {
    "Labour Group": {"worker", "workers", "labourer", "laborer", "union", "trade union", "employee",
                     "unionist", "trade unionist", "staff", "labour union", "labor union"},
    "Students": {"student", "pupil", "university student", "college student"},
    "Teachers": {"teacher", "lecturer", "professor", "teachers union"},
    "Farmers": {"farmer", "peasant", "agricultural worker"},
    "Women": {"woman", "women", "mother", "feminist"},
    "Health Workers": {"doctor", "nurse", "health worker", "medic", "physician", "midwife"},
    "Journalists": {"journalist", "reporter", "media worker"},
    "Lawyers": {"lawyer", "advocate", "attorney"},
    "Refugees/IDPs": {"refugee", "idp", "displaced person", "internally displaced person"},
    "Taxi/Bus Drivers": {"taxi driver", "bus driver", "driver", "transporter", "motorcyclist"},
    "Fishermen": {"fisherman", "fisher"},
    "Prisoners": {"prisoner", "inmate", "detainee"},
    "Pastoralists": {"pastoralist"},
    "Indigenous Group": {"indigenous", "indigenous people"},
}


def associate_group(mention: str, country: str = "") -> str | None:
    """ACLED associated-actor label for a protester group: "striking nurses" -> "Health Workers (Kenya)"."""
    grams = _phrase_set(normalise(mention))
    for label, vocab in _ASSOC.items():
        if _has(grams, vocab):
            return f"{label} ({country})" if country else label
    return None


# --- acronyms defined in the text ----------------------------------------------------------

_ACR = r"[A-Z][A-Za-z0-9&\-]{1,9}"
_WORD = r"[A-Z][\w'’\-]*|(?:of|the|for|and|in|al|el|de|du|la|le|des|wal|wa|ul|e|i|al-\w+|ad-\w+)"
_LONG_THEN_ACR = re.compile(rf"((?:(?:{_WORD})\s+){{1,11}})\(\s*({_ACR})\s*\)")
_ACR_THEN_LONG = re.compile(rf"\b({_ACR})\s+\(\s*((?:[A-Z][\w'’\-]*)(?:\s+(?:{_WORD}))*)\s*\)")
_CONNECTORS = {"of", "the", "for", "and", "in", "al", "el", "de", "du", "la", "le", "des", "wal",
               "wa", "ul", "e", "i"}


def _initial(word: str) -> str:
    parts = re.split(r"[-’']", word)
    caps = [p for p in parts if p[:1].isupper()]
    return (caps[-1] if caps else word)[:1].lower()


def _letters(acr: str) -> str:
    return re.sub(r"[^a-z]", "", acr.lower())


def _subseq(small: str, big: str) -> bool:
    it = iter(big)
    return all(ch in it for ch in small)


def _expansion(words: list[str], acr: str) -> str | None:
    letters = _letters(acr)
    if not letters:
        return None
    best = None
    for start in range(len(words) - 1, -1, -1):
        w = words[start]
        if w.lower() in _CONNECTORS or not w[:1].isupper():
            continue
        span = words[start:]
        initials = "".join(_initial(x) for x in span if x.lower() not in _CONNECTORS)
        if initials == letters:
            return " ".join(span)
        if best is None and _initial(w) == letters[0] and _subseq(letters, "".join(span).lower()) \
                and len(span) >= min(2, len(letters)):
            best = " ".join(span)
    return best


def find_acronyms(text: str) -> dict[str, str]:
    """Acronyms the text defines: "Popular Mobilization Forces (PMF)" -> {"PMF": "Popular Mobilization Forces"}."""
    out: dict[str, str] = {}
    for m in _LONG_THEN_ACR.finditer(text):
        acr = m.group(2)
        if not any(c.isupper() for c in acr[1:]) and len(acr) > 3:
            continue  # "(Syria)" is a place, not an acronym
        words = m.group(1).split()
        exp = _expansion(words, acr)
        if exp:
            out.setdefault(acr, exp)
    for m in _ACR_THEN_LONG.finditer(text):
        acr, long = m.group(1), m.group(2)
        if acr.upper() != acr or acr in out:
            continue
        words = long.split()
        if _initial(words[0]) == _letters(acr)[:1]:
            out[acr] = long
    return out

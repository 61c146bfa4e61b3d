"""The codebook's rules: from what a sentence says to event_type and sub_event_type.

Each rule returns the sub-type with a sentence saying why, so --explain can show it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from conflict_events.schema import Inter, SubEventType as S

REMOTE_FAMILIES = frozenset({"air", "drone", "bombing", "shelling", "missile", "rocket", "explosion", "suicide", "grenade", "chemical"})
VIOLENT_FAMILIES = frozenset({"attack", "kill", "shoot", "stab", "beat", "ambush", "raid", "strike", "hit", "target", "fire", "launch", "throw"})
CROWD_WEAPONS = frozenset({"blunt", "incendiary"})
PROPERTY_FAMILIES = frozenset({"loot", "attack", "throw", "raid"})
CROWD = re.compile(
    r"\b(villagers|locals|residents|youths?|supporters|activists|members of (two )?(rival )?(political )?part(y|ies)|"
    r"party (members|workers|supporters|cadres)|cadres|persons|people(?!'s)|students|settlers|migrants|crowds?|mob|traders|farmers|herders|relatives|fans)\b"
)
# "no clashes were reported", "without a fight", "no information on whether fighting took place"
NO_FIGHTING = re.compile(r"\b(no (clash\w*|fighting|fight|resistance|battle)|without (a |any )?(fight\w*|clash\w*|resistance|battle)|whether (any )?fighting)\b")

# A crowd, as opposed to "unknown persons" or "a group" that may be a handful of attackers.
MANY_PEOPLE = re.compile(r"\b(mobs?|crowds?|rioters|hundreds|dozens|scores of|residents|villagers|supporters|locals|youths|a group|groups)\b")
ARMED_GROUP = re.compile(r"\b(militants?|rebels?|gunmen|fighters|insurgents|jihadists|armed (men|groups?|individuals)|soldiers|troops|army|military|gangs?|militia\w*|terrorists)\b")
# Words of guns, spelled out: "gun\w*" would take "Guna" and "Gunderpur" for guns.
GUN_WORDS = r"guns?|gunm[ae]n|gunfire|gunshots?|gunpoint|gunned|gunfights?|gunbattles?|gunfighters?|handguns?|shotguns?"
FIREARM_USE = re.compile(r"\b(shot|shoot\w*|" + GUN_WORDS + r"|opened fire|fired (at|on|upon|shots)|exchanged fire|firing|armed with)\b")
UNARMED = frozenset({Inter.CIVILIANS, Inter.RIOTERS, Inter.PROTESTERS})
REMOTE_WEAPONS = {
    "chemical": S.CHEMICAL_WEAPON,
    "air": S.AIR_DRONE_STRIKE,
    "drone": S.AIR_DRONE_STRIKE,
    "suicide": S.SUICIDE_BOMB,
    "missile": S.SHELLING,
    "rocket": S.SHELLING,
    "artillery": S.SHELLING,
    "ied": S.REMOTE_EXPLOSIVE,
    "grenade": S.GRENADE,
}
FAMILY_SUBTYPE = {
    "air": S.AIR_DRONE_STRIKE,
    "drone": S.AIR_DRONE_STRIKE,
    "shelling": S.SHELLING,
    "missile": S.SHELLING,
    "rocket": S.SHELLING,
    "suicide": S.SUICIDE_BOMB,
    "grenade": S.GRENADE,
    "chemical": S.CHEMICAL_WEAPON,
    "explosion": S.REMOTE_EXPLOSIVE,
}
ARMED = frozenset({Inter.STATE_FORCES, Inter.REBEL_GROUP, Inter.POLITICAL_MILITIA, Inter.IDENTITY_MILITIA, Inter.EXTERNAL_OTHER})
STATE = frozenset({Inter.STATE_FORCES, Inter.EXTERNAL_OTHER})
# A side that is an armed organisation makes a fight a battle, whoever the other side is.
ORGANISED_ARMED = frozenset({Inter.REBEL_GROUP, Inter.POLITICAL_MILITIA})
INTERVENTION = re.compile(
    r"\b(tear ?gas|water cannons?|rubber bullets|baton[- ]charged?|lathi[- ]charged?|pepper spray|intervened|"
    r"dispers(ed|ing|e)|broke up|cracked down|crackdown|scuffled?|scuffles|"
    r"(arrested|detained|apprehended|rounded up) (\w+ ){0,4}(protesters?|demonstrators?|participants?|activists?|people|students?|of them|them|persons|individuals|marchers?|others)|"
    r"(protesters|demonstrators|participants|activists|students|marchers)\b[^.]{0,40}\b(were|was) (arrested|detained|dispersed|removed)|"
    r"(police|security forces|officers) (\w+ ){0,3}(stopped|blocked|prevent(ed)?|removed|detained|arrested|beat|assaulted|moved|pushed|dragged|evicted|expelled|kettled|suppressed)|"
    r"(was|were) (\w+ ){0,2}(stopped|blocked|prevented|impeded|obstructed|halted) by (the )?(\w+ )?(police|security forces|officers|gendarmes?|troops|soldiers)|"
    r"(were|was|been|got) (arrested|detained|dispersed|removed|evicted|repressed|taken into custody)|detaining|repress\w*|"
    r"(foiled|interrupted|obstructed|impeded) (the |a |their )?(\w+ ){0,2}(protests?|demonstrations?|rally|rallies|march(es)?|sit-ins?|gathering)|"
    r"cane[- ]charged?|used (excessive )?force|(attempted|tried) to (physically )?(remove|disperse|evict|stop) |"
    r"issued (\w+ ){0,3}(fines|tickets)|rammed (into )?(the )?(protesters|demonstrators|crowd|marchers))\b"
)
# Burned or set on fire at a demonstration, these are symbols, not property destroyed; so is
# oneself ("set himself on fire"). At most two words may come before the object ("their old flags").
SYMBOLIC_OBJECTS = frozenset({"effigy", "effigies", "flag", "flags", "passport", "passports", "copy", "copies", "picture",
                              "pictures", "photo", "photos", "portrait", "portraits", "poster", "posters", "banner", "banners",
                              "book", "books", "document", "documents", "candle", "candles", "torch", "torches",
                              "shirt", "shirts", "uniform", "uniforms", "incense"})
_NOT_A_PROPERTY = (r"(?!(?:him|her|them)sel|(?:[a-z]+\s+){0,2}(?:"
                   + "|".join(sorted(SYMBOLIC_OBJECTS, key=len, reverse=True)) + r")\b)")
PROTESTER_VIOLENCE = re.compile(r"\b(threw|throwing|hurled|hurling|pelted|pelting)\b[^.]{0,40}\b(stones?|rocks?|bricks?|bottles?|objects|projectiles|fireworks|firecrackers|at (the )?(police|officers|security|troops|soldiers))\b|\b(stone[- ]pelting|petrol bombs?|molotov\w*)\b|\b(torched|set (on )?fire|setting " + _NOT_A_PROPERTY + r"[^.]{0,30}on fire|set " + _NOT_A_PROPERTY + r"[^.]{0,30}on fire|burn(ing|ed|t) (tyres|tires)|set ablaze|burning (rubber )?(tyres|tires)|with burning|vandali[sz]ed|burn(ed|t|ing) (tyres|tires|vehicles|cars|buildings|property|shops)|smashed|attacked (the )?police|clashed with|stormed|ransacked|looted|(demonstrat\w*|protest\w*|march\w*) violently|turned violent|became violent|violent (demonstration|protest|rally|march)s?"
    r"|(attempted|attempting|tried|trying) to (attack|damage|storm|loot|burn|set fire|force (their|its|his|her)?\s?way|initiate acts of violence)"
    r"|(?<!verbal )(clash(es)?|confrontations?|scuffles?|brawls?|fights?|skirmish(es)?) (broke out |ensued |erupted |took place )?between)\b")
LIVE_FIRE = re.compile(r"\b(live (ammunition|rounds|bullets|fire)|opened fire (on|at)|fired (live|on|at) (the )?(protesters|demonstrators|crowd|people)|shot at (the )?(protesters|demonstrators|crowd|a group))\b")
SECURITY_WORDS = re.compile(r"\b(police|policemen|officers|security forces|forces|soldiers|troops|army|authorities|gendarmes?)\b")
LETHAL_FORCE = re.compile(r"\b(killed|shot dead|dead|died|live (ammunition|rounds|fire)|opened fire|fired on|shot at|seriously injured|critically)\b")


ACCIDENTAL = re.compile(
    r"\b(accidental(ly)?|by mistake|mistakenly|prematurely|"
    r"(while|when) (\w+ ){0,3}(trying to |attempting to )?(defus|dismantl|handl|test|assembl|mak|manufactur|plant|transport)\w*)\b"
)
# A passer-by who steps on a mine is its victim, not its handler.
VICTIM_SET_OFF = re.compile(r"\b(stepped on|stepping on|trod on|drove over|ran over|driving over|herding|grazing|playing|farming)\b")
REMNANTS = re.compile(
    r"\b(unexploded (ordnance|bombs?|shells?|mines?|munitions?|devices?|rockets?)|uxo|remnants? of (the )?war|war remnants?|"
    r"left ?over from|leftover|from the ([\w-]+ ){1,2}war|from (a |the )?(previous|past|former|old|last) (war|conflict|fighting))\b"
)


@dataclass(slots=True)
class Evidence:
    """What one event's sentences say, pooled."""

    families: set[str] = field(default_factory=set)
    weapons: set[str] = field(default_factory=set)
    weapon_words: list[str] = field(default_factory=list)
    text: str = ""
    agent_inter: int = 0
    target_inter: int = 0
    # The perpetrators are a crowd or ordinary people, not an armed organisation.
    agent_unarmed: bool = False
    killed: int = 0
    injured: int = 0
    # What was fired at or hit is a place ("fired on Zorvel district"), not people, a vehicle or a position.
    target_is_place: bool = False


# "following clashes, ... captured X": the taking of territory came with fighting.
FIGHTING = re.compile(r"\b(clash\w*|fighting|fought|battles?|offensive|assault)\b")


# Drugs, plantations and laboratories seized or destroyed: property of the traffickers.
DRUG_SEIZURE = re.compile(
    r"\b(seiz\w*|confiscat\w*|destroy\w*|dismantl\w*|eradicat\w*|raided|found)\b[^.]{0,80}\b(marijuana|cannabis|cocaine|heroin|methamphetamine|"
    r"fentanyl|opium|hashish|narcotics?|drugs?|(coca|poppy|opium|cannabis|marijuana) (leaf |leaves |plants?|plantations?|fields?|crops?)|"
    r"drug (laborator(y|ies)|labs?)|(clandestine|synthetic drug) laborator(y|ies))\b",
    re.IGNORECASE,
)


def classify(ev: Evidence) -> tuple[S, str] | None:
    text = ev.text.lower()
    families = ev.families
    if "protest" in families or "riot" in families:
        return _demonstration(ev, text)
    if "mob" in families:
        return S.MOB_VIOLENCE, "lynching or mob attack → Mob violence"
    if ("loot" in families and not ev.killed and not ev.injured and not families - PROPERTY_FAMILIES and not ev.weapons - CROWD_WEAPONS - {"less_lethal"}
            and not (families & {"attack", "raid"} and ev.target_inter == Inter.CIVILIANS)):
        # Arson, vandalism and seizures with nobody hurt: the target was property, unless a crowd
        # did it ("hundreds of residents ransacked the office"): a crowd destroying property is rioting.
        if ev.agent_inter in (Inter.RIOTERS, Inter.PROTESTERS) or ev.agent_unarmed and MANY_PEOPLE.search(text):
            return S.MOB_VIOLENCE, "a crowd destroyed property outside a demonstration → Mob violence"
        return S.LOOTING, "property burned, damaged or taken, nobody hurt → Looting/property destruction"
    lethal = bool(ev.weapons - CROWD_WEAPONS - {"less_lethal", "blade"}) or bool(FIREARM_USE.search(text))
    if ev.agent_inter in UNARMED and families & {"attack", "kill", "beat", "stab", "loot", "shoot", "clash", "throw"} and not (
            lethal and ev.agent_inter == Inter.CIVILIANS):
        # "two men opened fire and killed three people": men with guns are an armed group, not a crowd.
        return S.MOB_VIOLENCE, "a crowd or civilians used violence outside a demonstration → Mob violence"
    if ev.agent_unarmed and not lethal and families & {"attack", "kill", "beat", "stab", "loot", "clash", "throw", "bombing"}:
        return S.MOB_VIOLENCE, "ordinary people or a crowd used violence, no armed group → Mob violence"
    crowd_only = bool(ev.weapons) and ev.weapons <= CROWD_WEAPONS | {"less_lethal"}
    if families & {"clash", "throw"} and crowd_only and not ev.agent_inter in ARMED - {Inter.EXTERNAL_OTHER}:
        if not ev.killed and not ev.injured and not CROWD.search(text) and not MANY_PEOPLE.search(text) and ev.target_inter != Inter.CIVILIANS:
            # "unknown arsonists threw Molotov cocktails at the enlistment office": no crowd, nobody hurt.
            return S.LOOTING, "petrol bombs or stones thrown at property by a few, nobody hurt → Looting/property destruction"
        return S.MOB_VIOLENCE, "stones, sticks or petrol bombs, no armed group → Mob violence"
    if families & {"capture", "regain"} and NO_FIGHTING.search(text):
        return S.NON_VIOLENT_TRANSFER, "territory taken and no fighting reported → Non-violent transfer of territory"
    if families & {"capture", "regain"} and (families & {"clash", "attack"} or ev.killed or FIGHTING.search(text)):
        # Only the country's own government regains its territory; foreign forces overtake it.
        if ev.agent_inter == Inter.STATE_FORCES or ("regain" in families and ev.agent_inter != Inter.EXTERNAL_OTHER):
            return S.GOVERNMENT_REGAINS_TERRITORY, "state forces retake territory after fighting → Government regains territory"
        return S.NON_STATE_ACTOR_OVERTAKES_TERRITORY, "non-state or foreign forces take territory after fighting → Non-state actor overtakes territory"
    if ("clash" in families and not FIREARM_USE.search(text) and not ev.weapons - CROWD_WEAPONS - {"less_lethal", "blade"}
            and CROWD.search(text) and not ARMED_GROUP.search(text) and not {ev.agent_inter, ev.target_inter} & ORGANISED_ARMED):
        return S.MOB_VIOLENCE, "a clash between crowds or with police, no armed group or firearms → Mob violence"
    if "clash" in families and not _one_sided_remote(ev):
        return S.ARMED_CLASH, "armed groups fought → Armed clash"
    if "sexual" in families:
        return S.SEXUAL_VIOLENCE, "rape or sexual assault → Sexual violence"
    if families & {"explosion", "bombing"} and ACCIDENTAL.search(text) and not VICTIM_SET_OFF.search(text):
        # "an IED exploded by mistake while being moved", "killed while trying to defuse a bomb".
        return S.DISRUPTED_WEAPONS_USE, "explosives went off in their handlers' hands → Disrupted weapons use"
    if "explosion" in families and REMNANTS.search(text) and not ev.agent_inter:
        return S.OTHER, "a remnant of an old war exploded → Strategic developments/Other"
    # "shot down a drone and three missiles fired from ships": the weapons are what was stopped.
    stopped_only = bool(families & {"shootdown", "intercept"}) and not families & REMOTE_FAMILIES
    # "defused an IED made of two grenades", "destroyed it through controlled detonation": weapons made safe, nobody hurt.
    stopped_only = stopped_only or ("defuse" in families and not ev.killed and not ev.injured
                                    and not families & (VIOLENT_FAMILIES | {"air", "drone", "shelling", "bombing", "suicide"}))
    reported = None if stopped_only else _reported_fire(ev, text)
    if reported is not None:
        return reported
    if (not stopped_only and families & {"shelling", "missile", "rocket", "fire", "attack"}
            and not families & {"air", "drone", "explosion", "bombing", "suicide", "grenade"} and not ev.weapons & {"air", "drone", "ied", "suicide"}
            and ev.target_inter != Inter.CIVILIANS and outside_a_grievance(RECIPROCAL_FIRE, text)):
        # The codebook: two sides trading long-range fire is an Armed clash ("fired mortars at the base; the forces fired back").
        return S.ARMED_CLASH, "the other side fired back → Armed clash"
    remote = None if stopped_only else _remote(ev)
    if remote is not None:
        return remote
    if families & {"shootdown"}:
        if re.search(r"\b(plane|jet|aircraft|helicopter|fighter|bomber)s?\b", text) and not re.search(r"\bdrones?\b", text):
            return S.SHELLING, "crewed aircraft shot down → Shelling/artillery/missile attack"
        return S.DISRUPTED_WEAPONS_USE, "drone or missile shot down → Disrupted weapons use"
    # "intercepted and killed twenty militants": people were intercepted, not weapons.
    if families & {"intercept", "defuse"} and not (ev.killed and not ev.weapons):
        return S.DISRUPTED_WEAPONS_USE, "intercepted, defused or seized weapons → Disrupted weapons use"
    if ev.agent_inter == Inter.EXTERNAL_OTHER and families & {"capture_person", "arrest"} and not ev.killed:
        # Detention by foreign forces is extrajudicial, not a lawful arrest.
        return S.ABDUCTION, "people detained by foreign forces → Abduction/forced disappearance"
    if "capture_person" in families and ev.agent_unarmed and ev.agent_inter not in STATE and not families & {"abduct"}:
        # "villagers seized a suspected thief and whipped him": people seizing someone themselves is mob justice.
        return S.MOB_VIOLENCE, "ordinary people or a crowd seized someone → Mob violence"
    if "capture_person" in families and not ev.killed and not families & {"abduct"}:
        if ev.agent_inter in STATE or (not ev.agent_inter and "arrest" in families):
            return S.ARRESTS, "people captured by state forces, or captured and detained by no one named → Arrests"
        return S.ABDUCTION, "people captured by a non-state group → Abduction/forced disappearance"
    if "abduct" in families and not ev.killed:
        if ev.target_inter in ARMED - {Inter.EXTERNAL_OTHER} and ev.agent_inter in ARMED:
            # Fighters or police taken by the other side: a violent act between armed actors.
            return S.ARMED_CLASH, "one armed side seized members of another → Armed clash"
        return S.ABDUCTION, "kidnapping or abduction → Abduction/forced disappearance"
    if "arrest" in families and not families & VIOLENT_FAMILIES:
        if ev.agent_inter and ev.agent_inter not in STATE:
            return S.ABDUCTION, "detention by a non-state group → Abduction/forced disappearance"
        if DRUG_SEIZURE.search(text):
            # The codebook's Arrests are of notable people; couriers taken with a drug haul are part of the seizure.
            return S.LOOTING, "drugs seized, people arrested with them → Looting/property destruction"
        return S.ARRESTS, "arrest by state forces → Arrests"
    if families & VIOLENT_FAMILIES or "abduct" in families:
        if ev.target_inter in ARMED:
            return S.ARMED_CLASH, "armed actors on both sides → Armed clash"
        if ARMED_VICTIM_STATED.search(text):
            return S.ARMED_CLASH, "the text says the victim was in a gang or armed group → Armed clash"
        if not ev.target_inter and _armed_victims(text):
            return S.ARMED_CLASH, "the victims belonged to an armed group or force → Armed clash"
        if "fire" in families and MILITARY_POSITIONS.search(text):
            return S.ARMED_CLASH, "fire at the other side's positions → Armed clash"
        if "fire" in families and ev.target_is_place and ev.agent_inter in ARMED and "firearm" not in ev.weapons and not SMALL_ARMS.search(text):
            # "Russian forces fired on Zorvel district": a force firing at a settlement from afar, with no gun named.
            return S.SHELLING, "an armed force fired at a place, no firearm named → Shelling/artillery/missile attack"
        if ev.target_inter == Inter.CIVILIANS or (not ev.target_inter and _civilian_victims(text)):
            return S.ATTACK, "armed actor attacked civilians → Violence against civilians/Attack"
        if ev.killed or families & {"kill", "shoot", "stab", "beat"}:
            return S.ATTACK, "violence with no armed opponent → Violence against civilians/Attack"
        if families & {"attack", "ambush", "raid"}:
            if ev.agent_inter in STATE:
                return S.ARMED_CLASH, "state forces attacked an armed group → Armed clash"
            return S.ATTACK, "attack by a non-state group on no named armed target → Violence against civilians/Attack"
    if families & {"capture", "regain"}:
        if "regain" in families and ev.agent_inter in STATE:
            return S.GOVERNMENT_REGAINS_TERRITORY, "state forces retake territory → Government regains territory"
        return S.NON_VIOLENT_TRANSFER, "territory taken without fighting → Non-violent transfer of territory"
    if families & {"withdraw", "handover"}:
        return S.NON_VIOLENT_TRANSFER, "withdrawal or handover → Non-violent transfer of territory"
    if "loot" in families:
        return S.LOOTING, "looting or destruction of property → Looting/property destruction"
    if "agreement" in families:
        return S.AGREEMENT, "ceasefire, deal or exchange → Agreement"
    if "base" in families:
        return S.HEADQUARTERS_ESTABLISHED, "base or headquarters set up → Headquarters or base established"
    if families & {"change", "security"}:
        return S.CHANGE_TO_GROUP, "recruitment, deployment, restructuring or security measures → Change to group/activity"
    if "displacement" in families:
        return S.OTHER, "people displaced or fleeing → Strategic developments/Other"
    if "election" in families:
        return S.OTHER, "an election or referendum held → Strategic developments/Other"
    if "other" in families:
        return S.OTHER, "another strategic development → Strategic developments/Other"
    return None


# What a demonstration is about: "demanding the release of a man who was arrested", "in solidarity
# with a killed reporter", "claiming that officers used excessive force". Force named in the clause
# after such a word is the grievance, not what happened at the demonstration. "about" and "over"
# before a number are quantities ("over 100 protesters were arrested").
_NOT_A_NUMBER = r"(?!\s+(?:\d|a (?:dozen|hundred|thousand)|(?:hundreds|thousands|dozens|half|ten|twenty|fifty)\b))"
# A relative clause tells about someone the demonstrators name ("the family of a trader who was detained"),
# unless it is about the crowd itself ("marchers, who were dispersed", "students, who were marching").
CROWD_NOUNS = ("protesters", "demonstrators", "participants", "marchers", "activists", "students", "crowd", "rioters")
_NOT_ABOUT_THE_CROWD = "".join(f"(?<!{noun} )(?<!{noun}, )" for noun in CROWD_NOUNS)
GRIEVANCE_WORDS = re.compile(
    r"\b(after|against|following|because|due to|(?:about|over)" + _NOT_A_NUMBER + r"|demand\w*|claim\w*|alleg\w*|accus\w*|"
    r"condemn\w*|denounc\w*|complain\w*|reject\w*|repudiat\w*|releas\w*|justice|solidarity|in support of|in memory of|"
    r"commemorat\w*|anniversary|protest(ed|ing)? (the|against|over)|tribute|vigils?|mourn\w*|in hono(u)?r of|"
    + _NOT_ABOUT_THE_CROWD + r"(who|whom|whose)(?! (?:(?:were|was|had been|had) )?(?:demonstrat|protest|march|rall|gather|block|thr[eo]w|pelt|riot)))\b"
)
# Where a new clause starts, a grievance before it no longer governs: "protested against the tax; police dispersed them",
# "marched over fees and pelted stones at the police": the crowd's own acts are no grievance.
CLAUSE_BREAK = re.compile(r"[;:]|,\s+(and|but|while|before|until|then|so)\b|\b(but|while|until|whereupon)\b"
                          r"|\band (then )?(?=(pelted|threw|hurled|stormed|burned|burnt|torched|smashed|vandali[sz]ed|clashed|looted|ransacked)\b)")


def outside_a_grievance(pattern: re.Pattern, text: str) -> bool:
    """Whether `pattern` finds something outside every clause that tells what the demonstrators protest."""
    for found in pattern.finditer(text):
        sentence_start = text.rfind(". ", 0, found.start()) + 1
        # Read with what follows: "and pelted ..." ends a clause where the match begins, "who were demonstrating" opens none.
        breaks = [b.end() for b in CLAUSE_BREAK.finditer(text, sentence_start) if b.end() <= found.start()]
        clause_start = breaks[-1] if breaks else sentence_start
        grievances = [g for g in GRIEVANCE_WORDS.finditer(text, clause_start) if g.end() <= found.start()]
        if not grievances:
            return True
        first = grievances[0]
        if not text[clause_start : first.start()].strip() and "," in text[first.end() : found.start()] and len(grievances) == 1:
            # A fronted phrase ends at its comma: "After the rally, youths threw stones".
            return True
    return False


def _demonstration(ev: Evidence, text: str) -> tuple[S, str]:
    crowd_violence = ev.families & {"loot", "attack", "beat", "stab", "throw", "clash", "riot", "kill"} and ev.agent_inter not in STATE
    if "riot" in ev.families or outside_a_grievance(PROTESTER_VIOLENCE, text) or _protesters_violent(text) or crowd_violence:
        if ev.killed and outside_a_grievance(LETHAL_FORCE, text) and re.search(r"\bpolice|security forces|soldiers|troops\b", text) and not _protesters_violent(text):
            return S.EXCESSIVE_FORCE, "lethal force against demonstrators → Excessive force against protesters"
        return S.VIOLENT_DEMONSTRATION, "demonstrators used violence or destroyed property → Violent demonstration"
    if (ev.killed or re.search(r"\bseriously (injured|wounded)\b", text)) and outside_a_grievance(LETHAL_FORCE, text):
        return S.EXCESSIVE_FORCE, "lethal or serious force against protesters → Excessive force against protesters"
    if (ev.killed and outside_a_grievance(INTERVENTION, text)) or (outside_a_grievance(LIVE_FIRE, text) and SECURITY_WORDS.search(text)):
        return S.EXCESSIVE_FORCE, "live fire at demonstrators, or a death as they were dispersed → Excessive force against protesters"
    if outside_a_grievance(INTERVENTION, text):
        return S.PROTEST_WITH_INTERVENTION, "police dispersed or arrested protesters → Protest with intervention"
    return S.PEACEFUL_PROTEST, "demonstration without violence or intervention → Peaceful protest"


# What demonstrators did that makes a demonstration violent. Burning an object destroys
# property, except the symbolic burning of effigies, flags, candles, torches or copies of a text.
_BURNING = (
    r"burn(?:ed|t|ing|s)?\s+(?:down\s+)?(?:the\s+|a\s+|an\s+|their\s+|his\s+|several\s+|two\s+|some\s+)?"
    + _NOT_A_PROPERTY
    + r"(?!of\b|by\b|in\b|at\b|on\b|to\b|and\b|during\b|after\b|for\b|with\b|alive\b|from\b)[a-z]+"
)
_VIOLENT_ACTS = (
    r"(threw|hurled|pelted|torched|set fire|set " + _NOT_A_PROPERTY + r"[^.]{0,30} on fire|set " + _NOT_A_PROPERTY + r"[^.]{0,30} ablaze|vandali[sz]ed|stormed|attacked|assaulted|beat up|beat|clashed|smashed|damaged|"
    r"broke (and \w+ )?(the |a |an |his |her |their |several |some )?(\w+ )?(windows?|windshields?|windscreens?|doors?|glass|gates?|furniture|cars?|vehicles?)|"
    r"(detained|confined|locked up) (\w+ ){0,3}(officials|officers|staff|employees|managers?)|"
    r"ransacked|looted|kidnapped|abducted|took [^.]{0,30}hostage|held [^.]{0,30}hostage|blocked roads with burning|" + _BURNING + ")"
)
_DEMONSTRATORS = (
    r"(protesters|demonstrators|rioters|crowd|mob|students|supporters|people|residents|villagers|youths?|workers|members|"
    r"farmers|drivers|traders|activists|locals|participants|strikers|women|men|group|teachers|parents|relatives|families|they|"
    r"cadres|aspirants|motorcyclists|employees|nurses|doctors|miners|pensioners|veterans|truckers|fishermen|vendors)"
)
# Between the demonstrators and their act, no word that turns what follows into the grievance
# (GRIEVANCE_WORDS, and "since", "when", "in protest of": "protested after gunmen attacked the
# village") or into what the security forces did ("the marchers were pushed back by police, who
# clubbed a reporter").
_GRIEVANCE = (r"(?:(?!" + GRIEVANCE_WORDS.pattern
              + r"|\b(?:since|when|protest of|police|officers|soldiers|security forces|guards)\b)[^.]){0,100}?")
DEMONSTRATOR_VIOLENCE = re.compile(rf"\b{_DEMONSTRATORS}\b{_GRIEVANCE}\b{_VIOLENT_ACTS}")


# The codebook counts road-blocking with barricades, burning tyres or other material as violent.
ROADBLOCK = re.compile(
    r"\b((?<!human )barricad\w*|vandali[sz](ed|ing)|"
    r"block\w* [^.]{0,60}\b(with|using)\b [^.]{0,30}\b(barricades?|logs?|trees?|tree trunks|stones|rocks|boulders|tyres|tires|woods?|benches|vehicles|trucks|debris|sand|sandbags|objects|rubbish|garbage)\b|"
    r"used [^.]{0,30}\b(vehicles|trucks|logs|stones|rocks|boulders|tyres|tires|woods?|benches|debris) to block)"
)


def _protesters_violent(text: str) -> bool:
    for found in ROADBLOCK.finditer(text):
        # "police erected barricades to stop the march": the barricades are not the demonstrators'.
        clause_before = text[max(0, found.start() - 40) : found.start()].split(".")[-1]
        if not SECURITY_WORDS.search(clause_before):
            return True
    return outside_a_grievance(DEMONSTRATOR_VIOLENCE, text) or bool(
        re.search(r"\b(threw|hurling|pelted)\b[^.]{0,20}\b(stones|rocks|bricks|petrol bombs|molotov)", text)
    )


THROWN = re.compile(r"\b(threw|thrown|throwing|throws|hurled|hurling|lobbed|tossed)\b")


def _remote(ev: Evidence) -> tuple[S, str] | None:
    families = ev.families
    best: tuple[S, str] | None = None
    weapon_note = ", ".join(dict.fromkeys(ev.weapon_words)) if ev.weapon_words else ""
    for weapon_class in ("chemical", "suicide", "air", "drone", "missile", "rocket", "artillery", "ied", "grenade"):
        if weapon_class in ev.weapons and families & (REMOTE_FAMILIES | VIOLENT_FAMILIES):
            sub = REMOTE_WEAPONS[weapon_class]
            if best is None or _rank(sub) < _rank(best[0]):
                best = sub, f"{weapon_note or weapon_class} → {sub.value}"
    for family in ("chemical", "air", "drone", "suicide", "shelling", "missile", "rocket", "explosion", "grenade"):
        if family in families:
            sub = FAMILY_SUBTYPE[family]
            if best is None:
                best = sub, f"'{family}' trigger → {sub.value}"
    if best is not None and best[0] is S.REMOTE_EXPLOSIVE and "ied" in ev.weapons and THROWN.search(ev.text.lower()):
        # An explosive device thrown by hand is a grenade attack.
        best = S.GRENADE, "explosive device thrown by hand → Grenade"
    if best is None and families & {"bombing", "strike"}:
        if ev.agent_inter in STATE:
            return S.AIR_DRONE_STRIKE, "military strike or bombing by a state force → Air/drone strike"
        if "bombing" in families:
            return S.REMOTE_EXPLOSIVE, "bombing by a non-state actor → Remote explosive/landmine/IED"
    return best


def _rank(sub: S) -> int:
    from conflict_events.schema import hierarchy_rank

    return hierarchy_rank(sub)


def _one_sided_remote(ev: Evidence) -> bool:
    """Shelling "fighting" words aside, one side firing at another is remote violence."""
    text = ev.text.lower()
    return bool(ev.families & REMOTE_FAMILIES) and not re.search(r"\b(clash\w*|fought|fighting|battle\w*|gunfight|firefight)\b", text) and not RECIPROCAL_FIRE.search(text)


# Fire answered by fire: "exchanged fire", "a shelling exchange", "fired back", "returned fire",
# "responded with mortars", "traded artillery fire", "explosions in both directions of the frontline".
RECIPROCAL_FIRE = re.compile(
    r"\b(exchang\w* (of )?(fire|gunfire|shelling|shells|artillery|mortars?|rockets?)|(shelling|fire|artillery|rocket|mortar) exchanges?|"
    r"(fired|shot|hit) back|returned (the )?fire|respond\w* (to the attack |to the fire )?with (fire|gunfire|heavy weapons|mortars?|artillery|rockets?|shells)|"
    r"traded (fire|gunfire|shelling|shells|artillery|mortar|rocket)|in both directions)\b"
)


# Weapons that fire from afar, named with the explosions they caused ("explosions involving
# artillery/unknown weapons", "projectiles/explosions"): shells landing, not a planted device.
FIRED_FROM_AFAR = re.compile(r"\b(projectiles?|artillery|shells|mortars?|(heavy|unknown) weapons)\b")
SMALL_ARMS_NAMED = re.compile(r"\bsmall[- ]arms\b")


def _reported_fire(ev: Evidence, text: str) -> tuple[S, str] | None:
    """Fire reported with no one named firing, targeted or hurt ("a total of 36 shots involving small
    arms near X", "16 projectiles in both directions of the frontline"): fire both ways or gunfire
    is two sides fighting, explosions of fired weapons are shelling."""
    if ev.agent_inter or ev.target_inter or ev.killed or ev.injured or ev.target_is_place:
        return None
    if not ev.families & {"fire", "explosion"} or ev.families - {"fire", "explosion"}:
        return None
    if ev.weapons & {"ied", "grenade", "suicide", "air", "drone", "chemical"}:
        return None
    if RECIPROCAL_FIRE.search(text):
        return S.ARMED_CLASH, "fire reported in both directions → Armed clash"
    if SMALL_ARMS_NAMED.search(text):
        return S.ARMED_CLASH, "small-arms fire reported, no side or target named → Armed clash"
    if FIRED_FROM_AFAR.search(text):
        return S.SHELLING, "explosions of fired weapons reported, no side or target named → Shelling/artillery/missile attack"
    return None


# Guns and shooting: fire that is not from afar.
SMALL_ARMS = re.compile(r"\b(" + GUN_WORDS + r"|shot|shots|shoot\w*|rifles?|pistols?|small arms|machine ?guns?|snipers?|bullets?)\b")

# What only an armed side holds: firing at it is fighting.
MILITARY_POSITIONS = re.compile(r"\b(positions?|outposts?|trenches|barracks|military (posts?|bases?|camps?|checkpoints?)|front ?lines?)\b")

ARMED_VICTIMS = re.compile(
    r"\b(soldiers?|troops|servicem[ae]n|police(men|man| officers?)?|officers?|militants?|fighters?|rebels?|insurgents?|"
    r"militiam[ae]n|gang members?|members? of (a|the|an) [\w -]{0,30}(gang|group|militia|cartel|faction)|"
    r"drug (traffickers?|dealers?|trafficking)|gunmen|jihadists?|combatants?|guards?|cadres?|commanders?|"
    r"(lieutenant )?colonels?|lieutenants?|sergeants?|captains?|corporals?|conscripts?|gendarmes?|paramilitar\w*|peshmerga|"
    r"(taliban|al shabaab|is|isis|jnim|pkk|nsag|pdf|ada|ypg|sdf) (members?|militants?|fighters?))\b",
    re.IGNORECASE,
)


# The codebook treats off-duty, former and retired members of armed forces as civilians.
OFF_DUTY = re.compile(r"\b(off[- ]duty|former|retired|ex-|unarmed)\b", re.IGNORECASE)


# "The victim was a drug dealer", "the victim was involved in drug trafficking": gang violence among armed men.
ARMED_VICTIM_STATED = re.compile(
    r"\bvictims? (?:is|was|were|are|had been)\b[^.]{0,40}\b(drug[- ](?:dealers?|traffickers?|trafficking)|gang(?:sters?| members?)|"
    r"members? of (?:a |the |an )?[\w -]{0,30}(?:gang|cartel|group|militia)|cartel|criminal group|hitm[ae]n)\b",
    re.IGNORECASE,
)


def _armed_victims(text: str) -> bool:
    """ "a gang member was shot dead", "3 Taliban members were killed": fighting, not violence against civilians."""
    if ARMED_VICTIM_STATED.search(text):
        return True
    for match in ARMED_VICTIMS.finditer(text):
        tail = text[match.end() : match.end() + 40].lower()
        head = text[max(0, match.start() - 40) : match.start()].lower()
        if OFF_DUTY.search(head[-30:]):
            continue
        if re.match(r"\s*([\w()'-]+\s){0,4}(were|was|had been|have been|got)\s+(\w+\s){0,2}(killed|shot|injured|wounded|stabbed|executed|ambushed|attacked|beheaded)", tail):
            return True
        # "killed two soldiers" names victims; "killed by unknown gunmen" the killers.
        if re.search(r"\b(killed|killing|shot|shooting|attacked|attacking|ambushed|ambushing|injuring|wounding|executed)\s+((?!by\b)\w+\s){0,3}$", head):
            return True
    return False


def _civilian_victims(text: str) -> bool:
    return bool(
        re.search(
            r"\b(civilians?|villages?|houses|homes|villagers?|residents?|farmers?|herders?|children|child|boys?|girls?|women|woman|man|men|teachers?|students?|traders?|worshippers|passengers|journalists?|people|family|families|pilgrims|shopkeepers?|workers?|doctor|nurse|priest|imam|chief|trader|businessman|motorists?|drivers?|vendors?|refugees|civilian|person|persons|youths?|elderly|IDPs|fisherm[ae]n|fishing boats?|shepherds?)\b",
            text,
        )
    )

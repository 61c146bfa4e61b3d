"""Who did what to whom, read from the dependency parse.

Returns the text spans that name the agent and the target of a trigger; turning
those into ACLED actors is the actor layer's job.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from conflict_events.events.places import GENERIC_PLACE_WORDS
from conflict_events.events.triggers import QUARREL_WORDS, quarrel_behind
from conflict_events.nlp import spans as span_groups

TARGET_PREPOSITIONS = frozenset({"on", "against", "at", "upon", "toward", "towards", "targeting", "into"})
# Verbs that carry a noun trigger: "militants launched an attack", "Israel carried out strikes".
SUPPORT_VERBS = frozenset(
    {
        "launch", "launched", "launches", "carry", "carried", "carries", "conduct", "conducted",
        "conducts", "stage", "staged", "stages", "mount", "mounted", "hold", "held", "holds",
        "claim", "claimed", "claims", "perpetrate", "perpetrated", "commit", "committed",
        "unleash", "unleashed", "execute", "executed", "organise", "organised", "organize",
        "organized", "lead", "led", "join", "joined", "resume", "resumed", "intensify",
        "intensified", "target", "targeted", "order", "ordered", "begin", "began", "start", "started",
        "declare", "declared", "declares", "impose", "imposed", "imposes", "erect", "erected", "establish",
        "established", "enforce", "enforced", "announce", "announced", "deploy", "deployed", "send", "sent",
    }
)
CLAIM_WORDS = frozenset({"claimed", "claim", "claims", "responsibility", "credit"})
CASUALTY_VERBS = frozenset({"killing", "injuring", "wounding", "killed", "injured", "wounded", "hurting"})
# Nouns that are places or things, never actors, when they head a role phrase.
NON_ACTOR_HEADS = frozenset(
    {
        "facility", "facilities", "site", "sites", "base", "bases", "position", "positions", "area",
        "areas", "town", "village", "city", "building", "buildings", "house", "houses", "home",
        "homes", "infrastructure", "location", "locations", "headquarters", "depot", "depots",
        "vehicle", "vehicles", "convoy", "target", "targets", "post", "posts", "checkpoint",
        "checkpoints", "road", "market", "school", "hospital", "mosque", "church", "office",
        "district", "region", "province", "border", "airport", "port", "bridge", "station", "camp",
        "compound", "warehouse", "plant", "field", "hill", "zone", "line", "lines",
    }
)


@dataclass(slots=True)
class Roles:
    agent: Span | None = None
    target: Span | None = None
    # "Kataib Hezbollah claimed credit for the attack"
    claimed_by: Span | None = None
    agent_rule: str = ""
    target_rule: str = ""


CLASH_FAMILIES = frozenset({"clash", "ambush", "raid", "attack"})
WITH_SIDE_OF_A_CLASH = "'with' phrase of a clash"  # the rule naming the side a clash was "with"
TIME_ENTITIES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL"})
ACTOR_NOUNS = frozenset({"coalition", "army", "military", "militia", "rebel", "police", "regime", "government", "forces", "insurgent", "jihadist"})
# "the military forces of Tajikistan", "members of Barrio 18": the "of" phrase names the actor.
OF_GROUP_NOUNS = frozenset(
    {"members", "member", "group", "groups", "fighters", "soldiers", "units", "unit", "elements", "forces", "force",
     "military", "army", "police", "troops", "militia", "militiamen", "supporters", "activists", "officers",
     "cadres", "wing", "faction", "battalion", "brigade", "division", "regiment", "personnel", "agents"}
)
STEP_VERBS = frozenset({"step", "steps", "stepped", "stepping"})
RUN_INTO_VERBS = frozenset({"strike", "strikes", "struck", "striking", "hit", "hits", "hitting"})  # with a mine as the object
QUANTITY_NOUNS = frozenset({"hundreds", "dozens", "thousands", "scores", "dozen", "number"})  # "hundreds of villagers"


def find_roles(trigger: Span) -> Roles:
    head = trigger.root
    roles = Roles()
    if trigger.label_ in CLASH_FAMILIES:
        _opponents(head, roles)
    elif trigger.label_ == "injure" and (quarrel := quarrel_behind(head)) is not None:
        # "four were wounded over a land dispute between two families": the quarrel's sides, also where
        # it is told as another ("an altercation over a land dispute between two families").
        for told in (quarrel, *(t for t in quarrel.subtree if t.lower_ in QUARREL_WORDS and t.i != quarrel.i)):
            _opponents(told, roles)
            if roles.agent is not None:
                break
    # A trigger the parser made the head of a clause ("militiamen ... set houses ablaze", read with
    # 'ablaze' as the root) has a subject as a verb does.
    if head.pos_ == "VERB" or head.tag_.startswith("VB") or any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
        _verb_roles(head, roles)
    else:
        _noun_roles(head, roles, trigger)
        carrier = _carrying_verb(head)
        if roles.agent is None and carrier is not None:
            # "soldiers set houses on fire": the verb the phrase completes has the agent.
            _verb_roles(carrier, roles)
    if roles.target is not None and trigger.start <= roles.target.root.i < trigger.end:
        # "exchanged fire with military police": the object is part of the trigger; the other side follows "with".
        roles.target, roles.target_rule = None, ""
        for token in trigger:
            prep = next((c for c in token.children if c.dep_ == "prep" and c.i > trigger.start and c.lower_ in ("with", "on", "at", "against")), None)
            pobj = _first(prep, "pobj") if prep is not None else None
            if pobj is not None:
                roles.target, roles.target_rule = _phrase(pobj), f"'{prep.lower_}' phrase of the trigger's own object"
                break
    stepped = trigger[0].lower_ in STEP_VERBS and (roles.target is None or _is_weapon(roles.target))
    ran_into = trigger[0].lower_ in RUN_INTO_VERBS and any(c.dep_ == "dobj" and _is_weapon(_phrase(c)) for c in head.children)
    if roles.agent_rule == "subject" and (stepped or ran_into):
        # "a villager stepped on a landmine", "a convoy struck an IED": who set it off is its
        # victim; who laid it, if anyone is named, is the actor.
        roles.target, roles.target_rule = roles.agent, "who set it off"
        roles.agent, roles.agent_rule = None, ""
    if roles.agent is not None and _is_weapon(roles.agent):
        owner = _weapon_owner(roles.agent.root)
        if owner is not None:
            roles.agent, roles.agent_rule = owner, "the one who used the weapon"
    if roles.agent is None:
        for weapon in _weapons_in(head):
            owner = _weapon_owner(weapon)
            if owner is not None:
                roles.agent, roles.agent_rule = owner, "the one who used the weapon"
                break
    if roles.agent is None and trigger.label_ == "change" and roles.target_rule == "subject of a passive":
        # "300 soldiers were deployed": those moved are who the change is about.
        roles.agent, roles.agent_rule = roles.target, "the forces moved or changed"
        roles.target, roles.target_rule = None, ""
    if roles.agent is not None and roles.agent.root.tag_ in ("WP", "WDT") and roles.agent.root.head.dep_ == "relcl":
        # "soldiers who raided the hamlet beat two men": 'who' stands for the noun its clause describes.
        roles.agent, roles.agent_rule = _phrase(roles.agent.root.head.head), f"{roles.agent_rule}, the noun 'who' stands for"
    if roles.agent is not None and not _can_act(roles.agent):
        roles.agent, roles.agent_rule = None, ""
    if roles.target is not None and roles.target.root.lower_ in ELLIPTICAL_OBJECTS:
        # "wounding a guard and killing another": 'another' is one more of the coordinated verb's object.
        named = _coordinated_object(roles.target.root.head)
        if named is not None:
            roles.target, roles.target_rule = named, f"{roles.target_rule}, the noun 'another' stands for"
    if roles.target is not None and roles.target.root.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL"):
        roles.target, roles.target_rule = None, ""
    if roles.target is not None and (_is_weapon(roles.target) or not is_actor_like(roles.target)):
        victim = _casualty_object(head)
        if victim is not None:
            roles.target, roles.target_rule = victim, "object of a casualty verb"
        elif _is_weapon(roles.target):
            roles.target, roles.target_rule = None, ""
    if roles.target is None:
        victim = _casualty_object(head)
        if victim is not None:
            roles.target, roles.target_rule = victim, "object of a casualty verb"
    if trigger.label_ in ("change", "arrival") and roles.target is not None and roles.target.root.ent_type_ in ("GPE", "LOC", "FAC"):
        # "a convoy entered Iraq", "troops deployed across Kherson": where forces moved is no party.
        roles.target, roles.target_rule = None, ""
    if roles.target is None and head.lower_ in SURRENDER_VERBS:
        # "forty fighters surrendered to the army", "surrendered before the district police chief":
        # who received the surrender is the other party to it.
        prep = next((c for c in head.children if c.dep_ == "prep" and c.lower_ in ("to", "before")), None)
        pobj = _first(prep, "pobj") if prep is not None else None
        if pobj is not None:
            roles.target, roles.target_rule = _phrase(pobj), f"'{prep.lower_}' phrase of a surrender"
    if roles.target is None and trigger.label_ in BLAST_FAMILIES:
        # "a bomb exploded near a police checkpoint", "a mine was detonated against a patrol": what a blast
        # went off beside, or against, was its target.
        prep = next((c for c in head.children if c.dep_ == "prep" and c.lower_ in ("near", "outside", "beside", "against")), None)
        pobj = _first(prep, "pobj") if prep is not None else None
        if pobj is not None:
            roles.target, roles.target_rule = _phrase(pobj), f"'{prep.lower_}' phrase of a blast"
    return roles


def _weapon_owner(weapon: Token) -> Span | None:
    """ "an IED planted by Al Shabaab militants", "a mine by the rebels", "a mine, apparently
    Houthi": who used the weapon."""
    for token in weapon.subtree:
        if token.dep_ in ("agent",) or (token.dep_ == "prep" and token.lower_ == "by" and token.head.i == weapon.i):
            pobj = _first(token, "pobj")
            if pobj is not None:
                return _phrase(pobj)
    for child in weapon.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN":
            return _phrase(child)
    return None


def _weapons_in(head: Token) -> list[Token]:
    doc = head.doc
    lo, hi = head.left_edge.i, head.right_edge.i + 1
    return [doc[w.end - 1] for w in span_groups.starting_in(doc, "weapons", lo, hi)]


def _can_act(span: Span) -> bool:
    """Days, times and weapons are not actors ("Saturday's attack", "the drone hit"),
    but a weapon with an owner is ("Israeli warplanes", "Houthi drones")."""
    if span.root.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL") and not people_counted(span.root):
        return False
    if _is_weapon(span):
        # "the air force" flies the strikes it names.
        # Snipers and suicide bombers are people the weapon lexicon also names ("regime snipers shot a
        # shepherd", "a suicide bomber of the group blew herself up").
        # "regime helicopters", "army drones": a side named by a common noun owns them too.
        return (span.root.lower_ in ("force", "forces", "airforce", "sniper", "snipers", "bomber", "bombers") or any(t.ent_type_ in ("NORP", "GPE", "ORG") for t in span)
                or _is_tagged_actor(span[0]) or any(t.lower_ in ACTOR_NOUNS for t in span if t.i < span.root.i))
    return True


def people_counted(token: Token) -> Token | None:
    """ "hundreds of villagers": the people a quantity word counts."""
    if token.lower_ not in QUANTITY_NOUNS:
        return None
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


# What a gun or launcher sends out: the object of "fired", not its target ("fired six shots at the troops").
FIRED_THINGS = frozenset({"shot", "shots", "round", "rounds", "bullet", "bullets", "volley", "volleys", "salvo", "salvos",
                          "burst", "bursts", "projectile", "projectiles"})


def _is_weapon(span: Span) -> bool:
    return span.root.i in span_groups.covered_tokens(span.doc, "weapons") or span.root.lower_ in FIRED_THINGS


def _verb_roles(verb: Token, roles: Roles) -> None:
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or verb.dep_ == "acl" and verb.tag_ == "VBN"
    main = verb.head if verb.dep_ == "conj" else verb
    subjectless = not any(c.dep_ in ("nsubj", "nsubjpass", "auxpass") for c in main.children)
    # A past tense cannot head a reduced relative: "IS militants detonated an IED", parsed with "IS" as
    # the verb "is", has "detonated" as its main verb all the same.
    verbless = main.head.dep_ == "ROOT" or main.sent.root.pos_ not in ("VERB", "AUX") or main.tag_ == "VBD"
    if main.dep_ == "acl" and subjectless and verbless and main.head.pos_ in ("NOUN", "PROPN", "PRON"):
        # "a group set ablaze a house", "in Palo Dulce, military forces located and seized a laboratory"
        # parsed as a noun with a reduced relative: the sentence has no other verb, so the noun is the subject.
        if roles.agent is None:
            roles.agent, roles.agent_rule = _phrase(main.head), "subject (noun read as the sentence's head)"
        passive = False
    subject = _subject(verb)
    passive_subject = _subject(verb, "nsubjpass")
    for child in verb.children:
        if subject is not None and child.i == subject.i and roles.agent is None:
            roles.agent, roles.agent_rule = _phrase(child), "subject"
        elif child.dep_ == "agent":
            pobj = _first(child, "pobj")
            if pobj is not None:
                roles.agent, roles.agent_rule = _phrase(pobj), "'by' phrase of a passive"
        elif passive_subject is not None and child.i == passive_subject.i and roles.target is None:
            roles.target, roles.target_rule = _phrase(child), "subject of a passive"
        elif child.dep_ == "dobj" and roles.target is None and not _is_weapon(_phrase(child)):
            roles.target, roles.target_rule = _phrase(child), "object"
        elif child.dep_ == "dobj" and roles.target is None:
            # "fired mortars at DPR positions": the object is the instrument, its 'at' phrase the target.
            prep = next((c for c in child.children if c.dep_ == "prep" and c.lower_ in TARGET_PREPOSITIONS), None)
            pobj = _first(prep, "pobj") if prep is not None else None
            if pobj is not None:
                roles.target, roles.target_rule = _phrase(pobj), f"'{prep.lower_}' phrase of the weapon"
        elif child.dep_ == "prep" and child.lower_ in TARGET_PREPOSITIONS and roles.target is None:
            pobj = _first(child, "pobj")
            if pobj is not None and pobj.ent_type_ not in TIME_ENTITIES:
                roles.target, roles.target_rule = _phrase(pobj), f"'{child.lower_}' phrase"
        elif child.dep_ in ("advcl", "xcomp") and child.lower_ in ("targeting", "targetting") and roles.target is None:
            obj = _first(child, "dobj")
            if obj is not None:
                roles.target, roles.target_rule = _phrase(obj), "'targeting' object"
    passive_conjunct = verb.dep_ == "conj" and any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.head.children)
    if roles.agent is None and (passive or passive_conjunct):
        # "were detained at the harbour of Zorvel, Izmir by the Turkish Army": the parser may hang the
        # 'by' phrase on the last place; a known actor after 'by' later in the clause is the agent.
        by = _late_by_actor(verb)
        if by is not None:
            roles.agent, roles.agent_rule = by, "'by' phrase of a passive, attached elsewhere"
    after_parenthesis = main.i > main.sent.start and main.doc[main.i - 1].text == ")"
    if roles.agent is None and not passive and subjectless and (main.dep_ == "ROOT" or after_parenthesis) and main.tag_ in FINITE_TAGS:
        # "in San Martin, San Salvador, six gang members abducted a man", parsed with the members as
        # another name for the place: the phrase that ends right before a finite verb is its subject.
        before = _phrase_ending_before(main)
        if before is not None:
            roles.agent, roles.agent_rule = _phrase(before), "the phrase before a verb without a subject"
    if roles.agent is None and not passive:
        # Shared subjects of conjoined or subordinate verbs: "struck ..., targeting a militia".
        governor = verb
        for _ in range(2):
            if governor.dep_ in ("conj", "advcl", "xcomp") and governor.head.i != governor.i:
                governor = governor.head
                subject = _first(governor, "nsubj")
                if subject is not None:
                    roles.agent, roles.agent_rule = _phrase(subject), "subject of the governing verb"
                    break


def _noun_roles(noun: Token, roles: Roles, trigger: Span) -> None:
    for child in noun.children:
        if child.dep_ == "poss" and roles.agent is None:
            roles.agent, roles.agent_rule = _phrase(child), "possessive"
        elif trigger.start <= child.i < trigger.end and child.ent_type_ not in ("NORP", "GPE", "ORG") and not _is_tagged_actor(child):
            continue  # "military training": a word of the trigger phrase says what kind, not whose
        elif child.dep_ in ("compound", "amod", "nmod") and (child.ent_type_ in ("NORP", "GPE", "ORG") or _is_tagged_actor(child) or child.lower_ in ACTOR_NOUNS):
            if roles.agent is None:
                roles.agent, roles.agent_rule = _phrase(child, modifiers_only=True), "modifier"
        elif child.dep_ == "prep" and child.lower_ == "by":
            pobj = _first(child, "pobj")
            if pobj is not None:
                roles.agent, roles.agent_rule = _phrase(pobj), "'by' phrase"
        elif child.dep_ == "prep" and child.lower_ in TARGET_PREPOSITIONS and roles.target is None:
            pobj = _first(child, "pobj")
            if pobj is not None and pobj.ent_type_ not in TIME_ENTITIES:
                roles.target, roles.target_rule = _phrase(pobj), f"'{child.lower_}' phrase"
        elif child.dep_ == "acl":
            agent_child = _first(child, "agent")
            if agent_child is not None and roles.agent is None:
                pobj = _first(agent_child, "pobj")
                if pobj is not None:
                    roles.agent, roles.agent_rule = _phrase(pobj), "'by' phrase"
    # "held a recruitment meeting": the trigger modifies the noun the support verb carries.
    carried = noun.head if noun.dep_ in ("compound", "amod") and noun.head.pos_ == "NOUN" else noun
    governor = carried.head
    if carried.dep_ in ("dobj", "nsubjpass") and governor.lower_ in SUPPORT_VERBS:
        subject = _subject(governor)
        if subject is not None and roles.agent is None:
            roles.agent, roles.agent_rule = _phrase(subject), f"subject of '{governor.lower_}'"
    if noun.dep_ == "pobj" and governor.lower_ == "for" and governor.head.lower_ in CLAIM_WORDS:
        claimer = governor.head if governor.head.pos_ == "VERB" else governor.head.head
        subject = _first(claimer, "nsubj")
        denied = any(c.dep_ == "neg" for c in claimer.children) or (subject is not None and any(c.lower_ in ("no", "none") for c in subject.children))
        if subject is not None and not denied:
            roles.claimed_by = _phrase(subject)
            roles.agent, roles.agent_rule = roles.claimed_by, "claim of responsibility"
    if noun.dep_ == "nsubj" and roles.target is None:
        obj = _first(governor, "dobj")
        if obj is not None:
            roles.target, roles.target_rule = _phrase(obj), f"object of '{governor.lower_}'"


def _carrying_verb(noun: Token) -> Token | None:
    """The verb of "set X on fire", "put X to the torch", "set X ablaze": a trigger in its completing phrase."""
    if noun.dep_ in ("oprd", "acomp", "advmod", "xcomp", "ccomp") and noun.pos_ in ("ADJ", "ADV") and noun.head.pos_ == "VERB":
        return noun.head  # "set houses ablaze"
    if noun.dep_ == "prep":  # the trigger is the whole phrase, "on fire"
        prep = noun
    elif noun.dep_ == "pobj":
        prep = noun.head
    else:
        return None
    if prep.lower_ not in ("on", "to"):
        return None
    if prep.head.pos_ == "VERB" and _first(prep.head, "dobj") is not None:
        return prep.head
    # "set a portrait of the junta leader on fire", parsed with "on fire" inside the object:
    # the verb whose object holds the phrase carries it.
    verb = next((a for a in prep.ancestors if a.pos_ == "VERB"), None)
    obj = _first(verb, "dobj") if verb is not None else None
    if obj is not None and obj.is_ancestor(prep):
        return verb
    return None


def _opponents(head: Token, roles: Roles) -> None:
    """ "clashed with the army", "fighting between troops and rebels", "X and Y clashed"."""
    anchors = [head]
    if head.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass") and head.head.i != head.i:
        anchors.append(head.head)
        anchors.extend(c for c in head.head.children if c.dep_ in ("dobj", "attr"))
    subject = _first(head, "nsubj")
    if subject is not None:
        other = next((c for c in subject.children if c.dep_ == "conj"), None)
        modifier = next((c for c in subject.children if c.dep_ in ("amod", "compound", "nmod") and any(g.dep_ == "conj" for g in c.children)), None)
        # "exchanged fire with X" hangs the 'with' phrase on the verb or on its object.
        holders = anchors + [c for c in head.children if c.dep_ == "dobj"]
        fought_with = any(c.dep_ == "prep" and c.lower_ == "with" and _first(c, "pobj") is not None
                          and not _is_weapon(_phrase(_first(c, "pobj"))) for holder in holders for c in holder.children)
        if (other is not None or modifier is not None) and fought_with:
            # "the army, the police and a militia exchanged fire with rebels": allies on one side, the
            # 'with' phrase the other.
            roles.agent, roles.agent_rule = _phrase(subject), "coordinated subjects fighting together"
        elif other is not None:
            # "The army and the rebels clashed": the two sides are the coordinated subjects.
            roles.agent, roles.agent_rule = _phrase(subject), "first of coordinated subjects"
            roles.target, roles.target_rule = _phrase(other), "second of coordinated subjects"
        elif modifier is not None:
            # "Russian and Ukrainian forces clashed": coordinated modifiers of one noun.
            second = next(g for g in modifier.children if g.dep_ == "conj")
            roles.agent, roles.agent_rule = subject.doc[modifier.i : modifier.i + 1], "first of coordinated modifiers"
            roles.target, roles.target_rule = subject.doc[second.i : second.i + 1], "second of coordinated modifiers"
    for anchor in anchors:
        for child in anchor.children:
            if child.dep_ == "prep" and child.lower_ == "with" and roles.target is None:
                pobj = _first(child, "pobj")
                if pobj is not None and not _is_weapon(_phrase(pobj)):
                    # "attacked the convoy with mines": a weapon is the means, not the other side.
                    roles.target, roles.target_rule = _phrase(pobj), WITH_SIDE_OF_A_CLASH
            elif child.dep_ == "prep" and child.lower_ == "between":
                pobj = _first(child, "pobj")
                if pobj is not None:
                    other = next((c for c in pobj.children if c.dep_ == "conj"), None)
                    roles.agent, roles.agent_rule = _phrase(pobj), "first side of 'between'"
                    if other is not None:
                        roles.target, roles.target_rule = _phrase(other), "second side of 'between'"


def _casualty_object(head: Token) -> Span | None:
    """ "..., injuring U.S. service members": the victims of a casualty verb hanging off the trigger."""
    verbs = [head, *([head.head] if head.dep_ in ("dobj", "nsubj") else [])]
    for verb in verbs:
        for child in verb.children:
            if child.dep_ in ("advcl", "conj", "xcomp") and child.lower_ in CASUALTY_VERBS:
                obj = _first(child, "dobj")
                if obj is not None:
                    return _phrase(obj)
    return None


BLAST_FAMILIES = frozenset({"explosion", "bombing", "suicide", "grenade"})
ELLIPTICAL_OBJECTS = frozenset({"another", "other", "others"})
SURRENDER_VERBS = frozenset({"surrender", "surrenders", "surrendered", "surrendering"})


def _coordinated_object(verb: Token) -> Span | None:
    """The object of the verb coordinated with `verb`, if it names a noun: "wounding a guard (and killing another)"."""
    siblings = [verb.head] if verb.dep_ == "conj" else []
    siblings += [c for c in verb.children if c.dep_ == "conj"]
    for sibling in siblings:
        obj = _first(sibling, "dobj")
        if obj is not None and obj.lower_ not in ELLIPTICAL_OBJECTS and obj.pos_ in ("NOUN", "PROPN"):
            return _phrase(obj)
    return None


def _first(token: Token, dep: str) -> Token | None:
    for child in token.children:
        if child.dep_ == dep:
            return child
    return None


FINITE_TAGS = ("VBD", "VBZ", "VBP")


def _late_by_actor(verb: Token) -> Span | None:
    doc = verb.doc
    for token in doc[verb.i + 1 : verb.sent.end]:
        if token.text in (".", ";") or (token.pos_ == "VERB" and token.i != verb.i and token.dep_ not in ("conj", "acl", "amod")):
            return None
        if token.lower_ == "by" and token.dep_ in ("prep", "agent"):
            pobj = _first(token, "pobj")
            if pobj is not None and span_groups.starting_in(doc, "actors", pobj.left_edge.i, pobj.right_edge.i + 1):
                return _phrase(pobj)
    return None


def _phrase_ending_before(verb: Token) -> Token | None:
    """The head of the longest noun phrase that ends just before `verb` (or before a parenthesis
    that stands right before it), if it names no place or time."""
    end = verb.i - 1
    if end > verb.sent.start and verb.doc[end].text == ")":
        # "gunmen (likely Zorvel militia) killed ...": the phrase before the parenthesis.
        end = next((t.i for t in reversed(verb.doc[verb.sent.start : end]) if t.text == "("), verb.i) - 1
    heads = [t for t in verb.sent if t.i < verb.i and t.right_edge.i == end and t.pos_ in ("NOUN", "PROPN", "PRON")]
    heads.sort(key=lambda t: t.left_edge.i)
    for token in heads:
        if not _is_place(token) and token.ent_type_ not in TIME_ENTITIES:
            return token
    return None


def _subject(verb: Token, dep: str = "nsubj") -> Token | None:
    """The verb's subject (or, with "nsubjpass", its passive subject); "in X township, the military
    carried out ...", "in X, Bago region, 300 soldiers were deployed": a place the parser also calls a
    subject is where, not who; "Deployment of forces: ... soldiers arrived": a heading label before a
    colon is not the subject either."""
    subjects = [c for c in verb.children if c.dep_ == dep and not _is_heading_label(c)]
    actors = [c for c in subjects if not _is_place(c)]
    return (actors or subjects or [None])[0]


def _is_place(token: Token) -> bool:
    return token.lower_ in GENERIC_PLACE_WORDS or token.ent_type_ in ("GPE", "LOC", "FAC")


HEADING_LABEL_WORDS = 5


def _is_heading_label(token: Token) -> bool:
    """ "Deployment of forces: ...": a few words and a colon opening the sentence."""
    start = token.sent.start
    if token.left_edge.i != start:
        return False
    opening = token.doc[start : min(start + HEADING_LABEL_WORDS + 1, token.sent.end)]
    return any(t.text == ":" and t.i > token.i for t in opening)


def _is_tagged_actor(token: Token) -> bool:
    return token.i in span_groups.covered_tokens(token.doc, "actors")


def _phrase(token: Token, modifiers_only: bool = False) -> Span:
    """The noun phrase a role token heads, without relative clauses and trailing prepositions."""
    doc: Doc = token.doc
    if modifiers_only:
        left = min(t.i for t in token.subtree)
        return doc[left : token.i + 1]
    keep = [token]
    for child in token.children:
        if child.dep_ in ("det", "amod", "compound", "nummod", "poss", "nmod", "quantmod", "case", "punct") and child.i < token.i:
            keep.extend(child.subtree)
        elif child.dep_ == "prep" and child.lower_ == "of" and (token.lower_ in OF_GROUP_NOUNS or token.lower_ in QUANTITY_NOUNS):
            keep.extend(child.subtree)
        elif child.dep_ == "appos":
            continue
    start = min(t.i for t in keep)
    end = max(t.i for t in keep) + 1
    while start < end and doc[start].is_punct:
        start += 1
    return doc[start:end]


def is_actor_like(span: Span) -> bool:
    return span.root.lower_ not in NON_ACTOR_HEADS

"""Event mentions: trigger words in context, with the filters that drop non-events.

A trigger is an event only when it reports something that happened: not negated,
not threatened, planned or hypothetical, and not a cumulative total.
"""

from __future__ import annotations

import re

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from conflict_events.actors.dictionary import singular
from conflict_events.actors.resolve import GENERIC_TERMS
from conflict_events.nlp.lexicon import parse_number, the_month_may
from conflict_events.nlp import spans as span_groups

# Families that name an event on their own; the rest need support from context.
STRONG_FAMILIES = frozenset(
    {
        "air", "drone", "bombing", "shelling", "missile", "rocket", "explosion", "suicide", "grenade",
        "chemical", "clash", "ambush", "attack", "raid", "kill", "shoot", "mob", "stab", "abduct",
        "sexual", "protest", "riot", "loot", "arrest", "capture", "regain", "withdraw", "handover",
        "intercept", "shootdown", "defuse", "agreement", "base", "strike", "beat", "change",
        "other", "security", "capture_person", "displacement", "election",
    }
)
FORCES_ON_THE_MOVE = frozenset({"troops", "soldiers", "forces", "military", "army", "convoy", "reinforcements", "militants",
                                "fighters", "tanks", "armoured", "armored", "battalion", "brigade", "units"})
DISPLACED_PEOPLE = frozenset({"refugees", "evacuees", "idps", "asylum-seekers", "seekers", "displaced", "civilians", "individuals", "people", "persons", "families"})
PROTEST_DESCRIBED = frozenset({"leader", "leaders", "organiser", "organisers", "organizer", "organizers", "movement", "movements",
                               "group", "groups", "committee", "committees", "coordinator", "coordinators", "icon", "figure", "figures",
                               "song", "songs", "activist", "activists"})
CORPSE_WORDS = frozenset({"body", "bodies", "corpse", "corpses", "remains"})
RESIDENT_WORDS = frozenset({"residents", "villagers", "inhabitants", "locals", "households", "farmers", "herders", "women", "children"})
PROPAGANDA_VERBS = frozenset({"distributed", "distributing", "distribute", "posted", "found", "left", "dropped", "scattered", "handed",
                              "plastered", "spread", "placed", "put", "littered"})
# "elections were held", "held a referendum", "won the election": an election that took place.
ELECTION_VERBS = frozenset({"held", "hold", "holds", "holding", "conducted", "organised", "organized", "won", "wins", "win"})
# These need a weapon in the sentence ("fired two rockets", "the drone hit the base").
WEAPON_DEPENDENT = frozenset({"hit", "target", "fire", "launch", "throw", "find"})
PROTEST_CONTEXT = (
    "demand", "against", "denounc", "condemn", "chant", "placard", "banner", "slogan", "protest",
    "rally", "petition", "call for", "calling for", "called for", "in support of", "support", "solidarity",
    "oppose", "opposing", "complain", "urg", "reject", "express", "commemorat", "mourn", "honour", "honor",
    "request", "claim", "denounce", "criticis", "criticiz", "in front of", "outside the", "demonstrat",
    "marched", "marching", "sit-in", "justice", "road", "highway", "street", "avenue", "traffic", "access", "motorcade",
    "caravan", "strike", "petition", "boycott", "resign", "release of", "anniversary", "memory of",
    "defend", "awareness", "advocat", "in favor of", "in favour of", "dispers", "at the call of",
    "over the death", "over the killing", "over the murder", "over the arrest", "over the rape", "over the abduction",
    "dissatisf", "discontent", "grievance", "voice their", "voiced their", "for peace",
    "call on", "called on", "calling on", "call upon", "called upon", "calling upon",
    "to ask", "asking for", "asking the", "asked for",
)
# Forms of demonstration that are events only when they voice a demand ("held a press conference with banners").
WEAK_PROTEST_FAMILIES = frozenset({"gather", "block", "march", "press"})
LABOR_STRIKE_WORDS = frozenset({"hunger", "general", "labour", "labor", "workers", "worker", "teachers", "nationwide", "transport", "doctors", "nurses", "went", "go", "going", "on", "indefinite", "sit-down", "warning", "day-long", "24-hour", "48-hour", "unions", "union"})
SEIZED_WEAPON_OBJECTS = ("weapon", "arms", "ammunition", "explosive", "rifle", "gun", "grenade", "cache", "mine", "ied", "rocket", "missile", "drone", "bomb", "munition")
TERRITORY_OBJECTS = ("town", "village", "city", "control", "territory", "area", "district", "base", "position", "hill", "outpost", "checkpoint", "camp", "region", "province", "locality", "airport", "border")

MODAL_AUXILIARIES = frozenset({"will", "would", "could", "may", "might", "should", "shall", "can", "must", "'ll"})
IRREALIS_GOVERNORS = frozenset(
    {
        "threaten", "threatened", "threatens", "threatening", "plan", "planned", "plans", "planning",
        "vow", "vowed", "vows", "warn", "warned", "warns", "warning", "intend", "intended", "intends",
        "prepare", "prepared", "preparing", "seek", "sought", "want", "wanted", "aim", "aimed",
        "prevent", "prevented", "deter", "fear", "feared", "fears", "risk", "urge", "urged",
        "called", "call", "calls", "demand", "demanded", "refused", "deny", "denied", "denies",
        "avoid", "avoided", "allow", "ban", "banned", "permit", "would", "consider", "considering",
        "promise", "promised", "pledge", "pledged", "ready", "able", "use", "used", "uses",
        "attempt", "attempted", "attempting", "tried", "trying", "try",
    }
)
ATTEMPT_VERBS = frozenset({"attempt", "attempted", "attempting", "tried", "trying", "try", "sought"})
AGGREGATE_HEADS = frozenset({"number", "series", "string", "wave", "spate", "dozens", "hundreds", "scores", "total", "tally", "rise", "increase", "surge", "campaign"})
NEGATORS = frozenset({"no", "not", "never", "neither", "nor", "n't", "without", "none"})


@dataclass(slots=True)
class TriggerMention:
    span: Span
    family: str
    # Why a trigger was dropped, for --explain and tests; empty when kept.
    dropped: str = ""

    @property
    def head(self) -> Token:
        return self.span.root


def find_triggers(doc: Doc, sent: Span) -> list[TriggerMention]:
    """All trigger mentions in a sentence, each either kept or with the reason it was dropped."""
    mentions: list[TriggerMention] = []
    weapons = span_groups.starting_in(doc, "weapons", sent.start, sent.end)
    for span in span_groups.starting_in(doc, "triggers", sent.start, sent.end):
        family = refine_family(span, span.label_, sent)
        mention = TriggerMention(span, family)
        mention.dropped = drop_reason(mention, sent, weapons)
        mentions.append(mention)
    for mention in mentions:
        if not mention.dropped and is_accusation(mention.head):
            mention.dropped = "an accusation, not an event"
    kept = [m for m in mentions if not m.dropped]
    if len(kept) > 1:
        for mention in kept:
            if _in_relative_clause(mention.head) and any(not _in_relative_clause(other.head) for other in kept if other is not mention):
                mention.dropped = "background in a relative clause"
            elif mention.family != "protest" and _earlier_event(mention.head) and any(not _earlier_event(other.head) for other in kept if other is not mention):
                mention.dropped = "an earlier event the sentence refers to"
    displacements = [m for m in mentions if m.family == "displacement" and not m.dropped]
    for mention in mentions:
        if mention.family != "displacement" and not mention.dropped and any(_cause_of(mention.head, d.head) for d in displacements):
            mention.dropped = "what people fled from"
    for mention in mentions:
        if mention.family == "protest" and not mention.dropped and _forbidden_by_a_ban(mention.head):
            mention.dropped = "what a ban forbids"
        elif mention.family == "protest" and not mention.dropped and _kept_from(mention.head):
            mention.dropped = "a protest people were stopped from joining"
    arrests = [m for m in mentions if m.family in ("arrest", "capture_person") and not m.dropped]
    for mention in mentions:
        if (mention.family not in ("arrest", "capture_person") and not mention.dropped and not {t.lower_ for t in mention.span} & DETENTION_PURPOSES
                and any(_reason_for(mention.head, a.head) for a in arrests)):
            mention.dropped = "why someone was arrested"
    protests = [m for m in mentions if m.family == "protest" and not m.dropped]
    if protests:
        for mention in mentions:
            if mention.family != "protest" and not mention.dropped and is_protest_topic(mention.head):
                mention.dropped = "what a protest is about"
    # "after a student was stabbed and injured": a verb coordinated with a dropped one tells the same
    # act, earlier, reported, hypothetical or denied as that one is.
    reasons = {m.head.i: m.dropped for m in mentions if m.dropped in SHARED_BY_CONJUNCTS}
    for mention in mentions:
        if not mention.dropped and mention.head.dep_ == "conj" and mention.head.head.i in reasons:
            mention.dropped = reasons[mention.head.head.i]
    return mentions


# Drop reasons that belong to a clause, not to a word: its coordinated verbs share them.
SHARED_BY_CONJUNCTS = frozenset({
    "an earlier event the sentence refers to", "background in a relative clause", "what a protest is about",
    "negated", "threatened, planned or hypothetical", "why someone was arrested", "what people fled from",
    "background time reference", "an accusation, not an event",
})


PROTEST_TOPIC_MARKERS = frozenset(
    {"against", "over", "for", "about", "demanding", "demand", "demanded", "denounce", "denouncing", "denounced",
     "condemn", "condemning", "condemned", "justice", "solidarity", "support", "commemorate", "commemorating",
     "mourn", "mourning", "following", "after", "anniversary", "memory", "death", "killing", "murder", "protest",
     "protesting", "oppose", "opposing", "accused", "arrest", "release", "reject", "rejecting", "repudiate",
     "repudiating", "case", "victims", "victim", "demanding", "seeking", "sentence", "trial"}
)


CAUSE_MARKERS = frozenset({"by", "due", "because", "amid", "following", "after", "from", "fleeing", "as", "over", "since", "response", "despite"})


def _ancestors(token: Token, limit: int = 6) -> list[Token]:
    """The token's heads, nearest first, up to `limit` of them or the root."""
    chain: list[Token] = []
    while len(chain) < limit and token.head.i != token.i:
        token = token.head
        chain.append(token)
    return chain


def _path_to(token: Token, governor: Token) -> list[Token] | None:
    """The tokens from `token` up to `governor` (not included), if `governor` is one of its first heads."""
    path = [token]
    for ancestor in _ancestors(token):
        if ancestor.i == governor.i:
            return path
        path.append(ancestor)
    return None


def _cause_of(token: Token, effect: Token) -> bool:
    """ "displaced by fighting", "fled their homes as troops raided the village": the fighting and the
    raid are why people fled, reported in the same breath; the event here is the flight."""
    path = _path_to(token, effect)
    return path is not None and any(
        t.lower_ in CAUSE_MARKERS or any(c.dep_ == "mark" and c.lower_ in CAUSE_MARKERS for c in t.children) for t in path)


# "detained teenagers for conscription": what the detention is for, not why it was made.
DETENTION_PURPOSES = frozenset({"conscription", "recruitment", "labour", "labor", "ransom"})
REASON_MARKERS = frozenset(
    {"for", "over", "supporting", "support", "praising", "organizing", "organising", "inciting", "incitement",
     "involvement", "participating", "participation", "leading", "calling", "posting", "sharing", "charges", "charged"}
)


def _reason_for(token: Token, arrest: Token) -> bool:
    """ "arrested for supporting demonstrations", "detained over his involvement in the protests":
    the protest is why someone was arrested, not the event itself."""
    path = _path_to(token, arrest)
    return path is not None and any(t.lower_ in REASON_MARKERS for t in path)


BAN_WORDS = frozenset({"ban", "bans", "banned", "banning", "prohibited", "prohibiting", "prohibition", "outlawed", "forbade", "forbidden"})


def _forbidden_by_a_ban(token: Token) -> bool:
    """ "issued a ban on all marches and protests": the protests are what was banned, not held."""
    return any(t.lower_ in BAN_WORDS for t in _ancestors(_first_of_list(token)))


def _first_of_list(token: Token) -> Token:
    """The first item of the coordinated list `token` is in ("marches, protests, ... and sit-ins"):
    the one the parser attaches to the governing word."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


# Checkpoints set up or taken down: either changes the forces' security arrangement.
CHECKPOINT_CHANGING_VERBS = frozenset({"established", "establish", "establishes", "erected", "erect", "installed", "install", "mounted",
                                       "set", "sets", "setting", "deployed", "placed", "built", "opened", "reinforced", "increased",
                                       "removed", "remove", "dismantled", "dismantle", "lifted", "lift"})
JOINING_VERBS = frozenset({"participate", "participating", "join", "joining", "attend", "attending", "reach", "reaching"})
HINDERING_WORDS = frozenset({"prevent", "prevented", "preventing", "stop", "stopped", "stopping", "block", "blocked", "blocking",
                             "delay", "delayed", "bar", "barred", "hinder", "hindered", "obstruct", "obstructed", "way"})


def _kept_from(token: Token) -> bool:
    """ "checkpoints to prevent people from reaching the capital to participate in the march", "buses
    blocked on their way to a demonstration": the protest is what they were stopped from joining,
    and the checkpoint or blockade is the event."""
    chain = _ancestors(token, limit=8)
    joining = next((i for i, t in enumerate(chain) if t.lower_ in JOINING_VERBS), None)
    return joining is not None and any(t.lower_ in HINDERING_WORDS for t in chain[joining + 1 :])


def _election_held(noun: Token) -> bool:
    if noun.lower_ in ("elected", "re-elected") and noun.pos_ == "VERB":
        # "parliament elected her as president": a vote that took place.
        return any(c.dep_ in ("dobj", "nsubjpass") for c in noun.children)
    verb = noun.head
    if noun.dep_ not in ("nsubj", "nsubjpass", "dobj") or verb.pos_ not in ("VERB", "AUX"):
        return False
    if verb.lower_ in ("took", "take", "takes", "taking") and any(c.lower_ == "place" for c in verb.children):
        return True
    return verb.lower_ in ELECTION_VERBS


def _earlier_event(token: Token) -> bool:
    """ "arrested two men after the explosion": the explosion is reported elsewhere, as its own event."""
    if token.dep_ == "pobj" and token.head.lower_ in ("after", "following", "amid", "before"):
        return True
    # "in protest of a recent attack wherein a member was assaulted": what the noun before refers to.
    return any((c.dep_ == "mark" and c.lower_ in ("after", "following", "because")) or c.lower_ in ("wherein", "whereby")
               for c in token.children)


def _in_relative_clause(token: Token) -> bool:
    """ "the land where a tower was bombed": background to the sentence's own event."""
    for _ in range(3):
        if token.dep_ == "relcl":
            return True
        if token.head.i == token.i:
            return False
        token = token.head
    return False


ACCUSATION_MARKERS = frozenset({"suspected", "accused", "charged", "convicted", "alleged", "allegedly", "suspect", "suspects", "accusing", "accusation", "accusations", "trial", "sentenced", "guilty"})


def is_accusation(head: Token) -> bool:
    """ "a man suspected of rape", "accused of killing a farmer": a charge, not an event reported here."""
    token = head
    for _ in range(3):
        if token.head.i == token.i:
            return False
        if token.dep_ in ("pobj", "pcomp") and token.head.lower_ in ("of", "for", "with") and token.head.head.lower_ in ACCUSATION_MARKERS:
            return True
        token = token.head
    return False


# Verbs that tell what someone believes happened, not what the text reports as fact.
BELIEF_VERBS = frozenset({"suspect", "suspects", "suspected", "believe", "believes", "believed", "allege", "alleges",
                          "alleged", "accuse", "accuses", "accused", "fear", "fears", "feared"})


def told_as_background(head: Token) -> bool:
    """ "The school had been demolished years ago": an act before the time of the telling (the past
    perfect); "Relatives suspect he was beaten by police": one its tellers believe happened."""
    if head.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in head.children):
        return True
    governor = head
    for _ in range(2):
        if governor.dep_ in ("ccomp", "xcomp") and governor.head.lower_ in BELIEF_VERBS:
            return True
        governor = governor.head
    return False


def is_protest_topic(head: Token) -> bool:
    """ "protested against the killing of a student": the killing is the protest's topic, not an event here;
    so is what happened before it ("after he was attacked by guards")."""
    if any(c.dep_ == "mark" and c.lower_ in ("after", "because", "since", "following") for c in head.children):
        return True
    return any(t.lower_ in PROTEST_TOPIC_MARKERS for t in _ancestors(head))


# "held a torch march", "staged a march", "took part in a peace march": verbs of a march that people put on.
MARCH_HOLDING_VERBS = frozenset({"held", "hold", "holds", "holding", "staged", "stage", "stages", "staging", "organised", "organized",
                                 "organise", "organize", "organising", "organizing", "led", "joined", "join", "took", "take", "taking"})


def _a_march_held(noun: Token) -> bool:
    """A march as a thing people held or joined: a demonstration, demand or not ("members of the party
    held a torch march to mark the leader's birthday"); not the month, nor troops marching."""
    if noun.text != noun.lower_ or noun.pos_ != "NOUN":
        return False
    governor = noun.head
    if noun.dep_ == "pobj" and governor.lower_ == "in":
        # "took part in a peace march", "took part, with their parents, in a march"
        governor = governor.head.head if governor.head.lower_ == "part" else governor.head
    elif noun.dep_ != "dobj":
        # "The march was organized by X" tells of a march already told.
        return False
    return governor.lower_ in MARCH_HOLDING_VERBS and not _military_subject(noun.doc[governor.i : governor.i + 1])


def refine_family(span: Span, family: str, sent: Span) -> str:
    """Read ambiguous trigger words in their context."""
    doc = span.doc
    before = doc[max(sent.start, span.start - 3) : span.start]
    after = doc[span.end : min(sent.end, span.end + 3)]
    words_before = {t.lower_ for t in before}
    words_after = {t.lower_ for t in after}
    sentence_lower = sent.text.lower()
    if family == "strike":
        if words_before & LABOR_STRIKE_WORDS or words_after & {"action", "by", "over", "for", "against"} and not _has_weapon(sent):
            return "labor_strike"
        if span.text.lower() in ("strike", "strikes") and "on strike" in sentence_lower:
            return "labor_strike"
    if span.text == "March" and (_is_number(doc, span.start - 1) or _is_number(doc, span.end)):
        return "none"
    if family == "riot" and span.end < sent.end and doc[span.end].lower_ in RIOT_EQUIPPED:
        # "riot police", "riot gear", "an anti-riot unit": the force sent against crowds, not a riot.
        return "none"
    if family == "block" and span.root.lower_ in ("closed", "shut"):
        # "residents closed the road", not "the borders closed by the government" or "authorities closed the park".
        subject = _subject_of(span.root, ("nsubj",))
        if span.root.tag_ != "VBD" or subject is None or subject.lower_ in MILITARY_WORDS | AUTHORITIES:
            return "none"
    if family == "protest" and span.end < sent.end and doc[span.end].lower_ in ("order", "orders"):
        # "enforcing a sit-in order": the order of a group that calls one, not a sit-in held.
        return "none"
    if family == "march" and _a_march_held(span.root):
        return "protest"
    if family in WEAK_PROTEST_FAMILIES:
        context = sentence_lower
        if len(span) > 1:
            # A phrase that names its object ("cut the road traffic", "held banners") says no demand
            # by that object; "marched" alone is a demonstration's own word.
            own = span.start_char - sent.start_char
            context = sentence_lower[:own] + " " + sentence_lower[own + len(span.text):]
        context += " " + _what_they_said_next(sent)
        return "protest" if any(word in context for word in PROTEST_CONTEXT) and not _military_subject(span) else "none"
    if family == "operation":
        # "an operation against Al Shabaab hideouts" is fighting; "a rescue operation" is not.
        tail = doc[span.end : min(sent.end, span.end + 3)]
        return "clash" if any(t.lower_ in ("against", "targeting", "on") for t in tail) else "none"
    if family == "find":
        # "the body of a man was found in the fields", "found the corpses of two herders": a killing.
        found = [c for c in span.root.children if c.dep_ in ("dobj", "nsubjpass")]
        if any(c.lower_ in CORPSE_WORDS for c in found):
            return "kill"
        # "police found a cache of rifles": a seizure; "found" alone is no event.
        armed = [w for w in span_groups.starting_in(doc, "weapons", sent.start, sent.end) if w.label_ not in ("less_lethal", "blunt")]
        return "defuse" if armed else "none"
    if family == "loot" and span.root.pos_ == "VERB":
        # "destroyed three IEDs", "dismantled an explosive device": weapons put out of use.
        objects = [c for c in span.root.children if c.dep_ in ("dobj", "nsubjpass")]
        heads = " ".join(t.lower_ for o in objects for t in o.subtree if t.i <= o.i or t.dep_ == "conj")
        if any(re.search(rf"\b{word}s?\b", heads) for word in SEIZED_WEAPON_OBJECTS):
            return "defuse"
    if family == "seize":
        objects = [c for c in span.root.children if c.dep_ in ("dobj", "nsubjpass")] or list(doc[span.end : min(sent.end, span.end + 4)])
        words = " ".join(t.text.lower() for o in objects for t in o.subtree)[:80]
        heads = " ".join(t.text.lower() for o in objects for t in o.subtree if t.i <= o.i or t.dep_ in ("conj",))
        if any(word in words for word in SEIZED_WEAPON_OBJECTS) or any(w.label_ not in ("less_lethal", "blunt") for w in span_groups.starting_in(doc, "weapons", sent.start, sent.end)):
            return "defuse"
        if any(word in heads for word in TERRITORY_OBJECTS) or any(o.ent_type_ in ("GPE", "LOC", "FAC") for o in objects):
            return "capture"
        # Seizing drugs, land or property is property destruction in the codebook.
        return "loot" if objects else "none"
    if family == "shoot" and {"down"} & words_after:
        return "shootdown"
    if family in ("capture", "regain") and span.text.lower() in ("captured", "capture"):
        tail = doc[span.end : min(sent.end, span.end + 6)].text.lower()
        if not any(word in tail for word in TERRITORY_OBJECTS) and not _is_place_object(span):
            # "captured two soldiers" is an abduction or an arrest, not territory: the captor decides.
            return "capture_person"
    if family == "arrival":
        # "2,000 refugees from Ukraine arrived in Slovakia": people displaced; "troops arrived": not that.
        subject = _subject_of(span.root)
        if subject is None:
            return "none"
        if subject.lower_ in DISPLACED_PEOPLE:
            return "displacement"
        # "7 trucks full of soldiers arrived": a movement of forces.
        return "change" if {t.lower_ for t in subject.subtree} & FORCES_ON_THE_MOVE else "none"
    if family == "injure":
        # "militiamen wounded three civilians", "was injured by gunmen": someone hurt someone; "injured in an accident": not that.
        verb = span.root
        by_someone = any(c.dep_ == "agent" for c in verb.children)
        doer = _subject_of(verb, ("nsubj",))
        if by_someone or (doer is not None and doer.pos_ in ("NOUN", "PROPN") and verb.pos_ == "VERB"):
            return "attack"
        # "four were wounded over a land dispute between two families": hurt in a fight between people.
        return "clash" if quarrel_behind(verb) is not None else "none"
    if family == "disperse":
        # "used tear gas to disperse a group of around 80 migrants": a gathering the police broke up;
        # "to disperse the crowd" breaks up one the text has told already, whatever it was.
        crowd = next((c for c in span.root.children if c.dep_ == "dobj"), None)
        told_before = crowd is not None and any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those"))
                                                for c in crowd.children)
        return "protest" if crowd is not None and crowd.lower_ in GATHERED_PEOPLE and not told_before else "none"
    if family == "hit" and _a_person_hits_a_person(span.root):
        # "prison guards hit a woman's head against the wall", "a man hit a refugee several times": a beating.
        return "beat"
    if family == "hold":
        # "police officers held 312 migrants", "the National Guard rescued 139 migrants travelling in a
        # trailer": people in an irregular crossing taken in by the state's forces are detained.
        return "arrest" if _forces_take_in_migrants(span.root) else "none"
    if family == "flight":
        # "the families fled to the district capital": people displaced; "the attackers fled": no event.
        subject = _subject_of(span.root)
        return "displacement" if subject is not None and subject.lower_ in DISPLACED_PEOPLE | RESIDENT_WORDS else "none"
    if family == "explosion" and span.start > sent.start and doc[span.start - 1].lower_ == "controlled":
        # "destroyed it through a controlled detonation": a weapon made safe.
        return "defuse"
    if family == "propaganda":
        # "distributed hundreds of antisemitic flyers", "flyers were found": propaganda spread; "a flyer said": not.
        governor = span.root.head
        for _ in range(3):  # "distributed hundreds of flyers": past the quantity, to the first verb
            if governor.pos_ in ("VERB", "AUX") or governor.head.i == governor.i:
                break
            governor = governor.head
        return "other" if governor.lower_ in PROPAGANDA_VERBS else "none"
    if family == "checkpoint":
        # "established police and military checkpoints", "removed several checkpoints": the forces' arrangement changed;
        # "attacked a checkpoint": the place of another event.
        noun = _first_of_list(span.root)
        return "change" if noun.dep_ in ("dobj", "nsubjpass") and noun.head.lower_ in CHECKPOINT_CHANGING_VERBS else "none"
    if family == "release" or family == "none":
        return "none"
    if family == "beat" and span.text.lower() == "beat" and any(t.like_num or t.lower_ in ("the", "team", "club") for t in after[:1]) and not words_after & {"him", "her", "them", "up"}:
        # "Nigeria beat Ghana 2-1": a score, not a beating.
        return "none"
    return family


QUARREL_WORDS = frozenset({"dispute", "disputes", "altercation", "quarrel", "brawl", "scuffle", "feud", "argument", "fight", "fistfight"})


def quarrel_behind(verb: Token) -> Token | None:
    """ "wounded over a land dispute", "injured after a verbal altercation turned violent": the quarrel
    that caused the harm, whose "between" phrase names the two sides."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in ("over", "in", "during", "after", "following", "amid"):
            quarrel = next((obj for obj in child.children if obj.dep_ == "pobj" and obj.lower_ in QUARREL_WORDS), None)
            if quarrel is not None:
                return quarrel
        if child.dep_ == "advcl":
            quarrel = next((c for c in child.children if c.dep_ == "nsubj" and c.lower_ in QUARREL_WORDS), None)
            if quarrel is not None:
                return quarrel
    return None


def _is_number(doc: Doc, i: int) -> bool:
    return 0 <= i < len(doc) and doc[i].like_num


MILITARY_WORDS = frozenset({"troops", "soldiers", "forces", "army", "military", "militants", "fighters", "rebels", "police", "convoy"})


CHECKPOINT_OWNERS = MILITARY_WORDS | {"regime", "government"}
AUTHORITIES = frozenset({"government", "authorities", "officials", "ministry", "municipality", "council", "governor", "mayor", "court", "regime"})


# People, as the actor coding knows them: civilians, forces, gangs, unknown assailants; and the
# state's own forces among them.
PEOPLE_WORDS = frozenset(w for kind, words in GENERIC_TERMS.items() if kind != "government" for w in words if " " not in w) - {"gunfire"} \
    | {"warden", "jailer", "member", "supporter"}
STATE_FORCE_WORDS = frozenset(w for kind in ("police", "military") for w in GENERIC_TERMS[kind] if " " not in w) | {"guard", "agent", "authorities"}


def names_one_of(noun: Token | None, words: frozenset[str]) -> bool:
    """Whether the word, or its singular, is one of the words ("troops" -> "troop")."""
    return noun is not None and (noun.lower_ in words or singular(noun.lower_) in words)


def _a_person_hits_a_person(verb: Token) -> bool:
    """Whether the verb's subject and object (or the owner of the body part hit) are people."""
    hit = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if hit is not None and not names_one_of(hit, PEOPLE_WORDS):
        hit = next((c for c in hit.children if c.dep_ == "poss"), None)  # "a woman's head"
    return verb.pos_ == "VERB" and names_one_of(_subject_of(verb, ("nsubj",)), PEOPLE_WORDS) and names_one_of(hit, PEOPLE_WORDS)


GATHERED_PEOPLE = frozenset({"group", "groups", "crowd", "crowds", "gathering", "gatherings", "protesters", "demonstrators",
                             "protest", "protests", "demonstration", "demonstrations", "rally", "rallies", "sit-in", "march",
                             "marchers", "participants", "assembly", "mob"})
MIGRANT_WORDS = frozenset({"migrant", "migrants", "refugees", "asylum", "undocumented"})


def _forces_take_in_migrants(verb: Token) -> bool:
    taken = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if taken is None or taken.lower_ not in MIGRANT_WORDS:
        return False
    # "..., Nuevo Leon, members of the National Guard rescued": the parser may make a subject of each.
    doers = [t for subject in verb.children if subject.dep_ == "nsubj" for t in subject.subtree]
    if not doers:
        # After a long opening ("On 4 May, in X municipality, Veracruz, police officers ... held") the
        # parser often leaves the subject unattached: the words from the last comma to the verb.
        start = verb.i
        while start > verb.sent.start and verb.doc[start - 1].text != ",":
            start -= 1
        doers = list(verb.doc[start : verb.i])
    return any(names_one_of(t, STATE_FORCE_WORDS) for t in doers)


# What the word "riot" names before these: the police equipped for crowds, not a riot.
RIOT_EQUIPPED = frozenset({"police", "policemen", "officers", "gear", "squad", "squads", "unit", "units", "control", "shields",
                           "troops", "forces", "act"})

# How the next sentence refers back to the people of this one: "They denounced the fuel prices."
BACK_REFERENCES = ("they ", "the protesters ", "the demonstrators ", "the participants ", "participants ", "the marchers ", "the group ")


def _what_they_said_next(sent: Span) -> str:
    """The next sentence, lower-cased, where it goes on about the same people ("... gathered in
    Zorvel. They called for ..."); else nothing."""
    doc = sent.doc
    if sent.end >= len(doc):
        return ""
    following = doc[sent.end].sent.text.strip().lower()
    return following if following.startswith(BACK_REFERENCES) else ""


def _military_subject(span: Span) -> bool:
    """ "troops blocked the road", "an army checkpoint blocked the highway": the state or an armed group acts."""
    subject = _subject_of(span.root, ("nsubj",))
    if subject is None:
        return False
    return subject.lower_ in MILITARY_WORDS or subject.lower_ in ("checkpoint", "checkpoints") and any(
        t.lower_ in CHECKPOINT_OWNERS for t in subject.subtree)


def _subject_of(verb: Token, deps: tuple[str, ...] = ("nsubj", "nsubjpass")) -> Token | None:
    return next((c for c in verb.children if c.dep_ in deps), None)


def _has_weapon(sent: Span) -> bool:
    return bool(span_groups.starting_in(sent.doc, "weapons", sent.start, sent.end))


def _is_place_object(span: Span) -> bool:
    """ "captured Starohnativka, Donetsk", "captured the town of X": territory, not people."""
    doc = span.doc
    for child in span.root.children:
        if child.dep_ != "dobj":
            continue
        if child.ent_type_ in ("GPE", "LOC", "FAC"):
            return True
        followed_by_province = child.i + 2 < len(doc) and doc[child.i + 1].text == "," and doc[child.i + 2].is_title
        if child.pos_ == "PROPN" and child.ent_type_ != "NORP" and (child.ent_type_ not in ("PERSON", "ORG") or followed_by_province):
            return True
    return False


def drop_reason(mention: TriggerMention, sent: Span, weapons: list[Span]) -> str:
    family = mention.family
    if family in ("none", "labor_strike"):
        return "not an event word here"
    if family not in STRONG_FAMILIES and family not in WEAPON_DEPENDENT:
        return "no event family"
    usable = ("less_lethal",) if family == "throw" else ("less_lethal", "blunt")
    if family in WEAPON_DEPENDENT and not [w for w in weapons if w.label_ not in usable] and not _fire_object(mention):
        return "needs a weapon"
    head = mention.head
    if family == "election" and not _election_held(head):
        return "an election mentioned, not held"
    if family == "protest" and head.dep_ in ("compound", "amod") and head.head.lower_ in PROTEST_DESCRIBED:
        # "the house of a protest leader", "a protest movement": who or what, not a protest held.
        return "describes a person or group"
    if family == "clash" and head.lower_ == "engaged" and _engaged_in_no_fight(head):
        # "engaged in a sit-in", "engaged in talks": taking part, not fighting.
        return "not an event word here"
    if family == "protest" and head.lower_ in ("picket", "pickets") and any(c.dep_ in ("compound", "amod") and c.lower_ in MILITARY_WORDS for c in head.children):
        # "fired at a police picket": a guard post, not a picket line.
        return "a guard post"
    if is_negated(head):
        return "negated"
    if is_irrealis(head):
        return "threatened, planned or hypothetical"
    if is_aggregate(mention) and family != "other":
        # "hundreds of flyers" counts things handed out, not events.
        return "cumulative total"
    if is_backgrounded(head):
        return "background time reference"
    if family != "protest" and _inside_a_name(mention.span):
        # A named march ("the Pride March") is still a protest that took place.
        return "part of a name"
    if sent.text.rstrip().endswith("?"):
        return "question"
    return ""


FIGHT_NOUNS = frozenset({"fighting", "fight", "fights", "clash", "clashes", "battle", "battles", "gunfight", "gunfights",
                         "firefight", "firefights", "exchange", "combat", "shootout", "shootouts", "skirmish", "skirmishes",
                         "hostilities", "confrontation", "confrontations", "gunbattle", "gunbattles", "firing", "fire",
                         "shooting", "gunfire", "shelling", "attack", "attacks", "war", "warfare", "violence", "scuffle", "scuffles",
                         "offensive", "offensives", "assault", "assaults", "operation", "operations", "raid", "raids", "ambush"})


def _engaged_in_no_fight(verb: Token) -> bool:
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"), None)
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    return pobj is not None and pobj.lower_ not in FIGHT_NOUNS


def _fire_object(mention: TriggerMention) -> bool:
    text = mention.span.doc[mention.span.end : mention.span.end + 3].text.lower()
    return mention.family == "fire" and any(w in text for w in ("shots", "on", "at", "upon", "into"))


def is_negated(token: Token) -> bool:
    for tok in (token, token.head) if token.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass", "attr") else (token,):
        for child in tok.children:
            if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ in NEGATORS and not _number_sign(child)):
                return True
    # "Neither attack resulted in casualties"
    for child in token.children:
        if child.lower_ in ("neither", "no") and not _number_sign(child):
            return True
    return False


def _number_sign(token: Token) -> bool:
    """ "High School no. 38", "Gate No 5": "no" abbreviating "number", not a negation."""
    doc = token.doc
    after = token.i + 1
    if after < len(doc) and doc[after].text == ".":
        after += 1
    return token.lower_ == "no" and after < len(doc) and doc[after].like_num


def is_irrealis(token: Token) -> bool:
    verb = token
    if token.pos_ in ("NOUN", "PROPN") and token.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj"):
        verb = token.head if token.dep_ != "pobj" else token.head.head
    for child in verb.children:
        if child.dep_ in ("aux", "auxpass") and child.lower_ in MODAL_AUXILIARIES and not the_month_may(child):
            return True
        if child.dep_ == "aux" and child.lower_ == "to" and verb.dep_ in ("xcomp", "acl", "ROOT") and (
            verb.head.lower_ in IRREALIS_GOVERNORS and not (verb.head.lower_ == "used" and not _habitual(verb.head)) or verb.dep_ == "ROOT"
        ):
            # "threatened to attack", "plans to strike"; not "continued to stage a picket"
            return True
        if child.dep_ == "aux" and child.lower_ == "to" and verb.dep_ == "advcl" and verb.head.lower_ in ("used", "use", "uses") and _habitual(verb.head):
            return True
        if child.dep_ == "mark" and child.lower_ in ("if", "unless", "whether"):
            return True
    ancestor = verb
    for _ in range(3):
        if ancestor.dep_ == "ccomp" and ancestor.i < ancestor.head.i:
            # "members staged a demonstration ..., they also demanded lower prices": a clause before
            # the verb is not what that verb demands or plans; it is reported or run on.
            break
        if _asserted_clause(ancestor):
            break
        if ancestor.dep_ in ("xcomp", "ccomp", "advcl", "dobj", "pobj", "acl") and ancestor.head.i != ancestor.i:
            ancestor = ancestor.head
            if ancestor.lower_ in ATTEMPT_VERBS and verb.tag_ == "VBG" and verb.dep_ == "advcl":
                # "tried to advance towards Popasna, clashing with Ukrainian forces": the attempt
                # was made, and what happened as it went on happened.
                return False
            if ancestor.lower_ in IRREALIS_GOVERNORS and ancestor.pos_ in ("VERB", "AUX", "ADJ") and not (ancestor.lower_ in ("used", "use", "uses") and (verb.pos_ != "VERB" or not _habitual(ancestor))):
                return True
            if ancestor.lower_ in ("used", "use", "uses") and verb.pos_ == "VERB" and _habitual(ancestor):
                return True
        else:
            break
    return False


def _asserted_clause(verb: Token) -> bool:
    """ "attempted to place flags, after which clashes erupted": an adverbial clause with its own
    subject and a past-tense verb tells what happened, whatever the clause it hangs on plans or tries."""
    return verb.dep_ == "advcl" and verb.tag_ == "VBD" and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _habitual(verb: Token) -> bool:
    """ "the militias have typically used drones to attack": a habit, not one event.
    "On 9 May, Russian forces used artillery to strike Popasna" is an event."""
    return verb.lower_ in ("use", "uses") or any(
        (c.dep_ == "aux" and c.lower_ in ("have", "has", "had")) or (c.dep_ == "advmod" and c.lower_ in ("typically", "often", "usually", "regularly", "frequently", "routinely"))
        for c in verb.children
    )


REMEMBRANCE_WORDS = frozenset({"anniversary", "anniversaries", "commemoration", "commemorating", "commemorate", "commemorated",
                               "memory", "memorial", "remembrance", "remembering"})
EARLIER_WORDS = frozenset({"previous", "earlier", "prior", "former"})


def is_backgrounded(token: Token) -> bool:
    """ "until November's attacks", "since the attack": an event used only to mark time; "the
    anniversary of a terrorist attack", "in memory of the victims of the massacre": one remembered."""
    if token.dep_ == "pobj" and token.head.lower_ in ("until", "since", "till", "before") and token.pos_ in ("NOUN", "PROPN"):
        return True
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    if any(child.dep_ == "amod" and child.lower_ in EARLIER_WORDS for child in token.children):
        # "shells from earlier fighting went off": an event of the past, told to explain this one.
        return True
    # "the anniversary of the attack", "in memory of the victims of the massacre"
    chain = _ancestors(token, limit=5)
    return token.dep_ == "pobj" and token.head.lower_ == "of" and any(t.lower_ in REMEMBRANCE_WORDS for t in chain[1:4])


PROPER_NAME_LABELS = frozenset({"ORG", "PERSON", "WORK_OF_ART", "LAW", "PRODUCT", "FAC"})


def _inside_a_name(span: Span) -> bool:
    """ "the Labor Fight Movement", "Operation Desert Strike": a word of a proper name, not an event."""
    doc = span.doc
    first = doc[span.start]
    if not first.is_title or first.ent_iob_ == "O" or first.ent_type_ not in PROPER_NAME_LABELS:
        return False
    # The entity's bounds from the IOB tags, without building every entity of the document.
    start = span.start
    while doc[start].ent_iob_ == "I" and start > 0:
        start -= 1
    end = span.start + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return end - start > len(span) and span.end <= end


def is_aggregate(mention: TriggerMention) -> bool:
    """"151 attacks since October", "a number of the attacks": totals, not events.

    A count on one named day ("on 3 May, a total of 6 explosions near X") is that day's event.
    """
    head = mention.head
    if head.pos_ not in ("NOUN", "PROPN") or head.tag_ not in ("NNS", "NNPS"):
        return False
    sent = head.sent
    lower = sent.text.lower()
    one_day = _names_one_day(sent)
    if any(phrase in lower for phrase in (" since ", "so far", "to date", "this year", "over the past", "in recent")):
        if any(c.dep_ in ("nummod", "amod", "quantmod") for c in head.children) or head.dep_ in ("attr", "nsubj", "pobj"):
            return True
    if one_day:
        return False
    for child in head.children:
        if child.dep_ == "nummod":
            value = _number(child)
            if value is not None and value >= 10:
                return True
            for grandchild in child.children:
                if grandchild.lower_ in ("than", "over"):
                    return True
        if child.dep_ == "prep" and child.lower_ in ("since", "so"):
            return True
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ in AGGREGATE_HEADS:
        return True
    return False


def _names_one_day(sent: Span) -> bool:
    for span in span_groups.starting_in(sent.doc, "dates", sent.start, sent.end):
        text = span.text.lower()
        if any(ch.isdigit() for ch in text) and any(m in text for m in _MONTH_WORDS) or text.rstrip("'s") in _WEEKDAY_NAMES or text in ("yesterday", "today"):
            return True
    return False


_MONTH_WORDS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _number(token: Token) -> int | None:
    return parse_number(token.lower_)

"""From a tagged Doc to ACLED-style rows: a pure function of the Doc and the resources.

Per sentence: the kept triggers, their roles, places, dates and casualties are
pooled into one candidate per place; candidates are classified by the codebook's
rules, given actors, and merged with earlier mentions of the same event
(one row per date, place, actors and type).
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Sequence

from spacy.tokens import Doc, Span

from conflict_events.actors.dictionary import singular
from conflict_events.actors.organisations import countries_of_organisations, countries_organisations_allow
from conflict_events.actors.resolve import GENERIC_TERMS, PROPERTY_NOUNS
from conflict_events.events.casualties import Casualties, casualties_in, is_additive
from conflict_events.events.classify import CROWD_NOUNS, DRUG_SEIZURE, INTERVENTION, OFF_DUTY, SYMBOLIC_OBJECTS, Evidence, classify, outside_a_grievance
from conflict_events.events.dates import ResolvedDate, resolve_date
from conflict_events.events.places import (
    GENERIC_PLACE_WORDS,
    PlaceMention,
    coded_location,
    country_context,
    link_places,
    modifies_a_thing,
    names_a_part_of_a_town,
    only_what_it_is_about,
    names_a_street,
    place_mentions,
    sentence_entities,
    towns_in_its_name,
)
from conflict_events.events.roles import WITH_SIDE_OF_A_CLASH, Roles, find_roles, is_actor_like, people_counted
from conflict_events.geo.resolve import area_name, meant_in_any_story, own_name
from conflict_events.events.triggers import CORPSE_WORDS, TriggerMention, find_triggers, names_one_of, told_as_background
from conflict_events.io.documents import Document
from conflict_events.nlp import spans as span_groups
from conflict_events.schema import (
    EVENT_TYPE_OF,
    EventRow,
    EventType,
    Inter,
    SubEventType as S,
    disorder_type,
    interaction,
)

log = logging.getLogger(__name__)

GENERIC_GROUP_WORDS = frozenset({"militia", "militias", "militants", "militant", "group", "groups", "fighters", "insurgents", "rebels", "jihadists", "proxy", "proxies", "gunmen"})
DATE_BLOCKERS = frozenset({"since", "until", "till", "by", "before"})
# "the third attack this month": the current period counts events, it does not date one.
CURRENT_PERIODS = frozenset({"this month", "this year", "this week", "the year", "this past week"})


@dataclass(slots=True)
class Candidate:
    """One event as read from one sentence."""

    sent: Span
    place: object | None  # geo.resolve.Resolution
    place_span: Span | None
    country: str
    date: ResolvedDate | None
    date_span: Span | None
    triggers: list[TriggerMention] = field(default_factory=list)
    roles: list[Roles] = field(default_factory=list)
    weapons: list[Span] = field(default_factory=list)
    casualties: Casualties = field(default_factory=Casualties)
    # Later sentences that say more about the same event ("They broke windows and set cars on fire.").
    follow_ups: list[Span] = field(default_factory=list)


@dataclass(slots=True)
class Resources:
    actors: object  # actors.ActorDictionary
    resolve_place: object  # geo.resolve.resolve_place
    country_of: object  # str -> country name | None
    admin1_countries: object = None  # str -> list of countries with an admin1 unit of that name


def default_resources(actors_file: str | None = None) -> Resources:
    from conflict_events.actors import get_actor_dictionary
    from conflict_events.geo import get_gazetteer, resolve_place

    gazetteer = get_gazetteer()

    def country_of(name: str) -> str | None:
        country = gazetteer.country(name)
        return country.name if country else None

    def province_countries(name: str) -> list[str]:
        """Countries with a province of that name, unless a big city elsewhere has it too
        ("Sofia" the capital, not the region of Madagascar)."""
        owners = gazetteer.admin1_countries(name)
        if owners and any(p.country not in owners and (p.population >= 100_000 or p.feature == "capital") for p in gazetteer.candidates(name, limit=5)):
            return []
        return owners

    return Resources(get_actor_dictionary(actors_file), resolve_place, country_of, province_countries)


def events_from_doc(doc: Doc, document: Document, resources: Resources) -> list[EventRow]:
    """All event rows an article reports, in order of first mention."""
    from conflict_events.actors import find_acronyms

    context = (country_context(doc, resources.country_of, resources.admin1_countries) or _countries_of_named_groups(doc, resources.actors)
               or countries_of_organisations(doc.text) or _where_named_groups_operate(doc, resources.actors))
    acronyms = find_acronyms(doc.text)
    state = _DocState(context=context)
    sentences = [sent for sent in doc.sents if sent.text.strip()]
    entities = sentence_entities(doc)
    places_by_sentence = [place_mentions(doc, sent, entities.get(sent.start, [])) for sent in sentences]
    resolved: dict[int, object] = {}
    for places in places_by_sentence:
        for place in places:
            if not place.anaphoric:
                resolved[id(place)] = _resolve(place, state, resources)
    if not context:
        _settle_on_hinted_country(places_by_sentence, resolved, state, resources)
        _settle_on_organisations_countries(places_by_sentence, resolved, state, resources, countries_organisations_allow(doc.text))
    for places in places_by_sentence:
        _settle_sentence_on_its_hinted_country(places, resolved, state, resources)
    places_country = _one_country_of_places(places_by_sentence, resolved)
    coded = coded_location(doc)
    coded_place = _resolve_coded(coded, places_by_sentence, state, resources) if coded is not None else None
    # A name the gazetteer does not know only places events the text leaves at country level.
    coded_override = coded_place if coded_place is not None and not isinstance(coded_place.place, UnresolvedPlace) else None
    candidates: list[Candidate] = []
    for index, (sent, places) in enumerate(zip(sentences, places_by_sentence)):
        state.new_sentence(sent)
        for place in places:
            if place.anaphoric:
                resolved[id(place)] = state.last_place
        sentence_date, date_span = _sentence_date(doc, sent, document.date, entities.get(sent.start, []))
        if sentence_date is not None:
            state.last_date, state.last_date_span = sentence_date, date_span
        for place in places:
            r = resolved[id(place)]
            if r is not None and _is_country(r) and not modifies_a_thing(place.span):
                state.sentence_country = r.place.country
            if r is not None and not place.descriptor:
                state.recent_country = r.place.country
        mentions = [m for m in find_triggers(doc, sent) if not m.dropped]
        protest = _protest_handled_here(sent, mentions, places, resolved, state, sentence_date)
        if protest is not None:
            # "Police moved in and detained three of them.": the handling of the demonstration before it.
            protest.triggers.extend(mentions)
            protest.roles.extend(find_roles(m.span) for m in mentions)
            protest.follow_ups.append(sent)
            _remember_places(places, resolved, state)
            continue
        if not mentions:
            _attach_casualties(sent, candidates, state)
            _remember_places(places, resolved, state)
            continue
        by_place: dict[str, Candidate] = {}
        unplaced: list[tuple[TriggerMention, Roles]] = []
        trigger_spans = [m.span for m in mentions]
        locations = [p for p in places if resolved[id(p)] is not None and not _is_country(resolved[id(p)])]
        locations = _without_namesakes_of_parts(locations, resolved)
        if not locations:
            # The text names a place the gazetteer does not know: keep the event with the name and
            # the country the sentence or the article names, else the last event's, and no coordinates, rather than drop it.
            country = (state.sentence_country or (context[0] if context else "") or (state.last_candidate.country if state.last_candidate else "")
                       or places_country or next(iter(_countries_of_state_bodies(doc, resources.country_of)), ""))
            for place in places:
                if (resolved[id(place)] is None and not place.anaphoric and not place.descriptor and not place.hint_only
                        and not place.facility and _looks_like_a_name(place)):
                    resolved[id(place)] = _unresolved(place, country, resources)
                    locations.append(place)

        def candidate_for(resolution, place_span: Span | None) -> Candidate:
            key = resolution.place.name
            if key not in by_place:
                by_place[key] = Candidate(
                    sent=sent,
                    place=resolution,
                    place_span=place_span,
                    country=resolution.place.country,
                    date=state.last_date,
                    date_span=state.last_date_span if sentence_date is not None else None,
                )
            return by_place[key]

        roles_of = _share_the_sentence_actor(mentions, [find_roles(m.span) for m in mentions])
        frame = _the_town_the_sentence_opens_in(sent, locations, resolved)
        for mention, roles in zip(mentions, roles_of):
            linked = link_places(mention.span, locations, trigger_spans)
            if (frame is not None and linked and frame not in linked and _frames_the_clause_of(frame, mention.span.root)
                    and not any(_said_to_be_elsewhere(p, resolved) for p in linked)):
                # "On 28 June, in Acapulco, Guerrero, workers marched on the Miguel Aleman coastline": the
                # town the sentence opens in is where all it tells happened; later names are its parts,
                # its roads, or places the people or things belong to.
                linked = [frame]
            if not linked:
                unplaced.append((mention, roles))
                continue
            for place, resolution in _one_per_locator([(p, resolved[id(p)]) for p in linked]):
                candidate = candidate_for(coded_override or resolution, place.span)
                candidate.triggers.append(mention)
                candidate.roles.append(roles)
        _remember_places(places, resolved, state)
        if by_place:
            for mention, roles in unplaced:
                nearest = min(by_place.values(), key=lambda c: abs(c.place_span.start - mention.span.start))
                nearest.triggers.append(mention)
                nearest.roles.append(roles)
        elif unplaced:
            previous = _previous_candidate(state, sentence_date)
            if (previous is not None and any(t.family == "protest" for t in previous.triggers)
                    and all(told_as_background(m.head) for m, _ in unplaced)):
                # "The school had been demolished years ago", "Relatives suspect he was beaten by police":
                # what a demonstration is about, told after it, is neither its acts nor an event of its own.
                continue
            if previous is not None and state.recent_country in ("", previous.country):
                previous.roles.extend(roles for _, roles in unplaced)
                previous.triggers.extend(mention for mention, _ in unplaced)
                previous.follow_ups.append(sent)
                previous.casualties = previous.casualties.merge(casualties_in(sent), additive=is_additive(sent))
                continue
            if state.sentence_country and coded_place is None:
                # The sentence places the event only at country level: ACLED does not record it.
                continue
            fallback = coded_place or _place_elsewhere(index, places_by_sentence, resolved, state)
            if fallback is None:
                continue
            candidate = candidate_for(fallback, None)
            for mention, roles in unplaced:
                candidate.triggers.append(mention)
                candidate.roles.append(roles)
        sentence_casualties = casualties_in(sent)
        weapons = span_groups.starting_in(doc, "weapons", sent.start, sent.end)
        for candidate in by_place.values():
            candidate.weapons = weapons
            candidate.casualties = sentence_casualties if len(by_place) == 1 else _nearest_casualties(sent, candidate)
            candidates.append(candidate)
            state.last_candidate = candidate
            state.last_candidate_sentence = state.sentence_index
            # Countries the event's own sentence names in passing ("against the invasion of Ukraine")
            # do not move the story elsewhere.
            state.recent_country = candidate.country
    rows = [row for c in candidates for row in _rows(c, doc, document, resources, acronyms, state)]
    return merge_rows(rows)


# Head nouns of an area or settlement: "fired on the village", "shelled Zorvel district".
PLACE_HEADS = frozenset({"town", "towns", "village", "villages", "city", "district", "districts", "area", "areas", "region",
                         "province", "locality", "neighbourhood", "neighborhood", "settlement", "settlements", "suburb",
                         "suburbs", "outskirts", "municipality", "hamlet", "hromada", "community"})


def _names_a_place(span: Span) -> bool:
    """Whether a role is a place rather than people or a thing: a place name or a settlement noun heads it."""
    root = span.root
    return root.ent_type_ in ("GPE", "LOC") or root.lower_ in PLACE_HEADS


# Said of the victim just after the words naming them: "a police officer (assumed off duty)",
# "a soldier [off-duty]", "a policeman, who was off duty,".
OFF_DUTY_AFTER = re.compile(r"^\s*(?:\w+\s+)?(?:[(\[][^)\]]{0,30}|,\s*who (?:was|were)\s+)\b(off[- ]duty|retired|unarmed)\b", re.IGNORECASE)


# Verbs whose subject saw or recorded what happened: "the OSCE SMM observed 16 explosions". Verbs of
# saying are not among them: "the army said it killed five militants" names who acted.
WITNESS_VERBS = frozenset({
    "observed", "observes", "observe", "recorded", "records", "record", "registered", "registers", "monitored",
    "monitors", "noted", "notes", "documented", "documents", "counted", "counts", "witnessed", "witnesses",
    "heard", "hears", "saw", "sees", "seen", "spotted"})


def _a_witness(span: Span) -> bool:
    """The subject of a verb of seeing or recording (the pipeline has no lemmatizer: the forms are listed)."""
    root = span.root
    return root.dep_ in ("nsubj", "nsubjpass") and root.head.lower_ in WITNESS_VERBS


def _off_duty(target: Span) -> bool:
    doc = target.doc
    return bool(OFF_DUTY.search(target.text) or OFF_DUTY_AFTER.match(doc.text[target.end_char : target.end_char + 60]))


# People named by the group they belong to: "a QSD member", "two Wagner fighters".
MEMBER_NOUNS = frozenset({"member", "members", "fighter", "fighters", "militant", "militants", "commander", "commanders",
                          "cadre", "cadres", "combatant", "combatants", "operative", "operatives", "militiaman", "militiamen"})


def _victims_group(actor: Span) -> Span | None:
    """The phrase "a QSD member" when it names someone acted on (a passive subject, an object, the
    body of whom was found), with the actor naming their group; else None."""
    root = actor.root
    if root.dep_ in ("compound", "amod", "nmod", "nummod"):
        head = root.head  # "a QSD member"
    elif root.dep_ == "pobj" and root.head.lower_ == "of":
        head = root.head.head  # "four members of the QSD"
    else:
        return None
    if head.lower_ not in MEMBER_NOUNS:
        return None
    role = head.head if head.dep_ == "appos" else head  # "in X, a QSD member, was shot"
    if role.dep_ not in ("nsubjpass", "dobj", "pobj") or (role.dep_ == "pobj" and role.head.lower_ == "of"
                                                         and role.head.head.lower_ not in CORPSE_WORDS):
        return None
    return actor.doc[min(actor.start, head.i) : max(actor.end, head.i + 1)]


def _weapon_class(weapon: Span, families: set[str]) -> str:
    """ "threw projectiles at the police": what a hand throws is no missile."""
    if weapon.label_ == "missile" and weapon.root.lower_.startswith("projectile") and "throw" in families:
        return "blunt"
    return weapon.label_


def _by_the_state(agent: Span | None, resolve) -> bool:
    actor = resolve(agent) if agent is not None else None
    return actor is not None and actor.inter in (Inter.STATE_FORCES, Inter.EXTERNAL_OTHER)


# Words under which violence is what a demonstration is about: "protested against the attacks",
# "gathered after a student was stabbed", "claiming that the guards beat him".
GRIEVANCE_HEADS = frozenset(
    {"against", "over", "after", "following", "about", "since", "because", "claiming", "alleging", "accusing",
     "denouncing", "denounce", "condemning", "condemn", "demanding", "demand", "justice", "commemorate",
     "commemorating", "mark", "marking", "stated", "said", "claimed", "alleged", "suspect", "suspected",
     "oppose", "opposing", "opposed", "protest", "protesting", "protested", "reject", "rejecting", "rejected",
     "demanded", "denounced", "condemned", "repudiate", "repudiating", "investigation", "tribute", "honour", "honor",
     "mourn", "mourning", "remember", "remembering", "vigil"}
)
PROTEST_NOUNS = frozenset({"protest", "solidarity", "memory", "commemoration", "honour", "honor", "awareness"})


def _the_grievance(trigger: Span) -> bool:
    """A violent word the demonstration is about, not one the demonstrators did."""
    token = trigger.root
    while token.head.i != token.i:
        if token.dep_ == "relcl" and token.head.lower_ not in CROWD_NOUNS:
            # "relatives of a trader who was detained": what befell someone the crowd speaks of.
            return True
        token = token.head
        if token.lower_ in GRIEVANCE_HEADS or (token.lower_ == "of" and token.head.lower_ in PROTEST_NOUNS):
            return True
        if token.lower_ in ("pay", "paid", "paying"):
            if any(child.lower_ in ("tribute", "homage", "respects") for child in token.children):
                return True  # "paid tribute to a cyclist run over by a lorry"
    return False


PEOPLE_OF_A_NATION = frozenset({"nationals", "citizens", "expatriates", "expats", "immigrants", "diaspora", "community"})


def _nationality_of_people(span: Span, country_of) -> str | None:
    """The country of a crowd named by its nationality: "Iranians", "some 50 Chileans living in X",
    "Eritrean nationals", "the Somali diaspora"."""
    root = span.root
    if root.lower_ in PEOPLE_OF_A_NATION:
        adjective = next((c for c in root.children if c.dep_ in ("amod", "compound") and c.text[:1].isupper()), None)
        return country_of(adjective.text) if adjective is not None else None
    if root.tag_ in ("NNPS", "NNS") and root.text[:1].isupper() and root.text.endswith("s"):
        return country_of(root.text)
    return None


def _countries_of_named_groups(doc: Doc, actors) -> list[str]:
    """A text that names no country but names a group active in only one ("QSD", "al-Shabaab") is about that country."""
    counts: Counter[str] = Counter(c for s in span_groups.group(doc, "actors") if (c := actors.home_country(s.label_)))
    return [c for c, _ in counts.most_common()]


def _where_named_groups_operate(doc: Doc, actors) -> list[str]:
    """A text that names no country, nor a group active in only one, but names a group active in a few
    ("JNIM militants ... in the village of Kondouagou (Yamba, Gourma)") is about one of those."""
    return list(dict.fromkeys(c for s in span_groups.group(doc, "actors") for c in actors.countries_operated_in(s.label_)))


# The one-word names of a state's forces and offices: "the Algerian Army", "Iraqi troops".
STATE_BODY_WORDS = frozenset(w for kind in ("military", "police", "government") for w in GENERIC_TERMS[kind] if " " not in w)


def _countries_of_state_bodies(doc: Doc, country_of) -> list[str]:
    """The states whose forces or offices a text names by nationality ("the Algerian Army killed ...",
    "an Iraqi army position", "a former member of the Afghan police"), most named first.

    Where a text names no country, no group, and no place the gazetteer knows, that state is where
    the place lies more often than not; it does not outweigh a place found ("Russian forces shelled
    Zorvel, Khmelnytsky")."""
    counts: Counter[str] = Counter()
    for token in doc[:-1]:
        # The body may be the word the nationality modifies or, in "an Iraqi army position", the next one.
        if (token.dep_ in ("amod", "compound", "nmod") and token.text[:1].isupper()
                and (names_one_of(doc[token.i + 1], STATE_BODY_WORDS) or (token.head.i != token.i and names_one_of(token.head, STATE_BODY_WORDS)))
                and (country := country_of(token.text))):
            counts[country] += 1
    return [c for c, _ in counts.most_common()]


OPENING_TOKENS = 12


def _the_town_the_sentence_opens_in(sent: Span, locations: list[PlaceMention], resolved: dict) -> PlaceMention | None:
    """The town named by an "in X," or "in X (Province)," that opens the sentence after its date."""
    for place in locations:
        start = place.span.start
        if start - sent.start > OPENING_TOKENS:
            break
        doc = sent.doc
        opened = start >= sent.start + 2 and doc[start - 1].lower_ == "in" and doc[start - 2].text == ","
        end = max(place.span.end, place.written_end)
        if end < sent.end and doc[end].lower_ in GENERIC_PLACE_WORDS:
            end += 1  # "in Rio Grande municipality, Zacatecas,", "in Insein township (Yangon-North district)"
        closed = end < sent.end and doc[end].text in (",", "(")
        resolution = resolved.get(id(place))
        if (opened and closed and resolution is not None and not place.near and not place.anaphoric
                and getattr(resolution.place, "feature", "") in ("populated place", "capital") and resolution.geo_precision == 1):
            return place
    return None


def _frames_the_clause_of(frame: PlaceMention, trigger) -> bool:
    """Whether the opening "in X" belongs to the trigger's own clause, not to a verb of saying whose
    report holds it ("On Monday, in Kyiv, the president said Russian forces shelled Kharkiv")."""
    governor = frame.span.doc[frame.span.start - 1].head.i
    token = trigger
    while token.i != governor:
        if token.dep_ in ("ccomp", "parataxis") or token.head.i == token.i:
            return False
        token = token.head
    return True


def _said_to_be_elsewhere(place: PlaceMention, resolved: dict) -> bool:
    """A later place the text puts the event in outright: "in Indaiatuba" (not "in the Pauk Taw ward", a
    part of the opening town), or a province ("the state of emergency in La Araucania")."""
    doc = place.span.doc
    before = place.span.start - 1
    if before >= 0 and doc[before].lower_ == "the":
        before -= 1
    resolution = resolved.get(id(place))
    province_wide = resolution is not None and (resolution.geo_precision == 3 or getattr(resolution.place, "feature", "") in ("admin1", "country"))
    return province_wide or (before >= 0 and doc[before].lower_ in ("in", "at") and not names_a_part_of_a_town(place))


def _province_level(resolution) -> bool:
    return getattr(resolution, "rule", "").startswith(("admin1", "direction+admin1")) and getattr(resolution, "located_by", None) is None


def _one_per_locator(linked: list[tuple[PlaceMention, object]]) -> list[tuple[PlaceMention, object]]:
    """ "airstrikes on A, B and C in Marte LGA", none of the villages known: one event, at the place
    that locates them all, rather than one row per name on the same coordinates."""
    if len(linked) < 2:
        return linked
    # "in Playas de Rosarito, Sinaloa" read as a list: the province only says where the town is.
    towns = [r for _, r in linked if getattr(r, "geo_precision", None) != 3 or getattr(r, "located_by", None) is not None]
    linked = [(p, r) for p, r in linked if not (_province_level(r) and any(t is not r and t.place.admin1 == r.place.admin1 for t in towns))] or linked
    kept: list[tuple[PlaceMention, object]] = []
    shared: dict[tuple, int] = {}
    for place, resolution in linked:
        locator = getattr(resolution, "located_by", None)
        if locator is None:
            kept.append((place, resolution))
            continue
        key = (locator.name, locator.latitude, locator.longitude)
        if key in shared:
            first_place, first = kept[shared[key]]
            kept[shared[key]] = (first_place, replace(first, place=locator, located_by=None, rule=first.rule + ", several unknown places"))
        else:
            shared[key] = len(kept)
            kept.append((place, resolution))
    return kept


def _without_namesakes_of_parts(locations: list[PlaceMention], resolved: dict) -> list[PlaceMention]:
    """ "in the rural area of Caruaru municipality (Pernambuco), ... in Campo Novo farm": a part of a town,
    named without a province of its own, that the gazetteer finds in another province of the country
    the sentence's hinted town is in, is a namesake; the part lies in that town."""
    hinted = {(r.place.country, r.place.admin1) for p in locations if p.admin_hints and (r := resolved[id(p)]) is not None}
    if not hinted:
        return locations
    countries = {country for country, _ in hinted}

    def namesake(place: PlaceMention) -> bool:
        r = resolved[id(place)]
        return (not place.admin_hints and names_a_part_of_a_town(place) and r.place.country in countries
                and (r.place.country, r.place.admin1) not in hinted)

    return [p for p in locations if not namesake(p)] or locations


def _place_elsewhere(index: int, places_by_sentence: list[list[PlaceMention]], resolved: dict, state: "_DocState"):
    """A sentence that names no place reports an event where the text last was, or, at the
    start of a text, where it goes on to be: "Gunmen killed two farmers. The attack took
    place in X."  Country-level names never count."""
    if state.last_place is not None and state.recent_country in ("", state.last_place.place.country):
        return state.last_place
    for places in places_by_sentence[index + 1 : index + 3]:
        for place in places:
            r = resolved.get(id(place))
            if r is not None and not _is_country(r) and not place.descriptor and not place.anaphoric:
                if state.sentence_country in ("", r.place.country):
                    return r
    return None


@dataclass(slots=True)
class _DocState:
    context: list[str]
    last_date: ResolvedDate | None = None
    last_date_span: Span | None = None
    last_place: object | None = None
    last_candidate: Candidate | None = None
    last_candidate_sentence: int = -10
    sentence_index: int = -1
    sentence_country: str = ""
    # The country of the most recent place named, country-level names included.
    recent_country: str = ""
    # The article's most-named armed group, per event country and date ("the militia").
    dominant_groups: dict = field(default_factory=dict)

    def new_sentence(self, sent: Span) -> None:
        self.sentence_index += 1
        self.sentence_country = ""


def _sentence_date(doc: Doc, sent: Span, document_date: dt.date | None, ents: list[Span]) -> tuple[ResolvedDate | None, Span | None]:
    spans = list(span_groups.starting_in(doc, "dates", sent.start, sent.end))
    taken = {i for s in spans for i in range(s.start, s.end)}
    spans += [e for e in ents if e.label_ == "DATE" and taken.isdisjoint(range(e.start, e.end))]
    for span in sorted(spans, key=lambda s: s.start):
        before = doc[span.start - 1].lower_ if span.start > sent.start else ""
        if before in DATE_BLOCKERS or span.text.lower() in CURRENT_PERIODS:
            continue
        text = span.text
        if span.start > sent.start and doc[span.start - 1].lower_ in ("around", "about"):
            text = "around " + text
        resolved = resolve_date(text, document_date)
        if resolved is None:
            continue
        if document_date is not None and resolved.date > document_date + dt.timedelta(days=1):
            continue
        return resolved, span
    return None, None


# A city big enough that a building named after it, in a text about its country, is in it ("Donetsk Filtration Station").
BUILDING_TOWN_POPULATION = 100_000

HINT_CONFIRMED_RULES = ("admin-hint", "hint-town-fallback", "hint-admin1-fallback", "street-in-town")


def _settle_on_hinted_country(places_by_sentence, resolved: dict[int, object], state: _DocState, resources: Resources) -> None:
    """A text naming no country: the first place its admin names confirm gives the country for the rest.

    "in Mejicanos (San Salvador) ... in Lorena": Lorena is looked for in El Salvador before abroad.
    """
    # A building is placed by the town it is in ("the Revenue Authority in Bari"): that town speaks for itself.
    confirmed = [r.place.country for places in places_by_sentence for p in places
                 if not p.facility and (r := resolved.get(id(p))) is not None and getattr(r, "rule", "") in HINT_CONFIRMED_RULES and r.place.country]
    if not confirmed:
        return
    country = confirmed[0]
    state.context = [country]
    for places in places_by_sentence:
        for place in places:
            r = resolved.get(id(place))
            if place.anaphoric or (r is not None and (r.place.country == country or getattr(r, "rule", "") in HINT_CONFIRMED_RULES)):
                continue
            again = _resolve(place, state, resources)
            if again is not None and again.place.country == country:
                resolved[id(place)] = again
            elif r is not None and not place.admin_hints and not meant_in_any_story(r.place, place.text):
                # "in Mejicanos, San Salvador, ... in the Flor Blanca community": a bare name that El
                # Salvador lacks is a part of a town the gazetteer does not know, not Mexico's Flor Blanca.
                resolved[id(place)] = None


def _settle_on_organisations_countries(places_by_sentence, resolved: dict[int, object], state: _DocState, resources: Resources,
                                       allowed: tuple[str, ...]) -> None:
    """A text naming no country but bodies that exist in a few ("at the call of the CGT", Brest): a place
    found in another country is looked for in those first, and kept abroad only if none has it."""
    if not allowed:
        return
    for places in places_by_sentence:
        for place in places:
            r = resolved.get(id(place))
            if r is None or place.anaphoric or r.place.country in allowed or _is_country(r) or getattr(r, "rule", "") in HINT_CONFIRMED_RULES:
                continue
            for country in allowed:
                again = _resolve(place, state, resources, first_country=country)
                if again is not None and again.place.country == country and not getattr(again, "rule", "").endswith("fallback"):
                    resolved[id(place)] = again
                    break


def _settle_sentence_on_its_hinted_country(places: list[PlaceMention], resolved: dict[int, object], state: _DocState,
                                           resources: Resources) -> None:
    """A place its admin names confirm settles the country of the bare names beside it.

    "overtook Tanda near Shangi (Rutshuru, Nord-Kivu)": Tanda is looked for in DR Congo, and a town
    of that name in India is not it; only what any story may mean (a capital, a big city, a
    province) keeps its own country.
    """
    confirmed = [r.place.country for p in places
                 if not p.facility and (r := resolved.get(id(p))) is not None and r.place.country and _confirmed_by_its_hints(p, r, resources)]
    if not confirmed:
        return
    country = confirmed[0]
    for place in places:
        r = resolved.get(id(place))
        if (r is None or place.anaphoric or place.admin_hints or r.place.country == country
                or _is_country(r) or meant_in_any_story(r.place, place.text)):
            continue
        again = _resolve(place, state, resources, first_country=country)
        resolved[id(place)] = again if again is not None and again.place.country == country else None


def _confirmed_by_its_hints(place: PlaceMention, resolution, resources: Resources) -> bool:
    """Placed by its admin names, or found in a province of its country that they name ("Ar Rutba district,
    Anbar"). A country's name ("Oslo, Norway") places no more than naming the country does."""
    units = [h for h in place.admin_hints if resources.country_of(h) is None]
    if not units:
        return False
    if getattr(resolution, "rule", "") in HINT_CONFIRMED_RULES:
        return True
    return resources.admin1_countries is not None and any(
        resolution.place.country in resources.admin1_countries(area_name(h)) for h in units)


def _one_country_of_places(places_by_sentence, resolved: dict[int, object]) -> str:
    """The country of every place the text locates, if they share one.

    "in Speney Adda ... Coded as provincial capital Baquba city": a name the gazetteer does not
    know lies where the places around it do, even when those come later in the text."""
    countries = {r.place.country for places in places_by_sentence for p in places
                 if not p.anaphoric and not p.descriptor and (r := resolved.get(id(p))) is not None and r.place.country
                 # "against the war in Ukraine": a country a thing is about places nothing.
                 and not (_is_country(r) and only_what_it_is_about(p.span))}
    return countries.pop() if len(countries) == 1 else ""


def _resolve(place: PlaceMention, state: _DocState, resources: Resources, first_country: str = ""):
    if place.anaphoric:
        return state.last_place
    first_country = first_country or state.sentence_country
    context = [first_country] + [c for c in state.context if c != first_country] if first_country else state.context
    try:
        resolution = resources.resolve_place(place.text, context_countries=context, admin_hints=place.admin_hints, near=place.near)
    except Exception:  # a gazetteer miss must never end a document
        log.debug("place lookup failed for %r", place.text, exc_info=True)
        return None
    if place.facility and (resolution is None or getattr(resolution, "rule", "").endswith("fallback")):
        # A building the gazetteer lacks, named after its town ("Pietermaritzburg High Court"): the town.
        for town in towns_in_its_name(place.span):
            named = resources.resolve_place(town, context_countries=context, admin_hints=place.admin_hints)
            if named is not None and _the_town_of_its_building(named, resolution):
                return replace(named, geo_precision=2 if place.near else 1, rule="town of its building")
    town = getattr(resolution, "located_by", None)
    if (names_a_street(place.span) and getattr(resolution, "rule", "") == "hint-town-fallback" and town is not None
            and town.feature in ("populated place", "capital")):
        # "on Cenderawasih Road, Timika town": a street is coded to its town, which is known.
        return replace(resolution, place=town, geo_precision=2 if place.near else 1, rule="street-in-town")
    if (resolution is not None and place.city_district and resolution.place.feature not in ("country", "admin1")
            and (resolution.geo_precision == 1 or resolution.place.feature == "admin2")):
        # "City - District", as the text names it, at the city's coordinates.
        resolution = replace(resolution, place=replace(resolution.place, name=place.written_name))
    return resolution


def _the_town_of_its_building(town, building) -> bool:
    """A town found by name, in the province the building's own admin names place it in, or a city of the
    text's country: "Santa Isabel Square" in Sao Paulo is no building of a town called Santa Isabel, the
    "Damascus Gate" of Jerusalem none of Damascus, "Gangwon Provincial Office" none of Gangwon's seat."""
    if town.geo_precision != 1 or town.place.feature not in ("populated place", "capital"):
        return False
    if building is not None and (town.place.country, town.place.admin1) == (building.place.country, building.place.admin1):
        return True
    return town.rule == "context-country" and town.place.population >= BUILDING_TOWN_POPULATION


@dataclass(frozen=True, slots=True)
class UnresolvedPlace:
    name: str
    country: str
    admin1: str = ""
    admin2: str = ""
    latitude: float | None = None
    longitude: float | None = None
    feature: str = "unresolved"
    iso: int | None = None
    region: str = ""


@dataclass(frozen=True, slots=True)
class UnresolvedResolution:
    place: UnresolvedPlace
    geo_precision: int | None = None
    rule: str = "not in the gazetteer: name and country kept, no coordinates"


CODED_AS_WORDS = frozenset({"coded", "identified", "named", "referred"})


GUESS_WORDS = frozenset({"assumed", "likely", "presumed", "presumably", "suspected", "believed", "probably", "reportedly"})


def _named_in_parenthesis(span: Span, doc: Doc, lead_words: frozenset[str]) -> Span | None:
    """What a parenthesis right after the phrase says it is: "(coded as X)", "(assumed X)",
    "(likely X)", "(believed to be X)"; a tagged actor inside it if there is one, else its words.
    Without brackets, "believed to be X" or "identified as X" right after the phrase counts with a tagged actor."""
    start = span.end
    if start + 2 < len(doc) and doc[start].lower_ in lead_words and doc[start + 1].lower_ in ("to", "as"):
        # The same said without the brackets: "an unknown armed group believed to be X".
        return next((s for s in span_groups.starting_in(doc, "actors", start + 2, min(len(doc), start + 6))), None)
    if start + 2 >= len(doc) or doc[start].text != "(" or doc[start + 1].lower_ not in lead_words:
        return None
    close = next((t.i for t in doc[start : min(len(doc), start + 16)] if t.text == ")"), None)
    if close is None:
        return None
    tagged = next((s for s in span_groups.group(doc, "actors") if start < s.start and s.end <= close), None)
    if tagged is not None:
        return tagged
    first = start + 2
    while first < close and doc[first].lower_ in ("to", "be", "as"):
        first += 1
    return doc[first:close] if first < close else None


def _actor_attached(root, doc: Doc) -> Span | None:
    """A known actor in a 'from' or 'of' phrase or a parenthesis hanging on the phrase's head."""
    for child in root.children:
        if (child.dep_ == "prep" and child.lower_ in ("from", "of")) or child.dep_ in ("parataxis", "appos"):
            subtree = list(child.subtree)
            lo, hi = subtree[0].i, subtree[-1].i + 1
            found = [s for s in span_groups.group(doc, "actors") if lo <= s.start and s.end <= hi]
            if found:
                return found[0]
    return None


def _resolve_coded(coded: PlaceMention, places_by_sentence: list[list[PlaceMention]], state: _DocState, resources: Resources):
    """The place a coding note names, looked up within the place it clarifies ("in Chubut
    province (coded to Rawson)"), or its name kept with the country the text names last
    before the note ("arrived in Slovakia [coded to Vysne Nemecke]")."""
    doc = coded.span.doc
    clarified = [p for places in places_by_sentence for p in places
                 if not p.anaphoric and p.span.end <= coded.span.start and coded.span.start - p.span.end <= 6]
    if clarified:
        coded.admin_hints = list(dict.fromkeys([*coded.admin_hints, clarified[-1].text, *clarified[-1].admin_hints]))
    resolution = _resolve(coded, state, resources)
    if resolution is not None and not _is_country(resolution):
        return resolution
    if not _looks_like_a_name(coded):
        return None
    before = doc[max(0, coded.span.start - 8) : coded.span.start]
    named = [resources.country_of(ent.text) for ent in before.ents if ent.label_ in ("GPE", "LOC")]
    country = next((c for c in reversed(named) if c), "") or (state.context[0] if state.context else "")
    return _unresolved(coded, country, resources) if country else None


def _looks_like_a_name(place: PlaceMention) -> bool:
    tokens = [t for t in place.span if not t.is_punct]
    return bool(tokens) and tokens[0].is_title and len(place.text) > 2 and not tokens[0].like_num


def _unresolved(place: PlaceMention, country: str, resources: Resources) -> UnresolvedResolution:
    admin1 = ""
    for hint in place.admin_hints:
        name = area_name(hint)
        owners = resources.admin1_countries(name) if resources.admin1_countries else []
        if country in owners:
            admin1 = name
            break
    name = place.written_name if place.city_district else own_name(place.text)
    return UnresolvedResolution(UnresolvedPlace(name=name, country=country, admin1=admin1))


def _is_country(resolution) -> bool:
    return getattr(resolution.place, "feature", "") == "country"


def _remember_places(places: list[PlaceMention], resolved: dict, state: _DocState) -> None:
    for place in places:
        r = resolved.get(id(place))
        # "in Guaruja (Sao Paulo)": the province in brackets says where Guaruja is, not where the text is.
        if r is not None and not _is_country(r) and not place.descriptor and not place.hint_only:
            state.last_place = r


def _share_the_sentence_actor(mentions: list[TriggerMention], roles_of: list[Roles]) -> list[Roles]:
    """ "troops abducted eight farmers as human shields", "detained teenagers for conscription":
    an event noun with no actor of its own is the act of the sentence's verb's actor."""
    verb_agents = [(m.span.root.i, r.agent) for m, r in zip(mentions, roles_of)
                   if r.agent is not None and m.span.root.pos_ in ("VERB", "AUX")]
    if not verb_agents:
        return roles_of
    shared = []
    for mention, roles in zip(mentions, roles_of):
        if roles.agent is None and mention.span.root.pos_ not in ("VERB", "AUX"):
            _, agent = min(verb_agents, key=lambda va: abs(va[0] - mention.span.root.i))
            roles = replace(roles, agent=agent, agent_rule="the actor of the sentence's verb")
        shared.append(roles)
    return shared


HANDLING_DISTANCE = 3


def _protest_handled_here(sent: Span, mentions: list[TriggerMention], places: list[PlaceMention], resolved: dict,
                          state: _DocState, sentence_date: ResolvedDate | None) -> Candidate | None:
    """The last demonstration told, if this sentence only says how the authorities handled it.

    The handling often comes after what the crowd demanded ("They called for ... The police
    intervened"), so a few sentences may lie between, as long as no other event was told there.
    """
    previous = state.last_candidate
    if previous is None or state.sentence_index - state.last_candidate_sentence > HANDLING_DISTANCE or sentence_date is not None:
        return None
    if not any(t.family == "protest" for t in previous.triggers):
        return None
    if any(m.family != "arrest" for m in mentions) or not outside_a_grievance(INTERVENTION, sent.text.lower()):
        return None
    for place in places:
        r = resolved.get(id(place))
        if not place.anaphoric and r is not None and previous.place is not None and r.place.name != previous.place.place.name:
            return None
    return previous


def _previous_candidate(state: _DocState, sentence_date: ResolvedDate | None) -> Candidate | None:
    previous = state.last_candidate
    if previous is None:
        return None
    distance = state.sentence_index - state.last_candidate_sentence
    if sentence_date is not None and previous.date is not None:
        # A sentence dated like the last event may refer back further than an undated one.
        if sentence_date.date != previous.date.date or sentence_date.precision != previous.date.precision:
            return None
        return previous if distance <= 4 else None
    return previous if distance <= 2 else None


def _attach_casualties(sent: Span, candidates: list[Candidate], state: _DocState) -> None:
    previous = _previous_candidate(state, None)
    if previous is not None and state.recent_country in ("", previous.country) and state.sentence_index - state.last_candidate_sentence == 1:
        previous.follow_ups.append(sent)
    found = casualties_in(sent)
    if not found.spans:
        return
    previous = _previous_candidate(state, None)
    if previous is not None and state.recent_country in ("", previous.country):
        previous.casualties = previous.casualties.merge(found, additive=is_additive(sent))


def _nearest_casualties(sent: Span, candidate: Candidate) -> Casualties:
    anchor = candidate.place_span.start if candidate.place_span is not None else sent.start
    best = Casualties()
    for span in span_groups.starting_in(sent.doc, "casualties", sent.start, sent.end):
        if abs(span.start - anchor) < 15:
            best = best.merge(casualties_in(sent, span.start, span.end), additive=True)
    return best


def _rows(candidate: Candidate, doc: Doc, document: Document, resources: Resources, acronyms, state: _DocState) -> list[EventRow]:
    resolution = candidate.place
    place = resolution.place
    country = place.country
    event_date = candidate.date.date if candidate.date else None
    actors = resources.actors

    def resolve(span: Span | None):
        if span is None:
            return None
        return _actor_for(span, actors, country, event_date, acronyms, doc, state)

    agent = target = None
    agent_span = target_span = None
    for roles in candidate.roles:
        if roles.agent is not None and target_span is not None and target_span.start <= roles.agent.start < target_span.end:
            # "a mine hit a Turkish military convoy": whose convoy it was, inside what was hit, is no attacker.
            roles = replace(roles, agent=None)
        if agent is None and roles.agent is not None:
            # "a crowd torched a kiosk. The blaze spread to a shop": a later subject replaces
            # one that names no actor only if it names one itself.
            later = resolve(roles.agent)
            if later is not None or agent_span is None:
                agent, agent_span = later, roles.agent
        if target is None and roles.target is not None and is_actor_like(roles.target):
            target, target_span = resolve(roles.target), roles.target
        elif target is None and roles.target is not None:
            target, target_span = resolve(roles.target), roles.target
    if agent is None and agent_span is None and candidate.triggers:
        # The parser found no subject ("IS militants detonated ..." misread): a named actor
        # standing before the first trigger in its sentence, outside the target, acted.
        first = candidate.triggers[0].span
        taken = set(range(target_span.start, target_span.end)) if target_span is not None else set()
        # Not one in a prepositional or object phrase: "according to the Pentagon", "fired at U.S. troops".
        before = [s for s in span_groups.starting_in(doc, "actors", first.sent.start, first.start)
                  if taken.isdisjoint(range(s.start, s.end)) and s.root.dep_ not in ("pobj", "dobj", "dative", "appos", "conj")
                  and _victims_group(s) is None and not _a_witness(s)]
        if before:
            agent_span = before[-1]
            agent = resolve(agent_span)
    if target is None or target.inter == 0:
        # "the body of a QSD member was found", "a suspected MS-13 member was shot": the victims' group is the other side.
        victims = next(((s, phrase) for s in span_groups.starting_in(doc, "actors", candidate.sent.start, candidate.sent.end)
                        if s is not agent_span and (phrase := _victims_group(s)) is not None), None)
        if victims is not None and (group := resolve(victims[0])) is not None and (agent is None or group.name != agent.name):
            target, target_span = group, victims[1]
    if target_span is not None and _off_duty(target_span):
        # "an off-duty policeman", "a former soldier": civilians by the codebook.
        target = actors.resolve("civilians", event_country=country, event_date=event_date)
    elif (target_span is None or target_span.root.lower_ in ("convoy", "convoys")) and COMPANY_CONVOY.search(candidate.sent.text):
        # A contractor's convoy and its drivers are civilians, whoever the contractor works for.
        target = actors.resolve("civilians", event_country=country, event_date=event_date)
    if agent is not None and target is not None and agent.name == target.name:
        target = None
    if agent is None and target is not None:
        # "two soldiers were killed in clashes with ELN guerrillas": the side the victims clashed with is the other party.
        for trigger, roles in zip(candidate.triggers, candidate.roles):
            if trigger.family == "clash" and roles.target is not None and roles.target_rule == WITH_SIDE_OF_A_CLASH:
                other = resolve(roles.target)
                if other is not None and other.name != target.name and other.inter != Inter.CIVILIANS:
                    agent, agent_span = other, roles.target
                    break
    if target is None and agent is not None:
        # "Russian forces attacked ..., but were repelled by Ukrainian forces": the other trigger's agent is the other side.
        for trigger, roles in zip(candidate.triggers, candidate.roles):
            if trigger.family != "clash":
                continue
            other = resolve(roles.agent) if roles.agent is not None else None
            if other is not None and other.name != agent.name and other.inter not in (Inter.CIVILIANS,):
                target, target_span = other, roles.agent
                break
    families = {t.family for t in candidate.triggers}
    if "protest" in families:
        # What the police did to a demonstration is its handling, not the demonstrators' violence.
        families = {"protest"} | {t.family for t, roles in zip(candidate.triggers, candidate.roles)
                                  if not _by_the_state(roles.agent, resolve) and not _the_grievance(t.span)
                                  and not (t.family == "loot" and roles.target is not None and roles.target.root.lower_ in SYMBOLIC_OBJECTS)}
    weapons = {_weapon_class(w, families) for w in candidate.weapons}
    if agent_span is not None:
        agent_unarmed = _unarmed_collective(agent_span, agent) or _crowd_of_assailants(agent_span, weapons, families, candidate.casualties.killed)
    else:
        agent_unarmed = _unarmed_passive(candidate.sent)
    evidence = Evidence(
        families=families,
        weapons=weapons,
        weapon_words=[w.text.lower() for w in candidate.weapons],
        text=" ".join([candidate.sent.text, *(f.text for f in candidate.follow_ups)]),
        agent_inter=agent.inter if agent else 0,
        target_inter=target.inter if target else 0,
        killed=candidate.casualties.killed,
        injured=candidate.casualties.injured,
        agent_unarmed=agent_unarmed,
        target_is_place=target is None and target_span is not None and _names_a_place(target_span),
    )
    decided = classify(evidence)
    if decided is None:
        return []
    sub, rule = decided
    if sub in (S.DISRUPTED_WEAPONS_USE, S.LOOTING) and (target is None or target.inter == 0):
        # Whose weapons were seized, whose hideout was burned: the other party the sentence names.
        target = _other_party(candidate.sent, agent_span, agent, resolve)
    elif EVENT_TYPE_OF[sub] is EventType.EXPLOSIONS and target is None and MILITARY_TARGETS.search(candidate.sent.text):
        # "airstrikes against JNIM positions", "killed 4 IS militants": the side that was hit.
        target = _other_party(candidate.sent, agent_span, agent, resolve)
    if agent is None and agent_span is not None and EVENT_TYPE_OF[sub] in (EventType.PROTESTS, EventType.RIOTS):
        # "some 300 Iranians gathered in Vienna", "Eritrean nationals protested in Tel Aviv": a crowd
        # named by its nationality is of that country, wherever it demonstrates.
        nationality = _nationality_of_people(agent_span, resources.country_of)
        if nationality and nationality != country:
            agent = actors.resolve(f"civilians from {nationality}", event_country=country, event_date=event_date)
    actor1, actor2 = _code_actors(sub, agent, target, actors, country, event_date, evidence.text, families)
    event_type = EVENT_TYPE_OF[sub]
    row = EventRow(
        doc_id=document.id,
        event_date=event_date.isoformat() if event_date else "",
        year=event_date.year if event_date else None,
        time_precision=int(candidate.date.precision) if candidate.date else None,
        disorder_type=disorder_type(sub).value,
        event_type=event_type.value,
        sub_event_type=sub.value,
        actor1=actor1.name if actor1 else "",
        inter1=int(actor1.inter) if actor1 else 0,
        actor2=actor2.name if actor2 else "",
        inter2=int(actor2.inter) if actor2 else 0,
        civilian_targeting="Civilian targeting" if actor2 is not None and actor2.inter == Inter.CIVILIANS and event_type in (EventType.VIOLENCE_AGAINST_CIVILIANS, EventType.EXPLOSIONS) else "",
        iso=getattr(place, "iso", None),
        region=getattr(place, "region", ""),
        country=country,
        admin1=place.admin1,
        admin2=getattr(place, "admin2", ""),
        location=place.name,
        latitude=round(place.latitude, 4) if place.latitude is not None else None,
        longitude=round(place.longitude, 4) if place.longitude is not None else None,
        geo_precision=int(resolution.geo_precision) if resolution.geo_precision is not None else None,
        source=document.source,
        fatalities=candidate.casualties.killed,
        injuries=candidate.casualties.injured,
        weapons="; ".join(dict.fromkeys(w.text.lower() for w in candidate.weapons)),
    )
    # Evidence is cut from the original text: cleaning only blanked characters, so offsets agree.
    row.char_start = candidate.sent.start_char + (len(candidate.sent.text) - len(candidate.sent.text.lstrip()))
    row.char_end = candidate.sent.start_char + len(candidate.sent.text.rstrip())
    row.evidence = document.text[row.char_start : row.char_end] if len(document.text) >= row.char_end else candidate.sent.text.strip()
    row.interaction = interaction(row.inter1, row.inter2)
    row.confidence = _confidence(candidate, agent, resolution)
    row.notes = _notes(row)
    row.explanation = _explanation(candidate, rule, agent_span, target_span, resolution)
    return [row]


# Groups whose local units ACLED names by their township: "the Myaing PDF" is "People's Defense Force - Myaing".
LOCAL_BRANCHES = {"PDF: People's Defense Force": "People's Defense Force"}
NOT_BRANCH_WORDS = frozenset({"the", "local", "joint", "combined", "allied", "township", "district", "regional", "urban", "a", "an"})


def _actor_for(span: Span, actors, country: str, event_date, acronyms, doc: Doc, state: _DocState):
    actor = _actor_for_span(span, actors, country, event_date, acronyms, doc, state)
    base = LOCAL_BRANCHES.get(actor.name) if actor is not None else None
    if base is not None:
        for tagged in span_groups.starting_in(doc, "actors", span.start, span.end):
            place = _branch_place(doc, tagged)
            if tagged.label_ == actor.name and place:
                return replace(actor, name=f"{base} - {place}")
    return actor


def _branch_place(doc: Doc, tagged: Span) -> str:
    """ "the Myaing PDF", "the Ye-U PDF", "the People's Defense Force - Kalay": the township named with the unit."""
    if tagged.end + 1 < len(doc) and doc[tagged.end].text == "-" and doc[tagged.end + 1].pos_ == "PROPN":
        end = tagged.end + 1
        while end + 1 < len(doc) and doc[end + 1].is_title and doc[end + 1].pos_ == "PROPN":
            end += 1
        return doc[tagged.end + 1 : end + 1].text
    start = tagged.start
    while start > 0 and (doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title or doc[start - 1].text == "-" and start > 1) \
            and doc[start - 1].lower_ not in NOT_BRANCH_WORDS and not doc[start - 1].is_sent_start:
        start -= 1
    if start < tagged.start and doc[start].text != "-":
        return doc[start : tagged.start].text.replace(" - ", "-")
    return ""


def _actor_for_span(span: Span, actors, country: str, event_date, acronyms, doc: Doc, state: _DocState):
    tagged = [s for s in span_groups.group(doc, "actors") if span.start <= s.start and s.end <= span.end]
    if not tagged:
        # "1 Saudi-led coalition air raid": the modifier is the start of a longer actor name.
        tagged = [s for s in span_groups.group(doc, "actors") if s.start < span.end and span.start < s.end]
    # "anti-Houthi forces" are the Houthis' opponents, never the Houthis.
    tagged = [s for s in tagged if not (s.start >= 2 and doc[s.start - 1].text in ("-", "‐") and doc[s.start - 2].lower_ == "anti") and not doc[s.start].lower_.startswith("anti-")]
    if not tagged and not is_actor_like(span):
        subtree = list(span.root.subtree)
        lo, hi = subtree[0].i, subtree[-1].i + 1
        tagged = [s for s in span_groups.group(doc, "actors") if lo <= s.start and s.end <= hi]
    leading = _conjunct_before_a_name(tagged[0], doc) if tagged else None
    if leading is not None:
        # "the army and Pyu Saw Htee shelled two villages": the parser split the name and lost the first conjunct, which leads.
        actor = actors.resolve(leading.text, event_country=country, event_date=event_date, text_acronyms=acronyms)
        if actor is not None and actor.kind != "unidentified" and actor.inter != Inter.CIVILIANS:
            return actor
    first = _first_conjunct(span)
    mention = first if first != span.text or not tagged else tagged[0].label_
    if not tagged and span.root.i in span_groups.covered_tokens(doc, "weapons"):
        # "4 Syrian regime helicopters": the owner is in the modifiers.
        owner = " ".join(t.text for t in span if t.i < span.root.i and not t.like_num and t.dep_ != "det")
        mention = owner or mention
    root = span.root
    if not tagged and root.is_title and not root.is_sent_start and any(
            child.lower_ == "of" and any(g.is_title for g in child.children) for child in root.children):
        # "the Sons of Zorvel": a capitalised noun with its capitalised of-phrase is one name.
        subtree = list(root.subtree)
        mention = doc[subtree[0].i : subtree[-1].i + 1].text
    actor = actors.resolve(mention, event_country=country, event_date=event_date, text_acronyms=acronyms)
    if tagged and actor is None:
        actor = actors.resolve(tagged[0].text, event_country=country, event_date=event_date, text_acronyms=acronyms)
        if actor is None and first != tagged[0].text:
            # "a national guard sergeant" in Venezuela: the name fits no force of this country; the phrase's own words still say soldier.
            actor = actors.resolve(first, event_country=country, event_date=event_date, text_acronyms=acronyms)
    elif tagged and actor is not None and actor.kind == "state" and mention == tagged[0].label_:
        # "Ukrainian air force" is tagged as Ukraine's military; its own words name the unit.
        unit = actors.resolve(tagged[0].text, event_country=country, event_date=event_date, text_acronyms=acronyms)
        if unit is not None and unit.name.startswith(actor.name + " "):
            actor = unit
    if actor is None and not tagged:
        # "the Coast Guard Command of the Turkish army", "members from X clan militia": the of- or from-phrase names the force.
        subtree = list(span.root.subtree)
        if len(subtree) <= 10 and any(t.lower_ in ("of", "from") and t.head.i == span.root.i for t in subtree):
            actor = actors.resolve(doc[subtree[0].i : subtree[-1].i + 1].text, event_country=country, event_date=event_date, text_acronyms=acronyms)
    # "loyalist fighters (coded as Zorvel Brigade)": the note says which actor the phrase is, over
    # the phrase's own words; "gunmen (likely Zorvel militia)": a guess names a group the phrase does not.
    for lead_words in (CODED_AS_WORDS, GUESS_WORDS if actor is None or actor.kind == "unidentified" else frozenset()):
        named_in = _named_in_parenthesis(span, doc, lead_words)
        if named_in is not None:
            named = (actors.resolve(named_in.label_, event_country=country, event_date=event_date, text_acronyms=acronyms) if named_in.label_ else None) \
                or actors.resolve(named_in.text, event_country=country, event_date=event_date, text_acronyms=acronyms)
            if named is None:
                # "gunmen (presumed to be Nuer)": armed men guessed to be of a people are its militia.
                named = actors.resolve(f"{named_in.text} militia", event_country=country, event_date=event_date)
                named = named if named is not None and named.kind == "identity_militia" else None
            if named is not None and named.kind != "unidentified":
                return named
    if (actor is None or actor.kind == "unidentified") and not tagged:
        # "a suicide bomber from Al Shabaab", "unknown militants (likely IS militants)": the group is named
        # in what the phrase attaches, not in the phrase itself.
        attached = _actor_attached(span.root, doc)
        if attached is not None:
            named = actors.resolve(attached.label_, event_country=country, event_date=event_date, text_acronyms=acronyms) or actors.resolve(
                attached.text, event_country=country, event_date=event_date, text_acronyms=acronyms)
            if named is not None and named.kind != "unidentified":
                return named
    words = {t.lower_ for t in span}
    if words & {"unidentified", "unknown", "unnamed"}:
        # "an unidentified armed group" says who it is not: never the article's best-known group.
        return actor
    if (actor is None or actor.kind == "unidentified") and words & GENERIC_GROUP_WORDS and not tagged:
        dominant = _dominant_group(doc, actors, country, event_date, acronyms, state)
        if dominant is not None and (actor is None or "gunmen" not in words):
            return dominant
    if actor is None and not is_actor_like(span):
        modifiers = [t for t in span if t.i < span.root.i and t.dep_ != "det" and not t.like_num]
        if modifiers and {t.lower_ for t in modifiers} & GENERIC_GROUP_WORDS:
            return _dominant_group(doc, actors, country, event_date, acronyms, state)
        owners_by_nationality = span.root.lower_ in PROPERTY_NOUNS and all(t.ent_type_ == "NORP" for t in modifiers)
        if modifiers and not owners_by_nationality:
            # "DPR positions", "Houthi bases": whose positions they are; "civilian infrastructure" is a thing,
            # not people; "Palestinian homes" are a nation's people's, not its forces'.
            actor = actors.resolve(" ".join(t.text for t in modifiers), event_country=country, event_date=event_date, text_acronyms=acronyms)
            if actor is not None and actor.inter == Inter.CIVILIANS:
                actor = None
    return actor


def _conjunct_before_a_name(tagged: Span, doc: Doc) -> Span | None:
    """ "the military and Pyu Saw Htee": the noun phrase joined by 'and' before a known name, if it is a subject."""
    if tagged.start < 2 or doc[tagged.start - 1].lower_ not in ("and", "&"):
        return None
    noun = doc[tagged.start - 2]
    if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ not in ("nsubj", "nsubjpass", "conj"):
        return None
    return doc[noun.left_edge.i : noun.i + 1]


def _first_conjunct(span: Span) -> str:
    """ "U.S. and coalition troops" -> "U.S. troops": the first of coordinated actors leads."""
    cc = next((t for t in span if t.dep_ == "cc" and t.head.i != span.root.i and t.i < span.root.i), None)
    if cc is None:
        return span.text
    return f"{span.doc[span.start : cc.i].text} {span.root.text}"


def _dominant_group(doc: Doc, actors, country: str, event_date, acronyms, state: _DocState):
    """The named non-state armed group an article talks about most: what "the militia" refers to."""
    key = (country, event_date)
    if key not in state.dominant_groups:
        state.dominant_groups[key] = _most_named_group(doc, actors, country, event_date, acronyms)
    return state.dominant_groups[key]


def _most_named_group(doc: Doc, actors, country: str, event_date, acronyms):
    counts: Counter[str] = Counter()
    for span in span_groups.group(doc, "actors"):
        counts[span.label_] += 1
    for name, _ in counts.most_common():
        actor = actors.resolve(name, event_country=country, event_date=event_date, text_acronyms=acronyms)
        if actor is not None and actor.inter in (Inter.REBEL_GROUP, Inter.POLITICAL_MILITIA, Inter.IDENTITY_MILITIA):
            return actor
    return None


def _other_party(sent: Span, agent_span: Span | None, agent, resolve):
    """The first actor the sentence names outside the agent's own phrase and its coordinates:
    "seized weapons from an NPA cache", "shot down a Russian drone", "IEDs planted by JNIM"."""
    doc = sent.doc
    excluded = set(range(agent_span.root.left_edge.i, agent_span.root.right_edge.i + 1)) if agent_span is not None else set()
    mentions = list(span_groups.starting_in(doc, "actors", sent.start, sent.end))
    # A nationality of owners or of civilians is no party: "Palestinian homes", "an Iraqi company and drivers".
    mentions += [doc[t.i : t.i + 1] for t in sent if t.ent_type_ == "NORP" and t.ent_iob_ == "B"
                 and not (t.dep_ in ("amod", "compound") and _names_no_force(t.head.lower_))]
    for mention in sorted(mentions, key=lambda m: m.start):
        if excluded.intersection(range(mention.start, mention.end)) or _a_witness(mention):
            continue
        actor = resolve(mention)
        if actor is not None and (agent is None or actor.name != agent.name) and actor.inter != Inter.CIVILIANS:
            return actor
    return None


def _names_no_force(head: str) -> bool:
    """A noun a nationality adjective can modify without naming a state's forces: property, a
    company, or the people the resolver already counts as civilians."""
    return head in PROPERTY_NOUNS or head in BUSINESSES or singular(head) in GENERIC_TERMS["civilians"]


BUSINESSES = frozenset({"company", "companies", "firm", "firms", "national", "nationals"})


DISPLACED_FROM = re.compile(
    r"\b(?:refugees|civilians|people|persons|migrants|asylum seekers|displaced|evacuees|families)\s+(?:fleeing\s+|displaced\s+)?from\s+((?:[A-Z][\w'-]*\s?){1,3})"
)


def _code_actors(sub: S, agent, target, actors, country: str, event_date, text: str, families: frozenset[str] | set[str] = frozenset()):
    """The codebook's actor conventions per event type."""
    event_type = EVENT_TYPE_OF[sub]

    def generic(name: str):
        return actors.resolve(name, event_country=country, event_date=event_date)

    def forces(kind: str):
        """The police or army the text names, of the country its nationality says ("Israeli police
        dispersed the protest in Jerusalem", "Turkish soldiers" in Iraq), else the country's own."""
        for found in NATIONAL_FORCE.finditer(text):
            named = actors.resolve(found.group(0), event_country=country, event_date=event_date)
            if named is not None and named.inter in (Inter.STATE_FORCES, Inter.EXTERNAL_OTHER):
                return named
        return generic(kind)

    def crowd(name: str, of_own_country: bool):
        """ "Israeli settlers beat a Palestinian", "Ukrainian refugees demonstrated ... in Krakow":
        a crowd of a named nationality is of its own country, wherever it acts."""
        if of_own_country and agent is not None and agent.country and agent.country != country:
            return actors.resolve(name, event_country=agent.country, event_date=event_date) or generic(name)
        return generic(name)

    if sub is S.OTHER and "displacement" in families:
        # The displaced are civilians; whoever drove them out, if named, comes first.
        displaced = target if target is not None and target.inter == Inter.CIVILIANS else generic("civilians")
        if (origin := DISPLACED_FROM.search(text)) is not None:
            # "refugees from Ukraine arrived in Poland": the displaced are the country's they fled.
            displaced = generic(f"civilians from {origin.group(1)}") or displaced
        if agent is not None and agent.inter not in (Inter.CIVILIANS, Inter.PROTESTERS, Inter.RIOTERS):
            return agent, displaced
        return displaced, None

    # Gang violence is coded with gang actors, other unclaimed violence with an unidentified armed group.
    unknown_armed = "gang members" if GANG_CONTEXT.search(text) else "unknown gunmen"

    if event_type is EventType.PROTESTS:
        protesters = crowd("protesters", agent is not None and agent.inter in (Inter.CIVILIANS, Inter.PROTESTERS))
        if sub is S.PEACEFUL_PROTEST and COUNTER_DEMONSTRATION.search(text):
            # A demonstration met by a counter-demonstration is one event with demonstrators on both sides.
            return protesters, generic("protesters")
        police = None
        if sub is not S.PEACEFUL_PROTEST:
            police = target if target is not None and target.inter in (Inter.STATE_FORCES,) else (agent if agent is not None and agent.inter == Inter.STATE_FORCES else forces("police"))
        return protesters, police
    if event_type is EventType.RIOTS:
        rioters = crowd("rioters", agent is not None and agent.inter not in (Inter.STATE_FORCES, Inter.EXTERNAL_OTHER))
        if sub is S.MOB_VIOLENCE:
            if CROWDS_FIGHTING.search(text):
                # "traders from two markets beat each other": rioters on both sides.
                return rioters, generic("rioters")
            state_side = next((side for side in (target, agent) if side is not None and side.inter == Inter.STATE_FORCES), None)
            if state_side is not None:
                # "police officers and herders fought at a cattle market": the crowd fought the state's forces.
                return rioters, state_side
            if target is not None and target.kind == "unidentified":
                # "residents beat up a robber": whom a mob seizes is its victim, unarmed whatever he did.
                target = generic("civilians")
            if target is not None and target.inter != Inter.RIOTERS:
                return rioters, target
            # Two crowds fighting each other are rioters on both sides; a mob's victims are civilians.
            return rioters, rioters if MUTUAL_FIGHT.search(text) else generic("civilians")
        return rioters, _the_crowds_other_side(text.lower(), target, generic, forces)
    if event_type is EventType.VIOLENCE_AGAINST_CIVILIANS:
        victim = target if target is not None and target.inter == Inter.CIVILIANS else generic("civilians")
        perpetrator = agent if agent is not None and agent.inter != Inter.CIVILIANS else generic(unknown_armed)
        if unknown_armed == "gang members":
            perpetrator = _as_gang(perpetrator, generic)
        return perpetrator, victim
    if sub is S.DISRUPTED_WEAPONS_USE and target is None:
        # Weapons nobody is named for belong to an unidentified armed group.
        target = generic(unknown_armed)
    if sub in (S.LOOTING, S.ARRESTS, S.DISRUPTED_WEAPONS_USE) and (target is None or target.inter == Inter.CIVILIANS) and DRUG_SEIZURE.search(text):
        # Drugs, plantations and laboratories seized belong to the traffickers.
        target = generic("gang members")
    if sub in (S.LOOTING, S.ARRESTS) and target is None:
        # Property with no named owner is the civilians'; so are people arrested with no group named.
        target = generic("civilians")
    if event_type in (EventType.EXPLOSIONS, EventType.BATTLES) and (target is None or target.kind == "state_government") and (
            GOVERNMENT_POSITIONS.search(text) and (agent is None or agent.inter != Inter.STATE_FORCES)):
        # Fighting is with a government's forces, not with its offices.
        target = generic("military forces")
    if event_type is EventType.EXPLOSIONS and target is None and _civilians_hit(text):
        target = generic("civilians")
    if sub is S.OTHER and target is None and "other" in families and ROAD_USERS_STOPPED.search(text):
        # "manned a roadblock and searched passing cars": the people stopped are the other side.
        target = generic("civilians")
    if sub is S.AIR_DRONE_STRIKE and agent is not None:
        # Air strikes are flown by the air force, where ACLED names one for that theatre.
        agent = actors.air_unit(agent, event_country=country, event_date=event_date) or agent
    if agent is None:
        if event_type in (EventType.BATTLES, EventType.EXPLOSIONS):
            agent = generic(unknown_armed)
        elif sub is S.ARRESTS:
            agent = generic("police")
        elif sub is S.DISRUPTED_WEAPONS_USE and "intercept" not in families:
            # Explosives defused or weapons found by no one named: the police, as for an arrest.
            agent = generic("police")
        elif sub is S.LOOTING:
            # Property destroyed or taken by no one named: an unidentified armed group did it.
            agent = generic(unknown_armed)
        elif families & {"security", "election"}:
            # Curfews, lockdowns and states of emergency are imposed, and elections held, by the government.
            agent = generic("government")
    if unknown_armed == "gang members":
        agent = _as_gang(agent, generic)
        target = _as_gang(target, generic)
    foreign_army = agent is not None and agent.inter == Inter.EXTERNAL_OTHER
    non_state_takeover = sub is S.NON_VIOLENT_TRANSFER and agent is not None and agent.inter not in (Inter.STATE_FORCES, Inter.EXTERNAL_OTHER)
    if target is None and (sub is S.NON_STATE_ACTOR_OVERTAKES_TERRITORY or non_state_takeover or event_type is EventType.BATTLES and foreign_army):
        # Territory is taken from the state that held it; a foreign army fights the country's forces,
        # unless the text names another side.
        target = generic("military forces")
    if event_type is EventType.BATTLES and target is not None and target.inter == Inter.CIVILIANS:
        # A battle has no civilian side: the victim was one of the armed.
        target = None
    if event_type is EventType.BATTLES and target is None:
        # A battle has two sides; an unnamed one is an unidentified armed group (or gang).
        target = generic(unknown_armed)
    if agent is not None and target is not None and agent.name == target.name and not agent.name.startswith("Unidentified"):
        target = None
    return agent, target


def _the_crowds_other_side(text: str, target, generic, forces):
    """Actor2 of a violent demonstration: the crowd it fought, else the forces that faced it, else
    the people whose persons or property it attacked, else nobody ("blocked the highway with burning tyres").

    Forces count only where they acted against the crowd or it against them, outside what the
    crowd protested about: "army pensioners", "before the police arrived" and "against a police
    crackdown" leave them out.
    """
    if COUNTER_DEMONSTRATION.search(text) or CROWDS_FIGHTING.search(text):
        # Demonstrators who fought counter-demonstrators, or two groups that fought each other:
        # rioters on both sides, even where the police then stepped in.
        return generic("rioters")
    if outside_a_grievance(INTERVENTION, text) or outside_a_grievance(FORCES_FACING_A_CROWD, text):
        if target is not None and target.inter == Inter.STATE_FORCES:
            return target
        found = SECURITY_FORCES.search(text)
        military = found is not None and found.group(1) in ("soldiers", "troops", "army", "military")
        return forces("military forces" if military else "police")
    if target is not None and target.inter == Inter.CIVILIANS:
        return target
    if outside_a_grievance(HARMED_BY_A_CROWD, text):
        return generic("civilians")
    return None


MILITARY_TARGETS = re.compile(r"\b(positions?|hideouts?|bases?|camps?|strongholds?|gatherings?|militants?|fighters?|members|convoys?|trenches|fortifications?|"
                              r"aircraft|warplanes?|jets?|helicopters?)\b", re.IGNORECASE)
# "a convoy belonging to a logistics contractor": a company's convoy and drivers are civilians.
COMPANY_CONVOY = re.compile(r"\bconvoys?\b[^.]{0,80}?\b(belonging to|owned by|run by|operated by|hired by|of)\s+(an?\s+|the\s+)?"
                            r"([\w-]+\s+){0,2}(contractors?|compan(y|ies)|firms?)\b", re.IGNORECASE)
# "shelled the governmental positions": the government's forces, which the text does not name otherwise.
GOVERNMENT_POSITIONS = re.compile(r"\b(at|on|against|targeting|targeted|shelled|hit|struck)\s+(\w+\s+){0,3}?(the\s+)?government(al)?\s+"
                                  r"(positions?|forces|troops|soldiers|army|checkpoints?|bases?)\b", re.IGNORECASE)
ROAD_USERS_STOPPED = re.compile(
    r"\b(controll\w*|stopp\w*|search\w*|check(ed|ing)|inspect\w*|extort\w*|tax(ed|ing)|harass\w*|robb\w*)\b[^.]{0,40}"
    r"\b(road users|vehicles?|cars|trucks?|lorries|buses|travell?ers|passengers|motorists|drivers|commuters|civilians|traders)\b",
    re.IGNORECASE,
)
# "a counter-protest", "supporters of the mayor were also present": a second crowd facing the first.
COUNTER_DEMONSTRATION = re.compile(r"\bcounter[- ]?(demonstrat\w*|protest\w*|rall(y|ies)|march\w*)|"
                                   r"\b(protesters|demonstrators|activists|supporters)\b[^.]{0,60}\b(were|was) also present\b", re.IGNORECASE)
CROWDS_FIGHTING = re.compile(r"\b(with each other|with one another|(attack\w*|fought|fight\w*|beat\w*) (each other|one another)|between (two|rival) (groups|factions|camps|sides)|"
                             r"two (rival )?(groups|factions|camps|sides|families|clans) (\w+ ){0,4}?(clashed|fought))\b", re.IGNORECASE)
MUTUAL_FIGHT = re.compile(r"\b(clash\w*|fought|fight\w*|brawl\w*|scuffle\w*|with each other|between (two|rival))\b", re.IGNORECASE)
_FORCE = r"(police\w*|officers?|security forces|gendarm\w*|soldiers|troops|army|military|guards)"
SECURITY_FORCES = re.compile(r"\b" + _FORCE + r"\b", re.IGNORECASE)
# A force named with a capitalised word before it, which may be a nationality: "Israeli police".
NATIONAL_FORCE = re.compile(r"\b[A-Z][a-z]+ (?:police(?: forces)?|security forces|soldiers|troops|army|military forces)\b")
# Lower-case text. The forces a crowd fought, or that acted against it.
FORCES_FACING_A_CROWD = re.compile(
    r"\b(stones?|rocks?|bricks?|bottles?|objects|projectiles|eggs)\b[^.]{0,25}\b(at|on) (the )?(\w+ ){0,2}?" + _FORCE + r"\b"
    r"|\b(clash\w*|scuffl\w*|confront\w*|fought|fighting|battles?) with (the )?(\w+ ){0,2}?" + _FORCE + r"\b"
    r"|\bbetween\b[^.]{0,40}\band (the )?(\w+ )?" + _FORCE + r"\b"
    r"|\b(attacked|assaulted|injured|wounded|targeted|stormed|chased|ambushed|beat|beaten|stoned|pelted) (the )?(\w+ ){0,2}?" + _FORCE + r"\b"
    r"|\b" + _FORCE + r" (\w+ ){0,3}?(clashed|fired|shot|charged|attacked|arrested|dispersed|repelled|confronted|intervened|used)\b"
    r"|\b" + _FORCE + r" (\w+ ){0,3}?(were|was) (\w+ )?(injured|wounded|attacked|hurt|assaulted|hit|pelted|stoned)\b"
)
# Lower-case text. People, or what people own, that a crowd hurt or damaged ("smashed a bakery's windows",
# "beat a motorist", "threw stones at a minister's car"); tyres burned on a road are not among them.
_NOT_A_LINK = r"(?!(?:and|to|as|in|at|on|for|by|with|against|over|after|during|from)\b)"
_CROWD_VIOLENCE = (r"(attack\w*|beat|beating|beaten|hit|assault\w*|chas(?:ed|ing)|stoned|damag\w*|vandali[sz]\w*|smash\w*|destroy\w*|"
                   r"loot\w*|ransack\w*|set fire to|set alight|set ablaze|torch\w*|burn(?:ed|t|ing)?|broke|break|detain\w*|kidnap\w*|"
                   r"lynch\w*|kill\w*|injur\w*|wound\w*|harass\w*|stormed|invaded)")
_PEOPLE_OR_PROPERTY = (r"(vehicles?|cars?|trucks?|bus|buses|shops?|stores?|business(?:es)?|restaurants?|houses?|homes?|shacks?|buildings?|"
                       r"offices?|windows?|facilities|property|properties|machines?|equipment|furniture|belongings|cash|premises|"
                       r"drivers?|passengers?|residents?|workers?|officials?|representatives?|managers?|journalists?|reporters?|convoy|"
                       r"team|nominees?|candidates?|passers-by|motorists?|merchants?|traders?|owners?|man|woman|men|women|people|"
                       r"persons?|famil(?:y|ies)|mother|father|son|daughter|members|nationals|migrants|foreigners|urns|ballots|"
                       r"church|mosque|temple|school|university|campus|station|hospital)")
HARMED_BY_A_CROWD = re.compile(
    r"\b(?:" + _CROWD_VIOLENCE + r"\b(?:\s+" + _NOT_A_LINK + r"[\w'’-]+){0,4}?"
    r"|(?:pelt\w*|thr(?:ew|owing|own)|hurl\w*)\b[^.]{0,30}?\b(?:at|on)(?:\s+[\w'’-]+){0,3}?)\s+" + _PEOPLE_OR_PROPERTY + r"\b"
)
GANG_CONTEXT = re.compile(r"\b(gangs?|gang members?|drug[- ]traffick\w*|drug dealers?|drug debts?|cartels?|criminal groups?|traffickers|narco\w*|"
                          r"organi[sz]ed crime|extortion|drive-by|hitm[ae]n|sicarios?|militia groups? of the west zone)\b", re.IGNORECASE)
# People hit. Damaged homes, schools or "civilian infrastructure" alone leave actor2 empty in ACLED's coding.
CIVILIAN_HARM = re.compile(
    r"\b(civilians|residents?|villagers?|children|child|kids?|boys?|girls?|teenagers?|women|woman|man|men|people|persons?|passers-by|"
    r"family|families|farmers?|shepherds?|herders?|cowherds?|businessm[ae]n|pupils?|students?|passengers?|pedestrians?|\d+-year-old|"
    r"civilian(?! (infrastructure|property|objects?|facilities|buildings?|areas?|targets?|houses?|homes?)))\b",
    re.IGNORECASE,
)


def _civilians_hit(text: str) -> bool:
    """Remote violence that hits people or homes: ACLED names the civilians as actor2."""
    return bool(CIVILIAN_HARM.search(text))


UNARMED_COLLECTIVES = frozenset(
    {"group", "groups", "people", "persons", "students", "settlers", "supporters", "pedestrians",
     "residents", "villagers", "locals", "youths", "youth", "crowd", "mob", "passers-by", "neighbours", "neighbors",
     "relatives", "family", "families", "workers", "traders", "women",
     "activists", "fans", "inmates", "prisoners", "drivers", "protesters", "demonstrators", "rioters",
     "mourners", "parents", "pupils", "teachers", "farmers", "herders", "vendors", "merchants", "others",
     "members", "cadres", "community", "partisans"}
)
POLITICAL_CAMPS = frozenset({"party", "parties", "candidate", "candidates", "camp", "camps"})
FOLLOWERS = frozenset({"settlers", "supporters", "cadres", "partisans", "sympathizers", "sympathisers", "loyalists"})
ARMED_WORDS = frozenset(
    {"gunmen", "armed", "militants", "fighters", "soldiers", "police", "policemen", "troops", "rebels", "bandits",
     "insurgents", "jihadists", "militia", "militiamen", "forces", "army", "military", "terrorists", "gangsters",
     "gang", "cartel", "guards", "commandos"}
)


def _unarmed_collective(span: Span, actor) -> bool:
    root = span.root
    if (counted := people_counted(root)) is not None and root.lower_ not in UNARMED_COLLECTIVES:
        root = counted
    words = {t.lower_ for t in root.subtree} if root.lower_ in ("group", "groups") or root.i != span.root.i else {t.lower_ for t in span}
    if words & ARMED_WORDS or words & {"criminal", "organized", "organised", "trafficking", "drug"}:
        return False
    if root.lower_ in ("group", "groups") and words & {"unidentified", "unknown", "unnamed"} and not any(c.lower_ == "of" for c in root.children):
        # "an unidentified group" is ACLED's unidentified armed group; "a group of unknown youths" is a crowd.
        return False
    if "rival" in words and not words & POLITICAL_CAMPS:
        # "rival gangs" are armed; "members of a rival party" are a party's people.
        return False
    armed_inters = (Inter.STATE_FORCES, Inter.REBEL_GROUP, Inter.EXTERNAL_OTHER, Inter.POLITICAL_MILITIA)
    if root.lower_ in FOLLOWERS:
        # "Israeli settlers", "supporters of the ruling party": the people, not the organisation's armed wing.
        armed_inters = armed_inters[:3]
    if actor is not None and actor.inter in armed_inters and not actor.name.startswith("Unidentified"):
        return False
    return root.lower_ in UNARMED_COLLECTIVES or (actor is not None and actor.inter in (Inter.RIOTERS, Inter.PROTESTERS, Inter.CIVILIANS))


def _crowd_of_assailants(span: Span, weapons: set[str], families: set[str], killed: int) -> bool:
    """ "four assailants beat him with sticks": a band with sticks, stones or blades, and no gun, is a mob."""
    if span.root.lower_ not in ("assailants", "attackers") or {t.lower_ for t in span} & ARMED_WORDS:
        return False
    crude = bool(weapons) and weapons <= {"blunt", "blade", "incendiary"}
    # "some 20 attackers beat a trader with clubs": that many attackers without a gun are a mob.
    many = any(t.lower_ in ("dozen", "dozens", "scores", "hundreds") or (t.like_num and t.text.isdecimal() and int(t.text) >= 10) for t in span)
    return crude or ("beat" in families and not weapons and not killed) or (many and weapons <= {"blunt", "blade", "incendiary"})


def _unarmed_passive(sent: Span) -> bool:
    """ "a man was beaten by a group of people": the 'by' phrase names the crowd."""
    for token in sent:
        if token.dep_ == "agent":
            pobj = next((c for c in token.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj.lower_ in UNARMED_COLLECTIVES and not {t.lower_ for t in pobj.subtree} & ARMED_WORDS
    return False


def _as_gang(actor, generic):
    if actor is not None and actor.name.startswith("Unidentified Armed Group"):
        return generic("gang members") or actor
    return actor


def _confidence(candidate: Candidate, agent, resolution) -> float:
    score = 0.45
    if candidate.date_span is not None:
        score += 0.15
    if agent is not None:
        score += 0.1
    if candidate.weapons:
        score += 0.05
    if resolution.geo_precision == 1:
        score += 0.15
    if len(candidate.triggers) > 1:
        score += 0.05
    if not resolution.place.country:
        score -= 0.15  # an unknown place in an unknown country: the row needs a reader's eye
    return round(min(score, 0.95), 2)


def _notes(row: EventRow) -> str:
    when = dt.date.fromisoformat(row.event_date).strftime("%-d %B %Y") if row.event_date else "On an unknown date (no publication date)"
    where = ", ".join(part for part in (row.location, row.admin1, row.country) if part)
    actors = row.actor1 or "An unidentified actor"
    against = f" against {row.actor2}" if row.actor2 else ""
    casualties = ""
    if row.fatalities:
        casualties += f" {row.fatalities} reported killed."
    if row.injuries:
        casualties += f" {row.injuries} reported injured."
    prefix = f"On {when}" if row.event_date else when
    return f"{prefix}, {actors}: {row.sub_event_type}{against} in {where}.{casualties}".strip()


def _explanation(candidate: Candidate, rule: str, agent_span: Span | None, target_span: Span | None, resolution) -> dict:
    sent = candidate.sent
    offset = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))

    def rel(span: Span | None, label: str):
        if span is None or not (sent.start <= span.start and span.end <= sent.end):
            return None
        return (span.start_char - offset, span.end_char - offset, label)

    spans = [rel(t.span, "TRIGGER") for t in candidate.triggers]
    spans += [rel(agent_span, "ACTOR"), rel(target_span, "TARGET"), rel(candidate.place_span, "PLACE"), rel(candidate.date_span, "DATE")]
    spans += [rel(w, "WEAPON") for w in candidate.weapons]
    spans += [rel(c, "CASUALTY") for c in candidate.casualties.spans]
    return {
        "rule": rule,
        "spans": sorted({s for s in spans if s is not None}),
        "place_rule": getattr(resolution, "rule", ""),
        "date_rule": candidate.date.rule if candidate.date else "no date in the text",
    }


def merge_rows(rows: Sequence[EventRow]) -> list[EventRow]:
    """One row per date, place, actors and type: later mentions enrich the first."""
    merged: list[EventRow] = []
    for row in rows:
        match = next((m for m in merged if _same_event(m, row)), None)
        if match is None:
            merged.append(row)
            continue
        _absorb(match, row)
    return merged


def _same_event(a: EventRow, b: EventRow) -> bool:
    if (a.event_date, a.location, a.country, a.event_type) != (b.event_date, b.location, b.country, b.event_type):
        return False
    return _compatible(a.actor1, b.actor1) and _compatible(a.actor2, b.actor2)


def _compatible(x: str, y: str) -> bool:
    return not x or not y or x == y or x.startswith("Unidentified") or y.startswith("Unidentified")


def _absorb(into: EventRow, other: EventRow) -> None:
    from conflict_events.schema import SubEventType, hierarchy_rank

    if hierarchy_rank(SubEventType(other.sub_event_type)) < hierarchy_rank(SubEventType(into.sub_event_type)):
        into.sub_event_type = other.sub_event_type
        into.disorder_type = other.disorder_type
        into.explanation = other.explanation
    for side in ("1", "2"):
        mine, theirs = getattr(into, f"actor{side}"), getattr(other, f"actor{side}")
        if theirs and (not mine or mine.startswith("Unidentified") and not theirs.startswith("Unidentified")):
            setattr(into, f"actor{side}", theirs)
            setattr(into, f"inter{side}", getattr(other, f"inter{side}"))
    into.interaction = interaction(into.inter1, into.inter2)
    into.fatalities = max(into.fatalities, other.fatalities)
    into.injuries = max(into.injuries, other.injuries)
    into.weapons = "; ".join(dict.fromkeys(w for w in (into.weapons.split("; ") + other.weapons.split("; ")) if w))
    into.civilian_targeting = into.civilian_targeting or other.civilian_targeting
    into.confidence = min(0.95, round(max(into.confidence, other.confidence) + 0.05, 2))
    into.notes = _notes(into)

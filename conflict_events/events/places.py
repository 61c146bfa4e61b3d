"""Place mentions in a sentence and which trigger they belong to.

Finding the mentions is done here over the Doc; looking names up is the
gazetteer's job (conflict_events.geo).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from conflict_events.geo.resolve import ADMIN_WORDS, area_name
from conflict_events.nlp import spans as span_groups

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
LOCATIVE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "around", "into", "from", "of", "to", "across", "inside", "within", "between", "over", "towards", "toward", "along", "through", "via", "on"})
NEAR_WORDS = ("near", "outside", "close to", "outskirts of", "vicinity of", "km from", "kilometres from", "kilometers from", "miles from", "km of", "kilometres of", "kilometers of", "miles of")
DIRECTIONS = ("north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "north-east", "north-west", "south-east", "south-west")
ANAPHORS = frozenset({"base", "air base", "town", "city", "village", "area", "camp", "site", "compound", "there", "airbase", "facility", "locality", "neighbourhood", "neighborhood"})
NAME_PARTICLES = frozenset({"al", "el", "ad", "as", "ar", "ash", "at", "az", "an", "ez", "e", "es", "ed", "er", "en", "ul", "bin", "ibn", "de", "del", "la", "las", "los", "le", "les", "da", "do", "dos", "das", "di", "du", "van", "von", "der", "den", "y", "-", "'", "of", "imeni"})
# Particles that join the words of one name and are no English words ("Mocimboa da Praia", "Deir ez Zor").
NAME_JOINERS = NAME_PARTICLES - {"-", "'", "of", "at", "an", "as", "e", "es", "ed", "er", "en", "y"}
GENERIC_PLACE_WORDS = frozenset({"village", "town", "city", "district", "province", "governorate", "region", "county", "state", "oblast", "area", "municipality", "commune", "department", "township", "division", "subdistrict", "sub-district", "neighbourhood", "neighborhood", "camp", "locality", "ward", "tehsil", "zone", "prefecture", "raion", "rayon", "countryside", "outskirts", "suburb", "suburbs", "vicinity", "axis", "front", "frontline", "sector", "upazila", "union", "parish", "sub-county", "subcounty", "lga", "community", "woreda", "kebele", "canton", "borough", "governorate", "emirate", "valley", "mountain", "mountains", "road", "highway",
                         "groupement", "chiefdom", "block", "hill", "tract", "taluk", "taluka", "mandal", "panchayat", "hamlet",
                         "settlement", "corregimiento", "vereda", "resguardo", "badia", "badiya", "desert"})


@dataclass(slots=True)
class PlaceMention:
    span: Span
    near: bool = False
    # A place that only locates another one: "Jurf al-Sakhar, which is south of Baghdad".
    descriptor: bool = False
    anaphoric: bool = False
    hint_only: bool = False
    # A building, square or institution: it says where in a town, the town is the location.
    facility: bool = False
    admin_hints: list[str] = field(default_factory=list)
    # "Rio de Janeiro - West Zone": the part of a big city the text names after a spaced hyphen.
    city_district: str = ""
    # Where the mention's words end in the text, its city district included.
    written_end: int = -1

    @property
    def text(self) -> str:
        return clean_place_name(self.span.text)

    @property
    def written_name(self) -> str:
        """The name as the text writes it, "City - District" where it names a district."""
        return f"{self.text} - {self.city_district}" if self.city_district else self.text


def clean_place_name(text: str) -> str:
    # "Goma (Goma, Nord-Kivu" and "Piskivka, Kyiv": the name is what comes first.
    text = re.split(r"[(,;]", text, maxsplit=1)[0]
    text = re.sub(r"^(the|a)\s+", "", text.strip(), flags=re.I)
    text = re.sub(r"['’]s$", "", text)
    # "Tarika Village": the village is Tarika ("Cape Town", "Kuwait City" keep their word).
    text = re.sub(r"\s+Village$", "", text.strip())
    return text.strip(" ,.;:")


# Geographic words that begin a name with "of": "Port of Spain", "Gulf of Aden", "Isle of Wight".
NAME_OF_HEADS = frozenset({"port", "isle", "island", "bay", "gulf", "sea", "strait", "straits", "cape", "mount", "lake"})
# Words that begin a place's name and are no name alone: "Saint" + "Peter Port" is one name, whatever
# the tagger made of the rest ("Peter Port" a person).
NAME_PREFIXES = frozenset({"saint", "st", "st.", "sainte", "san", "santa", "santo", "sao", "são", "port", "fort", "puerto",
                           "porto", "bandar", "ras", "kafr", "kfar", "deir", "beit", "bayt", "mount", "cape"})
NAME_RESTS = PLACE_LABELS | {"PERSON", "ORG", "NORP"}


def _join_adjacent(ents: list[Span]) -> list[Span]:
    """ "Baja" + "California", "Port" + "of" + "Spain", "Saint" + "Peter Port" read as two places: one name."""
    joined: list[Span] = []
    for ent in ents:
        previous = joined[-1] if joined else None
        of_name = (previous is not None and len(previous) == 1 and previous[0].lower_ in NAME_OF_HEADS
                   and previous.end + 1 == ent.start and ent.doc[previous.end].lower_ == "of")
        prefix = (previous is not None and len(previous) == 1 and previous[0].lower_ in NAME_PREFIXES and previous.end == ent.start
                  and ent.label_ in NAME_RESTS and ent[0].is_title)
        if previous is not None and ((previous.end == ent.start or of_name) and previous.label_ in PLACE_LABELS and ent.label_ in PLACE_LABELS
                                     or prefix and previous.label_ in PLACE_LABELS):
            last = joined.pop()
            joined.append(Span(ent.doc, last.start, ent.end, label=last.label_))
        else:
            joined.append(ent)
    return joined


def _without_contained(spans: list[Span]) -> list[Span]:
    """The spans less those inside another one."""
    return [s for s in spans if not any(o.start <= s.start and s.end <= o.end and (o.start, o.end) != (s.start, s.end) for o in spans)]


def _one_name_when_adjacent(spans: list[Span]) -> list[Span]:
    """ "the Villa Copacabana sector" found as "Villa" and "Copacabana": names that follow each other
    with nothing between them, not even a comma, are one name."""
    merged: list[Span] = []
    for span in spans:
        previous = merged[-1] if merged else None
        if previous is not None and previous.end == span.start and previous[-1].is_title and span[0].is_title:
            merged[-1] = span.doc[previous.start : span.end]
        else:
            merged.append(span)
    return merged


def sentence_entities(doc: Doc) -> dict[int, list[Span]]:
    """Entities grouped by the start of their sentence; ``sent.ents`` rebuilds all of them at each call."""
    grouped: dict[int, list[Span]] = {}
    starts = sorted(s.start for s in doc.sents)
    import bisect

    for ent in doc.ents:
        grouped.setdefault(starts[bisect.bisect_right(starts, ent.start) - 1], []).append(ent)
    return grouped


def place_mentions(doc: Doc, sent: Span, ents: list[Span] | None = None) -> list[PlaceMention]:
    ents = [_whole_words(_on_to_its_place_word(_with_particles(part, sent), sent), sent)
            for e in (list(sent.ents) if ents is None else ents) for part in _entity_parts(e)]
    actor_tokens = set(span_groups.covered_tokens(doc, "actors"))
    spans: list[Span] = list(span_groups.starting_in(doc, "sites", sent.start, sent.end))
    taken = {i for s in spans for i in range(s.start, s.end)}
    for ent in _join_adjacent(ents):
        if ent.label_ in PLACE_LABELS and taken.isdisjoint(range(ent.start, ent.end)):
            if actor_tokens.issuperset(range(ent.start, ent.end)):
                continue
            spans.append(ent)
            taken.update(range(ent.start, ent.end))
    for ent in ents:
        # The NER often reads unfamiliar town names as people or organisations;
        # their position in the sentence says they are places.
        if ent.label_ in NAME_LABELS and taken.isdisjoint(range(ent.start, ent.end)) and (_in_locative_position(ent, spans) or _before_place_word(ent)):
            ent = _extend_left(ent, sent, taken | actor_tokens)
            for part in _split_coordinated(ent):
                spans.append(part)
            taken.update(range(ent.start, ent.end))
    for span in _capitalised_after_preposition(sent, taken | actor_tokens):
        spans.append(span)
        taken.update(range(span.start, span.end))
    for finder in (_named_before_a_region, _named_before_a_province, _named_before_its_unit_and_parenthesis, _named_before_its_governor):
        for span in finder(sent, taken | actor_tokens):
            spans.append(span)
            taken.update(range(span.start, span.end))
    for part in _parenthetical_names(sent, taken | actor_tokens):
        spans.append(part)
        taken.update(range(part.start, part.end))
    for part in _names_after_comma(sorted(spans, key=lambda s: s.start), sent, taken | actor_tokens):
        spans.append(part)
        taken.update(range(part.start, part.end))
    # Names grown to whole hyphenated words may now cover another found part ("Croix" and "Bouquets").
    spans = list({(s.start, s.end): s for s in (_whole_words(span, sent) for span in reversed(spans))}.values())[::-1]
    spans = _without_contained(spans)
    spans = _one_name_when_adjacent(sorted((s for s in spans if not is_attribution(s) and not _not_a_place_name(s)), key=lambda s: s.start))
    spans = [_with_its_river_or_region(span, sent) for span in spans]
    spans = _without_contained(spans)
    mentions = _roads_as_their_first_town(_with_city_districts([PlaceMention(span) for span in spans]))
    for previous, mention in zip(mentions, mentions[1:]):
        between = doc[previous.span.end : mention.span.start]
        # "Zorvel village of Pindaya township", "Ithariyah badia in Hama countryside": the phrase after a
        # place word locates the village (a neighbourhood of a town is coded to the town).
        of_a_unit = len(between) == 2 and between[0].lower_ in GENERIC_PLACE_WORDS - SUBTOWN_WORDS and between[1].lower_ in ("of", "in")
        if not between or len(between) > 3 or not (of_a_unit or all(t.text in (",", "(", "-") or t.is_space or t.lower_ in GENERIC_PLACE_WORDS for t in between)):
            continue
        # "Campinas (Sao Paulo)", "Coatzacoalcos, Veracruz": the second name only says where the
        # first is; but "Raqqa, Tabqa and Manbij" is a list of places.
        if ("(" in between.text and previous.span[-1].lower_ not in FACILITY_WORDS) or not _listed_with_a_conjunction(previous.span.root, mention.span.root):
            mention.hint_only = True
    for i, mention in enumerate(mentions):
        before = doc[max(sent.start, mention.span.start - 5) : mention.span.start].text.lower()
        mention.near = any(before.endswith(word) or f"{word} " in before[-len(word) - 12 :] for word in NEAR_WORDS)
        mention.descriptor = (any(re.search(rf"\b{d} of( the)?$", before) for d in DIRECTIONS) and i > 0
                              or ((_where_a_road_leads(mention.span) or _where_people_are_heading(mention.span)) and len(mentions) > 1)
                              or _origin_of_people(mention.span))
        mention.facility = mention.facility or _is_facility(mention.span)
        mention.admin_hints = []
        written = doc[mention.span.start : max(mention.span.end, mention.written_end)]
        end = written.end
        for following in mentions[i + 1 :]:
            # "Kwanan Dutse, Mariga LGA (Niger)", "Akeirshi town in Ar Raqqa countryside": the names
            # that go on locating it, not a later place of the sentence ("... in Ukraine").
            between = doc[end : following.span.start]
            if (not _locates(between) or following.span.root.i in _list_members(mention.span.root)
                    or ("," in between.text and _is_facility(following.span))):
                # "Vila Alianca community, Bangu neighbourhood": a part of a town or a building locates nothing.
                break
            # "Yakkasaray district of Tashkent city": the city, which may be a province of its own (Tashkent City).
            as_city = following.span.end < len(doc) and doc[following.span.end].lower_ == "city"
            mention.admin_hints.append(f"{following.text} city" if as_city else following.text)
            # "Zorvel village, Zorvelgo township (Pyay district, Bago region)": what locates the
            # township locates the village too.
            mention.admin_hints.extend(_parenthetical_after(following.span))
            end = following.span.end
        if _named_as_a_district(mention.span):
            # "in Zorvelgo (Kailali district)": the district, not a town of that name abroad.
            mention.admin_hints.insert(0, f"{mention.text} district")
        parenthetical = _parenthetical_after(written)
        if parenthetical:
            mention.admin_hints = list(dict.fromkeys([*parenthetical, *mention.admin_hints]))
        if parenthetical and written[-1].lower_ not in FACILITY_WORDS:
            # Every name in that parenthesis only says where this place is.
            close = next((t.i for t in doc[written.end : min(len(doc), written.end + PARENTHESIS_TOKENS + 4)] if t.text == ")"), written.end)
            for inner in mentions[i + 1 :]:
                if inner.span.start < close:
                    inner.hint_only = True
    _share_hints_in_lists(mentions)
    mentions.extend(_anaphors(sent, taken))
    return mentions


CODED_AS = frozenset({"to", "as", "in", "at"})
CODED_LEAD_WORDS = frozenset({"the", "its", "provincial", "district", "regional", "state", "county", "municipal", "capital"})
CODED_NAME_ENDS = frozenset({")", "]", ".", ";", "with", "and", "(", "[", "due", "because", "since", "for"})


def coded_location(doc: Doc) -> PlaceMention | None:
    """ "[coded to Vysne Nemecke]", "(coded to Canberra, Australian Capital Territory)", "Location
    coded as Nay Pyi Taw.": where an event-coding note says it placed the event, whatever the
    sentence names around it. The names after the first comma only say where that place is."""
    for token in doc[:-1]:
        if token.lower_ != "coded" or doc[token.i + 1].lower_ not in CODED_AS:
            continue
        start = token.i + 2
        while start < len(doc) and doc[start].lower_ in CODED_LEAD_WORDS:
            start += 1  # "Coded as provincial capital Baquba city"
        if start >= len(doc) or not doc[start].is_title or doc[start].ent_type_ in TIME_LIKE:
            continue
        end = start
        while end < len(doc) and doc[end].lower_ not in CODED_NAME_ENDS and not doc[end].is_space and not (
                doc[end].is_lower and doc[end].lower_ not in NAME_PARTICLES):
            end += 1
        parts = [part for part in _entity_parts(Span(doc, start, end, label="GPE")) if part.text.strip()]
        if not parts or set(range(parts[0].start, parts[0].end)) & set(span_groups.covered_tokens(doc, "actors")):
            # "unidentified militants (coded as Kashmir Rebels)": an actor's coding, not a place's.
            continue
        # The note's own closing bracket may stand between the name and the parenthesis of its district.
        named = Span(doc, parts[0].start, parts[0].end + 1) if parts[0].end < len(doc) and doc[parts[0].end].text in (")", "]") else parts[0]
        hints = [part.text for part in parts[1:]] + _parenthetical_after(named)
        return PlaceMention(parts[0], admin_hints=list(dict.fromkeys(hints)))
    return None


def _list_members(token: Token) -> set[int]:
    """The conjuncts listed with a token: "Raqqa, Tabqa and Manbij" is a list; "Zorvel, Istanbul" is
    a town and its province even where the parser joins them as conjuncts: a list needs its "and"
    or "or"."""
    group = {token.i, *(t.i for t in token.conjuncts)}
    doc = token.doc
    if len(group) > 1 and any(child.dep_ in ("cc", "preconj") for i in group for child in doc[i].children):
        return group
    return set()


def _listed_with_a_conjunction(first: Token, second: Token) -> bool:
    return bool(_list_members(first) or _list_members(second))


def _share_hints_in_lists(mentions: list[PlaceMention]) -> None:
    """ "in A, B and C in Marte LGA (Borno)", "between A and B (Beni, Nord-Kivu)": what locates the
    last of a list locates them all."""
    by_root = {m.span.root.i: m for m in mentions}
    for located, landmark in zip(mentions, mentions[1:]):
        # "took Sharq, Arak and Harur (coded to Shib Harur) west of Harib district (Marib)": what
        # locates the landmark locates the places told by their direction from it.
        if landmark.descriptor and landmark.admin_hints and not located.admin_hints and _by_direction_from(located.span, landmark.span):
            # The landmark's own unit first: an unknown village "north of Haradh district" lies by Haradh.
            own = [h for h in landmark.admin_hints if h.startswith(landmark.text)] or [landmark.text]
            hints = list(dict.fromkeys([*own, *landmark.admin_hints]))
            for member in [located, *(by_root[t.i] for t in located.span.root.conjuncts if t.i in by_root)]:
                member.admin_hints = member.admin_hints or hints
    for mention in mentions:
        if mention.admin_hints:
            continue
        for token in mention.span.root.conjuncts:
            other = by_root.get(token.i)
            if other is not None and other.span.start > mention.span.start and other.admin_hints:
                mention.admin_hints = list(other.admin_hints)
                break


def _by_direction_from(place: Span, landmark: Span) -> bool:
    """Whether only "<direction> of (the)", after a parenthesis or not, stands between them."""
    words = [t.lower_ for t in place.doc[place.end : landmark.start]]
    if words[:1] == ["("] and ")" in words:
        words = words[words.index(")") + 1 :]
    if words[:1] == [","]:
        words = words[1:]
    if words[-1:] == ["the"]:
        words = words[:-1]
    return len(words) == 2 and words[0] in DIRECTIONS and words[1] == "of"


SPEECH_VERBS = frozenset({"said", "says", "say", "told", "tells", "announced", "announces", "reported", "reports", "stated", "states", "confirmed", "confirms", "added", "claimed", "claims", "according", "denied", "warned", "noted", "briefed", "tweeted", "posted"})


NAME_LABELS = frozenset({"PERSON", "ORG", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"})


def _entity_parts(ent: Span) -> list[Span]:
    """The names in an entity the NER ran together: "Maryine, Kherson." is Maryine and Kherson;
    "Matalla (Rafah, North Sinai" is Matalla, its parenthesis left to say where it is; "the City
    Hall in Malmo" is in Malmo, "the University of California at San Diego" in San Diego."""
    doc = ent.doc
    end = next((t.i for t in ent[1:] if t.text == "("), ent.end)
    if ent.label_ in ("FAC", "ORG"):
        inside = next((t for t in doc[ent.start + 1 : end] if t.lower_ in ("in", "at") and t.i + 1 < end and doc[t.i + 1].is_title), None)
        if inside is not None:
            return [Span(doc, inside.i + 1, end, label="GPE")]
    parts: list[Span] = []
    start = ent.start
    for token in doc[ent.start : end]:
        if token.text == ",":
            if token.i > start:
                parts.append(Span(doc, start, token.i, label=ent.label_))
            start = token.i + 1
    # "the Nur Complex in": a preposition the NER ran the name on into is none of it.
    while end > start and (doc[end - 1].is_punct or (doc[end - 1].is_lower and doc[end - 1].pos_ == "ADP")):
        end -= 1
    if end > start:
        parts.append(Span(doc, start, end, label=ent.label_))
    return parts


# "Port-au-Prince", "Croix-des-Bouquets", "Komsomolsk-on-Amur", "Mazar-e-Sharif", "Pul-i-Khumri", "al-Asad"
HYPHEN_PARTICLES = NAME_PARTICLES | {"au", "aux", "des", "sur", "sous", "en", "on", "upon", "am", "i", "e"}


def _whole_words(span: Span, sent: Span) -> Span:
    """ "Croix" of "Croix-des-Bouquets": a name runs on through hyphens written without spaces."""
    doc = span.doc

    def joined(i: int) -> bool:  # doc[i] is a hyphen with no space on either side
        return doc[i].text == "-" and not doc[i - 1].whitespace_ and not doc[i].whitespace_

    def name_part(i: int) -> bool:  # "Bouquets", or a particle such as "des" with a name after it
        token = doc[i]
        return token.is_title or (token.lower_ in HYPHEN_PARTICLES and i + 2 < sent.end and joined(i + 1) and doc[i + 2].is_title)

    start, end = span.start, span.end
    # "Iran-affiliated", "Kyiv-based": a lower-case word after the hyphen makes an adjective, not a name.
    while end + 1 < sent.end and joined(end) and name_part(end + 1):
        end += 2
    while start - 2 >= sent.start and joined(start - 1) and (doc[start - 2].is_title or doc[start - 2].lower_ in HYPHEN_PARTICLES):
        start -= 2
    return span if (start, end) == (span.start, span.end) else Span(doc, start, end, label=span.label_)


def _with_particles(ent: Span, sent: Span) -> Span:
    """ "Deir" + "ez Zor", "Silao" + "de la Victoria": a name the NER cut at a particle."""
    doc = ent.doc
    particles = NAME_PARTICLES - {"-", "'", "of"}
    end = ent.end
    if doc[end - 1].lower_ in particles and end < sent.end and doc[end].is_title and doc[end].ent_type_ not in TIME_LIKE:
        # "Al" read alone before "Bab"; "San Nicolas de" before "Los Arroyos"
        end += 1
        while end < sent.end and doc[end].is_title and doc[end].ent_type_ not in TIME_LIKE:
            end += 1
    while True:
        # "Plan" + "de las Hayas": one or more particles, then the name goes on.
        after = end
        while after < sent.end and doc[after].lower_ in particles:
            after += 1
        if after == end or after >= sent.end or not doc[after].is_title or doc[after].ent_type_ in TIME_LIKE:
            break
        end = after + 1
        while end < sent.end and doc[end].is_title and doc[end].ent_type_ not in TIME_LIKE:
            end += 1
    start = ent.start
    # "Shakhta imeni" + "Gagarina", "Plan de las" + "Hayas": the words and joiners the NER left before the name.
    while start - 2 >= sent.start and doc[start - 1].lower_ in NAME_JOINERS:
        first = start - 1
        while first - 1 >= sent.start and doc[first - 1].lower_ in NAME_JOINERS:
            first -= 1
        if first - 1 < sent.start or not doc[first - 1].is_title or doc[first - 1].ent_type_ in TIME_LIKE or doc[first - 1].lower_ in _NOT_PLACES:
            break
        start = first - 1
        while start - 1 >= sent.start and doc[start - 1].is_title and doc[start - 1].ent_type_ not in TIME_LIKE and doc[start - 1].lower_ not in _NOT_PLACES:
            start -= 1
    if (start, end) == (ent.start, ent.end):
        return ent
    return Span(doc, start, end, label=ent.label_)


TIME_LIKE = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "QUANTITY", "PERCENT"})


def _on_to_its_place_word(ent: Span, sent: Span) -> Span:
    """ "in Dera Bugti city" with only "Dera" read as a name: the capitalised words up to the place
    word belong to it, and so does "province" right after a name."""
    doc = ent.doc
    end = ent.end
    while (end < sent.end and end < ent.end + 3 and doc[end].is_title and not doc[end].ent_type_
           and doc[end].lower_ not in GENERIC_PLACE_WORDS and doc[end].lower_ not in NAME_PARTICLES):
        end += 1
    if end > ent.end and end < sent.end and doc[end].lower_ in GENERIC_PLACE_WORDS:
        return Span(doc, ent.start, end, label=ent.label_)
    if end == ent.end and end < sent.end and doc[end].lower_ in ("province", "provinces"):
        # "in San Juan province": the word says which San Juan. Region, state, department also name
        # areas that are no first-level unit ("the Sahel region"); province does not.
        return Span(doc, ent.start, end + 1, label=ent.label_)
    return ent


def _extend_left(ent: Span, sent: Span, taken: set[int]) -> Span:
    """ "in Let Pan Hla village" with only "Pan Hla" read as a name: the capitalised words between
    the preposition and the name belong to it."""
    doc = ent.doc
    start = ent.start
    while start - 1 > sent.start and (start - 1) not in taken and doc[start - 1].is_title and not doc[start - 1].ent_type_ and doc[start - 1].lower_ not in _NOT_PLACES:
        start -= 1
    if start < ent.start and doc[start - 1].lower_ in LOCATIVE_PREPOSITIONS:
        return Span(doc, start, ent.end, label=ent.label_)
    return ent


def _before_place_word(ent: Span) -> bool:
    """ "Mubana village", "Mykolaiv region", "Al Hasakeh countryside", "Chios port"."""
    doc = ent.doc
    return ent.end < len(doc) and doc[ent.end].lower_ in GENERIC_PLACE_WORDS | {"countryside", "outskirts", "suburb", "suburbs", "port", "harbour", "harbor"}


FACILITY_WORDS = frozenset(
    {"square", "plaza", "park", "commons", "common", "courthouse", "court", "monument", "memorial", "college",
     "university", "school", "academy", "institute", "hospital", "clinic", "church", "cathedral", "mosque", "temple",
     "synagogue", "shrine", "home", "house", "residence", "hall", "capitol", "building", "tower", "center", "centre",
     "mall", "market", "bazaar", "stadium", "arena", "station", "terminal", "airport", "port", "bridge", "avenue",
     "street", "boulevard", "roundabout", "junction", "embassy", "consulate", "ministry", "office", "headquarters",
     "palace", "parliament", "prison", "jail", "factory", "plant", "mine", "hotel", "restaurant", "club", "library",
     "museum", "gate", "company", "corporation", "bank", "basilica", "chapel", "monastery", "theater", "theatre",
     "cinema", "supermarket", "store", "shop", "authority", "department", "directorate", "secretariat", "beach",
     "lighthouse"}
)


# ACLED codes a neighbourhood to its town.
SUBTOWN_WORDS = frozenset({"neighbourhood", "neighborhood", "sector", "quarter", "colonia", "barrio", "suburb", "estate",
                           "canton", "housing", "residential"})
# Words written before a neighbourhood's name: "in colonia Lorena", "the bairro Jardim America".
SUBTOWN_PREFIXES = frozenset({"colonia", "barrio", "bairro", "fraccionamiento", "favela", "comuna", "col."})


def _is_facility(span: Span) -> bool:
    """ "Lafayette Square", "Emory & Henry College", "Mayor Wu's home": a place within a town."""
    if span.label_ == "SITE":
        return False
    doc = span.doc
    last = span[-1].lower_
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    possessive = after in ("'s", "’s") and span.end + 1 < len(doc) and doc[span.end + 1].lower_ in FACILITY_WORDS
    first = span[0].lower_
    return (last in FACILITY_WORDS or after in FACILITY_WORDS | SUBTOWN_WORDS or before in SUBTOWN_PREFIXES or possessive
            or _headed_by_a_building(span) or _names_a_building(span)
            or (first in SUBTOWN_PREFIXES and (len(span) > 1 or (span.end < len(doc) and doc[span.end].is_title)))
            or (span.label_ == "PERSON" and after in ("'s", "’s")))


# The last word of a street's or a square's name: below the level ACLED codes, which is the town.
STREET_WORDS = frozenset({"road", "street", "streets", "avenue", "avenues", "boulevard", "square", "drive", "st", "st.", "lane"})


def names_a_street(span: Span) -> bool:
    """ "Cenderawasih Road", "Arbat St.": a street or a square, coded to the town it is in."""
    return len(span) > 1 and span[-1].lower_ in STREET_WORDS


def towns_in_its_name(span: Span) -> list[str]:
    """ "Pietermaritzburg High Court", "the Klawer Magistrate's Court": the capitalised words a building's
    name begins with, before its building word or possessive, longest first ("Pietermaritzburg High",
    "Pietermaritzburg"): one may name the town the building is in."""
    words = [t for t in span if t.lower_ != "the"]
    end = next((i for i, t in enumerate(words) if t.lower_ in FACILITY_WORDS or t.lower_ in ("'s", "’s") or not t.is_title), len(words))
    if end == len(words):
        return []
    return [" ".join(t.text for t in words[:n]) for n in range(end, 0, -1)]


def _headed_by_a_building(span: Span) -> bool:
    """ "the Basilica of San Nicola", "University of Florida" (a "Port of Spain" is a town)."""
    first = next((t for t in span if t.lower_ not in ("the", "a", "an")), span[0])
    return span.root.i == first.i and first.lower_ in FACILITY_WORDS - NAME_OF_HEADS


def _names_a_building(span: Span) -> bool:
    """ "Carnot middle school", "Henderson police station": the name modifies a building's noun."""
    token = span.root
    while token.dep_ in ("compound", "nmod", "amod") and token.i < token.head.i:
        token = token.head
    if token.i < span.end or token.lower_ not in FACILITY_WORDS:
        return False
    # "Kisii town center" is the middle of a town, not a building in it.
    return not any(t.lower_ in GENERIC_PLACE_WORDS for t in token.doc[span.end : token.i])




ROAD_WORDS = frozenset({"road", "highway", "motorway", "expressway", "freeway", "route", "railway", "railroad"})


def _where_a_road_leads(span: Span) -> bool:
    """ "blocked the highway to Quinara": where the road goes, not where it was blocked."""
    root = span.root
    if root.dep_ != "pobj" or root.head.lower_ not in ("to", "towards", "toward"):
        return False
    head = root.head.head
    # The parser hangs "to Quinara" on the verb as often as on the road.
    return head.lower_ in ROAD_WORDS or (head.pos_ == "VERB" and any(c.dep_ == "dobj" and c.lower_ in ROAD_WORDS for c in head.children))


HEADING_PHRASES = ("heading to", "heading towards", "headed to", "headed for", "heading for", "way to", "bound for", "route to")


def _where_people_are_heading(span: Span) -> bool:
    """ "gathered in Avignon as part of the convoy heading to Paris and Brussels": where they were going,
    not where they were."""
    doc = span.doc
    first = span.root
    while first.dep_ == "conj" and first.head.i < first.i:  # "... to Paris and Brussels"
        first = first.head
    start = min(first.left_edge.i, span.start)
    before = doc[max(0, start - 3) : start].text.lower()
    return before.endswith(HEADING_PHRASES)


def _origin_of_people(span: Span) -> bool:
    """ "locals from northern Salingyi", "citizens from Ukraine": where the people come from, not the event."""
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ == "from" and root.head.head.pos_ in ("NOUN", "PROPN", "PRON")


def _split_coordinated(ent: Span) -> list[Span]:
    """ "Qamishli and Kobani" read as one name: two places."""
    doc = ent.doc
    if ent[-1].lower_ in FACILITY_WORDS:
        return [ent]
    parts: list[Span] = []
    start = ent.start
    for token in ent:
        if token.lower_ in ("and", ",", "&"):
            if token.i > start:
                parts.append(doc[start : token.i])
            start = token.i + 1
    if start < ent.end:
        parts.append(doc[start : ent.end])
    return parts


TARGET_PREPOSITIONS = frozenset({"on", "against", "at", "toward", "towards", "upon"})


INSTITUTION_WORDS = frozenset(
    {"congress", "parliament", "senate", "assembly", "court", "ministry", "hospital", "university", "school",
     "college", "palace", "square", "plaza", "stadium", "embassy", "office", "headquarters", "council", "department",
     "directorate", "station", "church", "mosque", "temple", "market", "house", "hall", "building", "prison",
     "police", "supreme", "national", "federal", "central", "government", "state", "city", "municipal"}
)


WATER_WORDS = frozenset({"river", "rivers", "lake", "stream", "creek", "canal", "dam", "reservoir"})


TITLE_WORDS = frozenset({"head", "chief", "governor", "secretary", "deputy", "director", "commander", "women", "local"})


def _not_a_place_name(span: Span) -> bool:
    """Institutions ("the Congress", "City Hall") and bare initialisms ("UP", "BJP") are not places to look up."""
    if span.label_ == "SITE":
        return False
    words = [t for t in span if not t.is_punct]
    if not words:
        return True
    if words[0].lower_ in INSTITUTION_WORDS or " ".join(t.lower_ for t in words[-2:]) in ("city hall", "town hall", "police station"):
        return True
    if words[0].lower_ in TITLE_WORDS:
        # "kidnapped the Head of Zmiivka village", "the Chief Electoral Officer": a person, not a place.
        return True
    doc = span.doc
    if span.end < len(doc) and doc[span.end].lower_ in WATER_WORDS:
        # "a bridge over the Santo Domingo river", "on the Po river": a river, not the town so named.
        return True
    return len(words) == 1 and words[0].is_upper and len(words[0].text) <= 4 and span.label_ not in ("GPE",)


# "in the direction of X", "on the outskirts of X"
AREA_OF_WORDS = frozenset({"streets", "direction", "outskirts", "vicinity", "suburbs", "centre", "center", "environs", "periphery", "edge", "entrance", "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"})


def _in_locative_position(ent: Span, places: list[Span]) -> bool:
    root = ent.root
    if root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPOSITIONS - {"of", "from", "to"}:
        return True
    # "the village of Novohnativka", "the town of Beni"
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in GENERIC_PLACE_WORDS | AREA_OF_WORDS:
        return True
    # "close to Silao", "next to Kobani"
    if root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.head.lower_ in ("close", "next", "adjacent"):
        return True
    # "in the community Chica Brava"
    if root.dep_ == "appos" and root.head.lower_ in GENERIC_PLACE_WORDS:
        return True
    triggers = _event_words(ent.doc)
    # "bombed Liubotyn, Kharkiv", parsed as an adverbial: a place when its province follows.
    doc = ent.doc
    if root.dep_ == "npadvmod" and root.head.i in triggers and ent.end + 1 < len(doc) and doc[ent.end].text in (",", "(") and doc[ent.end + 1].is_title:
        return True
    if root.dep_ == "pobj" and root.head.lower_ in TARGET_PREPOSITIONS and any(ent.sent.start <= i < ent.sent.end for i in triggers):
        return True
    # "were evacuated from Mariupol", "withdrew from Kherson": where the event left from.
    if root.dep_ == "pobj" and root.head.lower_ == "from" and root.head.head.i in triggers:
        return True
    if root.dep_ == "dobj" and root.head.i in triggers:
        return True
    place_roots = {p.root.i for p in places}
    if root.dep_ == "conj" and root.head.i in place_roots:
        return True
    # "Virnopillia district, Kharkiv": a name after a comma that follows a place names its province.
    before = ent.start - 1
    if before > 0 and doc[before].text == "," and (doc[before - 1].lower_ in GENERIC_PLACE_WORDS or any(p.start <= before - 1 < p.end for p in places)):
        return True
    return False


SPEAKER_NOUNS = frozenset(
    {"spokesperson", "spokesman", "spokeswoman", "official", "officials", "authorities", "government", "governor",
     "minister", "ministry", "mayor", "administration", "sources", "source", "media", "newspaper", "agency",
     "prosecutor", "prosecutors", "statement", "officer", "command", "leadership", "regime"}
)


def is_attribution(span: Span) -> bool:
    """Who says it, not where it happened: "according to the Pentagon", "the White House said"."""
    root = span.root
    # "Tehran supplied the militias", "Moscow said": a capital standing for its government;
    # but "On 10 May, Zorvel, Ouest, gang members killed ...": a place its province follows.
    if root.dep_ == "nsubj":
        # "staged a protest in Negombo (Western) accusing the government": after "in", a place,
        # whatever subject the parser made of it.
        after_in = span.start > 0 and span.doc[span.start - 1].lower_ in ("in", "at", "near", "outside", "inside", "around", "across", "within", "through")
        return not after_in and not _followed_by_its_province(span) and not _after_a_place_word(span)
    if root.dep_ == "nsubjpass" and root.head.lower_ in SPEECH_VERBS:
        return True
    if root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.head.lower_ == "according":
        return True
    if root.dep_ == "pobj" and root.head.lower_ in ("from", "by") and root.head.head.lower_ in SPEECH_VERBS:
        return True
    # "Pentagon spokesperson", "Kyiv officials": a modifier of a speaker, not a location.
    if root.dep_ == "compound" and root.head.lower_ in SPEAKER_NOUNS:
        return not _a_governors_measure(root.head)
    return False


# What a governor's office does in its province: "issued a ban", "imposed a curfew".
MEASURE_VERBS = frozenset({"issued", "imposed", "banned", "declared", "ordered", "prohibited", "extended", "suspended"})


def _a_governors_measure(title: Token) -> bool:
    """ "Hakkari Governor's office issued a ban": the office acts in its province, it does not report."""
    if title.lower_ not in GOVERNOR_WORDS:
        return False
    verb = title
    while verb.dep_ in ("compound", "poss", "nsubj", "case") and verb.head.i != verb.i:
        verb = verb.head
    return verb.lower_ in MEASURE_VERBS


# Words before a town's name that say which part of it: "through central Cardiff".
PART_OF_A_PLACE = frozenset({"central", "downtown", "northern", "southern", "eastern", "western", "north", "south", "east", "west",
                             "northeastern", "northwestern", "southeastern", "southwestern", "rural", "urban", "greater", "inner", "outer"})


def _event_words(doc: Doc) -> frozenset[int]:
    """The tokens of trigger words, but for "held" and "rescued", which are events only with migrants
    for objects: what is held is people or things ("held Anti-Trudeau flags"), never a place."""
    return span_groups.covered_tokens(doc, "triggers") - {i for s in span_groups.group(doc, "triggers") if s.label_ == "hold" for i in range(s.start, s.end)}


def _capitalised_after_preposition(sent: Span, taken: set[int]) -> list[Span]:
    """Names the NER missed, read as capitalised words after a locative preposition
    or as the object of an event verb ("Russian forces shelled Dmytrivka, Kharkiv region")."""
    doc = sent.doc
    found: list[Span] = []
    triggers = _event_words(doc)
    for token in sent:
        if token.dep_ == "dobj" and token.head.i in triggers and token.is_title and token.i not in taken and token.ent_type_ not in ("PERSON", "NORP", "DATE", "CARDINAL"):
            start = token.i
            while start - 1 >= sent.start and doc[start - 1].dep_ == "compound" and doc[start - 1].is_title and (start - 1) not in taken:
                start -= 1
            if doc[start].lower_ not in _NOT_PLACES:
                found.append(doc[start : token.i + 1])
                taken = taken | set(range(start, token.i + 1))
    i = sent.start
    while i < sent.end - 1:
        token = doc[i]
        skip = 0
        while skip < 2 and i + skip + 2 < sent.end and (doc[i + 1 + skip].lower_ == "the" or (doc[i + 1 + skip].is_lower and doc[i + 1 + skip].lower_ in PART_OF_A_PLACE)):
            skip += 1  # "through central Cardiff", "in the eastern Zorvel district"; "in South Sudan" stays whole
        if token.lower_ in LOCATIVE_PREPOSITIONS and _capitalised(doc[i + 1 + skip]) and (i + 1 + skip) not in taken:
            start = i + 1 + skip
            end = start
            while end < sent.end and end not in taken and (_capitalised(doc[end]) or _particles_before_a_name(doc, end, sent.end)):
                end += 1
            if start < end < sent.end and doc[end].text in ("'", "’") and not doc[end - 1].whitespace_:
                end += 1  # "in Izra' town", "near Mare'": a transliteration's closing apostrophe (hamza, ayn)
            if end > start and end + 1 < sent.end and end not in taken and _NUMBERED_NAME.match(doc[end].text) and doc[end + 1].text == ",":
                # "in Mine 3, Donetsk", "at Checkpoint 12, Jenin": the number is part of the name.
                end += 1
            # "at the hospital of Alencon", "the prison of Zorvel": a town's institution names the town,
            # whatever the NER took the name for.
            of_a_facility = token.lower_ == "of" and i > sent.start and doc[i - 1].lower_ in FACILITY_WORDS and doc[start].ent_type_ in ("PERSON", "ORG", "")
            if end > start and (doc[start].ent_type_ not in ("PERSON", "ORG", "NORP", "DATE", "TIME", "CARDINAL", "EVENT", "LAW", "WORK_OF_ART")
                                or of_a_facility or (not _inside_a_name(token) and (_cut_short_before_its_locator(doc, start, end)
                                                                                    or _named_before_its_unit(doc, start, end)))) and doc[start].lower_ not in _NOT_PLACES:
                found.append(doc[start:end])
            i = end
            continue
        i += 1
    return found


def _capitalised(token: Token) -> bool:
    """A capitalised word, the apostrophe of a transliteration included: "Ma'arrat", "Nu'man" (not title case to Python)."""
    return token.is_title or (token.text[:1].isupper() and any(a in token.text for a in "'’") and token.text.replace("'", "").replace("’", "").istitle())


def _particles_before_a_name(doc: Doc, i: int, end: int) -> bool:
    """ "Castello de la Plana", "San Nicolas de los Arroyos": particles inside a name, before its next capitalised word."""
    j = i
    while j < end and j - i < 2 and doc[j].lower_ in NAME_PARTICLES:
        j += 1
    return i < j < end and doc[j].is_title


def _inside_a_name(token: Token) -> bool:
    """ "Ministry of Education and Science of Mongolia": an "of" between capitalised words joins a name."""
    return token.lower_ == "of" and token.i > 0 and token.doc[token.i - 1].is_title


def _named_before_its_unit(doc: Doc, start: int, end: int) -> bool:
    """ "in Ma'arrat An Nu'man city in Idleb": capitalised words after a preposition of place and before
    "city", "town" or "village" name it, whatever the NER took them for; "the Syrian city of Aleppo" is
    named after "of", and a lone nationality ("in Afghan village") names nothing."""
    if end >= len(doc) or doc[end].lower_ not in TOWN_UNIT_WORDS or (end + 1 < len(doc) and doc[end + 1].lower_ == "of"):
        return False
    return not (end - start == 1 and doc[start].ent_type_ == "NORP")


def _cut_short_before_its_locator(doc: Doc, start: int, end: int) -> bool:
    """ "in Kafr Zorvel (Qalqilya, West Bank)", "from Nasko (Magama, Niger)", "in Angra dos Reis (Rio de
    Janeiro)": a name after a preposition of place that a parenthesis of area names then locates is a
    place, whatever the NER took it or its words for (a nationality, a person, an organisation)."""
    if doc[start].ent_type_ not in ("NORP", "PERSON", "ORG") or end >= len(doc) or doc[end].text != "(":
        return False
    close = next((t.i for t in doc[end + 1 : min(len(doc), end + 14)] if t.text == ")"), None)
    if close is None or close == end + 1 or any(t.lower_ in FACILITY_WORDS for t in doc[start:end]):
        return False
    if close + 1 < len(doc) and doc[close + 1].lower_ in GENERIC_PLACE_WORDS:
        # "in Cemco (Cheme Ci) area": the parenthesis is the name's other spelling.
        return False
    names = [list(doc[a:b]) for a, b in _comma_parts(doc, end + 1, close)]
    return all(words and words[0].is_title and all(w.is_title or w.lower_ in NAME_PARTICLES or w.text == "-" for w in words)
               for words in names)


def _comma_parts(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """The (start, end) of each comma-separated part of doc[start:end]."""
    parts, begin = [], start
    for i in range(start, end):
        if doc[i].text == ",":
            parts.append((begin, i))
            begin = i + 1
    parts.append((begin, end))
    return parts


_NUMBERED_NAME = re.compile(r"^\d+(?:[/-]\d+)?$")
_NOT_PLACES = frozenset(
    {"the", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "president", "prime", "minister", "police", "army",
     "presidency", "republic", "government", "state", "parliament", "congress", "senate", "ministry", "court", "municipality"}
)


_NAME_BLOCKING_ENTITIES = TIME_LIKE | {"PERSON", "ORG", "NORP", "EVENT", "LAW", "WORK_OF_ART"}


REGION_WORDS = frozenset({"region", "province", "oblast", "governorate", "state", "district", "county", "department", "prefecture", "raion"})


def _names_before_a_comma(sent: Span, taken: set[int]):
    """Runs of capitalised proper nouns, not yet taken, that a comma follows."""
    doc = sent.doc
    i = sent.start + 1
    while i < sent.end:
        if i in taken or not doc[i].is_title or doc[i].pos_ != "PROPN":
            i += 1
            continue
        end = i
        while end < sent.end and end not in taken:
            token = doc[end]
            if token.is_title and token.pos_ == "PROPN":
                end += 1
            elif (token.lower_ in NAME_JOINERS and not token.is_title and end + 1 < sent.end and (end + 1) not in taken
                  and doc[end + 1].is_title and doc[end + 1].pos_ == "PROPN"):
                end += 2
            elif token.text == "-" and end + 1 < sent.end and (end + 1) not in taken and doc[end + 1].is_alpha and (
                    doc[end + 1].is_title or not (doc[end - 1].whitespace_ or token.whitespace_)):
                # "Port-au-Prince", and ACLED's "City - District"
                end += 2
            else:
                break
        if end < sent.end and doc[end].text == ",":
            yield doc[i:end]
        i = end + 1


def _named_before_a_region(sent: Span, taken: set[int]) -> list[Span]:
    """ "shelled Ocheretino, Donetsk region": a capitalised name followed by ", <Name> region"
    is a place, whatever the tagger made of it."""
    doc = sent.doc
    found: list[Span] = []
    for name in _names_before_a_comma(sent, taken):
        j = name.end + 1
        while j < sent.end and doc[j].is_title:
            j += 1
        if j > name.end + 1 and j < sent.end and doc[j].lower_ in REGION_WORDS:
            found.append(name)
    return found


TOWN_UNIT_WORDS = frozenset({"city", "town", "village", "township", "municipality"})


def _named_before_its_unit_and_parenthesis(sent: Span, taken: set[int]) -> list[Span]:
    """ "reached Jhelum city (Punjab)": capitalised words before "city", "town" or "village" and the
    parenthesis that locates them are a place, whatever the tagger made of them (or missed)."""
    doc = sent.doc
    found: list[Span] = []
    for token in sent:
        unit = token.i
        if (token.lower_ not in TOWN_UNIT_WORDS or unit + 1 >= sent.end or doc[unit + 1].text != "(" or unit - 1 <= sent.start
                or (unit - 1) in taken or not doc[unit - 1].is_title):
            continue
        start = unit - 1
        while start - 1 > sent.start and doc[start - 1].is_title and (start - 1) not in taken:
            start -= 1
        if doc[start].lower_ not in _NOT_PLACES and doc[start].ent_type_ not in TIME_LIKE:
            found.append(doc[start:unit])
    return found


def _after_a_comma_or_preposition(span: Span) -> bool:
    return span.start > 0 and (span.doc[span.start - 1].text == "," or span.doc[span.start - 1].lower_ in LOCATIVE_PREPOSITIONS)


def _after_a_place_word(span: Span) -> bool:
    """ "in Zorvel town, Istanbul to protest": the name after "town," locates the town before it;
    so does a province after a name and a comma where the verb it seems to be subject of has none
    ("in Zorvel, Istanbul to demand ..." may be parsed so)."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].text != ",":
        return False
    before = doc[span.start - 2]
    if before.lower_ in GENERIC_PLACE_WORDS:
        return True
    verb = span.root.head
    infinitive = verb.tag_ == "VB" and any(child.dep_ == "aux" and child.lower_ == "to" for child in verb.children)
    return before.pos_ == "PROPN" and infinitive and _is_province_name(span.text)


def _followed_by_its_province(span: Span) -> bool:
    doc = span.doc
    start = end = span.end + 1
    if start >= len(doc) or doc[span.end].text != ",":
        return False
    while end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN":
        end += 1
    return end > start and end < len(doc) and doc[end].text == "," and _is_province_name(doc[start:end].text)


# "Neustadt in Holstein", "Frankfurt am Main", "Freiburg im Breisgau", "Rothenburg ob der Tauber": a town
# named with its region or river, which the tagger cuts at the preposition.
TOWN_NAME_PREPOSITIONS = (("in",), ("am",), ("im",), ("an", "der"), ("ob", "der"), ("in", "der"), ("bei",), ("upon",))


def _with_its_river_or_region(span: Span, sent: Span) -> Span:
    """The span grown over "in Holstein", "am Main" where the gazetteer knows the whole as a town's name."""
    doc = span.doc
    for words in TOWN_NAME_PREPOSITIONS:
        start = span.end
        if start + len(words) >= sent.end or [t.lower_ for t in doc[start : start + len(words)]] != list(words):
            continue
        end = start + len(words)
        while end < sent.end and end - start < len(words) + 3 and doc[end].is_title:
            end += 1
        if end == start + len(words):
            continue
        whole = doc[span.start : end]
        if _is_a_town_name(whole.text):
            return Span(doc, whole.start, whole.end, label=span.label_)
    return span


def _is_a_town_name(name: str) -> bool:
    from conflict_events.geo import get_gazetteer
    from conflict_events.geo.normalize import normalize

    wanted = normalize(name)
    return any(normalize(p.name) == wanted and p.feature in ("populated place", "capital") for p in get_gazetteer().candidates(name, limit=5))


def _named_as_a_district(span: Span) -> bool:
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].lower_ != "district":
        return False
    from conflict_events.geo import get_gazetteer

    return bool(get_gazetteer().district_countries(clean_place_name(span.text)))


def _is_province_name(name: str) -> bool:
    from conflict_events.geo import get_gazetteer

    return bool(get_gazetteer().admin1_countries(name))


def _named_before_a_province(sent: Span, taken: set[int]) -> list[Span]:
    """ "threw a grenade at the residents of Trostianets, Sumy,": a capitalised name followed by
    ", <a province's name>" closing the phrase is a place, whatever the tagger made of either."""
    doc = sent.doc
    found: list[Span] = []
    for name in _names_before_a_comma(sent, taken):
        start = j = name.end + 1
        while j < sent.end and doc[j].is_title and doc[j].pos_ == "PROPN":
            j += 1
        closes = j >= sent.end or doc[j].is_punct or doc[j].pos_ in ("ADP", "CCONJ")
        if j > start and closes and _is_province_name(doc[start:j].text):
            found += [name, doc[start:j]] if not taken.intersection(range(start, j)) else [name]
    return found


GOVERNOR_WORDS = frozenset({"governor", "governorship", "governorate", "governor's"})


def _named_before_its_governor(sent: Span, taken: set[int]) -> list[Span]:
    """ "Hakkari Governor's office issued a ban ... in the province": a province named in its
    governor's title is where the governor's measures hold."""
    doc = sent.doc
    found: list[Span] = []
    for word in sent:
        if word.lower_ not in GOVERNOR_WORDS or word.i == sent.start:
            continue
        start = word.i
        while start > sent.start and doc[start - 1].is_title and doc[start - 1].pos_ == "PROPN" and start - 1 not in taken:
            start -= 1
        if start < word.i and _is_province_name(doc[start : word.i].text):
            found.append(doc[start : word.i])
    return found


def _names_after_comma(places: list[Span], sent: Span, taken: set[int]) -> list[Span]:
    """ "shelled Novomykhaylivka, Donetsk.", "shelled Zorvel village, Aleppo.": a capitalised name set off by
    a comma after a place (and the word for what it is), and ending the phrase, says which province or
    district the place is in."""
    doc = sent.doc
    found: list[Span] = []
    for place in places:
        comma = place.end + 1 if place.end < sent.end and doc[place.end].lower_ in GENERIC_PLACE_WORDS else place.end
        start = comma + 1
        if start >= sent.end or doc[comma].text != "," or start in taken or not doc[start].is_title:
            continue
        end = start
        while end < sent.end and end not in taken and (doc[end].is_title or (doc[end].lower_ in NAME_PARTICLES and end + 1 < sent.end and doc[end + 1].is_title)):
            end += 1
        # "..., Donetsk." / "..., Donetsk region" / "..., Donetsk with mortars": the name ends the place phrase.
        closes_phrase = end >= sent.end or doc[end].is_punct or doc[end].lower_ in GENERIC_PLACE_WORDS or (doc[end].tag_ in ("IN", "TO") and doc[end].lower_ != "of")
        if closes_phrase and doc[start].lower_ not in _NOT_PLACES and not any(doc[i].ent_type_ in _NAME_BLOCKING_ENTITIES for i in range(start, end)):
            found.append(doc[start:end])
            taken = taken | set(range(start, end))
    return found


def _parenthetical_names(sent: Span, taken: set[int]) -> list[Span]:
    """ "at the hospital of Oujda (Oujda, Oriental)": a parenthesis of capitalised names after a
    noun specifies where; its first name is a place mention in its own right."""
    doc = sent.doc
    found: list[Span] = []
    for token in sent:
        if token.text != "(" or token.i == sent.start or ((token.i - 1) in taken and doc[token.i - 1].lower_ not in FACILITY_WORDS):
            # After a place name the parenthesis only says which district or province it is in;
            # after a facility's name ("the Jeonju City Hall (Jeonju)") it says which town.
            continue
        close = next((t.i for t in doc[token.i + 1 : min(sent.end, token.i + 14)] if t.text == ")"), None)
        if close is None:
            continue
        end = next((t.i for t in doc[token.i + 1 : close] if t.text in (",", ";")), close)
        start = token.i + 1
        while end > start + 1 and doc[end - 1].lower_ in GENERIC_PLACE_WORDS:
            end -= 1
        if (start < end and all(doc[i].is_title or doc[i].lower_ in NAME_PARTICLES or _spaced_hyphen(doc[i]) for i in range(start, end))
                and taken.isdisjoint(range(start, end))):
            if doc[start].lower_ not in _NOT_PLACES:
                found.append(doc[start:end])
    return found


def _locates_a_list(between: Span) -> bool:
    """ "A and B districts, Kirkuk": the list's unit word in the plural, then its province."""
    return _locates(between) or (len(between) == 2 and between[0].lower_.rstrip("s") in GENERIC_PLACE_WORDS and between[1].text == ",")


def _locates(between: Span) -> bool:
    """What may stand between a place and the names of the areas it lies in."""
    return len(between) <= 6 and all(t.text in (",", "(", ")", "-") or t.is_space or t.lower_ in ("in", "of", "the") or _unit_word(t)
                                     for t in between)


# "Zorvel rural municipality-6", "the Zorvel gold mining site": words that qualify a local unit or
# name a kind of site, and a ward number.
UNIT_QUALIFIERS = frozenset({"rural", "urban", "metropolitan", "sub-metropolitan", "mining", "gold", "site"})


def _unit_word(token: Token) -> bool:
    """A word that names or qualifies the kind of place before it: "village", "rural", "site", "-6"."""
    return token.lower_ in GENERIC_PLACE_WORDS or token.lower_ in UNIT_QUALIFIERS or _ward_number(token)


def _ward_number(token: Token) -> bool:
    """ "-6", "6", or a place word and its number written as one ("municipality-6")."""
    numbered = re.fullmatch(r"([a-z]+)-\d+", token.lower_)
    return (token.like_num or (token.text == "-" and token.i + 1 < len(token.doc) and token.doc[token.i + 1].like_num)
            or bool(numbered and numbered.group(1) in GENERIC_PLACE_WORDS))


# The longest parenthesis of admin names read, in tokens.
PARENTHESIS_TOKENS = 24


def _parenthetical_after(span: Span) -> list[str]:
    """ "Pale town (Pale township, Yinmarbin district, Sagaing region)": the names in the parenthesis."""
    doc = span.doc
    start = span.end
    while start < len(doc) and start < span.end + 5 and _unit_word(doc[start]):
        start += 1
    start = _after_a_jurisdiction(doc, start)
    while start < len(doc) and doc[start].text == "(":
        # "(Pinlaung township, Pa-O Self-Administered Zone, Shan-South state)": a hyphen is a token of its own.
        close = next((t.i for t in doc[start : min(len(doc), start + PARENTHESIS_TOKENS)] if t.text == ")"), None)
        if close is None:
            break
        names = [part.strip() for part in doc[start + 1 : close].text.split(",") if part.strip() and not part.strip().isdigit()]
        if _a_coding_note(doc[start + 1 : close]):
            # "(coded to Los Pijiguaos, Bolivar)": the note names a place, then where it is; "Ham area
            # (coded to Jabal Ham) (Al Maton, Al Jawf)": where it is comes in the next parenthesis.
            if len(names) > 1:
                return names[1:]
            start = close + 1
            continue
        return names
    return []


def _a_coding_note(inner: Span) -> bool:
    return len(inner) > 1 and inner[0].lower_ == "coded" and inner[1].lower_ in CODED_AS


def _after_a_jurisdiction(doc: Doc, i: int) -> int:
    """Past "under Zorvel police station limits", the police station's area named between a village and
    the parenthesis of its district and state; else `i`."""
    if i >= len(doc) or doc[i].lower_ != "under":
        return i
    for j in range(i + 1, min(len(doc), i + 9)):
        if doc[j].lower_ in ("limits", "limit", "jurisdiction", "area") and doc[j - 1].lower_ == "station":
            return j + 1
        if not (doc[j].is_title or doc[j].lower_ in ("police", "station", "the")):
            return i
    return i


def _with_city_districts(mentions: list[PlaceMention]) -> list[PlaceMention]:
    """ "in Rio de Janeiro - West Zone (Rio de Janeiro)", "Al Quds - Shaykh Jarrah": a city and, after a
    hyphen written with spaces, the district of it, as ACLED names places in big cities. The
    district is part of the city's mention, not a place of its own."""
    kept: list[PlaceMention] = []
    district_tokens: set[int] = set()
    for mention in mentions:
        if mention.span.start in district_tokens:
            continue
        span = mention.span
        doc = span.doc
        inner = next((t.i for t in span[1:-1] if _spaced_hyphen(t)), None)
        if inner is not None:
            city, district = doc[span.start : inner], doc[inner + 1 : span.end]
        elif span.end + 1 < len(doc) and _spaced_hyphen(doc[span.end]) and doc[span.end + 1].is_title:
            end = span.end + 1
            while end < len(doc) and end < span.end + 6 and (doc[end].is_title or doc[end].lower_ in NAME_PARTICLES or doc[end].like_num):
                end += 1
            city, district = span, doc[span.end + 1 : end]
        else:
            kept.append(mention)
            continue
        district_tokens.update(range(district.start, district.end))
        mention.span = Span(doc, city.start, city.end, label=span.label_)
        mention.city_district = clean_place_name(district.text)
        mention.written_end = district.end
        kept.append(mention)
    return [m for m in kept if m.span.start not in district_tokens]


def _roads_as_their_first_town(mentions: list[PlaceMention]) -> list[PlaceMention]:
    """ "blocked the Cuenca - Azogues highway", "on the Zorvel-Zorvelgo road": a road named by the towns
    it joins. It says which road, like a building says where in a town: the place the text names
    for the event comes first, and where the road is all there is, it is placed at its first town."""
    for mention in mentions:
        span = mention.span
        doc = span.doc
        end = max(span.end, mention.written_end)
        if end >= len(doc) or doc[end].lower_ not in ROAD_WORDS:
            continue
        cut = next((t.i for t in span[1:-1] if t.text in ("-", "–") and not t.whitespace_ and not doc[t.i - 1].whitespace_
                    and len(doc[t.i - 1].text) > 2 and doc[t.i - 1].is_title and doc[t.i + 1].is_title), None)
        if cut is None and not mention.city_district:
            continue  # "on the As Sanamayn road": a road named after one town is where that town is
        if cut is not None:
            mention.span = Span(doc, span.start, cut, label=span.label_)
        mention.city_district = ""
        mention.facility = True
        # "the Zorvel-Zorvelgo road (Ofu, Kogi)": the parenthesis after the road locates it.
        mention.written_end = end + 1
    return mentions


def _spaced_hyphen(token: Token) -> bool:
    return token.text in ("-", "–") and token.i > 0 and bool(token.doc[token.i - 1].whitespace_) and bool(token.whitespace_)


def _anaphors(sent: Span, taken: set[int]) -> list[PlaceMention]:
    """ "the air base", "the town", "there": places that point back to one already named."""
    doc = sent.doc
    found: list[PlaceMention] = []
    for token in sent:
        if token.i in taken:
            continue
        if token.lower_ == "there" and token.dep_ == "advmod":
            found.append(PlaceMention(doc[token.i : token.i + 1], anaphoric=True))
        elif token.lower_ in ANAPHORS and token.pos_ == "NOUN" and any(c.lower_ == "the" for c in token.children) and not _named_by_of(token, taken):
            left = min(c.i for c in token.children if c.lower_ == "the")
            found.append(PlaceMention(doc[left : token.i + 1], anaphoric=True))
    return found


def _named_by_of(token: Token, taken: set[int]) -> bool:
    """ "the village of Novohnativka": the noun is named right there, it points back to nothing."""
    return any(c.lower_ == "of" and any(g.i in taken for g in c.children) for c in token.children)


def link_places(trigger: Span, mentions: list[PlaceMention], other_triggers: list[Span]) -> list[PlaceMention]:
    """The place mentions a trigger reports; several when it lists places ("in A, B and C")."""
    if not mentions:
        return []
    head = trigger.root
    scope = _scope(head)
    mentions = [m for m in mentions if not m.hint_only and not m.facility] or mentions
    if trigger.label_ == "displacement":
        # "families from Zorvelkivka fled to Kharkiv": ACLED places the displaced where they fled from.
        fled_from = next((m for m in mentions if _from_phrase(m.span)), None)
        if fled_from is not None:
            listed = _listed_together(mentions)
            return listed if fled_from in listed else [fled_from]
    # "held a protest to demand justice for three journalists who were killed in Veracruz": a place inside
    # a clause that tells about someone is theirs, not the event's, where the text names another.
    mentions = [m for m in mentions if not _in_a_clause_about_someone(m.span, head)] or mentions
    # "nationals living in Mersin staged a protest in Mezitli": a place inside the subject describes the actors.
    describing = _subject_tokens(head)
    mentions = [m for m in mentions if m.span.root.i not in describing] or mentions
    inside = [m for m in mentions if m.span.root.i in scope and not m.descriptor]
    if not inside:
        owned_by_others = _scopes_of_others(trigger, scope, other_triggers)
        inside = [m for m in mentions if not m.descriptor and m.span.root.i not in owned_by_others]
    if not inside:
        inside = [m for m in mentions if not m.descriptor] or mentions
    named = [m for m in inside if not m.anaphoric]
    pool = named or inside
    # "detained a student from Zorvelgo in Pyay", "shelled Zorvel from Russian territory": where someone
    # or something came from is not where the event was, if the text says where that was.
    pool = [m for m in pool if not _from_phrase(m.span)] or pool
    # "across all district headquarters in Assam state, including in Jorhat city": the places given
    # as examples of a wider area are the ones a coder can place the event at.
    pool = [m for m in pool if _named_as_an_example(m.span)] or pool
    # "a march on the anniversary of the return of Okinawa to Japan in Miyakojima": a place some
    # noun is about is the protest's topic where the text also says where it was.
    if any(_after_a_locative(m.span) for m in pool):
        pool = [m for m in pool if not _what_a_noun_is_about(m.span)] or pool
    listed = _listed_together(pool)
    if listed:
        return listed
    return [min(pool, key=lambda m: abs(m.span.start - trigger.start))]


EXAMPLE_WORDS = frozenset({"including", "notably", "particularly", "especially"})
PLACES_WORDS = frozenset({"towns", "cities", "villages", "areas", "districts", "provinces", "regions", "localities", "places", "camps"})

AT_PREPOSITIONS = frozenset({"in", "at", "near", "inside", "outside", "around", "across"})
# Nouns whose "of X" is a part or a side of the place X, not a topic: "the outskirts of Kabul", "the streets of Paris".
PLACE_PART_NOUNS = GENERIC_PLACE_WORDS | PLACES_WORDS | PART_OF_A_PLACE | frozenset({
    "streets", "street", "centre", "center", "heart", "port", "coast", "shore", "shores", "side", "part", "parts", "edge",
    "entrance", "border", "borders", "capital", "periphery", "surroundings", "environs", "territory", "territories", "airport",
    "northeast", "northwest", "southeast", "southwest", "outskirt", "gates", "gate", "square", "skies", "sky", "waters"})


# Words after a name that make it a part of a town: "in Campo Novo farm", "Santa Luzia community", "the Penha neighborhood".
PART_OF_A_TOWN_WORDS = SUBTOWN_WORDS | STREET_WORDS | frozenset({
    "farm", "farms", "community", "communities", "neighbourhoods", "neighborhoods", "allotment", "vereda", "veredas", "settlement",
    "colony", "hamlet", "ranch", "hacienda", "ward", "district", "area", "slum", "favela", "village", "villages"})


def names_a_part_of_a_town(mention: "PlaceMention") -> bool:
    """ "in Campo Novo farm", "the La Concordia neighborhood", "in the Penha, Muquico, and Engenho Novo neighborhoods",
    "between Mendoza and Santa Fe Streets": a name given as a part of a town."""
    span = mention.span
    doc = span.doc
    if len(span) > 1 and span[-1].lower_ in PART_OF_A_TOWN_WORDS:
        return True
    i = span.end
    # Over the rest of a list of names to the word that says what they all are.
    while (i < min(len(doc), span.end + 10) and doc[i].lower_ not in PART_OF_A_TOWN_WORDS
           and (doc[i].is_title or doc[i].text in (",", "&") or doc[i].lower_ in ("and", "or"))):
        i += 1
    return i < len(doc) and doc[i].lower_ in PART_OF_A_TOWN_WORDS


def _after_a_locative(span: Span) -> bool:
    """ "in Miyakojima", "near the village of Zorvel": a place given as where something is."""
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in PLACE_PART_NOUNS:
        root = root.head.head
    return root.dep_ == "pobj" and root.head.lower_ in AT_PREPOSITIONS


def _in_a_clause_about_someone(span: Span, trigger: Token) -> bool:
    """Whether the place is inside a relative clause ("who were killed in Veracruz") that does not hold the trigger."""
    token = span.root
    for _ in range(8):
        if token.dep_ == "relcl":
            return not (token.left_edge.i <= trigger.i <= token.right_edge.i)
        if token.head.i == token.i:
            return False
        token = token.head
    return False


def _what_a_noun_is_about(span: Span) -> bool:
    """ "the return of Okinawa", "the invasion of Ukraine": the place a noun (not a part of a place) is about."""
    root = span.root
    if root.dep_ != "pobj" or root.head.lower_ != "of":
        return False
    noun = root.head.head
    return noun.pos_ == "NOUN" and noun.lower_ not in PLACE_PART_NOUNS


def _named_as_an_example(span: Span) -> bool:
    """ "including in Jorhat", "notably at Kidal", "towns such as Goma": a place given as an example
    ("people including Florida State Senator ..." gives a person)."""
    doc = span.doc
    i = span.start - 1
    located = False
    while i >= 0 and i >= span.start - 3 and doc[i].lower_ in ("in", "at", "near", "the"):
        located = located or doc[i].lower_ != "the"
        i -= 1
    if i < 0:
        return False
    if doc[i].lower_ in EXAMPLE_WORDS:
        return located
    return doc[i].lower_ == "as" and i > 1 and doc[i - 1].lower_ == "such" and doc[i - 2].lower_ in PLACES_WORDS


# "fired from A towards positions near B": B is aimed at, wherever the parser hangs the phrase.
AIMED_AT_PREPOSITIONS = frozenset({"towards", "toward", "at", "into", "onto", "against"})


def _from_phrase(span: Span) -> bool:
    """ "from Zorvel", "from their positions in the Zorvel region": inside a phrase after "from",
    up to the verb it belongs to, and not in a phrase saying what was aimed at within it."""
    token = span.root
    while token.head.i != token.i and token.pos_ not in ("VERB", "AUX"):
        if token.dep_ == "pobj" and token.head.lower_ == "from":
            return True
        if token.dep_ == "pobj" and token.head.lower_ in AIMED_AT_PREPOSITIONS:
            return False
        token = token.head
    return False


def _subject_tokens(head: Token) -> set[int]:
    verb = head if head.pos_ in ("VERB", "AUX") else head.head
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return set()
    return {t.i for t in subject.subtree if t.i != subject.i}


def _scopes_of_others(trigger: Span, scope: set[int], other_triggers: list[Span]) -> set[int]:
    """Tokens that belong to the other triggers: all of a trigger nested in this one's scope,
    and the part of any other trigger's scope that lies outside this one's."""
    owned: set[int] = set()
    head = trigger.root
    for other in other_triggers:
        if other.start == trigger.start:
            continue
        other_scope = _scope(other.root)
        nested = other.root.i in scope and other.root.i != head.i
        owned |= other_scope if nested else other_scope - scope
    return owned


def _scope(head: Token) -> set[int]:
    anchor = head
    if head.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj", "compound", "amod") and head.pos_ in ("NOUN", "PROPN"):
        anchor = head.head if head.dep_ != "pobj" else head.head.head
    return set(range(anchor.left_edge.i, anchor.right_edge.i + 1))


def _listed_together(mentions: list[PlaceMention]) -> list[PlaceMention]:
    """Places in one coordination: "hit facilities in Jurf al-Sakhar, al-Qaim and another site"."""
    if len(mentions) < 2:
        return []
    ids = {m.span.root.i: m for m in mentions}
    for mention in mentions:
        if _between(mention.span):
            # "clashes between Toun and Koloye": one event, placed at the first.
            continue
        group = [mention]
        for token in mention.span.root.conjuncts:
            if token.i in ids and ids[token.i] not in group:
                group.append(ids[token.i])
        if len(group) > 1:
            return sorted(group, key=lambda m: m.span.start)
    return []


def _between(span: Span) -> bool:
    token = span.root
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ == "between"


# Nouns a country names the owner of by naming who acts or speaks ("U.S. forces", "Iraqi officials").
ACTOR_HEADS = SPEAKER_NOUNS | {"forces", "force", "troops", "army", "military", "police", "coalition", "militia", "militias",
                              "soldiers", "navy", "officers", "intelligence", "warplanes", "aircraft", "jets", "drones", "president"}


def modifies_a_thing(span: Span) -> bool:
    """ "against the US dollar", "Lebanon's debt": a country named as what a thing belongs to, where
    the thing is no event or actor ("the U.S. attack", "U.S. forces" say who acted)."""
    root = span.root
    head = root.head
    if root.dep_ not in ("compound", "poss", "nmod") or head.pos_ != "NOUN":
        return False
    doc = span.doc
    return head.i not in _event_words(doc) and head.i not in span_groups.covered_tokens(doc, "actors") and head.lower_ not in ACTOR_HEADS


# Nouns that name a part of a country: "in various parts of Bahrain", "in cities across Iraq" say where.
PARTS_OF_A_COUNTRY = frozenset({"part", "parts", "rest", "north", "south", "east", "west", "centre", "center", "interior",
                                "capital", *GENERIC_PLACE_WORDS, *(word + "s" for word in GENERIC_PLACE_WORDS if not word.endswith("s")),
                                "cities", "communities", "localities", "municipalities", "counties"})

# Prepositions that put a country after a noun as what it is about, never as where something is.
TOPIC_PREPOSITIONS = frozenset({"of", "with", "to", "towards", "toward", "against", "for", "from", "about", "over"})


def named_as_a_topic(ent: Span) -> bool:
    """ "against the war in Ukraine", "rallied in solidarity with Palestine", "delivering arms to
    Ukraine": a country a noun is about, or reached by a preposition that never says where, not
    where a clause happens ("protested in Berlin", "Russian forces shelled Kharkiv, Ukraine").

    A sentence the syntax gate left unparsed tells no event; there a country after one of
    TOPIC_PREPOSITIONS ("They denounced the invasion of Ukraine") is taken for a topic.
    """
    root = ent.root
    if root.tag_:
        if root.dep_ != "pobj" or (root.head.head.lower_ in PARTS_OF_A_COUNTRY and root.head.lower_ not in ("to", "towards", "toward")):
            # "villages of Bahrain" are in it; "the highway towards Peru" only leads there.
            return False
        # The parser hangs such phrases on the verb as often as on the noun they belong to.
        return root.head.head.pos_ in ("NOUN", "PROPN") or root.head.lower_ in TOPIC_PREPOSITIONS
    doc = ent.doc
    before = ent.start - 1
    if before >= 0 and doc[before].lower_ == "the":
        before -= 1
    # ... and so is an agent: "the invasion of Ukraine by Russia".
    return before >= 0 and doc[before].lower_ in TOPIC_PREPOSITIONS | {"by"}


def only_what_it_is_about(ent: Span) -> bool:
    """ "against the war in Ukraine", "the Ukraine crisis": a country named as a topic or as what
    a noun is about places nothing."""
    return named_as_a_topic(ent) or modifies_a_thing(ent)


def country_context(doc: Doc, country_of, admin1_countries=None) -> list[str]:
    """Countries the article names as places, most mentioned first (ties by first mention).

    A country name counts, and so does a province or state name that only one country has
    ("Kharkiv", "Sagaing region"). Nationality words are left out: "Russian forces shelled a
    village" names an actor, not the country the village is in.
    """
    counts: Counter[str] = Counter()
    topics: Counter[str] = Counter()
    first: dict[str, int] = {}
    province_owners: dict[int, list[str]] = {}  # entity start -> countries with a province of that name

    def owners_of(ent: Span) -> list[str]:
        if ent.label_ not in ("GPE", "LOC", "ORG", "PERSON", "FAC") or admin1_countries is None or _names_a_local_unit(ent):
            return []
        name = area_name(clean_place_name(ent.text))
        return list(admin1_countries(name)) if name else []

    ents = list(doc.ents)
    for ent in ents:
        if ent.label_ in ("GPE", "LOC") or (ent.label_ in ("PERSON", "ORG", "FAC") and _after_a_comma_or_preposition(ent)
                                              and not (admin1_countries and admin1_countries(ent.text))):
            # "(Zorvelama, Eastern), Sri Lanka," with the country read as a person: where it stands says
            # place; "(Zorvelgo, Niger)" may be Nigeria's Niger state as well.
            country = country_of(ent.text)
            if country:
                topic = only_what_it_is_about(ent)
                counts[country] += 0.25 if topic else 1
                topics[country] += topic
                first.setdefault(country, ent.start)
                continue
        # The NER often misreads province names ("Shan-North" as a person): the name decides.
        province_owners[ent.start] = owners_of(ent)
    for index, ent in enumerate(ents):
        owners = province_owners.get(ent.start, [])
        if len(owners) != 1:
            continue
        # "in Buenos Aires (Ancash)", "the area of Nara (Nara, Koulikoro)": the largest unit, named
        # last in the parenthesis, places it, tagged or not; else the name right after it.
        inside = _parenthetical_after(ent)
        located_in = list(admin1_countries(area_name(inside[-1]))) if inside else []
        # "between Al Sada and Tal Al Rashad districts, Kirkuk": a list is placed by what follows it.
        after = index + 1
        while after < len(ents) and doc[ents[after - 1].end : ents[after].start].text.strip().lower() in ("and", "or", ", and"):
            after += 1
        following = ents[after] if after < len(ents) else None
        between = doc[ents[after - 1].end : following.start] if following is not None else None
        if not located_in and between is not None and (_locates(between) or (after > index + 1 and _locates_a_list(between))):
            located_in = province_owners.get(following.start, [])
        if located_in and owners[0] not in located_in:
            # "in San Martin, San Salvador": a town named like another country's province, placed by its own.
            continue
        counts[owners[0]] += 0.5
        first.setdefault(owners[0], ent.start)
    if admin1_countries is not None:
        # Province names the NER missed or called a nationality ("Mine 3, Donetsk", "Aleppo countryside").
        for run in _untagged_proper_names(doc):
            if _names_a_local_unit(run):
                continue
            owners = admin1_countries(area_name(run.text))
            if len(owners) == 1:
                counts[owners[0]] += 0.5
                first.setdefault(owners[0], run.start)
    # A country only ever named as what something is about ("the war in Ukraine", "citizens from
    # Ukraine ... the intervention in Ukraine") is no context, however often.
    return sorted((c for c in counts if counts[c] >= 0.5 and counts[c] > 0.25 * topics[c]), key=lambda c: (-counts[c], first[c]))


LOCAL_UNIT_WORDS = frozenset({"district", "subdistrict", "sub-district", "township", "county", "municipality", "village", "town", "city", "commune", "locality", "neighbourhood", "neighborhood", "ward", "tehsil", "upazila", "lga"})


def _names_a_local_unit(span: Span) -> bool:
    """ "Riyad district": a district or town of that name, not the province of another country."""
    return span.end < len(span.doc) and span.doc[span.end].lower_ in LOCAL_UNIT_WORDS


def _untagged_proper_names(doc: Doc) -> list[Span]:
    """Runs of capitalised proper nouns that no place, organisation or person entity covers,
    joined by the particles inside a name.

    A capitalised word before a province word is a name whatever the tagger made of it
    ("Sagaing region" with Sagaing read as a verb in -ing)."""
    covered = {i for ent in doc.ents if ent.label_ in ("GPE", "LOC", "ORG", "PERSON", "FAC") for i in range(ent.start, ent.end)}
    runs: list[Span] = []
    start = None
    for token in doc:
        named = token.pos_ == "PROPN" or (token.i + 1 < len(doc) and doc[token.i + 1].lower_ in ADMIN_WORDS)
        inside = token.i not in covered and token.is_title and named and not token.is_sent_start
        if (start is not None and token.lower_ in NAME_JOINERS and not token.is_title and token.i + 1 < len(doc)
                and doc[token.i + 1].is_title and doc[token.i + 1].i not in covered):
            continue  # "Mocimboa da Praia" is one name, not Mocimboa and Praia
        if inside and start is None:
            start = token.i
        elif not inside and start is not None:
            runs.append(doc[start : token.i])
            start = None
    if start is not None:
        runs.append(doc[start : len(doc)])
    return runs

"""The project's spaCy components.

Each writes span groups on the Doc and nothing else; the event rules read them
afterwards as pure functions. All of them work on ``spacy.blank("en")`` too,
since they match on token text, not on tags.

Span groups written:
  weapons     label = weapon class ("drone", "missile", "ied" ...)
  triggers    label = trigger family ("air", "shelling", "protest" ...)
  actors      label = canonical actor name from the actor dictionary
  sites       label = "SITE" (air bases, camps, crossings ... from the curated sites file)
  casualties  label = "KILLED" or "INJURED"; ``span._.casualty_count`` holds the figure
  dates       label = "DATE" (weekdays, month-day forms, relative expressions)
"""

from __future__ import annotations

import csv
import io
import logging
import re
from importlib import resources
from typing import Callable, Iterable

import numpy
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span
from spacy.util import filter_spans, registry

from conflict_events.nlp import lexicon

log = logging.getLogger(__name__)

if not Span.has_extension("casualty_count"):
    Span.set_extension("casualty_count", default=None)


class PhraseIndex:
    """Phrases as token-key tuples (LOWER or ORTH hashes) with their labels: the matches spaCy's
    PhraseMatcher finds, from two dicts.

    Built in a few milliseconds where the PhraseMatcher's trie takes ~50 ms for the
    actor dictionary's ~17k aliases, a cost every process pays before its first row.
    A phrase listed under two labels keeps the first.
    """

    def __init__(self, patterns: dict[str, list[list[int]]], attr: str) -> None:
        self.attr = attr
        self.labels: dict[tuple[int, ...], str] = {}
        lengths: dict[int, set[int]] = {}
        for label, phrases in patterns.items():
            for keys in phrases:
                if keys:
                    self.labels.setdefault(tuple(keys), label)
                    lengths.setdefault(keys[0], set()).add(len(keys))
        # first key -> the lengths of the phrases it starts, shortest first
        self.lengths = {key: sorted(found) for key, found in lengths.items()}

    def __call__(self, doc: Doc) -> list[tuple[str, int, int]]:
        return self.matches(doc.to_array(self.attr).tolist())

    def matches(self, keys: list[int]) -> list[tuple[str, int, int]]:
        """(label, start, end) of every phrase in a document's token keys, by start, then length."""
        found: list[tuple[str, int, int]] = []
        labels, lengths, n = self.labels, self.lengths, len(keys)
        for start, key in enumerate(keys):
            for length in lengths.get(key, ()):
                end = start + length
                if end > n:
                    break
                label = labels.get(tuple(keys[start:end]))
                if label is not None:
                    found.append((label, start, end))
        return found


def _phrase_index(nlp: Language, phrases: Iterable[tuple[str, str]], attr: str = "LOWER") -> PhraseIndex:
    by_label: dict[str, list[str]] = {}
    for phrase, label in phrases:
        by_label.setdefault(label, []).append(phrase)
    # The patterns as LOWER (or ORTH) hashes, the values the matcher takes from tokenized Docs,
    # cached on disk by phrase list and tokenizer: tokenizing ~17k actor aliases is
    # most of the cost of building the pipeline.
    patterns = _cached_patterns(nlp, by_label, attr)
    if patterns is None:
        value = (lambda token: token.orth) if attr == "ORTH" else (lambda token: token.lower)
        patterns = {label: [[value(token) for token in doc] for doc in nlp.tokenizer.pipe(items)] for label, items in by_label.items()}
        _cache_patterns(nlp, by_label, patterns, attr)
    return PhraseIndex(patterns, attr)


# --- the on-disk cache of tokenized phrase patterns -----------------------------------
#
# A file per phrase list and tokenizer: {"key": KEY, "patterns": {label: [[LOWER hash, ...], ...]}}.
# KEY hashes the phrases with their labels, the spaCy version and the pipeline's name,
# version, folder and tokenizer file, so any change to the lexicons, the actor
# dictionary (user files included) or the model makes a new entry. Only pipelines
# loaded from a folder are cached (a pipeline built in code may have changed its
# tokenizer). CONFLICT_EVENTS_CACHE_DIR moves the cache; set it empty to turn it off.


def _cache_dir():
    import os
    from pathlib import Path

    configured = os.environ.get("CONFLICT_EVENTS_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured.strip() else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "conflict-events"


def _cache_key(nlp: Language, by_label: dict[str, list[str]], attr: str) -> str | None:
    import hashlib
    import json
    from pathlib import Path

    import spacy

    if getattr(nlp, "path", None) is None:
        return None
    tokenizer_file = Path(nlp.path) / "tokenizer"
    try:
        stat = tokenizer_file.stat()
    except OSError:
        return None
    meta = nlp.meta
    head = [spacy.__version__, meta.get("lang"), meta.get("name"), meta.get("version"), str(nlp.path), stat.st_size, stat.st_mtime_ns, attr]
    digest = hashlib.sha256(json.dumps(head).encode("utf-8"))
    digest.update(json.dumps(by_label, ensure_ascii=False).encode("utf-8"))
    return digest.hexdigest()


def _cached_patterns(nlp: Language, by_label: dict[str, list[str]], attr: str) -> dict[str, list[list[int]]] | None:
    import json
    import os

    directory = _cache_dir()
    key = _cache_key(nlp, by_label, attr) if directory is not None else None
    if key is None:
        return None
    path = directory / f"phrases-{key[:32]}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        patterns = data["patterns"]
        if data.get("key") != key or list(patterns) != list(by_label):
            return None
        if any(len(patterns[label]) != len(items) for label, items in by_label.items()):
            return None
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    try:
        os.utime(path)  # in use: the pruning below keeps the most recently used entries
    except OSError:
        pass
    return patterns


def _cache_patterns(nlp: Language, by_label: dict[str, list[str]], patterns: dict[str, list[list[int]]], attr: str) -> None:
    import json
    import os
    import tempfile

    directory = _cache_dir()
    key = _cache_key(nlp, by_label, attr) if directory is not None else None
    if key is None:
        return
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(prefix=".phrases-", suffix=".tmp", dir=directory)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump({"key": key, "patterns": patterns}, handle, separators=(",", ":"))
            os.replace(temporary, directory / f"phrases-{key[:32]}.json")
        except BaseException:
            try:
                os.unlink(temporary)
            except OSError:
                pass
            raise
    except (OSError, TypeError, ValueError) as error:
        log.debug("phrase pattern cache not written: %s", error)
        return
    _prune_cache(directory)


# Entries kept: each phrase list (lexicons, dictionary, each user actor file) under each
# installed version makes one; older versions' entries would otherwise pile up for ever.
CACHE_ENTRIES_KEPT = 24


def _prune_cache(directory) -> None:
    entries = []
    for path in directory.glob("phrases-*.json"):
        try:
            entries.append((path.stat().st_mtime_ns, path))
        except OSError:
            continue
    entries.sort(reverse=True)
    for _, path in entries[CACHE_ENTRIES_KEPT:]:
        try:
            path.unlink()
        except OSError:
            pass


def _site_names() -> list[str]:
    try:
        text = resources.files("conflict_events.models").joinpath("sites.csv").read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError):
        return []
    names: list[str] = []
    for row in csv.DictReader(io.StringIO(text)):
        names.append(row["name"])
        names.extend(a.strip() for a in (row.get("aliases") or "").split(";") if a.strip())
    return names


def is_acronym(alias: str) -> bool:
    """ "LeT", "PDF", "M23", "ISWAP": one word written with capitals after its first letter, matched
    only as written, since its lower-case form is often an ordinary word ("let", "pdf")."""
    word = alias.strip()
    return not any(c in word for c in " -'’") and any(c.isupper() for c in word[1:])


def _in_capitals(doc: Doc, start: int, end: int) -> bool:
    """ "ATTACK IS FEARED": an acronym-like word inside a headline set in capitals is just a word."""
    neighbours = [doc[i] for i in (start - 1, end) if 0 <= i < len(doc)]
    return any(t.is_alpha and t.is_upper and len(t) > 1 for t in neighbours) and not any(
        t.is_alpha and not t.is_upper for t in neighbours)


@registry.tokenizers("conflict_events.saved_tokenizer.v1")
def make_saved_tokenizer() -> Callable[[Language], Tokenizer]:
    """A tokenizer without rules, for a pipeline whose saved tokenizer file sets them all on load."""

    def create(nlp: Language) -> Tokenizer:
        return Tokenizer(nlp.vocab)

    return create


class LineBreaks:
    """Starts a sentence after every line break and after blanked-out boilerplate, so headlines,
    list items, paragraphs and what cleaning removed from a dateline never run together."""

    def __init__(self, name: str, min_blank: int) -> None:
        self.name = name
        self.min_blank = min_blank

    def __call__(self, doc: Doc) -> Doc:
        for token in doc[:-1]:
            if token.is_space and ("\n" in token.text or len(token.text) >= self.min_blank) or "\n" in token.whitespace_:
                doc[token.i + 1].is_sent_start = True
        return doc


@Language.factory("conflict_line_breaks", default_config={"min_blank": 3})
def make_line_breaks(nlp: Language, name: str, min_blank: int) -> LineBreaks:
    return LineBreaks(name, min_blank)


class EntityRuler:
    """Tags weapons, event triggers, known actors and conflict sites from the lexicons."""

    def __init__(self, nlp: Language, name: str, actor_aliases: bool, sites: bool, actors_file: str) -> None:
        self.name = name
        self.weapons = _phrase_index(nlp, lexicon.weapon_phrases().items())
        self.triggers = _phrase_index(nlp, lexicon.trigger_phrases().items())
        self.actors: PhraseIndex | None = None
        self.actor_acronyms: PhraseIndex | None = None
        self.sites: PhraseIndex | None = None
        if actor_aliases:
            from conflict_events.actors import get_actor_dictionary

            dictionary = get_actor_dictionary(actors_file or None)
            words: list[tuple[str, str]] = []
            acronyms: list[tuple[str, str]] = []
            for alias, actor in dictionary.aliases():
                (acronyms if is_acronym(alias) else words).append((alias, actor))
            self.actors = _phrase_index(nlp, words)
            # "LeT" is Lashkar-e-Taiba; "Let" starting a sentence is not.
            self.actor_acronyms = _phrase_index(nlp, acronyms, attr="ORTH")
        if sites:
            self.sites = _phrase_index(nlp, ((n, "SITE") for n in _site_names()))

    def __call__(self, doc: Doc) -> Doc:
        lower = doc.to_array("LOWER").tolist()
        # "a Shell employee": a one-word weapon inside a company's name is the name.
        doc.spans["weapons"] = [s for s in _longest(doc, self.weapons.matches(lower))
                                if not (len(s) == 1 and s[0].is_title and not s[0].is_sent_start and s[0].ent_type_ == "ORG")]
        doc.spans["triggers"] = _longest(doc, self.triggers.matches(lower))
        if self.actors:
            acronyms = [(label, start, end) for label, start, end in self.actor_acronyms(doc) if not _in_capitals(doc, start, end)]
            doc.spans["actors"] = _longest(doc, [*self.actors.matches(lower), *acronyms])
        else:
            doc.spans["actors"] = []
        doc.spans["sites"] = _longest(doc, self.sites.matches(lower)) if self.sites else []
        return doc


def _longest(doc: Doc, matches: Iterable[tuple[str, int, int]]) -> list[Span]:
    """The matches as spans, the longest where they overlap, in text order."""
    return sorted(filter_spans([Span(doc, start, end, label=label) for label, start, end in matches]), key=lambda s: s.start)


@Language.factory(
    "conflict_entity_ruler",
    default_config={"actor_aliases": True, "sites": True, "actors_file": ""},
)
def make_entity_ruler(nlp: Language, name: str, actor_aliases: bool, sites: bool, actors_file: str) -> EntityRuler:
    return EntityRuler(nlp, name, actor_aliases, sites, actors_file)


KILL_WORDS = ["killed", "dead", "died", "killing", "kills", "kill", "slain", "perished", "deaths", "fatalities", "fatality", "bodies", "lifeless",
              "murdered", "assassinated", "beheaded", "lynched"]
KILL_VERBS = ["killed", "killing", "kills", "kill", "murdered", "murdering", "assassinated", "beheaded", "lynched", "lynching", "slaying", "slew"]
INJURY_VERBS = ["injured", "wounded", "injuring", "wounding", "injures", "wounds", "hurt", "hurting"]
RESULT_WORDS = ["led", "leading", "lead", "leads", "resulted", "resulting", "results", "caused", "causing", "causes", "left", "leaving"]
INJURY_WORDS = ["injured", "wounded", "injuring", "wounding", "hurt", "injuries", "injures", "wounds", "hospitalised", "hospitalized"]
# Every casualty pattern holds one of these words; the syntax gate parses the sentences that do.
CASUALTY_ANCHORS = frozenset(KILL_WORDS + INJURY_WORDS + ["toll", "tally", "death", "killings"])
_NUMBER_WORDS = sorted(set(lexicon.NUMBER_WORDS) | {w for k in lexicon.VAGUE_QUANTITIES for w in k.split()})
_QUALIFIERS = ["at", "least", "some", "about", "around", "nearly", "almost", "approximately", "up", "to", "over", "more", "than", "as", "many", "an", "estimated", "roughly", "another", "other", "additional", "further"]
_STOP_GAP = KILL_WORDS + INJURY_WORDS + ["and", "or", "when", "after", "while", "but", "in", "on", "by", "during", "since", "who", "which", "that"]


def match_in_windows(matcher: Matcher, doc: Doc, is_anchor: Callable[[str], bool]) -> list[tuple[int, int, int]]:
    """The matcher's (match_id, start, end) over the sentences holding an anchor word.

    Every pattern of the matcher must contain a token whose lower-case text is
    an anchor, and no match is expected to cross a sentence end. Running the
    Matcher on the few sentences that can match, not on the whole article, is
    most of a tagger's saving.
    """
    if not any(is_anchor(token.lower_) for token in doc):
        return []
    if not doc.has_annotation("SENT_START"):
        return list(matcher(doc))
    found = []
    for sentence in doc.sents:
        if any(is_anchor(token.lower_) for token in sentence):
            found.extend((match_id, sentence.start + start, sentence.start + end) for match_id, start, end in matcher(sentence))
    return found


class CasualtyTagger:
    """Tags killed and injured counts such as "five civilians were killed" or "killing at least 12"."""

    def __init__(self, nlp: Language, name: str, max_gap: int) -> None:
        self.name = name
        self.matcher = Matcher(nlp.vocab)
        number = {"LOWER": {"IN": _NUMBER_WORDS}}
        numeric = {"LIKE_NUM": True}
        gap = {"IS_PUNCT": False, "LOWER": {"NOT_IN": _STOP_GAP}, "LIKE_NUM": False, "OP": f"{{0,{max_gap}}}"}
        aux = {"LOWER": {"IN": ["were", "was", "have", "has", "had", "been", "are", "is", "being", "also", "reportedly", "later", "allegedly", "all", "both"]}, "OP": "*"}
        # "the driver was killed": one person, named by a singular noun.
        singular_passive = [{"LOWER": {"IN": ["the", "he", "she"]}}, gap, {"LOWER": "was"}, {"LOWER": {"IN": ["also", "reportedly", "later", "allegedly", "fatally", "critically", "seriously"]}, "OP": "*"}]
        self.matcher.add("KILLED", [[*singular_passive, {"LOWER": {"IN": KILL_WORDS}}]])
        self.matcher.add("INJURED", [[*singular_passive, {"LOWER": {"IN": INJURY_WORDS}}]])
        # "he died in hospital", "the man died"
        self.matcher.add("KILLED", [[{"LOWER": {"IN": ["the", "he", "she"]}}, {"IS_PUNCT": False, "LOWER": {"NOT_IN": _STOP_GAP}, "OP": "{0,3}"}, {"LOWER": {"IN": ["later", "also", "reportedly"]}, "OP": "?"}, {"LOWER": "died"}]])
        # "a vendor was shot and killed", "two men were abducted and killed"
        harmed_and = [{"LOWER": {"IN": HARM_PARTICIPLES}}, {"LOWER": "and"}]
        for label, words in (("KILLED", KILL_WORDS), ("INJURED", INJURY_WORDS)):
            word = {"LOWER": {"IN": words}}
            for num in (number, numeric):
                # "five civilians were killed", "12 dead"
                self.matcher.add(label, [[num, gap, aux, word]])
                self.matcher.add(label, [[num, gap, aux, *harmed_and, word]])
                # "killed eight men and one woman", "shot dead two farmers and a herder", "killed a driver and his co-driver"
                for other in (number, numeric, {"LOWER": {"IN": ["his", "her"]}}):
                    self.matcher.add(label, [[word, {"LOWER": {"IN": _QUALIFIERS}, "OP": "*"}, num, gap, {"LOWER": "and"}, {"LOWER": {"IN": _QUALIFIERS}, "OP": "*"}, other]])
                # "three soldiers and at least five militants were killed", "a man and a woman were shot and killed"
                for other in (number, numeric):
                    self.matcher.add(label, [[num, gap, {"LOWER": "and"}, {"LOWER": {"IN": _QUALIFIERS}, "OP": "*"}, other, gap, aux, word]])
                    self.matcher.add(label, [[num, gap, {"LOWER": "and"}, {"LOWER": {"IN": _QUALIFIERS}, "OP": "*"}, other, gap, aux, *harmed_and, word]])
                # "killing at least 12 people", "wounded two"
                self.matcher.add(label, [[word, {"LOWER": {"IN": _QUALIFIERS}, "OP": "*"}, num]])
                # "killing his wife and three children"
                self.matcher.add(label, [[word, {"LOWER": {"IN": ["his", "her"]}}, gap, {"LOWER": "and"}, {"LOWER": {"IN": _QUALIFIERS}, "OP": "*"}, num]])
            # "death toll rose to 14"
        self.matcher.add("KILLED", [[{"LOWER": {"IN": ["toll", "tally"]}}, {"IS_ALPHA": True, "OP": "{0,3}"}, numeric]])
        # A coder's note: "Unclear fatalities coded as 10", "Unknown fatalities coded to 3".
        self.matcher.add("KILLED", [[{"LOWER": {"IN": ["fatalities", "fatality"]}}, {"LOWER": {"IN": ["were", "was"]}, "OP": "?"},
                                     {"LOWER": "coded"}, {"LOWER": {"IN": ["as", "to", "at"]}}, numeric]])
        # "the driver was shot and killed"
        self.matcher.add("KILLED", [[*singular_passive, *harmed_and, {"LOWER": {"IN": KILL_WORDS}}]])
        for label, words in (("KILLED", KILL_VERBS), ("INJURED", INJURY_VERBS)):
            # "opened fire on a trader, killing him"; "injured a soldier and killed another"
            self.matcher.add(label, [[{"LOWER": {"IN": words}}, {"LOWER": {"IN": ["him", "her", "another"]}}]])
        # "leading to the death of 1 militant and 3 soldiers", "resulting in the killing of 1-5 civilians".
        # Only as a result: "protested over the killing of two activists" names the protest's cause.
        death_of = [
            {"LOWER": {"IN": RESULT_WORDS}}, {"LOWER": {"IN": ["to", "in"]}, "OP": "?"}, {"LOWER": "the", "OP": "?"},
            {"LOWER": {"IN": ["death", "deaths", "killing", "killings"]}}, {"LOWER": "of"}, {"LOWER": {"IN": _QUALIFIERS}, "OP": "*"},
        ]
        for num in (number, numeric):
            self.matcher.add("KILLED", [[*death_of, num]])
            for other in (number, numeric):
                self.matcher.add("KILLED", [[*death_of, num, gap, {"LOWER": "and"}, {"LOWER": {"IN": _QUALIFIERS}, "OP": "*"}, other]])
        self.anchors = CASUALTY_ANCHORS
        self.harm_words = numpy.array(sorted(nlp.vocab.strings.add(w) for w in {*KILL_WORDS, *INJURY_WORDS}), dtype="uint64")

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        for match_id, start, end in match_in_windows(self.matcher, doc, self.anchors.__contains__):
            span = Span(doc, start, end, label=match_id)
            count = casualty_number(span)
            if count is None:
                continue
            if doc[end - 1].lower_ in ("him", "her", "another") and end < len(doc) and (doc[end].like_num or doc[end].lower_ in lexicon.NUMBER_WORDS):
                # "killed her two sons", "killed another 5": the figure that follows counts.
                continue
            if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in HEADS_OF_PEOPLE:
                # "the head of 100 households was shot dead": one person, who heads the counted.
                count = 1
            if start > 0 and doc[start - 1].lower_ in ("almost", "nearly") and doc[start].lower_ in KILL_VERBS + INJURY_VERBS:
                # "a mob almost killed him": nobody died.
                continue
            if doc[start].lower_ in ("a", "an") and doc[start + 1].lower_ in KILL_WORDS + INJURY_WORDS:
                # "a killed woman": an adjective, not a count.
                continue
            if any(t.lower_ == "and" for t in span) and doc[start].lower_ not in KILL_WORDS + INJURY_WORDS and _after_harm_word(doc, start):
                # "killed 3 people and 5 were injured": the first figure is the earlier verb's.
                continue
            if doc[start].lower_ in KILL_WORDS + INJURY_WORDS and any(t.lower_ == "and" for t in span) and _reports_other_harm(doc, end):
                # "killed 3 people and 5 were injured": the second figure is not of the same victims.
                continue
            if start >= 2 and doc[start - 1].lower_ in ("-", "to", "and", "or") and doc[start - 2].like_num:
                # "1-4 soldiers", "between 3 and 5 people": the lowest credible figure.
                low = lexicon.parse_number(doc[start - 2].lower_)
                if low is not None and low < count:
                    span = Span(doc, start - 2, end, label=match_id)
                    count = low
            span._.casualty_count = count
            spans.append(span)
        # Prefer the shortest reading of each figure, so "two ... and a civilian were wounded"
        # does not swallow the next figure.
        chosen: list[Span] = []
        taken: set[int] = set()
        coordinated = lambda s: 0 if any(_joins_figures(t) for t in s) else 1  # noqa: E731
        # A coder's "coded as N" is the figure itself, before any reading of the same words.
        coded = lambda s: 0 if any(t.lower_ == "coded" for t in s) else 1  # noqa: E731
        for span in sorted(spans, key=lambda s: (coded(s), coordinated(s), len(s), s.start)):
            if taken.isdisjoint(range(span.start, span.end)):
                chosen.append(span)
                taken.update(range(span.start, span.end))
        for span in _figures_on_passive_subjects(doc, self.harm_words):
            # A figure on the subject covers what the word patterns read inside it
            # ("Four people including two delegates were killed" is four).
            inside = [c for c in chosen if span.start < c.start and c.end == span.end
                      and any(t.lower_ in ("including", "among") for t in doc[span.start : c.start])]
            if taken.isdisjoint(range(span.start, span.end)) or (inside and taken.isdisjoint(range(span.start, inside[0].start))):
                chosen = [c for c in chosen if c not in inside]
                chosen.append(span)
                taken.update(range(span.start, span.end))
        doc.spans["casualties"] = sorted(chosen, key=lambda s: s.start)
        return doc


def _figures_on_passive_subjects(doc: Doc, harm_words: numpy.ndarray) -> list[Span]:
    """ "Two militants belonging to the faction were killed", "three youths were arrested and killed":
    a figure on the subject of a passive kill or injury verb, however many words lie between,
    where the sentence has been parsed (the word patterns allow five)."""
    if not len(doc) or not doc.has_annotation("DEP"):
        return []
    found: list[Span] = []
    for i in numpy.flatnonzero(numpy.isin(doc.to_array("LOWER"), harm_words)).tolist():
        verb = doc[i]
        if verb.tag_ != "VBN":
            continue
        # "were arrested and killed": a participle with no subject of its own shares the first one's.
        has_own_subject = any(c.dep_ in ("nsubjpass", "nsubj") for c in verb.children)
        governor = verb.head if not has_own_subject and verb.dep_ == "conj" and verb.head.tag_ == "VBN" else verb
        # Coordinated subjects ("Three soldiers and two civilians were killed") are the word patterns' to add up.
        subjects = [c for c in governor.children if c.dep_ == "nsubjpass" and not any(g.dep_ in ("conj", "cc") for g in c.children)]
        figures = [c for subject in subjects for c in subject.children if c.dep_ == "nummod"]
        if len(figures) != 1 or figures[0].i > verb.i:
            continue
        count = _figure([figures[0]])
        if count is None:
            continue
        span = Span(doc, figures[0].i, verb.i + 1, label="KILLED" if verb.lower_ in KILL_WORDS else "INJURED")
        span._.casualty_count = count
        found.append(span)
    return found


# One person named by the people they head or have: "the head of 100 households", "a father of five".
HEADS_OF_PEOPLE = frozenset({"head", "leader", "chief", "chairman", "chairperson", "president", "father", "mother", "parent",
                             "owner", "commander", "coordinator", "representative", "guardian"})


HARM_PARTICIPLES = ["shot", "stabbed", "beaten", "attacked", "abducted", "kidnapped", "tortured", "hacked", "burnt", "burned", "ambushed", "captured", "raped", "lynched", "executed", "assaulted", "injured", "wounded"]


def _after_harm_word(doc: Doc, start: int) -> bool:
    i = start - 1
    while i >= 0 and doc[i].lower_ in _QUALIFIERS:
        i -= 1
    return i >= 0 and doc[i].lower_ in KILL_WORDS + INJURY_WORDS


def _reports_other_harm(doc: Doc, end: int) -> bool:
    following = [t.lower_ for t in doc[end : min(len(doc), end + 4)]]
    for word in following:
        if word in INJURY_WORDS or word in KILL_WORDS:
            return True
        if word in (",", ".", ";", "in", "on", "at", "near"):
            return False
    return False


def _possessive_person(tokens: list) -> bool:
    words = [t.lower_ for t in tokens if t.lower_ not in KILL_WORDS + INJURY_WORDS]
    return bool(words) and words[0] in ("his", "her")


def _joins_figures(token) -> bool:
    """An "and" between two figures, not the "and" of "shot and killed"."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return token.lower_ == "and" and not (following is not None and following.lower_ in KILL_WORDS + INJURY_WORDS)


def casualty_number(span: Span) -> int | None:
    """The figure in a casualty span: digits, number words or the codebook's vague quantities.

    Coordinated figures add up: "three soldiers and five militants were killed" is 8.
    """
    parts: list[list] = [[]]
    for token in span:
        if _joins_figures(token) and parts[-1]:
            parts.append([])
        else:
            parts[-1].append(token)
    if len(parts) > 1:
        # "a driver and his co-driver", "killing his wife and three children": one person each.
        counts = [_figure(part) if not _possessive_person(part) else 1 for part in parts]
        if all(c is not None for c in counts):
            return sum(counts)
    return _figure(list(span))


def _figure(tokens: list) -> int | None:
    if tokens and tokens[0].lower_ in ("the", "he", "she") and any(t.lower_ in ("was", "died") for t in tokens):
        return 1
    if tokens and tokens[-1].lower_ in ("him", "her", "another"):
        return 1
    for i, token in enumerate(tokens):
        lower = token.lower_
        if lower == "a" and i + 1 < len(tokens) and tokens[i + 1].lower_ in ("few", "number", "dozen"):
            phrase = f"a {tokens[i + 1].lower_}"
            if phrase in lexicon.VAGUE_QUANTITIES:
                return lexicon.VAGUE_QUANTITIES[phrase]
            return lexicon.NUMBER_WORDS.get(phrase)
        if lower in lexicon.VAGUE_QUANTITIES:
            return lexicon.VAGUE_QUANTITIES[lower]
        value = lexicon.parse_number(lower)
        if value is not None:
            # "1-4 soldiers": the lowest credible figure.
            return value
    return None


@Language.factory("conflict_casualty_tagger", default_config={"max_gap": 5})
def make_casualty_tagger(nlp: Language, name: str, max_gap: int) -> CasualtyTagger:
    return CasualtyTagger(nlp, name, max_gap)


_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTHS = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.",
    "aug.", "sep.", "sept.", "oct.", "nov.", "dec.",
]


# Every date pattern holds one of these words, or a "mid-May" or ISO-date token.
_DATE_ANCHORS = frozenset(
    _MONTHS
    + [f"{day}{ending}" for day in _WEEKDAYS for ending in ("", "s", "'", "'s")]
    + ["yesterday", "today", "tonight", "overnight", "week", "weeks", "month", "weekend", "night", "year", "before", "earlier", "days"]
)
_DATE_TOKEN = re.compile(r"^(mid-[a-z]+|\d{4}-\d{2}-\d{2})$")


def _is_date_anchor(lower: str) -> bool:
    return lower in _DATE_ANCHORS or ("-" in lower and _DATE_TOKEN.match(lower) is not None)


class DateTagger:
    """Tags date expressions the rules can resolve: weekdays, day-month forms, relative days."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.matcher = Matcher(nlp.vocab)
        month = {"LOWER": {"IN": _MONTHS}}
        day = {"IS_DIGIT": True, "LENGTH": {"<=": 2}}
        year = {"IS_DIGIT": True, "LENGTH": 4}
        ordinal = {"LOWER": {"REGEX": r"^\d{1,2}(st|nd|rd|th)$"}}
        edge = {"LOWER": {"IN": ["early", "mid", "late", "mid-", "the", "end", "of", "beginning", "start"]}, "OP": "*"}
        self.matcher.add(
            "DATE",
            [
                [{"LOWER": {"IN": _WEEKDAYS}}],
                [{"LOWER": {"REGEX": r"^(monday|tuesday|wednesday|thursday|friday|saturday|sunday)'?s?$"}}],
                [{"LOWER": {"IN": _WEEKDAYS}}, {"LOWER": {"IN": ["morning", "night", "evening", "afternoon"]}}],
                [day, month, year],
                [day, month],
                [month, day, {"TEXT": ",", "OP": "?"}, year],
                [month, day],
                [month, ordinal],
                [ordinal, {"LOWER": "of", "OP": "?"}, month],
                [edge, month, year],
                [{"LOWER": {"IN": ["early", "mid", "late"]}}, {"TEXT": "-", "OP": "?"}, month],
                [{"LOWER": {"REGEX": r"^mid-[a-z]+$"}}],
                [{"LOWER": {"REGEX": r"^\d{4}-\d{2}-\d{2}$"}}],
                [{"LOWER": {"IN": ["yesterday", "today", "tonight", "overnight"]}}],
                [{"LOWER": {"IN": ["last", "this", "past", "previous", "next"]}}, {"LOWER": {"IN": ["week", "month", "weekend", "night", "year"] + _WEEKDAYS}}],
                [{"LOWER": {"IN": ["early", "late", "earlier", "later"]}}, {"LOWER": {"IN": ["last", "this"]}}, {"LOWER": {"IN": ["week", "month"]}}],
                [{"LOWER": {"IN": ["the", "a"]}, "OP": "?"}, {"LOWER": {"IN": ["day", "two", "three"]}}, {"LOWER": {"IN": ["before", "earlier", "days"]}}, {"LOWER": {"IN": ["earlier", "ago"]}, "OP": "?"}],
                [{"LIKE_NUM": True}, {"LOWER": {"IN": ["days", "weeks"]}}, {"LOWER": {"IN": ["ago", "earlier"]}}],
            ],
        )

    def __call__(self, doc: Doc) -> Doc:
        spans = [Span(doc, s, e, label="DATE") for _, s, e in match_in_windows(self.matcher, doc, _is_date_anchor)]
        doc.spans["dates"] = sorted(filter_spans(spans), key=lambda s: s.start)
        return doc


@Language.factory("conflict_date_tagger")
def make_date_tagger(nlp: Language, name: str) -> DateTagger:
    return DateTagger(nlp, name)

"""The syntactic pass, run only on the sentences that can report an event.

The event rules read tags and dependencies only in sentences that hold a trigger,
a weapon or a casualty word; the other sentences of an article (background,
quotes, context) need their entities and words, which the NER and the project's
taggers give on the whole document. The English pipeline's tok2vec, tagger,
parser and attribute ruler are most of its cost, so this component runs them on
a document built from the event sentences alone and copies their annotations
back. The sentences come first from the pipeline's own sentence recogniser
(``senter``, a small network of its own). Each run of event sentences goes to
the parser whole, with only the sentence starts set before the gate (line
breaks), so the parser splits it as it would have split it in the full
document, and a document made only of event sentences is parsed exactly as
without the gate.

The other sentences get a flat tree (the first token the root, every other token
attached to it with the label "dep") and no tags, so ``doc.sents`` still gives
every sentence and nothing reads a parse that was never made.
"""

from __future__ import annotations

from typing import Iterable, Iterator, List

import numpy
from spacy.attrs import DEP, HEAD, LOWER, MORPH, NORM, ORTH, POS, SENT_START, SPACY, TAG
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from conflict_events.nlp import lexicon
from conflict_events.nlp.components import CASUALTY_ANCHORS, _phrase_index

# What the syntactic components write, copied back from the event sentences.
SYNTAX_ATTRS = [TAG, POS, MORPH, HEAD, DEP]
_HEAD_COLUMN = SYNTAX_ATTRS.index(HEAD)
_DEP_COLUMN = SYNTAX_ATTRS.index(DEP)

# Components a gate may run, in the English pipelines' order.
SYNTAX_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler")


class SyntaxGate:
    """Runs ``components`` (by name, disabled in the pipeline) on each document's event sentences,
    found with the ``sentences`` component (also disabled in the pipeline)."""

    def __init__(self, nlp: Language, name: str, components: list[str], sentences: str) -> None:
        self.nlp = nlp
        self.name = name
        self.components = list(components)
        self.sentences = sentences
        phrases = [*lexicon.trigger_phrases(), *lexicon.weapon_phrases()]
        self.event_phrases = _phrase_index(nlp, ((phrase, "EVENT") for phrase in phrases))
        self.event_words = numpy.array(sorted(nlp.vocab.strings.add(word) for word in CASUALTY_ANCHORS), dtype="uint64")
        self.flat_dep = nlp.vocab.strings.add("dep")
        self.root_dep = nlp.vocab.strings.add("ROOT")

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for batch in minibatch(docs, size=batch_size):
            yield from self._process(list(batch))

    def _process(self, docs: list[Doc]) -> list[Doc]:
        preset = [doc.to_array(SENT_START) == 1 for doc in docs]
        docs = list(self.nlp.get_pipe(self.sentences).pipe(docs, batch_size=max(1, len(docs))))
        plans = [(doc, sentence_bounds(doc, starts)) for doc, starts in zip(docs, preset)]
        plans = [(doc, bounds, self.event_sentences(doc, bounds)) for doc, bounds in plans]
        parts = []
        for (doc, bounds, chosen), starts in zip(plans, preset):
            if chosen.all():
                # Every sentence is read: the document itself, with only its own starts set, as without the gate.
                doc.from_array([SENT_START], starts.astype("uint64"))
                parts.append(doc)
            elif chosen.any():
                parts.append(event_document(doc, bounds, chosen, starts))
        for name in self.components:
            parts = list(self.nlp.get_pipe(name).pipe(parts, batch_size=max(1, len(parts))))
        annotated = iter(parts)
        for doc, bounds, chosen in plans:
            if chosen.all():
                next(annotated)
            else:
                self.copy_back(doc, bounds, chosen, next(annotated) if chosen.any() else None)
        return docs

    def event_sentences(self, doc: Doc, bounds: numpy.ndarray) -> numpy.ndarray:
        """A flag per sentence: does it hold a trigger, a weapon or a casualty word?"""
        lower = doc.to_array(LOWER)
        marked = numpy.isin(lower, self.event_words)
        for _, start, end in self.event_phrases.matches(lower.tolist()):
            marked[start:end] = True
        return numpy.add.reduceat(marked, bounds[:-1]) > 0 if len(doc) else numpy.zeros(0, dtype=bool)

    def copy_back(self, doc: Doc, bounds: numpy.ndarray, chosen: numpy.ndarray, part: Doc | None) -> None:
        if not len(doc):
            return
        values = numpy.zeros((len(doc), len(SYNTAX_ATTRS)), dtype="uint64")
        positions = numpy.arange(len(doc), dtype="int64")
        starts = numpy.repeat(bounds[:-1], numpy.diff(bounds))
        # Relative heads, as to_array gives them: each token points at its sentence's first token.
        values[:, _HEAD_COLUMN] = (starts - positions).astype("uint64")
        values[:, _DEP_COLUMN] = self.flat_dep
        values[bounds[:-1], _DEP_COLUMN] = self.root_dep
        if part is not None:
            values[chosen_tokens(bounds, chosen)] = part.to_array(SYNTAX_ATTRS)
        doc.from_array(SYNTAX_ATTRS, values)


def sentence_bounds(doc: Doc, preset: numpy.ndarray) -> numpy.ndarray:
    """Sentence starts and the document's end, as token offsets: [0, s1, s2, ..., len(doc)].

    A start the sentence recogniser found counts only where the punctuation confirms
    it (see ``is_sure_start``): a sentence it split off after a bracket, a figure or
    in mid-phrase stays with the one before, so the parser sees it whole.
    """
    if not len(doc):
        return numpy.array([0], dtype="int64")
    flags = doc.to_array(SENT_START).astype("int64")
    flags[0] = 1
    starts = [i for i in numpy.flatnonzero(flags == 1).tolist() if i == 0 or preset[i] or is_sure_start(doc, i)]
    return numpy.array(starts + [len(doc)], dtype="int64")


SENTENCE_END = frozenset({".", "!", "?", "…", "..."})
CLOSING = frozenset({'"', "'", "”", "’", ")", "]", "»"})
OPENING = frozenset({'"', "“", "‘", "'", "(", "«"})


def is_sure_start(doc: Doc, start: int) -> bool:
    """Whether the text itself marks a sentence start at token ``start``: the sentence before
    ends with a full stop, question or exclamation mark (a closing quote or bracket may
    follow it) and this one begins with a capital or a figure (an opening quote may come first)."""
    before = start - 1
    while before > 0 and (doc[before].is_space or doc[before].text in CLOSING):
        before -= 1
    if doc[before].text not in SENTENCE_END:
        return False
    first = start
    while first < len(doc) - 1 and (doc[first].is_space or doc[first].text in OPENING):
        first += 1
    word = doc[first].text
    return word[:1].isupper() or word[:1].isdigit()


def chosen_tokens(bounds: numpy.ndarray, chosen: numpy.ndarray) -> numpy.ndarray:
    """The token offsets of the chosen sentences, in order."""
    spans = [numpy.arange(bounds[i], bounds[i + 1]) for i in numpy.flatnonzero(chosen)]
    return numpy.concatenate(spans) if spans else numpy.zeros(0, dtype="int64")


def event_document(doc: Doc, bounds: numpy.ndarray, chosen: numpy.ndarray, preset: numpy.ndarray) -> Doc:
    """A document of the chosen sentences' tokens (same words, spaces and norms).

    A run of chosen sentences starts a sentence, and so does every token whose
    start was ``preset``; the parser splits the rest.
    """
    tokens = chosen_tokens(bounds, chosen)
    columns = doc.to_array([ORTH, SPACY, NORM])[tokens]
    strings = doc.vocab.strings
    starts = preset.copy()
    run_starts = bounds[:-1][chosen & ~numpy.concatenate(([False], chosen[:-1]))]
    starts[run_starts] = True
    part = Doc(
        doc.vocab,
        words=[strings[orth] for orth in columns[:, 0].tolist()],
        spaces=columns[:, 1].astype(bool).tolist(),
        sent_starts=[True if start else None for start in starts[tokens].tolist()],
    )
    part.from_array([NORM], columns[:, 2:3])
    return part


def gated_components(nlp: Language) -> list[str]:
    """The syntactic components a gate can take over in this pipeline, or [] where it cannot.

    It can where the pipeline has its own sentence recogniser and every component
    that reads the syntactic components' output (above all the NER) is one of
    them: a NER listening to a shared tok2vec or transformer must see every sentence.
    """
    names = [name for name in SYNTAX_COMPONENTS if name in nlp.pipe_names]
    if "senter" not in nlp.component_names or "parser" not in names:
        return []
    for name in names:
        component = nlp.get_pipe(name)
        listeners = getattr(component, "listening_components", [])
        if any(listener not in names for listener in listeners):
            return []
    return names


@Language.factory("conflict_syntax_gate", default_config={"components": list(SYNTAX_COMPONENTS), "sentences": "senter"})
def make_syntax_gate(nlp: Language, name: str, components: List[str], sentences: str) -> SyntaxGate:
    return SyntaxGate(nlp, name, components, sentences)

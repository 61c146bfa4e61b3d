"""The syntax gate: the parse only where an event can be, the same parse there."""

import numpy
import pytest
import spacy
from spacy.attrs import SENT_START

from conflict_events.events.assemble import default_resources, events_from_doc
from conflict_events.io.documents import Document
from conflict_events.nlp.gate import gated_components, is_sure_start, sentence_bounds
from conflict_events.nlp.pipeline import add_project_components, build_pipeline, find_model, speed_up_attribute_ruler


def _tokens(text):
    return spacy.blank("en")(text)


@pytest.mark.parametrize(
    "text, word, sure",
    [
        ("Rebels attacked the town. Police fled.", "Police", True),
        ("Rebels attacked the town! 12 died.", "12", True),
        ('He said: "Leave now." "We stayed," she said.', "We", True),
        ("Gunmen shot a trader (aged 40). Nobody was held.", "Nobody", True),
        ("Gunmen shot a trader [coded to Zorvel], Zorvel district.", "[", False),
        ("Soldiers killed 2 -3 civilians in the raid.", "-3", False),
        ("The shelling hit a market in the town centre.", "market", False),
        ("Troops of the U.S. Army patrolled.", "Army", False),
        ("Rebels attacked the town. the army fled.", "the", False),
    ],
)
def test_a_sentence_start_is_sure_where_the_punctuation_marks_it(text, word, sure):
    doc = _tokens(text)
    start = next(t.i for t in doc if t.text == word)
    assert is_sure_start(doc, start) is sure


def test_sentence_bounds_keep_line_breaks_and_sure_starts_only():
    doc = _tokens("Zorvel\nRebels attacked a base [near Zorvel]. Two died.")
    starts = numpy.zeros(len(doc), dtype=bool)
    starts[2] = True  # after the line break
    flags = numpy.full(len(doc), -1, dtype="int64")
    for i in (0, 2, 6, 11):  # "Zorvel", "Rebels", "[", "Two"
        flags[i] = 1
    doc.from_array([SENT_START], flags.astype("uint64"))
    assert [doc[i].text for i in sentence_bounds(doc, starts)[:-1]] == ["Zorvel", "Rebels", "Two"]


@pytest.fixture(scope="module")
def plain_and_gated():
    def build(gate):
        nlp = spacy.load(find_model(), exclude=["lemmatizer"])
        speed_up_attribute_ruler(nlp)
        return add_project_components(nlp, actor_aliases=False, sites=False, gate=gate)

    return build(False), build(True)


def _syntax(doc):
    return [(t.text, t.tag_, t.pos_, t.dep_, t.head.i) for t in doc]


@pytest.mark.parametrize(
    "text",
    [
        "Militants attacked an army post in Zorvel on Monday, killing two soldiers.",
        "Protesters blocked the main road in Zorvel.\nPolice fired tear gas and arrested five students.",
        "A roadside bomb exploded near a bus. Three passengers were wounded, and the driver died later.",
    ],
)
def test_a_text_of_event_sentences_is_parsed_as_without_the_gate(plain_and_gated, text):
    plain, gated = plain_and_gated
    assert _syntax(gated(text)) == _syntax(plain(text))
    assert [s.text for s in gated(text).sents] == [s.text for s in plain(text).sents]


def test_a_sentence_without_an_event_word_gets_a_flat_tree_and_no_tags(plain_and_gated):
    _, gated = plain_and_gated
    doc = gated("The region has been calm for years. Gunmen attacked a village near Zorvel on Sunday.")
    background, event = list(doc.sents)
    assert background.text == "The region has been calm for years."
    assert background.root.i == background.start and background.root.dep_ == "ROOT"
    assert {t.dep_ for t in background if t.i != background.start} == {"dep"}
    assert {t.tag_ for t in background} == {""}
    assert all(t.tag_ and t.pos_ for t in event)
    assert {t.dep_ for t in event} >= {"nsubj", "dobj"}


def test_the_gated_parse_keeps_entities_on_every_sentence(plain_and_gated):
    plain, gated = plain_and_gated
    text = "Officials in Nairobi said talks would resume. Gunmen attacked a village near Garissa on Sunday."
    assert [(e.text, e.label_) for e in gated(text).ents] == [(e.text, e.label_) for e in plain(text).ents]


def test_background_sentences_change_no_row(plain_and_gated):
    plain, gated = plain_and_gated
    text = (
        "Published: 4 March 2024\n\n"
        "Weekly briefing\n\n"
        "The province has seen little rain this year, and many farmers have left for the cities. "
        "Al-Shabaab militants attacked a police station in Beledweyne on Saturday, killing three officers. "
        "The governor said schools would reopen next week.\n\n"
        "Traders said food prices had doubled since January. "
        "On Sunday, a roadside bomb struck a minibus near Afgooye, wounding five passengers."
    )
    document = Document(id="x", text=text)
    resources = default_resources()
    columns = lambda rows: [(r.sub_event_type, r.actor1, r.actor2, r.location, r.fatalities, r.injuries) for r in rows]  # noqa: E731
    rows = columns(events_from_doc(gated(text), document, resources))
    assert rows == columns(events_from_doc(plain(text), document, resources))
    assert len(rows) == 2


def test_a_pipeline_without_a_sentence_recogniser_is_parsed_whole():
    nlp = spacy.load(find_model(), exclude=["lemmatizer", "senter"])
    assert gated_components(nlp) == []
    add_project_components(nlp, actor_aliases=False, sites=False)
    assert "conflict_syntax_gate" not in nlp.pipe_names and "parser" in nlp.pipe_names


def test_the_built_pipeline_gates_and_reloads_from_disk(tmp_path):
    nlp = build_pipeline(None, None)
    assert "conflict_syntax_gate" in nlp.pipe_names
    assert {"tok2vec", "tagger", "parser", "attribute_ruler"} <= set(nlp.disabled)
    nlp.to_disk(tmp_path / "saved")
    reloaded = spacy.load(tmp_path / "saved")
    assert reloaded.pipe_names == nlp.pipe_names
    text = "Talks stalled in the capital. Rebels shelled an army base near Zorvel, killing four soldiers."
    assert _syntax(reloaded(text)) == _syntax(nlp(text))

"""The project's spaCy components on a blank English pipeline: no trained model needed."""

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from conflict_events.nlp.pipeline import add_project_components


@pytest.fixture(scope="module")
def nlp():
    blank = spacy.blank("en")
    return add_project_components(blank, actor_aliases=False, sites=False)


@pytest.fixture(scope="module")
def nlp_with_actors():
    return add_project_components(spacy.blank("en"), actor_aliases=True, sites=False)


def _labels(doc, group):
    return [(span.text, span.label_) for span in doc.spans[group]]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Militants fired two one-way attack drones at the base.", [("one-way attack drones", "drone")]),
        ("Multiple ballistic missiles and rockets were launched.", [("ballistic missiles", "missile"), ("rockets", "rocket")]),
        ("A roadside bomb exploded near the convoy.", [("roadside bomb", "ied")]),
        ("Police fired tear gas at the crowd.", [("tear gas", "less_lethal")]),
        ("A suicide bomber blew himself up.", [("suicide bomber", "suicide")]),
        ("Someone threw a hand grenade into the bar.", [("hand grenade", "grenade")]),
    ],
)
def test_weapons(nlp, text, expected):
    assert _labels(nlp(text), "weapons") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Warplanes carried out airstrikes on the town.", [("airstrikes", "air")]),
        ("Hundreds of farmers protested outside the ministry.", [("protested", "protest")]),
        ("Gunmen abducted a teacher.", [("abducted", "abduct")]),
        ("The two sides clashed overnight.", [("clashed", "clash")]),
        ("The army shelled the village.", [("shelled", "shelling")]),
        ("The army recaptured the town.", [("recaptured", "regain")]),
        ("Investigators found a mass grave near the village.", [("found", "find"), ("mass grave", "other")]),
        ("Twelve inmates escaped from prison overnight.", [("escaped from prison", "other")]),
        ("Gunmen sexually abused a woman.", [("sexually abused", "sexual")]),
        ("Police forced them to undress.", [("forced them to undress", "sexual")]),
    ],
)
def test_triggers(nlp, text, expected):
    assert _labels(nlp(text), "triggers") == expected


@pytest.mark.parametrize(
    "text, killed, injured",
    [
        ("Five civilians were killed in the raid.", 5, 0),
        ("The blast killed at least 12 people and wounded 30.", 12, 30),
        ("Four U.S. service members were injured.", 0, 4),
        ("One Iraqi security forces member was also injured.", 0, 1),
        ("Dozens of people were killed.", 12, 0),
        ("Between 1-4 soldiers were killed.", 1, 0),
        ("The death toll rose to 14.", 14, 0),
        ("Several protesters were wounded.", 0, 3),
        ("Nobody was hurt.", 0, 0),
        ("Three soldiers and at least five militants were killed.", 8, 0),
        ("They mourned a killed woman.", 0, 0),
        ("A street vendor was shot and killed by two men.", 1, 0),
        ("Gunmen killed eight men and one woman.", 9, 0),
        ("Bandits killed a driver and his assistant.", 2, 0),
        ("Gunmen shot dead two farmers and a herder.", 3, 0),
        ("The attack killed 3 people and 5 were injured.", 3, 5),
        ("The blast killed two soldiers and three civilians were wounded.", 2, 3),
        ("1 fatality.", 1, 0),
        ("The volunteer fighter was killed.", 1, 0),
        ("The driver was seriously injured.", 0, 1),
        ("The attack killed nobody.", 0, 0),
        ("He was killed in the attack.", 1, 0),
        ("A man and a woman were shot and killed.", 2, 0),
        ("The man was taken to hospital, where he died.", 1, 0),
        ("Cadres murdered a rival party worker.", 1, 0),
        ("Police opened fire on a trader, killing him.", 1, 0),
        ("The mine injured a soldier and killed another.", 1, 1),
        ("Bandits killed another 5 people.", 5, 0),
        ("A mob beat the thief and almost killed him.", 0, 0),
        ("The guard was shot and killed.", 1, 0),
        ("The fighting led to the death of 2 rebels and 3 soldiers.", 5, 0),
        ("The raid resulted in the killing of 1-4 herders.", 1, 0),
        ("Students marched over the killing of two classmates.", 0, 0),
        # The figure counts what one person heads or has: one victim.
        ("The head of 100 households was shot dead by a motorcyclist.", 1, 0),
        ("A father of five was shot dead outside his shop.", 1, 0),
        # A coder's note gives the figure, over any vague word before it.
        ("Unspecified fatalities coded as 10.", 10, 0),
        ("Scores of fatalities coded as 20.", 20, 0),
        ("Unknown fatalities coded to 3.", 3, 0),
    ],
)
def test_casualty_counts(nlp, text, killed, injured):
    doc = nlp(text)
    got_killed = sum(s._.casualty_count for s in doc.spans["casualties"] if s.label_ == "KILLED")
    got_injured = sum(s._.casualty_count for s in doc.spans["casualties"] if s.label_ == "INJURED")
    assert (got_killed, got_injured) == (killed, injured)


@pytest.mark.parametrize(
    "text, killed",
    [
        # A hedged figure is no credible report; the month of May is no hedge.
        ("On 22 May 2024, 3 soldiers were killed in the raid.", 3),
        ("Three soldiers may have been killed in the raid.", 0),
        ("Militants reportedly killed 5 soldiers.", 0),
        ("In May, 4 soldiers were killed in the raid.", 4),
    ],
)
def test_hedged_figures_count_nothing(nlp, text, killed):
    from conflict_events.events.casualties import casualties_in

    doc = nlp(text)
    assert casualties_in(doc[:]).killed == killed


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The attack happened on Tuesday.", ["Tuesday"]),
        ("It was the first time since Nov. 20 that they fired.", ["Nov. 20"]),
        ("On 3 January 2022, troops clashed.", ["3 January 2022"]),
        ("They struck back late last month.", ["late last month"]),
        ("The strike came yesterday.", ["yesterday"]),
        ("Fighting resumed in mid-May.", ["mid-May"]),
        ("Mondays are quiet; Tuesday's march was not.", ["Mondays", "Tuesday"]),
        ("Two days ago, troops left.", ["Two days ago"]),
    ],
)
def test_dates(nlp, text, expected):
    doc = nlp(text)
    assert [s.text for s in doc.spans["dates"]] == expected


def test_casualty_figures_stay_inside_their_sentence():
    # Taggers match only in sentences holding an anchor word; a dateline's year is not a death toll.
    blank = spacy.blank("en")
    blank.add_pipe("sentencizer")
    nlp = add_project_components(blank, actor_aliases=False, sites=False)
    doc = nlp("Posted on 12 March 2024\nGunmen kill civilians near the market. Two soldiers were wounded.")
    assert [(s.text, s.label_, s._.casualty_count) for s in doc.spans["casualties"]] == [("Two soldiers were wounded", "INJURED", 2)]
    assert [s.text for s in doc.spans["dates"]] == ["12 March 2024"]


def test_line_breaks_start_sentences():
    blank = spacy.blank("en")
    blank.add_pipe("conflict_line_breaks")
    blank.add_pipe("sentencizer")
    doc = blank("A headline without a stop\nThe story begins here.")
    assert [s.text.strip() for s in doc.sents] == ["A headline without a stop", "The story begins here."]


def test_components_are_registered_as_entry_points():
    from importlib.metadata import entry_points

    names = {ep.name for ep in entry_points(group="spacy_factories")}
    assert {"conflict_entity_ruler", "conflict_casualty_tagger", "conflict_date_tagger", "conflict_line_breaks", "conflict_syntax_gate"} <= names


@pytest.mark.parametrize(
    "text, expected",
    [
        ("LeT fighters attacked the post.", ["LeT"]),
        # The same letters as an ordinary word are not the acronym.
        ("Let the talks begin, the envoy said.", []),
        ("ISWAP claimed the attack.", ["ISWAP"]),
        ("IS militants attacked the post.", ["IS"]),
        ("The post is said to be safe.", []),
        # A headline in capitals is words, not acronyms.
        ("ATTACK IS FEARED NEAR THE POST", []),
        # Names that are not acronyms match in any case.
        ("al-shabaab attacked the base.", ["al-shabaab"]),
    ],
)
def test_actor_acronyms_match_as_written(nlp_with_actors, text, expected):
    doc = nlp_with_actors(text)
    assert [s.text for s in doc.spans["actors"]] == expected


PHRASES = [("mortar", "SHELL"), ("mortar shell", "SHELL"), ("mortar shells", "SHELL"), ("car bomb", "IED"),
           ("Zorvel Front", "Zorvel Front"), ("zorvel front fighters", "Zorvel Front"), ("Zorvel Front", "another label")]


@pytest.mark.parametrize(
    "text, expected",
    [
        # Every phrase found, nested ones too, by start and then length, as PhraseMatcher finds them.
        ("A mortar shell hit.", [("SHELL", 1, 2), ("SHELL", 1, 3)]),
        ("MORTAR SHELLS and a Car Bomb", [("SHELL", 0, 1), ("SHELL", 0, 2), ("IED", 4, 6)]),
        # A phrase under two labels keeps the first.
        ("Zorvel Front fighters fired", [("Zorvel Front", 0, 2), ("Zorvel Front", 0, 3)]),
        ("a car", []),
        ("", []),
    ],
)
def test_phrase_index_matches(text, expected):
    from conflict_events.nlp.components import _phrase_index

    blank = spacy.blank("en")
    assert _phrase_index(blank, PHRASES)(blank(text)) == expected


@settings(max_examples=150, deadline=None)
@given(words=st.lists(st.sampled_from(["mortar", "Mortar", "shell", "shells", "car", "bomb", "zorvel", "Front", "fighters", "the", ",", "\n"]), max_size=30))
def test_phrase_index_agrees_with_spacys_phrase_matcher(words):
    from spacy.matcher import PhraseMatcher

    from conflict_events.nlp.components import _phrase_index

    blank = spacy.blank("en")
    phrases = PHRASES[:-1]
    doc = blank(" ".join(words))
    matcher = PhraseMatcher(blank.vocab, attr="LOWER")
    for phrase, label in phrases:
        matcher.add(label, [blank.make_doc(phrase)])
    expected = sorted((blank.vocab.strings[key], start, end) for key, start, end in matcher(doc))
    assert sorted(_phrase_index(blank, phrases)(doc)) == expected


def test_an_entrys_own_alias_outranks_the_nationality_form_made_for_every_country():
    from conflict_events.actors import get_actor_dictionary

    labels: dict[str, list[str]] = {}
    for alias, label in get_actor_dictionary().aliases():
        labels.setdefault(alias.lower(), []).append(label)
    assert labels["ukrainian air force"] == ["Military Forces of Ukraine (2019-) Air Force"]
    assert labels["syrian warplanes"] == ["Military Forces of Syria (2000-) Syrian Arab Air Force"]
    assert labels["iraqi army"] == ["Military Forces of Iraq (2020-)"]  # made for the country where no entry lists it


@pytest.mark.parametrize("alias, acronym", [("LeT", True), ("ISWAP", True), ("HTS", True), ("Al-Shabaab", False), ("Hamas", False), ("M23", False), ("Islamic State", False)])
def test_is_acronym(alias, acronym):
    from conflict_events.nlp.components import is_acronym

    assert is_acronym(alias) is acronym


def test_span_groups_are_read_by_token_range():
    from conflict_events.nlp import spans as span_groups

    doc = spacy.blank("en")("Gunmen killed two men. Police arrested three suspects later.")
    doc.spans["triggers"] = [doc[6:7], doc[1:2]]
    assert [s.text for s in span_groups.group(doc, "triggers")] == ["killed", "arrested"]
    assert [s.text for s in span_groups.starting_in(doc, "triggers", 5, len(doc))] == ["arrested"]
    assert span_groups.covered_tokens(doc, "triggers") == {1, 6}
    assert span_groups.starting_in(doc, "weapons", 0, len(doc)) == []
    # Nothing is stored on the Doc: Spans kept there would form a cycle the collector cannot free.
    assert not doc.user_data
    other = spacy.blank("en")("Rebels shelled the town.")
    other.spans["triggers"] = [other[1:2]]
    assert [s.text for s in span_groups.group(other, "triggers")] == ["shelled"]
    assert [s.text for s in span_groups.group(doc, "triggers")] == ["killed", "arrested"]

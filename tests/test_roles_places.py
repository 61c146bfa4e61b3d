"""Roles from the dependency parse and place mentions, as tables of sentences we wrote."""

import pytest

from conflict_events.events.assemble import default_resources
from conflict_events.events.places import country_context, link_places, place_mentions
from conflict_events.events.roles import find_roles


def _trigger(doc, word):
    return next(s for s in doc.spans["triggers"] if s.text == word)


@pytest.mark.parametrize(
    "text, trigger, agent, target",
    [
        ("Rebels attacked an army post near the border.", "attacked", "Rebels", "an army post"),
        ("The convoy was ambushed by militants outside the town.", "ambushed", "militants", "The convoy"),
        ("Troops clashed with rebels in the hills.", "clashed", "Troops", "rebels"),
        ("Fighting between the army and the rebels continued.", "Fighting", "the army", "the rebels"),
        ("Militants fired two rockets at the airport, injuring three soldiers.", "fired", "Militants", "three soldiers"),
        # What was fired is no target; the 'at' phrase is.
        ("Rebels fired six shots at the soldiers guarding the tower.", "fired", "Rebels", "the soldiers"),
        ("The Russian shelling of the town lasted all night.", "shelling", "Russian", None),
        ("The group claimed responsibility for the bombing.", "bombing", "The group", None),
        ("No group claimed responsibility for the bombing.", "bombing", None, None),
        ("On Saturday's attack, nobody commented.", "attack", None, None),
        # The verb that a trigger phrase completes has the agent.
        ("Soldiers set the houses on fire.", "on fire", "Soldiers", "the houses"),
        # Those who were deployed are the actor of the deployment.
        ("About 300 soldiers were deployed in the district.", "deployed", "About 300 soldiers", None),
        # A trigger the parser makes the head of the clause has the clause's subject.
        ("Gunmen set two houses ablaze in the village.", "ablaze", "Gunmen", "two houses"),
        ("On 10 June 2024, Zorvel raiders on horseback set barns, stalls and huts ablaze when they entered the village.", "ablaze", "Zorvel raiders", None),
        # A past-tense verb the parser hangs on a noun is still the sentence's verb ("IS" read as "is").
        # What the bomb went off outside was its target.
        ("On 9 April 2024, IS militants detonated a car bomb outside the Zorvel police station.", "detonated", "militants", "the Zorvel police station"),
        # A sniper is a person, though the weapon lexicon names him.
        ("Regime snipers shot a shepherd near the ridge.", "shot", "Regime snipers", "a shepherd"),
        # A trigger modifying the noun a support verb carries has that verb's subject as agent.
        ("The Zorvel Valley Preparedness Team held a recruitment drive in the town.", "recruitment", "The Zorvel Valley Preparedness Team", None),
        # 'another' is one more of the coordinated verb's object.
        ("Gunmen fired on the convoy, wounding a guard and killing another.", "killing", "Gunmen", "a guard"),
        # A platform owned by a side a common noun names flies its strikes.
        ("Regime helicopters launched airstrikes on the ridge.", "airstrikes", "Regime helicopters", "the ridge"),
        # Who steps on a mine is its victim; who laid it acts, if the text names them.
        ("A villager stepped on a landmine near the farm.", "stepped on", None, "A villager"),
        ("A soldier stepped on a landmine planted by the rebels.", "stepped on", "the rebels", "A soldier"),
        ("A supply convoy struck an IED planted by Zorvel militants near the bridge.", "struck", "Zorvel militants", "A supply convoy"),
        ("A farm tractor hit a mine on the track.", "hit", None, "A farm tractor"),
        # Named in apposition to the weapon, the group used it; what a blast went off against was its target.
        ("A tripwire mine, likely Zorvel, exploded in the valley, killing a goatherd.", "exploded", "Zorvel", "a goatherd"),
        ("An IED hidden by the rebels was detonated against an army truck on the track.", "detonated", "the rebels", "an army truck"),
        # ... but a mine is no target's name: what a strike hits otherwise is its target.
        ("A drone struck a convoy near the bridge.", "struck", None, "a convoy"),
        # The parser hangs the subject on the place before it: the phrase just before the verb acts.
        ("On 8 March 2024, in San Martin, San Salvador, two members of Barrio 18 abducted a bus driver near the Zorvel market.", "abducted", "two members of Barrio 18", "a bus driver"),
        # ... also when the parser makes the place before them a second subject.
        ("On 2 May 2024, in Zorvel, Bago region, 300 soldiers were deployed to the town.", "deployed", "300 soldiers", None),
        # A heading label before a colon is not a subject.
        ("Deployment of forces: On 2 May 2024, in Zorvel town, 300 soldiers arrived at the market.", "arrived", "300 soldiers", "the market"),
        ("The governor declared a curfew in the city.", "curfew", "The governor", None),
        # The small model reads "a group set ..." as a noun with a relative clause: the noun is the subject.
        ("A group set ablaze a house near the market.", "set ablaze", "A group", "a house"),
        # ... also when the noun hangs on a place the parser made the head of a verbless sentence.
        ("On 14 June 2024, in Palo Dulce, Sinaloa, military forces located and seized a laboratory for the production of drugs.", "seized", "military forces", "a laboratory"),
        # The trigger's own object is no target; the other side follows "with".
        ("On Monday, an armed man exchanged fire with military police in the town.", "exchanged fire", "an armed man", "military police"),
    ],
)
def test_agent_and_target(tagged_nlp, text, trigger, agent, target):
    doc = tagged_nlp(text)
    roles = find_roles(_trigger(doc, trigger))
    if agent is None:
        assert roles.agent is None
    else:
        assert roles.agent is not None and roles.agent.text.endswith(agent)
    assert (roles.target.text if roles.target is not None else None) == target


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Gunmen attacked a village near Maiduguri on Monday.", [("Maiduguri", True)]),
        ("Protesters gathered in Lagos and Abuja.", [("Lagos", False), ("Abuja", False)]),
        ("The strike hit Jurf al-Sakhar, which is south of Baghdad.", [("Jurf al-Sakhar", False)]),
        ("Tehran supplied the militias with missiles.", []),
        ("According to the Pentagon, the base was hit.", []),
        # A hyphen joins a name's parts, not a name and an adjective.
        ("Iran-affiliated militias fired rockets at the base.", [("Iran", False)]),
    ],
)
def test_place_mentions(tagged_nlp, text, expected):
    doc = tagged_nlp(text)
    sent = next(doc.sents)
    found = [(m.text, m.near) for m in place_mentions(doc, sent) if not m.anaphoric and not m.descriptor]
    assert found == expected


def test_places_in_a_coordination_link_together(tagged_nlp):
    doc = tagged_nlp("Drones struck Raqqa, Tabqa and Manbij on Sunday.")
    sent = next(doc.sents)
    mentions = [m for m in place_mentions(doc, sent) if not m.anaphoric]
    linked = link_places(_trigger(doc, "struck"), mentions, [_trigger(doc, "struck")])
    assert [m.text for m in linked] == ["Raqqa", "Tabqa", "Manbij"]


@pytest.mark.parametrize(
    "text, countries",
    [
        ("Protesters marched in Zorvel, Ukraine.", ["Ukraine"]),
        # A province name before "region" is one whatever the tagger made of it ("Sagaing" as a verb in -ing).
        ("On 9 June 2024, in Zorvel (Middle) village (Zorvelgo township, Sagaing region), locals protested against the Myanmar military coup.", ["Myanmar"]),
        # A country a noun is about is no context.
        ("On 9 June 2024, locals protested against the Myanmar military coup.", []),
    ],
)
def test_country_context(tagged_nlp, text, countries):
    resources = default_resources()
    assert country_context(tagged_nlp(text), resources.country_of, resources.admin1_countries) == countries


def test_a_preposition_the_tagger_ran_a_name_into_is_not_part_of_it():
    import spacy
    from spacy.tokens import Doc, Span

    from conflict_events.events.places import _entity_parts

    words = ["near", "the", "Nur", "Complex", "in", "Riyad"]
    doc = Doc(spacy.blank("en").vocab, words=words, pos=["ADP", "DET", "PROPN", "PROPN", "ADP", "PROPN"])
    parts = _entity_parts(Span(doc, 1, 5, label="FAC"))
    assert [p.text for p in parts] == ["the Nur Complex"]

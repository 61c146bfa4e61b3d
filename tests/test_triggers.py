"""Event triggers and the filters that keep non-events out."""

import pytest

from conflict_events.events.triggers import find_triggers


def kept(nlp, text):
    doc = nlp(text)
    sent = next(doc.sents)
    return [(m.span.text, m.family) for m in find_triggers(doc, sent) if not m.dropped]


def dropped(nlp, text):
    doc = nlp(text)
    sent = next(doc.sents)
    return {m.span.text: m.dropped for m in find_triggers(doc, sent) if m.dropped}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Rebels attacked an army post near the border on Monday.", [("attacked", "attack")]),
        ("Police arrested a journalist in the capital.", [("arrested", "arrest")]),
        ("Militants fired two rockets at the airport.", [("fired", "fire")]),
        ("A drone hit a fuel depot outside the city.", [("hit", "hit")]),
        ("Hundreds gathered in the square to denounce the new tax.", [("gathered", "protest")]),
        ("Rebels seized weapons and ammunition from the depot.", [("seized", "defuse")]),
        # "used X to strike": the means of a strike that happened, not a plan.
        ("On Monday, the army used artillery to strike rebel positions near the town.", [("strike", "strike")]),
        ("Residents stoned a suspected thief in the market.", [("stoned", "beat")]),
        ("Soldiers forcibly deported forty villagers to a camp.", [("forcibly deported", "abduct")]),
        ("Traffickers started an armed confrontation with the police.", [("armed confrontation", "clash")]),
        ("His body was found near the river.", [("body was found", "kill")]),
        ("The army test-fired a ballistic missile towards the sea.", [("test-fired", "change")]),
        ("Troops conducted sweeping operations in the desert.", [("sweeping operations", "change")]),
        # Taken away, a person was seized: by police an arrest, by gunmen an abduction (the captor decides).
        ("A local journalist was taken away by unidentified gunmen from his home.", [("was taken away", "capture_person")]),
        # Handing in one's weapons is laying them down.
        ("Forty rebels turned in their weapons to the local authorities.", [("turned in their weapons", "change")]),
        # Words whose partner decides: refugees arriving, flyers distributed.
        ("About 2,000 refugees from Sudan arrived in the border town.", [("arrived", "displacement")]),
        ("Activists distributed hundreds of antisemitic flyers at homes.", [("flyers", "other")]),
        ("Seven trucks full of soldiers arrived in the town.", [("arrived", "change")]),
        ("On Monday, the parliament elected a new speaker.", [("elected", "election")]),
        ("Pilgrims chanted slogans against the prime minister at the shrine.", [("chanted slogans", "protest")]),
        # An election that was held is an event; one only mentioned is not.
        ("Parliamentary elections were held in the capital on Sunday.", [("elections", "election")]),
        # People who flee are displaced; a weapon destroyed in a controlled blast is made safe.
        ("The families fled to the district capital after the shelling.", [("fled", "displacement")]),
        ("The sappers destroyed it through a controlled detonation.", [("destroyed", "loot"), ("detonation", "defuse")]),
        # Someone who wounds someone attacked them; being injured is not by itself an attack.
        ("Militiamen wounded three farmers near the village.", [("wounded", "attack")]),
        # A body found is a killing, however far "found" stands from "body".
        ("The body of a young man was found in the fields near the town.", [("found", "kill")]),
        # A clause run on before "demanded" is not what they demanded.
        ("Party members staged a demonstration in the city centre, they also demanded lower fuel prices.", [("demonstration", "protest")]),
        # Checkpoints set up are a change in the forces' activity; attacked, they are only where fighting was.
        ("The army established police and military checkpoints around the town.", [("checkpoints", "change")]),
        # What a detention is for is the event itself.
        ("Troops detained dozens of teenagers at the market for conscription.", [("detained", "arrest"), ("for conscription", "abduct")]),
        # Forms of demonstration that voice a demand: a climate strike, slowing traffic, banners shown.
        ("Students held their weekly climate strike outside the parliament.", [("climate strike", "protest")]),
        ("Hundreds of drivers slowed the traffic on the ring road to denounce fuel prices.", [("slowed the traffic", "protest")]),
        ("Union members displayed banners outside the city hall to call for higher wages.", [("displayed banners", "protest")]),
        # Asking the authorities for something is a demand; an avenue is a road.
        ("Taxi drivers gathered in the main square to ask the mayor for new licences.", [("gathered", "protest")]),
        ("Bus drivers partially blocked the Zorvel avenue on Monday morning.", [("blocked", "protest")]),
        # Gathering or marching to voice dissatisfaction, or for peace, is a demonstration.
        ("Residents gathered in the square to voice their dissatisfaction with the new tax.", [("gathered", "protest")]),
        ("Hundreds of parishioners took part in a march for peace through the town.", [("march", "protest")]),
        # Calling on someone voices a demand; a single rock thrown is a weapon as rocks are.
        ("Fishermen displayed banners at the port to call on the government to ban trawlers.", [("displayed banners", "protest")]),
        ("A police officer threw a rock at a reporter outside the court.", [("threw", "throw")]),
        # A hunger strike and picketing are demonstrations; fire exchanged, heavy or not, is a clash.
        ("Detainees began a hunger strike in the prison to demand fair trials.", [("hunger strike", "protest")]),
        ("Dock workers continued picketing outside the port to demand higher wages.", [("picketing", "protest")]),
        ("Rival gangs exchanged heavy fire in the market.", [("exchanged heavy fire", "clash")]),
        # What happened as an attempt went on happened, whatever became of the attempt.
        ("Troops tried to advance towards the town, clashing with rebel fighters.", [("clashing", "clash")]),
        # People hurt in a quarrel were hurt in a fight; hurt in an accident, they were not (below).
        ("Four people were wounded over a land dispute between two clans in the village.", [("wounded", "clash")]),
        # A past-tense clause with its own subject tells what happened, whatever was only attempted.
        ("Settlers tried to raise flags at the village entrance, after which clashes erupted between residents and soldiers.", [("clashes", "clash")]),
        # "set to fire", as "set on fire".
        ("Militiamen set to fire a park ranger cabin near the lake.", [("set to fire", "loot")]),
        # "set X ablaze" with its objects between the words.
        ("Raiders set barns, stalls and huts ablaze in the village.", [("ablaze", "loot")]),
        # Starting a fire is setting one; patrolling is patrolling.
        ("A masked man started a fire in the hall of the party's office.", [("started a fire", "loot")]),
        ("Rebel fighters carried out patrolling activities in the hamlet.", [("patrolling", "change")]),
        # "since 7 May": the month, which the parser may read as the modal verb, makes nothing hypothetical.
        ("Relatives of a man missing since 7 May blocked the highway to demand his search.", [("blocked", "protest")]),
        # Barricading a street, and blockades set up, are road blocks.
        ("Students barricaded the street with desks to demand the exams be held.", [("barricaded the", "protest")]),
        ("Farmers set up blockades with rocks on the highway to complain about prices.", [("set up blockades", "protest")]),
        ("Rioters broke the windows of the bank in the old town.", [("broke the windows of", "loot")]),
        ("Soldiers cut the wires of the loudspeakers of the mosque.", [("cut the wires of", "loot")]),
        # "heavy and light weapons": both kinds fired, the heavy ones a shelling.
        ("Troops fired heavy and light weapons at the village for an hour.", [("fired", "fire")]),
        # A march people held is a demonstration, whatever it was for; a sit-in written without its hyphen too.
        ("Members of the party held a torch march in the town to mark the birthday of their founder.", [("march", "protest")]),
        ("Court clerks organized a sit in near the palace of justice.", [("a sit in", "protest")]),
        # Migrants held or "rescued" by the state's forces are detained.
        ("Police officers held 312 migrants travelling in a trailer near the border.", [("held", "arrest")]),
        ("On 6 May, in the municipality of Zorvel, members of the National Guard rescued 139 migrants travelling in a trailer.",
         [("rescued", "arrest")]),
        # People hitting people beat them, with no weapon named.
        ("Prison guards hit a woman's head against the wall of the cell.", [("hit", "beat")]),
        ("Party members dragged the driver of a candidate out of his car.", [("dragged", "beat")]),
        # A gathering the police broke up is a demonstration, told by nothing else.
        ("Police used tear gas to disperse a group of around 80 migrants near their camp.", [("disperse", "protest")]),
        # Checkpoints taken down are a change to the security arrangement, as new ones are.
        ("Iraqi police forces removed several checkpoints and concrete barriers in the Mansour area.", [("checkpoints", "change")]),
    ],
)
def test_events_are_kept(tagged_nlp, text, expected):
    assert kept(tagged_nlp, text) == expected


@pytest.mark.parametrize(
    "text, trigger, reason",
    [
        ("The group threatened to attack the town.", "attack", "threatened, planned or hypothetical"),
        ("Rebels attempted to attack the army base.", "attack", "threatened, planned or hypothetical"),
        ("The union called on its members to demonstrate in the capital.", "demonstrate", "threatened, planned or hypothetical"),
        ("Officials said the army would strike the camps.", "strike", "threatened, planned or hypothetical"),
        ("Neither attack resulted in casualties.", "attack", "negated"),
        ("There was no attack on the convoy.", "attack", "negated"),
        ("There have been more than 150 attacks on the bases since October.", "attacks", "cumulative total"),
        ("The group has claimed a number of the attacks.", "attacks", "cumulative total"),
        ("Teachers went on strike over unpaid salaries.", "strike", "not an event word here"),
        ("The commander vowed to launch new rocket attacks.", "rocket attacks", "threatened, planned or hypothetical"),
        ("The shop was hit by a power cut.", "hit", "needs a weapon"),
        ("A car hit a woman on the main road.", "hit", "needs a weapon"),
        ("Soldiers dragged the bodies to the river.", "dragged", "needs a weapon"),
        # "the crowd" is one the text has told already: its dispersal adds no demonstration.
        ("Police fired tear gas to disperse the crowd.", "disperse", "not an event word here"),
        ("The militias have typically used drones to strike the bases.", "strike", "threatened, planned or hypothetical"),
        ("Police arrested the deputy for supporting demonstrations against the governor.", "demonstrations", "why someone was arrested"),
        ("Tension rose in the town ahead of the elections.", "elections", "an election mentioned, not held"),
        ("The delegation arrived in the town at dawn.", "arrived", "not an event word here"),
        ("The governor issued a ban on all marches and protests in the province.", "protests", "what a ban forbids"),
        ("The governor issued a ban on all forms of marches, rallies, protests, press conferences, hunger strikes, sit-ins and other political gatherings in the province.", "sit-ins", "what a ban forbids"),
        ("Soldiers blocked the roads to prevent villagers from reaching the capital to participate in the march.", "march", "a protest people were stopped from joining"),
        ("Gunmen attacked two police checkpoints near the town.", "checkpoints", "not an event word here"),
        ("The gunmen fled towards the forest.", "fled", "not an event word here"),
        ("Soldiers seized the house of a protest leader in the town.", "protest", "describes a person or group"),
        # Taking part is not fighting: "engaged in a sit-in"; "engaged in an offensive" is.
        ("Dozens of lawyers were engaged in a sit-in outside the court.", "engaged", "not an event word here"),
        # A police or army picket is a guard post, not a picket line.
        ("Militants opened fire on a police picket near the bridge.", "picket", "a guard post"),
        ("Two people were injured in a road accident.", "injured", "not an event word here"),
        # An event remembered, and a word of a proper name, are not events of the text.
        ("Hundreds marched through the city on the anniversary of the terrorist attack.", "attack", "background time reference"),
        ("Workers from the Labor Fight Movement held a rally outside the factory.", "Fight", "part of a name"),
        # The crime someone is arrested for is the reason for the arrest, not an event of the text.
        ("Officers detained a local councillor in the town for the assault of a journalist.", "assault", "why someone was arrested"),
        # A checkpoint of the state's forces blocking a road is no demonstration.
        ("An army checkpoint blocked the highway for a convoy of aid trucks outside the city.", "blocked", "not an event word here"),
        # A verb coordinated with an earlier event's is that earlier event too; so is a clause a noun refers to.
        ("Students blocked an avenue to demand more safety, after a student was stabbed and injured inside the school by another student.", "injured", "an earlier event the sentence refers to"),
        ("Party members staged a demonstration in the town, in protest of a recent attack wherein a party member was assaulted.", "assaulted", "an earlier event the sentence refers to"),
        # ... and with no demand but their own words, none of them is a demonstration.
        ("A landslide cut the road traffic near the pass.", "cut the road traffic", "not an event word here"),
        ("Fans held banners at the match in the stadium.", "held banners", "not an event word here"),
        # Troops on a march, and a group's order to sit in, hold no demonstration.
        ("The soldiers held a march of forty kilometres through the hills.", "march", "not an event word here"),
        ("Gunmen enforcing a sit in order shot at a bus near the market.", "a sit in", "not an event word here"),
        ("Firefighters rescued 12 migrants from a burning house.", "rescued", "not an event word here"),
        ("The police held a meeting with migrants in the town hall.", "held", "not an event word here"),
        # An earlier event told to explain this one.
        ("Unexploded shells from earlier fighting went off in a field, wounding a boy.", "fighting", "background time reference"),
    ],
)
def test_non_events_are_dropped(tagged_nlp, text, trigger, reason):
    reasons = dropped(tagged_nlp, text)
    assert reasons.get(trigger) == reason


@pytest.mark.parametrize(
    "words, heads, deps, negated",
    [
        # "no. 38" abbreviates "number" wherever the parser hangs it.
        (["Teachers", "at", "School", "no", ".", "38", "protested"], [6, 0, 1, 6, 3, 3, 6], ["nsubj", "prep", "pobj", "intj", "punct", "nummod", "ROOT"], False),
        (["Teachers", "did", "not", "protest"], [3, 3, 3, 3], ["nsubj", "aux", "neg", "ROOT"], True),
        (["There", "was", "no", "protest"], [1, 1, 3, 1], ["expl", "ROOT", "det", "attr"], True),
    ],
)
def test_negation_and_the_number_sign(words, heads, deps, negated):
    import spacy
    from spacy.tokens import Doc

    from conflict_events.events.triggers import is_negated

    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps)
    assert is_negated(doc[len(words) - 1]) is negated

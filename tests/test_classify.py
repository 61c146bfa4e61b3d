"""The codebook's classification rules as a table: pooled evidence in, sub-type out."""

import pytest

from conflict_events.events.classify import Evidence, classify
from conflict_events.schema import Inter, SubEventType as S


def ev(families, weapons=(), text="", agent=0, target=0, killed=0):
    return Evidence(families=set(families), weapons=set(weapons), text=text, agent_inter=agent, target_inter=target, killed=killed)


@pytest.mark.parametrize(
    "evidence, expected",
    [
        # weapons to sub-type
        (ev({"fire"}, {"drone"}, "militants fired two one-way attack drones at the base"), S.AIR_DRONE_STRIKE),
        (ev({"launch"}, {"missile"}, "they launched ballistic missiles at the base"), S.SHELLING),
        (ev({"fire"}, {"rocket"}, "a rocket was fired at the landing zone"), S.SHELLING),
        (ev({"explosion"}, {"ied"}, "a roadside bomb exploded under a bus"), S.REMOTE_EXPLOSIVE),
        (ev({"throw"}, {"ied"}, "armed men threw an explosive device into a home"), S.GRENADE),
        (ev({"suicide"}, {"suicide"}, "a suicide bomber blew himself up at a checkpoint"), S.SUICIDE_BOMB),
        (ev({"attack"}, {"grenade"}, "an attacker threw a grenade into a bar"), S.GRENADE),
        (ev({"attack"}, {"chemical"}, "chlorine gas was used in the attack"), S.CHEMICAL_WEAPON),
        (ev({"air"}, set(), "warplanes carried out airstrikes on the town"), S.AIR_DRONE_STRIKE),
        (ev({"strike"}, set(), "the army struck three facilities", agent=Inter.EXTERNAL_OTHER), S.AIR_DRONE_STRIKE),
        (ev({"shelling"}, set(), "the army shelled the village"), S.SHELLING),
        # the codebook: two sides trading long-range fire is an armed clash
        (ev({"fire"}, {"artillery"}, "militants fired mortar shells at the base. the soldiers fired back with mortars"), S.ARMED_CLASH),
        (ev({"shelling"}, {"rocket"}, "a shelling exchange with rockets took place between the two forces"), S.ARMED_CLASH),
        (ev({"fire"}, {"rocket"}, "militants fired two rockets at a police post. the police returned fire"), S.ARMED_CLASH),
        # ... but an air strike stays one, and fire answered is not the grievance of a demonstration
        (ev({"air"}, {"air"}, "jets bombed the positions after rebels fired back at the convoy"), S.AIR_DRONE_STRIKE),
        (ev({"fire"}, {"rocket"}, "rebels fired rockets at the town", agent=Inter.REBEL_GROUP), S.SHELLING),
        # fire at a place by an armed force, no gun named: from afar; with guns, or by no armed actor, it is not shelling
        (Evidence(families={"fire"}, text="the army fired on zorvel district", agent_inter=Inter.EXTERNAL_OTHER, target_is_place=True), S.SHELLING),
        # fire reported with no one named firing, aimed at or hurt: both ways or small arms is fighting,
        # explosions of fired weapons are shelling, an explosion alone is still a device
        (ev({"fire"}, {"missile"}, "monitors counted 16 projectiles involving unknown weapons in both directions of the frontline"), S.ARMED_CLASH),
        (ev({"explosion"}, set(), "monitors counted 13 explosions in both directions of the frontline"), S.ARMED_CLASH),
        (ev({"fire"}, {"firearm"}, "monitors counted 36 shots and bursts of fire involving small arms near the village"), S.ARMED_CLASH),
        (ev({"explosion"}, set(), "monitors counted 4 explosions involving unknown weapons near the village"), S.SHELLING),
        (ev({"explosion", "fire"}, {"firearm"}, "monitors counted explosions and bursts of fire involving heavy machine guns and artillery"), S.SHELLING),
        (ev({"explosion"}, set(), "an explosion went off near the market"), S.REMOTE_EXPLOSIVE),
        (ev({"explosion"}, set(), "an explosion involving unknown weapons killed two soldiers", killed=2), S.REMOTE_EXPLOSIVE),
        # gunmen who killed are the killers, not armed victims
        (ev({"kill"}, set(), "the bodies of two young men were found near the village, killed by unknown gunmen", killed=2), S.ATTACK),
        (ev({"kill"}, set(), "unknown assailants killed two gunmen near the village", killed=2), S.ARMED_CLASH),
        # a town whose name begins with "Gun" is no gun: villagers who beat a man to death there are a mob
        (Evidence(families={"attack", "kill"}, weapons={"blade"}, text="villagers assaulted and killed a man with sharp weapons in gunderpur village",
                  agent_inter=Inter.CIVILIANS, killed=1, agent_unarmed=True), S.MOB_VIOLENCE),
        # hierarchy: battles before remote violence, remote violence before attacks on civilians
        (ev({"clash", "shelling"}, {"artillery"}, "fighting raged as both sides exchanged artillery fire"), S.ARMED_CLASH),
        (ev({"shelling", "kill"}, {"artillery"}, "shelling killed three civilians", target=Inter.CIVILIANS, killed=3), S.SHELLING),
        (ev({"attack"}, {"firearm"}, "gunmen attacked villagers", agent=Inter.POLITICAL_MILITIA, target=Inter.CIVILIANS), S.ATTACK),
        (ev({"attack"}, set(), "militants attacked an army post", agent=Inter.REBEL_GROUP, target=Inter.STATE_FORCES), S.ARMED_CLASH),
        (ev({"clash"}, set(), "troops clashed with rebels"), S.ARMED_CLASH),
        # territory
        (ev({"regain", "clash"}, set(), "the army recaptured the town after fighting", agent=Inter.STATE_FORCES), S.GOVERNMENT_REGAINS_TERRITORY),
        (ev({"capture", "clash"}, set(), "rebels captured the town after heavy fighting", agent=Inter.REBEL_GROUP), S.NON_STATE_ACTOR_OVERTAKES_TERRITORY),
        (ev({"capture"}, set(), "rebels took control of the town without a fight", agent=Inter.REBEL_GROUP), S.NON_VIOLENT_TRANSFER),
        # Fighting named in passing ("following clashes") still makes it a battle; foreign forces overtake.
        (ev({"capture"}, set(), "following clashes, the invading forces captured the village", agent=Inter.EXTERNAL_OTHER), S.NON_STATE_ACTOR_OVERTAKES_TERRITORY),
        (ev({"withdraw"}, set(), "troops withdrew from the town"), S.NON_VIOLENT_TRANSFER),
        # demonstrations
        (ev({"protest"}, set(), "hundreds of teachers protested over pay"), S.PEACEFUL_PROTEST),
        (ev({"protest"}, {"less_lethal"}, "police fired tear gas to disperse the protesters"), S.PROTEST_WITH_INTERVENTION),
        (ev({"protest"}, set(), "police arrested ten demonstrators at the march"), S.PROTEST_WITH_INTERVENTION),
        (ev({"protest", "kill"}, {"firearm"}, "security forces opened fire on protesters, killing two", killed=2), S.EXCESSIVE_FORCE),
        # Live fire at demonstrators is lethal force even when nobody dies; so is a death in a dispersal.
        (ev({"protest"}, {"firearm"}, "soldiers fired live ammunition at the demonstrators"), S.EXCESSIVE_FORCE),
        (ev({"protest"}, {"less_lethal"}, "police fired tear gas to disperse the march and one protester died", killed=1), S.EXCESSIVE_FORCE),
        (ev({"protest"}, {"blunt"}, "protesters threw stones at police and torched a car"), S.VIOLENT_DEMONSTRATION),
        (ev({"riot"}, set(), "rioters looted shops"), S.VIOLENT_DEMONSTRATION),
        (ev({"mob"}, set(), "a mob lynched a suspected thief"), S.MOB_VIOLENCE),
        # violence against civilians
        (ev({"abduct"}, set(), "gunmen abducted a teacher"), S.ABDUCTION),
        (ev({"sexual"}, set(), "soldiers raped a woman"), S.SEXUAL_VIOLENCE),
        (ev({"kill"}, {"firearm"}, "gunmen shot dead a farmer", killed=1), S.ATTACK),
        (ev({"kill"}, {"firearm"}, "a gang member was shot dead by rivals", killed=1), S.ARMED_CLASH),
        (ev({"kill"}, set(), "gunmen killed two soldiers at a checkpoint", killed=2), S.ARMED_CLASH),
        # strategic developments
        (ev({"intercept"}, {"drone"}, "air defences intercepted the drone"), S.DISRUPTED_WEAPONS_USE),
        (ev({"defuse"}, {"ied"}, "engineers defused a roadside bomb"), S.DISRUPTED_WEAPONS_USE),
        (ev({"shootdown"}, set(), "rebels shot down a fighter jet"), S.SHELLING),
        (ev({"arrest"}, set(), "police arrested an opposition leader", agent=Inter.STATE_FORCES), S.ARRESTS),
        (ev({"arrest"}, set(), "the militia detained two journalists", agent=Inter.POLITICAL_MILITIA), S.ABDUCTION),
        (ev({"agreement"}, set(), "the parties signed a ceasefire agreement"), S.AGREEMENT),
        (ev({"base"}, set(), "the group established a base in the forest"), S.HEADQUARTERS_ESTABLISHED),
        (ev({"loot"}, set(), "soldiers looted homes"), S.LOOTING),
        (ev({"change"}, set(), "the group recruited fighters"), S.CHANGE_TO_GROUP),
    ],
)
def test_codebook_rules(evidence, expected):
    sub, rule = classify(evidence)
    assert sub is expected, rule
    assert "→" in rule


@pytest.mark.parametrize(
    "evidence",
    [
        Evidence(families={"fire"}, weapons={"firearm"}, text="the army fired rifles on zorvel district",
                 agent_inter=Inter.EXTERNAL_OTHER, target_is_place=True),
        Evidence(families={"fire"}, text="gunmen fired on zorvel village", agent_inter=Inter.POLITICAL_MILITIA, target_is_place=True),
        Evidence(families={"fire"}, text="someone fired on zorvel district", target_is_place=True),
        Evidence(families={"fire"}, text="the army fired on the crowd", agent_inter=Inter.STATE_FORCES),
    ],
)
def test_fire_that_is_not_shelling(evidence):
    decided = classify(evidence)
    assert decided is None or decided[0] is not S.SHELLING


def test_nothing_to_classify():
    assert classify(ev(set())) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("villagers and police clashed over a land dispute, injuring two women", S.MOB_VIOLENCE),
        ("members of two rival parties clashed near the polling station", S.MOB_VIOLENCE),
        ("a clash ensued between cadres of two parties during the local elections", S.MOB_VIOLENCE),
        ("troops clashed with rebels near the river", S.ARMED_CLASH),
        ("villagers clashed with gunmen who opened fire on them", S.ARMED_CLASH),
        ("the military and the Zorvel People's Guard clashed on the ridge", S.ARMED_CLASH),
        ("villagers clashed with the military over a land dispute", S.ARMED_CLASH),
    ],
)
def test_clashes_without_armed_groups_are_mob_violence(text, expected):
    sub, _ = classify(ev({"clash"}, set(), text))
    assert sub is expected


@pytest.mark.parametrize("target_inter", [Inter.REBEL_GROUP, Inter.POLITICAL_MILITIA])
def test_a_clash_with_an_organised_armed_group_is_an_armed_clash(target_inter):
    evidence = ev({"clash"}, set(), "residents clashed with the Zorvel Liberation Front near the market")
    evidence.target_inter = target_inter
    sub, _ = classify(evidence)
    assert sub is S.ARMED_CLASH


@pytest.mark.parametrize(
    "text, expected",
    [
        ("around 300 people demonstrated by burning the gates of the town hall", S.VIOLENT_DEMONSTRATION),
        ("the demonstrators kidnapped two officials sent to negotiate", S.VIOLENT_DEMONSTRATION),
        ("protesters blocked the road with burning tyres", S.VIOLENT_DEMONSTRATION),
        # Road-blocking with barricades or other material is violent by the codebook.
        ("residents erected barricades on the streets and demonstrated against land grabbing", S.VIOLENT_DEMONSTRATION),
        ("residents blocked the main road with tree logs to protest the dust", S.VIOLENT_DEMONSTRATION),
        ("truck drivers used their vehicles to block several roads in a demonstration against fuel prices", S.VIOLENT_DEMONSTRATION),
        ("students demonstrated by vandalizing the college gate", S.VIOLENT_DEMONSTRATION),
        # A march that blocks traffic by walking is not.
        ("thousands marched and blocked traffic in the city centre", S.PEACEFUL_PROTEST),
        # Nor do the police's own barricades, or throwing produce on the ground.
        ("drivers demonstrated against fuel prices and police erected barricades to stop the march", S.PEACEFUL_PROTEST),
        ("farmers protested by throwing straw in front of a supermarket", S.PEACEFUL_PROTEST),
        # Symbolic burning is a peaceful protest.
        ("protesters burned effigies of the governor outside the palace", S.PEACEFUL_PROTEST),
        # The violence is what the protest is about.
        ("residents protested after gunmen attacked the village", S.PEACEFUL_PROTEST),
        ("students protested the abduction of a classmate", S.PEACEFUL_PROTEST),
        ("people protested against the burning of a church", S.PEACEFUL_PROTEST),
        ("shopkeepers closed the market to protest against vandalism of their stalls", S.PEACEFUL_PROTEST),
        ("residents protested because the flood had damaged their homes", S.PEACEFUL_PROTEST),
        ("activists held a vigil for a student who set himself on fire in protest decades ago", S.PEACEFUL_PROTEST),
        # A rock in a name, a human chain: no stone thrown, no barricade built.
        ("community members marched in Little Rock against a pipeline", S.PEACEFUL_PROTEST),
        ("supporters formed a human barricade at the prison entrance", S.PEACEFUL_PROTEST),
        ("the crowd engaged in stone pelting outside the police station", S.VIOLENT_DEMONSTRATION),
        # Said to be violent, attempted violence, a fight between the sides, a road blocked with sandbags.
        ("dozens of people staged a violent demonstration outside the fuel depot", S.VIOLENT_DEMONSTRATION),
        ("taxi drivers blocked the road and attempted to attack passing motorists", S.VIOLENT_DEMONSTRATION),
        ("the march ended in a confrontation between demonstrators and the police", S.VIOLENT_DEMONSTRATION),
        ("villagers blocked the main road with sandbags against the closure of the clinic", S.VIOLENT_DEMONSTRATION),
        ("job aspirants damaged public property during demonstrations against the new scheme", S.VIOLENT_DEMONSTRATION),
        # A flag, a party banner or a uniform burned is a symbol, whatever words come before it.
        ("defectors burnt their former party's flag outside its office", S.PEACEFUL_PROTEST),
        ("fans set the rival banners on fire in the square", S.PEACEFUL_PROTEST),
        ("pupils burned their old uniforms in front of the ministry", S.PEACEFUL_PROTEST),
        # Words of argument are no fight; what the police did to the demonstrators is not theirs.
        ("opposing rallies faced each other and verbal skirmishes between their leaders went on for an hour", S.PEACEFUL_PROTEST),
        ("villagers marched for water rights. The march was dispersed by officers, who clubbed a reporter", S.PROTEST_WITH_INTERVENTION),
    ],
)
def test_what_makes_a_demonstration_violent(text, expected):
    sub, rule = classify(ev({"protest"}, set(), text))
    assert sub is expected, rule

"""A deterministic synthetic news corpus for throughput and memory benchmarks.

    python benchmarks/corpus.py OUT_DIR [--articles 40] [--scale N] [--seed 7]

Writes ``OUT_DIR/articles/NNNN.txt`` (each with a ``Published: D Month YYYY``
header line, a headline and a dateline) and ``OUT_DIR/corpus.jsonl`` (one
``{"id", "date", "title", "text"}`` object per article, ``text`` being exactly
the .txt file's content). ``--scale N`` writes N times as many articles of the
same make-up (the 10x corpus of the memory-growth check).

Every sentence comes from the templates below, which the project owns; no news
text is copied. Output depends only on the arguments (a seeded random.Random),
so two runs write byte-identical files.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from dataclasses import dataclass
from pathlib import Path

# --------------------------------------------------------------------------- vocabulary

# country -> (demonym, towns)
PLACES: dict[str, tuple[str, tuple[str, ...]]] = {
    "Iraq": ("Iraqi", ("Baghdad", "Mosul", "Kirkuk", "Basra", "Fallujah", "Ramadi", "Tikrit", "Samarra")),
    "Syria": ("Syrian", ("Aleppo", "Idlib", "Homs", "Hama", "Deir ez-Zor", "Raqqa", "Daraa", "Latakia")),
    "Yemen": ("Yemeni", ("Sanaa", "Aden", "Taiz", "Marib", "Hodeidah", "Saada")),
    "Nigeria": ("Nigerian", ("Maiduguri", "Kano", "Kaduna", "Abuja", "Lagos", "Jos", "Zaria")),
    "Somalia": ("Somali", ("Mogadishu", "Kismayo", "Baidoa", "Beledweyne", "Galkayo")),
    "Mali": ("Malian", ("Bamako", "Gao", "Timbuktu", "Mopti", "Kidal", "Segou")),
    "Burkina Faso": ("Burkinabe", ("Ouagadougou", "Djibo", "Dori", "Kaya", "Fada N'Gourma")),
    "Sudan": ("Sudanese", ("Khartoum", "Omdurman", "El Fasher", "Nyala", "Port Sudan", "El Obeid")),
    "Democratic Republic of Congo": ("Congolese", ("Goma", "Bunia", "Beni", "Bukavu", "Kinshasa", "Butembo")),
    "Ukraine": ("Ukrainian", ("Kharkiv", "Kherson", "Odesa", "Zaporizhzhia", "Sumy", "Dnipro", "Kyiv")),
    "Afghanistan": ("Afghan", ("Kabul", "Kandahar", "Herat", "Jalalabad", "Kunduz", "Mazar-i-Sharif")),
    "Pakistan": ("Pakistani", ("Peshawar", "Quetta", "Karachi", "Lahore", "Bannu", "Dera Ismail Khan")),
    "Myanmar": ("Myanmar", ("Mandalay", "Yangon", "Sagaing", "Myitkyina", "Lashio", "Hpa-an")),
    "Colombia": ("Colombian", ("Cali", "Medellin", "Cucuta", "Bogota", "Popayan", "Tumaco")),
    "Mexico": ("Mexican", ("Culiacan", "Tijuana", "Guadalajara", "Acapulco", "Chilpancingo", "Morelia")),
    "Kenya": ("Kenyan", ("Nairobi", "Mombasa", "Garissa", "Mandera", "Lamu", "Kisumu", "Eldoret", "Wajir")),
    "Ethiopia": ("Ethiopian", ("Addis Ababa", "Gondar", "Bahir Dar", "Dessie", "Mekele")),
    "Libya": ("Libyan", ("Tripoli", "Benghazi", "Misrata", "Sirte", "Sabha", "Zawiya")),
    "Cameroon": ("Cameroonian", ("Bamenda", "Buea", "Maroua", "Kousseri", "Douala")),
    "Mozambique": ("Mozambican", ("Pemba", "Mocimboa da Praia", "Palma", "Macomia", "Montepuez")),
    "Lebanon": ("Lebanese", ("Beirut", "Tyre", "Sidon", "Nabatieh", "Baalbek", "Tripoli")),
    "Haiti": ("Haitian", ("Port-au-Prince", "Cap-Haitien", "Gonaives", "Petion-Ville", "Mirebalais")),
    "Bangladesh": ("Bangladeshi", ("Dhaka", "Chittagong", "Sylhet", "Khulna", "Rajshahi")),
}

ARMED_GROUPS = (
    "Islamic State militants", "al-Shabaab fighters", "Boko Haram insurgents", "an armed group",
    "unidentified gunmen", "rebel fighters", "a local militia", "jihadist fighters",
    "members of a separatist group", "armed bandits", "a pro-government militia", "insurgents",
)
STATE_FORCES = (
    "government forces", "the army", "security forces", "soldiers", "the air force",
    "police", "special forces", "troops", "the military", "border guards",
)
FOREIGN_FORCES = (
    "the U.S. military", "Russian forces", "Turkish drones", "coalition aircraft",
    "Israeli warplanes", "French troops", "African Union peacekeepers",
)
PROTESTERS = (
    "students", "teachers", "farmers", "opposition supporters", "market traders",
    "health workers", "residents", "taxi drivers", "women's groups", "university staff",
    "lawyers", "factory workers",
)
CAUSES = (
    "rising fuel prices", "unpaid salaries", "power cuts", "a disputed election result",
    "the arrest of a local leader", "water shortages", "new taxes", "police brutality",
    "the closure of a university", "land evictions", "corruption in the local council",
)
OFFICIALS = (
    "a police spokesman", "the provincial governor", "a local official", "a military spokesperson",
    "a hospital director", "a village elder", "the interior ministry", "a health official",
    "a resident who asked not to be named", "a spokeswoman for the regional administration",
    "a local human rights group", "an aid worker",
)
TARGETS = (
    "a weapons depot", "a checkpoint", "a military base", "a command centre", "a bridge",
    "a fuel convoy", "a training camp", "a residential building", "a market", "a power station",
    "an army outpost", "a police station",
)
WEAPONS_STRIKE = ("airstrike", "drone strike", "air raid", "missile strike")
WEAPONS_SHELL = ("artillery shells", "mortar rounds", "rockets", "missiles", "heavy artillery")
NUMBERS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "12", "15", "17", "20", "23", "31")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
TIMES = ("on {day}", "late on {day}", "early on {day}", "on {day} night", "on {day} morning", "overnight")
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
AGENCIES = ("(Wire)", "(Newsdesk)", "(Staff report)", "(Correspondent)")

# --------------------------------------------------------------------------- templates

EVENT_TEMPLATES: dict[str, tuple[str, ...]] = {
    "strike": (
        "{Foreign} carried out an {wstrike} on {target} near {town} {when}, killing {n} people, {official} said.",
        "At least {n} people were killed when an {wstrike} hit {target} in {town} {when}.",
        "{State} said its aircraft struck {target} used by {group} outside {town} {when}.",
        "An {wstrike} on {target} in the {country} town of {town} {when} left {n} dead and {m} wounded.",
        "Warplanes bombed positions held by {group} in {town} {when}, according to {official}.",
    ),
    "shelling": (
        "{Group} fired {wshell} at {town} {when}, killing {n} civilians and wounding {m} others.",
        "Heavy shelling hit residential areas of {town} {when}, {official} said, adding that {n} people died.",
        "{State} shelled villages around {town} {when} after {group} attacked {target}.",
        "{N} people were injured when {wshell} landed near {target} in {town} {when}.",
    ),
    "clash": (
        "{State} clashed with {group} near {town} {when}, leaving {n} fighters dead, {official} said.",
        "Fighting broke out between {state} and {group} in {town} {when} and lasted several hours.",
        "{Group} attacked {target} in {town} {when}; {n} soldiers and {m} attackers were killed in the gunfight.",
        "{N} people died in clashes between {state} and {group} on the outskirts of {town} {when}.",
    ),
    "protest": (
        "Hundreds of {protesters} protested in {town} {when} against {cause}.",
        "{Protesters} marched through the centre of {town} {when} to denounce {cause}, chanting slogans.",
        "Thousands of {protesters} demonstrated peacefully outside the governor's office in {town} {when} over {cause}.",
        "Police fired tear gas to disperse {protesters} rallying in {town} {when} against {cause}.",
        "Angry {protesters} set tyres on fire and blocked roads in {town} {when} in protest at {cause}.",
    ),
    "arrest": (
        "Police arrested {n} people in {town} {when} on suspicion of links to {group}, {official} said.",
        "{State} detained a senior commander of {group} during a raid in {town} {when}.",
        "Security forces arrested {n} {protesters} in {town} {when} after a demonstration over {cause}.",
    ),
    "abduction": (
        "{Group} abducted {n} villagers from a farm near {town} {when}, {official} said.",
        "Gunmen kidnapped {n} passengers travelling on the road between {town} and {town2} {when}.",
        "{N} schoolchildren were abducted by {group} from a school in {town} {when}.",
    ),
    "attack": (
        "{Group} stormed a village near {town} {when} and shot dead {n} civilians.",
        "Gunmen killed {n} worshippers at a mosque in {town} {when}, {official} said.",
        "A roadside bomb exploded near {target} in {town} {when}, killing {n} people.",
        "A suicide bomber blew himself up at a checkpoint in {town} {when}, killing {n} soldiers.",
    ),
}

FILLER_TEMPLATES: tuple[str, ...] = (
    '"We heard the explosions and ran to the basement with the children," said one resident of {town}.',
    '"The situation remains very tense," {official} told reporters on condition of anonymity.',
    "The {country} government has not commented on the reports.",
    "It was not immediately possible to verify the casualty figures independently.",
    "No group has claimed responsibility so far.",
    "{Country} has been affected by violence involving {group} for more than a decade.",
    "Aid agencies say more than {n} thousand people have fled the area since the start of the year.",
    "The United Nations called on all parties to protect civilians and respect international law.",
    "Local media reported that schools and shops in {town} remained closed.",
    "The region around {town} is home to several displacement camps.",
    "Analysts say the violence reflects a long-running competition over land and resources.",
    "Talks between the government and opposition leaders stalled last month.",
    "The {demonym} economy has struggled with high inflation and a weak currency.",
    "Officials said investigations were under way and promised to publish the findings.",
    "The main road linking {town} to {town2} reopened after being closed for several days.",
    "Witnesses described long queues at fuel stations and bakeries across the city.",
    "A curfew imposed last week was extended by the local authorities.",
    "The country is due to hold elections next year, although no date has been set.",
    "Human rights groups have repeatedly criticised the conduct of the security services.",
    "The governor said reinforcements had been sent to the area to restore order.",
    '"We are doing everything we can to bring those responsible to justice," the minister said in a statement.',
    "Hospitals in {town} said they were running short of blood and medical supplies.",
    "The weather in the north has made road travel difficult for humanitarian convoys.",
    "A delegation of regional leaders is expected to visit the capital next week.",
    "Mobile phone networks were cut in parts of the province, making communication difficult.",
    "The incident came a day after officials announced a new security plan for the region.",
    "Prices of basic goods such as flour and cooking oil have doubled since the spring.",
    "The ministry of education said exams would go ahead as planned.",
)

HEADLINES: dict[str, tuple[str, ...]] = {
    "strike": ("Strike on {town} leaves {n} dead", "Air raids target militant positions near {town}"),
    "shelling": ("Shelling hits homes in {town}", "Rockets fired at {town} as fighting escalates"),
    "clash": ("Deadly clashes near {town}", "Fighters and troops battle outside {town}"),
    "protest": ("{Protesters} rally in {town} over {cause}", "Protest in {town} draws hundreds"),
    "arrest": ("Police detain suspects in {town}", "Arrests follow raid in {town}"),
    "abduction": ("Villagers abducted near {town}", "Kidnappings reported on {town} road"),
    "attack": ("Gunmen kill civilians near {town}", "Deadly attack in {town}"),
}


@dataclass(frozen=True)
class Article:
    id: str
    date: dt.date
    title: str
    text: str

    @property
    def words(self) -> int:
        return len(self.text.split())


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _fill(rng: random.Random, template: str, country: str, towns: tuple[str, ...]) -> str:
    demonym = PLACES[country][0]
    town, town2 = rng.sample(towns, 2) if len(towns) > 1 else (towns[0], towns[0])
    day = rng.choice(WEEKDAYS)
    values = {
        "country": country,
        "demonym": demonym,
        "town": town,
        "town2": town2,
        "when": rng.choice(TIMES).format(day=day),
        "group": rng.choice(ARMED_GROUPS),
        "state": rng.choice(STATE_FORCES),
        "foreign": rng.choice(FOREIGN_FORCES),
        "protesters": rng.choice(PROTESTERS),
        "cause": rng.choice(CAUSES),
        "official": rng.choice(OFFICIALS),
        "target": rng.choice(TARGETS),
        "wstrike": rng.choice(WEAPONS_STRIKE),
        "wshell": rng.choice(WEAPONS_SHELL),
        "n": rng.choice(NUMBERS),
        "m": rng.choice(NUMBERS),
    }
    for key in list(values):
        values[key[:1].upper() + key[1:]] = _cap(values[key])
    values["N"] = _cap(values["n"])
    return _cap(template.format(**values))


def make_article(rng: random.Random, number: int, start: dt.date, min_words: int, max_words: int) -> Article:
    country = rng.choice(sorted(PLACES))
    demonym, towns = PLACES[country]
    kinds = sorted(EVENT_TEMPLATES)
    main = rng.choice(kinds)
    date = start + dt.timedelta(days=rng.randrange(0, 365))
    target_words = rng.randint(min_words, max_words)

    headline = _fill(rng, rng.choice(HEADLINES[main]), country, towns)
    dateline_town = rng.choice(towns).upper()
    paragraphs: list[str] = []
    words = 0
    first = True
    while words < target_words:
        sentences: list[str] = []
        for _ in range(rng.randint(2, 4)):
            if first or rng.random() < 0.35:
                kind = main if first or rng.random() < 0.6 else rng.choice(kinds)
                sentence = _fill(rng, rng.choice(EVENT_TEMPLATES[kind]), country, towns)
            else:
                sentence = _fill(rng, rng.choice(FILLER_TEMPLATES), country, towns)
            if first:
                sentence = f"{dateline_town} {rng.choice(AGENCIES)} — {sentence}"
                first = False
            sentences.append(sentence)
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        words += len(paragraph.split())
    header = f"Published: {date.day} {MONTHS[date.month - 1]} {date.year}"
    text = f"{header}\n\n{headline}\n\n" + "\n\n".join(paragraphs) + "\n"
    return Article(id=f"{number:04d}", date=date, title=headline, text=text)


def generate(n_articles: int = 40, *, scale: int = 1, seed: int = 7, min_words: int = 300, max_words: int = 600) -> list[Article]:
    """The articles of the corpus; deterministic for the same arguments."""
    rng = random.Random(seed)
    start = dt.date(2024, 1, 1)
    return [make_article(rng, i, start, min_words, max_words) for i in range(n_articles * max(1, scale))]


def write_corpus(out_dir: str | Path, articles: list[Article]) -> tuple[Path, Path]:
    """Write ``articles/*.txt`` and ``corpus.jsonl`` under out_dir; returns (folder, jsonl)."""
    out = Path(out_dir)
    folder = out / "articles"
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.txt"):
        old.unlink()
    jsonl = out / "corpus.jsonl"
    with jsonl.open("w", encoding="utf-8", newline="\n") as handle:
        for article in articles:
            (folder / f"{article.id}.txt").write_text(article.text, encoding="utf-8", newline="\n")
            record = {"id": article.id, "date": article.date.isoformat(), "title": article.title, "text": article.text}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return folder, jsonl


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--articles", type=int, default=40, help="articles at scale 1 (default 40)")
    parser.add_argument("--scale", type=int, default=1, help="multiply the number of articles (default 1)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--min-words", type=int, default=300)
    parser.add_argument("--max-words", type=int, default=600)
    args = parser.parse_args(argv)
    articles = generate(args.articles, scale=args.scale, seed=args.seed, min_words=args.min_words, max_words=args.max_words)
    folder, jsonl = write_corpus(args.out_dir, articles)
    words = sum(a.words for a in articles)
    print(f"{len(articles)} articles, {words} words -> {folder}/ and {jsonl}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

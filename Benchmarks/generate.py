#!/usr/bin/env python3
"""Writes a synthetic dossier of news-like prose, deterministically from a seed, twice: in Dossier's content
format and as a Hugo site with the same article text (taxonomies `people` and `events`, relative and
file-named URLs).

    generate.py OUT [--articles N] [--people P] [--events E] [--walk-ons W] [--seed S]

OUT/dossier/Content/   dossier.yml, people/, events/, articles/   (build with `dossier build --content ...`)
OUT/hugo/              config.toml, content/articles/, layouts/   (build with `hugo -s ... -d ...`)

The prose carries what Dossier reads in text, at about these rates per article (the defaults: 10,000 articles,
510 curated people, 300 events; the generator prints the rates it measured on what it wrote, and they should
stay close to these):

    words                       ~740 (560-860), in ~16 blocks
    dated expressions           ~15, in ~70 % of paragraphs: absolute ("3 March 2024", "February 27",
                                "March 2024") ~5, relative ("last month", "two days later", "yesterday",
                                "a week before the summit on March 10") ~4, weekdays ("on Wednesday") ~2.5,
                                months ("in February") ~1.4, years ("in 2022", "since 2019") ~1.6,
                                intervals ("from 2019 to 2021", "from March to May") ~0.6
    quotations                  ~6: `"...," Lavrov said.`, `"...," said Sergei Lavrov.`,
                                `Dmitriev told reporters that "..."`, `He said "..."`, a quote continuing
                                the speaker, block quotes with a signature; "according to X" ~6 more
    people named                3-8 of the cast; ~30 mentions: titled ("Kremlin spokesman Dmitry Peskov")
                                ~2.4, appositions ("X, the foreign minister,") ~1.1, surname alone ~12,
                                possessives ~3, Mr./Ms. ~0.8, curated aliases ~0.7, misspellings ~0.3
    walk-on people              ~0.7 (named with a title, in no people/ file: discovery finds them)
    organisations and places    ~16 ("the State Department", "Goldman Sachs", "Saudi Arabia", "Abu Dhabi"):
                                capitalised runs that must not become people
    event aliases               ~1.8 ("the grain talks in Vienna")
    wikilinks                   ~1 ([[slug]] and [[slug|text]])
    Markdown                    lists ~0.9, block quotes ~0.7, headings ~0.7, emphasis ~3.7, links ~0.9

Names come from many cultures (Russian, Ukrainian, Arabic, Persian, Turkish, Hebrew, Chinese, Korean,
Japanese, Vietnamese, Indian, Nigerian, Spanish, Portuguese, French, German, Polish, Nordic, English), with
particles ("bin", "van der", "de"), hyphens and accents; Chinese, Korean and Vietnamese names put the family
name first. About one person in twenty shares a surname with another.
"""

import argparse
import os
import random
import re

# --- Names ---------------------------------------------------------------------------------------------------
# culture: (given names, family names, family name first?)
CULTURES = {
    "russian": ("Sergei Dmitry Kirill Yuri Alexei Nikolai Vladimir Mikhail Oleg Andrei Igor Pavel Maxim Anton Ruslan "
                "Yelena Tatiana Maria Olga Svetlana Irina Natalia Valentina Anatoly Grigory Vasily Boris Leonid",
                "Volkov Sokolov Morozov Lebedev Kozlov Novikov Orlov Zaitsev Pavlov Semyonov Golubev Vinogradov "
                "Bogdanov Vorobyov Fyodorov Mikhailov Belyaev Tarasov Belov Komarov Kiselyov Makarov Andreev "
                "Kovalyov Ilyin Gusev Titov Kuzmin Kudryavtsev Baranov Kulikov Alexeyev Stepanov Yakovlev "
                "Sorokin Sergeyev Romanov Zakharov Borisov Korolyov Gerasimov Ponomaryov Grigoryev Lazarev "
                "Medvedev Yershov Nikitin Sobolev Ryabov Polyakov Tsvetkov Danilov Zhukov Frolov Zhuravlyov", False),
    "ukrainian": ("Volodymyr Oleksandr Dmytro Andriy Mykhailo Yulia Iryna Olena Petro Taras Bohdan Oksana Vitaliy "
                  "Serhiy Mykola Kyrylo Yevhen Halyna",
                  "Shevchenko Bondarenko Kovalenko Tkachenko Kravchenko Oliynyk Shevchuk Polishchuk Lysenko Marchenko "
                  "Rudenko Savchenko Petrenko Klymenko Pavlenko Moroz Melnyk Kushnir Hrytsenko Yaremchuk", False),
    "arabic": ("Mohammed Ahmed Khalid Omar Youssef Ibrahim Hassan Faisal Tariq Walid Abdullah Mustafa Karim Samir "
               "Nabil Rania Leila Fatima Amina Hala Yasmin Salma",
               "al-Rashid al-Masri Haddad Nasser Khoury Mansour Saleh Abboud Farouk Qasim al-Tamimi Barakat Aziz "
               "Hamdan al-Shami Darwish Habib Sabbagh Najjar Obeid Bakri Jaber Zayed Karam", False),
    "persian": ("Javad Hossein Masoud Ebrahim Ali Reza Mahmoud Abbas Mehdi Shirin Maryam Parisa Farhad Kaveh",
                "Zarif Rahimi Hosseini Karimi Moradi Jafari Rostami Sadeghi Tehrani Bagheri Ahmadi Mousavi "
                "Ghorbani Shirazi", False),
    "turkish": ("Mehmet Ahmet Mustafa Hakan Emre Murat Kemal Selin Elif Zeynep Ayşe Burak Cem Deniz Mevlüt",
                "Yılmaz Kaya Demir Şahin Çelik Yıldız Aydın Öztürk Arslan Doğan Kılıç Aslan Çetin Kurt Koç "
                "Özdemir Erdem Güler", False),
    "hebrew": ("Yair Naftali Gideon Avigdor Moshe Itamar Tzipi Ayelet Shira Eitan Yoav Benny Orit Dalia",
               "Lapid Ben-David Sharon Peretz Levi Mizrahi Friedman Shapira Katz Dahan Avraham Biton Golan "
               "Ashkenazi", False),
    "chinese": ("Wei Jun Ming Hua Lei Yan Jing Xiaoming Jianguo Li Na Qiang Yong Hong Lan",
                "Wang Zhang Liu Chen Yang Zhao Huang Zhou Wu Xu Sun Ma Zhu Hu Guo He Gao Lin Luo Zheng", True),
    "korean": ("Min-jun Seo-yeon Ji-ho Ha-eun Dong-hyun Sung-min Young-soo Eun-ji Jae-won Hye-jin",
               "Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han Shin", True),
    "japanese": ("Hiroshi Takeshi Yuki Haruto Kenji Akiko Naoko Shinji Fumio Taro Yoko Daisuke",
                 "Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Kato Yoshida Yamada "
                 "Matsumoto Inoue Kimura Hayashi", False),
    "vietnamese": ("Van Anh Minh Duc Thanh Lan Huong Tuan Quang Hoa",
                   "Nguyen Tran Le Pham Hoang Phan Vu Dang Bui Do", True),
    "indian": ("Rajesh Subrahmanyam Priya Anil Sunita Vikram Arjun Kavita Rahul Meera Sanjay Anand Deepa Nirmala",
               "Sharma Jaishankar Patel Reddy Iyer Menon Gupta Nair Rao Verma Chatterjee Banerjee Desai Pillai "
               "Krishnan Mehta Kapoor", False),
    "nigerian": ("Ngozi Chidi Adebayo Oluwaseun Chinwe Emeka Folake Tunde Amaka Babajide Yemi Ifeoma",
                 "Okonjo-Iweala Adeyemi Okafor Eze Obi Nwosu Balogun Adebayo-Smith Olawale Chukwu Abubakar "
                 "Ogunleye Onyekachi", False),
    "spanish": ("José María Carlos Javier Lucía Pilar Alejandro Fernando Carmen Isabel Miguel Rafael Pedro Teresa",
                "García Fernández González Rodríguez López Martínez Sánchez Pérez Gómez Martín Jiménez Ruiz "
                "Hernández Díaz Moreno Álvarez Muñoz Romero de la Fuente Castillo", False),
    "portuguese": ("João Luiz Ana Paulo Marcos Beatriz Rui Inês Tiago Fernanda",
                   "Silva Santos Oliveira Souza Pereira Costa Carvalho Almeida Ferreira Rocha Lima Gomes", False),
    "french": ("Jean-Yves Emmanuel Catherine Laurent François Hélène Sébastien Élise Thierry Camille Olivier Nathalie",
               "Martin Bernard Dubois Lefèvre Moreau Laurent Girard Bonnet Dupont Lambert Fontaine Rousseau "
               "Blanchard Mercier", False),
    "german": ("Olaf Annalena Jürgen Matthias Ursula Friedrich Katrin Stefan Wolfgang Sabine Jens Anke",
               "Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Hoffmann Schäfer Koch Richter "
               "Klein Wolf van der Berg von Hagen", False),
    "polish": ("Andrzej Radosław Tomasz Małgorzata Agnieszka Krzysztof Piotr Katarzyna Zbigniew Ewa",
               "Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński Szymański Dąbrowski "
               "Kozłowski Jankowski", False),
    "nordic": ("Jens Lars Ingrid Sigrid Magnus Anders Kristin Erik Astrid Henrik Mette Ulf",
               "Stoltenberg Larsen Johansson Nilsson Lindqvist Andersen Halvorsen Berg Dahl Strand Haugen "
               "Lindgren", False),
    "english": ("John Sarah Michael Emily Robert Laura James Helen Richard Susan Thomas Rachel Daniel Karen "
                "Steve Marco Antony Jake Kash Tulsi",
                "Whitaker Holloway Pemberton Ashford Caldwell Rutherford Fairbanks Langley Prescott Harrington "
                "Blackwell Thornton Whitmore Kensington Chadwick Everett Sinclair Hargrove Winslow Aldridge "
                "Brennan Doherty Gallagher Keane Fitzgerald", False),
}
# Family names with a particle are written with it ("al-Rashid", "van der Berg", "de la Fuente", "von Hagen").
PARTICLE_SURNAMES = {"van": "van der Berg", "von": "von Hagen", "de": "de la Fuente"}
ARABIC_PARTICLE = ["bin", "ibn"]

COUNTRIES = [("Russia", "Russian"), ("Ukraine", "Ukrainian"), ("Turkey", "Turkish"), ("Israel", "Israeli"),
             ("Saudi Arabia", "Saudi"), ("Qatar", "Qatari"), ("Egypt", "Egyptian"), ("Iran", "Iranian"),
             ("China", "Chinese"), ("Japan", "Japanese"), ("India", "Indian"), ("France", "French"),
             ("Germany", "German"), ("Poland", "Polish"), ("Britain", "British"), ("the United States", "American"),
             ("Nigeria", "Nigerian"), ("Brazil", "Brazilian"), ("Spain", "Spanish"), ("Norway", "Norwegian"),
             ("South Korea", "South Korean"), ("Vietnam", "Vietnamese"), ("Jordan", "Jordanian"),
             ("the United Arab Emirates", "Emirati")]
CULTURE_COUNTRY = {"russian": 0, "ukrainian": 1, "turkish": 2, "hebrew": 3, "arabic": None, "persian": 7,
                   "chinese": 8, "japanese": 9, "indian": 10, "french": 11, "german": 12, "polish": 13,
                   "english": None, "nigerian": 16, "portuguese": 17, "spanish": 18, "nordic": 19, "korean": 20,
                   "vietnamese": 21}
# Titles as written before a name (the qualifier, if any, is the country's adjective) and as an apposition.
TITLES = ["Foreign Minister", "Defence Minister", "Finance Minister", "Energy Minister", "Prime Minister",
          "Deputy Foreign Minister", "President", "Ambassador", "Special Envoy", "Chief Negotiator",
          "Central Bank Governor", "Trade Representative", "Senator", "National Security Adviser",
          "presidential spokesman", "Kremlin spokesman", "Gen.", "Economy Minister", "Justice Minister"]
NON_TITLE_ROLES = ["chief executive of {org}", "head of {org}", "a senior adviser to the president",
                   "a former banker", "the chairman of {org}", "an economist at {org}", "a lawyer for {org}"]

# --- Organisations, places, events ---------------------------------------------------------------------------
ORGANISATIONS = ["the State Department", "the Foreign Ministry", "the Defence Ministry", "the Treasury Department",
                 "the Kremlin", "the White House", "the European Commission", "the United Nations",
                 "the International Monetary Fund", "the World Bank", "Goldman Sachs", "Morgan Stanley",
                 "McKinsey", "Gazprom", "Saudi Aramco", "Deutsche Bank", "the Atlantic Council",
                 "Human Rights Watch", "Amnesty International", "the Security Council", "the National Security Council",
                 "Harvard University", "Stanford University", "the Russian Direct Investment Fund", "Rosneft",
                 "the Central Bank", "the Finance Ministry", "the African Union", "the Arab League", "NATO",
                 "the Red Cross", "Reuters", "the Associated Press", "Interfax", "the Financial Times",
                 "the Northern Grain Corporation", "Baltic Shipping Company", "the Caspian Pipeline Consortium",
                 "the Istanbul Chamber of Commerce", "Tata Group", "the Asian Development Bank", "OPEC"]
PLACES = ["Geneva", "Vienna", "Istanbul", "Riyadh", "Helsinki", "Doha", "Oslo", "Warsaw", "Abu Dhabi",
          "Saudi Arabia", "New York", "Hong Kong", "Tel Aviv", "Buenos Aires", "Kuala Lumpur", "San Francisco",
          "New Delhi", "Addis Ababa", "Rio de Janeiro", "Costa Rica", "Sierra Leone", "Ankara", "Cairo", "Beijing",
          "Tokyo", "Seoul", "Brussels", "Berlin", "Paris", "Moscow", "Kyiv", "Washington", "London", "Minsk",
          "Baku", "Astana", "Tehran", "Amman", "Jeddah", "Lagos", "Madrid", "Lisbon", "Hanoi", "Mumbai"]
EVENT_PLACES = ["Geneva", "Vienna", "Istanbul", "Riyadh", "Helsinki", "Doha", "Oslo", "Warsaw", "Abu Dhabi",
                "Jeddah", "Baku", "Astana", "Cairo", "Ankara", "Brussels", "New York", "Minsk", "Tehran", "Madrid",
                "Lisbon", "Seoul", "Hanoi", "Lagos", "Amman", "Paris"]
TOPICS = ["grain", "energy", "ceasefire", "prisoner exchange", "nuclear", "trade", "sanctions", "security",
          "pipeline", "debt", "maritime", "border", "investment", "humanitarian", "water"]
KINDS = ["talks", "summit", "conference", "consultations", "meeting", "negotiations"]
SOURCES = ["The Daily Ledger", "Northern Wire", "Harbour Times", "Global Dispatch", "The Evening Standard Post",
           "Caspian Review", "Meridian News Agency", "The Continental"]

# --- Prose ---------------------------------------------------------------------------------------------------
SUBJECTS = ["the two sides", "the delegations", "negotiators", "officials", "diplomats", "the talks",
            "the ministers", "analysts", "investors", "the government", "the opposition", "the envoys"]
VERBS_PAST = ["discussed", "reviewed", "rejected", "welcomed", "postponed", "outlined", "criticised", "signed",
              "proposed", "questioned", "examined", "endorsed", "debated", "praised", "announced", "drafted"]
OBJECTS = ["a framework for the release of prisoners", "the terms of a partial ceasefire",
           "a proposal to resume grain shipments", "new sanctions on the banking sector",
           "the timetable for a second round", "a draft memorandum on energy supplies",
           "the security guarantees sought by both sides", "the reopening of consulates",
           "a plan to restore direct flights", "the exchange of detained journalists",
           "the debt restructuring agreement", "a joint statement on maritime safety",
           "the monitoring of the border crossings", "an investment fund for reconstruction",
           "the question of frozen assets", "a mechanism for humanitarian corridors",
           "the list of companies under export controls", "the schedule for technical consultations"]
CLAUSES = ["although no agreement was reached", "people familiar with the matter said",
           "in what analysts described as a cautious step", "despite objections from several allies",
           "amid growing pressure at home", "after weeks of quiet preparation",
           "while the details remained unclear", "as markets reacted with caution",
           "though both sides played down expectations", "in a sign of warming ties",
           "after a delay that neither side explained", "with the mediators pressing for a deadline"]
QUOTES = ["We are ready to continue the dialogue on {topic}", "There is no agreement yet, but there is progress",
          "Our position has not changed", "This is a first step, and an important one",
          "The door remains open for serious proposals", "We will not accept conditions imposed from outside",
          "Both sides want to avoid an escalation", "The talks were constructive and frank",
          "Nobody should expect a breakthrough on {topic} overnight", "We have heard each other, and that matters",
          "The sanctions have not achieved what their authors wanted",
          "It is too early to speak of a deal on {topic}", "We expect concrete steps, not statements",
          "The next round will show whether there is political will",
          "Our partners understand the cost of doing nothing on {topic}", "This was a difficult conversation"]
HEADINGS = ["What was agreed", "The background", "Reactions", "What comes next", "The sanctions question",
            "A long road", "Markets and money", "Inside the talks", "Who was there", "The numbers"]
NUMBER_WORDS = ["two", "three", "four", "five", "a", "ten"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def slugify(text):
    import unicodedata
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def misspell(word, rng):
    """One slip of the kind reporters and machine translation make: a doubled, dropped or swapped letter."""
    letters = list(word)
    if len(letters) < 5:
        return word + word[-1]
    k = rng.randrange(1, len(letters) - 2)
    r = rng.random()
    if r < 0.35:
        letters.insert(k, letters[k])
    elif r < 0.65:
        del letters[k]
    else:
        letters[k], letters[k + 1] = letters[k + 1], letters[k]
    out = "".join(letters)
    return out if out != word else word + "e"


class Corpus:
    def __init__(self, articles, people, events, walk_ons, seed):
        self.rng = random.Random(seed)
        self.n_articles, self.n_people, self.n_events = articles, people, events
        self.cultures = list(CULTURES)
        self.people = self.make_people(people, curated=True)
        self.walk_ons = self.make_people(walk_ons, curated=False, taken={(p["first"], p["last"]) for p in self.people})
        self.make_events()
        self.surname_count = {}
        for p in self.people + self.walk_ons:
            self.surname_count[p["last"]] = self.surname_count.get(p["last"], 0) + 1
        self.tally = {}

    # People ------------------------------------------------------------------------------------------------
    def make_people(self, count, curated, taken=None):
        rng, result = self.rng, []
        taken = set(taken or ())
        used_last = {}
        while len(result) < count:
            culture = rng.choice(self.cultures)
            givens, families, family_first = CULTURES[culture]
            givens, families = givens.split(), families.split()
            first = rng.choice(givens)
            last = rng.choice(families)
            if last in PARTICLE_SURNAMES:
                last = PARTICLE_SURNAMES[last]
            elif last in ("la", "der", "Berg", "Hagen", "Fuente"):
                continue
            if culture == "arabic" and rng.random() < 0.15:
                last = f"{rng.choice(ARABIC_PARTICLE)} {rng.choice(families).replace('al-', '').capitalize()}"
            # About one person in twenty shares a surname with someone before (relatives, namesakes).
            if last in used_last and rng.random() > 0.05:
                continue
            if (first, last) in taken:
                continue
            taken.add((first, last))
            used_last[last] = True
            name = f"{last} {first}" if family_first else f"{first} {last}"
            country = CULTURE_COUNTRY[culture]
            country = COUNTRIES[country if country is not None else rng.randrange(len(COUNTRIES))]
            title = rng.choice(TITLES)
            role = f"{title} of {country[0]}" if rng.random() < 0.8 else \
                rng.choice(NON_TITLE_ROLES).format(org=rng.choice(ORGANISATIONS)).replace("the the", "the")
            aliases = []
            if curated:
                if not family_first and rng.random() < 0.4:
                    aliases.append(f"{first[0]}. {last}")
                if rng.random() < 0.25:
                    aliases.append(misspell(last, rng) if rng.random() < 0.5 else f"{misspell(first, rng)} {last}")
            result.append(dict(slug=slugify(name), first=first, last=last, name=name, aliases=aliases,
                               title=title, adjective=country[1], country=country[0], role=role,
                               female=first.endswith("a") or first in ("Ingrid", "Sigrid", "Astrid", "Helen",
                                                                         "Sarah", "Emily", "Karen", "Susan",
                                                                         "Rachel", "Laura", "Leila", "Carmen",
                                                                         "Isabel", "Ayşe", "Elif", "Zeynep",
                                                                         "Selin", "Hélène", "Élise", "Ewa",
                                                                         "Shirin", "Maryam"),
                               born=self.born() if curated else None, curated=curated))
        slugs = {}
        for p in result:   # slugs unique within the list
            n = slugs.get(p["slug"], 0) + 1
            slugs[p["slug"]] = n
            if n > 1:
                p["slug"] = f"{p['slug']}-{n}"
        return result

    def born(self):
        r, y = self.rng.random(), self.rng.randint(1940, 1990)
        if r < 0.4:
            return f"{y}-{self.rng.randint(1, 12):02d}-{self.rng.randint(1, 28):02d}"
        if r < 0.6:
            return f"{y}"
        if r < 0.7:
            return f"{y}~"
        return None

    # Events ------------------------------------------------------------------------------------------------
    def edtf(self, i):
        """Dates of every precision the format allows, in turn."""
        rng = self.rng
        y, m, d = rng.randint(2019, 2025), rng.randint(1, 12), rng.randint(1, 25)
        forms = [f"{y}-{m:02d}-{d:02d}", f"{y}-{m:02d}", f"{y}", f"{y}-{m:02d}-{d:02d}/{y}-{m:02d}-{d + 3:02d}",
                 f"{y}-{m:02d}-{d:02d}~", f"{y}-{m:02d}?", f"{y}-{m:02d}-{d:02d}", f"{y}-{m:02d}-{d:02d}",
                 f"{y}-{21 + rng.randint(0, 3)}", f"{y}-{m:02d}/{y + 1}-{m:02d}", f"{y}-{m:02d}-{d:02d}"]
        return forms[i % len(forms)]

    def make_events(self):
        rng, self.events, titles = self.rng, [], set()
        while len(self.events) < self.n_events:
            place, topic, kind = rng.choice(EVENT_PLACES), rng.choice(TOPICS), rng.choice(KINDS)
            title = f"{place} {topic} {kind}"
            if title in titles:
                continue
            titles.add(title)
            people = rng.sample(range(len(self.people)), rng.randint(1, 4))
            self.events.append(dict(slug=slugify(title), title=title, date=self.edtf(len(self.events)), place=place,
                                    topic=topic, kind=kind, people=people, alias=f"{topic} {kind} in {place}"))

    # Articles ----------------------------------------------------------------------------------------------
    def pick_people(self, count):
        """A few people appear often, most now and then (no one in every article)."""
        n = len(self.people)
        return list(dict.fromkeys(min(n - 1, int(n * self.rng.random() ** 1.6)) for _ in range(count)))

    def count(self, kind, n=1):
        self.tally[kind] = self.tally.get(kind, 0) + n

    def article(self, i):
        rng = self.rng
        cast = self.pick_people(rng.randint(3, 8))
        walk_on = [rng.randrange(len(self.walk_ons))] if self.walk_ons and rng.random() < 0.6 else []
        events = rng.sample(range(self.n_events), rng.randint(0, 2)) if self.n_events else []
        y, m, d = rng.randint(2019, 2025), rng.randint(1, 12), rng.randint(1, 28)
        state = dict(named=set(), last_person=None, months_back=0)
        count = self.count
        surnames_here = {}
        for p in cast:
            last = self.people[p]["last"]
            surnames_here[last] = surnames_here.get(last, 0) + 1

        # ---- names ----
        def person(p):
            return self.people[p]

        def full(p):
            """The first mention: with a title in front, as an apposition, or the name alone."""
            pr = person(p)
            state["named"].add(p)
            r = rng.random()
            if r < 0.45:
                count("titled names")
                title = pr["title"]
                qualifier = "" if title[0].islower() or title == "Gen." or rng.random() < 0.4 else pr["adjective"] + " "
                return f"{qualifier}{title} {pr['name']}", False
            if r < 0.65:
                count("appositions")
                return f"{pr['name']}, the {pr['adjective']} {pr['title'].lower().rstrip('.')},", True
            count("full names")
            return pr["name"], False

        def ref(p, possessive=False):
            """A person as the text names them: in full the first time, then mostly by surname."""
            pr = person(p)
            state["last_person"] = p
            if p not in state["named"]:
                text, apposition = full(p)
                if possessive:
                    if apposition:
                        text = text.rstrip(",")
                        text = text.split(",")[0]
                    count("possessives")
                    return text + "'s"
                return text
            unique = surnames_here.get(pr["last"], 0) == 1
            family_first = pr["name"].startswith(pr["last"])
            # Later mentions: mostly the surname alone; an honorific, a curated alias, a slip or a wikilink now and
            # then; the full name again otherwise (and whenever the surname alone would be ambiguous here).
            r = rng.random()
            if r < 0.55 and unique:
                text = pr["last"]
                count("surname alone")
            elif 0.55 <= r < 0.59 and unique and not family_first:
                text = ("Ms. " if pr["female"] else "Mr. ") + pr["last"]
                count("Mr./Ms.")
            elif 0.59 <= r < 0.65 and pr["aliases"]:
                text = rng.choice(pr["aliases"])
                count("aliases")
            elif 0.65 <= r < 0.665 and unique:
                text = misspell(pr["last"], rng)
                count("misspellings")
            elif 0.665 <= r < 0.69:
                text = f"[[{pr['slug']}]]" if rng.random() < 0.5 else f"[[{pr['slug']}|{pr['last']}]]"
                count("wikilinks")
            else:
                text = pr["name"]
                count("full names")
            if possessive:
                count("possessives")
                return text + "'s"
            return text

        def someone():
            return rng.choice(cast)

        def walk():
            w = self.walk_ons[rng.choice(walk_on)]
            count("walk-on people")
            return f"{w['adjective']} {w['title']} {w['name']}" if not w["title"][0].islower() else \
                f"{w['title']} {w['name']}"

        def org():
            count("organisations and places")
            return rng.choice(ORGANISATIONS)

        def place():
            count("organisations and places")
            return rng.choice(PLACES)

        # ---- dates ----
        def date():
            """A date expression, with its preposition where it takes one."""
            r = rng.random()
            if r < 0.12:
                count("dates: absolute")
                return f"on {rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(2018, y)}"
            if r < 0.24:
                count("dates: absolute")
                return f"on {rng.choice(MONTHS)} {rng.randint(1, 28)}"
            if r < 0.32:
                count("dates: absolute")
                return f"in {rng.choice(MONTHS)} {rng.randint(2018, y)}"
            if r < 0.38:
                count("dates: absolute")
                return f"on {rng.choice(MONTHS)} {rng.randint(1, 28)}, {rng.randint(2018, y)}"
            if r < 0.58:
                count("dates: weekdays")
                return ("on " if rng.random() < 0.8 else "last ") + rng.choice(WEEKDAYS)
            if r < 0.69:
                count("dates: months")
                return rng.choice(["in", "in", "since", "until", "by", "in early", "in late"]) + " " + rng.choice(MONTHS)
            if r < 0.82:
                count("dates: years")
                return rng.choice(["in", "in", "since", "until", "by"]) + f" {rng.randint(2010, y)}"
            if r < 0.87:
                count("dates: intervals")
                if rng.random() < 0.5:
                    a = rng.randint(2012, y - 1)
                    return f"from {a} to {rng.randint(a + 1, y)}"
                a = rng.randrange(11)
                return f"from {MONTHS[a]} to {MONTHS[rng.randint(a + 1, 11)]}"
            count("dates: relative")
            return rng.choice(["last month", "last week", "last year", "this week", "next month", "next week",
                               "earlier this year", "yesterday", "earlier this month", "last weekend"])

        def relative_opening():
            count("dates: relative")
            r = rng.random()
            if r < 0.6:
                return f"{rng.choice(NUMBER_WORDS).capitalize()} {rng.choice(['days', 'weeks', 'days'])} later".replace(
                    "A days", "A day").replace("A weeks", "A week")
            if r < 0.8:
                return f"{rng.choice(['Two', 'Three', 'Four'])} days earlier"
            return rng.choice(["Yesterday", "Last week", "Last month", "Earlier this year"])

        # ---- sentences ----
        def quote_text():
            count("quotations")
            return rng.choice(QUOTES).format(topic=rng.choice(TOPICS))

        def event_ref():
            e = self.events[rng.choice(events)]
            r = rng.random()
            if r < 0.2:
                count("wikilinks")
                return f"[[{e['slug']}|the {e['topic']} {e['kind']}]]"
            count("event aliases")
            return "the " + e["alias"]

        def emph(text):
            r = rng.random()
            if r < 0.12:
                count("emphasis")
                return f"*{text}*"
            if r < 0.16:
                count("emphasis")
                return f"**{text}**"
            if r < 0.2:
                count("links")
                return f"[{text}](https://example.org/{i}/{rng.randrange(1000)}.html)"
            return text

        def maybe(probability, make):
            return " " + make() if rng.random() < probability else ""

        def sentence():
            r = rng.random()
            p = someone()
            other = rng.choice([q for q in cast if q != p] or [p])
            clause = rng.choice(CLAUSES)
            if r < 0.08:
                s = f"{ref(p)} met {ref(other)} in {place()}{maybe(0.5, date)}, {clause}."
            elif r < 0.13:
                s = f"\"{quote_text()},\" {ref(p)} said{maybe(0.3, date)}."
            elif r < 0.15:
                s = f"\"{quote_text()},\" said {ref(p)}."
            elif r < 0.165:
                s = f"{ref(p)} told reporters{maybe(0.5, date)} that \"{lower_first(quote_text())}.\""
            elif r < 0.185:
                last = state["last_person"]
                if last is not None:
                    s = f"{'She' if person(last)['female'] else 'He'} said \"{lower_first(quote_text())}.\""
                else:
                    s = f"\"{quote_text()},\" {ref(p)} said."
            elif r < 0.235:
                count("according to")
                s = f"According to {ref(p)}, {rng.choice(SUBJECTS)} {rng.choice(VERBS_PAST)} {emph(rng.choice(OBJECTS))}{maybe(0.3, date)}."
            elif r < 0.285:
                count("according to")
                s = f"{cap_first(rng.choice(SUBJECTS))} {rng.choice(VERBS_PAST)} {rng.choice(OBJECTS)}, according to {org()}."
            elif r < 0.345:
                s = f"{ref(p, possessive=True)} {rng.choice(['visit', 'proposal', 'remarks', 'office', 'team'])} " \
                    f"{rng.choice(['came', 'was announced', 'drew criticism', 'was welcomed'])}{maybe(0.4, date)}, {clause}."
            elif r < 0.385:
                s = f"{relative_opening()}, {ref(p)} {rng.choice(VERBS_PAST)} {emph(rng.choice(OBJECTS))}" + \
                    (f" with {org()}." if rng.random() < 0.4 else ".")
            elif r < 0.435 and events:
                s = f"{cap_first(event_ref())} {rng.choice(['opened', 'resumed', 'ended', 'was postponed'])}{maybe(0.6, date)}, {clause}."
            elif r < 0.45 and events:
                count("dates: relative")
                count("dates: absolute")
                s = f"A week before {event_ref()} on {rng.choice(MONTHS)} {rng.randint(1, 28)}, {ref(p)} {rng.choice(VERBS_PAST)} {rng.choice(OBJECTS)}."
            elif r < 0.51:
                s = f"{cap_first(org())} has {rng.choice(VERBS_PAST)} {rng.choice(OBJECTS)}{maybe(0.3, date)}, {clause}."
            elif r < 0.53 and walk_on:
                s = f"{walk()} {rng.choice(['said', 'told reporters', 'added'])} that {rng.choice(SUBJECTS)} " \
                    f"{rng.choice(VERBS_PAST)} {rng.choice(OBJECTS)}{maybe(0.5, date)}."
            elif r < 0.59:
                s = f"{cap_first(rng.choice(SUBJECTS))} in {place()} {rng.choice(VERBS_PAST)} {emph(rng.choice(OBJECTS))}{maybe(0.2, date)}, {clause}."
            elif r < 0.71:
                s = f"{ref(p)} {rng.choice(VERBS_PAST)} {rng.choice(OBJECTS)}{maybe(0.4, date)}."
            else:
                # Background: no one named, no date.
                s = f"{cap_first(rng.choice(SUBJECTS))} {rng.choice(VERBS_PAST)} {emph(rng.choice(OBJECTS))}, {clause}."
            return cap_first(s)      # "bin Sabbagh" opening a sentence is written "Bin Sabbagh"

        def continuing_quote():
            """A quote that is a whole sentence, continuing the speaker of the sentence before."""
            return f"\"{quote_text()}.\""

        # ---- blocks ----
        body, words = [], 0
        lede = f"{rng.choice(PLACES)} — {ref(cast[0])} {rng.choice(VERBS_PAST)} " \
               f"{rng.choice(OBJECTS)} {date()}, {rng.choice(CLAUSES)}, according to {org()}."
        count("according to")
        body.append(lede)
        words += len(lede.split())
        target = rng.randint(560, 860)
        blocks = 1
        while words < target:
            r = rng.random()
            if r < 0.06 and blocks > 2:
                count("headings")
                block = "## " + rng.choice(HEADINGS)
            elif r < 0.11:
                count("lists")
                block = "\n".join("- " + sentence() for _ in range(rng.randint(2, 4)))
            elif r < 0.16:
                count("block quotes")
                block = f"> \"{quote_text()}.\"\n>\n> — {person(someone())['name']}, " \
                        f"{rng.choice(['in a statement', 'on X', 'in an interview'])}"
            else:
                parts = [sentence() for _ in range(rng.randint(3, 5))]
                if rng.random() < 0.2:
                    k = rng.randrange(len(parts))
                    if parts[k].startswith("\"") and "said" in parts[k]:
                        parts.insert(k + 1, continuing_quote())
                block = " ".join(parts)
            body.append(block)
            blocks += 1
            words += len(block.split())
        # Everyone in the cast is named at least once.
        missing = [p for p in cast if p not in state["named"]]
        if missing:
            body.append("Also present were " + ", ".join(ref(p) for p in missing).rstrip(",") + ".")
        return dict(slug=f"article-{i:06d}", title=self.headline(cast, events), date=f"{y}-{m:02d}-{d:02d}",
                    source=rng.choice(SOURCES), author=f"{rng.choice(CULTURES['english'][0].split())} "
                                                       f"{rng.choice(CULTURES['english'][1].split())}",
                    people=cast, events=events, front_events=events[:1] if events and rng.random() < 0.5 else [],
                    front_people=cast[-1:] if rng.random() < 0.1 else [], body="\n\n".join(body) + "\n")

    def headline(self, cast, events):
        rng = self.rng
        who = self.people[cast[0]]["last"]
        what = rng.choice(OBJECTS)
        if events and rng.random() < 0.5:
            e = self.events[events[0]]
            return f"{who} heads to {e['place']} for {e['topic']} {e['kind']}"
        return f"{who} {rng.choice(['signals', 'rejects', 'backs', 'questions'])} {what}"


def cap_first(text):
    return text[0].upper() + text[1:] if not text.startswith("[[") else text


def lower_first(text):
    return text[0].lower() + text[1:]


def quote(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


HUGO_CONFIG = """baseURL = "/"
title = "Synthetic dossier"
relativeURLs = true
uglyURLs = true
disableKinds = ["RSS", "sitemap", "robotsTXT", "404"]
[taxonomies]
  person = "people"
  event = "events"
"""

HUGO_SINGLE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }} · {{ site.Title }}</title></head>
<body>
<nav><a href="{{ "index.html" | relURL }}">Overview</a></nav>
<h1>{{ .Title }}</h1>
<p>{{ .Date.Format "2 January 2006" }} · {{ .Params.source }} · {{ .Params.author }}</p>
{{ .Content }}
<h2>People</h2>
<ul>{{ range .GetTerms "people" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>
<h2>Events</h2>
<ul>{{ range .GetTerms "events" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>
</body></html>
"""

HUGO_LIST = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }} · {{ site.Title }}</title></head>
<body>
<nav><a href="{{ "index.html" | relURL }}">Overview</a></nav>
<h1>{{ .Title }}</h1>
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Date.Format "2 January 2006" }}<p>{{ .Summary }}</p></li>{{ end }}</ul>
</body></html>
"""

# What the written text itself shows, counted on it (not on what the generator meant to write).
MONTH = "(?:" + "|".join(MONTHS) + ")"
WEEKDAY = "(?:" + "|".join(WEEKDAYS) + ")"
MEASURES = [
    ("dates: absolute", re.compile(rf"\b(?:\d{{1,2}} {MONTH}(?: \d{{4}})?|{MONTH} \d{{1,2}}\b(?:, \d{{4}})?|{MONTH} \d{{4}})")),
    ("dates: weekdays", re.compile(rf"\b{WEEKDAY}\b")),
    ("dates: months", re.compile(rf"\b(?:in|since|until|by|early|late) {MONTH}\b(?! \d)")),
    ("dates: years", re.compile(r"\b(?:in|since|until|by) (?:19|20)\d\d\b")),
    ("dates: intervals", re.compile(rf"\bfrom (?:\d{{4}}|{MONTH}) to (?:\d{{4}}|{MONTH})\b")),
    ("dates: relative", re.compile(r"\b(?:[Yy]esterday|[Ll]ast (?:week|month|year|weekend)|[Nn]ext (?:week|month)|"
                                   r"this week|[Ee]arlier this (?:year|month)|"
                                   r"(?:[Aa]|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Tt]en) (?:days?|weeks?) (?:later|earlier|before))")),
    ("quotations", re.compile(r"\"[^\"\n]+\"")),
    ("wikilinks", re.compile(r"\[\[[^\]]+\]\]")),
]


def measure(bodies_stats, body):
    blocks = [b for b in body.split("\n\n") if b.strip()]
    paragraphs = [b for b in blocks if not b.startswith(("## ", "- ", "> "))]
    dated = 0
    for b in paragraphs:
        if any(MEASURES[k][1].search(b) for k in range(6)):
            dated += 1
    bodies_stats["words"] = bodies_stats.get("words", 0) + len(body.split())
    bodies_stats["blocks"] = bodies_stats.get("blocks", 0) + len(blocks)
    bodies_stats["paragraphs"] = bodies_stats.get("paragraphs", 0) + len(paragraphs)
    bodies_stats["paragraphs with a date"] = bodies_stats.get("paragraphs with a date", 0) + dated
    for name, pattern in MEASURES:
        # A quotation pair per match; block quotes hold their quotation once.
        bodies_stats[name] = bodies_stats.get(name, 0) + len(pattern.findall(body))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out")
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--people", type=int, default=510)
    parser.add_argument("--events", type=int, default=300)
    parser.add_argument("--walk-ons", type=int, default=60, help="people named in articles with no people/ file")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    corpus = Corpus(args.articles, args.people, args.events, args.walk_ons, args.seed)
    content = os.path.join(args.out, "dossier", "Content")
    hugo = os.path.join(args.out, "hugo")

    write(os.path.join(content, "dossier.yml"),
          f'title: "Synthetic dossier"\nsubtitle: "{args.articles} articles, seed {args.seed}"\nlanguage: en\n')
    for p in corpus.people:
        lines = ["---", f"name: {quote(p['name'])}"]
        if p["aliases"]:
            lines.append("aliases: [" + ", ".join(quote(a) for a in p["aliases"]) + "]")
        lines += [f"role: {quote(p['role'])}", f"affiliation: {quote(p['country'])}"]
        if p["born"]:
            lines.append(f"born: {p['born']}")
        lines += ["---", f"{p['name']} is {p['role']}. A profile written for the benchmark.", ""]
        write(os.path.join(content, "people", p["slug"] + ".md"), "\n".join(lines))
    for e in corpus.events:
        slugs = [corpus.people[p]["slug"] for p in e["people"]]
        who = ", ".join(f"[[{s}]]" for s in slugs)
        text = (f"---\ntitle: {quote(e['title'])}\ndate: {e['date']}\nplace: {quote(e['place'])}\n"
                f"people: [{', '.join(slugs)}]\naliases: [{quote(e['alias'])}]\n---\n"
                f"The {e['alias']}, attended by {who}.\n")
        write(os.path.join(content, "events", e["slug"] + ".md"), text)

    write(os.path.join(hugo, "config.toml"), HUGO_CONFIG)
    write(os.path.join(hugo, "layouts", "_default", "single.html"), HUGO_SINGLE)
    write(os.path.join(hugo, "layouts", "_default", "list.html"), HUGO_LIST)
    measured = {}
    for i in range(corpus.n_articles):
        a = corpus.article(i)
        measure(measured, a["body"])
        front = [f"title: {quote(a['title'])}", f"date: {a['date']}", f"source: {quote(a['source'])}",
                 f"author: {quote(a['author'])}"]
        dossier_front = list(front)
        if a["front_events"]:
            dossier_front.append("events: [" + ", ".join(corpus.events[e]["slug"] for e in a["front_events"]) + "]")
        if a["front_people"]:
            dossier_front.append("people: [" + ", ".join(corpus.people[p]["slug"] for p in a["front_people"]) + "]")
        write(os.path.join(content, "articles", a["slug"] + ".md"),
              "---\n" + "\n".join(dossier_front) + "\n---\n" + a["body"])
        # Hugo cannot find names in text, so its front matter lists who and what each article is about.
        hugo_front = front + ["people: [" + ", ".join(quote(corpus.people[p]["name"]) for p in a["people"]) + "]",
                              "events: [" + ", ".join(quote(corpus.events[e]["title"]) for e in a["events"]) + "]"]
        write(os.path.join(hugo, "content", "articles", a["slug"] + ".md"),
              "---\n" + "\n".join(hugo_front) + "\n---\n" + a["body"])

    n = max(1, corpus.n_articles)
    dates = sum(v for k, v in measured.items() if k.startswith("dates: "))
    print(f"{corpus.n_articles} articles, {len(corpus.people)} people ({len(corpus.walk_ons)} more named only in "
          f"articles), {len(corpus.events)} events; per article, measured on the text written:")
    print(f"  words {measured.get('words', 0) / n:.0f}, blocks {measured.get('blocks', 0) / n:.1f}, "
          f"paragraphs with a date {100 * measured.get('paragraphs with a date', 0) / max(1, measured.get('paragraphs', 0)):.0f} %")
    print(f"  dated expressions {dates / n:.1f}: " +
          ", ".join(f"{k[7:]} {v / n:.1f}" for k, v in measured.items() if k.startswith("dates: ")))
    print(f"  quotations {measured.get('quotations', 0) / n:.1f}, wikilinks {measured.get('wikilinks', 0) / n:.1f}")
    print("  as written by the generator: " +
          ", ".join(f"{k} {v / n:.1f}" for k, v in sorted(corpus.tally.items()) if not k.startswith("dates")))


if __name__ == "__main__":
    main()

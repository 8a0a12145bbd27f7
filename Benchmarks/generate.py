#!/usr/bin/env python3
"""Writes a synthetic dossier, deterministically from a seed, twice: in Dossier's content format and as a
Hugo site with the same articles (taxonomies `people` and `events`, relative and file-named URLs).

    generate.py OUT [--articles N] [--people P] [--events E] [--seed S]

OUT/dossier/Content/   dossier.yml, people/, events/, articles/   (build with `dossier build --content ...`)
OUT/hugo/              config.toml, content/articles/, layouts/   (build with `hugo -s ... -d ...`)
"""

import argparse
import os
import random

SYLLABLES = ["ka", "lo", "mi", "ren", "sa", "vor", "ta", "bel", "nik", "dra", "po", "zel", "mar", "te", "vin",
             "gor", "li", "shan", "ber", "ko", "da", "rus", "fen", "ga", "hol", "ir", "jan", "qu", "yev", "lan"]
ROLES = ["Foreign Minister", "Finance Minister", "Ambassador", "Special Envoy", "Chief Negotiator",
         "Central Bank Governor", "Trade Representative", "Defence Minister", "Senator", "Chief of Staff"]
COUNTRIES = ["Avaria", "Borduvia", "Calmora", "Drenovia", "Estmark", "Felvania", "Gorstad", "Halvetia"]
SOURCES = ["The Daily Ledger", "Northern Wire", "Harbour Times", "Global Dispatch", "The Evening Standard Post"]
PLACES = ["Geneva", "Vienna", "Istanbul", "Riyadh", "Helsinki", "Doha", "Oslo", "Warsaw"]
KINDS = ["summit", "talks", "conference", "consultations", "round", "meeting"]
# Plain lower-case words: none can be mistaken for a name (names are built from SYLLABLES, capitalised).
WORDS = ("the of and to in a that for on with as by at from was were is said would could after before during "
         "officials talks delegation agreement proposal sanctions ceasefire negotiations border trade energy "
         "minister government statement press meeting week report according sources people familiar matter "
         "discussed security economic cooperation framework region support military aid exchange prisoners "
         "release signed draft document details remained unclear analysts expected further steps").split()


def title_case(word):
    return word[0].upper() + word[1:]


class Corpus:
    def __init__(self, articles, people, events, seed):
        self.rng = random.Random(seed)
        self.n_articles, self.n_people, self.n_events = articles, people, events
        self.make_people()
        self.make_events()

    def word(self, low=2, high=3):
        return title_case("".join(self.rng.choice(SYLLABLES) for _ in range(self.rng.randint(low, high))))

    def make_people(self):
        rng, seen, self.people = self.rng, set(), []
        surnames_used, forms = set(), set()
        while len(self.people) < self.n_people:
            first, last = self.word(2, 2), self.word(2, 3)
            if (first, last) in seen:
                continue
            # Every twentieth person shares a surname with someone before them: surnames alone are then
            # resolved per article (only the one named in full there).
            if len(self.people) % 20 == 19:
                last = self.people[rng.randrange(len(self.people))]["last"]
            elif last in surnames_used:
                continue
            seen.add((first, last))
            surnames_used.add(last)
            slug = f"{first}-{last}".lower()
            aliases = []
            # Aliases no one else claims (a shared one would only be reported and dropped).
            if rng.random() < 0.6 and (first[0], last) not in forms:
                aliases.append(f"{first[0]}. {last}")
                forms.add((first[0], last))
            nickname = self.word(3, 3)                                 # a nickname or garbled spelling
            if rng.random() < 0.3 and nickname not in forms and nickname not in surnames_used:
                aliases.append(nickname)
                forms.add(nickname)
            self.people.append(dict(slug=slug, first=first, last=last, name=f"{first} {last}", aliases=aliases,
                                    role=f"{rng.choice(ROLES)} of {rng.choice(COUNTRIES)}",
                                    affiliation=rng.choice(COUNTRIES), born=self.born()))
        self.surname_count = {}
        for p in self.people:
            self.surname_count[p["last"]] = self.surname_count.get(p["last"], 0) + 1

    def born(self):
        r = self.rng.random()
        y = self.rng.randint(1940, 1990)
        if r < 0.4:
            return f"{y}-{self.rng.randint(1, 12):02d}-{self.rng.randint(1, 28):02d}"
        if r < 0.6:
            return f"{y}"
        if r < 0.7:
            return f"{y}~"
        return None

    def edtf(self, i):
        """Dates of every precision the format allows, in turn."""
        rng = self.rng
        y, m, d = rng.randint(2019, 2025), rng.randint(1, 12), rng.randint(1, 25)
        forms = [f"{y}-{m:02d}-{d:02d}", f"{y}-{m:02d}", f"{y}", f"{y}-{m:02d}-{d:02d}/{y}-{m:02d}-{d + 3:02d}",
                 f"{y}-{m:02d}-{d:02d}~", f"{y}-{m:02d}?", f"{y}%", f"{y}-{21 + rng.randint(0, 3)}",
                 f"{str(y)[:3]}X", f"../{y}-{m:02d}", f"{y}-{m:02d}/{y + 1}-{m:02d}", f"{y}-{m:02d}-{d:02d}"]
        return forms[i % len(forms)]

    def make_events(self):
        rng, self.events, titles = self.rng, [], set()
        while len(self.events) < self.n_events:
            place, kind = rng.choice(PLACES), rng.choice(KINDS)
            name = self.word(2, 3)
            title = f"{name} {kind} in {place}"
            if title in titles:
                continue
            titles.add(title)
            slug = f"{name}-{kind}-{place}".lower()
            people = rng.sample(range(self.n_people), rng.randint(1, 4))
            self.events.append(dict(slug=slug, title=title, date=self.edtf(len(self.events)), place=place,
                                    people=people, alias=f"{name} {kind}"))

    # The weight of each person: a few appear often, most now and then (no one in every article).
    def pick_people(self, count):
        n = self.n_people
        return list(dict.fromkeys(min(n - 1, int(n * self.rng.random() ** 1.6)) for _ in range(count)))

    def article(self, i):
        rng = self.rng
        cast = self.pick_people(rng.randint(2, 8))
        events = rng.sample(range(self.n_events), rng.randint(0, 2)) if self.n_events else []
        front_events = events[:1] if events and rng.random() < 0.5 else []
        y, m, d = rng.randint(2019, 2025), rng.randint(1, 12), rng.randint(1, 28)
        title = f"{self.word(2, 3)} {rng.choice(['talks', 'deal', 'visit', 'sanctions', 'report'])}: " + \
            " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 8)))
        first_named = set()

        def name_of(p):
            """Full name first, then surname, alias or possessive."""
            person = self.people[p]
            if p not in first_named:
                first_named.add(p)
                return person["name"]
            r = rng.random()
            if r < 0.4:
                return person["last"]
            if r < 0.6 and person["aliases"]:
                return rng.choice(person["aliases"])
            if r < 0.8:
                return person["last"] + "'s"
            return person["name"]

        def sentence(with_names=True):
            words = [rng.choice(WORDS) for _ in range(rng.randint(8, 18))]
            if with_names and cast:
                for _ in range(rng.randint(1, 2)):
                    words.insert(rng.randint(1, len(words)), name_of(rng.choice(cast)))
            if events and rng.random() < 0.15:
                words.insert(rng.randint(1, len(words)), "the " + self.events[rng.choice(events)]["alias"])
            if rng.random() < 0.2:
                k = rng.randrange(len(words))
                words[k] = "*" + words[k] + "*"
            if rng.random() < 0.05:
                k = rng.randrange(len(words))
                words[k] = f"[{words[k]}](https://example.org/{i}/{k}.html)"
            return title_case(" ".join(words)) + "."

        body, words = [], 0
        target = rng.randint(600, 900)
        while words < target:
            r = rng.random()
            if r < 0.08:
                block = "## " + title_case(" ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 6))))
            elif r < 0.16:
                block = "\n".join("- " + sentence(rng.random() < 0.5) for _ in range(rng.randint(2, 4)))
            elif r < 0.22:
                block = "> " + " ".join(sentence() for _ in range(rng.randint(1, 2)))
            else:
                block = " ".join(sentence(rng.random() < 0.7) for _ in range(rng.randint(3, 6)))
            body.append(block)
            words += len(block.split())
        # Everyone in the cast is named at least once, in full.
        missing = [self.people[p]["name"] for p in cast if p not in first_named]
        if missing:
            body.append("Also present: " + ", ".join(missing) + ".")
        return dict(slug=f"article-{i:06d}", title=title, date=f"{y}-{m:02d}-{d:02d}", source=rng.choice(SOURCES),
                    author=f"{self.word(2, 2)} {self.word(2, 3)}", people=cast, events=events,
                    front_events=front_events, body="\n\n".join(body) + "\n")


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


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out")
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--people", type=int, default=500)
    parser.add_argument("--events", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    corpus = Corpus(args.articles, args.people, args.events, args.seed)
    content = os.path.join(args.out, "dossier", "Content")
    hugo = os.path.join(args.out, "hugo")

    write(os.path.join(content, "dossier.yml"),
          f'title: "Synthetic dossier"\nsubtitle: "{args.articles} articles, seed {args.seed}"\nlanguage: en\n')
    for p in corpus.people:
        lines = ["---", f"name: {quote(p['name'])}"]
        if p["aliases"]:
            lines.append("aliases: [" + ", ".join(quote(a) for a in p["aliases"]) + "]")
        lines += [f"role: {quote(p['role'])}", f"affiliation: {quote(p['affiliation'])}"]
        if p["born"]:
            lines.append(f"born: {p['born']}")
        lines += ["---", f"{p['name']} is {p['role']}. A profile written for the benchmark.", ""]
        write(os.path.join(content, "people", p["slug"] + ".md"), "\n".join(lines))
    for e in corpus.events:
        slugs = [corpus.people[p]["slug"] for p in e["people"]]
        who = ", ".join(f"[[{s}]]" for s in slugs)
        text = (f"---\ntitle: {quote(e['title'])}\ndate: {e['date']}\nplace: {quote(e['place'])}\n"
                f"people: [{', '.join(slugs)}]\naliases: [{quote(e['alias'])}]\n---\n"
                f"The {e['alias']} in {e['place']}, attended by {who}.\n")
        write(os.path.join(content, "events", e["slug"] + ".md"), text)

    write(os.path.join(hugo, "config.toml"), HUGO_CONFIG)
    write(os.path.join(hugo, "layouts", "_default", "single.html"), HUGO_SINGLE)
    write(os.path.join(hugo, "layouts", "_default", "list.html"), HUGO_LIST)
    for i in range(corpus.n_articles):
        a = corpus.article(i)
        front = [f"title: {quote(a['title'])}", f"date: {a['date']}", f"source: {quote(a['source'])}",
                 f"author: {quote(a['author'])}"]
        dossier_front = list(front)
        if a["front_events"]:
            dossier_front.append("events: [" + ", ".join(corpus.events[e]["slug"] for e in a["front_events"]) + "]")
        write(os.path.join(content, "articles", a["slug"] + ".md"),
              "---\n" + "\n".join(dossier_front) + "\n---\n" + a["body"])
        # Hugo cannot find names in text, so its front matter lists who and what each article is about.
        hugo_front = front + ["people: [" + ", ".join(quote(corpus.people[p]["name"]) for p in a["people"]) + "]",
                              "events: [" + ", ".join(quote(corpus.events[e]["title"]) for e in a["events"]) + "]"]
        write(os.path.join(hugo, "content", "articles", a["slug"] + ".md"),
              "---\n" + "\n".join(hugo_front) + "\n---\n" + a["body"])


if __name__ == "__main__":
    main()

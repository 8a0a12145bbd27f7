#!/usr/bin/env python3
"""Writes a large dossier for the page-budget test (swift test) and the browser tests of paginated pages:
short news-like articles, each with dated sentences (absolute, relative, weekdays, months), quotations with
attribution, and a wire sentence repeated word for word across articles; a few people named in most articles.

    large_dossier.py OUT [--articles N] [--people P] [--events E] [--seed S]

OUT/dossier.yml, OUT/people/, OUT/events/, OUT/articles/ (use OUT as --content). Deterministic from the seed.
"""

import argparse
import datetime
import os
import random

GIVEN = ["Anna", "Boris", "Clara", "Dmitri", "Elena", "Farid", "Greta", "Hassan", "Ines", "Jonas", "Katya", "Luca",
         "Marta", "Nikolai", "Olga", "Pavel", "Rosa", "Stefan", "Tamara", "Viktor"]
SURNAMES = ["Adler", "Bakov", "Castell", "Dorin", "Evans", "Falk", "Gordeev", "Hale", "Ivanko", "Jensen", "Kovac",
            "Lindqvist", "Moreau", "Novak", "Orlov", "Petrenko", "Quist", "Rahimi", "Sorensen", "Tamm", "Ulrich",
            "Varga", "Weller", "Yilmaz", "Zorin"]
ROLES = ["Foreign Minister", "Finance Minister", "Special Envoy", "Chief Negotiator", "Ambassador", "Senator"]
PLACES = ["Geneva", "Vienna", "Istanbul", "Riyadh", "Helsinki", "Doha", "Oslo", "Warsaw"]
SOURCES = ["The Daily Ledger", "Northern Wire", "Harbour Times", "Global Dispatch"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
VERBS = ["met", "called", "wrote to", "spoke with", "criticised", "praised"]
TOPICS = ["the ceasefire proposal", "the sanctions package", "the energy agreement", "the prisoner exchange",
          "the border talks", "the trade framework"]


def slug(text):
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--people", type=int, default=40)
    ap.add_argument("--events", type=int, default=24)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    out = args.out
    for folder in ("people", "events", "articles"):
        os.makedirs(os.path.join(out, folder), exist_ok=True)
    with open(os.path.join(out, "dossier.yml"), "w") as f:
        f.write("title: Large test dossier\ndescription: Generated articles for the page budget.\n")

    people = []
    names = [(g, s) for s in SURNAMES for g in GIVEN]
    rng.shuffle(names)
    for given, surname in names[:args.people]:
        name = f"{given} {surname}"
        people.append((slug(name), name, surname))
        with open(os.path.join(out, "people", slug(name) + ".md"), "w") as f:
            f.write(f"---\nname: {name}\nrole: {rng.choice(ROLES)}\n---\n{name} is a {rng.choice(ROLES).lower()}.\n")

    start = datetime.date(2023, 1, 1)
    span = 3 * 365
    events = []
    for i in range(args.events):
        day = start + datetime.timedelta(days=rng.randrange(span))
        place = rng.choice(PLACES)
        who = rng.sample(people[:10], 2)
        title = f"{place} talks {i + 1}"
        events.append((slug(title), title, day))
        with open(os.path.join(out, "events", slug(title) + ".md"), "w") as f:
            f.write(f"---\ntitle: {title}\ndate: {day.isoformat()}\nplace: {place}\n"
                    f"people: [{', '.join(p[0] for p in who)}]\n---\nTalks in {place}.\n")

    # A few people are named in most articles (their pages run to several pages), the rest now and then.
    weights = [40 if i < 3 else 4 if i < 10 else 1 for i in range(len(people))]
    for i in range(args.articles):
        day = start + datetime.timedelta(days=int(span * i / args.articles))
        a, b = rng.choices(people, weights=weights, k=2)
        if a == b:
            b = people[(people.index(a) + 1) % len(people)]
        earlier = day - datetime.timedelta(days=rng.randrange(1, 40))
        place, topic = rng.choice(PLACES), rng.choice(TOPICS)
        title = f"{a[2]} and {b[2]} on {topic} ({i + 1})"
        paragraphs = [
            f"{a[1]} {rng.choice(VERBS)} {b[1]} in {place} on {earlier.day} {MONTHS[earlier.month - 1]} {earlier.year} "
            f"to discuss {topic}.",
            f"\"We will not accept {topic} as it stands,\" {a[2]} said. {b[2]} said last week that the talks would go on.",
            f"Officials met again on {MONTHS[day.month - 1]} {max(1, day.day - 1)}, when {a[2]} presented a new draft.",
            "Negotiators said in a joint statement on Monday that the next round would follow.",
            f"{b[2]} told reporters in {place} that \"the door remains open\" and that a reply would come this week.",
        ]
        if i % 40 == 0:
            # A wire sentence many articles carry word for word: the timeline shows it once, with all of them.
            paragraphs.append(f"On 14 March 2024, {people[0][1]} signed the framework agreement in Geneva.")
        with open(os.path.join(out, "articles", f"article-{i + 1:05d}.md"), "w") as f:
            f.write(f"---\ntitle: \"{title}\"\ndate: {day.isoformat()}\nsource: {rng.choice(SOURCES)}\n---\n")
            f.write("\n\n".join(paragraphs) + "\n")


if __name__ == "__main__":
    main()

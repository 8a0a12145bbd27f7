#!/usr/bin/env python3
"""Writes a dossier with ONE long article of news-like prose, deterministically: for measuring that every step
of a build is linear in an article's length (issue 28). Paragraphs of reported speech, dates in many forms,
quotations with speakers, curated and unknown names, as wire copy has them.

    long-article.py OUT --mb 16 [--seed 1]

OUT/Content/  dossier.yml, people/ (6 people), events/ (2), articles/long.md (about MB megabytes)
Time it with:  time .build/release/dossier build --content OUT/Content --output OUT/Site --quiet
"""

import argparse
import os
import random

PEOPLE = [("Anna Berg", "anna-berg"), ("Omar Haddad", "omar-haddad"), ("Lena Ode", "lena-ode"),
          ("Kirill Dmitriev", "kirill-dmitriev"), ("Steve Witkoff", "steve-witkoff"), ("Marc Fogel", "marc-fogel")]
UNKNOWN = ["Sergei Lavrov", "Marco Rubio", "Mike Waltz", "Yuri Ushakov", "Dmitry Peskov", "Maria Zakharova"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
VERBS = ["said", "told reporters", "wrote on social media", "said in a statement", "added"]
PLACES = ["Washington", "Moscow", "Riyadh", "Istanbul", "Geneva", "Kyiv"]
FILLER = ("officials said the talks would continue after a round of consultations on sanctions, prisoner "
          "exchanges and the reopening of embassies, according to people familiar with the matter").split()


def date_phrase(rng):
    year = rng.choice([2023, 2024, 2025])
    month = rng.randrange(12)
    day = rng.randint(1, 28)
    return rng.choice([f"on {day} {MONTHS[month]} {year}", f"in {MONTHS[month]} {year}", f"on {MONTHS[month]} {day}",
                       "last week", f"in {year}", f"on {MONTHS[month]} {day}, {year}", "on Tuesday"])


def sentence(rng):
    who = rng.choice(PEOPLE)[0]
    other = rng.choice(UNKNOWN)
    surname = who.split()[-1]
    kind = rng.randrange(6)
    words = " ".join(rng.sample(FILLER, 8))
    if kind == 0:
        return f"\u201cWe are {words},\u201d {who} {rng.choice(VERBS)} {date_phrase(rng)}."
    if kind == 1:
        return f"{who} met {other} in {rng.choice(PLACES)} {date_phrase(rng)}, and {words}."
    if kind == 2:
        return f"{surname} {rng.choice(VERBS)} that {words}."
    if kind == 3:
        return f"According to {other}, {words} {date_phrase(rng)}."
    if kind == 4:
        return f"\u201c{words.capitalize()},\u201d said {surname}, who visited {rng.choice(PLACES)} {date_phrase(rng)}."
    return f"The {words}."


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--mb", type=float, default=4)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    content = os.path.join(args.out, "Content")
    for folder in ["people", "events", "articles"]:
        os.makedirs(os.path.join(content, folder), exist_ok=True)
    with open(os.path.join(content, "dossier.yml"), "w") as f:
        f.write("title: One long article\n")
    for name, slug in PEOPLE:
        with open(os.path.join(content, "people", slug + ".md"), "w") as f:
            f.write(f"---\nname: {name}\n---\n")
    for slug, title, date in [("riyadh-talks", "Riyadh talks", "2025-02-18"), ("istanbul-round", "Istanbul round", "2025-02-27")]:
        with open(os.path.join(content, "events", slug + ".md"), "w") as f:
            f.write(f"---\ntitle: {title}\ndate: {date}\n---\n")
    target = int(args.mb * 1_000_000)
    parts = ["---\ntitle: One long article\ndate: 2025-04-02\nsource: Wire\n---\n"]
    size = len(parts[0])
    while size < target:
        paragraph = " ".join(sentence(rng) for _ in range(rng.randint(3, 7))) + "\n\n"
        parts.append(paragraph)
        size += len(paragraph.encode())
    with open(os.path.join(content, "articles", "long.md"), "w") as f:
        f.write("".join(parts))


if __name__ == "__main__":
    main()

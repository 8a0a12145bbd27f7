#!/usr/bin/env python3
"""Checks a part's annotations against its articles, without running Dossier (so it keeps a part blind):

    python3 Tests/Evaluation/check_annotations.py test

Every form, organisation, quotation fragment and date fragment must be in its article as written; a weekday
phrase must resolve to that weekday; every passage in quotation marks and every paragraph of a transcript
must hold an annotated quotation. Prints `path: what is wrong` for each problem, exits 1 if there is any.
"""
import datetime
import json
import os
import re
import sys

sys.dont_write_bytecode = True  # no __pycache__ beside the corpus
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import score  # noqa: E402

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def check(part):
    part_dir = os.path.join(score.HERE, part)
    ann_path = os.path.join(part_dir, "annotations.json")
    with open(ann_path, encoding="utf-8") as f:
        ann = json.load(f)["articles"]
    articles_dir = os.path.join(part_dir, "articles")
    slugs = {f[:-3] for f in os.listdir(articles_dir) if f.endswith(".md")}
    problems = ["%s: no annotations for article %s" % (ann_path, s) for s in sorted(slugs - set(ann))]
    problems += ["%s: annotations for a missing article %s" % (ann_path, s) for s in sorted(set(ann) - slugs)]
    people = {p["name"] for a in ann.values() for p in a["people"]}
    for slug in sorted(slugs & set(ann)):
        a = ann[slug]
        path = os.path.join(articles_dir, slug + ".md")
        with open(path, encoding="utf-8") as f:
            raw = f.read()
        _, front, body = raw.split("---", 2)
        text = score.fold(raw)
        where = "%s (%s)" % (ann_path, slug)

        def missing(fragment, what):
            if not score.holds(text, score.fold(fragment)):
                problems.append("%s: %s not in the article: %r" % (where, what, fragment))

        for p in a["people"]:
            for form in p["forms"]:
                if not re.search(r"(?<![\w-])%s(?![\w-])" % re.escape(form), raw):
                    problems.append("%s: form of %s not in the article: %r" % (where, p["name"], form))
        for o in a["organisations_places"]:
            missing(o, "organisation/place")
        for q in a["quotes"]:
            missing(q["text"], "quotation")
            sp = q["speaker"]
            if sp and not sp.startswith("ORG:") and sp not in people:
                problems.append("%s: speaker %r is no annotated person of the part" % (where, sp))
        day = datetime.date.fromisoformat(re.search(r"^date:\s*(\S+)", front, re.M).group(1))
        for d in a["dates"]:
            missing(d["fragment"], "date fragment")
            if not score.holds(score.fold(d["fragment"]), score.fold(d["phrase"])):
                problems.append("%s: phrase %r not in its fragment" % (where, d["phrase"]))
            for i, name in enumerate(WEEKDAYS):
                if name in d["phrase"].lower():
                    when = datetime.date.fromisoformat(d["edtf"])
                    if when.weekday() != i:
                        problems.append("%s: %r is a %s, not a %s (article of %s)" % (
                            where, d["edtf"], when.strftime("%A"), name.title(), day))
        for u in a.get("dates_unscored", []):
            missing(u, "unscored date fragment")
        keys = [score.quote_key(q["text"]) for q in a["quotes"]]
        for m in re.finditer(r'"([^"\n]+)"|\u201c([^\u201d\n]+)\u201d', body):
            span = score.quote_key(m.group(1) or m.group(2))
            if not any(score.holds(span, k) or score.holds(k, span) for k in keys):
                problems.append("%s: quotation without annotation: %r" % (where, span[:80]))
        if "transcript" in front.lower():
            for para in body.strip().split("\n\n"):
                if re.match(r"^[^\n:]{1,60}:\s", para) and not any(score.holds(score.quote_key(para), k) for k in keys):
                    problems.append("%s: transcript turn without annotation: %r" % (where, para[:80]))
    return problems


def main():
    parts = sys.argv[1:] or list(score.PARTS)
    problems = [p for part in parts for p in check(part)]
    for p in problems:
        print(p)
    if problems:
        sys.exit(1)
    print("annotations of %s agree with their articles" % ", ".join(parts))


if __name__ == "__main__":
    main()

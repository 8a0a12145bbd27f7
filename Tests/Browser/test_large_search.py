"""Search in a large generated dossier, opened from disk: a typed name shows the person, a word of one article's
body shows that article, and only names.js and the shards of the words typed are loaded. Also holds search.js to the
word table the build's Swift is tested against (Tests/Shared/search-words.json)."""
import json
import pathlib
import random
import subprocess

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import REPO

ARTICLES = 3000
VOCABULARY_SEED = 11


def write_dossier(content):
    """3,000 articles of plain prose from a 5,000-word vocabulary, 80 people; one article alone says "zygomorphic"."""
    rng = random.Random(VOCABULARY_SEED)
    syllables = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "de", "ga", "po", "zu", "ber", "ist", "ond", "ash"]
    def word():
        return "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))
    vocabulary = [word() for _ in range(5000)]
    people = [f"{word().capitalize()} {word().capitalize()}" for _ in range(80)]
    (content / "people").mkdir(parents=True)
    (content / "articles").mkdir()
    (content / "dossier.yml").write_text('title: "Large search"\n')
    people[0] = "Oksana Dmitrenko"
    for i, name in enumerate(people):
        (content / "people" / f"p{i}.md").write_text(f'---\nname: "{name}"\n---\n')
    for a in range(ARTICLES):
        named = [people[a % 80], people[(a * 7 + 3) % 80]]
        words = [rng.choice(vocabulary) for _ in range(150)]
        if a == 1234:
            words[70] = "zygomorphic"
        body = f"{named[0]} met {named[1]}. " + " ".join(words) + "."
        (content / "articles" / f"a{a}.md").write_text(
            f'---\ntitle: "Report number {a}"\ndate: 2024-{a % 12 + 1:02d}-{a % 28 + 1:02d}\n---\n{body}\n')


@pytest.fixture(scope="module")
def large_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("large-search")
    write_dossier(folder / "Content")
    subprocess.run([str(REPO / ".build/debug/dossier"), "build", "--content", str(folder / "Content"),
                    "--templates", str(REPO / "Templates"), "--output", str(folder / "Site"), "--quiet"], check=True)
    return folder / "Site"


def open_page(browser, site, page):
    browser.collect()
    browser.driver.get((site / page).as_uri())
    return browser.driver


def results_for(d, text):
    box = d.find_element(By.ID, "search-input")
    box.clear()
    box.send_keys(text)
    WebDriverWait(d, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results .search-result"))
    return [(r.find_element(By.CSS_SELECTOR, ".badge").text, r.find_element(By.CSS_SELECTOR, ".search-title").text)
            for r in d.find_elements(By.CSS_SELECTOR, "#search-results .search-result")]


def loaded_search_scripts(d):
    return d.execute_script("""return Array.from(document.scripts).map(s => s.src)
        .filter(n => n.indexOf('/assets/search/') >= 0).map(n => n.split('/assets/search/')[1]);""")


def test_a_typed_name_and_a_word_of_one_body_find_the_person_and_the_article(browser, large_site):
    d = open_page(browser, large_site, "people/p1.html")
    assert results_for(d, "Dmitrenko")[0] == ("PERSON", "Oksana Dmitrenko")
    found = results_for(d, "zygomorphic")
    assert found == [("ARTICLE", "Report number 1234")]
    scripts = loaded_search_scripts(d)
    assert "names.js" in scripts
    shards = [s for s in scripts if s.startswith("text-")]
    # Only the shards of what was typed (a shard per prefix as the words grew), not the whole index.
    total = len(list((large_site / "assets/search").glob("text-*.js")))
    assert 1 <= len(shards) <= 4 < total, (shards, total)
    d.find_element(By.ID, "search-input").send_keys("\n")
    WebDriverWait(d, 5).until(lambda d: d.current_url.endswith("/articles/a1234.html"))


def test_search_js_folds_words_and_names_shards_as_the_build_does(browser, large_site):
    table = json.loads((REPO / "Tests/Shared/search-words.json").read_text())
    d = open_page(browser, large_site, "index.html")
    search = "return window.DossierSearch"
    for row in table["words"]:
        assert d.execute_script(search + ".words(arguments[0])", row["text"]) == row["words"], row["text"]
    keys = {key: True for key in table["keys"]}
    for row in table["shardKeys"]:
        assert d.execute_script(search + ".shardKey(arguments[0], arguments[1])", row["word"], keys) == row["key"], row["word"]
    for row in table["fileKeys"]:
        assert d.execute_script(search + ".fileKey(arguments[0])", row["key"]) == row["file"], row["key"]

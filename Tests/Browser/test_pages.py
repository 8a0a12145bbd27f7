"""Browser tests of a large generated dossier's paginated pages: the timeline's overview and period pages, and
a person named in hundreds of articles, followed by their next and previous links from file://."""
import os
import pathlib
import subprocess
import tempfile

import pytest
from selenium.webdriver.common.by import By

from conftest import REPO


def dossier_command():
    for candidate in (os.environ.get("DOSSIER"), REPO / ".build/release/dossier", REPO / ".build/debug/dossier"):
        if candidate and pathlib.Path(candidate).is_file():
            return str(candidate)
    pytest.skip("no dossier command built (.build/release/dossier or .build/debug/dossier)")


@pytest.fixture(scope="module")
def large_site():
    """1,000 generated articles (Tests/large_dossier.py) built into a temporary folder."""
    with tempfile.TemporaryDirectory(prefix="dossier-large-") as folder:
        content, site = pathlib.Path(folder) / "Content", pathlib.Path(folder) / "Site"
        subprocess.run(["python3", str(REPO / "Tests/large_dossier.py"), str(content), "--articles", "1000"], check=True)
        subprocess.run([dossier_command(), "build", "--quiet", "--content", str(content),
                        "--templates", str(REPO / "Templates"), "--output", str(site)], check=True)
        yield site


def click_step(driver, rel):
    driver.find_element(By.CSS_SELECTOR, f".page-nav a[rel='{rel}']").click()


def test_timeline_overview_then_a_period_then_next_and_previous(browser, large_site):
    driver = browser.driver
    driver.get((large_site / "timeline.html").as_uri())
    periods = driver.find_elements(By.CSS_SELECTOR, "a.tl-periods-link")
    assert len(periods) > 12, "a busy year is cut into months"
    first_title = periods[0].text
    periods[0].click()
    assert driver.find_element(By.TAG_NAME, "h1").text == "Timeline: " + first_title
    assert driver.find_elements(By.CSS_SELECTOR, ".tl-year .tl-entry"), "a period page lists its entries"
    assert not driver.find_elements(By.CSS_SELECTOR, ".page-nav a[rel='prev']"), "the first period has no previous"
    click_step(driver, "next")
    second = driver.current_url
    assert second.endswith(".html") and "/timeline/" in second
    assert driver.find_element(By.TAG_NAME, "h1").text == "Timeline: " + periods_title(driver, large_site, 1)
    click_step(driver, "prev")
    assert driver.find_element(By.TAG_NAME, "h1").text == "Timeline: " + first_title
    # Back to the overview from a period page.
    driver.find_element(By.LINK_TEXT, "All years").click()
    assert driver.current_url.endswith("/timeline.html")


def periods_title(driver, site, n):
    """The title of the n-th period (from 0) as the overview lists it, read without leaving the page."""
    overview = (site / "timeline.html").read_text()
    titles = [part.split(">", 1)[1].split("<", 1)[0] for part in overview.split('class="tl-periods-link"')[1:]]
    return titles[n]


def test_a_person_in_hundreds_of_articles_pages_through_them(browser, large_site):
    driver = browser.driver
    paged = sorted(p.parent.name for p in (large_site / "people").glob("*/page-2.html"))
    assert paged, "someone is named in enough articles for several pages"
    slug = paged[0]
    driver.get((large_site / "people" / f"{slug}.html").as_uri())
    assert driver.find_element(By.CSS_SELECTOR, ".record-summary p").text.startswith("Named in ")
    first_articles = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, ".quote-article a")]
    assert len(first_articles) == 50
    assert driver.find_element(By.CSS_SELECTOR, ".page-nav [aria-current='page']").text == "1"
    click_step(driver, "next")
    assert driver.current_url.endswith(f"/people/{slug}/page-2.html")
    assert driver.find_element(By.CSS_SELECTOR, ".page-nav [aria-current='page']").text == "2"
    second_articles = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, ".quote-article a")]
    assert second_articles and not set(second_articles) & set(first_articles), "each page its own articles"
    assert not driver.find_elements(By.CSS_SELECTOR, ".record-summary"), "the summary is on the first page"
    click_step(driver, "prev")
    assert driver.current_url.endswith(f"/people/{slug}.html")
    # The numbered links reach the last page, whose articles are the oldest.
    driver.find_elements(By.CSS_SELECTOR, ".page-numbers a")[-1].click()
    assert not driver.find_elements(By.CSS_SELECTOR, ".page-nav a[rel='next']")

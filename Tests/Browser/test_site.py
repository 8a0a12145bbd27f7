"""The default dossier in a real browser, opened from disk: clicking through, searching, filtering the
timeline, printing, dark mode and small screens, as a reader would. Screenshots go to Tests/Browser/screenshots/."""
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import SCREENSHOTS, make_driver, site_url


def wait_for(driver, condition, timeout=5):
    return WebDriverWait(driver, timeout).until(lambda d: condition(d))


def heading(driver):
    return driver.find_element(By.TAG_NAME, "h1").text


def click(driver, element):
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    element.click()


def test_person_then_article_then_event_then_timeline_by_clicking(browser):
    d = browser.open("index.html")
    assert heading(d) == "Dmitriev in Washington"
    click(d, d.find_element(By.LINK_TEXT, "Kirill Dmitriev"))
    assert d.current_url.endswith("/people/kirill-dmitriev.html")
    assert heading(d) == "Kirill Dmitriev"

    click(d, d.find_element(By.CSS_SELECTOR, ".quote-article a[href$='senior-russian-negotiator-set-for-first-visit-to-washington-since-ukraine-invasion.html']"))
    assert heading(d) == "Senior Russian negotiator set for first visit to Washington since Ukraine invasion"
    assert "Caliber.Az" in d.find_element(By.CSS_SELECTOR, ".byline").text

    click(d, d.find_element(By.CSS_SELECTOR, "#events ~ .event-list a[href$='dmitriev-washington-visit.html']"))
    assert heading(d) == "Dmitriev's visit to Washington"
    assert "1–3 April 2025" in d.find_element(By.CSS_SELECTOR, ".byline").text

    click(d, d.find_element(By.CSS_SELECTOR, ".site-nav a[href$='timeline.html']"))
    assert heading(d) == "Timeline"
    assert d.find_element(By.CSS_SELECTOR, ".site-nav a[aria-current='page']").text == "Timeline"


def search(d, text):
    box = d.find_element(By.ID, "search-input")
    assert box.is_displayed()
    box.clear()
    box.send_keys(text)
    wait_for(d, lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results .search-result"))
    return box


def results(d):
    return [(r.find_element(By.CSS_SELECTOR, ".badge").text, r.find_element(By.CSS_SELECTOR, ".search-title").text)
            for r in d.find_elements(By.CSS_SELECTOR, "#search-results .search-result")]


def test_search_finds_dmitliff_and_enter_opens_kirill_dmitriev(browser):
    d = browser.open("index.html")
    assert d.execute_script("return window.DOSSIER_SEARCH_NAMES === undefined")     # loaded on first use only
    box = search(d, "Dmitliff")
    assert results(d)[0] == ("PERSON", "Kirill Dmitriev")
    assert d.find_element(By.CSS_SELECTOR, "#search-result-0").get_attribute("aria-selected") == "true"
    box.send_keys(Keys.ENTER)
    wait_for(d, lambda d: d.current_url.endswith("/people/kirill-dmitriev.html"))
    assert heading(d) == "Kirill Dmitriev"


def test_search_from_a_subfolder_finds_witkov_with_the_arrow_keys(browser):
    d = browser.open("articles/kremlin-envoys-praise-trump-administration-after-two-day-meeting-in-washington.html")
    box = search(d, "Witkov")
    found = results(d)
    assert found[0] == ("PERSON", "Steve Witkoff")
    assert len(found) > 1                      # the articles that write "Witkov" follow the person
    box.send_keys(Keys.ARROW_DOWN)
    assert d.find_element(By.CSS_SELECTOR, "#search-result-1").get_attribute("aria-selected") == "true"
    box.send_keys(Keys.ARROW_UP)
    assert box.get_attribute("aria-activedescendant") == "search-result-0"
    box.send_keys(Keys.ENTER)
    wait_for(d, lambda d: d.current_url.endswith("/people/steve-witkoff.html"))
    assert heading(d) == "Steve Witkoff"


def test_search_results_show_kind_and_date_and_follow_a_click(browser):
    d = browser.open("events/riyadh-talks.html")
    search(d, "sanctions")
    rows = d.find_elements(By.CSS_SELECTOR, "#search-results .search-result")
    kinds = [r.find_element(By.CSS_SELECTOR, ".badge").text for r in rows]
    assert "EVENT" in kinds and "ARTICLE" in kinds
    for row in rows:
        if row.find_element(By.CSS_SELECTOR, ".badge").text in ("EVENT", "ARTICLE"):
            assert row.find_element(By.CSS_SELECTOR, ".search-date").text   # e.g. "28 February 2022"
    event = next(r for r in rows if r.find_element(By.CSS_SELECTOR, ".search-title").text == "US Treasury sanctions RDIF and Kirill Dmitriev")
    assert event.find_element(By.CSS_SELECTOR, ".search-date").text == "28 February 2022"
    event.click()
    wait_for(d, lambda d: d.current_url.endswith("/events/treasury-sanctions-rdif.html"))


def test_search_full_text_and_escape(browser):
    d = browser.open("timeline.html")
    box = search(d, "Harvard degree")
    assert ("ARTICLE", "Senior Russian negotiator set for first visit to Washington since Ukraine invasion") in results(d)
    box.send_keys(Keys.ESCAPE)
    assert not d.find_element(By.ID, "search-results").is_displayed()
    assert box.get_attribute("value") == ""


def test_timeline_axis_and_filter_by_person(browser):
    d = browser.open("timeline.html")
    axis = d.find_element(By.CSS_SELECTOR, "svg.tl-axis")
    assert axis.is_displayed()
    assert len(axis.find_elements(By.CSS_SELECTOR, ".tl-mark-point")) >= 10         # day-precision events
    assert len(axis.find_elements(By.CSS_SELECTOR, ".tl-mark-bar")) == 1            # 1–3 April 2025
    assert len(axis.find_elements(By.CSS_SELECTOR, ".tl-mark-hazy")) == 1           # c. 1 April 2025
    entries = d.find_elements(By.CSS_SELECTOR, ".tl-year .tl-entry")
    assert len(d.find_elements(By.CSS_SELECTOR, ".tl-year .tl-event, .tl-year .tl-article")) == 12   # 10 events, 2 articles
    assert d.find_elements(By.CSS_SELECTOR, ".tl-year .tl-reported")                                 # dated sentences

    Select(d.find_element(By.ID, "tl-person")).select_by_visible_text("Marc Fogel")
    shown = [e for e in entries if e.is_displayed()]
    assert 0 < len(shown) < len(entries)
    assert all("marc-fogel" in e.get_attribute("data-people").split() for e in shown)
    assert "Witkoff meets Putin in Moscow; Marc Fogel released" in [e.find_element(By.CSS_SELECTOR, ".item-title").text for e in shown]
    assert not d.find_element(By.ID, "year-2022").is_displayed()                   # nothing of his in 2022
    assert d.find_element(By.CSS_SELECTOR, ".tl-filter-count").text == f"{len(shown)} entries"
    assert d.find_elements(By.CSS_SELECTOR, ".tl-axis .tl-mark-dimmed")

    Select(d.find_element(By.ID, "tl-person")).select_by_visible_text("Everyone")
    assert all(e.is_displayed() for e in entries)
    click(d, d.find_element(By.CSS_SELECTOR, ".tl-axis a.tl-mark-bar rect"))
    wait_for(d, lambda d: d.current_url.endswith("/events/dmitriev-washington-visit.html"))


def test_relations_graph_links_to_pages(browser):
    d = browser.open("relations.html")
    graph = d.find_element(By.CSS_SELECTOR, "svg#relations-graph")
    assert len(graph.find_elements(By.CSS_SELECTOR, ".graph-person")) == 8
    assert len(graph.find_elements(By.CSS_SELECTOR, ".graph-event")) == 10
    click(d, graph.find_element(By.CSS_SELECTOR, "a.graph-person[href$='marc-fogel.html'] circle"))
    wait_for(d, lambda d: d.current_url.endswith("/people/marc-fogel.html"))
    small = d.find_element(By.CSS_SELECTOR, "svg#neighbourhood-graph")
    assert small.find_elements(By.CSS_SELECTOR, "a[href$='witkoff-putin-meeting-fogel-release.html']")


def test_briefing_prints_without_navigation_and_with_urls(browser):
    d = browser.open("index.html")
    click(d, d.find_element(By.CSS_SELECTOR, ".site-nav a[href$='briefing.html']"))
    assert heading(d) == "Dmitriev in Washington"
    sections = [h.text for h in d.find_elements(By.CSS_SELECTOR, ".briefing-section > h2")]
    assert sections == ["Summary", "People", "Events in order", "Articles"]
    articles = d.find_element(By.ID, "articles").find_element(By.XPATH, "..").text
    assert "Caliber.Az, citing CNN" in articles and "The New York Times (machine translation)" in articles
    # The default articles give no URL; where one is given it is printed (checked on a fixture in BriefingTests).
    d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    assert d.execute_script("return getComputedStyle(document.querySelector('.site-nav')).display") == "none"
    assert d.execute_script("return getComputedStyle(document.querySelector('.site-search')).display") == "none"
    assert d.execute_script("return getComputedStyle(document.querySelector('#people').closest('section')).breakBefore") == "page"
    pdf = d.print_page()
    assert len(pdf) > 10000


def test_without_javascript_the_pages_work_and_the_search_box_hides():
    driver = make_driver(javascript=False)
    try:
        driver.get(site_url("timeline.html"))
        assert not driver.find_element(By.CSS_SELECTOR, ".site-search").is_displayed()
        assert not driver.find_element(By.CSS_SELECTOR, ".tl-filter").is_displayed()
        assert all(e.is_displayed() for e in driver.find_elements(By.CSS_SELECTOR, ".tl-year .tl-entry"))
        driver.find_element(By.LINK_TEXT, "Russia's full-scale invasion of Ukraine").click()
        assert heading(driver) == "Russia's full-scale invasion of Ukraine"
    finally:
        driver.quit()


# WCAG AA contrast of every visible piece of text, with backgrounds composited up the tree (SVG text excluded:
# it is drawn over the page background with a halo, checked by its fill below).
CONTRAST = """
function parse(c) { var m = c.match(/[\\d.]+/g).map(Number); return [m[0], m[1], m[2], m.length > 3 ? m[3] : 1]; }
function lum(c) { var a = c.slice(0, 3).map(function (v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
  return 0.2126 * a[0] + 0.7152 * a[1] + 0.0722 * a[2]; }
function over(top, bottom) { var a = top[3]; return [0, 1, 2].map(function (i) { return top[i] * a + bottom[i] * (1 - a); }).concat([1]); }
function background(el) { var layers = [];
  for (var n = el; n && n.nodeType === 1; n = n.parentElement) { var c = parse(getComputedStyle(n).backgroundColor); if (c[3] > 0) { layers.push(c); if (c[3] >= 1) break; } }
  var bg = [255, 255, 255, 1]; for (var i = layers.length - 1; i >= 0; i--) bg = over(layers[i], bg); return bg; }
var bad = [];
document.querySelectorAll("body *:not(svg):not(svg *)").forEach(function (el) {
  var own = Array.prototype.some.call(el.childNodes, function (n) { return n.nodeType === 3 && n.textContent.trim(); });
  if (!own || !el.getClientRects().length) return;
  var s = getComputedStyle(el); if (s.visibility === "hidden") return;
  var r = el.getBoundingClientRect(); if (r.width < 2 || r.height < 2) return;
  var bg = background(el), fg = over(parse(s.color), bg);
  var l1 = lum(fg), l2 = lum(bg), ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
  var size = parseFloat(s.fontSize), large = size >= 24 || (size >= 18.66 && Number(s.fontWeight) >= 700);
  if (ratio < (large ? 3 : 4.5)) bad.push(el.tagName + "." + el.className + " '" + el.textContent.trim().slice(0, 30) + "' " + ratio.toFixed(2));
});
document.querySelectorAll("svg text").forEach(function (el) {
  var fg = parse(getComputedStyle(el).fill), bg = background(el.closest("svg").parentElement);
  var l1 = lum(over(fg, bg)), l2 = lum(bg), ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
  if (ratio < 4.5) bad.push("svg text '" + el.textContent.trim().slice(0, 30) + "' " + ratio.toFixed(2));
});
return bad;
"""

PAGES = {"home": "index.html", "person": "people/kirill-dmitriev.html",
         "article": "articles/senior-russian-negotiator-set-for-first-visit-to-washington-since-ukraine-invasion.html",
         "timeline": "timeline.html", "relations": "relations.html", "briefing": "briefing.html",
         "event": "events/dmitriev-washington-visit.html", "people": "people/index.html"}


@pytest.mark.file_only
def test_accessible_light_and_dark_at_every_width(browser):
    d = browser.driver
    for scheme in ("light", "dark"):
        d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "", "features": [{"name": "prefers-color-scheme", "value": scheme}]})
        for width in (1280, 360):
            d.set_window_size(width, 900)
            for name, page in PAGES.items():
                browser.open(page)
                where = f"{page} at {width}px, {scheme}"
                assert d.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
                assert d.find_elements(By.CSS_SELECTOR, "header.site-header") and d.find_elements(By.CSS_SELECTOR, "main#main")
                assert d.find_elements(By.CSS_SELECTOR, "nav[aria-label='Main']") and d.find_elements(By.CSS_SELECTOR, "footer")
                assert d.execute_script("return document.documentElement.scrollWidth") <= width, f"{where}: wider than the window"
                assert all(img.get_attribute("alt") is not None for img in d.find_elements(By.TAG_NAME, "img"))
                assert d.execute_script(CONTRAST) == [], f"{where}: text below WCAG AA contrast"
        dark_bg = d.execute_script("return getComputedStyle(document.body).backgroundColor")
        assert (dark_bg == "rgb(21, 24, 28)") == (scheme == "dark")


def test_skip_link_and_focus_are_visible(browser):
    d = browser.open("people/steve-witkoff.html")
    d.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    skip = d.switch_to.active_element
    assert skip.text == "Skip to content"
    assert skip.location["y"] >= 0 and skip.is_displayed()
    assert d.execute_script("return getComputedStyle(arguments[0]).outlineStyle", skip) == "solid"
    skip.send_keys(Keys.ENTER)
    assert d.switch_to.active_element.get_attribute("id") == "main"


@pytest.mark.file_only
def test_screenshots_at_1280_and_375(browser):
    SCREENSHOTS.mkdir(exist_ok=True)
    d = browser.driver
    for width in (1280, 375):
        for name in ("home", "person", "article", "timeline", "relations"):
            d.set_window_size(width, 900)
            browser.open(PAGES[name])
            height = d.execute_script("return document.documentElement.scrollHeight")
            d.set_window_size(width, min(height, 6000))
            path = SCREENSHOTS / f"{name}-{width}.png"
            assert d.save_screenshot(str(path))
            assert path.stat().st_size > 10000
        # The search panel open over the home page.
        d.set_window_size(width, 900)
        browser.open(PAGES["home"])
        search(d, "Witkov")
        path = SCREENSHOTS / f"search-{width}.png"
        assert d.save_screenshot(str(path))

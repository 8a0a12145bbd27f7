"""Every discovered fact links to the sentence it came from: on the default dossier, opened from disk, a reader clicks
"in context" beside a quotation on a person's page and lands on the article with that sentence marked (:target)."""
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait


def style(driver, element, prop):
    return driver.execute_script("return getComputedStyle(arguments[0]).getPropertyValue(arguments[1])", element, prop)


@pytest.mark.file_only
def test_a_quotation_on_a_person_page_opens_its_sentence_marked(browser):
    d = browser.open("people/kirill-dmitriev.html")
    item = d.find_elements(By.CSS_SELECTOR, ".quotation-list li")[-1]
    quoted = item.find_element(By.CSS_SELECTOR, "blockquote p").text.split("”")[0].lstrip("“")
    link = item.find_element(By.CSS_SELECTOR, "a.in-context")
    fragment = link.get_attribute("href").split("#")[1]
    d.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
    link.click()
    WebDriverWait(d, 5).until(lambda d: "/articles/" in d.current_url)
    assert d.current_url.startswith("file://") and d.current_url.endswith("#" + fragment)

    target = d.execute_script("return document.querySelector(':target')")
    assert target is not None and target.get_attribute("id") == fragment
    assert target.tag_name == "span" and quoted in target.text
    # Marked: the sentence's background is the mark colour, another sentence's is not; and it is in view.
    other = next(s for s in d.find_elements(By.CSS_SELECTOR, ".article-body span[id]") if s.get_attribute("id") != fragment)
    assert style(d, target, "background-color") not in ("rgba(0, 0, 0, 0)", "transparent")
    assert style(d, other, "background-color") in ("rgba(0, 0, 0, 0)", "transparent")
    assert style(d, target, "box-shadow") != "none"
    top = d.execute_script("return arguments[0].getBoundingClientRect().top", target)
    assert 0 <= top < d.execute_script("return window.innerHeight")

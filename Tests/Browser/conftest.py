"""Shared fixtures of the browser tests: headless Chromium (Debian's chromium + chromium-driver) opening Site/ from file://."""
import os
import pathlib

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

REPO = pathlib.Path(__file__).resolve().parents[2]
SITE = REPO / "Site"
SCREENSHOTS = pathlib.Path(__file__).resolve().parent / "screenshots"


def site_url(page):
    return (SITE / page).as_uri()


def make_driver(javascript=True):
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--hide-scrollbars",
                     "--force-device-scale-factor=1", "--lang=en-GB"):
        options.add_argument(argument)
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    driver = webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)
    driver.set_window_size(1280, 900)
    return driver


class Browser:
    """A driver plus the console messages it has collected; every test ends by asserting there were no errors."""

    def __init__(self, driver):
        self.driver = driver
        self.console = []

    def open(self, page):
        self.collect()
        self.driver.get(site_url(page))
        return self.driver

    def collect(self):
        self.console += self.driver.get_log("browser")

    def errors(self):
        self.collect()
        return [entry for entry in self.console if entry.get("level") == "SEVERE"]


@pytest.fixture(scope="session")
def chromium():
    driver = make_driver()
    yield driver
    driver.quit()


@pytest.fixture
def browser(chromium):
    chromium.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "", "features": []})
    chromium.set_window_size(1280, 900)
    b = Browser(chromium)
    b.collect()          # start clean: messages of an earlier test are that test's
    yield b
    assert b.errors() == [], "errors in the browser console"

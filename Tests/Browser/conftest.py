"""Shared fixtures of the browser tests: headless Chromium (Debian's chromium + chromium-driver) opening Site/ from
file:// and, the same tests, over http:// from nginx (Debian's) serving it under the sub-path /briefings/dmitriev/."""
import os
import pathlib
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

REPO = pathlib.Path(__file__).resolve().parents[2]
SITE = REPO / "Site"
SCREENSHOTS = pathlib.Path(__file__).resolve().parent / "screenshots"
NGINX_CONF = pathlib.Path(__file__).resolve().parent / "nginx.conf.in"
DOSSIER = os.environ.get("DOSSIER", str(REPO / ".build/debug/dossier"))
SUB_PATH = "/briefings/dmitriev/"


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
    """A driver plus the console messages it has collected; every test ends by asserting there were no errors.
    `base` is where the site is: Site/ as a file:// URL, or the nginx sub-path."""

    def __init__(self, driver, base=None):
        self.driver = driver
        self.base = base or SITE.as_uri() + "/"
        self.console = []

    def open(self, page):
        self.collect()
        self.driver.get(self.base + page)
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


class Nginx:
    """nginx in the foreground as the current user, on a free port of 127.0.0.1, its configuration (nginx.conf.in),
    pid file and logs in a temporary folder; serves www/ there, where the sites are copied under /briefings/."""

    def __init__(self):
        self.tmp = pathlib.Path(tempfile.mkdtemp(prefix="dossier-nginx-"))
        self.www = self.tmp / "www"
        self.www.mkdir()
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        conf = NGINX_CONF.read_text().replace("@TMP@", str(self.tmp)).replace("@PORT@", str(self.port)) \
            .replace("@MIME_TYPES@", "/etc/nginx/mime.types")
        (self.tmp / "nginx.conf").write_text(conf)
        self.binary = shutil.which("nginx") or "/usr/sbin/nginx"
        self.process = None

    def publish(self, site, name):
        """The files of `site` at /briefings/<name>/, as `dossier publish` leaves them (PublishTests test that)."""
        shutil.copytree(site, self.www / "briefings" / name)

    def start(self):
        self.process = subprocess.Popen([self.binary, "-p", str(self.tmp), "-c", str(self.tmp / "nginx.conf"),
                                         "-e", str(self.tmp / "error.log")],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("nginx stopped: " + self.process.stderr.read().decode() + self.log())
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("nginx did not listen within 10 s: " + self.log())

    def log(self):
        path = self.tmp / "error.log"
        return path.read_text() if path.exists() else ""

    def url(self, name, page=""):
        return f"http://127.0.0.1:{self.port}/briefings/{name}/{page}"

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        shutil.rmtree(self.tmp, ignore_errors=True)


def build_feed_site(into):
    """The default dossier with a base_url (so the build writes feed.xml and sitemap.xml) and an SVG asset: the
    file kinds the default site lacks, so that their content types are checked too."""
    content = into / "Content"
    shutil.copytree(REPO / "Content", content)
    with open(content / "dossier.yml", "a", encoding="utf-8") as settings:
        settings.write('base_url: "https://example.org/briefings/feeds/"\n')
    (content / "assets").mkdir(exist_ok=True)
    (content / "assets" / "mark.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"/></svg>\n')
    subprocess.run([DOSSIER, "build", "--quiet", "--content", str(content), "--templates", str(REPO / "Templates"),
                    "--output", str(into / "Site")], check=True)
    return into / "Site"


@pytest.fixture(scope="session")
def nginx():
    """Site/ at /briefings/dmitriev/ and the feed site at /briefings/feeds/, served by nginx for the session."""
    server = Nginx()
    try:
        server.publish(SITE, "dmitriev")
        server.publish(build_feed_site(server.tmp / "feeds"), "feeds")
        server.start()
        yield server
    finally:
        server.stop()


@pytest.fixture(params=["file", "http"])
def base_url(request):
    """Every browser test runs twice: on Site/ from file://, and over http:// from nginx under /briefings/dmitriev/."""
    if request.param == "file":
        return SITE.as_uri() + "/"
    return request.getfixturevalue("nginx").url("dmitriev")


def pytest_configure(config):
    config.addinivalue_line("markers", "file_only: the same bytes over http:// would prove nothing more (run on file:// only)")


def pytest_collection_modifyitems(config, items):
    """Tests marked file_only run once, on file://."""
    skipped = [item for item in items if item.get_closest_marker("file_only")
               and getattr(item, "callspec", None) and item.callspec.params.get("base_url") == "http"]
    if skipped:
        config.hook.pytest_deselected(items=skipped)
        items[:] = [item for item in items if item not in skipped]


@pytest.fixture
def browser(chromium, base_url):
    chromium.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "", "features": []})
    chromium.set_window_size(1280, 900)
    b = Browser(chromium, base_url)
    b.collect()          # start clean: messages of an earlier test are that test's
    yield b
    assert b.errors() == [], "errors in the browser console"

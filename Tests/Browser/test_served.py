"""Site/ published to a real web server: nginx (Debian's) serving it under the sub-path /briefings/dmitriev/, with
the content types browsers and feed readers need, every link of every page resolving under the sub-path. The
browser tests of test_site.py run over this server too (conftest.py, `base_url`)."""
import urllib.error
import urllib.request
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest

from conftest import SITE


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers, response.read(), response.url
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read(), url


@pytest.mark.parametrize("site, page, content_type", [
    ("dmitriev", "", "text/html; charset=utf-8"),
    ("dmitriev", "people/kirill-dmitriev.html", "text/html; charset=utf-8"),
    ("dmitriev", "assets/dossier.css", "text/css; charset=utf-8"),
    ("dmitriev", "assets/search.js", "application/javascript; charset=utf-8"),
    ("dmitriev", "assets/search/names.js", "application/javascript; charset=utf-8"),
    ("dmitriev", "assets/timeline.js", "application/javascript; charset=utf-8"),
    ("feeds", "feed.xml", "application/atom+xml; charset=utf-8"),
    ("feeds", "sitemap.xml", "application/xml; charset=utf-8"),
    ("feeds", "assets/mark.svg", "image/svg+xml; charset=utf-8"),
])
def test_content_types(nginx, site, page, content_type):
    status, headers, body, _ = get(nginx.url(site, page))
    assert status == 200, f"{page}: {status}"
    assert headers["Content-Type"] == content_type
    assert body


def test_the_served_files_are_the_site(nginx):
    for page in ("index.html", "timeline.html", "assets/search/names.js"):
        assert get(nginx.url("dmitriev", page))[2] == (SITE / page).read_bytes()


def test_the_sub_path_without_its_slash_redirects_and_missing_pages_are_404(nginx):
    status, _, body, final = get(nginx.url("dmitriev").rstrip("/"))
    assert status == 200 and final.endswith("/briefings/dmitriev/")
    assert b"<h1" in body
    assert get(nginx.url("dmitriev", "people/nobody.html"))[0] == 404


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.found.append(value)


def test_every_link_of_every_page_resolves_under_the_sub_path(nginx):
    """A crawl from the home page over http: every relative link and asset of every page answers 200 and stays
    under /briefings/dmitriev/ (a root-relative link would leave it)."""
    start = nginx.url("dmitriev")
    seen, pages, broken = set(), [start], []
    while pages:
        page = pages.pop()
        if page in seen:
            continue
        seen.add(page)
        status, headers, body, _ = get(page)
        if status != 200:
            broken.append(f"{page}: {status}")
            continue
        if not headers["Content-Type"].startswith("text/html"):
            continue
        parser = Links()
        parser.feed(body.decode("utf-8"))
        for link in parser.found:
            if urlsplit(link).scheme in ("http", "https", "mailto"):
                continue                       # the articles' own URLs
            target = urldefrag(urljoin(page, link))[0]
            if not urlsplit(target).path.startswith("/briefings/dmitriev/"):
                broken.append(f"{page}: {link} leaves the sub-path")
            elif target not in seen:
                pages.append(target)
    assert broken == []
    assert len([p for p in seen if p.endswith(".html")]) >= 20

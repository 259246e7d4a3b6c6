"""Search over an index built in parts, in headless Chromium (Debian's package).

The fixtures' site is indexed one page per part (the parts merged into one
index) and served over HTTP: the search page must find the words of every
part, link each result to its page, show its title, and show nothing else.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from browser_helpers import chromium, require_chromium, served

from rezident.html import build_html, build_search_index

pytestmark = [pytest.mark.browser, pytest.mark.slow]

@pytest.fixture(scope="module")
def base_url(fixtures_dir: Path, tmp_path_factory):
    require_chromium()
    root = tmp_path_factory.mktemp("search-parts")
    shutil.copytree(fixtures_dir, root / "tei", ignore=shutil.ignore_patterns("schema"))
    site = root / "html"
    build_html(root / "tei", site, search=False)
    build_search_index(site, part_words=1)
    with served(site) as url:
        yield url


@pytest.fixture(scope="module")
def browser(base_url):
    with chromium() as browser:
        yield browser


@pytest.mark.parametrize(("query", "page_name", "title"), [
    ("KONSPIRATSIYA", "cable.html", "Observations on a defection"),
    ("конспирация", "cable.html", "Observations on a defection"),
    ("Ежов", "letter.html", "A letter asking to be relieved"),
    ("Athens", "undated.html", "Telegram From the Embassy"),
])
def test_search_finds_words_of_every_part(browser, base_url, query, page_name, title):
    page = browser.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{base_url}/search.html")
    page.locator("#search input").fill(query)
    result = page.locator(".pagefind-ui__result-link").first
    result.wait_for(timeout=10_000)
    assert title in result.inner_text()
    assert result.get_attribute("href").endswith(f"/{page_name}")
    assert page.locator(".pagefind-ui__result").count() == 1
    assert errors == []
    page.close()

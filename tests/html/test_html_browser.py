"""The HTML edition in headless chromium (Debian's package, driven by Playwright).

The site is built once from the test fixtures (and the FRUS-like one),
indexed with Pagefind and served over HTTP from a thread, as search needs.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from browser_helpers import chromium, require_chromium, served

from rezident.html import build_html

pytestmark = [pytest.mark.browser, pytest.mark.slow]

@pytest.fixture(scope="module")
def served_site(fixtures_dir: Path, tmp_path_factory):
    require_chromium()
    root = tmp_path_factory.mktemp("browser")
    tei = root / "tei"
    shutil.copytree(fixtures_dir, tei, ignore=shutil.ignore_patterns("schema"))
    site = root / "html"
    build_html(tei, site)
    with served(site) as base_url:
        yield site, base_url


@pytest.fixture(scope="module")
def browser(served_site):
    with chromium() as browser:
        yield browser


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.errors = errors
    yield page
    context.close()


def test_search_index_is_readable_by_a_web_server(served_site):
    site, _ = served_site
    for path in [site / "pagefind", *(site / "pagefind").rglob("*")]:
        assert path.stat().st_mode & 0o004, f"{path} is not world-readable"


def test_view_switch_changes_the_text(page, served_site):
    _, base = served_site
    page.goto(f"{base}/cable.html")
    text = page.locator(".tei-text")
    reading = text.inner_text()
    assert "[B% the former]" not in reading and "the former" in reading
    page.get_by_label("Diplomatic (transcript notation)").check()
    diplomatic = text.inner_text()
    assert "[B% the former]" in diplomatic and "~~TOP SECRET~~" in diplomatic
    page.get_by_label("Reading text").check()
    assert text.inner_text() == reading
    assert page.errors == []


def test_reading_text_and_switch_work_without_javascript(browser, served_site):
    _, base = served_site
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base}/cable.html")
    reading = page.locator(".tei-text").inner_text()
    assert "the former" in reading and "[B% the former]" not in reading
    assert "[2 groups unrecovered]" in reading
    page.get_by_label("Diplomatic (transcript notation)").check()
    assert "[B% the former]" in page.locator(".tei-text").inner_text()
    context.close()


def test_note_popup_opens_and_closes_with_the_keyboard(page, served_site):
    _, base = served_site
    page.goto(f"{base}/cable.html")
    anchor = page.locator("a#anchor-ii")
    anchor.focus()
    page.keyboard.press("Enter")
    popup = page.locator("#note-popup")
    popup.wait_for(state="visible")
    assert "Not identified." in popup.inner_text()
    assert anchor.get_attribute("aria-expanded") == "true"
    assert page.evaluate("document.activeElement.closest('#note-popup') !== null")
    page.keyboard.press("Escape")
    popup.wait_for(state="detached")
    assert page.evaluate("document.activeElement.id") == "anchor-ii"
    assert page.errors == []


def test_explanations_show_on_focus(page, served_site):
    _, base = served_site
    page.goto(f"{base}/cable.html")
    gap = page.locator(".tei-text .gap-cipher-unrecovered").first
    tip = gap.locator(".tip")
    assert not tip.is_visible()
    gap.focus()
    assert tip.is_visible() and "did not recover" in tip.inner_text()
    page.keyboard.press("Escape")
    assert not tip.is_visible()


@pytest.mark.parametrize("query", ["KONSPIRATSIYA", "конспирация"])
def test_search_finds_transliterated_and_cyrillic_words(page, served_site, query):
    _, base = served_site
    page.goto(f"{base}/search.html")
    page.locator("#search input").fill(query)
    result = page.locator(".pagefind-ui__result-link").first
    result.wait_for(timeout=10_000)
    assert "Observations on a defection" in result.inner_text()
    assert page.errors == []


def test_pages_load_without_console_errors_and_links_resolve(page, served_site):
    site, base = served_site
    broken = []
    for path in sorted(site.glob("*.html")):
        page.goto(f"{base}/{path.name}")
        hrefs = page.eval_on_selector_all(
            "a[href]", "links => links.map(a => [a.getAttribute('href'),"
                       " new URL(a.getAttribute('href'), document.baseURI).href])")
        for raw, absolute in hrefs:
            if not absolute.startswith(base) or raw.startswith("../pdf/"):
                continue
            target, _, fragment = absolute[len(base) + 1:].partition("#")
            file = site / (target or path.name)
            if not file.is_file():
                broken.append(f"{path.name}: {raw}")
            elif fragment and f'id="{fragment}"' not in file.read_text(encoding="utf-8"):
                broken.append(f"{path.name}: {raw} (no such id)")
    assert broken == []
    assert page.errors == []


@pytest.mark.parametrize("query", ["KONSPIRATSIYA", "конспирация"])
def test_search_works_from_files_too(page, served_site, query):
    site, _ = served_site
    page.goto((site / "search.html").as_uri())
    page.get_by_label("Search the documents").fill(query)
    result = page.locator(".offline-result-link").first
    result.wait_for(timeout=10_000)
    assert "Observations on a defection" in result.inner_text()
    assert page.locator(".offline-results mark").first.inner_text().lower() == query.lower()
    assert page.errors == []


def test_search_page_says_when_there_is_no_index(browser, fixtures_dir, tmp_path):
    shutil.copytree(fixtures_dir, tmp_path / "tei", ignore=shutil.ignore_patterns("schema"))
    build_html(tmp_path / "tei", tmp_path / "html", search=False)
    page = browser.new_page()
    page.goto((tmp_path / "html" / "search.html").as_uri())
    page.locator(".no-index").wait_for(state="visible", timeout=10_000)
    page.close()

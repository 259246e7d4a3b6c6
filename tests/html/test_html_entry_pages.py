"""Entry pages: a register or glossary entry mentioned in more documents
than the stylesheet parameter inline-documents gets a page of its own
(persons/<id>.html, glossary/<id>.html ...) instead of its list of mentions."""

from __future__ import annotations

from pathlib import Path

import pytest
from html_helpers import own_stylesheets, parse_page, text_of
from lxml import etree

from rezident.errors import RezidentError
from rezident.html import HtmlRenderer

SUMMARY_NS = "https://rezident.example/ns/summary"


def read(path: Path) -> etree._Element:
    return parse_page(path.read_text(encoding="utf-8"))


def test_entries_of_more_documents_than_the_threshold_get_pages(entry_site):
    site, written = entry_site
    made = sorted(str(p.relative_to(site)) for p in written
                  if p.parent.name in ("persons", "organisations", "places", "glossary"))
    # per-beriya: cable and letter; VKP(b): both; TsK: glossed in both
    assert made == ["glossary/abbr-tsk.html", "organisations/org-vkpb.html", "persons/per-beriya.html"]
    assert all(p.is_file() for p in written)
    assert {p.relative_to(site).parts[0] for p in site.rglob("*.html")
            if p.parent != site} == {"persons", "organisations", "glossary"}


def test_the_register_entry_keeps_its_names_and_links_to_its_page(entry_site):
    site, _ = entry_site
    entry = read(site / "persons.html").xpath("//li[@id='per-beriya']")[0]
    rows = {dt.text: dt.getnext().xpath("string()") for dt in entry.iter("dt")}
    assert rows["Cover name"] == "PETROV"  # names and notes stay on the register
    assert not entry.xpath(".//ul[@class='mentions']")
    [said] = entry.xpath(".//p[@class='entry-page-link']")
    assert " ".join(said.xpath("string()").split()) == \
        "Mentioned in 2 documents: all 5 mentions of Beriya, Lavrentiy Pavlovich, by document."
    assert said.xpath("a/@href") == ["persons/per-beriya.html"]
    # an entry of one document still lists its mention
    assert read(site / "persons.html").xpath("//li[@id='per-guzenko']//ul[@class='mentions']")


def test_the_entry_page_lists_what_the_register_listed(site, entry_site):
    # site: the same documents at the default threshold, where the register lists them
    entry_site, _ = entry_site
    inline = read(site / "persons.html").xpath("//li[@id='per-beriya']//ul[@class='mentions']")[0]
    own = read(entry_site / "persons" / "per-beriya.html")
    [listed] = own.xpath("//main/ul[@class='mentions']")
    assert [a.get("href") for a in listed.iter("a")] == ["../" + a.get("href") for a in inline.iter("a")]
    assert [text_of(a) for a in listed.iter("a")] == [text_of(a) for a in inline.iter("a")]
    for link in listed.xpath(".//a[contains(@href, '#')]"):
        document, fragment = link.get("href").split("#")
        target = read(entry_site / "persons" / document).xpath(f"//*[@id='{fragment}']")[0]
        assert text_of(target) == text_of(link)


def test_the_entry_page_has_a_title_the_frame_and_a_way_back(entry_site):
    site, _ = entry_site
    root = read(site / "persons" / "per-beriya.html")
    assert root.xpath("string(//title)") == "Beriya, Lavrentiy Pavlovich · Persons · TEI edition"
    assert root.xpath("string(//h1)") == "Beriya, Lavrentiy Pavlovich"
    assert root.get("lang") == "en"
    assert root.xpath("//link[@rel='stylesheet']/@href") == ["../assets/edition.css"]
    assert root.xpath("//script/@src") == ["../assets/edition.js"]
    assert root.xpath("//p[@class='site-title']/a/@href") == ["../index.html"]
    assert root.xpath("//nav[@aria-label='Edition']//a/@href") == [
        f"../{name}.html" for name in ("index", "persons", "organisations", "places", "glossary",
                                       "statistics", "encoding", "search")]
    lead = root.xpath("//p[@class='lead']")[0]
    assert " ".join(lead.xpath("string()").split()) == (
        "Every mention of Beriya, Lavrentiy Pavlovich in the documents, grouped by document in "
        "date order: 5 mentions in 2 documents. Its other names and notes are in its entry in "
        "the persons register.")
    assert lead.xpath("a/@href") == ["../persons.html#per-beriya"]
    assert not root.xpath("//*[@data-pagefind-body]")  # not indexed, like the registers


def test_a_glossary_entry_page(entry_site):
    site, _ = entry_site
    row = read(site / "glossary.html").xpath("//div[@id='abbr-tsk']")[0]
    assert "Central Committee" in row.xpath("string(dd)")
    assert row.xpath(".//p[@class='entry-page-link']/a/@href") == ["glossary/abbr-tsk.html"]
    assert row.xpath(".//p[@class='entry-page-link']/a/abbr/@lang") == ["ru-Latn"]
    root = read(site / "glossary" / "abbr-tsk.html")
    assert root.xpath("//h1/abbr/@lang") == ["ru-Latn"] and root.xpath("string(//h1)") == "TsK"
    assert root.xpath("//p[@class='lead']/a/@href") == ["../glossary.html#abbr-tsk"]
    documents = {a.get("href").split("#")[0] for a in root.xpath("//main/ul[@class='mentions']//a")}
    assert documents == {"../cable.html", "../letter.html"}


def test_no_entry_pages_at_the_default_threshold(site):
    assert not [p for p in site.rglob("*.html") if p.parent != site]
    assert not (site / "persons").exists() and not (site / "glossary").exists()
    assert not read(site / "persons.html").xpath("//p[@class='entry-page-link']")


def test_keys_that_are_no_file_names_get_safe_ones(renderer, tmp_path):
    # A mention whose key is a URL (no register entry): the page is a file
    # of its own in persons/, and the register links to it.
    key = "https://example.org/people/x~1"

    def summary(doc: str) -> bytes:
        return (f'<summary xmlns="{SUMMARY_NS}" id="{doc}" href="{doc}.html" title="{doc}" '
                f'sort-date="1946-04-0{doc[-1]}" date="{doc[-1]} April 1946">'
                f'<mention register="persons" key="{key}" id="mention-1" element="persName" '
                f'type="" lang="en">X</mention></summary>').encode()

    written = renderer.render_collection([summary("d1"), summary("d2")], tmp_path,
                                         registers_dir=None, schema_dir=None, inline_documents=1)
    name = "https~58~~47~~47~example.org~47~people~47~x~126~1.html"
    assert tmp_path / "persons" / name in written
    entry = read(tmp_path / "persons.html").xpath("//li[@class='entry']")[0]
    assert entry.get("id") == key
    assert entry.xpath(".//p[@class='entry-page-link']/a/@href") == [f"persons/{name}"]
    root = read(tmp_path / "persons" / name)
    assert root.xpath("//p[@class='lead']/a/@href") == [f"../persons.html#{key}"]
    assert root.xpath("//main/ul[@class='mentions']/li/a[1]/@href") == ["../d1.html", "../d2.html"]


def test_an_edition_stylesheet_without_entry_pages_still_renders(xslt_dir, fixtures_dir, tmp_path):
    # An edition's own collection.xsl from before entry pages (no entry-pages
    # template) lists every mention, as it did.
    own = own_stylesheets(xslt_dir, tmp_path, '<xsl:template name="entry-pages"',
                          '<xsl:template name="entry-pages-unused"')
    renderer = HtmlRenderer(own)
    written = renderer.render_collection([renderer.summarize(fixtures_dir / "cable.xml")], tmp_path / "site",
                                         registers_dir=None, schema_dir=None)
    assert sorted(p.name for p in written) == sorted(f"{name}.html" for name in (
        "index", "persons", "organisations", "places", "glossary", "statistics", "encoding", "search"))


def test_a_failing_entry_page_leaves_the_old_page_and_no_stray_file(xslt_dir, fixtures_dir, tmp_path):
    own = own_stylesheets(xslt_dir, tmp_path, '<xsl:call-template name="rzh:entry-content"/>',
                          '<xsl:call-template name="rzh:entry-content"/>'
                          '<xsl:message terminate="yes">no entry pages today</xsl:message>')
    site = tmp_path / "site"
    (site / "persons").mkdir(parents=True)
    (site / "persons" / "per-beriya.html").write_text("the previous page", encoding="utf-8")
    renderer = HtmlRenderer(own)
    summaries = [renderer.summarize(fixtures_dir / f"{name}.xml") for name in ("cable", "letter")]
    with pytest.raises(RezidentError, match="the entry page persons/per-beriya.html failed"):
        renderer.render_collection(summaries, site, registers_dir=fixtures_dir / "registers",
                                   schema_dir=None, inline_documents=1)
    assert (site / "persons" / "per-beriya.html").read_text(encoding="utf-8") == "the previous page"
    assert not [p.name for p in site.rglob("*") if p.name.endswith(".tmp")]


def test_glossary_keys_that_share_a_slug_get_ids_and_pages_of_their_own(renderer, tmp_path):
    # ČEKA and CEKA, TsK and TSK: one slug each pair, two entries each
    def summary(doc: str) -> bytes:
        return (f'<summary xmlns="{SUMMARY_NS}" id="{doc}" href="{doc}.html" title="{doc}" '
                f'sort-date="1946-04-0{doc[-1]}" date="{doc[-1]} April 1946">'
                f'<term id="term-1" original="ČEKA" lang="ru-Latn">Cheka</term>'
                f'<term id="term-2" original="CEKA" lang="ru-Latn">Ceka</term>'
                f'<abbr id="abbr-1" expan="Central Committee" lang="ru-Latn">TsK</abbr>'
                f'<abbr id="abbr-2" expan="a shouted TsK" lang="ru-Latn">TSK</abbr></summary>').encode()

    written = renderer.render_collection([summary("d1"), summary("d2")], tmp_path,
                                         registers_dir=None, schema_dir=None, inline_documents=1)
    glossary = read(tmp_path / "glossary.html")
    ids = glossary.xpath("//*[@id]/@id")
    assert len(ids) == len(set(ids))
    rows = {text_of(row.xpath("dt")[0]): row.get("id") for row in glossary.xpath("//div[@class='row']")}
    assert {rows["ČEKA"], rows["CEKA"]} == {"term-ceka", "term-ceka_2"}
    assert {rows["TsK"], rows["TSK"]} == {"abbr-tsk", "abbr-tsk_2"}
    pages = sorted(p.name for p in written if p.parent.name == "glossary")
    assert pages == ["abbr-tsk.html", "abbr-tsk_2.html", "term-ceka.html", "term-ceka_2.html"]
    for row in glossary.xpath("//div[@class='row'][starts-with(@id, 'term-') or starts-with(@id, 'abbr-')]"):
        page = read(tmp_path / "glossary" / f"{row.get('id')}.html")
        assert page.xpath("//p[@class='lead']/a/@href") == [f"../glossary.html#{row.get('id')}"]
        assert text_of(page.xpath("//h1")[0]) == text_of(row.xpath("dt")[0])


def test_keys_too_long_for_a_file_name_get_a_short_one(renderer, tmp_path):
    keys = [f"https://example.org/people/{'x' * 300}/{n}" for n in (1, 2)]  # alike for 300 characters

    def summary(doc: str) -> bytes:
        return (f'<summary xmlns="{SUMMARY_NS}" id="{doc}" href="{doc}.html" title="{doc}" '
                f'sort-date="1946-04-0{doc[-1]}" date="{doc[-1]} April 1946">'
                + "".join(f'<mention register="persons" key="{key}" id="mention-{n}" element="persName" '
                          f'type="" lang="en">X{n}</mention>' for n, key in enumerate(keys))
                + '</summary>').encode()

    written = renderer.render_collection([summary("d1"), summary("d2")], tmp_path,
                                         registers_dir=None, schema_dir=None, inline_documents=1)
    pages = [p for p in written if p.parent.name == "persons"]
    assert len(pages) == 2 and len({p.name for p in pages}) == 2
    assert all(len(p.name.encode()) <= 60 for p in pages)
    links = read(tmp_path / "persons.html").xpath("//p[@class='entry-page-link']/a/@href")
    assert sorted(links) == sorted(f"persons/{p.name}" for p in pages)

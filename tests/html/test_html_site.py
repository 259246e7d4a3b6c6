"""Whole pages and the collection pages, built from fixtures into tmp folders."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from html_helpers import own_stylesheets, parse_page, text_of
from lxml import etree

from rezident.errors import RezidentError
from rezident.html import HtmlRenderer, build_html

TEI = "http://www.tei-c.org/ns/1.0"
CYRILLIC = re.compile(r"[\u0400-\u04FF]")
DOCUMENTS = ("cable", "letter", "undated")


# site (the fixtures' documents, cable, letter and undated) and entry_site: conftest.py

# the generic tests run on both: the site as rendered by default, and with
# entry pages (persons/per-beriya.html ...)
SITES = ("site", "entry_site")


@pytest.fixture(params=SITES)
def any_site(request) -> Path:
    site = request.getfixturevalue(request.param)
    return site[0] if isinstance(site, tuple) else site


def page(site: Path, name: str) -> etree._Element:
    return read(site / f"{name}.html")


def read(path: Path) -> etree._Element:
    return parse_page(path.read_text(encoding="utf-8"))


def all_pages(site: Path) -> list[Path]:
    """Every page, entry pages in their folders included."""
    return sorted(site.rglob("*.html"))


def tei_words(path: Path) -> set[str]:
    tree = etree.parse(str(path))
    text = " ".join(tree.xpath("//tei:text//text()", namespaces={"tei": TEI}))
    return set(re.findall(r"\w+", text))


def page_words(root: etree._Element) -> set[str]:
    main = root.find(".//main")
    return set(re.findall(r"\w+", " ".join(main.itertext())))


# ---- every page -------------------------------------------------------

def test_every_page_is_valid_html5(any_site):
    pages = all_pages(any_site)
    assert {p.stem for p in pages} >= {*DOCUMENTS, "index", "persons", "organisations", "places",
                                       "glossary", "statistics", "encoding", "search"}
    for path in pages:
        parse_page(path.read_text(encoding="utf-8"))  # raises on any parse error


def test_every_page_has_landmarks_and_ordered_headings(any_site):
    for path in all_pages(any_site):
        root = read(path)
        assert root.get("lang"), path.name
        for landmark in ("header", "nav", "main", "footer"):
            assert root.find(f".//{landmark}") is not None, f"{path.name}: no <{landmark}>"
        levels = [int(h.tag[1]) for h in root.iter("h1", "h2", "h3", "h4", "h5", "h6")]
        assert levels.count(1) == 1 and levels[0] == 1, path.name
        for before, after in zip(levels, levels[1:]):
            assert after <= before + 1, f"{path.name}: h{before} followed by h{after}"


def test_ids_are_unique_on_every_page(any_site):
    for path in all_pages(any_site):
        ids = read(path).xpath("//@id")
        duplicates = {i for i in ids if ids.count(i) > 1}
        assert not duplicates, f"{path.name}: {sorted(duplicates)}"


def test_every_internal_link_resolves(any_site):
    site = any_site
    ids: dict[Path, set[str]] = {}

    def ids_of(path: Path) -> set[str]:
        if path not in ids:
            ids[path] = set(read(path).xpath("//@id")) if path.suffix == ".html" else set()
        return ids[path]

    checked = 0
    for path in all_pages(site):
        root = read(path)
        for link in root.xpath("//a/@href | //link/@href | //script/@src"):
            parts = urlsplit(link)
            if parts.scheme or link.startswith("../pdf/"):
                continue
            if link.startswith("pagefind/"):  # written by the search step
                continue
            # relative to the page's folder (entry pages are one level down)
            target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            assert target.is_relative_to(site.resolve()), f"{path.name}: {link} leaves the site"
            assert target.is_file(), f"{path.name}: {link} points to a missing file"
            if parts.fragment:
                assert unquote(parts.fragment) in ids_of(target), f"{path.name}: {link} has no target"
            checked += 1
    assert checked > 50


def test_russian_is_marked_as_russian(any_site):
    for path in all_pages(any_site):
        root = read(path)
        for node in root.xpath("//main//text()[normalize-space()]"):
            if CYRILLIC.search(node):
                element = node.getparent() if not node.is_tail else node.getparent().getparent()
                langs = element.xpath("ancestor-or-self::*[@lang][1]/@lang")
                assert langs and langs[0].startswith("ru"), f"{path.name}: {node!r} is not marked Russian"


# ---- document pages ---------------------------------------------------

def test_document_page_keeps_every_word_of_the_text(site, fixtures_dir):
    for name in DOCUMENTS:
        missing = tei_words(fixtures_dir / f"{name}.xml") - page_words(page(site, name))
        assert not missing, f"{name}: {sorted(missing)[:10]}"


def test_metadata_panel(site):
    panel = page(site, "cable").xpath("//section[@class='metadata']")[0]
    rows = {dt.text: " ".join(dt.getnext().xpath("string()").split()) for dt in panel.iter("dt")}
    assert rows["Date"] == "7 April 1946 (as written: “7 April 46”)"
    assert rows["Classification"] == "Top Secret"
    assert rows["From"] == "MOSCOW" and rows["To"] == "CANBERRA"
    assert rows["Re-issue reference"] == "3/NBF/T261"
    assert rows["Re-issued"] == "15 April 1960"
    assert rows["Archive"] == "The National Archives, VENONA, HW 15/43"
    links = panel.xpath(".//ul[@class='downloads']//a/@href")
    assert links == ["tei/cable.xml", "../pdf/cable.pdf"]
    letter = page(site, "letter").xpath("//section[@class='metadata']")[0]
    assert "Stalin's pet" in letter.xpath("string()") and "290-293" in letter.xpath("string()")


def test_cover_names_and_mentions_say_whom_they_name(site):
    root = page(site, "cable")
    petrov = root.xpath("//div[@class='tei-text']//a[contains(@class, 'type-covername')]")[0]
    tip = root.xpath(f"//*[@id='{petrov.get('aria-describedby')}']")[0]
    assert "Cover name of Beriya, Lavrentiy Pavlovich" in tip.xpath("string()")
    guzenko = root.xpath("//a[@href='persons.html#per-guzenko'][@id]")[0]
    assert guzenko.get("title") == "Guzenko, Igor (persons register)"


def test_tei_source_is_copied_beside_the_page(site, fixtures_dir):
    assert (site / "tei" / "cable.xml").read_bytes() == (fixtures_dir / "cable.xml").read_bytes()
    assert (site / "tei" / "registers" / "persons.xml").is_file()


def test_views_differ_only_in_notation(site):
    text = page(site, "cable").xpath("//div[@class='tei-text']")[0]
    reading, diplomatic = text_of(text, "reading"), text_of(text, "diplomatic")
    assert "[B% the former]" in diplomatic and "[B% the former]" not in reading
    assert "the formerB" in reading
    assert "~~TOP SECRET~~" in diplomatic
    assert "[11]" in diplomatic


def test_reading_view_is_the_default_without_javascript(site):
    root = page(site, "cable")
    assert root.xpath("//input[@id='view-reading']/@checked")
    css = (site / "assets" / "edition.css").read_text()
    assert re.search(r"(^|\n)\.dp \{ display: none; \}", css)


def test_no_view_switch_or_key_where_nothing_differs(site):
    root = page(site, "undated")
    assert not root.xpath("//fieldset[@class='view-switch']")
    assert not root.xpath("//details[@class='key']")
    cable = page(site, "cable")
    assert cable.xpath("//fieldset[@class='view-switch']")
    assert len(cable.xpath("//details[@class='key']/dl/dt")) >= 6


def test_foreign_tei_keeps_text_not_declassified_visible(site):
    root = page(site, "undated")
    text = text_of(root.xpath("//div[@class='tei-text']")[0])
    assert "[text not declassified]" in text
    assert "[1 paragraph (4 lines) not declassified]" in text
    notes = root.xpath("//section[@class='notes']//li[@id='d1fn1']")
    assert notes and "Not printed." in notes[0].xpath("string()")
    assert root.xpath("//a[@class='noteref'][@href='#d1fn1']")


# ---- collection pages -------------------------------------------------

def test_index_lists_documents_in_date_order(site):
    rows = page(site, "index").xpath("//table[@class='index']/tbody/tr")
    titles = [row.xpath("string(th)") for row in rows]
    assert titles == ["A letter asking to be relieved",
                      "Observations on a defection and instructions to residents",
                      "Telegram From the Embassy, undated"]
    first = [" ".join(td.xpath("string()").split()) for td in rows[1].findall("td")]
    assert first == ["7 April 1946", "cable", "Top Secret", "MOSCOW", "CANBERRA"]


def test_persons_register_has_cover_names_variants_and_every_mention(site):
    root = page(site, "persons")
    entry = root.xpath("//li[@id='per-beriya']")[0]
    rows = {dt.text: dt.getnext().xpath("string()") for dt in entry.iter("dt")}
    assert rows["Cover name"] == "PETROV"
    assert "Beria" in rows["Variant spellings"] and "Берия" in rows["Variant spellings"]
    mentions = entry.xpath(".//ul[@class='mentions']//a[contains(@href, '#')]")
    cable = page(site, "cable")
    letter = page(site, "letter")
    pages = {"cable.html": cable, "letter.html": letter}
    seen = []
    for link in mentions:
        doc, fragment = link.get("href").split("#")
        target = pages[doc].xpath(f"//*[@id='{fragment}']")[0]
        assert text_of(target) == link.text
        seen.append(link.text)
    assert sorted(seen) == sorted(["PETROV", "PETROV", "BERIYA", "Beria", "Берия"])
    assert root.xpath("//li[@id='per-unmentioned']//p[@class='no-mentions']")
    assert root.xpath("//li[@id='per-nobody-listed']")  # mentioned, not in the register


def test_organisations_and_places(site):
    assert page(site, "organisations").xpath("//li[@id='org-vkpb']//a[starts-with(@href, 'letter.html#')]")
    assert page(site, "places").xpath("//li[@id='pl-moscow']//a[starts-with(@href, 'cable.html#')]")


def test_glossary_has_terms_abbreviations_and_exemption_codes(site):
    root = page(site, "glossary")
    term = root.xpath("//div[@id='term-konspiratsiya']")[0]
    assert term.xpath("string(dt)") == "KONSPIRATSIYA"
    assert term.xpath("dt/span/@lang") == ["ru-Latn"]
    assert "“security”" in term.xpath("string(dd)")
    tsk = root.xpath("//div[@id='abbr-tsk']")[0]
    assert "Central Committee" in tsk.xpath("string(dd)")
    assert {a.get("href").split("#")[0] for a in tsk.xpath(".//ul//a[contains(@href, '#')]")} == \
        {"cable.html", "letter.html"}
    codes = root.xpath("//div[starts-with(@id, 'exemption-25X')]/@id")
    assert codes == [f"exemption-25X{n}" for n in range(1, 10)]
    assert root.xpath("//div[@id='exemption-25X1']//a[@href='cable.html#exemption-mark-1']")


def test_statistics_agree_with_the_documents(site, fixtures_dir):
    root = page(site, "statistics")
    ns = {"tei": TEI}
    rows = {row.xpath("string(th)"): [int(td.text) for td in row.findall("td")]
            for row in root.xpath("//table[@class='statistics']/tbody/tr")}
    for name in DOCUMENTS:
        tree = etree.parse(str(fixtures_dir / f"{name}.xml"))
        title = page(site, name).xpath("string(//h1)")
        groups = sum(int(g.get("quantity", 1)) for g in tree.xpath(
            "//tei:text//tei:gap[@reason='cipher-unrecovered']", namespaces=ns))
        expected = [
            len(tree.xpath("//tei:text//tei:gap[@reason='redacted']", namespaces=ns)),
            groups,
            len(tree.xpath("//tei:text//tei:unclear", namespaces=ns)),
            len(tree.xpath("//tei:text//tei:note[not(@type='original-term' or @type='exemption')]"
                           "[not(@place='inline' or @place='margin')]", namespaces=ns)),
        ]
        assert rows[title] == expected, name
    totals = [int(td.text) for td in root.xpath("//table[@class='statistics']/tfoot/tr/td")]
    assert totals == [sum(col) for col in zip(*rows.values())]
    charts = root.xpath("//*[local-name()='svg']")
    assert charts and all(c.xpath("*[local-name()='title']") for c in charts)


def test_encoding_page_comes_from_schema_and_encoding_description(site):
    root = page(site, "encoding")
    text = " ".join(root.xpath("string(//main)").split())
    assert "A gap in cipher text counts its unrecovered code groups." in text
    assert "One document per file; its id is the file stem." in text
    assert "cipher-unrecovered" in text and "redacted" in text
    assert "Recovery-quality letters are the source's flags" in text
    assert "recovered with considerable doubt" in text
    assert "undocumented" not in text


def test_encoding_page_without_schema_says_so(renderer, fixtures_dir, tmp_path):
    summary = renderer.summarize(fixtures_dir / "cable.xml")
    renderer.render_collection([summary], tmp_path)
    text = (tmp_path / "encoding.html").read_text()
    assert "was not found" in text
    assert not (tmp_path / "schema").exists()


def test_real_schema_documents_itself(renderer, fixtures_dir, project_root, tmp_path):
    schema = project_root / "schema" / "rezident.rng"
    if not schema.is_file():
        pytest.skip("schema/rezident.rng is not written yet")
    summary = renderer.summarize(fixtures_dir / "cable.xml")
    renderer.render_collection([summary], tmp_path, schema_dir=schema.parent)
    root = page(tmp_path, "encoding")
    documented = etree.parse(str(schema)).xpath(
        "//rng:define/a:documentation", namespaces={"rng": "http://relaxng.org/ns/structure/1.0",
                                                    "a": "http://relaxng.org/ns/compatibility/annotations/1.0"})
    text = " ".join(root.xpath("string(//main)").split())
    assert documented
    for doc in documented:
        assert " ".join(doc.text.split()) in text


def test_encoding_page_names_a_foreign_schema_instead_of_ours(corpora, renderer, fixtures_dir, tmp_path):
    frus = sorted((corpora / "frus").glob("*.xml"))[0]
    renderer.render_collection([renderer.summarize(frus)], tmp_path, schema_dir=fixtures_dir / "schema")
    text = " ".join(page(tmp_path, "encoding").xpath("string(//main)").split())
    assert "tei_all.rng" in text
    assert "A gap in cipher text" not in text


def test_search_page_works_without_search_index(site):
    root = page(site, "search")
    assert root.xpath("//div[@id='search']")
    assert root.xpath("//noscript")


# ---- errors and foreign input -----------------------------------------

def test_malformed_tei_is_reported_with_its_file(renderer, tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_text("<TEI><unclosed></TEI>")
    with pytest.raises(RezidentError) as caught:
        renderer.render_document(bad, tmp_path / "out")
    assert caught.value.path == bad
    assert not (tmp_path / "out" / "bad.html").exists()


def test_xml_that_is_not_tei_is_reported(renderer, tmp_path):
    other = tmp_path / "other.xml"
    other.write_text("<TEI><text><body><p>no namespace</p></body></text></TEI>")
    with pytest.raises(RezidentError, match="not a TEI document"):
        renderer.render_document(other, tmp_path / "out")
    with pytest.raises(RezidentError, match="not a TEI document"):
        renderer.summarize(other)


def test_missing_stylesheets_are_reported(tmp_path):
    with pytest.raises(RezidentError, match="missing"):
        HtmlRenderer(tmp_path)


def test_frus_documents_render_readably(corpora, renderer, tmp_path):
    files = sorted((corpora / "frus").glob("*.xml"))
    assert files
    for path in files:
        renderer.render_document(path, tmp_path)
        root = parse_page((tmp_path / f"{path.stem}.html").read_text(encoding="utf-8"))
        assert root.xpath("string(//h1)").strip()
        missing = tei_words(path) - page_words(root)
        assert not missing, f"{path.name}: {sorted(missing)[:10]}"
    renderer.render_collection([renderer.summarize(p) for p in files], tmp_path)
    index = parse_page((tmp_path / "index.html").read_text(encoding="utf-8"))
    assert len(index.xpath("//table[@class='index']/tbody/tr")) == len(files)


def test_build_html_builds_a_site_from_a_folder(fixtures_dir, tmp_path):
    tei = tmp_path / "tei"
    shutil.copytree(fixtures_dir, tei, ignore=shutil.ignore_patterns("schema"))
    seen = []
    build_html(tei, tmp_path / "html", progress=seen.append, search=False)
    assert sorted(p.stem for p in seen) == sorted(DOCUMENTS)
    assert (tmp_path / "html" / "persons.html").is_file()
    assert "per-beriya" in (tmp_path / "html" / "persons.html").read_text()


def test_build_html_refuses_an_empty_folder(tmp_path):
    with pytest.raises(RezidentError, match="no TEI documents"):
        build_html(tmp_path, tmp_path / "html", search=False)


def test_edition_settings_reach_every_page(xslt_dir, project_root, fixtures_dir, tmp_path):
    from rezident.edition import load

    edition = load(project_root)
    renderer = HtmlRenderer(xslt_dir, edition)
    renderer.render_document(fixtures_dir / "cable.xml", tmp_path)
    root = parse_page((tmp_path / "cable.html").read_text(encoding="utf-8"))
    citation = " ".join(root.xpath("string(//p[@class='citation'])").split())
    assert f"in {edition.title}" in citation
    assert all(editor in citation for editor in edition.editors)
    assert f"version {edition.version}" in citation and "document cable." in citation
    assert edition.title in root.xpath("string(//title)")
    assert root.xpath(f"//footer//a[@rel='license'][@href='{edition.licence_url}']")


def test_site_files_are_readable_by_a_web_server(site):
    for path in site.rglob("*"):  # the folder itself is the caller's
        mode = path.stat().st_mode
        assert mode & 0o004, f"{path} is not world-readable"
        if path.is_dir():
            assert mode & 0o001, f"{path} cannot be entered"


def test_encoding_page_says_which_documents_a_statement_applies_to(renderer, fixtures_dir, tmp_path):
    # Documents sharing an encodingDesc are listed together (the renderer
    # passes each distinct encodingDesc to the stylesheet once); a statement
    # of only some documents names them.
    cable = (fixtures_dir / "cable.xml").read_text(encoding="utf-8")
    variant = cable.replace("<p>A test edition.</p>", "<p>A test edition, second series.</p>")
    assert variant != cable
    sources = {"first": cable, "second": cable, "third": variant}
    summaries = []
    for name, text in sources.items():
        path = tmp_path / "tei" / f"{name}.xml"
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        summaries.append(renderer.summarize(path))
    summaries.append(renderer.summarize(fixtures_dir / "letter.xml"))
    renderer.render_collection(summaries, tmp_path / "site", registers_dir=None, schema_dir=None)
    root = page(tmp_path / "site", "encoding")

    def applies_to(statement: str) -> list[str]:
        [p] = root.xpath("//main//p[normalize-space() = $s]", s=statement)
        following = p.xpath("following-sibling::*[1][@class = 'applies']")
        return following[0].xpath("a/@href") if following else []

    assert applies_to("A test edition.") == ["first.html", "second.html"]
    assert applies_to("A test edition, second series.") == ["third.html"]
    text = " ".join(root.xpath("string(//main)").split())
    assert text.count("Recovery-quality letters are the source's flags") == 1


def test_a_failing_collection_page_leaves_the_old_page_and_no_stray_file(xslt_dir, fixtures_dir, tmp_path):
    # An edition's own collection stylesheet that fails on one page: the
    # error names the page, the page already there stays as it was, and no
    # half-written temporary file is left in the site.
    own = own_stylesheets(
        xslt_dir, tmp_path, '<xsl:template name="statistics">',
        '<xsl:template name="statistics"><xsl:message terminate="yes">no statistics today</xsl:message>'
        '</xsl:template><xsl:template name="statistics-unused">')
    site = tmp_path / "site"
    site.mkdir()
    (site / "statistics.html").write_text("the previous page", encoding="utf-8")
    renderer = HtmlRenderer(own)
    with pytest.raises(RezidentError, match="the statistics page failed"):
        renderer.render_collection([renderer.summarize(fixtures_dir / "cable.xml")], site,
                                   registers_dir=None, schema_dir=None)
    assert (site / "statistics.html").read_text(encoding="utf-8") == "the previous page"
    assert not [p.name for p in site.iterdir() if p.name.endswith(".tmp")]


def test_a_statement_of_many_documents_counts_them_instead_of_listing_them(renderer, fixtures_dir, tmp_path):
    cable = (fixtures_dir / "cable.xml").read_text(encoding="utf-8")
    other = cable.replace("<p>A test edition.</p>", "<p>A test edition, second series.</p>")
    summaries = []
    for number in range(25):
        path = tmp_path / "tei" / f"doc{number}.xml"
        path.parent.mkdir(exist_ok=True)
        path.write_text(cable if number < 22 else other, encoding="utf-8")
        summaries.append(renderer.summarize(path))
    renderer.render_collection(summaries, tmp_path / "site", registers_dir=None, schema_dir=None)
    applies = [" ".join(p.xpath("string()").split())
               for p in page(tmp_path / "site", "encoding").xpath("//p[@class='applies']")]
    assert "In 22 of the 25 documents (cable)." in applies
    title = "Observations on a defection and instructions to residents"
    assert "In: " + "; ".join([title] * 3) in applies


def test_metadata_labels_and_values_stay_apart_in_the_page_text(site):
    # Search indexes take a page's text: "Date" and its value must not run
    # together into one word ("Date7").
    text = etree.tostring(page(site, "cable").xpath("//section[@class='metadata']")[0],
                          method="text", encoding="unicode")
    assert re.search(r"Date\s+7 April 1946", text)
    assert not re.search(r"Kind[A-Z]", text)


def test_a_source_that_only_names_the_document_does_not_repeat_its_title(renderer, project_root, tmp_path):
    # The VENONA cable's sourceDesc/bibl holds the cable's own title and its
    # typed reference numbers and dates, which have rows of their own.
    name = "venona-1946-04-07-moscow-canberra-76"
    renderer.render_document(project_root / "tei" / f"{name}.xml", tmp_path)
    panel = page(tmp_path, name).xpath("//section[@class='metadata']")[0]
    rows = {dt.text: " ".join(dt.getnext().xpath("string()").split()) for dt in panel.iter("dt")}
    assert "Source" not in rows
    assert rows["Re-issue reference"] == "3/NBF/T261" and rows["Copy no."] == "201"

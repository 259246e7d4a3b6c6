"""The project's own TEI (tei/*.xml, written by `rezident convert`) as HTML.

Generic properties only: the documents change as the converter improves.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from html_helpers import parse_page, text_of
from lxml import etree

from rezident.html import HtmlRenderer

TEI = {"tei": "http://www.tei-c.org/ns/1.0"}


@pytest.fixture(scope="module")
def edition_site(project_root: Path, renderer: HtmlRenderer, tmp_path_factory):
    documents = sorted((project_root / "tei").glob("*.xml"))
    if not documents:
        pytest.skip("tei/ holds no documents yet (run `rezident convert`)")
    out = tmp_path_factory.mktemp("edition")
    summaries = []
    for path in documents:
        renderer.render_document(path, out)
        summaries.append(renderer.summarize(path))
    registers = project_root / "tei" / "registers"
    renderer.render_collection(summaries, out, registers_dir=registers if registers.is_dir() else None,
                               schema_dir=project_root / "schema")
    return documents, out


def test_every_document_page_is_valid_and_complete(edition_site):
    documents, out = edition_site
    for path in documents:
        root = parse_page((out / f"{path.stem}.html").read_text(encoding="utf-8"))
        tree = etree.parse(str(path))
        words = set(re.findall(r"\w+", " ".join(tree.xpath("//tei:text//text()", namespaces=TEI))))
        shown = set(re.findall(r"\w+", " ".join(root.find(".//main").itertext())))
        assert not words - shown, f"{path.name}: {sorted(words - shown)[:10]}"


def test_every_phenomenon_is_explained(edition_site):
    documents, out = edition_site
    for path in documents:
        root = parse_page((out / f"{path.stem}.html").read_text(encoding="utf-8"))
        tree = etree.parse(str(path))
        gaps = tree.xpath("//tei:text//tei:gap", namespaces=TEI)
        assert len(root.xpath("//span[contains(@class, ' gap ')]")) == len(gaps)
        for mark in root.xpath("//*[contains(concat(' ', @class, ' '), ' ph ')]"):
            described = mark.get("aria-describedby")
            assert described and root.xpath(f"//*[@id='{described}'][@role='tooltip']"), path.name


def test_every_note_anchor_reaches_its_note_and_back(edition_site):
    documents, out = edition_site
    for path in documents:
        root = parse_page((out / f"{path.stem}.html").read_text(encoding="utf-8"))
        ids = set(root.xpath("//@id"))
        for ref in root.xpath("//a[contains(@class, 'noteref')]"):
            target = ref.get("href")[1:]
            assert target in ids, f"{path.name}: {target}"
            note = root.xpath(f"//*[@id='{target}']")[0]
            assert note.xpath(f".//a[@class='backlink'][@href='#{ref.get('id')}']"), f"{path.name}: {target}"


def test_diplomatic_view_shows_the_transcripts_notation(edition_site, project_root):
    documents, out = edition_site
    for path in documents:
        root = parse_page((out / f"{path.stem}.html").read_text(encoding="utf-8"))
        diplomatic = text_of(root.xpath("//div[@class='tei-text']")[0], "diplomatic")
        tree = etree.parse(str(path))
        for gap in tree.xpath("//tei:text//tei:gap[@reason='cipher-unrecovered']", namespaces=TEI):
            quantity = int(gap.get("quantity"))
            assert f"[{quantity} group{'s' if quantity != 1 else ''} unrecovered]" in diplomatic
        for unclear in tree.xpath("//tei:text//tei:unclear[@n]", namespaces=TEI):
            assert f"[{unclear.get('n')}% {' '.join(unclear.xpath('string()').split())}]" in diplomatic
        if tree.xpath("//tei:text//tei:gap[@reason='redacted']", namespaces=TEI):
            assert "[ ]" in diplomatic


def test_the_registers_list_every_mention_at_the_default_threshold(edition_site):
    # No entry of the example edition is mentioned in more than 25 of its
    # documents: no entry pages, every mentioned entry lists its mentions.
    _, out = edition_site
    assert not [p for p in out.rglob("*.html") if p.parent != out]
    for name in ("persons", "organisations", "places", "glossary"):
        root = parse_page((out / f"{name}.html").read_text(encoding="utf-8"))
        assert not root.xpath("//p[@class='entry-page-link']"), name

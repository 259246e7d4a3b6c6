"""The volume: front matter, documents in date order, registers, glossary, conventions."""

from __future__ import annotations

import json
from pathlib import Path

from lxml import etree

from .conftest import Rendered
from .pdfcheck import TEI, attachments, outline_titles, squash, tei_title, xmp

BASELINE = json.loads((Path(__file__).with_name("volume-baseline.json")).read_text())


def document_date(path: Path) -> str:
    tree = etree.parse(str(path))
    date = "//t:profileDesc/t:creation/t:date"
    dates = tree.xpath(f"{date}/@when | {date}/@notBefore | {date}/@notAfter", namespaces=TEI)
    return str(dates[0]) if dates else "~"


def test_volume_page_count_is_stable(volume: Rendered):
    pages = len(volume.reader.pages)
    assert abs(pages - BASELINE["pages"]) <= BASELINE["tolerance"], (
        f"the volume has {pages} pages, the baseline {BASELINE['pages']}: look at it, then update "
        "tests/pdf/volume-baseline.json")


def test_volume_opens_with_title_page_legend_and_contents(volume: Rendered, edition):
    first, second, third = volume.page_texts[:3]
    assert squash(edition.title) in squash(first)
    assert all(squash(name) in squash(first) for name in edition.editors)
    assert squash(edition.licence) in squash(first)
    assert "Editorial marks" in second
    assert "Contents" in third


def test_volume_prints_documents_in_date_order(volume: Rendered, tei_documents: list[Path]):
    text = squash(volume.text())
    body = text[text.index(squash("Encoding conventions")):]   # past the table of contents
    ordered = sorted(tei_documents, key=document_date)
    positions = [body.find(squash(tei_title(p))) for p in ordered]
    assert -1 not in positions
    assert positions == sorted(positions)


def test_volume_contents_give_the_page_each_document_starts_on(volume: Rendered, tei_documents: list[Path]):
    reader = volume.reader
    contents = volume.page_texts[2]
    numbers = {int(w.strip(".")) for w in contents.split() if w.strip(".").isdigit()}
    starts = {" ".join(str(item.title).split()): reader.get_destination_page_number(item) + 1
              for item in reader.outline if not isinstance(item, list)}
    for path in tei_documents:
        title = " ".join(tei_title(path).split())
        assert squash(title) in squash(contents)
        assert starts[title] in numbers, (title, starts[title])


def test_volume_bookmarks_documents_and_registers(volume: Rendered, tei_documents: list[Path]):
    titles = outline_titles(volume.pdf)
    for path in tei_documents:
        assert " ".join(tei_title(path).split()) in titles
    for heading in ("Persons", "Organisations", "Places", "Glossary", "Encoding conventions"):
        assert heading in titles


def test_volume_embeds_every_tei_file(volume: Rendered, tei_documents: list[Path], project_root: Path):
    embedded = attachments(volume.pdf)
    for path in tei_documents:
        assert embedded[path.name] == (path.read_bytes(), "/Source")
    for register in sorted((project_root / "tei" / "registers").glob("*.xml")):
        assert embedded[f"registers-{register.name}"][0] == register.read_bytes()


def test_volume_is_pdf_a_3b(volume: Rendered):
    meta = xmp(volume.pdf)
    ident = meta.find(".//{http://www.w3.org/1999/02/22-rdf-syntax-ns#}Description"
                      "[@{http://www.aiim.org/pdfa/ns/id/}part]")
    assert (ident.get("{http://www.aiim.org/pdfa/ns/id/}part"),
            ident.get("{http://www.aiim.org/pdfa/ns/id/}conformance")) == ("3", "B")


def test_registers_cite_pages_and_glossary_lists_original_terms(volume: Rendered, tei_documents: list[Path]):
    text = volume.text()
    back = text[text.rindex("Persons"):]
    originals = {" ".join("".join(n.itertext()).split())
                 for p in tei_documents
                 for n in etree.parse(str(p)).iterfind(".//t:text//t:note[@type='original-term']", TEI)}
    for original in originals:
        assert squash(original) in squash(back), original

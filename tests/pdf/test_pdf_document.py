"""A document's PDF: its text, footnotes, fonts, PDF/A metadata and embedded TEI."""

from __future__ import annotations

import logging
from pathlib import Path

import pypdf
import pytest

from rezident.errors import RezidentError
from rezident.pdf import PdfRenderer

from .conftest import SAMPLE, Rendered
from .pdfcheck import (
    attachments,
    body_passages,
    fonts,
    footnote_notes,
    html_footnotes,
    outline_titles,
    squash,
    tei_title,
    xmp,
    xmp_values,
)

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = sorted(p.stem for p in (ROOT / "tei").glob("*.xml"))
each_document = pytest.mark.parametrize(
    "stem", DOCUMENTS or [pytest.param("none", marks=pytest.mark.skip(reason="tei/ holds no documents yet"))])


# ------------------------------------------------------------- the sample

def test_sample_text_is_the_reading_text(sample: Rendered):
    text = squash(sample.text())
    for expected in ("To be deciphered personally by the RESIDENT [REZIDENT]",
                     "the former B [2 groups unrecovered] cipher clerk GUZENKO [,] has betrayed",
                     "TsK [Central Committee]", "Ежов и Берия",
                     "i. This text was also sent to ALGIERS.",
                     "ii. NEIGHBOURS: Members of another Soviet intelligence organization.",
                     "* Litter on the first sheet", "iv An unanchored comment."):
        assert squash(expected) in text, expected
    assert "Post a Comment" not in text


def test_sample_is_pdf_a_3b_with_edition_metadata(sample: Rendered, edition):
    meta = xmp(sample.pdf)
    ident = meta.find(".//{http://www.w3.org/1999/02/22-rdf-syntax-ns#}Description"
                      "[@{http://www.aiim.org/pdfa/ns/id/}part]")
    assert ident.get("{http://www.aiim.org/pdfa/ns/id/}part") == "3"
    assert ident.get("{http://www.aiim.org/pdfa/ns/id/}conformance") == "B"
    assert xmp_values(meta, "dc:title") == ["Instructions to residents on security"]
    assert xmp_values(meta, "dc:creator") == list(edition.editors)
    assert xmp_values(meta, "dc:rights")[0].startswith(edition.licence)
    assert set(edition.languages) <= set(xmp_values(meta, "dc:language"))
    assert len(xmp_values(meta, "dc:date")) == 1
    assert meta.find(".//{http://ns.adobe.com/xap/1.0/rights/}WebStatement").text == edition.licence_url


def test_sample_embeds_its_tei_byte_for_byte_as_source(sample: Rendered):
    embedded = attachments(sample.pdf)
    assert embedded == {"cable.xml": (SAMPLE.read_bytes(), "/Source")}


def test_sample_is_tagged_and_has_a_bookmark(sample: Rendered):
    root = sample.reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"]
    assert "/StructTreeRoot" in root
    assert outline_titles(sample.pdf) == ["Instructions to residents on security"]


def test_every_font_is_embedded(sample: Rendered):
    try:
        rows = fonts(sample.pdf)
    except FileNotFoundError as exc:
        pytest.skip(str(exc))
    assert rows, "no fonts listed"
    assert all(row["emb"] == "yes" for row in rows), rows
    assert any("Serif" in row["name"] for row in rows)


def test_same_tei_gives_the_same_pdf_without_warnings(sample: Rendered, renderer: PdfRenderer,
                                                      tmp_path: Path, caplog):
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        again = renderer.render_document(SAMPLE, tmp_path / "again.pdf")
    assert again.read_bytes() == sample.pdf.read_bytes()
    assert [r.getMessage() for r in caplog.records if r.name.startswith("weasyprint")] == []
    assert [p.name for p in tmp_path.iterdir()] == ["again.pdf"]   # no temporary file left


def test_malformed_tei_names_file_and_line(renderer: PdfRenderer, tmp_path: Path):
    broken = tmp_path / "broken.xml"
    broken.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0">\n<text><body><p>x</body></text></TEI>')
    with pytest.raises(RezidentError) as caught:
        renderer.render_document(broken, tmp_path / "broken.pdf")
    assert caught.value.path == broken and caught.value.line == 2
    assert not (tmp_path / "broken.pdf").exists()


def test_missing_tei_is_an_error(renderer: PdfRenderer, tmp_path: Path):
    with pytest.raises(RezidentError, match="does not exist"):
        renderer.render_document(tmp_path / "absent.xml", tmp_path / "absent.pdf")


# --------------------------------------------------- the edition's documents

@each_document
def test_document_text_has_its_key_content(edition_pdfs: dict[str, Rendered], stem: str):
    rendered = edition_pdfs[stem]
    text = squash(rendered.text())
    assert squash(tei_title(rendered.tei)) in text
    for passage in body_passages(rendered.tei):
        assert squash(passage) in text, passage
    cyrillic = [ch for ch in rendered.tei.read_text(encoding="utf-8") if "\u0400" <= ch <= "\u04ff"]
    if cyrillic:
        assert any("\u0400" <= ch <= "\u04ff" for ch in text), "Cyrillic lost in extraction"


@each_document
def test_document_footnotes_match_the_tei(edition_pdfs: dict[str, Rendered], stem: str):
    rendered = edition_pdfs[stem]
    expected = footnote_notes(rendered.tei)
    printed = html_footnotes(rendered.html)
    assert len(printed) == len(expected)
    text = squash(rendered.text())
    for label, body in printed:
        assert squash(f"{label}. {body[:60]}") in text, (label, body)


@each_document
def test_document_is_archival(edition_pdfs: dict[str, Rendered], stem: str):
    rendered = edition_pdfs[stem]
    ident = xmp(rendered.pdf).find(".//{http://www.w3.org/1999/02/22-rdf-syntax-ns#}Description"
                                   "[@{http://www.aiim.org/pdfa/ns/id/}part]")
    assert (ident.get("{http://www.aiim.org/pdfa/ns/id/}part"),
            ident.get("{http://www.aiim.org/pdfa/ns/id/}conformance")) == ("3", "B")
    assert attachments(rendered.pdf) == {rendered.tei.name: (rendered.tei.read_bytes(), "/Source")}
    try:
        rows = fonts(rendered.pdf)
    except FileNotFoundError as exc:
        pytest.skip(str(exc))
    assert all(row["emb"] == "yes" for row in rows), rows
    assert pypdf.PdfReader(rendered.pdf).outline


def test_tei_declaring_entities_is_refused_before_rendering(renderer: PdfRenderer, tmp_path: Path):
    hostile = tmp_path / "hostile.xml"
    hostile.write_text('<!DOCTYPE TEI [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n'
                       '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>&secret;</p></body></text></TEI>')
    with pytest.raises(RezidentError) as caught:
        renderer.render_document(hostile, tmp_path / "hostile.pdf")
    assert caught.value.path == hostile
    assert not (tmp_path / "hostile.pdf").exists()

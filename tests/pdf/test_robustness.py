"""Documents that strain a page: they must still render, and lose nothing."""

from __future__ import annotations

import re
from pathlib import Path

import pypdf
import pytest

from rezident.pdf import PdfRenderer, build_pdf

from .conftest import SAMPLE
from .pdfcheck import attachments, body_passages, pdf_text, squash, tei_title

pytestmark = pytest.mark.slow


def with_body(tmp_path: Path, name: str, body: str) -> Path:
    """The sample document with its body replaced."""
    text = SAMPLE.read_text(encoding="utf-8")
    start, end = text.index("<body>") + len("<body>"), text.index("</body>")
    path = tmp_path / f"{name}.xml"
    path.write_text(text[:start] + body + text[end:], encoding="utf-8")
    return path


def test_very_long_unbroken_string(renderer: PdfRenderer, tmp_path: Path):
    """A string with no break opportunity is broken where it must, and nothing
    is lost. (WeasyPrint lays out the whole rest of such a string again for
    every line, so the time grows much faster than its length: 3000 letters
    took 97 s, 700 take about a second; ten lines prove the point as well as
    fifty.)"""
    token = "".join(chr(ord("A") + i % 26) for i in range(700))
    tei = with_body(tmp_path, "long-string", f"<p>Before {token} after.</p><p>{'Ж' * 500} end</p>")
    pdf = renderer.render_document(tei, tmp_path / "long-string.pdf")
    lines = pdf_text(pdf).splitlines()
    # broken across several lines, each within the page
    assert len([line for line in lines if re.search(r"[A-Z]{20,}", line)]) >= 5
    assert len([line for line in lines if "ЖЖЖЖЖ" in line]) >= 5
    text = squash("".join(lines))
    assert "".join(re.findall(r"[A-Z]{20,}", text)) == token
    assert text.count("Ж") == 500


def test_huge_table_of_redactions(renderer: PdfRenderer, tmp_path: Path):
    rows = "".join(f'<row><cell>{i}</cell><cell>Passage <gap reason="redacted"/>'
                   f'<note type="exemption" place="margin" corresp="#exemption-25X1">25X1</note> ends.</cell></row>'
                   for i in range(1, 301))
    tei = with_body(tmp_path, "table", f'<table><row role="label"><cell>No.</cell><cell>Text</cell></row>{rows}</table>')
    pdf = renderer.render_document(tei, tmp_path / "table.pdf")
    reader = pypdf.PdfReader(pdf)
    assert len(reader.pages) > 3
    text = pdf_text(pdf)
    assert squash(text).count(squash("Passage [redacted] ends.")) == 300
    assert {str(n) for n in range(1, 301)} <= set(re.findall(r"\d+", text))   # every row's number


def test_note_longer_than_a_page(renderer: PdfRenderer, tmp_path: Path):
    words = " ".join(f"w{i}" for i in range(2500))
    tei = with_body(tmp_path, "long-note", f'<p>Text with a long note.<note type="editorial">Start. {words} END.</note> After.</p>')
    pdf = renderer.render_document(tei, tmp_path / "long-note.pdf")
    text = pdf_text(pdf)
    assert {int(n) for n in re.findall(r"\bw(\d+)\b", text)} == set(range(2500))
    assert "END." in text


def test_build_pdf_writes_every_document_and_the_volume(xslt_dir: Path, edition, tmp_path: Path):
    tei_dir = tmp_path / "tei"
    tei_dir.mkdir()
    first = tei_dir / "first.xml"
    first.write_bytes(SAMPLE.read_bytes().replace(b'xml:id="sample-cable"', b'xml:id="first"'))
    second = tei_dir / "second.xml"
    second.write_bytes(SAMPLE.read_bytes().replace(b'xml:id="sample-cable"', b'xml:id="second"')
                       .replace(b'when="1946-04-07">7 April 1946', b'when="1939-01-01">1 January 1939'))
    written: list[Path] = []
    out = tmp_path / "out"
    build_pdf(tei_dir, out, edition, progress=written.append)
    assert written == [out / "first.pdf", out / "second.pdf", out / "edition.pdf"]
    assert sorted(p.name for p in out.iterdir()) == ["edition.pdf", "first.pdf", "second.pdf"]
    volume = attachments(out / "edition.pdf")
    assert volume["first.xml"][0] == first.read_bytes() and volume["second.xml"][0] == second.read_bytes()


def test_foreign_tei_prints_readably(corpora: Path, xslt_dir: Path, tmp_path: Path):
    """FRUS documents: other conventions, no edition; nothing crashes, the text is there."""
    renderer = PdfRenderer(xslt_dir)
    frus = min((corpora / "frus").glob("*.xml"), key=lambda p: p.stat().st_size)
    pdf = renderer.render_document(frus, tmp_path / "frus.pdf")
    text = squash(pdf_text(pdf))
    assert squash(tei_title(frus)) in text
    for passage in body_passages(frus):
        assert squash(passage) in text
    assert attachments(pdf)[frus.name][0] == frus.read_bytes()

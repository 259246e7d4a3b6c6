"""Fixtures of the PDF tests: the stylesheet compiled once, each PDF rendered once.

PDF rendering is CPU-heavy, so every PDF the tests look at is made once per
session (the sample document, each document of the edition, the volume) and
the tests only read it.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import lxml.html
import pypdf
import pytest

from rezident import edition as edition_config
from rezident.pdf import PdfRenderer
from rezident.pdf.renderer import edition_facts
from rezident.pdf.stylesheet import EditionFacts, PrintStylesheet

HERE = Path(__file__).resolve().parent
SAMPLE = HERE / "data" / "cable.xml"
TEI_NS = "http://www.tei-c.org/ns/1.0"


@dataclass
class Rendered:
    """A TEI file, the print HTML made from it and the PDF.

    The PDF is read and its text extracted once (pypdf takes seconds on the
    volume) and shared by every test that looks at it.
    """

    tei: Path
    html: str
    pdf: Path

    @cached_property
    def reader(self) -> pypdf.PdfReader:
        return pypdf.PdfReader(self.pdf)

    @cached_property
    def page_texts(self) -> list[str]:
        return [page.extract_text() or "" for page in self.reader.pages]

    def text(self) -> str:
        return " ".join(self.page_texts)


def squash(text: str) -> str:
    """Text with all whitespace removed (PDF extraction breaks lines anywhere)."""
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="session")
def xslt_dir(project_root: Path) -> Path:
    return project_root / "xslt"


@pytest.fixture(scope="session")
def edition(project_root: Path) -> edition_config.Edition:
    return edition_config.load(project_root)


@pytest.fixture(scope="session")
def stylesheet(xslt_dir: Path) -> PrintStylesheet:
    return PrintStylesheet(xslt_dir)


@pytest.fixture(scope="session")
def renderer(xslt_dir: Path, edition: edition_config.Edition) -> PdfRenderer:
    return PdfRenderer(xslt_dir, edition)


@pytest.fixture(scope="session")
def facts(edition: edition_config.Edition) -> EditionFacts:
    return edition_facts(edition)


@pytest.fixture
def print_html(tmp_path: Path, stylesheet: PrintStylesheet, facts: EditionFacts):
    """Print a TEI ``body`` fragment (and optional ``back``) as HTML, parsed."""

    def run(body: str, back: str = "", header: str = "") -> lxml.html.HtmlElement:
        tei = tmp_path / "fragment.xml"
        tei.write_text(textwrap.dedent(f"""\
            <TEI xmlns="{TEI_NS}" xml:id="fragment">
              <teiHeader><fileDesc><titleStmt><title type="main">Fragment</title></titleStmt>
                <publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc>{header}</teiHeader>
              <text><body>{body}</body><back>{back}</back></text>
            </TEI>"""), encoding="utf-8")
        return lxml.html.fromstring(stylesheet.document_html(tei, facts))

    return run


@pytest.fixture(scope="session")
def sample(renderer: PdfRenderer, stylesheet: PrintStylesheet, facts: EditionFacts,
           tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    out = tmp_path_factory.mktemp("sample") / "cable.pdf"
    renderer.render_document(SAMPLE, out)
    return Rendered(SAMPLE, stylesheet.document_html(SAMPLE, facts), out)


@pytest.fixture(scope="session")
def tei_documents(project_root: Path) -> list[Path]:
    paths = sorted((project_root / "tei").glob("*.xml"))
    if not paths:
        pytest.skip("tei/ holds no documents yet: run `rezident convert`")
    return paths


@pytest.fixture(scope="session")
def edition_pdfs(renderer: PdfRenderer, stylesheet: PrintStylesheet, facts: EditionFacts,
                 tei_documents: list[Path],
                 tmp_path_factory: pytest.TempPathFactory) -> dict[str, Rendered]:
    out_dir = tmp_path_factory.mktemp("edition-pdf")
    rendered = {}
    for tei in tei_documents:
        out = renderer.render_document(tei, out_dir / f"{tei.stem}.pdf")
        rendered[tei.stem] = Rendered(tei, stylesheet.document_html(tei, facts), out)
    return rendered


@pytest.fixture(scope="session")
def volume(renderer: PdfRenderer, stylesheet: PrintStylesheet, facts: EditionFacts,
           tei_documents: list[Path], project_root: Path,
           tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    registers = project_root / "tei" / "registers"
    out = tmp_path_factory.mktemp("volume") / "edition.pdf"
    renderer.render_volume(tei_documents, out, registers)
    html = stylesheet.volume_html(tei_documents, facts, registers)
    return Rendered(tei_documents[0], html, out)

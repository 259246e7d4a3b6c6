"""TEI to PDF: the print stylesheet makes HTML, WeasyPrint lays it out as PDF/A-3b.

One :class:`PdfRenderer` per process compiles the stylesheet, parses the CSS
and loads the fonts once; every document and the volume reuse them. PDFs are
written atomically (a temporary sibling renamed into place).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

from lxml import etree
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration

from .. import safexml
from ..edition import Edition
from ..errors import RezidentError
from ..files import write_atomic
from ..resources import shipped_xslt_dir
from .archival import PDF_VARIANT, ArchivalMetadata, SourceFile, attachment, publication_datetime
from .stylesheet import EditionFacts, PrintStylesheet

VOLUME_NAME = "edition.pdf"
REGISTER_NAMES = ("persons", "organisations", "places")


def publication_date(edition: Edition | None) -> str:
    """The edition's date: ``[edition] date`` in edition.toml, else
    ``SOURCE_DATE_EPOCH`` (reproducible builds), else today (UTC)."""
    if edition is not None:
        given = edition.raw.get("edition", {}).get("date")
        if given:
            return str(given)[:10]
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC).date().isoformat()
    return date.today().isoformat()


def edition_facts(edition: Edition | None) -> EditionFacts:
    """The edition's metadata for title pages and XMP (empty without an edition:
    the stylesheet then falls back on each TEI header)."""
    if edition is None:
        return EditionFacts(date=publication_date(None))
    return EditionFacts(title=edition.title, editors=edition.editors, version=edition.version,
                        date=publication_date(edition), licence=edition.licence,
                        licence_url=edition.licence_url, publisher=edition.publisher,
                        pub_place=edition.pub_place, description=" ".join(edition.description.split()),
                        languages=edition.languages)


def _read_tei(path: Path) -> etree._ElementTree:
    """The TEI file parsed safely (no DTD, no entities: refused before Saxon
    ever sees it), failing with the file, line and column when it is broken."""
    if not path.is_file():
        raise RezidentError(f"{path} does not exist", path=path,
                            hint="run `rezident convert` first, or check the path")
    return safexml.parse(path)


def _header_languages(tree: etree._ElementTree) -> tuple[str, ...]:
    idents = tree.xpath("//*[local-name()='langUsage']/*[local-name()='language']/@ident")
    return tuple(dict.fromkeys(str(i) for i in idents))


class PdfRenderer:
    """Renders TEI documents and the volume as archival PDFs."""

    def __init__(self, xslt_dir: Path, edition: Edition | None = None):
        self.edition = edition
        self.stylesheet = PrintStylesheet(Path(xslt_dir))
        self.facts = edition_facts(edition)
        self.font_config = FontConfiguration()
        self.css = CSS(filename=str(self.stylesheet.css_path), font_config=self.font_config)

    def render_document(self, tei_path: Path, out_pdf: Path) -> Path:
        """One document as a PDF with its TEI embedded; returns ``out_pdf``."""
        tei_path = Path(tei_path)
        tree = _read_tei(tei_path)
        html = self.stylesheet.document_html(tei_path, self.facts)
        source = SourceFile.read(tei_path, description=f"TEI P5 source of the document {tei_path.stem}")
        languages = self.facts.languages or _header_languages(tree)
        return self._write(html, [source], Path(out_pdf), tei_path.parent, languages)

    def render_volume(self, tei_paths: list[Path], out_pdf: Path,
                      registers_dir: Path | None = None) -> Path:
        """The whole edition in one PDF: title page, contents, documents in date
        order, registers, glossary, conventions; every TEI file embedded."""
        tei_paths = [Path(p) for p in tei_paths]
        if not tei_paths:
            raise RezidentError("the volume needs at least one TEI document",
                                hint="convert the transcripts first (`rezident convert`)")
        trees = [_read_tei(path) for path in tei_paths]
        registers = []
        if registers_dir is not None:
            for name in REGISTER_NAMES:
                path = Path(registers_dir) / f"{name}.xml"
                if path.is_file():
                    _read_tei(path)
                    registers.append(path)
        html = self.stylesheet.volume_html(tei_paths, self.facts, Path(registers_dir) if registers else None)
        sources = [SourceFile.read(p, description=f"TEI P5 source of the document {p.stem}")
                   for p in tei_paths]
        sources += [SourceFile.read(p, name=f"registers-{p.name}",
                                    description=f"TEI P5 register of {p.stem}") for p in registers]
        languages = self.facts.languages or tuple(dict.fromkeys(
            lang for tree in trees for lang in _header_languages(tree)))
        return self._write(html, sources, Path(out_pdf), tei_paths[0].parent, languages)

    def _write(self, html: str, sources: list[SourceFile], out_pdf: Path, base: Path,
               languages: tuple[str, ...]) -> Path:
        options = {"stylesheets": [self.css], "pdf_variant": PDF_VARIANT, "pdf_tags": True}
        document = HTML(string=html, base_url=base.resolve().as_uri() + "/").render(
            font_config=self.font_config, **options)
        when = publication_datetime(self.facts.date)
        document.metadata = ArchivalMetadata.extending(
            document.metadata, rights=self.facts.licence, rights_url=self.facts.licence_url,
            languages=languages, date=self.facts.date,
            publishers=tuple(p for p in (self.facts.publisher,) if p))
        document.metadata.attachments = [attachment(source, when) for source in sources]
        write_atomic(out_pdf, document.write_pdf(**options))
        return out_pdf


def build_pdf(tei_dir: Path, out_dir: Path, edition: Edition | None = None,
              progress: Callable[[Path], None] | None = None) -> None:
    """Every ``tei_dir/*.xml`` as ``out_dir/<id>.pdf``, then the volume
    ``out_dir/edition.pdf`` (with the registers of ``tei_dir/registers``).

    ``progress`` is called with each PDF's path once it is written.
    """
    tei_dir, out_dir = Path(tei_dir), Path(out_dir)
    tei_paths = sorted(tei_dir.glob("*.xml"))
    if not tei_paths:
        raise RezidentError(f"no TEI documents in {tei_dir}", path=tei_dir,
                            hint="run `rezident convert` first")
    xslt_dir = edition.xslt_dir if edition is not None else shipped_xslt_dir()
    renderer = PdfRenderer(xslt_dir, edition)
    for tei_path in tei_paths:
        out = renderer.render_document(tei_path, out_dir / f"{tei_path.stem}.pdf")
        if progress is not None:
            progress(out)
    registers = tei_dir / "registers"
    out = renderer.render_volume(tei_paths, out_dir / VOLUME_NAME,
                                 registers if registers.is_dir() else None)
    if progress is not None:
        progress(out)

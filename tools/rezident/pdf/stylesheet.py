"""The print stylesheet (``xslt/print/print.xsl``), compiled once per process.

The stylesheet reads a small *print job* that names the TEI files by URI and
carries the edition's metadata, so the one compiled executable serves both a
single document and the whole volume.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from saxonche import PySaxonApiError, PySaxonProcessor

from ..errors import RezidentError

JOB_NS = "urn:rezident:print"


@dataclass(frozen=True)
class EditionFacts:
    """What the title page, colophon and XMP say about the edition."""

    title: str = ""
    editors: tuple[str, ...] = ()
    version: str = ""
    date: str = ""            # ISO date of publication
    licence: str = ""
    licence_url: str = ""
    publisher: str = ""
    pub_place: str = ""
    description: str = ""
    languages: tuple[str, ...] = ()

    def job_element(self) -> str:
        attrs = {"title": self.title, "version": self.version, "date": self.date,
                 "licence": self.licence, "licence-url": self.licence_url,
                 "publisher": self.publisher, "pub-place": self.pub_place,
                 "description": self.description}
        attributes = "".join(f" {name}={quoteattr(value)}" for name, value in attrs.items() if value)
        editors = "".join(f"<editor>{escape(name)}</editor>" for name in self.editors)
        return f"<edition{attributes}>{editors}</edition>"


class PrintStylesheet:
    """``print.xsl`` compiled once; turns TEI files into HTML for paged media."""

    def __init__(self, xslt_dir: Path):
        self.path = Path(xslt_dir) / "print" / "print.xsl"
        if not self.path.is_file():
            raise RezidentError(f"the print stylesheet {self.path} does not exist", path=self.path,
                                hint="the edition's xslt/ folder needs print/print.xsl; "
                                     "remove the folder to use the one rezident ships")
        self.css_path = self.path.with_name("print.css")
        self._processor = PySaxonProcessor(license=False)
        compiler = self._processor.new_xslt30_processor()
        try:
            self._executable = compiler.compile_stylesheet(stylesheet_file=str(self.path))
        except PySaxonApiError as exc:
            raise RezidentError(f"the print stylesheet does not compile: {_first_line(exc)}",
                                path=self.path) from None

    def document_html(self, tei_path: Path, facts: EditionFacts) -> str:
        return self._run("document", [tei_path], facts, None)

    def volume_html(self, tei_paths: list[Path], facts: EditionFacts,
                    registers_dir: Path | None) -> str:
        return self._run("volume", tei_paths, facts, registers_dir)

    def _run(self, kind: str, tei_paths: list[Path], facts: EditionFacts,
             registers_dir: Path | None) -> str:
        documents = "".join(f"<document href={quoteattr(p.resolve().as_uri())}/>" for p in tei_paths)
        registers = ""
        if registers_dir is not None:
            registers = f"<registers href={quoteattr(registers_dir.resolve().as_uri() + '/')}/>"
        job = (f'<job xmlns="{JOB_NS}" kind="{kind}">{facts.job_element()}'
               f"{documents}{registers}</job>")
        node = self._processor.parse_xml(xml_text=job)
        try:
            html = self._executable.transform_to_string(xdm_node=node)
        except PySaxonApiError as exc:
            path, line = _error_location(str(exc))
            raise RezidentError(f"the print stylesheet failed: {_first_line(exc)}",
                                path=path or (tei_paths[0] if len(tei_paths) == 1 else self.path),
                                line=line) from None
        if not html:
            raise RezidentError("the print stylesheet produced no output",
                                path=tei_paths[0] if tei_paths else self.path)
        return html


def _first_line(exc: Exception) -> str:
    text = " ".join(str(exc).split())
    return text[:400]


def _error_location(message: str) -> tuple[Path | None, int | None]:
    """Saxon's ``... on line N ... of file:/x.xml`` as a path and a line."""
    match = re.search(r"line (\d+).*? of (file:\S+?)[:\s]", message)
    if not match:
        return None, None
    uri = match.group(2)
    return Path(re.sub(r"^file:/*", "/", uri)), int(match.group(1))

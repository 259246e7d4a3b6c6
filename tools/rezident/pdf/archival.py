"""What makes the PDF archival: PDF/A-3b, its TEI inside, and XMP metadata.

WeasyPrint writes PDF/A-3b and the XMP packet; it takes title and authors
from the HTML. The edition also records its licence, languages, date and
publisher, so the metadata class is extended to add those Dublin Core and
XMP Rights properties (both schemas are predefined for PDF/A, so no
extension schema is needed).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from xml.etree.ElementTree import SubElement, fromstring, register_namespace, tostring

from weasyprint import Attachment
from weasyprint.pdf.metadata import DocumentMetadata

PDF_VARIANT = "pdf/a-3b"

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
DC = "http://purl.org/dc/elements/1.1/"
XMP_RIGHTS = "http://ns.adobe.com/xap/1.0/rights/"
register_namespace("xmpRights", XMP_RIGHTS)


@dataclass(frozen=True)
class SourceFile:
    """A TEI file to embed: its bytes exactly as on disk, under a file name."""

    name: str
    data: bytes
    description: str

    @classmethod
    def read(cls, path: Path, name: str | None = None, description: str = "") -> SourceFile:
        return cls(name=name or path.name, data=path.read_bytes(),
                   description=description or f"TEI P5 source of {path.stem}")


def attachment(source: SourceFile, when: datetime) -> Attachment:
    """An associated file with relationship Source (PDF/A-3, ISO 19005-3 6.8).

    Dates are the publication date, not the file's, so that the same TEI
    gives the same PDF.
    """
    return Attachment(file_obj=io.BytesIO(source.data), name=source.name,
                      description=source.description, created=when, modified=when,
                      relationship="Source")


class ArchivalMetadata(DocumentMetadata):
    """WeasyPrint's metadata plus dc:rights, dc:language, dc:date, dc:publisher
    and xmpRights:WebStatement."""

    def __init__(self, *, rights: str = "", rights_url: str = "", languages: tuple[str, ...] = (),
                 date: str = "", publishers: tuple[str, ...] = (), **kwargs):
        super().__init__(**kwargs)
        self.rights = rights
        self.rights_url = rights_url
        self.languages = languages
        self.date = date
        self.publishers = publishers

    @classmethod
    def extending(cls, metadata: DocumentMetadata, **extra) -> ArchivalMetadata:
        return cls(title=metadata.title, authors=metadata.authors, description=metadata.description,
                   keywords=metadata.keywords, generator=metadata.generator,
                   created=metadata.created, modified=metadata.modified,
                   attachments=metadata.attachments, lang=metadata.lang, custom=metadata.custom,
                   xmp_metadata=metadata.xmp_metadata, **extra)

    def generate_rdf_metadata(self, variant, version, conformance):
        rdf = fromstring(super().generate_rdf_metadata(variant, version, conformance))

        def description() -> object:
            element = SubElement(rdf, f"{{{RDF}}}Description")
            element.set(f"{{{RDF}}}about", "")
            return element

        def container(kind: str, name: str, values: list[str], lang: bool = False) -> None:
            if not values:
                return
            holder = SubElement(SubElement(description(), name), f"{{{RDF}}}{kind}")
            for value in values:
                item = SubElement(holder, f"{{{RDF}}}li")
                if lang:
                    item.set("xml:lang", "x-default")
                item.text = value

        rights = self.rights + (f" ({self.rights_url})" if self.rights_url else "")
        container("Alt", f"{{{DC}}}rights", [rights] if self.rights else [], lang=True)
        container("Bag", f"{{{DC}}}language", list(self.languages))
        container("Seq", f"{{{DC}}}date", [self.date] if self.date else [])
        container("Bag", f"{{{DC}}}publisher", list(self.publishers))
        if self.rights_url:
            element = SubElement(description(), f"{{{XMP_RIGHTS}}}WebStatement")
            element.text = self.rights_url
            marked = SubElement(description(), f"{{{XMP_RIGHTS}}}Marked")
            marked.text = "True"
        return tostring(rdf, encoding="utf-8")


def publication_datetime(iso_date: str) -> datetime:
    """Midnight UTC of an ISO date (the time PDFs and attachments are stamped with)."""
    return datetime.fromisoformat(iso_date[:10]).replace(tzinfo=UTC)

"""Checks over the whole edition, which no single-file schema can make.

A document's xml:id is its file stem and is unique in the edition; register
entries (per-, org-, pl-) are unique across all registers, since documents
address them by id. Ids inside a document (note-iv, anchor-iv, cls-secret)
repeat from document to document by design and are unique per file (the
Schematron's id-unique).
"""

from __future__ import annotations

from collections.abc import Iterable

from .findings import Finding
from .validator import FileReport

ID_UNIQUE_RULE = "id-unique-edition"
FILE_STEM_RULE = "document-id-file-stem"


def cross_document_findings(reports: Iterable[FileReport]) -> list[Finding]:
    """Findings about identifiers shared between files (the files' own findings aside)."""
    findings: list[Finding] = []
    first_seen: dict[str, tuple[FileReport, int]] = {}
    for report in sorted((r for r in reports if r.parsed), key=lambda r: str(r.path)):
        if report.document_id and not report.is_register and report.path.stem != report.document_id:
            findings.append(Finding(
                report.path, _root_line(report), None, "error",
                f'the document\'s xml:id is "{report.document_id}" but the file is named '
                f'"{report.path.name}": name the file {report.document_id}.xml or correct the id',
                FILE_STEM_RULE))
        edition_ids = report.identifiers if report.is_register else (
            [(report.document_id, _root_line(report))] if report.document_id else [])
        for identifier, line in edition_ids:
            if identifier in first_seen:
                other, other_line = first_seen[identifier]
                if other is report:
                    continue  # reported by the Schematron's id-unique
                findings.append(Finding(
                    report.path, line or None, None, "error",
                    f'xml:id "{identifier}" is already used in {other.path}:{other_line}: '
                    "identifiers other files point at must be unique in the edition", ID_UNIQUE_RULE))
            else:
                first_seen[identifier] = (report, line)
    return findings


def _root_line(report: FileReport) -> int:
    return next((line for identifier, line in report.identifiers
                 if identifier == report.document_id), 0)

"""Validation of the edition's TEI: RELAX NG, Schematron and cross-document checks.

    from rezident.validate import Validator, collect_files, validate_files
    validator = Validator.for_schema_dir(edition.schema_dir)   # compiles once
    report = validator.validate(path)                          # one file: report.findings
    reports, findings = validate_files(validator, collect_files([edition.tei_dir]))

Importing this package is cheap: lxml and the schemas load on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .batch import collect_files, validate_files
    from .edition_checks import cross_document_findings
    from .findings import Finding
    from .validator import FileReport, Validator

_EXPORTS = {
    "Finding": "findings",
    "FileReport": "validator",
    "Validator": "validator",
    "cross_document_findings": "edition_checks",
    "collect_files": "batch",
    "validate_files": "batch",
}

__all__ = ["FileReport", "Finding", "Validator", "collect_files", "cross_document_findings",
           "validate_files"]


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(importlib.import_module(f"{__name__}.{_EXPORTS[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

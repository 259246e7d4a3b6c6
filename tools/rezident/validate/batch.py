"""Validating many files: which files, each one, then the checks across them."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from .edition_checks import cross_document_findings
from .findings import Finding
from .validator import FileReport, Validator


def collect_files(paths: Iterable[Path]) -> list[Path]:
    """The files named, and every ``*.xml`` under the folders named, sorted, each once."""
    found: dict[Path, None] = {}
    for path in paths:
        path = Path(path)
        if path.is_dir():
            for file in sorted(path.rglob("*.xml")):
                hidden = any(part.startswith(".") for part in file.relative_to(path).parts)
                if file.is_file() and not hidden:
                    found.setdefault(file, None)
        else:
            found.setdefault(path, None)
    return list(found)


def validate_files(validator: Validator, files: Sequence[Path], *, edition_checks: bool = True,
                   on_file: Callable[[FileReport], None] | None = None
                   ) -> tuple[list[FileReport], list[Finding]]:
    """Each file's report, and all findings (the files' own, then the cross-document ones)."""
    reports = []
    for file in files:
        report = validator.validate(file)
        reports.append(report)
        if on_file is not None:
            on_file(report)
    findings = [f for report in reports for f in report.findings]
    if edition_checks:
        findings += cross_document_findings(reports)
    return reports, findings

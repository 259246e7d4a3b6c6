"""The validator the CLI and the build call: schemas compiled once, one file at a time."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from .. import TEI_NS, XML_NS, safexml
from ..errors import ConfigError, RezidentError
from .findings import READ_RULE, RELAXNG_RULE, UNSAFE_RULE, XML_RULE, Finding
from .locate import SourceLocator
from .relaxng import CompiledRelaxNG
from .schematron import CompiledSchematron

_XML_ID = f"{{{XML_NS}}}id"
_WITH_ID = etree.XPath("(//@xml:id)/parent::*")  # walks attributes: cheaper than //*[@xml:id]
_REGISTER_LISTS = {f"{{{TEI_NS}}}{name}" for name in ("listPerson", "listOrg", "listPlace")}


@dataclass
class FileReport:
    """What validating one file found, and the identifiers the cross-document checks need."""

    path: Path
    findings: list[Finding] = field(default_factory=list)
    document_id: str | None = None
    is_register: bool = False
    identifiers: list[tuple[str, int]] = field(default_factory=list)  # (xml:id, line)
    parsed: bool = False

    @property
    def ok(self) -> bool:
        return not any(f.severity == "error" for f in self.findings)


class Validator:
    """RELAX NG and (optionally) Schematron, each compiled once for the life of the object.

    ``Validator.for_schema_dir(edition.schema_dir)`` is the edition's own set;
    ``Validator(Path("tei_all.rng"))`` checks foreign TEI against RELAX NG only.
    """

    def __init__(self, relaxng: Path, schematron: Path | None = None):
        self.relaxng = _compiled(CompiledRelaxNG, relaxng)
        self.schematron = _compiled(CompiledSchematron, schematron) if schematron else None

    @classmethod
    def for_schema_dir(cls, schema_dir: Path) -> Validator:
        return cls(schema_dir / "rezident.rng", schema_dir / "rezident.sch")

    def validate(self, path: Path) -> FileReport:
        """Validate one file; problems with the file itself are findings, never exceptions."""
        path = Path(path)
        try:
            data = safexml.read(path)
        except OSError as exc:
            finding = Finding(path, None, None, "error",
                              f"cannot read the file: {exc.strerror or exc}", READ_RULE)
            return FileReport(path, [finding])
        return self.validate_bytes(data, path)

    def validate_bytes(self, data: bytes, path: Path) -> FileReport:
        """Validate XML held in memory; ``path`` names it and resolves its relative references."""
        report = FileReport(path)
        try:
            tree = safexml.parse_bytes(data, path=path, collect_ids=False)
        except safexml.UnsafeXMLError as exc:
            report.findings.append(_from_error(exc, path, UNSAFE_RULE))
            return report
        except RezidentError as exc:
            report.findings.append(_from_error(exc, path, XML_RULE))
            return report
        report.parsed = True
        root = tree.getroot()
        report.document_id = root.get(_XML_ID)
        report.is_register = root.tag == f"{{{TEI_NS}}}TEI" and (root.get("type") == "register" or any(
            child.tag in _REGISTER_LISTS for child in root.iterfind(f"{{{TEI_NS}}}text/{{{TEI_NS}}}body/*")))
        report.identifiers = [(e.get(_XML_ID), e.sourceline or 0) for e in _WITH_ID(root)]

        locator: SourceLocator | None = None
        schematron_elements: set[etree._Element] = set()
        schematron_findings: list[Finding] = []
        if self.schematron is not None:
            failures = self.schematron.run(tree)
            if failures:
                locator = SourceLocator(tree, data)
            for failure in failures:
                element = failure.element
                if element is not None:
                    schematron_elements.add(element)
                line, column = locator.position(element) if element is not None else (None, None)
                schematron_findings.append(Finding(
                    path, line, column,
                    "warning" if failure.role in ("warning", "warn", "info") else "error",
                    failure.message, failure.rule))

        if not self.relaxng.validate(tree):
            locator = locator or SourceLocator(tree, data)
            for error in self.relaxng.errors(locator):
                if error.element is not None and error.element in schematron_elements:
                    continue  # the Schematron says the same about this element, better
                line, column = (locator.position(error.element) if error.element is not None
                                else (error.line, None))
                report.findings.append(Finding(path, line, column, "error",
                                               error.message, RELAXNG_RULE))
        report.findings.extend(schematron_findings)
        report.findings.sort(key=lambda f: (f.line or 0, f.column or 0))
        return report


_COMPILED: dict[tuple[type, Path, int], object] = {}


def _compiled(kind: type, path: Path):
    """One compiled schema per file and version for the whole process (tei_all takes seconds)."""
    path = Path(path).resolve()
    try:
        key = (kind, path, path.stat().st_mtime_ns)
    except OSError:
        raise ConfigError(f"no schema at {path}", path=path) from None
    if key not in _COMPILED:
        _COMPILED[key] = kind(path)
    return _COMPILED[key]


def _from_error(exc: RezidentError, path: Path, rule: str) -> Finding:
    message = exc.message + (f" ({exc.hint})" if exc.hint else "")
    return Finding(path, exc.line, exc.column, "error", message, rule)

"""The stages' own code, as the build calls it: the one place that knows their APIs.

A ``Toolkit`` makes the validator and the renderers (once per process: each
compiles its schemas or stylesheets when made) and calls them. The build's
tests swap in a subclass with stand-ins. Everything here imports its stage
lazily, so a build with nothing to do never loads saxonche or WeasyPrint.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..edition import Edition
from ..validate.findings import Finding

# What the cross-document checks need to know of each file (see rezident.validate.FileReport).
Facts = dict[str, Any]


@dataclass(frozen=True)
class Setting:
    """What every worker process needs to set its tools up (picklable)."""

    tei_dir: Path
    xslt_dir: Path
    schema_dir: Path
    edition: Edition | None


class Toolkit:
    """The real validator and renderers."""

    # Python packages whose source takes part in each stage's key: changing the
    # renderer's code rebuilds what it renders.
    code: dict[str, tuple[str, ...]] = {
        "validate": ("validate", "safexml.py"),
        "html": ("html",),
        "pdf": ("pdf",),
    }
    # Folders of the edition's xslt/ that each stage's stylesheets are made of
    # (the whole xslt/ where none of them exists).
    stylesheets: dict[str, tuple[str, ...]] = {
        "html": ("html", "common"),
        "pdf": ("print", "common"),
    }
    # Libraries whose version takes part in each stage's key.
    libraries: dict[str, tuple[str, ...]] = {
        "validate": ("lxml", "saxonche"),
        "html": ("saxonche",),
        "pdf": ("saxonche", "weasyprint"),
    }

    # --- made once per process ------------------------------------------
    def make(self, name: str, setting: Setting) -> Any:
        return getattr(self, f"make_{name}")(setting)

    def make_validator(self, setting: Setting) -> Any:
        from ..validate import Validator

        return Validator.for_schema_dir(setting.schema_dir)

    def make_html(self, setting: Setting) -> Any:
        from ..html import HtmlRenderer

        return HtmlRenderer(setting.xslt_dir, edition=setting.edition)

    def make_pdf(self, setting: Setting) -> Any:
        from ..pdf import PdfRenderer

        return PdfRenderer(setting.xslt_dir, edition=setting.edition)

    # --- called per document or per edition ------------------------------
    def validate(self, validator: Any, tei_path: Path) -> tuple[list[Finding], Facts]:
        report = validator.validate(tei_path)
        facts = {"document_id": report.document_id, "is_register": report.is_register,
                 "identifiers": report.identifiers, "parsed": report.parsed}
        return report.findings, facts

    def validate_collection(self, files: Iterable[tuple[Path, Facts]]) -> list[Finding]:
        """The checks across files (unique ids ...), from facts kept by earlier builds:
        no document is parsed again."""
        from ..validate import FileReport, cross_document_findings

        return cross_document_findings(
            FileReport(path, document_id=facts["document_id"], is_register=facts["is_register"],
                       identifiers=[tuple(i) for i in facts["identifiers"]],
                       parsed=facts["parsed"])
            for path, facts in files)

    def render_html(self, renderer: Any, tei_path: Path, out_dir: Path) -> tuple[list[Path], bytes]:
        return list(renderer.render_document(tei_path, out_dir)), renderer.summarize(tei_path)

    def render_collection(self, renderer: Any, summaries: Iterable[bytes], out_dir: Path,
                          setting: Setting) -> list[Path]:
        registers = setting.tei_dir / "registers"
        return list(renderer.render_collection(
            summaries, out_dir, registers_dir=registers if registers.is_dir() else None,
            schema_dir=setting.schema_dir))

    def copy_assets(self, renderer: Any, out_dir: Path) -> list[Path]:
        return list(renderer.copy_assets(out_dir))

    def build_search_index(self, site_dir: Path, cache_dir: Path | None = None) -> list[Path]:
        from ..html import build_search_index

        build_search_index(site_dir, cache_dir=cache_dir)
        index = site_dir / "pagefind"
        return [p for p in index.rglob("*") if p.is_file()] if index.is_dir() else []

    def render_pdf(self, renderer: Any, tei_path: Path, out_pdf: Path) -> list[Path]:
        return [renderer.render_document(tei_path, out_pdf)]

    def render_volume(self, renderer: Any, tei_paths: list[Path], out_pdf: Path,
                      registers_dir: Path | None) -> list[Path]:
        return [renderer.render_volume(tei_paths, out_pdf, registers_dir=registers_dir)]

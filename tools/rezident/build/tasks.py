"""The units of work a build sends to its processes (small, picklable)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .dependencies import read_pointers
from .manifest import read_data
from .pool import Outcome, Tools


def _relative(paths: list[Path], root: Path) -> list[str]:
    """The files a step wrote, relative to the tree it wrote into (which must hold them)."""
    base = os.path.abspath(root)
    found = set()
    for path in paths:
        relative = os.path.relpath(os.path.abspath(path), base)
        if relative.startswith(".."):
            raise ValueError(f"{path} was written outside {root}")
        found.add(Path(relative).as_posix())
    return sorted(found)


@dataclass(frozen=True)
class ValidateDocument:
    item: str
    path: Path
    tei_root: Path
    want_pointers: bool

    def __call__(self, tools: Tools) -> Outcome:
        findings, facts = tools.kit.validate(tools.get("validator"), self.path)
        pointers = read_pointers(self.path, self.tei_root) if self.want_pointers else None
        return Outcome(self.item, data=(findings, facts, pointers))


@dataclass(frozen=True)
class RenderHtml:
    item: str
    path: Path
    tei_root: Path
    out_dir: Path
    want_pointers: bool

    def __call__(self, tools: Tools) -> Outcome:
        written, summary = tools.kit.render_html(tools.get("html"), self.path, self.out_dir)
        pointers = read_pointers(self.path, self.tei_root) if self.want_pointers else None
        return Outcome(self.item, _relative(written, self.out_dir), data=(summary, pointers))


@dataclass(frozen=True)
class RenderCollection:
    """Index, registers, glossary ... from the summaries, read from the manifest as a stream."""

    item: str
    manifest: Path
    documents: tuple[str, ...]
    out_dir: Path

    def __call__(self, tools: Tools) -> Outcome:
        summaries = read_data(self.manifest, "html", self.documents)
        written = tools.kit.render_collection(tools.get("html"), summaries, self.out_dir,
                                              tools.setting)
        return Outcome(self.item, _relative(written, self.out_dir))


@dataclass(frozen=True)
class CopyAssets:
    item: str
    out_dir: Path

    def __call__(self, tools: Tools) -> Outcome:
        return Outcome(self.item, _relative(tools.kit.copy_assets(tools.get("html"), self.out_dir),
                                            self.out_dir))


@dataclass(frozen=True)
class SearchIndex:
    item: str
    out_dir: Path
    cache_dir: Path  # the pages' texts and the index's parts, kept from build to build

    def __call__(self, tools: Tools) -> Outcome:
        return Outcome(self.item, _relative(tools.kit.build_search_index(self.out_dir, self.cache_dir),
                                            self.out_dir))


@dataclass(frozen=True)
class RenderPdf:
    item: str
    path: Path
    tei_root: Path
    out_dir: Path
    want_pointers: bool

    def __call__(self, tools: Tools) -> Outcome:
        out_pdf = self.out_dir / f"{self.path.stem}.pdf"
        written = tools.kit.render_pdf(tools.get("pdf"), self.path, out_pdf)
        pointers = read_pointers(self.path, self.tei_root) if self.want_pointers else None
        return Outcome(self.item, _relative(written, self.out_dir), data=(None, pointers))


@dataclass(frozen=True)
class RenderVolume:
    item: str
    paths: tuple[Path, ...]
    out_pdf: Path
    registers_dir: Path | None

    def __call__(self, tools: Tools) -> Outcome:
        written = tools.kit.render_volume(tools.get("pdf"), list(self.paths), self.out_pdf,
                                          self.registers_dir)
        return Outcome(self.item, _relative(written, self.out_pdf.parent))

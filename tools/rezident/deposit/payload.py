"""What goes into a deposit's ``data/``: the edition as files, by bag path.

``data/`` is itself a working edition: ``edition.toml``, ``transcripts/``,
``tei/``, ``schema/`` and ``xslt/`` (the edition's own or rezident's, so the
TEI files' ``../schema/`` processing instructions resolve inside the bag),
plus whatever has been built: ``html/`` and ``pdf/``.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..edition import Edition
from ..errors import RezidentError

BUILT = ("html", "pdf")


def _files_under(folder: Path) -> list[Path]:
    """Every file below ``folder``, without hidden files or folders (temp files, .git)."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*")
                  if p.is_file() and not any(part.startswith(".") or part == "__pycache__"
                                             for part in p.relative_to(folder).parts))


def built_dir(edition: Edition, kind: str) -> Path:
    """Where ``rezident build`` writes the HTML or the PDFs."""
    return edition.output_dir / kind


def built_kinds(edition: Edition) -> list[str]:
    """The outputs that have been built (a folder with at least one file)."""
    return [kind for kind in BUILT if _files_under(built_dir(edition, kind))]


def unbuilt(edition: Edition, kind: str) -> list[str]:
    """The documents without their page (``<id>.html``) or PDF (``<id>.pdf``) anywhere in
    the built folder: an edition built in part is not built."""
    stems = {p.stem for p in _files_under(built_dir(edition, kind)) if p.suffix == f".{kind}"}
    return [s.id for s in edition.sources
            if s.tei_path(edition.tei_dir).is_file() and s.id not in stems]


def collect(edition: Edition) -> dict[str, Path]:
    """Bag path (``data/...``) -> file on disk, for everything the deposit holds."""
    payload: dict[str, Path] = {"data/edition.toml": edition.config_path}
    for source in edition.sources:
        if not source.file.is_file():
            raise RezidentError(f"the transcript of source {source.id!r} is missing",
                                path=source.file,
                                hint="restore it or remove its [[source]] from edition.toml")
        try:
            name = source.file.relative_to(edition.transcripts_dir.resolve()).as_posix()
        except ValueError:
            name = source.file.name
        payload[f"data/transcripts/{name}"] = source.file
    folders = {"tei": edition.tei_dir, "schema": edition.schema_dir, "xslt": edition.xslt_dir}
    folders.update({kind: built_dir(edition, kind) for kind in BUILT})
    for name, folder in folders.items():
        for file in _files_under(folder):
            payload[f"data/{name}/{file.relative_to(folder).as_posix()}"] = file
    return payload


def media_types(payload: Iterable[str]) -> list[str]:
    """The IANA media types of the payload, for the Dublin Core record: TEI first."""
    kinds = (("tei", ".xml", "application/tei+xml"), ("transcripts", ".txt", "text/plain"),
             ("html", ".html", "text/html"), ("pdf", ".pdf", "application/pdf"))
    paths = list(payload)
    return [media for top, suffix, media in kinds
            if any(p.startswith(f"data/{top}/") and p.endswith(suffix) for p in paths)]

"""The edition's configuration (``edition.toml``) as typed objects.

Every command finds the edition by walking up from the working directory to
the first folder holding ``edition.toml`` (or is given ``--edition PATH``).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import time
import tomllib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from . import resources
from .errors import ConfigError
from .files import write_atomic
from .filestate import settled, stat_key

CONFIG_NAME = "edition.toml"


@dataclass(frozen=True)
class Source:
    """One transcript of the edition and the metadata it lacks."""

    file: Path            # absolute path of the transcript
    id: str               # the TEI document's xml:id and file stem
    profile: str          # name of the conventions profile
    kind: str             # cable, report, letter, decision, lecture, record ...
    metadata: dict[str, Any] = field(default_factory=dict)  # every other key

    def tei_path(self, tei_dir: Path) -> Path:
        return tei_dir / f"{self.id}.xml"


@dataclass(frozen=True)
class Edition:
    root: Path
    id: str
    version: str
    title: str
    editors: tuple[str, ...]
    publisher: str
    pub_place: str
    licence: str
    licence_url: str
    languages: tuple[str, ...]
    description: str
    transcripts_dir: Path
    tei_dir: Path
    output_dir: Path
    sources: tuple[Source, ...]
    raw: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def config_path(self) -> Path:
        return self.root / CONFIG_NAME

    @property
    def registers_dir(self) -> Path:
        return self.tei_dir / "registers"

    @property
    def schema_dir(self) -> Path:
        """The edition's own ``schema/`` if it has one, else rezident's."""
        own = self.root / "schema"
        return own if own.is_dir() else resources.shipped_schema_dir()

    @property
    def xslt_dir(self) -> Path:
        """The edition's own ``xslt/`` if it has one, else rezident's."""
        own = self.root / "xslt"
        return own if own.is_dir() else resources.shipped_xslt_dir()

    def source_by_id(self, doc_id: str) -> Source | None:
        return self._sources_by_id.get(doc_id)

    def source_for_file(self, path: Path) -> Source | None:
        return self._sources_by_file.get(path.resolve())

    # Looked up once per document by commands over thousands of them: made
    # on first use (the frozen dataclass still lets cached_property store).
    @cached_property
    def _sources_by_id(self) -> dict[str, Source]:
        return {source.id: source for source in self.sources}

    @cached_property
    def _sources_by_file(self) -> dict[Path, Source]:
        found: dict[Path, Source] = {}
        for source in self.sources:
            found.setdefault(source.file.resolve(), source)
        return found


def find_config(start: Path | None = None) -> Path:
    """The nearest ``edition.toml`` at or above ``start``."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
    raise ConfigError(f"no {CONFIG_NAME} in {here} or any folder above it",
                      hint="run the command inside an edition, pass --edition PATH, "
                           "or start one with `rezident init DIR`")


# An edition.toml this large (an edition of some thousand sources) is kept
# parsed in the user's cache folder: TOML parsing costs a 10,000-source file
# half a second on every command, more than a no-op build does otherwise.
CACHE_FROM_BYTES = 64 * 1024


def _cache_folder() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "rezident"


def _parsed(path: Path) -> dict[str, Any]:
    """edition.toml as data: parsed, or for a large file the parse a previous
    command kept, when the file's size, inode and timestamps are unchanged."""
    st = os.stat(path)
    if st.st_size < CACHE_FROM_BYTES:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    key = stat_key(st)
    name = hashlib.blake2b(os.fsencode(path.resolve()), digest_size=16).hexdigest()
    cached = _cache_folder() / f"edition-{name}.pickle"
    try:
        with open(cached, "rb") as handle:
            kept_key, data = pickle.load(handle)
        if kept_key == key:
            return data
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError):
        pass  # no cache, or an unreadable one: parse
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    if settled(st, time.time_ns()):
        with contextlib.suppress(OSError):  # a cache that cannot be written is only slower
            write_atomic(cached, pickle.dumps((key, data), protocol=pickle.HIGHEST_PROTOCOL),
                         sync=False)
    return data


def load(path: Path | None = None) -> Edition:
    """Read the edition's configuration; ``path`` is the file or its folder."""
    if path is None:
        path = find_config()
    elif path.is_dir():
        path = path / CONFIG_NAME
    try:
        data = _parsed(path)
    except FileNotFoundError:
        raise ConfigError(f"{path} does not exist", path=path) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"not valid TOML: {exc}", path=path) from None
    root = path.parent.resolve()
    meta = data.get("edition")
    if not isinstance(meta, dict):
        raise ConfigError("the [edition] table is missing", path=path,
                          hint="see the README for the keys it needs")
    for key in ("id", "title"):
        if not meta.get(key):
            raise ConfigError(f"[edition] needs a `{key}`", path=path)
    paths = data.get("paths", {})
    transcripts = root / paths.get("transcripts", "transcripts")
    transcripts_real = os.fspath(transcripts.resolve())
    sources = []
    seen: set[str] = set()
    for number, entry in enumerate(data.get("source", []), start=1):
        for key in ("file", "id", "profile"):
            if not entry.get(key):
                raise ConfigError(f"source {number} needs a `{key}`", path=path)
        if entry["id"] in seen:
            raise ConfigError(f"source id {entry['id']!r} is used twice", path=path,
                              hint="every source needs its own id")
        seen.add(entry["id"])
        rest = {k: v for k, v in entry.items() if k not in {"file", "id", "profile", "kind"}}
        # normpath on strings, not resolve(): one realpath per source costs an
        # edition of 10,000 sources seconds on every command (the folder is
        # resolved once), and a pathlib join a tenth of a second.
        sources.append(Source(file=Path(os.path.normpath(os.path.join(transcripts_real, entry["file"]))),
                              id=entry["id"],
                              profile=entry["profile"], kind=entry.get("kind", "document"),
                              metadata=rest))
    return Edition(
        root=root,
        id=meta["id"],
        version=str(meta.get("version", "0.1.0")),
        title=meta["title"],
        editors=tuple(meta.get("editors", [])),
        publisher=meta.get("publisher", ""),
        pub_place=meta.get("pub-place", ""),
        licence=meta.get("licence", ""),
        licence_url=meta.get("licence-url", ""),
        languages=tuple(meta.get("languages", ["en"])),
        description=meta.get("description", ""),
        transcripts_dir=transcripts,
        tei_dir=root / paths.get("tei", "tei"),
        output_dir=root / paths.get("output", "output"),
        sources=tuple(sources),
        raw=data,
    )

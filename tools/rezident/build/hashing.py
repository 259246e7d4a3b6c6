"""Content hashes of the files a build reads, remembered by their stat data.

Staleness is decided by content, never by timestamps: a file touched but not
changed is not rebuilt, and a file changed within the same clock tick is. To
keep a no-op build of thousands of documents fast, each file's hash is
remembered together with its size, inode, mtime and ctime (as git's index
does), and read again only when one of those moved; a hash is remembered only
once the file has settled (``rezident.filestate``).
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Iterable
from pathlib import Path

from ..filestate import StatKey, settled, stat_key

_CHUNK = 1 << 20


def digest(*parts: str | bytes) -> str:
    """A short, stable hash of ``parts`` (each one framed by its length, so
    ("ab", "c") != ("a", "bc")). Called tens of thousands of times by a no-op
    build of a large edition: one encode and one hash call per digest."""
    framed = b"".join(b"%d:%s;" % (len(data), data) for data in
                      (part.encode("utf-8") if isinstance(part, str) else part for part in parts))
    return hashlib.blake2b(framed, digest_size=16).hexdigest()


def hash_file(path: Path) -> str:
    h = hashlib.blake2b(digest_size=16)
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            h.update(chunk)
    return h.hexdigest()


class FileHashes:
    """File hashes, memoized by stat data; ``known`` is what a previous build remembered."""

    def __init__(self, known: dict[str, tuple[StatKey, str]] | None = None,
                 now_ns: int | None = None):
        self._known = known or {}
        self._now = time.time_ns() if now_ns is None else now_ns
        self.fresh: dict[str, tuple[StatKey, str]] = {}  # what to remember for next time
        self.hashed = 0  # files actually read, for tests and the benchmark

    def of(self, path: Path | str, st: os.stat_result | None = None) -> str:
        key = str(path)
        st = st if st is not None else os.stat(path)
        skey = stat_key(st)
        known = self._known.get(key)
        if known is not None and known[0] == skey:
            self.fresh[key] = known
            return known[1]
        value = hash_file(path)
        self.hashed += 1
        if settled(st, self._now):
            self.fresh[key] = (skey, value)
        return value

    def of_tree(self, root: Path, include: Iterable[str] = ("**/*",)) -> str:
        """One hash for every file under ``root`` matching ``include`` (names and contents)."""
        if not root.is_dir():
            return digest("missing", str(root))
        files: set[Path] = set()
        for pattern in include:
            files.update(p for p in root.glob(pattern) if p.is_file() and not _ignored(p, root))
        parts: list[str] = []
        for path in sorted(files):
            parts += [path.relative_to(root).as_posix(), self.of(path)]
        return digest(*parts)


def _ignored(path: Path, root: Path) -> bool:
    """Editor droppings and byte code are not inputs."""
    rel = path.relative_to(root).parts
    return (any(part.startswith(".") or part == "__pycache__" for part in rel)
            or path.suffix in {".pyc", ".pyo", ".swp"} or path.name.endswith("~"))

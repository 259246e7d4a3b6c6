"""Checking a bag, or an archive of one, against its own manifests.

Unlike a validator that stops at the first inconsistency, this names every
file that is missing, added or altered, in the payload and among the tag
files, so an archivist knows exactly what to restore. An archive is read in
place, never unpacked.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import BinaryIO, Protocol

from ..errors import RezidentError
from . import bagit_format as fmt
from .archive import ArchivedBag, archive_format
from .package import Progress


@dataclass
class Verification:
    """What verifying a bag found; ``ok`` when it found nothing."""

    bag: Path
    files: int = 0
    missing: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    altered: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.missing or self.added or self.altered or self.problems)

    def findings(self) -> list[str]:
        """One line per finding, bag paths as in the manifests."""
        return ([f"missing: {p}" for p in self.missing] + [f"added: {p}" for p in self.added]
                + [f"altered: {p}" for p in self.altered] + self.problems)


class BagFiles(Protocol):
    """The files of a bag wherever they are: bag path -> size, and a way to read each."""

    files: dict[str, int]
    outside: list[str]

    def open(self, path: str) -> BinaryIO: ...


class FolderBag:
    """A bag as a folder on disk."""

    def __init__(self, root: Path):
        self._paths = {p.relative_to(root).as_posix(): p for p in root.rglob("*") if p.is_file()}
        self.files = {name: path.stat().st_size for name, path in self._paths.items()}
        self.outside: list[str] = []

    def open(self, path: str) -> BinaryIO:
        return open(self._paths[path], "rb")


def _nfc(path: str) -> str:
    # File systems may change the normalization of names (macOS); a renamed
    # normalization is not an altered file.
    return unicodedata.normalize("NFC", path)


def _unsafe(path: str) -> bool:
    pure = PurePosixPath(path)
    return pure.is_absolute() or ".." in pure.parts or "\\" in path


def verify(path: Path, progress: Progress | None = None) -> Verification:
    """Verify the bag folder or archive (.zip, .tar) at ``path``."""
    if path.is_dir():
        return check(FolderBag(path), path, progress, parallel=True)
    if path.is_file() and archive_format(path):
        with ArchivedBag(path) as bag:
            return check(bag, path, progress, parallel=False)
    raise RezidentError("not a bag folder, .zip or .tar", path=path,
                        hint="give the folder holding bagit.txt or an archive of one")


def check(bag: BagFiles, where: Path, progress: Progress | None = None,
          parallel: bool = False) -> Verification:
    """Compare ``bag``'s files (found at ``where``) with its manifests.

    ``parallel`` hashes in threads (a folder; an archive is read in order).
    """
    result = Verification(where)
    names = {_nfc(name): name for name in bag.files}

    def read_text(name: str, encoding: str = "utf-8") -> str:
        with bag.open(names[name]) as handle:
            return handle.read().decode(encoding)

    if "bagit.txt" not in names:
        result.problems.append("bagit.txt is missing: this is not a bag")
        return result
    tags = dict(fmt.parse_tags(read_text("bagit.txt", "utf-8-sig")))
    for required in ("BagIt-Version", "Tag-File-Character-Encoding"):
        if required not in tags:
            result.problems.append(f"bagit.txt lacks {required}")
    encoding = tags.get("Tag-File-Character-Encoding", "UTF-8")

    def manifests(prefix: str) -> dict[str, dict[str, str]]:
        found = {}
        for name in sorted(n for n in names if "/" not in n and n.startswith(f"{prefix}-")
                           and n.endswith(".txt")):
            algorithm = name[len(prefix) + 1:-4]
            if algorithm not in hashlib.algorithms_available:
                result.problems.append(f"{name}: unknown algorithm {algorithm!r}")
                continue
            try:
                found[algorithm] = fmt.parse_manifest(read_text(name, encoding))
            except (ValueError, UnicodeDecodeError, LookupError) as exc:
                result.problems.append(f"{name}: {exc}")
        return found

    payload = manifests("manifest")
    tag = manifests("tagmanifest")
    if not payload and not any(p.startswith("manifest-") for p in result.problems):
        result.problems.append("no payload manifest (manifest-<algorithm>.txt)")

    in_data = {n for n in names if n.startswith("data/")}
    expected: dict[str, dict[str, str]] = {}  # path -> algorithm -> digest
    for kind, lists in (("manifest", payload), ("tagmanifest", tag)):
        for algorithm, entries in lists.items():
            for listed, digest in entries.items():
                if _unsafe(listed):
                    result.problems.append(f"{kind}-{algorithm}.txt lists an unsafe path {listed!r}")
                    continue
                expected.setdefault(_nfc(listed), {})[algorithm] = digest
    for algorithm, entries in payload.items():
        listed = {_nfc(p) for p in entries}
        for path in sorted(in_data & set(expected) - listed):
            result.problems.append(f"{path} is not in manifest-{algorithm}.txt")

    result.missing = sorted(p for p in expected if p not in names)
    result.added = sorted(in_data - set(expected))
    if tag:
        tag_area = {n for n in names if n not in in_data and not n.startswith("tagmanifest-")}
        result.added += sorted(tag_area - set(expected))
    result.added += sorted(bag.outside)

    present = sorted(p for p in expected if p in names)
    done = 0

    def altered(path: str) -> bool:
        with bag.open(names[path]) as handle:
            digests = fmt.fixity_of_stream(handle, expected[path]).digests
        return any(digests[a] != expected[path][a] for a in digests)

    def advance(_: object) -> None:
        nonlocal done
        done += 1
        if progress:
            progress("verifying", done, len(present))

    if parallel:
        changed = fmt.parallel_map(altered, present, advance)
    else:
        changed = []
        for path in present:
            changed.append(altered(path))
            advance(path)
    result.altered = [p for p, c in zip(present, changed) if c]
    result.files = len(in_data)

    if "bag-info.txt" in names and not (result.missing or result.added or result.altered):
        oxum = dict(fmt.parse_tags(read_text("bag-info.txt", encoding))).get("Payload-Oxum")
        actual = f"{sum(bag.files[names[p]] for p in in_data)}.{len(in_data)}"
        if oxum and oxum != actual:
            result.problems.append(f"bag-info.txt: Payload-Oxum is {oxum}, the payload is {actual}")
    return result

"""Checking a bag, or an archive of one, against its own manifests.

Unlike a validator that stops at the first inconsistency, this names every
file that is missing, added or altered, in the payload and among the tag
files, so an archivist knows exactly what to restore.
"""

from __future__ import annotations

import hashlib
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ..errors import RezidentError
from . import bagit_format as fmt
from .archive import archive_format, extract
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


def _nfc(path: str) -> str:
    # File systems may change the normalization of names (macOS); a renamed
    # normalization is not an altered file.
    return unicodedata.normalize("NFC", path)


def _unsafe(path: str) -> bool:
    pure = PurePosixPath(path)
    return pure.is_absolute() or ".." in pure.parts or "\\" in path


def verify(path: Path, progress: Progress | None = None) -> Verification:
    """Verify the bag folder or archive at ``path``."""
    if path.is_dir():
        return verify_folder(path, progress)
    if path.is_file() and archive_format(path):
        with tempfile.TemporaryDirectory(prefix="rezident-verify-") as tmp:
            result = verify_folder(extract(path, Path(tmp)), progress)
            result.bag = path
            return result
    raise RezidentError("not a bag folder, .zip or .tar", path=path,
                        hint="give the folder holding bagit.txt or an archive of one")


def verify_folder(bag: Path, progress: Progress | None = None) -> Verification:
    result = Verification(bag)
    declaration = bag / "bagit.txt"
    if not declaration.is_file():
        result.problems.append("bagit.txt is missing: this is not a bag")
        return result
    tags = dict(fmt.parse_tags(declaration.read_text(encoding="utf-8-sig")))
    for label in ("BagIt-Version", "Tag-File-Character-Encoding"):
        if label not in tags:
            result.problems.append(f"bagit.txt lacks {label}")
    encoding = tags.get("Tag-File-Character-Encoding", "UTF-8")

    def manifests(prefix: str) -> dict[str, dict[str, str]]:
        found = {}
        for file in sorted(bag.glob(f"{prefix}-*.txt")):
            algorithm = file.name[len(prefix) + 1:-4]
            if algorithm not in hashlib.algorithms_available:
                result.problems.append(f"{file.name}: unknown algorithm {algorithm!r}")
                continue
            try:
                found[algorithm] = fmt.parse_manifest(file.read_text(encoding=encoding))
            except (ValueError, UnicodeDecodeError) as exc:
                result.problems.append(f"{file.name}: {exc}")
        return found

    payload = manifests("manifest")
    tag = manifests("tagmanifest")
    if not payload and not any(p.startswith("manifest-") for p in result.problems):
        result.problems.append("no payload manifest (manifest-<algorithm>.txt)")

    on_disk = {_nfc(p.relative_to(bag).as_posix()): p for p in bag.rglob("*") if p.is_file()}
    in_data = {p for p in on_disk if p.startswith("data/")}

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

    result.missing = sorted(p for p in expected if p not in on_disk)
    result.added = sorted(in_data - set(expected))
    if tag:
        tag_area = {p for p in on_disk if p not in in_data and not p.startswith("tagmanifest-")}
        result.added += sorted(tag_area - set(expected))

    present = sorted(p for p in expected if p in on_disk)
    done = 0

    def check(path: str) -> tuple[str, bool]:
        digests = fmt.fixity_of(on_disk[path], expected[path]).digests
        return path, any(digests[a] != expected[path][a] for a in digests)

    def advance(_: object) -> None:
        nonlocal done
        done += 1
        if progress:
            progress("verifying", done, len(present))

    result.altered = [p for p, changed in fmt.parallel_map(check, present, advance) if changed]
    result.files = len(in_data)

    info = bag / "bag-info.txt"
    if info.is_file() and not (result.missing or result.added or result.altered):
        oxum = dict(fmt.parse_tags(info.read_text(encoding=encoding))).get("Payload-Oxum")
        actual = f"{sum(on_disk[p].stat().st_size for p in in_data)}.{len(in_data)}"
        if oxum and oxum != actual:
            result.problems.append(f"bag-info.txt: Payload-Oxum is {oxum}, the payload is {actual}")
    return result

"""The BagIt format itself (RFC 8493, BagIt 1.0): manifests and tag files.

Written here rather than with ``bagit.make_bag``, which changes the process's
working directory while it runs and declares BagIt 0.97; the ``bagit`` library
remains the independent check (``tests/deposit`` validates every bag with it).
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

BAGIT_VERSION = "1.0"
ALGORITHMS = ("sha256", "sha512")
BLOCK = 1 << 20


def quote_path(path: str) -> str:
    """A path as a manifest line writes it: RFC 8493 §2.1.3 percent-encodes CR, LF and %."""
    return path.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def unquote_path(text: str) -> str:
    return re.sub(r"%(0[dD]|0[aA]|25)",
                  lambda m: {"0d": "\r", "0a": "\n", "25": "%"}[m.group(1).lower()], text)


@dataclass(frozen=True)
class Fixity:
    """What the manifests say about one file."""

    size: int
    digests: Mapping[str, str]  # algorithm -> lowercase hex


def copy_with_fixity(source: Path, target: Path, algorithms: Iterable[str] = ALGORITHMS) -> Fixity:
    """Copy ``source`` to ``target`` and hash it in the same single read."""
    hashers = {name: hashlib.new(name) for name in algorithms}
    size = 0
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(source, "rb") as src, open(target, "wb") as dst:
        while block := src.read(BLOCK):
            size += len(block)
            for hasher in hashers.values():
                hasher.update(block)
            dst.write(block)
    return Fixity(size, {name: h.hexdigest() for name, h in hashers.items()})


def fixity_of(path: Path, algorithms: Iterable[str] = ALGORITHMS) -> Fixity:
    with open(path, "rb") as handle:
        return fixity_of_stream(handle, algorithms)


def fixity_of_bytes(data: bytes, algorithms: Iterable[str] = ALGORITHMS) -> Fixity:
    return Fixity(len(data), {name: hashlib.new(name, data).hexdigest() for name in algorithms})


def fixity_of_stream(handle: BinaryIO, algorithms: Iterable[str] = ALGORITHMS) -> Fixity:
    """Hash what ``handle`` gives, with every algorithm in the same single read."""
    hashers = {name: hashlib.new(name) for name in algorithms}
    size = 0
    while block := handle.read(BLOCK):
        size += len(block)
        for hasher in hashers.values():
            hasher.update(block)
    return Fixity(size, {name: h.hexdigest() for name, h in hashers.items()})


def parallel_map(func: Callable, items: list, on_done: Callable[[object], None] | None = None) -> list:
    """Hashing releases the GIL on large blocks: a few threads keep the disk busy."""
    workers = min(4, os.cpu_count() or 1, max(1, len(items)))
    results = []
    with ThreadPoolExecutor(max_workers=workers) as pool:
        for item, result in zip(items, pool.map(func, items)):
            results.append(result)
            if on_done is not None:
                on_done(item)
    return results


def manifest_text(fixities: Mapping[str, Fixity], algorithm: str) -> str:
    """One manifest: ``<digest> <path>`` per file, sorted by path for reproducible bags."""
    return "".join(f"{fixities[path].digests[algorithm]}  {quote_path(path)}\n"
                   for path in sorted(fixities))


# RFC 8493 lines end in LF, CR or CRLF (not in the other breaks str.splitlines knows);
# a checksum and its path are separated by spaces or tabs.
LINE_BREAK = re.compile(r"\r\n|\r|\n")
MANIFEST_LINE = re.compile(r"([0-9A-Fa-f]+)[ \t]+(.+)", re.DOTALL)


def lines(text: str) -> list[str]:
    parts = LINE_BREAK.split(text)
    return parts[:-1] if parts and parts[-1] == "" else parts


def parse_manifest(text: str) -> dict[str, str]:
    """path -> digest; raises ValueError naming the first malformed line."""
    entries: dict[str, str] = {}
    for number, line in enumerate(lines(text), start=1):
        if not line.strip(" \t"):
            continue
        match = MANIFEST_LINE.fullmatch(line)
        if match is None:
            raise ValueError(f"line {number} is not `<checksum> <path>`")
        entries[unquote_path(match.group(2))] = match.group(1).lower()
    return entries


def tag_text(fields: Iterable[tuple[str, str]]) -> str:
    """``Label: value`` lines, in the given order; values are kept on one line."""
    return "".join(f"{label}: {' '.join(str(value).split())}\n" for label, value in fields)


def parse_tags(text: str) -> list[tuple[str, str]]:
    """Tag lines with RFC 8493 continuation lines (indented) joined to their label."""
    fields: list[tuple[str, str]] = []
    for line in lines(text):
        if line[:1] in (" ", "\t") and fields:
            label, value = fields[-1]
            fields[-1] = (label, f"{value} {line.strip()}")
        elif ":" in line:
            label, value = line.split(":", 1)
            fields.append((label.strip(), value.strip()))
    return fields


def bagit_txt() -> str:
    return f"BagIt-Version: {BAGIT_VERSION}\nTag-File-Character-Encoding: UTF-8\n"


def payload_oxum(fixities: Mapping[str, Fixity]) -> str:
    """``<octets>.<files>``: lets a receiver check completeness before hashing."""
    return f"{sum(f.size for f in fixities.values())}.{len(fixities)}"


def human_size(octets: int) -> str:
    size = float(octets)
    for unit in ("B", "KB", "MB", "GB", "TB"):
        if size < 1000 or unit == "TB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1000
    raise AssertionError("unreachable")

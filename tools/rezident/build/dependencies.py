"""What a document depends on beyond its own file: the register entries it points to.

A document page shows the names, variants and cover names of the people,
organisations and places it mentions, so it must be rebuilt when one of those
entries changes, and only then: editing Beriya's entry rebuilds the documents
that mention Beriya, not the edition. Pointers are read generically (any
attribute token ``file.xml#id`` or ``file.xml`` that resolves to an existing
file), so foreign TEI with its own authority files is handled the same way.
An entry's hash covers the entries it points to in turn (a person's
affiliation names an organisation).
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from .hashing import FileHashes, digest

XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def _tokens(value: str) -> Iterator[str]:
    for token in value.split():
        if token.startswith("#"):
            continue
        file_part = token.split("#", 1)[0]
        scheme = file_part.split("/", 1)[0]
        if ":" in scheme:  # http:, urn:, mailto: ... are not files of the edition
            continue
        if "#" in token or file_part.endswith(".xml"):
            yield token


def pointer_key(base: Path, token: str, root: Path) -> str | None:
    """``token`` written in a file in folder ``base`` as ``path#id`` relative to ``root``;
    None when it names no existing file."""
    file_part, _, fragment = token.partition("#")
    name = _file_key(str(base), file_part, str(root))
    if name is None:
        return None
    return f"{name}#{fragment}" if fragment else name


@lru_cache(maxsize=4096)
def _file_key(base: str, file_part: str, root: str) -> str | None:
    """Documents of one folder point at the same few registers: resolve each once
    per process (a build does not run long enough for registers to come and go)."""
    target = os.path.normpath(os.path.join(base, file_part))
    if not os.path.isfile(target):
        return None
    relative = os.path.relpath(target, root)
    return Path(target).as_posix() if relative.startswith("..") else Path(relative).as_posix()


# An attribute value, double- or single-quoted. Read from the bytes rather than
# parsed: a tenth of the cost of a parse, and a value matched outside a tag
# (in a comment, say) can only add a dependency, never lose one.
_ATTRIBUTE = re.compile(rb"""=\s*(?:"([^"<]*)"|'([^'<]*)')""")


def forget_files() -> None:
    _file_key.cache_clear()


def read_pointers(tei_path: Path, root: Path) -> list[str]:
    """Every pointer from ``tei_path`` into another file (sorted, unique)."""
    data = tei_path.read_bytes()
    found: set[str] = set()
    resolved: dict[str, str | None] = {}
    base = tei_path.parent
    own = pointer_key(base, tei_path.name, root)
    for match in _ATTRIBUTE.finditer(data):
        raw = match.group(1) if match.group(1) is not None else match.group(2)
        if b".xml" not in raw and b"#" not in raw:
            continue
        value = raw.decode("utf-8", "replace")
        if "&" in value:
            value = html.unescape(value)
        for token in _tokens(value):
            if token not in resolved:
                key = pointer_key(base, token, root)
                if key is not None and key.split("#", 1)[0] == own:
                    key = None
                resolved[token] = key
            if resolved[token] is not None:
                found.add(resolved[token])
    return sorted(found)


class Registers:
    """Hashes of the files and entries documents point to.

    ``known`` maps a register's content hash to its parsed entries
    ``{id: [own hash, [pointers]]}`` from a previous build, so an unchanged
    register is not parsed again; ``parsed`` holds what to remember.
    """

    def __init__(self, root: Path, hashes: FileHashes,
                 known: dict[str, dict[str, list]] | None = None):
        self.root = root
        self.hashes = hashes
        self._known = known or {}
        self.parsed: dict[str, dict[str, list]] = {}
        self._entries: dict[str, dict[str, list]] = {}  # file name -> entries
        self._closure: dict[str, str] = {}

    def _path(self, name: str) -> Path:
        path = Path(name)
        return path if path.is_absolute() else self.root / path

    def _file_entries(self, name: str) -> dict[str, list]:
        entries = self._entries.get(name)
        if entries is None:
            file_hash = self.hashes.of(self._path(name))
            entries = self._known.get(file_hash)
            if entries is None:
                entries = _parse_entries(self._path(name), self.root)
            self.parsed[file_hash] = entries
            self._entries[name] = entries
        return entries

    def hash_of(self, pointer: str) -> str:
        """The hash of what ``pointer`` names and of every entry reachable from it.

        The hash covers the reachable set as a whole (sorted), so it does not
        depend on the order in which pointers are asked for, even where
        entries point at each other in a cycle.
        """
        value = self._closure.get(pointer)
        if value is None:
            reachable: dict[str, str] = {}
            stack = [pointer]
            while stack:
                current = stack.pop()
                if current not in reachable:
                    own, targets = self._own(current)
                    reachable[current] = own
                    stack.extend(targets)
            value = digest(*(f"{p}={h}" for p, h in sorted(reachable.items())))
            self._closure[pointer] = value
        return value

    def _own(self, pointer: str) -> tuple[str, list[str]]:
        """The hash of one file or entry by itself, and what it points to."""
        name, _, fragment = pointer.partition("#")
        path = self._path(name)
        if not path.is_file():
            return digest("missing", pointer), []
        if not fragment:
            return self.hashes.of(path), []
        entry = self._file_entries(name).get(fragment)
        if entry is None:
            return digest("missing", pointer), []
        return entry[0], entry[1]

    def hash_of_all(self, pointers: Iterable[str]) -> str:
        return digest(*(f"{p}={self.hash_of(p)}" for p in pointers))


def _parse_entries(path: Path, root: Path) -> dict[str, list]:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             remove_comments=True)
    tree = etree.parse(str(path), parser)
    entries: dict[str, list] = {}
    for element in tree.iter():
        ident = element.get(XML_ID)
        if not ident:
            continue
        targets: set[str] = set()
        for sub in element.iter():
            for value in sub.attrib.values():
                for token in _tokens(value):
                    key = pointer_key(path.parent, token, root)
                    if key is not None:
                        targets.add(key)
            for value in sub.attrib.values():  # same-file pointers: "#org-nkvd"
                for token in value.split():
                    if token.startswith("#") and len(token) > 1:
                        rel = pointer_key(path.parent, path.name, root)
                        if rel is not None:
                            targets.add(f"{rel}{token}")
        own = digest(etree.tostring(element, method="c14n"))
        entries[ident] = [own, sorted(targets)]
    return entries

"""Parsing XML that may come from anyone, safely.

Every part of rezident that reads a TEI file reads it through here. The parser
never touches the network, never loads a DTD or an external entity, and never
expands an entity, so XXE (reading local files or URLs through entities) and
entity bombs ("billion laughs") cannot work. A file whose DOCTYPE declares
entities or points at an external DTD is rejected with a message that says so,
rather than parsed with the declarations silently ignored: TEI needs neither.

lxml parsers are not thread-safe: ``parser()`` makes a new one; ``parse`` and
``parse_bytes`` reuse one per thread and set of options (making one costs
as much as parsing a small document).
"""

from __future__ import annotations

import os
import re
import threading
from pathlib import Path

from lxml import etree

from .errors import RezidentError

_ENTITY_HINT = ("write the characters themselves (UTF-8) or as numeric references (&#x2014;) "
                "and remove the DOCTYPE")

__all__ = ["MalformedXMLError", "UnsafeXMLError", "parse", "parse_bytes", "parser", "read"]


class MalformedXMLError(RezidentError):
    """The file is not well-formed XML; line and column say where libxml2 stopped."""


class UnsafeXMLError(RezidentError):
    """The file declares entities or an external DTD: refused, never expanded or fetched."""


def parser(**options) -> etree.XMLParser:
    """A parser that resolves nothing from outside the document and expands no entity."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=False,
        **options,
    )


_THREAD = threading.local()


def _reused_parser(options: dict) -> etree.XMLParser:
    """This thread's parser for ``options`` (a new one if they cannot be a key)."""
    try:
        key = frozenset(options.items())
        hash(key)
    except TypeError:
        return parser(**options)
    parsers = _THREAD.__dict__.setdefault("parsers", {})
    found = parsers.get(key)
    if found is None:
        found = parsers[key] = parser(**options)
    return found


def read(path: str | Path) -> bytes:
    """A file's bytes; unbuffered, which is several times cheaper than Path.read_bytes for small files."""
    with open(path, "rb", buffering=0) as handle:
        return handle.readall()


def parse(path: str | Path) -> etree._ElementTree:
    """Parse a file; its URL is kept so that relative references resolve from it."""
    path = Path(path)
    try:
        data = read(path)
    except OSError as exc:
        raise RezidentError(f"cannot read the file: {exc.strerror or exc}", path=path) from None
    return parse_bytes(data, path=path)


def parse_bytes(data: bytes, path: str | Path | None = None, base_url: str | None = None,
                **options) -> etree._ElementTree:
    """Parse XML held in memory; ``path`` names it in errors and is its base URL.

    ``options`` go to the parser, e.g. ``collect_ids=False`` so that a repeated
    xml:id is left to a validator to report instead of stopping the parse.
    """
    if base_url is None and path is not None:
        base_url = os.path.abspath(path)
    _refuse_declared_entities(data, path)  # before libxml2 sees them at all
    try:
        root = etree.fromstring(data, _reused_parser(options), base_url=base_url)
    except etree.XMLSyntaxError as exc:
        line, column = exc.position if exc.position else (exc.lineno, None)
        message = exc.msg.split(f", line {line}")[0] if exc.msg else "not well-formed"
        raise MalformedXMLError(f"not well-formed XML: {message}", path=path,
                                line=line or None, column=column or None,
                                hint="fix the markup at this place; nothing else in the file was checked"
                                ) from None
    tree = root.getroottree()
    _refuse_declarations(tree, data, path)
    return tree


_ROOT_START = re.compile(rb"<[A-Za-z_:]")
_ENTITY = re.compile(rb"<!ENTITY\s+(%\s+)?([^\s\"']+)")
_EXTERNAL_ID = re.compile(rb"<!DOCTYPE\s+[^\s\[>]+\s+(?:SYSTEM|PUBLIC\s+(?:\"[^\"]*\"|'[^']*'))\s*(\"[^\"]*\"|'[^']*')")


def _refuse_declared_entities(data: bytes, path: str | Path | None) -> None:
    """Refuse entity declarations in the prolog of a UTF-8/ASCII file before parsing it."""
    at = data.find(b"<!DOCTYPE")
    if at < 0:
        return
    root = _ROOT_START.search(data, at)
    prolog = data[at:root.start() if root else len(data)]
    external = _EXTERNAL_ID.match(prolog)
    if external:  # libxml2 reads a local external DTD to look up an undeclared entity
        raise UnsafeXMLError(
            f"the DOCTYPE refers to an external DTD ({external.group(1)[1:-1].decode('utf-8', 'replace')}), "
            "which is never loaded", path=path, line=data.count(b"\n", 0, at) + 1,
            hint="remove the DOCTYPE declaration: TEI is validated with RELAX NG, not a DTD")
    names = [m.group(2).decode("utf-8", "replace") for m in _ENTITY.finditer(prolog)]
    if names:
        raise UnsafeXMLError(
            f"the DOCTYPE declares entities ({', '.join(names[:5])}), which are never expanded",
            path=path, line=data.count(b"\n", 0, at) + 1, hint=_ENTITY_HINT)


def _refuse_declarations(tree: etree._ElementTree, data: bytes,
                         path: str | Path | None) -> None:
    """Reject a DOCTYPE that declares entities or refers to an external DTD."""
    info = tree.docinfo
    at = data.find(b"<!DOCTYPE")
    line = data.count(b"\n", 0, at) + 1 if at >= 0 else 1
    if info.system_url or info.public_id:
        raise UnsafeXMLError(
            f"the DOCTYPE refers to an external DTD ({info.system_url or info.public_id}), "
            "which is never loaded", path=path, line=line,
            hint="remove the DOCTYPE declaration: TEI is validated with RELAX NG, not a DTD")
    dtd = info.internalDTD
    if dtd is None:
        return
    entities = [entity.name for entity in dtd.iterentities()]
    if entities:
        raise UnsafeXMLError(
            f"the DOCTYPE declares entities ({', '.join(entities[:5])}), which are never expanded",
            path=path, line=line, hint=_ENTITY_HINT)

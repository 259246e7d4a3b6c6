"""Making TEI elements: one small helper so builders read like the TEI they write."""

from __future__ import annotations

from typing import Iterable, Union

from lxml import etree

from .. import TEI_NS, XML_NS

T = f"{{{TEI_NS}}}"
XML_ID = f"{{{XML_NS}}}id"
XML_LANG = f"{{{XML_NS}}}lang"

Node = Union[str, etree._Element]


def el(name: str, attrs: dict[str, str] | None = None, *children: Node | Iterable[Node]) -> etree._Element:
    """A TEI element ``name`` (``xml:id``/``xml:lang`` spelt so) with children appended in order."""
    element = etree.Element(T + name, nsmap={None: TEI_NS})
    for key, value in (attrs or {}).items():
        if value is None:
            continue
        if key == "xml:id":
            key = XML_ID
        elif key == "xml:lang":
            key = XML_LANG
        element.set(key, value)
    for child in children:
        append(element, child)
    return element


def append(parent: etree._Element, nodes: Node | Iterable[Node] | None) -> etree._Element:
    """Append text and elements to ``parent`` keeping mixed content in order."""
    if nodes is None:
        return parent
    if isinstance(nodes, (str, etree._Element)):
        nodes = [nodes]
    for node in nodes:
        if isinstance(node, str):
            if not node:
                continue
            try:
                last = parent[-1]   # found from the end: len(parent) would walk every child
            except IndexError:
                parent.text = (parent.text or "") + node
            else:
                last.tail = (last.tail or "") + node
        else:
            parent.append(node)
    return parent


def local(element: etree._Element) -> str:
    """The element's name without the TEI namespace ('' for comments and PIs)."""
    tag = element.tag
    try:
        return _LOCAL[tag]   # called for nearly every element the converter touches: one dict look-up
    except KeyError:
        name = "" if not isinstance(tag, str) else tag[len(T):] if tag.startswith(T) else tag
        _LOCAL[tag] = name
        return name


_LOCAL: dict[object, str] = {}

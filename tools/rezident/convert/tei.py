"""Making TEI elements: one small helper so builders read like the TEI they write."""

from __future__ import annotations

from collections.abc import Iterable

from lxml import etree

from .. import TEI_NS, XML_NS

T = f"{{{TEI_NS}}}"
XML_ID = f"{{{XML_NS}}}id"
XML_LANG = f"{{{XML_NS}}}lang"

Node = str | etree._Element


def el(name: str, attrs: dict[str, str] | None = None, *children: Node | Iterable[Node] | None) -> etree._Element:
    """A TEI element ``name`` (``xml:id``/``xml:lang`` spelt so) with children appended in order."""
    # Copied from a prototype with the same name and attributes: copying costs a fifth of making
    # an element with its namespace map and setting its attributes one by one, and most elements
    # repeat (a gap of 13 groups, a category of the header, a mention of the same person).
    key = (name, *attrs.items()) if attrs else name
    prototype = _PROTOTYPES.get(key)
    if prototype is None:
        if len(_PROTOTYPES) >= 4096:   # ids and dates that do not repeat: start afresh now and then
            _PROTOTYPES.clear()
        prototype = _PROTOTYPES[key] = _make(name, attrs)
    element = prototype.__copy__()
    if len(children) == 1 and isinstance(children[0], str):
        element.text = children[0] or None   # the common case (a word, a label) without the general loop
    elif len(children) == 1 and isinstance(children[0], list):
        _extend(element, None, children[0])   # the other common case: what the inline pass gave
    elif children:
        _extend(element, None, children)
    return element


def _make(name: str, attrs: dict[str, str] | None) -> etree._Element:
    element = etree.Element(T + name, nsmap={None: TEI_NS})
    for key, value in (attrs or {}).items():
        if value is not None:
            element.set(_ATTRIBUTES.get(key, key), value)
    return element


_PROTOTYPES: dict[object, etree._Element] = {}
_ATTRIBUTES = {"xml:id": XML_ID, "xml:lang": XML_LANG}


def append(parent: etree._Element, nodes: Node | Iterable[Node] | None) -> etree._Element:
    """Append text and elements to ``parent`` keeping mixed content in order."""
    if nodes is not None:
        try:
            last = parent[-1]   # found from the end: len(parent) would walk every child
        except IndexError:
            last = None
        _extend(parent, last, (nodes,))
    return parent


def _extend(parent: etree._Element, last: etree._Element | None,
            nodes: Iterable[Node | Iterable[Node] | None]) -> etree._Element | None:
    """Append ``nodes`` after ``last``, the parent's last child (kept here, not looked up per node)."""
    for node in nodes:
        if isinstance(node, str):
            if node:
                if last is None:
                    parent.text = (parent.text or "") + node
                else:
                    last.tail = (last.tail or "") + node
        elif isinstance(node, etree._Element):
            parent.append(node)
            last = node
        elif node is not None:
            last = _extend(parent, last, node)
    return last


def local(element: etree._Element) -> str:
    """The element's name without the TEI namespace ('' for comments and PIs)."""
    try:
        return _LOCAL[element.tag]   # called for nearly every element the converter touches: one dict look-up
    except KeyError:
        return name_of(element.tag)


def name_of(tag: object) -> str:
    """The local name of a tag (``element.tag``: lxml makes a new string at every access, so read it once)."""
    try:
        return _LOCAL[tag]
    except KeyError:
        name = "" if not isinstance(tag, str) else tag[len(T):] if tag.startswith(T) else tag
        _LOCAL[tag] = name
        return name


_LOCAL: dict[object, str] = {}

"""Read a RELAX NG grammar (XML syntax) as element name -> allowed children and attributes.

Used to check that the edition's customization never allows, inside an
element, a child or an attribute that tei_all does not allow there.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from lxml import etree

RNG = "{http://relaxng.org/ns/structure/1.0}"
XML_NS = "http://www.w3.org/XML/1998/namespace"


def _name(node: etree._Element) -> str:
    if node.get("name"):
        name = node.get("name")
        return name if ":" not in name else "xml:" + name.split(":", 1)[1]
    child = node.find(RNG + "name")
    if child is None:
        return "*"
    ns = child.get("ns")
    return f"xml:{child.text}" if ns == XML_NS else child.text


def content_sets(path: Path) -> dict[str, tuple[set[str], set[str]]]:
    """For each element name: (child element names, attribute names), over all its patterns."""
    tree = etree.parse(str(path))
    defines: dict[str, list[etree._Element]] = defaultdict(list)
    for define in tree.iter(RNG + "define"):
        defines[define.get("name")].append(define)
    result: dict[str, tuple[set[str], set[str]]] = defaultdict(lambda: (set(), set()))

    def walk(node, seen, children, attributes):
        for child in node:
            if not isinstance(child.tag, str):
                continue
            if child.tag == RNG + "element":
                children.add(_name(child))
            elif child.tag == RNG + "attribute":
                attributes.add(_name(child))
            elif child.tag == RNG + "ref":
                target = child.get("name")
                if target not in seen:
                    seen.add(target)
                    for define in defines.get(target, []):
                        walk(define, seen, children, attributes)
            else:
                walk(child, seen, children, attributes)

    for element in tree.iter(RNG + "element"):
        children, attributes = result[_name(element)]
        walk(element, set(), children, attributes)
    return dict(result)

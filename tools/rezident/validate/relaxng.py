"""RELAX NG validation with lxml, and libxml2's errors made readable.

libxml2 reports a RELAX NG failure as a cascade: the innermost element first,
then every ancestor whose content "failed to validate", often with line 0
and never with a column. Only the first error on each branch is kept, located
on the element it names, and an invalid attribute value is told together
with the values the schema allows there.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from lxml import etree

from .. import safexml
from ..errors import ConfigError
from .locate import SourceLocator

RNG_NS = "{http://relaxng.org/ns/structure/1.0}"
XML_NS = "http://www.w3.org/XML/1998/namespace"

_GOT = re.compile(r"got (\S+?)$")
_ELEMENT = re.compile(r"[Ee]lement (\S+?)(?:[\s,:]|$)")
_INVALID_ATTRIBUTE = re.compile(r"Invalid attribute (\S+) for element (\S+)")


@dataclass(frozen=True)
class RngError:
    """One kept RELAX NG error, on the element it is about (None if it names none)."""

    line: int
    message: str
    element: etree._Element | None


class CompiledRelaxNG:
    """A RELAX NG grammar (XML syntax) loaded once."""

    def __init__(self, path: Path):
        self.path = path
        try:
            self._grammar_tree = safexml.parse(path)
            self._schema = etree.RelaxNG(self._grammar_tree)
        except safexml.MalformedXMLError as exc:
            raise ConfigError(f"the RELAX NG schema is not well-formed: {exc.message}",
                              path=path, line=exc.line) from None
        except etree.RelaxNGParseError as exc:
            raise ConfigError(f"not a usable RELAX NG schema: {exc}", path=path) from None

    def validate(self, tree: etree._ElementTree) -> bool:
        return self._schema.validate(tree)

    @property
    def error_log(self) -> etree._ListErrorLog:
        """libxml2's raw errors of the last ``validate``."""
        return self._schema.error_log

    def errors(self, locator: SourceLocator) -> list[RngError]:
        """The errors of the last failed ``validate``, cascades removed."""
        kept: list[RngError] = []
        for entry in self.error_log:
            if entry.line <= 0 or entry.type_name == "RELAXNG_ERR_NOSTATE":
                continue
            element = self._element_named(entry.message, entry.line, locator)
            if element is None and kept:
                continue
            if element is not None and any(
                    k.element is not None and _is_ancestor_or_self(element, k.element)
                    for k in kept):
                continue
            kept.append(RngError(entry.line, self._explain(entry.message, element), element))
        return kept

    @staticmethod
    def _element_named(message: str, line: int, locator: SourceLocator) -> etree._Element | None:
        match = _GOT.search(message) or _ELEMENT.search(message)
        if not match:
            return locator.element_at(line, None)
        return locator.element_at(line, match.group(1).split(":")[-1])

    def _explain(self, message: str, element: etree._Element | None) -> str:
        if element is None:
            return message
        name = etree.QName(element).localname
        allowed_here = self.allowed_values.get(name, {})
        for attribute, value in element.attrib.items():
            key = "xml:" + attribute.split("}")[1] if attribute.startswith(f"{{{XML_NS}}}") else attribute
            allowed = allowed_here.get(key)
            if allowed and value not in allowed:
                return (f'{name}/@{key}="{value}" is not allowed; '
                        f"the schema allows: {', '.join(sorted(allowed))}")
        match = _INVALID_ATTRIBUTE.search(message)
        if not match:
            return message
        attribute = match.group(1)
        qualified = f"{{{XML_NS}}}{attribute[4:]}" if attribute.startswith("xml:") else attribute
        value = element.get(qualified)
        if value is None:
            return message
        return f'{name}/@{attribute}="{value}" does not fit here with the other attributes: {message}'

    @cached_property
    def allowed_values(self) -> dict[str, dict[str, set[str]]]:
        """element -> attribute -> the closed list of values the grammar allows (if closed)."""
        defines: dict[str, list[etree._Element]] = defaultdict(list)
        for define in self._grammar_tree.iter(RNG_NS + "define"):
            defines[define.get("name")].append(define)
        result: dict[str, dict[str, set[str]]] = defaultdict(dict)
        open_: set[tuple[str, str]] = set()

        def attributes(node, seen, found):
            for child in node:
                if not isinstance(child.tag, str):
                    continue
                if child.tag == RNG_NS + "attribute":
                    found.append(child)
                elif child.tag == RNG_NS + "ref" and child.get("name") not in seen:
                    seen.add(child.get("name"))
                    for define in defines.get(child.get("name"), []):
                        attributes(define, seen, found)
                elif child.tag != RNG_NS + "element":
                    attributes(child, seen, found)

        for element in self._grammar_tree.iter(RNG_NS + "element"):
            name = _pattern_name(element)
            found: list[etree._Element] = []
            attributes(element, set(), found)
            for attribute in found:
                key = _pattern_name(attribute)
                values = {v.text or "" for v in attribute.iter(RNG_NS + "value")}
                closed = values and not any(True for _ in attribute.iter(RNG_NS + "data",
                                                                          RNG_NS + "text"))
                if closed:
                    result[name].setdefault(key, set()).update(values)
                else:
                    open_.add((name, key))
        for name, key in open_:
            result[name].pop(key, None)
        return dict(result)


def _pattern_name(node: etree._Element) -> str:
    name = node.get("name")
    if name is None:
        child = node.find(RNG_NS + "name")
        if child is None:
            return "*"
        name = child.text or ""
        if child.get("ns") == XML_NS:
            return "xml:" + name
    return name.split(":")[-1] if not name.startswith("xml:") else name


def _is_ancestor_or_self(candidate: etree._Element, of: etree._Element) -> bool:
    node = of
    while node is not None:
        if node is candidate:
            return True
        node = node.getparent()
    return False

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
from datetime import date
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
        """The errors of the last failed ``validate``, cascades removed, causes named."""
        kept: list[RngError] = []
        for entry in self.error_log:
            if entry.line <= 0 or entry.type_name == "RELAXNG_ERR_NOSTATE":
                continue
            candidates = self._elements_named(entry.message, entry.line, locator)
            element = candidates[0] if candidates else None
            if element is None and kept:
                continue
            if element is not None and any(
                    k.element is not None and _is_ancestor_or_self(element, k.element)
                    for k in kept):
                continue
            kept.append(self._diagnose(entry.line, entry.message, candidates))
        return kept

    @staticmethod
    def _elements_named(message: str, line: int, locator: SourceLocator) -> list[etree._Element]:
        match = _GOT.search(message) or _ELEMENT.search(message)
        return locator.elements_at(line, match.group(1).split(":")[-1] if match else None)

    def _diagnose(self, line: int, message: str, candidates: list[etree._Element]) -> RngError:
        """The error, or the attribute value that caused it if one is found in or below the element.

        libxml2 names an element by its name and line only (several may
        match), and often blames an ancestor ("Element opener has extra
        content") when an attribute value below it is wrong; the grammar's
        value lists and datatypes find the value itself.
        """
        if not candidates:
            return RngError(line, message, None)
        for candidate in (e for c in candidates for e in c.iter(etree.Element)):
            problem = self._attribute_problem(candidate)
            if problem:
                return RngError(candidate.sourceline or line, problem, candidate)
        element = candidates[0]
        match = _INVALID_ATTRIBUTE.search(message)
        if match:
            attribute = match.group(1)
            qualified = f"{{{XML_NS}}}{attribute[4:]}" if attribute.startswith("xml:") else attribute
            value = element.get(qualified)
            if value is not None:
                message = (f'{etree.QName(element).localname}/@{attribute}="{value}" '
                           f"does not fit here with the other attributes: {message}")
        return RngError(line, message, element)

    def _attribute_problem(self, element: etree._Element) -> str | None:
        name = etree.QName(element).localname
        rules = self.attribute_rules.get(name)
        if rules is None:
            return None  # not an element of this grammar: libxml2's message says so
        for attribute, value in element.attrib.items():
            key = "xml:" + attribute.split("}")[1] if attribute.startswith(f"{{{XML_NS}}}") else attribute
            rule = rules.get(key)
            if rule is None:
                if "*" not in rules:
                    return f"{name} has no attribute {key} in this schema; remove it or use another element"
                continue
            problem = rule.problem(value)
            if problem:
                return f'{name}/@{key}="{value}" {problem}'
        return None

    @cached_property
    def attribute_rules(self) -> dict[str, dict[str, _AttributeRule]]:
        """element -> attribute -> what values the grammar allows there (over all its patterns)."""
        defines: dict[str, list[etree._Element]] = defaultdict(list)
        for define in self._grammar_tree.iter(RNG_NS + "define"):
            defines[define.get("name")].append(define)

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

        result: dict[str, dict[str, _AttributeRule]] = defaultdict(dict)
        for element in self._grammar_tree.iter(RNG_NS + "element"):
            rules = result[_pattern_name(element)]
            found: list[etree._Element] = []
            attributes(element, set(), found)
            for attribute in found:
                rule = rules.setdefault(_pattern_name(attribute), _AttributeRule())
                rule.add(attribute)
        return dict(result)


class _AttributeRule:
    """The values an attribute may take: listed values, datatypes, or anything."""

    def __init__(self) -> None:
        self.values: set[str] = set()
        self.datatypes: set[str] = set()
        self.anything = False

    def add(self, attribute: etree._Element) -> None:
        content = [c for c in attribute if isinstance(c.tag, str) and c.tag != RNG_NS + "name"]
        if not content or attribute.find(f".//{RNG_NS}list") is not None:
            self.anything = True  # text, or a list of tokens: left to libxml2's own message
        for node in attribute.iter(RNG_NS + "value", RNG_NS + "data", RNG_NS + "text"):
            if node.tag == RNG_NS + "value":
                self.values.add(" ".join((node.text or "").split()))
            elif node.tag == RNG_NS + "data":
                self.datatypes.add(node.get("type"))
            else:
                self.anything = True

    def problem(self, value: str) -> str | None:
        if self.anything or " ".join(value.split()) in self.values:
            return None
        if any(_DATATYPES.get(datatype, _ANY)(value) for datatype in self.datatypes):
            return None
        if self.values and not self.datatypes:
            return f"is not allowed; the schema allows: {', '.join(sorted(self.values))}"
        kinds = " or ".join(sorted(_KIND.get(d, d) for d in self.datatypes))
        listed = f" (or one of: {', '.join(sorted(self.values))})" if self.values else ""
        return f"is not {kinds}{listed}"


def _calendar_date(value: str) -> bool:
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(Z|[+-]\d{2}:\d{2})?", value.strip())
    if not match:
        return False
    try:
        date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return False
    return True


def _pattern(regex: str):
    compiled = re.compile(regex)
    return lambda value: compiled.fullmatch(value.strip()) is not None


_ANY = lambda value: True  # noqa: E731 - a datatype this check does not know: libxml2 judged it
_TZ = r"(Z|[+-]\d{2}:\d{2})?"
_DATATYPES = {
    "date": _calendar_date,
    "gYearMonth": _pattern(r"-?\d{4,}-(0[1-9]|1[0-2])" + _TZ),
    "gYear": _pattern(r"-?\d{4,}" + _TZ),
    "nonNegativeInteger": _pattern(r"\+?\d+"),
    "positiveInteger": _pattern(r"\+?0*[1-9]\d*"),
    "integer": _pattern(r"[+-]?\d+"),
    "decimal": _pattern(r"[+-]?(\d+(\.\d*)?|\.\d+)"),
    "NCName": _pattern(r"[^\W\d][\w.\-]*"),
    "ID": _pattern(r"[^\W\d][\w.\-]*"),
    "IDREF": _pattern(r"[^\W\d][\w.\-]*"),
    "language": _pattern(r"[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*"),
}
_KIND = {
    "date": "a real date (YYYY-MM-DD)",
    "gYearMonth": "a year and month (YYYY-MM)",
    "gYear": "a year (YYYY)",
    "nonNegativeInteger": "a whole number",
    "positiveInteger": "a positive whole number",
    "integer": "a whole number",
    "decimal": "a number",
    "NCName": "a name without spaces or colons",
    "ID": "an identifier (a name without spaces or colons)",
    "IDREF": "an identifier",
    "language": "a language tag (en, ru-Latn)",
}


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

"""Running the edition's Schematron (ISO, XSLT 1 query binding) fast, with lxml.

``schema/rezident.sch`` is the source of truth and runs unchanged in any ISO
Schematron processor (editors follow the xml-model instruction of each TEI
file). Inside rezident it is compiled, once per process, to an XSLT 1
stylesheet of our own instead of the ISO skeleton's: the skeleton walks the
whole document once per pattern and matches every node against every rule,
which costs several milliseconds per document; this one selects, per pattern,
only the nodes some rule's context can match, and lets template priorities
pick the first matching rule, as Schematron requires. Contexts are selected,
and the keys on an attribute indexed, in the forms libxml2 evaluates with one
walk (see ``_select_branch`` and ``_attribute_key``). Tests run both on the
same documents and compare what they report.

The rules look entries up in the registers with ``document()``. Those loads
go through a resolver that reads only local ``.xml`` files (never the
network), keeps each one cached while it is unchanged, and refuses everything
else; the XSLT may not write anything.

Two tests are evaluated in Python instead: ``ref-resolves`` looks every @ref
up in the registers, and libxslt would re-read the registers for every
document it checks (its document() cache lives for one transformation), so
the Python test keeps each register's ids in memory while the file is
unchanged; ``id-unique`` counts ids once instead of once per element. The
rules' contexts, variables and messages still come from the .sch, and the
tests check that both engines agree.

Supported: ``ns``, ``let`` (schema, pattern and rule level), ``pattern``,
``rule``, ``assert`` and ``report`` with ``value-of`` and ``name`` in their
messages, and ``xsl:key``. Abstract patterns and rules, ``extends`` and
``include`` are refused with a message rather than run wrongly.
"""

from __future__ import annotations

import functools
import os
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

from lxml import etree

from .. import safexml
from ..errors import ConfigError, RezidentError

SCH_NS = "http://purl.oclc.org/dsdl/schematron"
XSL_NS = "http://www.w3.org/1999/XSL/Transform"
RESULT_NS = "urn:rezident:schematron-result"
_SCH = f"{{{SCH_NS}}}"
_XSL = f"{{{XSL_NS}}}"
RESULT_NS_TAG = f"{{{RESULT_NS}}}"
_XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
_ALL_IDS = etree.XPath("//*/@xml:id", smart_strings=False)  # one walk over elements, not all nodes

# Given a document, the test of one context element (True: the assert holds; a string: it
# fails, and this is a more precise message than the assert's own), or None when the assert
# holds for every element of the document (its contexts are then not even looked up).
PythonTest = Callable[[etree._ElementTree], Callable[[etree._Element], bool | str] | None]

_ACCESS = etree.XSLTAccessControl(read_file=True, write_file=False, create_dir=False,
                                  read_network=False, write_network=False)


@dataclass(frozen=True)
class Failure:
    """A failed assert or a successful report, on the element it is about.

    ``element`` is None only when the rules could not run at all.
    """

    rule: str
    role: str
    message: str
    element: etree._Element | None


@dataclass(frozen=True)
class _Delegated:
    """An assert whose test runs in Python; the rest (context, lets, message) is the .sch's."""

    rule: str
    role: str
    select: etree.XPath
    lets: tuple[tuple[str, etree.XPath], ...]
    message: tuple[str | etree.XPath, ...]
    test: PythonTest


class _RegisterIds:
    """The xml:ids of each register file, read once per change of the file."""

    def __init__(self) -> None:
        self._cache: dict[str, tuple[tuple[int, int], frozenset[str]]] = {}
        self._checked: set[str] = set()  # files whose state is known for the current document

    def new_document(self) -> None:
        """Look at the files again (once) before the next document uses them."""
        self._checked.clear()

    def exists(self, path: str) -> bool:
        """Whether the file was there when its ids were last looked up."""
        return path in self._cache

    def ids(self, path: str) -> frozenset[str]:
        cached = self._cache.get(path)
        if path in self._checked and cached is not None:
            return cached[1]
        try:
            stat = os.stat(path)
        except OSError:
            self._cache.pop(path, None)
            return frozenset()
        self._checked.add(path)
        key = (stat.st_mtime_ns, stat.st_size)
        if cached is None or cached[0] != key:
            try:
                tree = safexml.parse(path)
                ids = frozenset(e.get(_XML_ID) for e in tree.iter(etree.Element)
                                if e.get(_XML_ID) is not None)
            except RezidentError:
                ids = frozenset()
            cached = (key, ids)
            self._cache[path] = cached
        return cached[1]


def _ref_resolves(registers: _RegisterIds) -> PythonTest:
    """ref-resolves: the id part names an element of the file part (this document if none)."""

    def for_document(tree: etree._ElementTree) -> Callable[[etree._Element], bool | str]:
        registers.new_document()
        base = tree.docinfo.URL or ""
        local: set[str] = set()
        in_file: dict[str, frozenset[str]] = {}  # file part of @ref -> its ids, for this document
        missing: dict[str, str] = {}  # file part naming no file -> where it was looked for

        def test(element: etree._Element) -> bool | str:
            file, _, identifier = (element.get("ref") or "").partition("#")
            if not identifier:
                return False
            if not file:
                if not local:
                    local.update(_ALL_IDS(tree))
                return identifier in local
            ids = in_file.get(file)
            if ids is None:
                path = "" if ":" in file else _resolve(base, file)
                ids = in_file[file] = registers.ids(path) if path.endswith(".xml") else frozenset()
                if path.endswith(".xml") and not registers.exists(path):
                    missing[file] = path
            if file in missing:
                return (f'@ref "{element.get("ref")}" does not resolve: there is no file {file} '
                        f"(seen from this document: {missing[file]}). Create the register there "
                        "or correct the reference.")
            return identifier in ids

        return test

    return for_document


# The rules as rezident.sch writes them (context, test): the Python tests stand for exactly these.
_REF_RESOLVES_RULE = ("tei:*[@ref]", """$id != '' and (($file = '' and key('ids', $id))
    or ($file != '' and not(contains($file, ':')) and document($file, /)/*[key('ids', $id)]))""")
_ID_UNIQUE_RULE = ("tei:*[@xml:id]", "count(key('ids', @xml:id)) = 1")


def _normalized(expression: str | None) -> str:
    return "".join((expression or "").split())


def _id_unique(tree: etree._ElementTree) -> Callable[[etree._Element], bool] | None:
    """id-unique: no other element of the document has the same xml:id."""
    identifiers = _ALL_IDS(tree)
    if len(set(identifiers)) == len(identifiers):
        return None
    counts = Counter(identifiers)
    return lambda element: counts[element.get(_XML_ID)] == 1


@functools.lru_cache(maxsize=4096)
def _resolve(base: str, reference: str) -> str:
    """The file a relative reference names, seen from the document at ``base``."""
    base_dir = os.path.dirname(unquote(urlparse(base).path) if base.startswith("file:") else base)
    return os.path.normpath(os.path.join(base_dir, unquote(reference)))


class _LocalXMLResolver(etree.Resolver):
    """Serves document() from local .xml files, cached while they are unchanged."""

    def __init__(self) -> None:
        super().__init__()
        self._cache: dict[str, tuple[tuple[int, int], bytes]] = {}

    def resolve(self, url, pubid, context):
        parsed = urlparse(url or "")
        if parsed.scheme not in ("", "file") or not parsed.path.endswith(".xml"):
            return self.resolve_string("<refused/>", context)
        path = unquote(parsed.path)
        try:
            stat = os.stat(path)
        except OSError:
            return self.resolve_string("<missing/>", context)
        key = (stat.st_mtime_ns, stat.st_size)
        cached = self._cache.get(path)
        if cached is None or cached[0] != key:
            with open(path, "rb") as handle:
                cached = (key, handle.read())
            self._cache[path] = cached
        return self.resolve_string(cached[1], context, base_url=path)


def _scan(expression: str) -> Iterator[tuple[int, str, int]]:
    """Each character of an XPath expression outside string literals (the
    quotes left out), its offset, and the bracket depth it stands at: an
    opening bracket at the depth outside it, a closing one at the depth it
    returns to."""
    depth, quote = 0, ""
    for i, char in enumerate(expression):
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char in "[(":
            yield i, char, depth
            depth += 1
        elif char in "])":
            depth -= 1
            yield i, char, depth
        else:
            yield i, char, depth


def _top_level(expression: str) -> Iterator[tuple[int, str]]:
    """The characters of an XPath expression outside brackets and string
    literals (brackets and quotes themselves left out), with their offsets."""
    return ((i, char) for i, char, depth in _scan(expression) if depth == 0 and char not in "[]()")


def _select(pattern: str) -> str:
    """An XSLT match pattern as an expression selecting every node it matches."""
    branches, start = [], 0
    for i, char in _top_level(pattern):
        if char == "|":
            branches.append(pattern[start:i])
            start = i + 1
    branches.append(pattern[start:])
    return " | ".join(_select_branch(b.strip()) for b in branches)


_NCNAME = r"[^\W\d][\w.-]*"
_NAME_TEST = rf"(?:\*|{_NCNAME}:\*|{_NCNAME}(?::{_NCNAME})?)"
# A name test whose only predicate asks for one or more attributes: tei:*[@ref], *[@a or @b].
_BY_ATTRIBUTES = re.compile(
    rf"(?P<step>{_NAME_TEST})\[\s*(?P<attributes>@{_NAME_TEST}(?:\s+or\s+@{_NAME_TEST})*)\s*\]")
_ONE_STEP = re.compile(rf"(?P<step>{_NAME_TEST})(?P<predicates>\[.*\])", re.DOTALL)
_PATH = re.compile(rf"@?{_NAME_TEST}(?:/@?{_NAME_TEST})*")
_BOOLEAN_CALL = re.compile(r"(?:not|boolean|starts-with|contains)\(")


def _select_branch(branch: str) -> str:
    """One branch of a match pattern as an expression selecting the same nodes, cheaply.

    libxml2 turns ``//tei:gap`` into one walk over the elements, but
    ``//tei:gap[p]`` into the set of every node of the document and a child
    step from each (``//x[1]`` means first child x): ``/descendant::tei:gap[p]``
    selects the same when ``p`` is a test, not a position, at a third of the
    cost. A predicate that only asks for attributes is cheaper still as an
    attribute walk: ``(//*/@ref)/parent::tei:*``, a fifth of ``//tei:*[@ref]``.
    """
    if branch.startswith("/"):
        return branch
    match = _BY_ATTRIBUTES.fullmatch(branch)
    if match:
        attributes = [a.strip() for a in match.group("attributes").split(" or ")]
        return f"({' | '.join('//*/' + a for a in attributes)})/parent::{match.group('step')}"
    match = _ONE_STEP.fullmatch(branch)
    if match:
        predicates = _top_level_groups(match.group("predicates"))
        if predicates and all(_is_boolean(p) for p in predicates):
            return "/descendant::" + branch
    return "//" + branch


def _top_level_groups(text: str) -> list[str] | None:
    """The contents of ``[a][b]...``, or None if ``text`` is not only predicates."""
    groups, start, level = [], 0, 0
    for i, char, depth in _scan(text):
        level = depth + 1 if char in "[(" else depth
        if depth != 0:
            continue
        if char in "[(":
            if char != "[" or i != start:
                return None
            start = i + 1
        elif char in "])":
            groups.append(text[start:i])
            start = i + 1
    return groups if level == 0 and start == len(text) else None


def _is_boolean(expression: str) -> bool:
    """Whether an XPath expression surely gives a boolean or node-set (a test, never a position).

    A comparison or ``and``/``or`` outside brackets binds loosest, so the
    whole is a boolean; so is a call of not() and the like around all of it;
    a plain path is a node-set. Anything else might be a number.
    """
    expression = expression.strip()
    for i, char in _top_level(expression):
        if char in "=<>" or expression.startswith((" or ", " and "), i):
            return True
    call = _BOOLEAN_CALL.match(expression)
    if call and _closes_at_end(expression, call.end() - 1):
        return True
    return _PATH.fullmatch(expression) is not None


def _closes_at_end(expression: str, opening: int) -> bool:
    """Whether the parenthesis at ``opening`` is closed by the last character."""
    return _closing(expression, opening) == len(expression) - 1


class CompiledSchematron:
    """An ISO Schematron (XSLT 1 binding) compiled once; ``run`` gives one document's failures."""

    def __init__(self, path: Path):
        self.path = path
        try:
            schema = safexml.parse(path).getroot()
        except safexml.MalformedXMLError as exc:
            raise ConfigError(f"the Schematron is not well-formed: {exc.message}", path=path,
                              line=exc.line) from None
        self._registers = _RegisterIds()
        python_tests = {
            "ref-resolves": (_REF_RESOLVES_RULE, _ref_resolves(self._registers)),
            "id-unique": (_ID_UNIQUE_RULE, _id_unique),
        }
        stylesheet, self._delegated = compile_to_xslt(schema, path, python_tests)
        parser = safexml.parser()
        parser.resolvers.add(_LocalXMLResolver())
        # libxslt's document() loads through the parser of the stylesheet's document.
        xslt_doc = etree.fromstring(etree.tostring(stylesheet), parser, base_url=str(path.resolve()))
        try:
            self._xslt = etree.XSLT(xslt_doc, access_control=_ACCESS)
        except etree.XSLTParseError as exc:
            raise ConfigError(f"the Schematron does not compile: {exc}", path=path) from None

    @property
    def python_rules(self) -> tuple[str, ...]:
        """The assert ids tested in Python rather than by the XSLT."""
        return tuple(check.rule for check in self._delegated)

    def run(self, tree: etree._ElementTree) -> list[Failure]:
        try:
            result = self._xslt(tree)
        except etree.XSLTApplyError as exc:
            return [Failure("schematron", "error", f"the Schematron rules could not run: {exc}", None)]
        failures = [*self._from_report(result.getroot(), tree)]
        for check in self._delegated:
            test = check.test(tree)
            if test is None:
                continue
            for node in check.select(tree):
                element = node if isinstance(node, etree._Element) else node.getparent()
                outcome = test(element)
                if outcome is True:
                    continue
                if isinstance(outcome, str):
                    text = outcome
                else:
                    variables: dict = {}
                    for name, expression in check.lets:
                        variables[name] = expression(node, **variables)
                    text = "".join(part if isinstance(part, str) else _string(part(node, **variables))
                                   for part in check.message)
                failures.append(Failure(check.rule, check.role, " ".join(text.split()), element))
        return failures

    @staticmethod
    def _from_report(root: etree._Element | None, tree: etree._ElementTree):
        if root is None or len(root) == 0:
            return
        elements = list(tree.getroot().iter(etree.Element))  # document order, as counted
        for item in root:
            index = int(item.get("element"))
            yield Failure(item.get("id") or "schematron", item.get("role") or "error",
                          " ".join("".join(item.itertext()).split()),
                          elements[index] if 0 <= index < len(elements) else None)


def _string(value) -> str:
    """XPath string() of a result: the first node's string value, or the atomic value."""
    if isinstance(value, list):
        if not value:
            return ""
        value = value[0]
        return value.xpath("string()") if isinstance(value, etree._Element) else str(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(value)
    return str(value)


def compile_to_xslt(schema: etree._Element, path: Path,
                    python_tests: dict[str, tuple[tuple[str, str], PythonTest]] | None = None
                    ) -> tuple[etree._Element, list[_Delegated]]:
    """The XSLT 1 stylesheet for what ``schema`` asserts and reports, and the asserts left to Python.

    ``python_tests`` maps an assert id to the (rule context, test) it was
    written for and a function that tests the same in Python (given the
    document, it returns the test of one context element). The function is
    used only while the .sch still says exactly that, and the rule is the only
    one of its pattern (so that "first matching rule" needs no XSLT); edit
    the rule and the XSLT runs it again. The rule's lets and the assert's
    message are evaluated, in Python, only when it fails.
    """
    given = python_tests or {}

    def python_test(check: etree._Element, rule: etree._Element) -> PythonTest | None:
        if check.tag != f"{_SCH}assert" or check.get("id") not in given:
            return None
        (context, test), function = given[check.get("id")]
        same = (_normalized(rule.get("context")), _normalized(check.get("test"))) == (
            _normalized(context), _normalized(test))
        return function if same else None

    delegated: list[_Delegated] = []
    if schema.tag != f"{_SCH}schema":
        raise ConfigError("not an ISO Schematron schema (sch:schema expected)", path=path)
    binding = (schema.get("queryBinding") or "xslt").lower()
    if binding not in ("xslt", "xpath"):
        raise ConfigError(f'queryBinding "{binding}" is not supported: use "xslt" (XSLT 1)', path=path)
    for unsupported in ("include", "extends"):
        found = schema.find(f".//{_SCH}{unsupported}")
        if found is not None:
            raise ConfigError(f"sch:{unsupported} is not supported", path=path, line=found.sourceline)

    namespaces = {ns.get("prefix"): ns.get("uri") for ns in schema.iterfind(f"{_SCH}ns")}
    key_function = _key_function(schema, namespaces)
    xsl = etree.Element(f"{_XSL}stylesheet", nsmap={"xsl": XSL_NS, "r": RESULT_NS, **namespaces},
                        version="1.0")
    etree.SubElement(xsl, f"{_XSL}output", method="xml", indent="no")
    by_attribute: set[str] = set()
    for declaration in schema.iterfind(f"{_XSL}key"):
        xsl.append(_attribute_key(declaration, by_attribute))
    for let in schema.iterfind(f"{_SCH}let"):
        etree.SubElement(xsl, f"{_XSL}variable", name=let.get("name"), select=let.get("value"))

    main = etree.SubElement(xsl, f"{_XSL}template", match="/")
    results = etree.SubElement(main, f"{RESULT_NS_TAG}failures")
    for p_index, pattern in enumerate(schema.iterfind(f"{_SCH}pattern")):
        if pattern.get("abstract") == "true" or pattern.get("is-a"):
            raise ConfigError("abstract patterns are not supported", path=path, line=pattern.sourceline)
        mode = f"p{p_index}"
        rules = [r for r in pattern.iterfind(f"{_SCH}rule")]
        if not rules:
            continue
        for let in pattern.iterfind(f"{_SCH}let"):
            etree.SubElement(xsl, f"{_XSL}variable", name=let.get("name"), select=let.get("value"))
        checks = [c for c in rules[0] if c.tag in (f"{_SCH}assert", f"{_SCH}report")]
        if len(rules) == 1 and checks and all(python_test(c, rules[0]) for c in checks):
            delegated += [_delegate(c, rules[0], namespaces, python_test(c, rules[0]), key_function)
                          for c in checks]
            continue  # nothing left for the XSLT to do in this pattern
        union = " | ".join(f"({_select(rule.get('context'))})" for rule in rules)
        etree.SubElement(results, f"{_XSL}apply-templates", select=union, mode=mode)
        for r_index, rule in enumerate(rules):
            if rule.get("abstract") == "true":
                raise ConfigError("abstract rules are not supported", path=path, line=rule.sourceline)
            template = etree.SubElement(xsl, f"{_XSL}template", match=rule.get("context"),
                                        mode=mode, priority=str(len(rules) - r_index))
            for let in rule.iterfind(f"{_SCH}let"):
                etree.SubElement(template, f"{_XSL}variable", name=let.get("name"),
                                 select=let.get("value"))
            for check in rule:
                if len(rules) == 1 and python_test(check, rule):
                    delegated.append(_delegate(check, rule, namespaces, python_test(check, rule),
                                               key_function))
                elif check.tag in (f"{_SCH}assert", f"{_SCH}report"):
                    test = check.get("test")
                    condition = f"not({test})" if check.tag == f"{_SCH}assert" else test
                    when = etree.SubElement(template, f"{_XSL}if", test=condition)
                    failure = etree.SubElement(when, f"{RESULT_NS_TAG}failure")
                    for name in ("id", "role"):
                        if check.get(name):
                            failure.set(name, check.get(name))
                    # Index of the element (an attribute's parent) in document order.
                    etree.SubElement(failure, f"{_XSL}attribute", name="element").append(
                        _value("count(ancestor-or-self::*[1]/preceding::*)"
                               " + count(ancestor-or-self::*[1]/ancestor::*)"))
                    _message(check, failure)
        # Nothing else: no built-in template may walk on into the children.
        etree.SubElement(xsl, f"{_XSL}template", match="node() | @*", mode=mode, priority="-10")
    for element in xsl.iter(etree.Element):
        for name in ("select", "test"):
            if by_attribute and element.get(name) and "key" in element.get(name):
                element.set(name, _keyed_by_attribute(element.get(name), by_attribute))
    return xsl, delegated


_KEY_ON_ATTRIBUTE = re.compile(rf"\s*(?P<step>{_NAME_TEST})\[\s*@(?P<attribute>{_NAME_TEST})\s*\]\s*")


def _attribute_key(declaration: etree._Element, by_attribute: set[str]) -> etree._Element:
    """The key for the XSLT: one on elements by an attribute of theirs indexes the attributes.

    libxslt finds the nodes of a key with ``//`` + its match, and
    ``//*[@xml:id]`` costs five times ``//*/@xml:id`` (a predicate on every
    element). The attributes' parents are the same elements in the same
    order, so every ``key('ids', ...)`` becomes ``(key('ids', ...)/parent::*)``.
    """
    match = _KEY_ON_ATTRIBUTE.fullmatch(declaration.get("match") or "")
    if match is None or (declaration.get("use") or "").strip() != "@" + match.group("attribute"):
        return _copy(declaration)
    by_attribute.add(declaration.get("name"))
    return etree.Element(f"{_XSL}key", name=declaration.get("name"),
                         match=f"{match.group('step')}/@{match.group('attribute')}", use=".")


def _keyed_by_attribute(expression: str, names: set[str]) -> str:
    """``expression`` with each call of a key in ``names`` taken to the attributes' parents."""
    out, i, quote = [], 0, ""
    while i < len(expression):
        char = expression[i]
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif expression.startswith("key(", i) and (i == 0 or not (expression[i - 1].isalnum()
                                                                   or expression[i - 1] in "_-.:$@")):
            name = re.match(r"key\(\s*(['\"])(.*?)\1", expression[i:])
            end = _closing(expression, i + 3)
            if name and name.group(2) in names and end is not None:
                inner = _keyed_by_attribute(expression[i + 4:end], names)
                out.append(f"(key({inner})/parent::*)")
                i = end + 1
                continue
        out.append(char)
        i += 1
    return "".join(out)


def _closing(expression: str, opening: int) -> int | None:
    """Where the parenthesis at ``opening`` is closed."""
    depth, quote = 0, ""
    for i in range(opening, len(expression)):
        char = expression[i]
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return i
    return None


def _key_function(schema: etree._Element, namespaces: dict[str, str]):
    """XSLT's key() for XPath evaluated in Python, from the schema's xsl:key declarations."""
    keys = {key.get("name"): (etree.XPath(_select(key.get("match")), namespaces=namespaces),
                              etree.XPath(f"string({key.get('use')})", namespaces=namespaces))
            for key in schema.iterfind(f"{_XSL}key")}

    def key(context, name, value):
        match, use = keys[str(name)]
        wanted = {_string([v]) for v in value} if isinstance(value, list) else {_string(value)}
        tree = context.context_node.getroottree()
        return [node for node in match(tree) if use(node) in wanted]

    return key


def _delegate(check: etree._Element, rule: etree._Element, namespaces: dict[str, str],
              test: PythonTest, key) -> _Delegated:
    def xpath(expression: str) -> etree.XPath:
        return etree.XPath(expression, namespaces=namespaces, extensions={(None, "key"): key})

    message: list[str | etree.XPath] = [check.text or ""]
    for child in check:
        if child.tag == f"{_SCH}value-of":
            message.append(xpath(f"string({child.get('select')})"))
        elif child.tag == f"{_SCH}name":
            message.append(xpath(f"name({child.get('path') or '.'})"))
        elif isinstance(child.tag, str):
            message.append("".join(child.itertext()))
        message.append(child.tail or "")
    return _Delegated(
        rule=check.get("id"), role=check.get("role") or "error",
        select=etree.XPath(_select(rule.get("context")), namespaces=namespaces),
        lets=tuple((let.get("name"), xpath(let.get("value"))) for let in rule.iterfind(f"{_SCH}let")),
        message=tuple(message), test=test)


def _value(select: str) -> etree._Element:
    element = etree.Element(f"{_XSL}value-of")
    element.set("select", select)
    return element


def _message(check: etree._Element, target: etree._Element) -> None:
    """The assert's text, with value-of and name turned into XSLT."""
    if check.text:
        _append_text(target, check.text)
    for child in check:
        if child.tag == f"{_SCH}value-of":
            target.append(_value(child.get("select")))
        elif child.tag == f"{_SCH}name":
            target.append(_value(f"name({child.get('path') or '.'})"))
        elif isinstance(child.tag, str):
            _append_text(target, "".join(child.itertext()))
        if child.tail:
            _append_text(target, child.tail)


def _append_text(target: etree._Element, text: str) -> None:
    node = etree.SubElement(target, f"{_XSL}text")
    node.text = text


def _copy(element: etree._Element) -> etree._Element:
    return etree.fromstring(etree.tostring(element))

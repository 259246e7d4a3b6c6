"""The diplomatic text: the transcript regenerated from a TEI document.

Each TEI construct the converter writes has one diplomatic form here, the
inverse of its convention (``[13 groups unrecovered]`` from
``<gap reason="cipher-unrecovered" quantity="13" unit="group"/>``). The
converter runs these same rules on every notation it encodes and keeps the
notation as text when they would not give back what the transcript had, so
the round trip holds by construction.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from lxml import etree

from .. import TEI_NS
from .tei import T, local, name_of

# gap/@reason -> the word the transcript uses after "[n groups ..."
CIPHER_GAP_WORDS = {
    "cipher-unrecovered": "unrecovered",
    "unrecoverable": "unrecoverable",
    "garbled": "garbled",
    "corrupt": "corrupt",
}
SIMPLE_GAPS = {"redacted": "[ ]", "omitted": "[...]"}

BLOCKS = {"p", "head", "ab", "item", "fw", "label", "opener", "closer", "dateline", "signed",
          "seg", "note", "list", "div", "bibl", "quote", "docDate"}
LAYOUT = {"text", "front", "body", "back", "div", "list"}
INLINE_HOLDERS = {"p", "item", "seg", "head", "ab", "note", "quote"}   # blocks inside these are not set apart

# A rule gives the diplomatic form of an element, or None when it does not apply.
Rule = Callable[[etree._Element, Callable[[etree._Element], str]], str | None]


def squeeze(text: str) -> str:
    """What the round trip compares: the text without ASCII whitespace."""
    # four C passes: several times faster than a regex (or str.translate on non-ASCII text)
    return text.replace(" ", "").replace("\n", "").replace("\t", "").replace("\r", "")


def _note(element: etree._Element, inner: Callable[[etree._Element], str]) -> str | None:
    kind, n = element.get("type"), element.get("n", "")
    body = inner(element)
    if kind == "original-term":
        return f"[{body}]"
    if kind == "comment":
        return body if _comment_label(element) is not None else f"[{n}] {body}"
    if kind == "source-comment":
        return f"{n}. {body}"
    if kind == "annotation" and n:
        return f"{n} {body}"
    return body


def _comment_label(note: etree._Element) -> etree._Element | None:
    """The label of a comment as written, where it differs from the reading in @n (``11`` for ii)."""
    first = note[0] if len(note) else None
    return first if first is not None and local(first) == "label" and not (note.text or "").strip() else None


def _label(element: etree._Element, inner: Callable[[etree._Element], str]) -> str | None:
    parent = element.getparent()
    if parent is not None and local(parent) == "note" and parent.get("type") == "comment" \
            and _comment_label(parent) is element:
        return f"[{inner(element)}]"
    return None


def _gap(element: etree._Element, inner: Callable[[etree._Element], str]) -> str | None:
    reason = element.get("reason", "")
    if reason in SIMPLE_GAPS:
        return SIMPLE_GAPS[reason]
    if reason in CIPHER_GAP_WORDS and element.get("unit") == "group":
        quantity = element.get("quantity", "")
        noun = "group" if quantity == "1" else "groups"
        return f"[{quantity} {noun} {CIPHER_GAP_WORDS[reason]}]"
    return None


def _choice(element: etree._Element, inner: Callable[[etree._Element], str]) -> str | None:
    parts = {local(child): child for child in element}
    if "abbr" in parts and "expan" in parts:
        return f"{inner(parts['abbr'])} [{inner(parts['expan'])}]"
    for original in ("sic", "orig"):
        if original in parts:
            return inner(parts[original])
    return None


def _wrapped(before: str, after: str) -> Rule:
    return lambda element, inner: f"{before}{inner(element)}{after}"


def _item(element: etree._Element, inner: Callable[[etree._Element], str]) -> str:
    parent = element.getparent()
    if parent is None or parent.get("type") != "bulleted":
        return inner(element)
    depth = sum(1 for ancestor in element.iterancestors() if local(ancestor) == "list") - 1
    return f"{'  ' * depth}- {inner(element)}"


def _unclear(element: etree._Element, inner: Callable[[etree._Element], str]) -> str | None:
    if element.get("reason") == "cipher-recovery":
        return f"[{element.get('n', '')}% {inner(element)}]"
    return None


def _when(attribute: str, value: str, before: str, after: str) -> Rule:
    """The form ``before…after`` for an element whose ``attribute`` is ``value``, else none."""
    return lambda element, inner: f"{before}{inner(element)}{after}" if element.get(attribute) == value else None


def _hi(element: etree._Element, inner: Callable[[etree._Element], str]) -> str | None:
    rend = element.get("rend")
    if rend == "bold":
        return f"**{inner(element)}**"
    if rend == "italic":
        return f"*{inner(element)}*"
    return None


def _title(element: etree._Element, inner: Callable[[etree._Element], str]) -> str | None:
    if element.get("type") == "alt" and element.get("{http://www.w3.org/XML/1998/namespace}lang") == "en":
        return f"[{inner(element)}]"
    return None


# one rule per element name, looked up once per element
BUILTIN_RULES: dict[str, Rule] = {
    "teiHeader": lambda element, inner: "",
    "gap": _gap,
    "note": _note,
    "choice": _choice,
    "label": _label,
    "supplied": _wrapped("[", "]"),
    "lb": lambda element, inner: "\n",
    "item": _item,
    "list": lambda element, inner: "\n" + inner(element),
    "unclear": _unclear,
    "ref": _when("type", "noteAnchor", "[", "]"),
    "del": _when("rend", "strikethrough", "~~", "~~"),
    "hi": _hi,
    "title": _title,
}


def builtin_form(element: etree._Element, inner: Callable[[etree._Element], str]) -> str | None:
    """The diplomatic form the built-in conventions give ``element``, if any."""
    rule = BUILTIN_RULES.get(local(element))
    return rule(element, inner) if rule else None


def _layout_text(text: str | None) -> str:
    """Text between the blocks of a layout element: only whitespace there is indentation."""
    return text if text and text.strip(" \t\r\n") else ""


class Regenerator:
    """Turns TEI back into transcript text; ``declared`` adds an edition's own notations."""

    def __init__(self, declared: Sequence[DeclaredForm] = ()):
        self.declared = tuple(declared)

    def element(self, element: etree._Element, parent: str | None = None) -> str:
        """The diplomatic form of ``element``; ``parent`` is its parent's local name when the caller knows it."""
        tag = element.tag
        if not isinstance(tag, str):
            return ""
        for form in self.declared:
            text = form.diplomatic_of(element, self.inner)
            if text is not None:
                return text
        name = name_of(tag)
        rule = BUILTIN_RULES.get(name)
        text = rule(element, self.inner) if rule else None
        if text is None:
            text = self.inner(element, name)
        if name in BLOCKS:
            if parent is None:
                above = element.getparent()
                parent = local(above) if above is not None else None
            if parent is not None and parent not in INLINE_HOLDERS:
                text = text + "\n\n"
        return text

    def inner(self, element: etree._Element, name: str | None = None) -> str:
        """The diplomatic text of ``element``'s content; ``name`` is its local name when known."""
        if name is None:
            name = local(element)
        form_of = self.element
        if name in LAYOUT:   # whitespace there is indentation, not text
            parts = [_layout_text(element.text)]
            for child in element:
                parts.append(form_of(child, name))
                parts.append(_layout_text(child.tail))
        else:
            parts = [element.text or ""]
            for child in element:
                parts.append(form_of(child, name))
                parts.append(child.tail or "")
        return "".join(parts)

    def nodes(self, nodes: Iterable[str | etree._Element]) -> str:
        return "".join(node if isinstance(node, str) else self.element(node) + (node.tail or "")
                       for node in nodes)

    def untidied(self, root: etree._Element) -> str:
        """The diplomatic text of a whole TEI document with the layout as built (what the round trip compares)."""
        text = root.find(f"{T}text")
        return "" if text is None else self.inner(text)

    def document(self, root: etree._Element) -> str:
        """The diplomatic text of a whole TEI document (front, body, back; no header)."""
        text = root.find(f"{T}text")
        if text is None:
            return ""
        out = self.inner(text)
        # Tidy the layout a reader sees; the round trip ignores ASCII whitespace anyway.
        out = re.sub(r"[ \t]+\n", "\n", out)
        out = re.sub(r"\n[ \t]+(?![ \t]|- )", "\n", out)   # nested bullets keep their indent
        out = re.sub(r"\n{3,}", "\n\n", out)
        return out.strip("\n ") + "\n"


class DeclaredForm:
    """The inverse of one convention an edition declared as data (see ``declared.py``)."""

    def __init__(self, name: str, element: etree._Element, diplomatic: str):
        self.name = name
        self.template = element
        self.diplomatic = diplomatic

    def diplomatic_of(self, element: etree._Element, inner: Callable[[etree._Element], str]) -> str | None:
        template = self.template
        if element.tag != template.tag:
            return None
        values: dict[str, str] = {}
        for key, wanted in template.attrib.items():
            got = element.get(key)
            if got is None:
                return None
            slot = _placeholder(wanted)
            if slot:
                values[slot] = got
            elif got != wanted:
                return None
        slot = _placeholder(template.text or "")
        if slot:
            values[slot] = inner(element)
        return _fill(self.diplomatic, values)


PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


def _placeholder(text: str) -> str | None:
    match = PLACEHOLDER.fullmatch(text.strip()) if text else None
    return match.group(1) if match else None


def _fill(template: str, values: dict[str, str]) -> str:
    return PLACEHOLDER.sub(lambda m: values.get(m.group(1), ""), template)


def regenerate(path: Path, declared: Sequence[DeclaredForm] = ()) -> str:
    """The diplomatic text of the TEI document at ``path``."""
    root = etree.parse(str(path)).getroot()
    if root.tag != f"{{{TEI_NS}}}TEI":
        from ..errors import RezidentError
        raise RezidentError("not a TEI document (the root element is not tei:TEI)", path=path)
    return Regenerator(declared).document(root)

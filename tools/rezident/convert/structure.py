"""The grouping pass: what every profile's grouping shares.

One module per profile under ``profiles/`` decides what the blocks of its kind
of source are (banner, re-issue field, numbered point, slide heading ...); the
``Builder`` here turns blocks into TEI with the inline pass and collects in
``Facts`` what the header needs (dates, reference numbers, classifications).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from .inline import Context
from .lines import Block
from .located import WS, Located
from .tei import Node, T, append, el

LEVELS = ("unclassified", "restricted", "confidential", "secret", "top-secret")


@dataclass
class Document:
    """One document of a transcript, as the header describes it."""

    subtype: str
    date: str | None = None
    classification: str | None = None
    title: str | None = None


@dataclass
class Facts:
    """What the text says about itself, for the header."""

    title: str | None = None
    fields: dict[str, Any] = field(default_factory=dict)
    classifications: list[str] = field(default_factory=list)
    pages: list[str] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    bibl: etree._Element | None = None
    archive: dict[str, str] | None = None
    date: str | None = None
    sender: etree._Element | None = None
    addressee: etree._Element | None = None


@dataclass
class Text:
    front: list[etree._Element] = field(default_factory=list)
    body: list[etree._Element] = field(default_factory=list)
    back: list[etree._Element] = field(default_factory=list)


def slug(text: str) -> str:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return "-".join(words[:6]) or "x"


class Builder:
    """Helpers every profile uses: blocks to paragraphs, banners, pages."""

    def __init__(self, ctx: Context, metadata: dict[str, Any], kind: str):
        self.ctx = ctx
        self.metadata = metadata
        self.kind = kind
        self.facts = Facts()
        self.ids: set[str] = set()

    def unique(self, base: str) -> str:
        candidate, n = base, 2
        while candidate in self.ids:
            candidate, n = f"{base}-{n}", n + 1
        self.ids.add(candidate)
        return candidate

    def inline(self, located: Located) -> list[Node]:
        return self.ctx.parse(located)

    def lines(self, located: Located) -> list[Node]:
        """A block whose line breaks matter (a caption, an address): lines joined by ``lb``."""
        nodes: list[Node] = []
        offset = 0
        for number, line in enumerate(located.text.split("\n")):
            if number:
                nodes.append(el("lb"))
            piece = located.slice(offset, offset + len(line)).strip()
            nodes.extend(self.inline(piece))
            offset += len(line) + 1
        return nodes

    def p(self, block: Block | Located, **attrs: str) -> etree._Element:
        located = block.located if isinstance(block, Block) else block
        return el("p", attrs, self.inline(located.strip()))

    def numbered(self, block: Block, name: str = "p", **attrs: str) -> etree._Element:
        """``5. As some ...`` keeps its printed number as ``label`` and in ``@n``."""
        n = block.parts["n"]
        label_end = len(n) + 1
        rest = block.located.slice(label_end)
        space = rest.text[:len(rest.text) - len(rest.text.lstrip(WS))]
        return el(name, {"n": n, **attrs}, el("label", None, f"{n}."), space, self.inline(rest.strip()))

    def banner(self, block: Block, where: str) -> etree._Element:
        level = block.parts["level"]
        key = level.lower().replace(" ", "-")
        self.facts.classifications.append(key)
        text = block.text.strip(WS)
        content: Node = el("del", {"rend": "strikethrough"}, text[2:-2]) if block.parts.get("struck") else text
        return el("fw", {"type": where, "subtype": "classification"}, content)

    def page(self, block: Block) -> list[etree._Element]:
        n = block.parts["n"]
        self.facts.pages.append(n)
        return [el("pb", {"n": n}), el("fw", {"type": "pageNum"}, block.text.strip(WS))]

    def exemptions(self, block: Block) -> list[Node]:
        return self.inline(block.located.strip())

    def catchword(self, block: Block) -> list[etree._Element]:
        next_page = str(len(self.facts.pages) + 2) if not self.facts.pages else str(int(self.facts.pages[-1]) + 1)
        self.facts.pages.append(next_page)
        return [el("fw", {"type": "catch", "place": "bottom"}, block.text.strip(WS)), el("pb", {"n": next_page})]


def starts_lower(block: Block) -> bool:
    text = block.text.lstrip(WS)
    return bool(text) and text[0].islower()


def append_all(target: list[etree._Element], nodes: list[Node]) -> None:
    """Top-level nodes into a list of elements (loose text between them is whitespace)."""
    for node in nodes:
        if isinstance(node, etree._Element):
            target.append(node)


def put_text(container: etree._Element, block: etree._Element) -> etree._Element:
    """Append a block of text where TEI allows it: after divisions, in a trailing section of its own."""
    if container.find(f"{T}div") is not None:
        last = container[-1]
        if not (etree.QName(last).localname == "div" and last.get("type") == "section"):
            last = el("div", {"type": "section"})
            append(container, last)
        container = last
    append(container, block)
    return container


def has_text(div: etree._Element) -> bool:
    """Whether a division has blocks of text yet (a closing may only follow them)."""
    return any(etree.QName(child).localname in ("p", "ab", "list", "div") for child in div)

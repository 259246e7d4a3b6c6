"""Archival records in translation from web pages: carrier text, sources, documents, points, annotations."""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from .. import dates
from ..conventions import BY_NAME
from ..lines import Block
from ..located import WS, ConversionWarning, Located, squash
from ..structure import Builder, Document, Text, has_text, put_text
from ..tei import Node, T, append, el

BIBL = re.compile(r"^(?P<label>[\s\u00a0]*A source:[\s\u00a0]*)(?P<authors>(?:[^\W\d][\w'-]* (?:[A-Z]\.\s?)+,?\s*)+)"
                  r"(?P<title>.+?)\.\s+(?P<place>[A-Z][\w]*\.),\s*(?P<year>\d{4})\.?\s*(?P<scope>S\.\s*[\d\u2010\-–]+)"
                  r"(?P<after>.*)$", re.S)
SHELFMARK = re.compile(r"(?P<all>(?P<repo>(?:CA|TsA) FSB)\.\s*F\.\s*(?P<fond>\d+)\.\s*(?:He|Op)\.\s*(?P<opis>\d+)\.\s*"
                       r"D\.\s*(?P<delo>\d+)\.\s*L\.\s*(?P<list>[\d\u2010\-–]+))")


def _source_block(b: Builder, block: Block) -> etree._Element:
    text = block.text
    if block.kind == "source":
        m = BIBL.match(text)
        if m:
            authors = [a.strip(WS) for a in re.split(r",\s*(?=[^\W\d])", m.group("authors").strip(WS).rstrip(","))]
            bibl = el("bibl")
            author_text = m.group("authors")
            pos = 0
            for a in authors:
                at = author_text.index(a, pos)
                append(bibl, [author_text[pos:at], el("author", None, a)])
                pos = at + len(a)
            append(bibl, [author_text[pos:], el("title", None, m.group("title")), text[m.end("title"):m.start("place")],
                          el("pubPlace", None, m.group("place")), text[m.end("place"):m.start("year")],
                          el("date", {"when": m.group("year")}, m.group("year")),
                          text[m.end("year"):m.start("scope")],
                          el("biblScope", {"unit": "page"}, m.group("scope"))])
            b.facts.bibl = bibl
            return el("div", {"type": "source"},
                      el("ab", None, m.group("label"), bibl, b.inline(block.located.slice(m.start("after")))))
    if block.kind == "archive":
        m = SHELFMARK.search(text)
        if m:
            b.facts.archive = {k: v for k, v in m.groupdict().items()}
            return el("div", {"type": "source"},
                      el("ab", None, b.inline(block.located.slice(0, m.start())),
                         el("idno", {"type": "archival"}, m.group("all")),
                         b.inline(block.located.slice(m.end()))))
    return el("div", {"type": "source"}, el("ab", None, b.inline(block.located.strip())))


def _heading_like(block: Block) -> bool:
    return block.kind == "text" and block.single_line and block.words <= 25


def _document_starts(blocks: list[Block], b: Builder) -> list[tuple[int, dict[str, Any]]]:
    """Where each document begins: as the configuration says, else where the page repeats its title."""
    declared = b.metadata.get("documents") or []
    starts: list[tuple[int, dict[str, Any]]] = []
    for spec in declared:
        for index, block in enumerate(blocks):
            if block.text.strip(WS).startswith(spec["starts"]) and all(index != s for s, _ in starts):
                starts.append((index, spec))
                break
        else:
            b.ctx.warnings.append(ConversionWarning(1, 1, f"no line starts with {spec['starts']!r}, where "
                                                          "edition.toml says a document begins"))
    if starts:
        return sorted(starts, key=lambda s: s[0])
    first = next((i for i, blk in enumerate(blocks) if blk.kind == "text"), 0)
    title = blocks[first].text.strip(WS) if blocks else ""
    repeat = next((i for i in range(first + 1, len(blocks)) if blocks[i].text.strip(WS) == title), None)
    if repeat is not None:
        return [(repeat, {})]
    start = next((i for i, blk in enumerate(blocks) if blk.kind != "carrier"), 0)
    return [(start, {})]


def _opening_line(b: Builder, block: Block) -> list[Node]:
    """A line at the top of a letter: a dateline, a banner, an address."""
    if block.kind == "banner":
        return [b.banner(block, "header")]
    found = dates.find_date(block.text)
    if found and block.single_line and len(block.text.split()) <= 8:
        match, iso = found
        located = block.located.strip()
        at = located.text.index(match.group())
        return [el("dateline", None, b.inline(located.slice(0, at)),
                   el("docDate", {"when": iso}, match.group()),
                   b.inline(located.slice(at + len(match.group()))))]
    return b.lines(block.located.strip())


def _line_blocks(block: Block) -> list[Block]:
    """Each line of a block on its own (the lines at the top of a letter are separate facts)."""
    out, offset = [], 0
    for line in block.text.split("\n"):
        out.append(Block(block.kind, block.located.slice(offset, offset + len(line)), block.parts))
        offset += len(line) + 1
    return out


def _carrier(b: Builder, blocks: list[Block]) -> etree._Element:
    div = el("div", {"type": "carrier"})
    for block in blocks:
        append(div, el("ab", None, squash(block.text)))
    return div


def archive_translation(blocks: list[Block], b: Builder) -> Text:
    out = Text()
    end = len(blocks)
    while end > 0 and blocks[end - 1].kind == "carrier":
        end -= 1
    starts = _document_starts(blocks[:end], b)
    if starts[0][0] > 0:
        out.front.append(_carrier(b, blocks[:starts[0][0]]))
    bounds = [s for s, _ in starts] + [end]
    several = len(starts) > 1
    for (first, spec), last in zip(starts, bounds[1:]):
        subtype = spec.get("subtype", b.kind)
        div = el("div", {"type": "document", "subtype": subtype})
        if several:
            div.set("{http://www.w3.org/XML/1998/namespace}id", b.unique(f"doc-{subtype}"))
        document = Document(subtype=subtype, date=spec.get("date"), classification=spec.get("classification"),
                            title=spec.get("title"))
        b.facts.documents.append(document)
        _document(b, blocks[first:last], div, document)
        out.body.append(div)
    if end < len(blocks):
        out.back.append(_carrier(b, blocks[end:]))
    return out


def _document(b: Builder, blocks: list[Block], div: etree._Element, document: Document) -> None:
    index = 0
    if blocks and _heading_like(blocks[0]):
        head = blocks[0]
        append(div, el("head", None, _dated(b, head.located.strip())))
        b.facts.title = b.facts.title or squash(head.text)
        found = dates.find_date(head.text)
        if found and not document.date:
            document.date = found[1]
        index = 1
    opener: etree._Element | None = None
    section: etree._Element | None = None
    while index < len(blocks) and blocks[index].kind in ("source", "archive"):
        append(div, _source_block(b, blocks[index]))
        index += 1
    while index < len(blocks) and blocks[index].kind in ("text", "banner") and _opening(blocks[index]):
        block = blocks[index]
        if opener is None:
            if div.find(f"{T}div") is not None:
                # an opening after the source divisions: it opens a division of its own
                section = el("div", {"type": "section"})
                append(div, section)
            opener = el("opener")
            append(section if section is not None else div, opener)
        elif len(opener) or opener.text:
            append(opener, el("lb"))
        nodes: list[Node] = []
        for number, line in enumerate(_line_blocks(block)):
            if number:
                nodes.append(el("lb"))
            nodes.extend(_opening_line(b, line))
        for node in nodes:
            if isinstance(node, etree._Element) and node.tag.endswith("}dateline"):
                when = node.find("{http://www.tei-c.org/ns/1.0}docDate").get("when")
                document.date = document.date or when
            if isinstance(node, etree._Element) and node.tag.endswith("}fw"):
                document.classification = document.classification or b.facts.classifications[-1]
        append(opener, nodes)
        index += 1
    current = section if section is not None else div   # where running text goes
    rest = blocks[index:]
    for position, block in enumerate(rest):
        last = position == len(rest) - 1
        if block.kind == "numbered":
            current = el("div", {"type": "point", "n": block.parts["n"]}, b.numbered(block))
            append(div, current)
        elif block.kind == "annotation":
            current = div
            marker = block.text[0]
            located = block.located.slice(1).strip()
            b.ctx.counts["annotations"] += 1
            append(div, el("note", {"type": "annotation", "n": marker}, b.inline(located)))
        elif block.kind == "banner":
            append(current, b.banner(block, "footer"))
        elif last and block.kind == "text" and block.single_line and block.words <= 6 \
                and not block.text.rstrip(WS).endswith(".") and has_text(div):
            append(div, el("closer", None, el("signed", None, b.inline(block.located.strip()))))
        elif block.kind in ("source", "archive"):
            append(current, _source_block(b, block))
        else:
            current = put_text(current, b.p(block))


def _opening(block: Block) -> bool:
    """Short lines before the text of a letter: addressee, date, classification (never a citation)."""
    if block.kind == "banner":
        return True
    return block.words <= 8 and not block.text.rstrip(WS).endswith(":") \
        and not BY_NAME["archival-citation"].pattern.search(block.text)


def _dated(b: Builder, located: Located) -> list[Node]:
    """A heading with its date marked: ``..., 23 November 1938.``."""
    found = dates.find_date(located.text)
    if not found:
        return b.inline(located)
    match, iso = found
    return [*b.inline(located.slice(0, match.start())), el("date", {"when": iso}, match.group()),
            *b.inline(located.slice(match.end()))]

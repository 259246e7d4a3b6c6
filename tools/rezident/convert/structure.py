"""The grouping pass: typed blocks become the structure of the TEI text.

One function per profile decides what the blocks of its kind of source are
(banner, re-issue field, numbered point, slide heading ...); the inline pass
fills each block. What the header needs (dates, reference numbers, the
classifications seen) is collected in ``Facts`` as the text is built.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable

from lxml import etree

from . import dates
from .inline import Context
from .lines import Block
from .located import WS, Located, squash
from .tei import T, Node, append, el

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


# ------------------------------------------------------------------ VENONA

FIELD_DATE = re.compile(r"^(?P<id>\S+)(?P<sep>\s*\(of\s*)(?P<date>[^)]+)(?P<close>\))$")


def _field(b: Builder, block: Block) -> list[Node]:
    """``Ref. No: 3/NBF/T261 (of 3/11/1952)``, ``Issued: 15/4/1960``, ``From: MOSCOW`` ..."""
    key, value = block.parts["key"], block.parts["value"]
    text = block.text.strip(WS)
    prefix = text[:len(text) - len(value)]
    start = block.text.index(value) if value else len(block.text)
    located = block.located.slice(start, start + len(value))
    f = b.facts.fields
    if key == "Ref. No":
        m = FIELD_DATE.match(value)
        if m:
            found = dates.find_date(m.group("date"))
            iso = found[1] if found else None
            f["reissue-ref"], f["issued"] = m.group("id"), (m.group("date"), iso)
            return [prefix, el("idno", {"type": "reissue-ref"}, m.group("id")), m.group("sep"),
                    el("date", {"type": "issued", "when": iso}, m.group("date")), m.group("close")]
        f["reissue-ref"] = value
        return [prefix, el("idno", {"type": "reissue-ref"}, value)]
    if key == "Issued":
        found = dates.find_date(value)
        f["reissued"] = (value, found[1] if found else None)
        return [prefix, el("date", {"type": "reissued", "when": found[1] if found else None}, value)]
    if key in ("Copy No", "No"):
        kind = "copy" if key == "Copy No" else "message"
        f[kind] = value
        return [prefix, el("idno", {"type": kind}, value)]
    nodes = b.inline(located)
    names = [n for n in nodes if isinstance(n, etree._Element)]
    if key == "From":
        b.facts.sender = names[0] if len(names) == 1 else el("placeName", None, value)
    elif key == "To":
        b.facts.addressee = names[0] if len(names) == 1 else el("placeName", None, value)
    return [prefix, *nodes]


COMMENT_NUMBER = re.compile(r"\[(?P<n>(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3}))\]\s")


def _comment_note(b: Builder, located: Located, n_written: str) -> etree._Element:
    reading = "i" * len(n_written) if n_written.isdigit() else n_written
    bracket = located.text.index("]") + 1
    rest = located.slice(bracket).strip()
    note_id = b.unique(f"note-{reading}")
    b.ctx.counts["comments"] += 1
    return el("note", {"type": "comment", "n": reading, "xml:id": note_id}, b.inline(rest))


def venona(blocks: list[Block], b: Builder) -> Text:
    out = Text()
    reissue = el("div", {"type": "reissue"})
    document = el("div", {"type": "document", "subtype": b.kind})
    comments: etree._Element | None = None
    opener: etree._Element | None = None
    closer: etree._Element | None = None
    state = "top"
    for index, block in enumerate(blocks):
        kind = block.kind
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if kind == "comments":
            comments = el("div", {"type": "comments"})
            head_end = block.text.index(":") + 1
            append(comments, el("head", None, block.text[:head_end]))
            rest = block.located.slice(head_end).strip()
            m = COMMENT_NUMBER.match(rest.text)
            if m:
                append(comments, _comment_note(b, rest, m.group("n")))
            elif rest.text:
                append(comments, b.p(rest))
            out.back.append(comments)
            state = "comments"
            continue
        if kind == "comment":
            if comments is None:
                comments = el("div", {"type": "comments"})
                out.back.append(comments)
            append(comments, _comment_note(b, block.located.strip(), block.parts["n"]))
            state = "comments"
            continue
        if state == "comments":
            if kind == "banner":
                append(comments, b.banner(block, "footer"))
            elif kind == "page-number":
                append(comments, b.page(block))
            else:
                append(comments, b.p(block))
            continue
        if state == "closing":
            # after the serial number everything belongs to the closing: signature, banners, stamps
            content = b.banner(block, "footer") if kind == "banner" else \
                el("signed", None, b.inline(block.located.strip())) if closer.find(f"{T}signed") is None \
                else b.inline(block.located.strip())
            append(closer, el("lb"))
            append(closer, content)
            continue
        if kind == "banner":
            fw = b.banner(block, "header" if state == "top" else "footer")
            if state != "top":
                append(document, fw)
            elif len(reissue):
                append(reissue, fw)
            else:
                out.body.append(fw)
            continue
        if state == "top":
            if kind == "page-number":
                append(reissue, b.page(block))
            elif kind == "catchword":
                append(reissue, b.catchword(block))
            elif kind == "field" and block.parts["key"] in ("Ref. No", "Issued", "Copy No"):
                append(reissue, el("ab", {"type": "field"}, _field(b, block)))
            elif kind == "reissue":
                append(reissue, el("ab", {"type": "field"}, block.text.strip(WS)))
            elif kind == "text" and block.words >= 3 and block.text.upper() == block.text:
                title = squash(block.text)
                b.facts.title = title
                append(document, el("head", None, b.inline(block.located.strip())))
                state = "opening"
            else:
                append(reissue, el("ab", None, b.inline(block.located.strip())))
            continue
        if state == "opening":
            if kind == "field" or (kind == "text" and dates.is_only_date(block.text)):
                if opener is None:
                    opener = el("opener")
                    append(document, opener)
                elif len(opener):
                    append(opener, el("lb"))
                if kind == "field":
                    append(opener, _field(b, block))
                else:
                    found = dates.find_date(block.text)
                    b.facts.date = b.facts.date or found[1]
                    append(opener, el("dateline", None, el("date", {"when": found[1]}, block.text.strip(WS))))
                continue
            state = "text"
        if kind == "catchword":
            append(document, b.catchword(block))
        elif kind == "page-number":
            append(document, b.page(block))
        elif kind == "serial" and _has_text(document):
            m = re.match(r"(?P<label>No\.\s*)(?P<n>\d+)", block.text.strip(WS))
            closer = el("closer", None, m.group("label"), el("idno", {"type": "serial"}, m.group("n")))
            append(document, closer)
            state = "closing"
        elif kind == "text" and following is not None and following.kind == "catchword" \
                and block.single_line and block.words <= 3:
            append(document, el("fw", {"type": "footer"}, block.text.strip(WS)))
        else:
            append(document, b.p(block))
    if len(reissue):
        out.body.append(reissue)
    out.body.append(document)
    return out


# ------------------------------------------------------------------ CREST

COMMENT_LEAD = re.compile(r"^(?:\s*\[ \])*\s*Comment:")


def _page_breaks(blocks: list[Block]) -> dict[int, int]:
    """Where each printed page number's ``pb`` goes: before the running head that precedes it.

    Between two pages the transcript has the foot of one (banner, exemption
    codes), the head of the next (banner, codes) and its number; the last
    banner before the number starts the new page.
    """
    marks: dict[int, int] = {}
    for index, block in enumerate(blocks):
        if block.kind != "page-number":
            continue
        first = index
        while first > 0 and blocks[first - 1].kind in ("banner", "exemption"):
            first -= 1
        banners = [i for i in range(first, index) if blocks[i].kind == "banner"]
        marks[banners[-1] if banners else index] = index
    return marks


def crest(blocks: list[Block], b: Builder) -> Text:
    out = Text()
    marks = _page_breaks(blocks)
    content_seen = False
    page_open = False        # a pb was placed and no paragraph followed yet
    for index, block in enumerate(blocks):
        if index in marks:
            page = blocks[marks[index]]
            out.body.append(el("pb", {"n": page.parts["n"]}))
            b.facts.pages.append(page.parts["n"])
            page_open = True
        kind = block.kind
        if kind == "banner":
            header = page_open or not content_seen
            out.body.append(b.banner(block, "header" if header else "footer"))
        elif kind == "page-number":
            out.body.append(el("fw", {"type": "pageNum"}, block.text.strip(WS)))
        elif kind == "exemption":
            append_all(out.body, b.exemptions(block))
        elif kind == "numbered" and COMMENT_LEAD.match(block.text[len(block.parts["n"]) + 1:]):
            n = block.parts["n"]
            rest = block.located.slice(len(n) + 1).strip()
            b.ctx.counts["source comments"] += 1
            out.body.append(el("note", {"type": "source-comment", "n": n, "xml:id": b.unique(f"note-{n}")},
                               b.inline(rest)))
            content_seen, page_open = True, False
        elif kind == "numbered":
            out.body.append(b.numbered(block))
            content_seen, page_open = True, False
        elif kind == "catchword":
            out.body.extend(b.catchword(block))
        else:
            attrs = {"part": "F"} if page_open and starts_lower(block) else {}
            out.body.append(b.p(block, **attrs))
            content_seen, page_open = True, False
    return out


def append_all(target: list[etree._Element], nodes: list[Node]) -> None:
    """Top-level nodes into a list of elements (loose text between them is whitespace)."""
    for node in nodes:
        if isinstance(node, etree._Element):
            target.append(node)


# ------------------------------------------------------------------ archive translations

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
                and not block.text.rstrip(WS).endswith(".") and _has_text(div):
            append(div, el("closer", None, el("signed", None, b.inline(block.located.strip()))))
        elif block.kind in ("source", "archive"):
            append(current, _source_block(b, block))
        else:
            current = _put_text(current, b.p(block))


def _put_text(container: etree._Element, block: etree._Element) -> etree._Element:
    """Append a block of text where TEI allows it: after divisions, in a trailing section of its own."""
    if container.find(f"{T}div") is not None:
        last = container[-1]
        if not (etree.QName(last).localname == "div" and last.get("type") == "section"):
            last = el("div", {"type": "section"})
            append(container, last)
        container = last
    append(container, block)
    return container


def _has_text(div: etree._Element) -> bool:
    """Whether a division has blocks of text yet (a closing may only follow them)."""
    return any(etree.QName(child).localname in ("p", "ab", "list", "div") for child in div)


def _opening(block: Block) -> bool:
    """Short lines before the text of a letter: addressee, date, classification."""
    return block.kind == "banner" or (block.words <= 8 and not block.text.rstrip(WS).endswith(":"))


def _dated(b: Builder, located: Located) -> list[Node]:
    """A heading with its date marked: ``..., 23 November 1938.``."""
    found = dates.find_date(located.text)
    if not found:
        return b.inline(located)
    match, iso = found
    return [*b.inline(located.slice(0, match.start())), el("date", {"when": iso}, match.group()),
            *b.inline(located.slice(match.end()))]


# ------------------------------------------------------------------ slides

def _heading_shape(block: Block) -> bool:
    text = block.text.strip(WS)
    return block.kind == "text" and block.single_line and block.words <= 15 and len(text) <= 100 \
        and text[-1] not in ".,;"


def _content(block: Block) -> bool:
    text = block.text.strip(WS)
    return block.kind == "bullet" or (block.kind == "text" and (block.words > 12 or text[-1] in ",:"))


def slides(blocks: list[Block], b: Builder) -> Text:
    out = Text()
    slide: etree._Element | None = None
    stack: list[tuple[int, etree._Element]] = []   # (indent, list) of open bullet lists

    def new_slide(head_block: Block | None) -> etree._Element:
        head_text = head_block.text if head_block is not None else "title"
        div = el("div", {"type": "slide", "xml:id": b.unique(f"slide-{slug(head_text)}")})
        if head_block is not None:
            append(div, el("head", None, b.inline(head_block.located.strip())))
        out.body.append(div)
        return div

    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if _heading_shape(block) and following is not None and _content(following):
            slide = new_slide(block)
            stack = []
            continue
        if slide is None:
            slide = new_slide(None)
        if block.kind == "bullet":
            indent = len(block.parts.get("indent", "").expandtabs(4))
            while stack and stack[-1][0] > indent:
                stack.pop()
            if not stack or stack[-1][0] < indent:
                new_list = el("list", {"type": "bulleted"})
                if stack and len(stack[-1][1]):
                    append(stack[-1][1][-1], new_list)
                else:
                    append(slide, new_list)
                stack.append((indent, new_list))
            dash = block.text.index("-") + 1
            append(stack[-1][1], el("item", None, b.inline(block.located.slice(dash).strip())))
            continue
        stack = []
        if block.single_line or block.words > 12:
            append(slide, b.p(block) if block.words > 12 else el("ab", None, b.inline(block.located.strip())))
        else:
            append(slide, el("ab", None, b.lines(block.located.strip())))
    return out


GROUPERS: dict[str, Callable[[list[Block], Builder], Text]] = {
    "venona": venona,
    "crest": crest,
    "archive-translation": archive_translation,
    "slides": slides,
}

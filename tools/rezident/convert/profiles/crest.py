"""Sanitized CIA documents (CREST): running heads and feet, page numbers, numbered paragraphs, source comments."""

from __future__ import annotations

import re

from ..lines import Block
from ..located import WS
from ..structure import Builder, Text, append_all, starts_lower
from ..tei import el

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

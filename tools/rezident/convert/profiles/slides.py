"""Lecture slide decks: slides with headings, nested bullet lists, captions."""

from __future__ import annotations

from lxml import etree

from ..lines import Block
from ..located import WS
from ..structure import Builder, Text, slug
from ..tei import append, el


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

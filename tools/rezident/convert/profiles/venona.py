"""VENONA decrypt translations: re-issue fields, cable opening and closing, the analysts' comments."""

from __future__ import annotations

import re

from lxml import etree

from .. import dates
from ..inline import roman_reading
from ..lines import Block
from ..located import WS, Located, squash
from ..structure import Builder, Text, has_text
from ..tei import Node, T, append, el

FIELD_DATE = re.compile(r"^(?P<id>\S+)(?P<sep>\s*\(of\s*)(?P<date>[^)]+)(?P<close>\))$")


def _field(b: Builder, block: Block) -> list[Node]:
    """``Ref. No: 3/NBF/T261 (of 3/11/1952)``, ``Issued: 15/4/1960``, ``From: MOSCOW`` ..."""
    key, value = block.parts["key"], block.parts["value"]
    start = block.text.index(value, block.text.index(":") + 1) if value else len(block.text)
    prefix = block.text[:start].lstrip(WS)
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
    names = [n for n in nodes if isinstance(n, etree._Element) and etree.QName(n).localname in NAMES]
    plain = all(isinstance(n, str) for n in nodes)
    who = names[0] if len(names) == 1 else el("placeName", None, value) if plain else None
    if key == "From":
        b.facts.sender = who
    elif key == "To":
        b.facts.addressee = who
    return [prefix, *nodes]


NAMES = {"placeName", "persName", "orgName", "rs"}   # what may stand for a correspondent


COMMENT_NUMBER = re.compile(r"\[(?P<n>(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3})|1+)\]\s")


def _comment_note(b: Builder, located: Located, n_written: str) -> etree._Element:
    """One analysts' comment; a label misread by the OCR (``[11]``) is read as its anchors are (ii).

    The label as written is kept beside its reading, in a ``label``, for the diplomatic text.
    """
    reading = roman_reading(n_written)
    bracket = located.text.index("]") + 1
    rest = located.slice(bracket).strip()
    note_id = b.unique(f"note-{reading}")
    b.ctx.counts["comments"] += 1
    b.ctx.comment_places.setdefault(reading, located.where(0))
    note = el("note", {"type": "comment", "n": reading, "xml:id": note_id})
    if n_written != reading:
        label = el("label", None, el("choice", None, el("sic", None, n_written), el("corr", None, reading)))
        label.tail = " "
        note.append(label)
    append(note, b.inline(rest))
    return note


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
        if kind == "comment" and state != "comments" and block.parts["n"].isdigit():
            kind = "text"   # ``[1] ...`` before any ``Comments:`` is running text that opens with an anchor
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
            fw = b.banner(block, "header" if state in ("top", "opening") else "footer")
            if state == "opening" and opener is not None:
                append(opener, [el("lb"), fw])
            elif state != "top":
                append(document, fw)
            elif len(reissue):
                append(reissue, fw)
            else:
                out.body.append(fw)
            continue
        if state == "top" and kind == "field" and block.parts["key"] in ("From", "To", "No"):
            state = "opening"   # a cable without a title: its opening starts the document
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
                else:  # the fields before may be plain text, with no child element to count
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
        elif kind == "serial" and has_text(document):
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

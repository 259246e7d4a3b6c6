"""One transcript to one TEI document: the three passes, the header, the bytes."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from ..edition import Edition
from ..errors import RezidentError
from .conventions import BUILTIN, Convention
from .declared import Declared
from .detect import detect_profile
from .diplomatic import Regenerator, squeeze
from .header import header
from .inline import Context
from .lines import blocks as classify_blocks
from .located import ConversionWarning
from .profiles import GROUPERS
from .registers import Entry, mentions_convention
from .structure import Builder
from .tei import T, el, local

PI_NAME = "rezident-convert"
PI_LINE = re.compile(rb"<\?rezident-convert [^?]*\?>\n")
STRUCTURAL = {
    "TEI", "teiHeader", "fileDesc", "titleStmt", "publicationStmt", "availability", "sourceDesc", "msDesc",
    "msIdentifier", "altIdentifier", "notesStmt", "encodingDesc", "projectDesc", "editorialDecl", "classDecl",
    "taxonomy", "category", "profileDesc", "creation", "correspDesc", "correspAction", "textClass", "langUsage",
    "revisionDesc", "text", "front", "body", "back", "div", "list",
}
SINGULAR = {"gaps": "gap", "redactions": "redaction", "exemption codes": "exemption code",
            "note anchors": "note anchor", "comments": "comment", "source comments": "source comment",
            "annotations": "annotation", "original terms": "original term",
            "uncertain recoveries": "uncertain recovery", "glosses": "gloss", "omissions": "omission",
            "quotations": "quotation", "citations": "citation", "mentions": "mention", "titles": "title"}
CARRYING = {"div", "p", "ab", "list", "quote", "q", "bibl", "listBibl", "label"}
SUMMARY_ORDER = ("gaps", "uncertain recoveries", "redactions", "exemption codes", "note anchors", "comments",
                 "source comments", "annotations", "original terms", "glosses",
                 "supplied", "omissions", "normalized", "emphasis", "quotations", "citations", "russian", "mentions")


@dataclass
class Conversion:
    """The result of converting one transcript."""

    doc_id: str
    profile: str
    detected: bool
    data: bytes
    warnings: list[ConversionWarning]
    counts: Counter[str]
    pages: list[str] = field(default_factory=list)

    def summary(self) -> str:
        names = [name for name in SUMMARY_ORDER if self.counts.get(name)]
        names += sorted(name for name, n in self.counts.items() if n and name not in SUMMARY_ORDER)
        parts = [f"{self.counts[name]} {SINGULAR.get(name, name) if self.counts[name] == 1 else name}"
                 for name in names]
        if self.pages:
            parts.append(f"pages {', '.join(self.pages)}")
        profile = f"profile {self.profile}" + (" (detected)" if self.detected else "")
        return f"{self.doc_id}: {profile}; " + (", ".join(parts) if parts else "no notations")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def conventions_for(profile: str, declared: Declared, forms: dict[str, Entry]) -> list[Convention]:
    chosen = [c for c in declared.conventions if c.applies_to(profile)]
    chosen += [c for c in BUILTIN if c.applies_to(profile)]
    names = mentions_convention(forms)
    if names is not None:
        chosen.append(names)
    return chosen


def convert_text(text: str, *, edition: Edition, doc_id: str, transcript_name: str, profile: str | None,
                 kind: str, metadata: dict[str, Any], declared: Declared, forms: dict[str, Entry],
                 transcript_bytes: bytes) -> Conversion:
    """Convert a transcript's text; nothing is written."""
    detected = profile is None
    if profile is None:
        profile = detect_profile(text)
    regenerator = Regenerator(declared.forms)
    ctx = Context(conventions_for(profile, declared, forms), regenerator)
    builder = Builder(ctx, metadata, kind)
    parts = GROUPERS[profile](classify_blocks(text, profile), builder)
    _link_notes(parts, ctx)
    _correspondents(builder, metadata, forms)

    if not any(local(child) in CARRYING for child in parts.body):
        # a body of running heads and page numbers only still needs a division to hold them
        parts.body[:] = [el("div", {"type": "document", "subtype": kind}, *parts.body)]
    tei_text = el("text")
    if parts.front:
        tei_text.append(el("front", None, *parts.front))
    tei_text.append(el("body", None, *parts.body))
    if parts.back:
        tei_text.append(el("back", None, *parts.back))
    _tidy_whitespace(tei_text)
    counts = Counter(ctx.counts)
    root = el("TEI", {"xml:id": doc_id, "xml:lang": main_language(edition)},
              header(edition, doc_id, kind, metadata, builder.facts, counts, ctx.languages, ctx.exemptions,
                     transcript_name, declared.notes_for(ctx.counts)),
              tei_text)
    _check_round_trip(text, regenerator.untidied(root), transcript_name)
    _indent(root)
    return Conversion(doc_id, profile, detected, serialize(root, transcript_bytes),
                      sorted(ctx.warnings, key=lambda w: (w.line, w.column)), counts, builder.facts.pages)


def _check_round_trip(text: str, regenerated: str, transcript_name: str) -> None:
    """The whole document must give back its transcript: a converter fault never reaches tei/."""
    if _squeezed_bytes(text) == _squeezed_bytes(regenerated):
        return
    original, back = squeeze(text), squeeze(regenerated)
    at = next((i for i, (a, b) in enumerate(zip(original, back)) if a != b), min(len(original), len(back)))
    offsets = [i for i, char in enumerate(text) if char not in " \t\r\n"]
    offset = offsets[at] if at < len(offsets) else len(text)
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    raise RezidentError("the TEI would not give back the transcript from here on; nothing was written "
                        "(a fault of the converter: please report it with the transcript)",
                        path=transcript_name, line=line, column=column)


def _squeezed_bytes(text: str) -> bytes:
    """``squeeze(text)`` as UTF-8, where it is five times faster to make: equal exactly when the
    squeezed texts are (UTF-8 is one-to-one, and its multi-byte characters hold no ASCII bytes)."""
    return text.encode("utf-8", "surrogatepass").translate(None, b" \t\r\n")


def main_language(edition: Edition) -> str:
    """The language of the transcripts' running text: the edition's first."""
    return edition.languages[0] if edition.languages else "en"


def _correspondents(builder: Builder, metadata: dict[str, Any], forms: dict[str, Entry]) -> None:
    """Sender and addressee from the configuration where the text names none (``From:``/``To:``)."""
    for key in ("sender", "addressee"):
        name = metadata.get(key)
        if not name or getattr(builder.facts, key) is not None:
            continue
        entry = forms.get(name)
        element = entry.element if entry is not None and entry.element != "rs" else "persName"
        setattr(builder.facts, key, el(element, {"ref": entry.ref} if entry is not None else None, name))


def _link_notes(parts, ctx: Context) -> None:
    """Anchors point at their notes and each note back at its first anchor.

    What cannot be linked stays text, with a warning, so that the TEI stays valid:
    an anchor with no comment is its bracket again, a comment with no anchor a paragraph.
    """
    divisions = parts.back + parts.body
    notes = {}
    for division in divisions:
        for note in division.iter(T + "note"):
            if note.get("type") == "comment":
                notes.setdefault(note.get("n"), note)
    for reading, anchor_ids in ctx.anchors.items():
        note = notes.get(reading)
        if note is not None:
            note.set("target", f"#{anchor_ids[0]}")
            continue
        line, column = ctx.anchor_places.get(reading, (1, 1))
        ctx.warnings.append(ConversionWarning(line, column, f"note anchor [{reading}] has no comment [{reading}] "
                                                            "in the Comments block: kept as text"))
        ids = set(anchor_ids)
        for division in divisions:
            for ref in [r for r in division.iter(T + "ref") if r.get(XML_ID) in ids]:
                _replace_by_text(ref, f"[{_written(ref)}]")
        ctx.counts["note anchors"] -= len(anchor_ids)
    for division in divisions:
        for note in list(division.iter(T + "note")):
            reading = note.get("n")
            if note.get("type") != "comment" or (reading in ctx.anchors and notes.get(reading) is note):
                continue
            line, column = ctx.comment_places.get(reading, (1, 1))
            ctx.warnings.append(ConversionWarning(line, column, f"comment [{reading}] has no note anchor [{reading}] "
                                                                "in the text: kept as a paragraph"))
            _comment_to_paragraph(note)
            ctx.counts["comments"] -= 1


XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def _written(element: etree._Element) -> str:
    """What the transcript has for an anchor or a label: the ``sic`` of a correction, else the text."""
    sic = element.find(f"{T}choice/{T}sic")
    return sic.text if sic is not None else "".join(element.itertext())


def _replace_by_text(element: etree._Element, text: str) -> None:
    """Put ``text`` (and the element's tail) where ``element`` stood."""
    parent, previous = element.getparent(), element.getprevious()
    text += element.tail or ""
    if previous is not None:
        previous.tail = (previous.tail or "") + text
    else:
        parent.text = (parent.text or "") + text
    parent.remove(element)


def _comment_to_paragraph(note: etree._Element) -> None:
    """A comment no anchor points to, as the paragraph it was: ``[iii] ...``."""
    label = note.find(f"{T}label")
    if label is not None and note.index(label) == 0 and not (note.text or "").strip():
        written = _written(label)
        _replace_by_text(label, "")
    else:
        written = note.get("n", "")
    note.text = f"[{written}] " + (note.text or "").lstrip(" ")
    for name in list(note.attrib):
        del note.attrib[name]
    note.tag = T + "p"


SPACES = re.compile(r"[ \t]*\n[ \t\n]*")


def _tidy_whitespace(root: etree._Element) -> None:
    """Line breaks inside a paragraph of the transcript become spaces (only ASCII whitespace)."""
    for node in root.iter():
        if node.text and "\n" in node.text:
            node.text = SPACES.sub(" ", node.text)
        if node.tail and "\n" in node.tail:
            node.tail = SPACES.sub(" ", node.tail)


def _indent(element: etree._Element, level: int = 0) -> None:
    """Indent elements that hold only elements; mixed content is left exactly as built."""
    if local(element) not in STRUCTURAL:
        return
    children = list(element)
    if not children:
        return
    if (element.text or "").strip():
        return
    for child in children:
        tail = child.tail
        if tail and tail.strip():
            return
    pad = "\n" + "  " * (level + 1)
    element.text = pad
    for child in children:
        child.tail = pad
        if local(child) in STRUCTURAL:   # checked here too: most children are not, and a call costs more
            _indent(child, level + 1)
    children[-1].tail = "\n" + "  " * level


def serialize(root: etree._Element, transcript_bytes: bytes) -> bytes:
    """The document's bytes: XML declaration, schema PIs, the conversion PI, the TEI."""
    body = etree.tostring(root, encoding="UTF-8", xml_declaration=False)
    lead = (b'<?xml version="1.0" encoding="UTF-8"?>\n'
            b'<?xml-model href="../schema/rezident.rng" type="application/xml" '
            b'schematypens="http://relaxng.org/ns/structure/1.0"?>\n'
            b'<?xml-model href="../schema/rezident.sch" type="application/xml" '
            b'schematypens="http://purl.oclc.org/dsdl/schematron"?>\n')
    content = lead + body + b"\n"
    pi = (f'<?{PI_NAME} transcript-sha256="{sha256(transcript_bytes)}" '
          f'content-sha256="{sha256(content)}"?>\n').encode()
    return lead + pi + body + b"\n"


def hand_edited(data: bytes) -> bool:
    """Whether a TEI file the converter wrote was changed since (or never was the converter's)."""
    match = PI_LINE.search(data)
    if match is None:
        return True
    recorded = re.search(rb'content-sha256="([0-9a-f]{64})"', match.group())
    if recorded is None:
        return True
    content = data[:match.start()] + data[match.end():]
    return sha256(content) != recorded.group(1).decode()

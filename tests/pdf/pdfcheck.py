"""Reading facts back out of a rendered PDF and its TEI, for the tests."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import lxml.html
import pypdf
from lxml import etree

TEI = {"t": "http://www.tei-c.org/ns/1.0"}
XMP = {"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
       "dc": "http://purl.org/dc/elements/1.1/",
       "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
       "xmpRights": "http://ns.adobe.com/xap/1.0/rights/"}

# Where a note stands in running text (mirrors the contract: notes inside these
# elements are in a line, so they get a call and a footnote).
IN_LINE = ("p", "ab", "head", "item", "l", "cell", "note", "label", "signed", "dateline")
FOOTNOTE_LIMIT = 2400   # the stylesheet's footnote-limit: longer notes go after the text


def squash(text: str) -> str:
    """Text without whitespace or hyphens: PDF extraction breaks and hyphenates lines."""
    return re.sub(r"[\s\-\u2010\u00ad]+", "", text)


def pdf_text(path: Path) -> str:
    return " ".join(page.extract_text() or "" for page in pypdf.PdfReader(path).pages)


def footnote_notes(tei_path: Path) -> list[etree._Element]:
    """The TEI notes the print edition must set as footnotes: numbered notes
    that stand in a line or that an anchor points to, short enough for a page."""
    tree = etree.parse(str(tei_path))
    anchored = {target.lstrip("#") for ref in tree.iterfind(".//t:text//t:ref[@type='noteAnchor']", TEI)
                for target in (ref.get("target") or "").split()[:1]}
    notes = []
    for note in tree.iterfind(".//t:text//t:note", TEI):
        if note.get("type") in ("original-term", "exemption") or note.get("place") in ("inline", "margin"):
            continue
        in_line = any(etree.QName(a).localname in IN_LINE for a in note.iterancestors()
                      if isinstance(a.tag, str) and a.tag.startswith("{" + TEI["t"]))
        xml_id = note.get("{http://www.w3.org/XML/1998/namespace}id")
        if not (in_line or xml_id in anchored):
            continue
        if len(" ".join("".join(note.itertext()).split())) > FOOTNOTE_LIMIT:
            continue
        notes.append(note)
    return notes


def html_footnotes(html: str) -> list[tuple[str, str]]:
    """(label, text) of every footnote in the print HTML."""
    root = lxml.html.fromstring(html)
    return [(span.get("data-label"), " ".join(span.text_content().split()))
            for span in root.xpath("//span[contains(concat(' ', @class, ' '), ' footnote ')]")]


def xmp(path: Path) -> etree._Element:
    reader = pypdf.PdfReader(path)
    data = reader.trailer["/Root"]["/Metadata"].get_object().get_data()
    start, end = data.index(b"<x:xmpmeta"), data.rindex(b"</x:xmpmeta>") + len(b"</x:xmpmeta>")
    return etree.fromstring(data[start:end])


def xmp_values(meta: etree._Element, name: str) -> list[str]:
    return [li.text or "" for li in meta.iterfind(f".//{name}//rdf:li", XMP)]


def attachments(path: Path) -> dict[str, tuple[bytes, str]]:
    """Embedded files by name: their bytes and their AFRelationship."""
    reader = pypdf.PdfReader(path)
    result = {}
    for spec in reader.trailer["/Root"].get("/AF", []):
        spec = spec.get_object()
        data = spec["/EF"]["/F"].get_object().get_data()
        result[str(spec["/F"])] = (data, str(spec.get("/AFRelationship")))
    return result


def outline_titles(path: Path) -> list[str]:
    reader = pypdf.PdfReader(path)
    titles: list[str] = []

    def walk(items) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(" ".join(str(item.title).split()))

    walk(reader.outline)
    return titles


def fonts(path: Path) -> list[dict[str, str]]:
    """``pdffonts`` rows as dicts (name, emb, ...)."""
    if shutil.which("pdffonts") is None:
        raise FileNotFoundError("pdffonts (poppler-utils) is not installed")
    out = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout
    lines = out.splitlines()
    rows = []
    for line in lines[2:]:
        parts = line.split()
        # name type... encoding emb sub uni object ID: the flags are the 5th..3rd from the end
        rows.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "uni": parts[-3]})
    return rows


def tei_title(tei_path: Path) -> str:
    tree = etree.parse(str(tei_path))
    titles = tree.xpath("//t:titleStmt/t:title[@type='main']", namespaces=TEI) or \
        tree.xpath("//t:titleStmt/t:title", namespaces=TEI)
    return " ".join("".join(titles[0].itertext()).split()) if titles else ""


def body_passages(tei_path: Path, length: int = 40) -> list[str]:
    """A run of plain text from the first and the last paragraph of the body:
    the longest text node of each, cut to ``length`` characters."""
    tree = etree.parse(str(tei_path))
    paragraphs = tree.xpath("//t:body//t:p[normalize-space()]", namespaces=TEI)
    passages = []
    for p in (paragraphs[:1] + paragraphs[-1:]):
        texts = [" ".join(t.split()) for t in p.xpath("text()")]
        longest = max(texts, key=len, default="")
        if len(longest) >= 12:
            passages.append(longest[:length].strip())
    return passages

"""Reading produced HTML the way the tests need it."""

from __future__ import annotations

import shutil
from pathlib import Path

import html5lib
from lxml import etree


def parse_html_fragment(html: str) -> etree._Element:
    return etree.fromstring(html, etree.HTMLParser()).find(".//div[@id='fragment']")


def parse_page(html: str) -> etree._Element:
    """A whole page, checked to be valid HTML5 on the way (html5lib, strict)."""
    html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(html)
    return etree.fromstring(html.encode("utf-8"), etree.HTMLParser())


def text_of(element: etree._Element, view: str = "reading") -> str:
    """What a reader sees in a view: without tips, and without the other
    view's forms (class rd = reading only, dp = diplomatic only)."""
    hidden = {"tip", "dp"} if view == "reading" else {"tip", "rd"}
    parts: list[str] = []

    def walk(el: etree._Element) -> None:
        classes = set((el.get("class") or "").split())
        if classes & hidden:
            if el.tail:
                parts.append(el.tail)
            return
        if el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
        if el.tail:
            parts.append(el.tail)

    if element.text:
        parts.append(element.text)
    for child in element:
        walk(child)
    return " ".join("".join(parts).split())


def own_stylesheets(xslt_dir: Path, folder: Path, old: str, new: str) -> Path:
    """An edition's own copy of the stylesheets (``folder/xslt``) whose
    collection.xsl has ``old`` (which must be there) replaced by ``new``."""
    own = folder / "xslt"
    shutil.copytree(xslt_dir, own)
    collection = own / "html" / "collection.xsl"
    text = collection.read_text(encoding="utf-8")
    assert old in text, old
    collection.write_text(text.replace(old, new, 1), encoding="utf-8")
    return own

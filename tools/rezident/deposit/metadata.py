"""What a deposit says about the edition: Dublin Core record and TEI corpus.

Both are built from ``edition.toml`` and the headers of the edition's TEI
documents, never typed in twice. The corpus (``tei-corpus.xml``) is the
whole edition as one TEI file: a ``teiCorpus`` whose header describes the
edition, followed by every TEI document of the bag. Ids inside a member are
made unique in the corpus (``<document id>.<id>``) and its pointers follow,
so the file stays valid TEI; relative links are rewritten to point into
``data/`` from the bag's top folder, where the corpus lies.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from lxml import etree

from .. import TEI_NS, XML_NS, __version__, safexml
from ..edition import Edition

T = f"{{{TEI_NS}}}"
XML_ID = f"{{{XML_NS}}}id"
NS = {"tei": TEI_NS}
DC_NS = "http://purl.org/dc/elements/1.1/"
OAI_DC_NS = "http://www.openarchives.org/OAI/2.0/oai_dc/"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"

# TEI attributes whose values are URIs (data.pointer); others are left alone
# (a date's @from is not a link).
POINTER_ATTRIBUTES = frozenset({
    "target", "ref", "corresp", "ana", "facs", "source", "sameAs", "copyOf", "next",
    "prev", "synch", "who", "hand", "resp", "rendition", "decls", "scheme", "url",
    "inst", "exclude", "select", "spanTo", "wit", "edRef", "children", "parent",
    "active", "passive", "mutual", "origin", "href",
})
URI_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")

# What a reader of the record sees for the language tags rezident's editions use.
LANGUAGE_NAMES = {
    "en": "English", "ru": "Russian", "ru-Latn": "Russian (Latin transliteration)",
    "de": "German", "fr": "French", "uk": "Ukrainian", "pl": "Polish", "la": "Latin",
}


@dataclass(frozen=True)
class Member:
    """One TEI file of the bag, read once for the corpus and the record."""

    bag_path: str                # e.g. "data/tei/venona-....xml"
    root: etree._Element
    title: str
    dates: tuple[str, ...]       # ISO dates and years of the document's creation
    languages: dict[str, str]    # ident -> name, from langUsage
    source: str                  # the sourceDesc as one line of text
    used_languages: tuple[str, ...] = ()  # every xml:lang in the file, in order of first use


def _text(element: etree._Element | None) -> str:
    return " ".join("".join(element.itertext()).split()) if element is not None else ""


def read_member(bag_path: str, data: bytes, origin: Path) -> Member | None:
    """The TEI file's root and header facts, or None when it is not TEI.

    ``data`` is what went into the bag; ``origin`` the file it came from, named in errors.
    """
    root = safexml.parse_bytes(data, path=origin).getroot()
    if root.tag not in (f"{T}TEI", f"{T}teiCorpus"):
        return None
    header = root.find(f"{T}teiHeader")
    title = ""
    dates: list[str] = []
    languages: dict[str, str] = {}
    source = ""
    if header is not None:
        titles = header.xpath("tei:fileDesc/tei:titleStmt/tei:title", namespaces=NS)
        main = [t for t in titles if t.get("type") == "main"] or titles
        title = _text(main[0]) if main else ""
        for when in header.xpath("tei:profileDesc/tei:creation//tei:date/@*[local-name()="
                                 "'when' or local-name()='notBefore' or local-name()='notAfter'"
                                 " or local-name()='from' or local-name()='to']", namespaces=NS):
            dates.append(str(when))
        for language in header.xpath("tei:profileDesc/tei:langUsage/tei:language", namespaces=NS):
            if language.get("ident"):
                languages[language.get("ident")] = _text(language)
        source = _text(header.find(f"{T}fileDesc/{T}sourceDesc"))
    used = tuple(dict.fromkeys(str(v) for v in root.xpath("//@xml:lang")))
    return Member(bag_path, root, title, tuple(dates), languages, source, used)


def _prefix(member: Member) -> str:
    """A unique, NCName-safe prefix for the ids of one member."""
    stem = member.root.get(XML_ID) or posixpath.splitext(
        posixpath.relpath(member.bag_path, "data/tei"))[0].replace("/", "-")
    stem = re.sub(r"[^\w.-]", "-", stem)
    return stem if re.match(r"[^\W\d]", stem) else f"d-{stem}"


# Only the attributes that matter, found by libxml2 rather than a loop over every element.
_WITH_ID = etree.XPath("descendant-or-self::*[@xml:id]")
_POINTERS = etree.XPath(" | ".join(f"descendant-or-self::*/@{name}"
                                   for name in sorted(POINTER_ATTRIBUTES)))


def embed(member: Member) -> etree._Element:
    """The member's tree, its ids made unique in the corpus and its links kept holding.

    Changes the tree in place: members are read for the bag and used once.
    """
    tree = member.root
    prefix = _prefix(member)
    root_id = tree.get(XML_ID)
    renamed: dict[str, str] = {}
    for el in _WITH_ID(tree):
        old = el.get(XML_ID)
        renamed[old] = old if old == root_id else f"{prefix}.{old}"
        el.set(XML_ID, renamed[old])
    base = posixpath.dirname(member.bag_path)

    def rewrite(token: str) -> str:
        if token.startswith("#"):
            return "#" + renamed.get(token[1:], token[1:])
        if URI_SCHEME.match(token) or token.startswith("/"):
            return token
        path, hash_, fragment = token.partition("#")
        if not path:
            return token
        return posixpath.normpath(posixpath.join(base, path)) + hash_ + fragment

    for value in _POINTERS(tree):
        value.getparent().set(value.attrname,
                              " ".join(rewrite(token) for token in value.split()))
    return tree


def date_range(members: list[Member]) -> tuple[str, str] | None:
    """Earliest and latest date of the documents (ISO strings compare in time order)."""
    dates = sorted(d for m in members for d in m.dates if re.match(r"\d{4}", d))
    return (dates[0], dates[-1]) if dates else None


def languages_of(edition: Edition, members: list[Member]) -> dict[str, str]:
    """Every language of the edition: configured, declared in headers, used in xml:lang."""
    found: dict[str, str] = {tag: "" for tag in edition.languages}
    for member in members:
        for ident, name in member.languages.items():
            if name or ident not in found:
                found[ident] = name or found.get(ident, "")
        for tag in member.used_languages:
            found.setdefault(tag, "")
    return {tag: name or LANGUAGE_NAMES.get(tag, "") for tag, name in found.items()}


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    el = etree.SubElement(parent, f"{T}{tag}", {k.replace("_", ""): v for k, v in attrs.items()})
    if text:
        el.text = text
    return el


def _agency(edition: Edition) -> tuple[str, str]:
    """Who is responsible for publishing: the publisher, else the editors."""
    if edition.publisher:
        return "publisher", edition.publisher
    return "authority", ", ".join(edition.editors) or edition.title


def corpus_header(edition: Edition, members: list[Member], bagging_date: date,
                  documents: list[Member]) -> etree._Element:
    header = etree.Element(f"{T}teiHeader", nsmap={None: TEI_NS})
    file_desc = _sub(header, "fileDesc")
    title_stmt = _sub(file_desc, "titleStmt")
    _sub(title_stmt, "title", edition.title, type="main")
    for editor in edition.editors:
        _sub(title_stmt, "editor", editor)
    edition_stmt = _sub(file_desc, "editionStmt")
    _sub(edition_stmt, "edition", f"Version {edition.version}", n=edition.version)
    extent = _sub(file_desc, "extent")
    count = len(documents)
    _sub(extent, "measure", f"{count} document{'s' if count != 1 else ''}",
         unit="document", quantity=str(count))
    publication = _sub(file_desc, "publicationStmt")
    kind, name = _agency(edition)
    _sub(publication, kind, name)
    if edition.pub_place:
        _sub(publication, "pubPlace", edition.pub_place)
    _sub(publication, "date", bagging_date.isoformat(), when=bagging_date.isoformat(),
         type="deposit")
    if edition.licence or edition.licence_url:
        availability = _sub(publication, "availability")
        licence = _sub(availability, "licence", edition.licence or edition.licence_url)
        if edition.licence_url:
            licence.set("target", edition.licence_url)
    _sub(publication, "idno", edition.id, type="edition")
    _sub(publication, "idno", edition.version, type="version")
    source_desc = _sub(file_desc, "sourceDesc")
    if members:
        list_bibl = _sub(source_desc, "listBibl")
        for member in members:
            bibl = _sub(list_bibl, "bibl")
            _sub(bibl, "title", member.title or posixpath.basename(member.bag_path))
            if member.root.get(XML_ID):
                _sub(bibl, "idno", member.root.get(XML_ID), type="document")
            _sub(bibl, "ptr", target=member.bag_path)
    else:
        _sub(source_desc, "p", "The edition has no TEI documents yet.")
    encoding = _sub(header, "encodingDesc")
    project = _sub(encoding, "projectDesc")
    _sub(project, "p", " ".join(edition.description.split()) or edition.title)
    _sub(encoding, "p", (
        "Each document of the edition follows as a member of this corpus. Its ids are "
        "prefixed with the document's id and a full stop so that they are unique here, "
        "and its relative links point into the bag's data/ folder; the documents "
        f"themselves are in data/tei/ unchanged. Packaged by rezident {__version__}."))
    profile = _sub(header, "profileDesc")
    span = date_range(documents)
    if span is not None:
        creation = _sub(profile, "creation")
        if span[0] == span[1]:
            _sub(creation, "date", span[0], when=span[0])
        else:
            _sub(creation, "date", f"{span[0]} to {span[1]}", **{"from": span[0], "to": span[1]})
    usage = _sub(profile, "langUsage")
    for ident, name in languages_of(edition, members).items():
        _sub(usage, "language", name or None, ident=ident)
    return header


def corpus_document(edition: Edition, members: list[Member], documents: list[Member],
                    bagging_date: date) -> bytes:
    """The edition as one TEI corpus; valid TEI when its members are. Uses up the members'
    trees (see ``embed``): build the Dublin Core record first."""
    corpus = etree.Element(f"{T}teiCorpus", nsmap={None: TEI_NS})
    header = corpus_header(edition, members, bagging_date, documents)
    etree.indent(header, space="  ", level=1)
    corpus.append(header)
    for member in members:
        corpus.append(embed(member))
    corpus.text = "\n  "
    for child in corpus:  # one member after another, each on a line of its own
        child.tail = "\n  "
    corpus[-1].tail = "\n"
    return etree.tostring(corpus, xml_declaration=True, encoding="UTF-8") + b"\n"


def dublin_core(edition: Edition, documents: list[Member], formats: list[str],
                bagging_date: date, members: list[Member]) -> bytes:
    """An OAI-DC record (oai_dc:dc) of the edition, for the archive's catalogue."""
    root = etree.Element(f"{{{OAI_DC_NS}}}dc", nsmap={"oai_dc": OAI_DC_NS, "dc": DC_NS,
                                                      "xsi": XSI_NS})
    root.set(f"{{{XSI_NS}}}schemaLocation",
             f"{OAI_DC_NS} http://www.openarchives.org/OAI/2.0/oai_dc.xsd")

    def dc(name: str, value: str) -> None:
        if value:
            etree.SubElement(root, f"{{{DC_NS}}}{name}").text = value

    dc("title", edition.title)
    for editor in edition.editors:
        dc("creator", editor)
    dc("publisher", edition.publisher)
    dc("date", bagging_date.isoformat())
    dc("description", " ".join(edition.description.split()))
    dc("type", "Collection")
    dc("type", "Text")
    for media_type in formats:
        dc("format", media_type)
    dc("identifier", f"{edition.id}@{edition.version}")
    for document in documents:
        dc("source", document.source or document.title)
    for ident in languages_of(edition, members):
        dc("language", ident)
    span = date_range(documents)
    if span is not None:
        dc("coverage", span[0] if span[0] == span[1] else f"{span[0]}/{span[1]}")
    rights = "; ".join(x for x in (edition.licence, edition.licence_url) if x)
    dc("rights", rights)
    etree.indent(root, space="  ")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8") + b"\n"

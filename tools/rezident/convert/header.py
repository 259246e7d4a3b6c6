"""The teiHeader: the edition's metadata, the source's, and what the text said about itself."""

from __future__ import annotations

import copy
from collections import Counter
from collections.abc import Callable
from typing import Any

from lxml import etree

from .. import __version__
from ..edition import Edition
from .structure import LEVELS, Facts
from .tei import el

LEVEL_LABELS = {"unclassified": "Unclassified", "restricted": "Restricted", "confidential": "Confidential",
                "secret": "Secret", "top-secret": "Top Secret"}
KINDS = {"cable": "Cable", "report": "Intelligence report", "letter": "Letter", "decision": "Decision",
         "record": "Record of instructions", "lecture": "Lecture", "document": "Document"}
EXEMPTIONS = {  # E.O. 12958 s. 3.3(b)
    "25X1": "reveal the identity of a confidential human source, or an intelligence source or method",
    "25X2": "assist in the development or use of weapons of mass destruction",
    "25X3": "impair U.S. cryptologic systems or activities",
    "25X4": "impair the application of state-of-the-art technology within a U.S. weapon system",
    "25X5": "reveal actual U.S. military war plans that remain in effect",
    "25X6": "seriously and demonstrably impair relations between the United States and a foreign government",
    "25X7": "impair the ability to protect the President, Vice President and other protected officials",
    "25X8": "seriously and demonstrably impair current national security emergency preparedness plans",
    "25X9": "violate a statute, treaty, or international agreement",
}
LANGUAGES = {"en": "English", "ru": "Russian", "ru-Latn": "Russian in Latin transliteration"}
RECOVERY = ("Bracketed recoveries such as [B% the former] carry the cryptanalysts' own recovery-quality "
            "letter, kept in unclear/@n; its meaning is set by the source, not by the editors. "
            "They are taken to mean: A high, B medium, C and D low confidence (unclear/@cert); "
            "any other letter (T ...) unknown.")
CONVENTION_NOTES = {
    "gaps": "Cipher groups the analysts could not recover are gaps counting the groups ([13 groups unrecovered]).",
    "uncertain recoveries": RECOVERY,
    "original terms": "The translator's transliterated Russian original after an English term (RESIDENT [REZIDENT]) "
             "is a note of type original-term.",
    "glosses": "A transliterated abbreviation with the translator's English gloss (TsK [Central Committee]) "
               "is a choice of abbr and expan.",
    "supplied": "Text supplied in brackets by a translator or a quoting author is supplied text.",
    "note anchors": "Notes and their anchors keep the numbers as the transcript prints them; OCR misreadings of "
             "roman numerals (11 for ii) are corrected beside the original (sic/corr).",
    "redactions": "Blacked-out passages ([ ]) are gaps of reason redacted.",
    "exemption codes": "Declassification exemption codes (25X1 ...) are marginal notes pointing at the "
                  "exemption-codes taxonomy.",
    "normalized": "Escapes left by the transcriber (\\$) are normalized with the original kept (orig/reg).",
    "omissions": "Omissions by a quoting author ([...]) are gaps of reason omitted.",
    "mentions": "Names are linked to the edition's registers of persons, organisations and places as written "
                "(variant spellings included); a cover name is an rs of type covername linked to the person "
                "the source's analysts identified, and the identification is theirs.",
}


def _pick(metadata: dict[str, Any], key: str, fallback: Any = None) -> Any:
    value = metadata.get(key)
    return value if value not in (None, "") else fallback


def header(edition: Edition, doc_id: str, kind: str, metadata: dict[str, Any], facts: Facts,
           counts: Counter[str], languages: set[str], exemptions: set[str], transcript_name: str,
           declared_notes: list[str]) -> etree._Element:
    title = _pick(metadata, "title", facts.title or doc_id)
    title_stmt = el("titleStmt", None, el("title", {"type": "main"}, title))
    if metadata.get("author"):
        title_stmt.append(el("author", None, metadata["author"]))
    for editor in edition.editors:
        title_stmt.append(el("editor", None, editor))

    publication = _once(("publicationStmt", edition.publisher, edition.title, edition.pub_place, edition.licence,
                         edition.licence_url, edition.id), lambda: _publication(edition))
    publication.append(el("idno", {"type": "document"}, doc_id))

    file_desc = el("fileDesc", None, title_stmt, publication)
    if metadata.get("note"):
        file_desc.append(el("notesStmt", None, el("note", {"type": "editorial"}, metadata["note"])))
    file_desc.append(_source_desc(facts, metadata, transcript_name))

    classification = _classification(facts, metadata)
    used_kinds = tuple(sorted({kind, *(d.subtype for d in facts.documents)}))
    with_exemptions = bool(exemptions)
    notes = [CONVENTION_NOTES[c] for c in CONVENTION_NOTES if counts.get(c)] + declared_notes
    editorial = el("editorialDecl", None,
                   # the same words in every document (which transcript is the revisionDesc's to
                   # say): documents then share their encodingDesc, which the HTML edition's
                   # encoding page states once for all of them
                   el("p", None, "Converted from its transcript by rezident: every notation of the "
                                 "transcript is encoded so that the transcript can be regenerated from "
                                 "this document character for character, whitespace aside."),
                   *(el("p", None, note) for note in notes))
    encoding = el("encodingDesc", None)
    if edition.description:
        encoding.append(_once(("projectDesc", edition.description),
                              lambda: el("projectDesc", None, el("p", None, " ".join(edition.description.split())))))
    encoding.append(editorial)
    encoding.append(_once(("classDecl", used_kinds, with_exemptions), lambda: _class_decl(used_kinds, with_exemptions)))

    profile = el("profileDesc")
    creation_date = _creation_date(facts, metadata)
    if creation_date is not None:
        profile.append(el("creation", None, creation_date))
    if facts.sender is not None or facts.addressee is not None:
        corresp = el("correspDesc")
        date = facts.date or _pick(metadata, "date")
        for kind_of, who in (("sent", facts.sender), ("received", facts.addressee)):
            if who is None:
                continue
            action = el("correspAction", {"type": kind_of}, copy.deepcopy(who))
            action[0].tail = None
            if kind_of == "sent" and date:
                action.append(el("date", {"when": date}, date))
            corresp.append(action)
        profile.append(corresp)
    codes = tuple(sorted(exemptions))
    profile.append(_once(("textClass", classification, kind, codes), lambda: _text_class(classification, kind, codes)))
    main = edition.languages[0] if edition.languages else "en"
    langs = (main, *sorted(languages - {main}))
    profile.append(_once(("langUsage", langs), lambda: el(
        "langUsage", None, *(el("language", {"ident": tag}, LANGUAGES.get(tag, tag)) for tag in langs))))

    revision = el("revisionDesc", None,
                  el("change", None, f"converted from transcripts/{transcript_name} by rezident {__version__}"))
    return el("teiHeader", None, file_desc, encoding, profile, revision)


_MADE: dict[tuple, etree._Element] = {}


def _once(key: tuple, make: Callable[[], etree._Element]) -> etree._Element:
    """A copy of what ``make`` builds for ``key``, built once.

    For the parts of the header that repeat from document to document (the taxonomies,
    the publication statement): copying a subtree costs a tenth of building it element
    by element. ``key`` holds everything the part depends on.
    """
    made = _MADE.get(key)
    if made is None:
        if len(_MADE) >= 1024:
            _MADE.clear()
        made = _MADE[key] = make()
    return made.__copy__()   # a deep copy: lxml copies the whole subtree


def _publication(edition: Edition) -> etree._Element:
    """The publication statement but the document's own idno."""
    publication = el("publicationStmt", None, el("publisher", None, edition.publisher or edition.title))
    if edition.pub_place:
        publication.append(el("pubPlace", None, edition.pub_place))
    if edition.licence:
        publication.append(el("availability", None,
                              el("licence", {"target": edition.licence_url or None}, edition.licence)))
    publication.append(el("idno", {"type": "edition"}, edition.id))
    return publication


def _class_decl(used_kinds: tuple[str, ...], with_exemptions: bool) -> etree._Element:
    taxonomies = [
        el("taxonomy", {"xml:id": "classification"},
           *(el("category", {"xml:id": f"cls-{level}"}, el("catDesc", None, LEVEL_LABELS[level])) for level in LEVELS)),
        el("taxonomy", {"xml:id": "kind"},
           *(el("category", {"xml:id": f"kind-{k}"}, el("catDesc", None, KINDS.get(k, k.capitalize())))
             for k in used_kinds)),
    ]
    if with_exemptions:
        taxonomies.append(el("taxonomy", {"xml:id": "exemption-codes"},
                             el("desc", None, "Declassification exemption codes of E.O. 12958, s. 3.3(b)."),
                             *(el("category", {"xml:id": f"exemption-{code}"},
                                  el("catDesc", None, f"{code}: {meaning}"))
                               for code, meaning in EXEMPTIONS.items())))
    return el("classDecl", None, *taxonomies)


def _text_class(classification: str | None, kind: str, codes: tuple[str, ...]) -> etree._Element:
    text_class = el("textClass")
    if classification:
        text_class.append(el("catRef", {"scheme": "#classification", "target": f"#cls-{classification}"}))
    text_class.append(el("catRef", {"scheme": "#kind", "target": f"#kind-{kind}"}))
    for code in codes:
        text_class.append(el("catRef", {"scheme": "#exemption-codes", "target": f"#exemption-{code}"}))
    return text_class


def _classification(facts: Facts, metadata: dict[str, Any]) -> str | None:
    seen = list(facts.classifications) + [d.classification for d in facts.documents if d.classification]
    if metadata.get("classification"):
        seen.append(metadata["classification"])
    return max(seen, key=LEVELS.index) if seen else None


def _creation_date(facts: Facts, metadata: dict[str, Any]) -> etree._Element | None:
    when = _pick(metadata, "date") or facts.date or next((d.date for d in facts.documents if d.date), None)
    if when:
        return el("date", {"when": when}, when)
    not_before, not_after = _pick(metadata, "date-not-before"), _pick(metadata, "date-not-after")
    if not_before or not_after:
        label = f"{not_before or ''}–{not_after or ''}".strip("–")
        label = f"after {not_before}" if not_before and not not_after else label
        label = f"before {not_after}" if not_after and not not_before else label
        return el("date", {"notBefore": not_before, "notAfter": not_after}, label)
    return None


def _source_desc(facts: Facts, metadata: dict[str, Any], transcript_name: str) -> etree._Element:
    desc = el("sourceDesc")
    f = facts.fields
    if f:
        bibl = el("bibl", None, el("title", None, facts.title or transcript_name))
        if "reissue-ref" in f:
            bibl.append(el("idno", {"type": "reissue-ref"}, f["reissue-ref"]))
        for key in ("issued", "reissued"):
            if key in f and f[key][1]:
                bibl.append(el("date", {"type": key, "when": f[key][1]}, f[key][0]))
        for key in ("copy", "message"):
            if key in f:
                bibl.append(el("idno", {"type": key}, f[key]))
        desc.append(bibl)
    if facts.bibl is not None:
        desc.append(copy.deepcopy(facts.bibl))
    if facts.archive:
        a = facts.archive
        shelfmark = f"f. {a['fond']}, op. {a['opis']}, d. {a['delo']}, l. {a['list']}"
        desc.append(el("msDesc", None, el(
            "msIdentifier", None,
            el("repository", None, "Central Archive of the FSB" if a["repo"] == "CA FSB" else a["repo"]),
            el("collection", None, f"fond {a['fond']}"),
            el("idno", {"type": "shelfmark"}, shelfmark),
            el("altIdentifier", {"type": "as-transcribed"}, el("idno", None, a["all"])))))
        if "He." in a["all"]:
            desc[-1].append(el("p", None, "“He.” in the transcribed shelfmark is a mistranslation of “Op.” "
                                          "(opis, the inventory)."))
    if not len(desc):
        by = f" by {metadata['author']}" if metadata.get("author") else ""
        desc.append(el("p", None, f"The transcript {transcript_name}{by}."))
    return desc

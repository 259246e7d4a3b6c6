"""Each pass on its own: the line classifier, page breaks, dates, profile detection, the way back."""

from __future__ import annotations

import re

import pytest
from lxml import etree

from rezident.convert import dates
from rezident.convert.detect import detect_profile
from rezident.convert.diplomatic import Regenerator
from rezident.convert.lines import blocks, classify
from rezident.convert.profiles.crest import _page_breaks

from .conftest import xpath


@pytest.mark.parametrize("line, profile, kind", [
    ("~~TOP SECRET~~", "venona", "banner"), ("Top Secret", "archive-translation", "banner"),
    ("SECRET", "slides", "text"), ("-2-", "crest", "page-number"), ("- 3 -", "venona", "page-number"),
    ("[Continued overleaf]", "venona", "catchword"), ("25X1 25X6", "crest", "exemption"),
    ("Ref. No: 3/NBF/T261 (of 3/11/1952)", "venona", "field"), ("From: MOSCOW", "venona", "field"),
    ("No. 304", "venona", "serial"), ("Comments: [i] x", "venona", "comments"), ("[iv] PETROV : x", "venona", "comment"),
    ("5. As some", "crest", "numbered"), ("1.The statement", "archive-translation", "numbered"),
    ("2008.S. 290", "archive-translation", "text"), ("3.\u00a0 \u00a0 It is", "archive-translation", "numbered"),
    ("- a bullet", "slides", "bullet"), (" - nested", "slides", "bullet"), ("* Litter on", "archive-translation", "annotation"),
    ("\u00a0 A source: Petrov", "archive-translation", "source"), ("Post a Comment", "archive-translation", "carrier"),
    ("Marx-Engels | Lenin | Stalin | Home Page", "archive-translation", "carrier"), ("", "crest", "blank"),
])
def test_lines_are_classified_per_profile(line, profile, kind):
    assert classify(line, profile)[0] == kind


def test_plain_lines_form_paragraphs_and_continue_points():
    found = blocks("5. A point\nthat wraps\n\nA paragraph\nof two lines\n6. Next", "crest")
    assert [(b.kind, b.located.line) for b in found] == [("numbered", 1), ("text", 4), ("numbered", 6)]
    assert found[0].text == "5. A point\nthat wraps"


def test_a_blank_line_inside_a_sentence_is_joined():
    found = blocks("* Litter: received on December 26,\n\n1982 from the apparatus\n\nNew paragraph.", "archive-translation")
    assert [b.kind for b in found] == ["annotation", "text"]
    assert found[0].text.endswith("1982 from the apparatus")


def test_a_sentence_that_ends_is_not_joined():
    found = blocks("It ended.\n\nthen lower case", "crest")
    assert len(found) == 2


def test_page_break_goes_before_the_running_head_of_its_page():
    found = blocks("text one\n\nSECRET\n\nSECRET\n\n25X1\n\n-3-\n\ntext two", "crest")
    marks = _page_breaks(found)
    assert [found[i].kind for i in marks] == ["banner"] and list(marks) == [2]


@pytest.mark.parametrize("text, iso", [
    ("23 November 1938.", "1938-11-23"), ("from May 21, 1937", "1937-05-21"), ("7 April 46", "1946-04-07"),
    ("(of 3/11/1952)", "1952-11-03"), ("Protocol No. 65a, 24 November 1938.", "1938-11-24"),
])
def test_dates_are_read_into_iso(text, iso):
    assert dates.find_date(text)[1] == iso


def test_impossible_dates_are_not_dates():
    assert dates.find_date("31/13/1952") is None


@pytest.mark.parametrize("text, profile", [
    ("x [13 groups unrecovered] y [B% z]\n\nComments: [i] c", "venona"),
    ("SECRET\n\n25X1\n\n-2-\n\ntext [ ] 25X1", "crest"),
    ("Title\n\n- one **b**\n- two\n- three\n", "slides"),
    ("Just a letter.\n\nWith paragraphs.", "archive-translation"),
])
def test_profile_detection(text, profile):
    assert detect_profile(text) == profile


def tei(fragment: str) -> etree._Element:
    return etree.fromstring(f'<p xmlns="http://www.tei-c.org/ns/1.0">{fragment}</p>')


@pytest.mark.parametrize("fragment, diplomatic", [
    ('<gap reason="cipher-unrecovered" quantity="13" unit="group"/>', "[13 groups unrecovered]"),
    ('<gap reason="unrecoverable" quantity="1" unit="group"/>', "[1 group unrecoverable]"),
    ('<gap reason="redacted"/>', "[ ]"), ('<gap reason="omitted"/>', "[...]"),
    ('<unclear reason="cipher-recovery" cert="medium" n="B">the former</unclear>', "[B% the former]"),
    ('<term>RESIDENT</term> <note type="original-term" place="inline"><foreign xml:lang="ru-Latn">REZIDENT</foreign>'
     '</note>', "RESIDENT [REZIDENT]"),
    ('<choice><abbr>TsK</abbr><expan>Central Committee</expan></choice>', "TsK [Central Committee]"),
    ('<supplied reason="punctuation">,</supplied>', "[,]"),
    ('<ref type="noteAnchor" target="#note-ii"><choice><sic>11</sic><corr>ii</corr></choice></ref>', "[11]"),
    ('<fw type="header"><del rend="strikethrough">TOP SECRET</del></fw>', "~~TOP SECRET~~"),
    ('<hi rend="bold">a <hi rend="italic">b</hi></hi>', "**a *b***"),
    ('<choice><orig>\\$</orig><reg>$</reg></choice>5', "\\$5"),
    ('<title type="alt" xml:lang="en">State Security</title>', "[State Security]"),
    ('<note type="comment" n="iv">PETROV : x</note>', "[iv] PETROV : x"),
    ('<note type="source-comment" n="1">Comment</note>', "1. Comment"),
    ('<note type="annotation" n="*">Litter</note>', "* Litter"),
])
def test_the_way_back_for_each_construct(fragment, diplomatic):
    assert Regenerator().inner(tei(fragment)).strip() == diplomatic


def test_a_document_that_would_lose_text_is_never_written(monkeypatch, project_setup):
    """The whole-document round trip guards against faults of the converter itself."""
    from rezident.convert.document import convert_text
    from rezident.convert.structure import Builder
    from rezident.errors import RezidentError
    monkeypatch.setattr(Builder, "page", lambda self, block: [])   # a fault: page numbers dropped
    with pytest.raises(RezidentError, match="would not give back the transcript") as caught:
        convert_text("SECRET\n\ntext one\n\n-2-\n\ntext two\n", edition=project_setup.edition, doc_id="x",
                     transcript_name="x.txt", profile="venona", kind="cable", metadata={},
                     declared=project_setup.declared, forms=project_setup.forms, transcript_bytes=b"")
    assert (caught.value.line, caught.value.column) == (5, 1)


def test_opener_fields_outside_the_registers_are_kept_on_their_own_lines(snippet):
    root, _ = snippet("""\
        From: NOWHERE

        To: ELSEWHERE

        No: 12

        The text of the cable follows here.
        """, "venona")
    opener = xpath(root, "//t:opener")[0]
    assert "".join(opener.itertext()) == "From: NOWHERETo: ELSEWHERENo: 12"
    assert len(xpath(opener, "t:lb")) == 2


@pytest.mark.parametrize("profile, index, plain, pieces", [
    ("crest", 0, r"\b25X\d\b", ["25X", "2", "5", "X", "1", " ", "a", "_", "Ж", "\n", "25X1"]),
    ("crest", 4, r"\b(?:CIA|RELEASED?|DECLASSIFIED|CLASSIFICATION)\b",
     ["CIA", "RELEASE", "RELEASED", "DECLASSIFIED", "CLASSIFICATION", "C", "D", "R", " ", "x", "_", "1", "Ж", "S"]),
    ("archive-translation", 1, r"\b[A-Z][A-Za-z]*[A-Z]\w* \[[A-Z][a-z]",
     ["A", "B", "a", "1", "_", " ", " [", "[", "Ab", "Ts", "K", "Ж", "é"]),
])
def test_detection_signs_count_what_their_plain_patterns_count(profile, index, plain, pieces):
    """The signs are written for speed (a look-behind after the first character); they count the same."""
    import random

    from rezident.convert.detect import SIGNS

    fast, plain_pattern = SIGNS[profile][index], re.compile(plain)
    chooser = random.Random(11)
    for _ in range(3000):
        text = "".join(chooser.choice(pieces) for _ in range(chooser.randint(1, 12)))
        assert fast.findall(text) == plain_pattern.findall(text), text


def test_every_kind_of_line_is_anchored_at_the_start():
    """``classify`` matches each kind's pattern at the start of the line only (match, not search)."""
    from re import _parser as parser  # private: reads a pattern's structure

    from rezident.convert.lines import LINE_KINDS

    for kind in LINE_KINDS:
        assert not kind.pattern.flags & re.MULTILINE, kind.name
        assert parser.parse(kind.pattern.pattern)[0] == (parser.AT, parser.AT_BEGINNING), kind.name


def test_elements_made_from_prototypes_are_independent():
    """``el`` copies a cached prototype: changing one element leaves the next one as asked for."""
    from rezident.convert.tei import el

    first = el("gap", {"reason": "redacted", "xml:id": "g1"}, "x")
    first.set("reason", "omitted")
    first.tag = first.tag.replace("gap", "p")
    first.append(el("lb"))
    second = el("gap", {"reason": "redacted", "xml:id": "g1"})
    assert etree.tostring(second) == (b'<gap xmlns="http://www.tei-c.org/ns/1.0" reason="redacted" '
                                      b'xml:id="g1"/>')
    assert el("gap", {"reason": None, "unit": "group"}).attrib == {"unit": "group"}

"""The format-neutral functions of xslt/common/core.xsl (shared with the PDF)."""

from __future__ import annotations

import pytest

TEI = "http://www.tei-c.org/ns/1.0"


def doc(body: str = "", header: str = "") -> str:
    return f'<TEI xmlns="{TEI}"><teiHeader>{header}</teiHeader><text><body>{body}</body></text></TEI>'


@pytest.mark.parametrize("code, words", [
    ("25X1", "human source"), ("25X2", "weapons of mass destruction"), ("25X3", "cryptologic"),
    ("25X4", "weapon system"), ("25X5", "war plans"), ("25X6", "foreign government"),
    ("25X7", "President"), ("25X8", "emergency preparedness"), ("25X9", "statute, treaty"),
])
def test_every_exemption_code_has_its_meaning(core_value, code, words):
    meaning = core_value(f"rz:exemption-meaning('{code}')")
    assert words in meaning
    assert f"3.3(b)({code[-1]})" in meaning


def test_the_nine_codes_are_listed_in_order(core_value):
    assert core_value("rz:exemption-codes()") == "|".join(f"25X{n}" for n in range(1, 10))


def test_unknown_exemption_code_is_said_to_be_unknown(core_value):
    assert "not one of" in core_value("rz:exemption-meaning('25X0')")


def test_declared_exemption_meaning_wins(core_value):
    header = ('<encodingDesc><classDecl><taxonomy xml:id="exemption-codes"><category xml:id="exemption-25X1">'
              '<catDesc>our own wording</catDesc></category></taxonomy></classDecl></encodingDesc>')
    body = '<p><note type="exemption" corresp="#exemption-25X1">25X1</note></p>'
    assert core_value("rz:exemption-meaning(//tei:note)", doc(body, header)) == "our own wording"


@pytest.mark.parametrize("gap, label", [
    ('<gap reason="cipher-unrecovered" quantity="13" unit="group"/>', "[13 groups unrecovered]"),
    ('<gap reason="cipher-unrecovered" quantity="1" unit="group"/>', "[1 group unrecovered]"),
    ('<gap reason="garbled" quantity="4" unit="group"/>', "[4 groups garbled]"),
    ('<gap reason="redacted"/>', "[redacted]"),
    ('<gap reason="omitted"/>', "[...]"),
    ('<gap reason="damage"/>', "[damage]"),
])
def test_gap_labels(core_value, gap, label):
    assert core_value("rz:gap-label(//tei:gap)", doc(f"<p>{gap}</p>")) == label


def test_redaction_is_written_as_empty_brackets(core_value):
    assert core_value("rz:gap-diplomatic(//tei:gap)", doc('<p><gap reason="redacted"/></p>')) == "[ ]"


def test_note_labels_keep_roman_numbers_and_count_the_rest(core_value):
    body = ('<p>a<note>first</note> b<note>second</note></p>'
            '<note type="comment" n="iii">c</note><note type="annotation">d</note>')
    assert core_value("//tei:note ! rz:note-label(.)", doc(body)) == "1|2|iii|*"


def test_reading_of_choices(core_value):
    body = ('<p><choice><sic>11</sic><corr>ii</corr></choice> <choice><orig>\\$</orig><reg>$</reg></choice> '
            '<choice><abbr>TsK</abbr><expan>Central Committee</expan></choice></p>')
    assert core_value("rz:reading-text(//tei:p)", doc(body)) == "ii $ TsK [Central Committee]"
    assert core_value("//tei:choice ! rz:choice-diplomatic(.) ! string()", doc(body)) == \
        "11|\\$|TsK|Central Committee"


def test_ids_are_shared_by_every_output(core_value):
    body = ('<p><term>A</term> <persName ref="registers/persons.xml#per-x">X</persName> '
            '<term xml:id="t-own">B</term> <rs ref="registers/persons.xml#per-x">Y</rs></p>')
    assert core_value("//tei:term ! rz:term-id(.)", doc(body)) == "term-1|t-own"
    assert core_value("//*[@ref] ! rz:mention-id(.)", doc(body)) == "mention-1|mention-2"
    assert core_value("//*[@ref] ! rz:mention-register(.)", doc(body)) == "persons|persons"
    assert core_value("//*[@ref] ! rz:mention-key(.)", doc(body)) == "per-x|per-x"


HEADER = """
<fileDesc><titleStmt><title type="main">A cable</title></titleStmt></fileDesc>
<encodingDesc><classDecl>
  <taxonomy xml:id="classification"><category xml:id="cls-top-secret"><catDesc>Top Secret</catDesc></category></taxonomy>
  <taxonomy xml:id="kind"><category xml:id="kind-cable"><catDesc>Cable</catDesc></category></taxonomy>
</classDecl></encodingDesc>
<profileDesc>
  <creation><date notBefore="1953">after 1953</date></creation>
  <correspDesc>
    <correspAction type="sent"><placeName ref="registers/places.xml#pl-moscow">MOSCOW</placeName></correspAction>
    <correspAction type="received"><placeName>CANBERRA</placeName><persName>the RESIDENT</persName></correspAction>
  </correspDesc>
  <textClass><catRef scheme="#classification" target="#cls-top-secret"/><catRef scheme="#kind" target="#kind-cable"/></textClass>
</profileDesc>"""


def test_header_facts(core_value):
    document = doc("<p/>", HEADER)
    assert core_value("rz:title(/tei:TEI)", document) == "A cable"
    assert core_value("rz:kind(/tei:TEI)", document) == "Cable"
    assert core_value("rz:classification(/tei:TEI)", document) == "Top Secret"
    assert core_value("rz:sender(/tei:TEI)", document) == "MOSCOW"
    assert core_value("rz:addressee(/tei:TEI)", document) == "CANBERRA, the RESIDENT"
    assert core_value("rz:sort-date(/tei:TEI)", document) == "1953"
    assert core_value("rz:date-label(/tei:TEI)", document) == "not before 1953"


@pytest.mark.parametrize("iso, label", [("1946-04-07", "7 April 1946"), ("1946-04", "April 1946"),
                                        ("1946", "1946")])
def test_dates_read_as_people_write_them(core_value, iso, label):
    assert core_value(f"rz:format-iso('{iso}')") == label


DAY = "[D] [MNn] [Y]"
MONTH = "[MNn] [Y]"


@pytest.mark.parametrize("iso, date, picture", [
    ("1946-04-07", "1946-04-07", DAY), ("0946-01-31", "0946-01-31", DAY), ("0001-12-01", "0001-12-01", DAY),
    ("9999-12-31", "9999-12-31", DAY), ("1946-04-07Z", "1946-04-07Z", DAY),
    ("1946-04-07+05:00", "1946-04-07+05:00", DAY), ("2000-02-29", "2000-02-29", DAY),
    ("-0044-03-15", "-0044-03-15", DAY), ("10000-01-01", "10000-01-01", DAY),
    ("1946-04-07T10:00:00", "1946-04-07", DAY), ("1953-11", "1953-11-01", MONTH), ("0946-03", "0946-03-01", MONTH),
])
def test_dates_are_spelt_as_format_date_spells_them(core_value, iso, date, picture):
    """rz:format-iso writes dates itself (format-date is slow); it must say what format-date says."""
    expected = core_value(f"format-date(xs:date('{date}'), '{picture}', 'en', (), ())")
    assert core_value(f"rz:format-iso('{iso}')") == expected


def test_foreign_tei_header_falls_back(core_value):
    frus = ('<fileDesc><titleStmt><title type="complete">Telegram From Athens</title>'
            '<title type="short">Athens</title></titleStmt><publicationStmt>'
            '<date type="created" when="2002-08-19">August 19, 2002</date></publicationStmt></fileDesc>')
    document = doc("<p/>", frus)
    assert core_value("rz:title(/tei:TEI)", document) == "Telegram From Athens"
    assert core_value("rz:date-label(/tei:TEI)", document) == "19 August 2002"
    assert core_value("rz:kind(/tei:TEI)", document) == ""


def test_unclear_explanation_without_declaration_uses_certainty(core_value):
    document = doc('<p><unclear reason="cipher-recovery" cert="low" n="D">x</unclear></p>')
    assert core_value("rz:unclear-explanation(//tei:unclear)", document) == \
        "Uncertain recovery, flagged D by the source (taken to mean low confidence)."

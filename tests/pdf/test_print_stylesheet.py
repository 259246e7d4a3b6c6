"""The print stylesheet on small TEI fragments: each mark in its print form."""

from __future__ import annotations

from pathlib import Path

import cssselect2
import lxml.html
import pytest

from rezident.errors import RezidentError
from rezident.pdf.stylesheet import EditionFacts, PrintStylesheet


def select(element: lxml.html.HtmlElement, selector: str) -> list[lxml.html.HtmlElement]:
    """Elements under ``element`` matching a CSS selector (the print CSS's own terms)."""
    wrapper = cssselect2.ElementWrapper.from_html_root(element)
    return [match.etree_element for match in wrapper.query_all(selector)]


def text_of(element: lxml.html.HtmlElement) -> str:
    return " ".join(element.text_content().split())


def test_unrecovered_groups_are_bracketed_counts(print_html):
    html = print_html('<p>the <gap reason="cipher-unrecovered" quantity="13" unit="group"/> and '
                      '<gap reason="cipher-unrecovered" quantity="1" unit="group"/> and '
                      '<gap reason="garbled" quantity="2" unit="group"/></p>')
    gaps = [text_of(g) for g in select(html, ".doc-text .gap")]
    assert gaps == ["[13 groups unrecovered]", "[1 group unrecovered]", "[2 groups garbled]"]


def test_redaction_is_a_bar_and_its_code_goes_to_the_margin(print_html):
    html = print_html('<p>Security <gap reason="redacted"/><note type="exemption" place="margin" '
                      'corresp="#exemption-25X1">25X1</note> was ignored.</p>')
    paragraph = select(html, ".doc-text p")[0]
    assert select(paragraph, ".redaction")
    margin = select(paragraph, ".margin .exemption")
    assert [text_of(m) for m in margin] == ["25X1"]
    # the code stands only in the margin, not in the line
    for mark in select(paragraph, ".margin"):
        mark.drop_tree()
    assert text_of(paragraph) == "Security [redacted] was ignored."


def test_marks_between_blocks_ride_on_the_next_block(print_html):
    html = print_html('<p>one</p><fw type="catch" place="bottom">[Continued overleaf]</fw><pb n="2"/>'
                      '<fw type="pageNum">-2-</fw><note type="exemption" place="margin">25X1</note>'
                      '<p>two</p>')
    second = select(html, ".doc-text p.p")[1]
    marks = [text_of(m) for m in select(second, ".margin > span")]
    assert marks == ["-2-", "25X1"]
    # one marginal box only, so the two cannot overlap
    assert len(select(second, ".margin")) == 1
    assert text_of(select(html, ".fw.catch")[0]) == "[Continued overleaf]"


def test_page_break_inside_a_line_is_marked_in_the_line_and_the_margin(print_html):
    html = print_html('<p>end of one page <pb n="3"/>start of the next</p>')
    paragraph = select(html, ".doc-text p")[0]
    assert [text_of(m) for m in select(paragraph, ".margin .pb")] == ["p. 3"]
    assert select(paragraph, ".pb-mark")


def test_uncertain_recovery_keeps_the_source_flag(print_html):
    html = print_html('<p><unclear reason="cipher-recovery" cert="medium" n="B">the former</unclear></p>')
    unclear = select(html, ".doc-text .unclear")[0]
    assert text_of(select(unclear, ".flag")[0]) == "B"
    assert "the former" in text_of(unclear)


def test_original_term_follows_in_italics_and_is_not_hyphenated(print_html):
    html = print_html('<p>the <term>RESIDENT</term> <note type="original-term" place="inline">'
                      '<foreign xml:lang="ru-Latn">REZIDENT</foreign></note>.</p>')
    paragraph = select(html, ".doc-text p")[0]
    assert text_of(paragraph) == "the RESIDENT [REZIDENT]."
    assert select(paragraph, ".original-term .foreign[lang='ru-Latn']")
    assert not select(html, ".footnote")


def test_original_term_that_is_not_one_foreign_word_is_still_italic(print_html):
    html = print_html('<p>the <term>RESIDENT</term> <note type="original-term" place="inline">'
                      'REZIDENT <foreign xml:lang="ru-Latn">KGB</foreign></note>.</p>')
    term = select(html, ".doc-text .original-term")[0]
    assert text_of(term) == "[REZIDENT KGB]"
    # the brackets stay upright: they are outside the italic box
    assert term.text == "[" and select(term, ".term-text")[0].tail == "]"


def test_a_document_printed_alone_gives_its_mentions_no_boxes_or_anchors(print_html):
    """Nothing in a single document cites a mention's page (registers are in
    the volume): no box, no named destination; a language still gets its box."""
    html = print_html('<p>The <term>RESIDENT</term> <note type="original-term" place="inline">'
                      '<foreign xml:lang="ru-Latn">REZIDENT</foreign></note> met '
                      '<persName ref="registers/persons.xml#per-beriya">BERIYA</persName> in '
                      '<placeName ref="registers/places.xml#pl-moskva" xml:lang="ru-Latn">Moskva</placeName>.</p>')
    paragraph = select(html, ".doc-text p")[0]
    assert text_of(paragraph) == "The RESIDENT [REZIDENT] met BERIYA in Moskva."
    assert [text_of(m) for m in select(paragraph, ".mention")] == ["Moskva"]
    assert select(paragraph, ".mention[lang='ru-Latn']")
    assert not [e for e in paragraph.iter() if e.get("id")]


def test_choices_read_as_the_contract_says(print_html):
    html = print_html('<p><choice><abbr xml:lang="ru-Latn">TsK</abbr><expan>Central Committee</expan></choice>; '
                      '<choice><sic>11</sic><corr>ii</corr></choice>; '
                      '<choice><orig>\\$</orig><reg>$</reg></choice>50; '
                      'GUZENKO <supplied reason="punctuation">,</supplied> has</p>')
    assert text_of(select(html, ".doc-text p")[0]) == "TsK [Central Committee]; ii; $50; GUZENKO [,] has"


def test_comments_are_footnotes_at_their_anchor_with_their_own_numbers(print_html):
    html = print_html(
        '<p>first<ref type="noteAnchor" target="#note-i" xml:id="anchor-i"><choice><sic>1</sic><corr>i</corr></choice></ref>'
        ' second<ref type="noteAnchor" target="#note-ii">ii</ref> again<ref type="noteAnchor" target="#note-i">i</ref></p>',
        back='<div type="comments"><note type="comment" n="i" xml:id="note-i">Comment one.</note>'
             '<note type="comment" n="ii" xml:id="note-ii">Comment two.</note>'
             '<note type="comment" n="iii" xml:id="note-iii">Nobody points here.</note></div>')
    footnotes = select(html, ".footnote")
    assert [(f.get("data-label"), text_of(f)) for f in footnotes] == [("i", "Comment one."), ("ii", "Comment two.")]
    # a second anchor repeats the call, not the note
    assert [text_of(c) for c in select(html, ".doc-text .call")] == ["i"]
    # the unanchored comment is printed after the text
    endnotes = select(html, ".endnotes .endnote")
    assert [text_of(e) for e in endnotes] == ["iii Nobody points here."]


def test_other_notes_are_numbered_per_document(print_html):
    html = print_html('<p>a<note type="editorial">one</note> b<note type="editorial">two</note>'
                      ' c<note type="source-comment" n="1">foot</note></p>'
                      '<note type="annotation">Litter on the first sheet.</note>')
    labels = [f.get("data-label") for f in select(html, ".footnote")]
    assert labels == ["1", "2", "1"]
    block = select(html, ".note-block.annotation")[0]
    assert text_of(block) == "* Litter on the first sheet."


def test_a_note_too_long_for_a_page_goes_after_the_text(print_html):
    long = " ".join(["word"] * 2000)
    html = print_html(f'<p>text<note type="editorial">{long} END</note></p>')
    assert not select(html, ".footnote")
    assert [text_of(c) for c in select(html, ".doc-text .call.long")] == ["1"]
    assert text_of(select(html, ".long-notes .endnote")[0]).endswith("END")


def test_banners_are_kept_and_struck_where_struck(print_html):
    html = print_html('<fw type="header" subtype="classification"><del rend="strikethrough">TOP SECRET</del></fw>'
                      '<p>x</p><fw type="footer" subtype="classification">SECRET</fw>')
    banners = select(html, ".doc-text .fw.classification")
    assert [text_of(b) for b in banners] == ["TOP SECRET", "SECRET"]
    assert select(banners[0], "s")


def test_carrier_text_is_not_part_of_the_document(print_html):
    html = print_html('<p>document</p>', back='<div type="carrier"><p>Post a Comment</p></div>')
    assert "Post a Comment" not in text_of(html)


def test_unknown_elements_keep_their_text(print_html):
    html = print_html('<p>kept <seg><w>inside</w> <unknownThing>unknown</unknownThing></seg> too</p>'
                      '<floatingText><body><p>nested text</p></body></floatingText>')
    text = text_of(select(html, ".doc-text")[0])
    assert "kept inside unknown too" in text
    assert "nested text" in text


def test_russian_keeps_its_language(print_html):
    html = print_html('<p>he said <foreign xml:lang="ru">если будет правда</foreign>.</p>')
    assert select(html, ".doc-text [lang='ru']")[0].text_content() == "если будет правда"


def test_the_legend_shows_the_marks_the_document_uses(print_html):
    html = print_html('<p>the <gap reason="cipher-unrecovered" quantity="2" unit="group"/></p>')
    marks = [text_of(m) for m in select(html, ".legend .mark")]
    assert marks == ["[13 groups unrecovered]"]


def test_header_facts_head_the_document(print_html):
    html = print_html("<p>x</p>", header="""
        <profileDesc><creation><date when="1946-04-07"/></creation>
          <correspDesc><correspAction type="sent"><placeName>MOSCOW</placeName></correspAction>
            <correspAction type="received"><placeName>CANBERRA</placeName></correspAction></correspDesc>
        </profileDesc>""")
    assert text_of(select(html, "h1.doc-title")[0]) == "Fragment"
    assert text_of(select(html, ".doc-date")[0]) == "7 April 1946"
    facts = dict(zip([text_of(d) for d in select(html, "dt")], [text_of(d) for d in select(html, "dd")]))
    assert facts["From"] == "MOSCOW" and facts["To"] == "CANBERRA"


def test_volume_orders_documents_by_date(tmp_path: Path, stylesheet: PrintStylesheet):
    def write(name: str, date: str | None) -> Path:
        creation = f'<profileDesc><creation><date when="{date}"/></creation></profileDesc>' if date else ""
        path = tmp_path / f"{name}.xml"
        path.write_text(f'<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="{name}"><teiHeader><fileDesc>'
                        f'<titleStmt><title type="main">{name}</title></titleStmt><publicationStmt><p/></publicationStmt>'
                        f'<sourceDesc><p/></sourceDesc></fileDesc>{creation}</teiHeader>'
                        f'<text><body><p>{name}</p></body></text></TEI>', encoding="utf-8")
        return path

    paths = [write("undated", None), write("late", "1960-01-01"), write("early", "1937-05-21")]
    html = lxml.html.fromstring(stylesheet.volume_html(paths, EditionFacts(title="Vol"), None))
    assert [a.get("href") for a in select(html, ".toc-documents a")] == ["#early", "#late", "#undated"]
    assert [a.get("id") for a in select(html, "article.tei-document")] == ["early", "late", "undated"]
    assert text_of(select(html, "h1.volume-title")[0]) == "Vol"
    assert not select(html, "#glossary")   # nothing to gloss: no glossary, no contents line
    assert [text_of(li) for li in select(html, ".toc-back li")] == ["Encoding conventions"]


def test_a_broken_stylesheet_folder_is_named(tmp_path: Path):
    with pytest.raises(RezidentError, match="print stylesheet"):
        PrintStylesheet(tmp_path)


def test_volume_glossary_and_registers_point_at_their_occurrences(tmp_path: Path, stylesheet: PrintStylesheet):
    tei = tmp_path / "doc.xml"
    tei.write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="doc"><teiHeader><fileDesc>'
        '<titleStmt><title type="main">Doc</title></titleStmt><publicationStmt><p/></publicationStmt>'
        '<sourceDesc><p/></sourceDesc></fileDesc></teiHeader><text><body>'
        '<p>The <term>RESIDENT</term> <note type="original-term" place="inline"><foreign xml:lang="ru-Latn">REZIDENT</foreign></note>'
        ' met <persName ref="registers/persons.xml#per-beriya">BERIYA</persName> and again'
        ' <rs type="covername" ref="registers/persons.xml#per-beriya">PETROV</rs>.</p></body></text></TEI>',
        encoding="utf-8")
    registers = tmp_path / "registers"
    registers.mkdir()
    (registers / "persons.xml").write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><listPerson>'
        '<person xml:id="per-beriya"><persName type="main">Lavrentiy Beriya</persName>'
        '<persName type="covername">PETROV</persName><note>NKVD chief.</note></person>'
        '<person xml:id="per-nobody"><persName type="main">Anna Nobody</persName></person>'
        '</listPerson></body></text></TEI>', encoding="utf-8")
    html = lxml.html.fromstring(stylesheet.volume_html([tei], EditionFacts(title="Vol"), registers))
    ids = {e.get("id") for e in html.iter() if e.get("id")}

    entries = {text_of(select(e, ".entry-name")[0]): e for e in select(html, "#register-persons .entry")}
    assert list(entries) == ["Lavrentiy Beriya", "Anna Nobody"]   # by surname
    beriya = entries["Lavrentiy Beriya"]
    assert "PETROV (cover name)" in text_of(beriya) and "NKVD chief." in text_of(beriya)
    refs = [a.get("href") for a in select(beriya, "a.pageref")]
    assert len(refs) == 1 and refs[0][1:] in ids          # the first mention in the document
    assert not select(entries["Anna Nobody"], "a.pageref")  # never mentioned

    term = select(html, "#glossary .entry")[0]
    assert text_of(term).startswith("REZIDENT: RESIDENT")
    assert select(term, "a.pageref")[0].get("href")[1:] in ids
    assert [text_of(li) for li in select(html, ".toc-back li")] == ["Persons", "Glossary", "Encoding conventions"]


def test_a_source_that_only_names_the_document_does_not_repeat_its_title(project_root, stylesheet, facts):
    # The VENONA cable's sourceDesc/bibl holds its own title and typed
    # numbers and dates: these keep their rows, the title is not repeated.
    tei = project_root / "tei" / "venona-1946-04-07-moscow-canberra-76.xml"
    page = lxml.html.fromstring(stylesheet.document_html(tei, facts))
    labels = [text_of(dt) for dt in select(page, "dl.doc-facts dt")]
    assert "Source" not in labels
    assert {"From", "To"} <= set(labels) and len(labels) >= 6

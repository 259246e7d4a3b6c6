"""Single templates of xslt/html/text.xsl on small TEI fragments."""

from __future__ import annotations

import pytest
from html_helpers import text_of
from lxml import etree


def one(root: etree._Element, xpath: str) -> etree._Element:
    found = root.xpath(xpath)
    assert len(found) == 1, f"{xpath}: {len(found)} matches in {etree.tostring(root, encoding='unicode')}"
    return found[0]


def tip(root: etree._Element, phenomenon: etree._Element) -> str:
    """The explanation tied to a phenomenon by aria-describedby."""
    tip_id = phenomenon.get("aria-describedby")
    assert tip_id, "the phenomenon is not described"
    return " ".join(one(root, f"//*[@id='{tip_id}']").xpath("string()").split())


@pytest.mark.parametrize("quantity, label", [
    (13, "[13 groups unrecovered]"),
    (1, "[1 group unrecovered]"),
    (2, "[2 groups unrecovered]"),
])
def test_unrecovered_groups_are_labelled_and_sized(render_fragment, quantity, label):
    out = render_fragment(f'<p>a <gap reason="cipher-unrecovered" quantity="{quantity}" unit="group"/> b</p>')
    gap = one(out, "//span[contains(@class, 'gap-cipher-unrecovered')]")
    assert text_of(gap, "reading") == label
    assert text_of(gap, "diplomatic") == label
    assert f"--groups: {quantity}" in gap.get("style")
    assert gap.get("tabindex") == "0"
    assert "did not recover" in tip(out, gap)


@pytest.mark.parametrize("reason, word", [("unrecoverable", "unrecoverable"), ("garbled", "garbled"),
                                          ("corrupt", "corrupt")])
def test_other_cipher_losses_keep_their_own_word(render_fragment, reason, word):
    out = render_fragment(f'<p><gap reason="{reason}" quantity="3" unit="group"/></p>')
    gap = one(out, f"//span[contains(@class, 'gap-{reason}')]")
    assert text_of(gap) == f"[3 groups {word}]"


def test_redaction_is_a_bar_with_its_exemption_explained(render_fragment):
    out = render_fragment('<p>A passage <gap reason="redacted"/> withheld. '
                          '<note type="exemption" place="margin" corresp="#exemption-25X1">25X1</note></p>')
    gap = one(out, "//span[contains(@class, 'gap-redacted')]")
    assert one(gap, ".//span[contains(@class, 'bar')]").text == "redacted"
    assert text_of(gap, "diplomatic") == "[ ]"
    explanation = tip(out, gap)
    assert "25X1" in explanation and "human source" in explanation


def test_redaction_finds_the_exemption_code_beside_its_paragraph(render_fragment):
    out = render_fragment('<note type="exemption" place="margin">25X6</note>'
                          '<p><gap reason="redacted"/> text</p>')
    gap = one(out, "//span[contains(@class, 'gap-redacted')]")
    assert "25X6" in tip(out, gap) and "foreign" in tip(out, gap)


def test_exemption_code_links_to_the_glossary_and_explains_itself(render_fragment):
    out = render_fragment('<p>text <note type="exemption" place="margin" corresp="#exemption-25X3">25X3</note></p>')
    code = one(out, "//a[contains(@class, 'exemption')]")
    assert code.get("href") == "glossary.html#exemption-25X3"
    assert "cryptologic" in tip(out, code)
    assert "margin" in code.get("class")


def test_omission_by_quoting_author(render_fragment):
    out = render_fragment('<p><quote>“we <gap reason="omitted"/> must”</quote></p>')
    gap = one(out, "//span[contains(@class, 'gap-omitted')]")
    assert text_of(gap) == "[...]"
    assert "quoting author" in tip(out, gap)


def test_gap_with_description_uses_it(render_fragment):
    out = render_fragment('<p><gap reason="illegible"><desc>ink blot</desc></gap></p>')
    assert text_of(out) == "[ink blot]"


def test_uncertain_recovery_shows_its_flag(render_fragment):
    out = render_fragment('<p>as <unclear reason="cipher-recovery" cert="medium" n="B">the former</unclear> x</p>')
    unclear = one(out, "//span[contains(@class, 'unclear')][@tabindex]")
    assert text_of(unclear, "reading") == "the formerB"
    assert text_of(unclear, "diplomatic") == "[B% the former]"
    assert "flagged B" in tip(out, unclear)
    assert "medium" in tip(out, unclear)


def test_flag_meaning_comes_from_the_editorial_declaration(render_fragment):
    header = ('<encodingDesc><editorialDecl><list><label>D</label>'
              '<item>recovered with considerable doubt</item></list></editorialDecl></encodingDesc>')
    out = render_fragment('<p><unclear reason="cipher-recovery" n="D">for us</unclear></p>', header)
    unclear = one(out, "//span[@tabindex]")
    assert "considerable doubt" in tip(out, unclear)


def test_original_term_follows_its_english(render_fragment):
    out = render_fragment('<p>the <term>RESIDENT</term> <note type="original-term" place="inline">'
                          '<foreign xml:lang="ru-Latn">REZIDENT</foreign></note>.</p>')
    assert text_of(out, "reading") == text_of(out, "diplomatic") == "the RESIDENT [REZIDENT]."
    foreign = one(out, "//*[@lang='ru-Latn']")
    assert foreign.text == "REZIDENT"
    original = one(out, "//span[contains(@class, 'original-term')]")
    assert "REZIDENT" in tip(out, original) and "RESIDENT" in tip(out, original)
    assert one(out, "//span[@class='term']").get("id") == "term-1"


def test_abbreviation_keeps_the_translators_gloss(render_fragment):
    out = render_fragment('<p>the <choice><abbr xml:lang="ru-Latn">TsK</abbr>'
                          '<expan xml:lang="en">Central Committee</expan></choice> of</p>')
    assert text_of(out) == "the TsK [Central Committee] of"
    assert one(out, "//abbr").get("lang") == "ru-Latn"
    assert one(out, "//span[contains(@class, 'abbr-gloss')]").get("id") == "abbr-1"


def test_normalization_reads_the_regularized_form(render_fragment):
    out = render_fragment(r'<p>paid <choice><orig>\$</orig><reg>$</reg></choice>50</p>')
    assert text_of(out, "reading") == "paid $50"
    assert text_of(out, "diplomatic") == r"paid \$50"


def test_supplied_text_has_brackets_of_its_own(render_fragment):
    out = render_fragment('<p>GUZENKO<supplied reason="punctuation">,</supplied> has</p>')
    assert text_of(out, "reading") == "GUZENKO⟨,⟩ has"
    assert text_of(out, "diplomatic") == "GUZENKO[,] has"
    supplied = one(out, "//span[contains(@class, 'supplied')][@tabindex]")
    assert "translator" in tip(out, supplied)


def test_note_anchor_reads_corrected_and_links_both_ways(render_fragment):
    out = render_fragment(
        '<p>x <ref type="noteAnchor" target="#note-ii" xml:id="anchor-ii">'
        '<choice><sic>11</sic><corr>ii</corr></choice></ref></p>'
        '<div type="comments"><head>Comments:</head>'
        '<note type="comment" n="ii" xml:id="note-ii" target="#anchor-ii">Not identified.</note></div>')
    anchor = one(out, "//a[contains(@class, 'noteref')]")
    assert anchor.get("href") == "#note-ii" and anchor.get("id") == "anchor-ii"
    assert text_of(anchor, "reading") == "ii"
    assert text_of(anchor, "diplomatic") == "[11]"
    note = one(out, "//li[@id='note-ii']")
    assert one(note, ".//span[@class='note-label']").text == "ii"
    assert one(note, ".//a[@class='backlink']").get("href") == "#anchor-ii"
    assert one(out, "//section[contains(@class, 'notes')]/h2").text == "Comments"


def test_a_misread_comment_label_is_shown_as_written_in_the_diplomatic_view(render_fragment):
    out = render_fragment(
        '<p>x <ref type="noteAnchor" target="#note-ii" xml:id="anchor-ii">'
        '<choice><sic>11</sic><corr>ii</corr></choice></ref></p>'
        '<div type="comments"><note type="comment" n="ii" xml:id="note-ii" target="#anchor-ii">'
        '<label><choice><sic>11</sic><corr>ii</corr></choice></label> Not identified.</note>'
        '<note type="comment" n="iii" xml:id="note-iii">Read right.</note></div>')
    misread = one(out, "//li[@id='note-ii']//span[@class='note-label']")
    assert text_of(misread, "reading") == "ii"
    assert text_of(misread, "diplomatic") == "11"
    assert "11" not in text_of(one(out, "//li[@id='note-ii']//div[@class='note-body']"), "diplomatic")
    assert one(out, "//li[@id='note-iii']//span[@class='note-label']").text == "iii"


def test_inline_note_without_anchor_becomes_a_reference(render_fragment):
    out = render_fragment('<p>Text<note n="3">A footnote.</note> goes on.</p>')
    ref = one(out, "//a[contains(@class, 'noteref')]")
    assert text_of(ref) == "3"
    assert "A footnote." not in text_of(one(out, "//p"))


def test_banner_struck_through(render_fragment):
    out = render_fragment('<fw type="header" subtype="classification"><del rend="strikethrough">TOP SECRET</del></fw>')
    banner = one(out, "//span[contains(@class, 'fw-classification')]")
    assert one(banner, ".//del").text == "TOP SECRET"
    assert text_of(banner, "diplomatic") == "~~TOP SECRET~~"
    assert "margin" in banner.get("class")
    assert "downgraded" in tip(out, banner)


def test_page_break_and_catchword(render_fragment):
    out = render_fragment('<fw type="catch" place="bottom">[Continued overleaf]</fw><pb n="2"/>'
                          '<fw type="pageNum">-2-</fw>')
    assert one(out, "//span[@class='pb']").get("id") == "page-2"
    assert "Catchword" in tip(out, one(out, "//span[contains(@class, 'fw-catch')]"))
    assert text_of(one(out, "//span[contains(@class, 'fw-pagenum')]")) == "-2-"


def test_emphasis_and_its_markdown_notation(render_fragment):
    out = render_fragment('<p><hi rend="bold">bold</hi> and <hi rend="italic">it</hi></p>')
    assert one(out, "//b").text == "bold" and one(out, "//i").text == "it"
    assert text_of(out, "diplomatic") == "**bold** and *it*"


def test_russian_carries_its_language(render_fragment):
    out = render_fragment('<p>word <foreign xml:lang="ru">конспирация</foreign></p>')
    assert one(out, "//span[@lang='ru']").text == "конспирация"


def test_mentions_link_to_their_register_entry(render_fragment):
    out = render_fragment('<p><rs type="covername" ref="registers/persons.xml#per-beriya">PETROV</rs> and '
                          '<orgName ref="registers/organisations.xml#org-nkvd">NKVD</orgName> in '
                          '<placeName ref="registers/places.xml#pl-moscow">Moscow</placeName></p>')
    links = out.xpath("//a[contains(@class, 'mention')]")
    assert [a.get("href") for a in links] == ["persons.html#per-beriya", "organisations.html#org-nkvd",
                                             "places.html#pl-moscow"]
    assert [a.get("id") for a in links] == ["mention-1", "mention-2", "mention-3"]


def test_unknown_elements_keep_their_text(render_fragment):
    out = render_fragment('<p>before <mysteryElement>kept <b2>inside</b2></mysteryElement> after</p>'
                          '<strangeBlock><p>a paragraph inside</p></strangeBlock>')
    assert text_of(out) == "before kept inside after a paragraph inside"
    assert one(out, "//div[@class='tei-strangeBlock']/p").text == "a paragraph inside"


def test_blocks_inside_a_paragraph_stay_valid_html(render_fragment):
    out = render_fragment('<p>Intro <list><item>one</item><item>two</item></list> end</p>')
    holder = one(out, "//*[contains(@class, 'p')][.//ul]")
    assert holder.tag == "div"
    assert [li.text for li in out.xpath("//li")] == ["one", "two"]


def test_nested_lists_and_slides(render_fragment):
    out = render_fragment('<div type="slide"><head>The « Great Terror »</head><list>'
                          '<item>top<list><item>nested</item></list></item></list></div>')
    assert one(out, "//section[contains(@class, 'div-slide')]/h3").text == "The « Great Terror »"
    assert one(out, "//ul/li/ul/li").text == "nested"


def test_carrier_text_is_kept_apart(render_fragment):
    out = render_fragment('<div type="carrier"><p>Post a Comment</p></div>')
    details = one(out, "//details[@class='carrier']")
    assert "Post a Comment" in text_of(details)


def test_links_to_missing_places_keep_only_their_text(render_fragment):
    out = render_fragment('<p><ref target="../chapter-12#fn43">Footnote 43</ref> and '
                          '<ref target="https://history.state.gov/">the Office</ref></p>')
    assert not out.xpath("//a[contains(@href, 'chapter-12')]")
    assert one(out, "//a[@href='https://history.state.gov/']").text == "the Office"
    assert "Footnote 43" in text_of(out)


def test_continued_paragraph_is_marked(render_fragment):
    out = render_fragment('<p part="F">many officers</p>')
    continued = one(out, "//span[contains(@class, 'continued')]")
    assert "not in the transcript" in tip(out, continued)

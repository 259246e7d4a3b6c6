"""A document's summary gives each mention and term its reading text,
whether it holds text only or editorial markup."""

from __future__ import annotations

from lxml import etree

from rezident.html import HtmlRenderer

TEI_NS = "http://www.tei-c.org/ns/1.0"
S = {"s": "https://rezident.example/ns/summary"}


def summary_of(renderer: HtmlRenderer, tmp_path, body: str) -> etree._Element:
    source = tmp_path / "doc.xml"
    source.write_text(f'<TEI xmlns="{TEI_NS}"><teiHeader/><text><body><p>{body}</p></body></text></TEI>',
                      encoding="utf-8")
    return etree.fromstring(renderer.summarize(source))


def test_mentions_and_terms_read_as_the_reading_text(renderer: HtmlRenderer, tmp_path):
    summary = summary_of(renderer, tmp_path, (
        '<placeName ref="registers/places.xml#pl-moscow">  MOS\n COW </placeName> '
        '<persName ref="registers/persons.xml#per-guzenko"><choice><sic>GUZENK0</sic>'
        '<corr>GUZENKO</corr></choice> <note>a note</note>jr</persName> '
        '<term>security</term> <note type="original-term" place="inline"><foreign xml:lang="ru-Latn">'
        'KONSPIRATSIYA</foreign></note> <term>the <gap reason="cipher-unrecovered" quantity="2" unit="group"/> '
        'network</term>'))
    assert summary.xpath("s:mention/text()", namespaces=S) == ["MOS COW", "GUZENKO jr"]
    assert summary.xpath("s:term/text()", namespaces=S) == ["security", "the [2 groups unrecovered] network"]
    assert summary.xpath("s:term[1]/@original", namespaces=S) == ["KONSPIRATSIYA"]

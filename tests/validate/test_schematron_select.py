"""The expressions the compiled Schematron selects rule contexts with pick exactly what the patterns match."""

from __future__ import annotations

import pytest
from lxml import etree

from rezident.validate.schematron import _select

NS = {"tei": "http://www.tei-c.org/ns/1.0"}
DOCUMENT = etree.fromstring("""
<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:x="urn:x" xml:id="d" ref="top">
  <teiHeader><profileDesc><creation><date when="1946-04-07"/></creation></profileDesc></teiHeader>
  <text><body>
    <p xml:id="p1"><persName ref="registers/persons.xml#a">A</persName>
      <x:foreign ref="r" when="1940"/> <date notAfter="1950" notBefore="1940"/>
      <gap reason="redacted"/><gap reason="cipher-unrecovered" quantity="3" unit="group"/></p>
    <note type="comment" xml:id="note-i" n="i"/><ref type="noteAnchor" target="#note-i"/>
  </body></text>
</TEI>""").getroottree()

PATTERNS = [
    "tei:*[@ref]",
    "*[@ref]",
    "tei:*[@xml:id]",
    "*[@xml:id]",
    "tei:*[@when or @notBefore or @notAfter]",
    "*[ @when  or @notAfter ]",
    "tei:date[@when]",
    "tei:gap[@reason = 'cipher-unrecovered' or @reason = 'garbled']",
    "tei:profileDesc/tei:creation/tei:date | tei:docDate | tei:*[@ref]",
    "tei:note[@type = 'comment'] | tei:ref[@type = 'noteAnchor']",
    "tei:gap[1]",  # the first gap child of its parent: a position, not a test
    "tei:gap[not(@quantity)][1]",
    "tei:gap[@reason][2]",
    "tei:p[tei:gap]",
    "tei:*[contains(@reason, 'cipher')]",
    "tei:*[not(@xml:id)][@ref]",
    "*[@n = 'i' or @when]",
]


@pytest.mark.parametrize("pattern", PATTERNS)
def test_select_finds_what_the_pattern_matches(pattern: str):
    # What a match pattern matches is what "//" + each branch selects from the root.
    expected = DOCUMENT.xpath(" | ".join("//" + b.strip() for b in pattern.split(" | ")), namespaces=NS)
    assert expected, "each pattern should match something in the sample"
    assert DOCUMENT.xpath(_select(pattern), namespaces=NS) == expected


def test_attribute_predicates_walk_attributes_not_elements():
    assert _select("tei:*[@when or @notBefore]") == "(//*/@when | //*/@notBefore)/parent::tei:*"


def test_tests_walk_the_descendants_once_positions_keep_their_meaning():
    assert _select("tei:gap[@reason = 'x']") == "/descendant::tei:gap[@reason = 'x']"
    assert _select("tei:TEI[not(@type = 'register')]") == "/descendant::tei:TEI[not(@type = 'register')]"
    for positional in ("tei:gap[1]", "tei:gap[$n]", "tei:gap[count(tei:p)]", "tei:gap[@a][2]",
                       "tei:gap[not(@a) + 1]"):
        assert _select(positional) == "//" + positional
    assert _select("/tei:TEI") == "/tei:TEI"
    assert _select("tei:idno/tei:p[@n = '1']") == "//tei:idno/tei:p[@n = '1']"

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


def test_keys_on_an_attribute_index_the_attributes_and_calls_take_their_parents():
    from rezident.validate.schematron import _attribute_key, _keyed_by_attribute

    xsl = "http://www.w3.org/1999/XSL/Transform"
    names: set[str] = set()
    key = _attribute_key(etree.Element(f"{{{xsl}}}key", name="ids", match="*[@xml:id]", use="@xml:id"),
                         names)
    assert (key.get("match"), key.get("use"), names) == ("*/@xml:id", ".", {"ids"})
    kept = _attribute_key(etree.Element(f"{{{xsl}}}key", name="a", match="tei:ref[@type = 'x']",
                                        use="@target"), names)
    assert (kept.get("match"), kept.get("use"), names) == ("tei:ref[@type = 'x']", "@target", {"ids"})
    assert _keyed_by_attribute("count(key('ids', @xml:id)) = 1", names) == \
        "count((key('ids', @xml:id)/parent::*)) = 1"
    assert _keyed_by_attribute("key('ids', substring(@target, 2))[self::tei:note]", names) == \
        "(key('ids', substring(@target, 2))/parent::*)[self::tei:note]"
    untouched = "'key(\"ids\", 1)' = mykey('ids', 2) or key('anchors', @n)"
    assert _keyed_by_attribute(untouched, names) == untouched


def test_the_rewritten_key_finds_the_same_elements():
    from rezident.validate.schematron import _keyed_by_attribute

    def lookup(key: str, expression: str) -> list:
        stylesheet = etree.XML(f"""<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
            xmlns:tei="http://www.tei-c.org/ns/1.0">{key}
          <xsl:template match="/"><r><xsl:for-each select="{expression}">
            <e><xsl:value-of select="count(preceding::*) + count(ancestor::*)"/></e></xsl:for-each></r>
          </xsl:template></xsl:stylesheet>""")
        return [e.text for e in etree.XSLT(stylesheet)(DOCUMENT).getroot()]

    expression = "key('ids', 'note-i') | key('ids', //tei:TEI/@xml:id) | key('ids', 'p1')[self::tei:p]"
    before = lookup('<xsl:key name="ids" match="*[@xml:id]" use="@xml:id"/>', expression)
    after = lookup('<xsl:key name="ids" match="*/@xml:id" use="."/>', _keyed_by_attribute(expression, {"ids"}))
    assert len(before) == 3 and after == before

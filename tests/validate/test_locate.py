"""Findings point at the start tag of their element: line and column."""

from __future__ import annotations

from lxml import etree

from rezident.validate.locate import SourceLocator

SOURCE = b"""<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <p>one <hi rend="x">a</hi> and <hi rend="y">b</hi></p>
  <p
     n="2">two</p>
  <!-- <p> in a comment -->
  <p>three</p>
</TEI>
"""


def _locator() -> tuple[SourceLocator, etree._Element]:
    tree = etree.fromstring(SOURCE).getroottree()
    return SourceLocator(tree, SOURCE), tree.getroot()


def test_each_of_two_equal_tags_on_a_line_has_its_column() -> None:
    locator, root = _locator()
    first, second = root.iter("{*}hi")
    assert locator.position(first) == (2, 10)
    assert locator.position(second) == (2, 34)


def test_a_start_tag_over_several_lines_is_found_where_it_begins() -> None:
    locator, root = _locator()
    spread = root[1]
    assert spread.sourceline == 4  # libxml2: where the start tag ends
    assert locator.position(spread) == (3, 3)


def test_a_tag_in_a_comment_is_not_mistaken_for_the_element() -> None:
    locator, root = _locator()
    last = root[-1]
    assert locator.position(last) == (6, 3)


def test_element_at_finds_by_line_and_name() -> None:
    locator, root = _locator()
    assert locator.element_at(2, "hi") is next(root.iter("{*}hi"))
    assert locator.element_at(2, "list") is None

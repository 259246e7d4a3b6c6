"""Where an element is in its file: the line lxml records, and the column.

libxml2 gives RELAX NG errors a line but no column, and Schematron reports
an XPath. Both are mapped back to the element, and the element's start tag is
found in the source line so that editors can jump to it.
"""

from __future__ import annotations

import re
from collections import defaultdict

from lxml import etree


class SourceLocator:
    """Finds elements and their columns in one parsed file; built only when there are findings."""

    def __init__(self, tree: etree._ElementTree, data: bytes):
        self.tree = tree
        self._lines = data.split(b"\n")
        self._by_line: dict[int, list[etree._Element]] | None = None

    def _index(self) -> dict[int, list[etree._Element]]:
        if self._by_line is None:
            self._by_line = defaultdict(list)
            for element in self.tree.iter(etree.Element):
                self._by_line[element.sourceline].append(element)
        return self._by_line

    def elements_at(self, line: int, local_name: str | None) -> list[etree._Element]:
        """The elements named ``local_name`` (any, if None) whose start tags end on ``line``."""
        return [e for e in self._index().get(line, [])
                if local_name is None or etree.QName(e).localname == local_name]

    def element_at(self, line: int, local_name: str | None) -> etree._Element | None:
        """The first of ``elements_at``."""
        found = self.elements_at(line, local_name)
        return found[0] if found else None

    def position(self, element: etree._Element) -> tuple[int | None, int | None]:
        """1-based line and column of the element's start tag (column None if it cannot be told).

        libxml2 records the line where a start tag ends; one spread over
        several lines is found by looking back from there.
        """
        line = element.sourceline
        if not line or line > len(self._lines):
            return line, None
        local = etree.QName(element).localname
        name = f"{element.prefix}:{local}" if element.prefix else local
        tag = re.compile(rf"<{re.escape(name)}(?=[\s/>]|$)")
        same = [e for e in self._index().get(line, [])
                if etree.QName(e).localname == local and e.prefix == element.prefix]
        rank = same.index(element) if element in same else 0
        starts = [m.start() for m in tag.finditer(self._text(line))]
        if len(starts) == len(same) and rank < len(starts):
            return line, starts[rank] + 1
        if not starts and rank == 0:
            for earlier in range(line - 1, max(line - 20, 0), -1):
                found = [m.start() for m in tag.finditer(self._text(earlier))]
                if found:
                    return earlier, found[-1] + 1
        return line, None  # in a comment or CDATA as well, perhaps: do not guess

    def _text(self, line: int) -> str:
        return self._lines[line - 1].decode("utf-8", errors="replace")

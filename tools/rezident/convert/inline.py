"""The inline pass: notations inside a block of text become TEI.

At each point of the text every active convention looks for its next match;
the earliest wins (ties: the lower priority, then the longer match). What a
convention builds is checked against the transcript with the diplomatic rules
before it is kept: a notation that would not round-trip stays as text, with a
warning. Bracketed text no convention claims is reported too.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from lxml import etree

from .conventions import Convention, Found
from .diplomatic import Regenerator, squeeze
from .located import ConversionWarning, Located
from .tei import Node, el

# conventions whose TEI (quote, bibl) the edition's schema allows in running text only
NOT_IN_PHRASES = frozenset({"quotation", "archival-citation", "press-citation", "imprint"})
UNKNOWN_BRACKET = re.compile(r"\[[^\[\]\n]{0,80}\]")


def roman_reading(written: str) -> str:
    """``11`` as printed is an OCR misreading of ``ii``: anchors are read as roman numerals."""
    return "i" * len(written) if written.isdigit() else written


class Context:
    """What the inline pass of one document knows and records."""

    def __init__(self, conventions: Sequence[Convention], regenerator: Regenerator):
        self.conventions = tuple(conventions)
        self.regenerator = regenerator
        self.warnings: list[ConversionWarning] = []
        self.counts: Counter[str] = Counter()
        self.exemptions: set[str] = set()
        self.languages: set[str] = set()
        self.anchors: dict[str, list[str]] = {}     # reading (ii) -> anchor ids
        self.anchor_places: dict[str, tuple[int, int]] = {}   # reading -> line, column of the first
        self.comment_places: dict[str, tuple[int, int]] = {}  # reading -> line, column of the comment
        self._stack: list[tuple[Located, str]] = []

    # -- recording ------------------------------------------------------------

    def warn(self, where: Located, offset: int, message: str) -> None:
        line, column = where.where(offset)
        self.warnings.append(ConversionWarning(line, column, message))

    def note_language(self, tag: str) -> None:
        self.languages.add(tag)

    def note_anchor(self, written: str, found: Found) -> etree._Element:
        reading = roman_reading(written)
        located, _ = self._stack[-1]
        self.anchor_places.setdefault(reading, located.where(found.start))
        ids = self.anchors.setdefault(reading, [])
        anchor_id = f"anchor-{reading}" if not ids else f"anchor-{reading}-{len(ids) + 1}"
        ids.append(anchor_id)
        content = el("choice", None, el("sic", None, written), el("corr", None, reading)) \
            if written != reading else reading
        return el("ref", {"type": "noteAnchor", "target": f"#note-{reading}", "xml:id": anchor_id}, content)

    # -- parsing --------------------------------------------------------------

    def parse_part(self, found: Found, part: str, phrase_only: bool = False) -> list[Node]:
        """Parse one named part of a match (the content of ``**...**``) on its own.

        ``phrase_only`` keeps out what the edition's schema allows only in running
        text (quotations, citations): for the content of ``supplied`` and ``unclear``.
        """
        located, _ = self._stack[-1]
        start = found.offsets[part]
        return self._parse(located.slice(start, start + len(found.parts[part])),
                           NOT_IN_PHRASES if phrase_only else frozenset())

    def parse_text(self, text: str, found: Found, part: str) -> list[Node]:
        """Parse the leading ``text`` of a part (for builders that split a part, such as a citation)."""
        located, _ = self._stack[-1]
        start = found.offsets[part]
        return self._parse(located.slice(start, start + len(text)), NOT_IN_PHRASES)

    def parse(self, located: Located) -> list[Node]:
        """The TEI nodes for a block's text."""
        return self._parse(located)

    def _parse(self, located: Located, also_excluded: frozenset[str] = frozenset()) -> list[Node]:
        excluded = also_excluded | {self._stack[-1][1]} if self._stack else also_excluded
        text = located.text
        nodes: list[Node] = []
        pos = 0
        # [convention, its next match]: searched again only once pos has passed the match's start;
        # a convention with no match left drops out (most find nothing in a given block)
        pending: list[list] = [[c, None] for c in self.conventions
                               if c.name not in excluded and c.needs in text] if text else []
        for entry in pending:
            entry[1] = entry[0].find(text, 0)
        pending = [entry for entry in pending if entry[1] is not None]
        while pos < len(text):
            best: tuple[tuple[int, int, int], Convention, Found] | None = None
            exhausted = False
            for entry in pending:
                convention, found = entry
                if found.start < pos:
                    found = entry[1] = convention.find(text, pos)
                    if found is None:
                        exhausted = True
                        continue
                if found.end == found.start:
                    continue
                key = (found.start, convention.priority, found.start - found.end)
                if best is None or key < best[0]:
                    best = (key, convention, found)
            if exhausted:
                pending = [entry for entry in pending if entry[1] is not None]
            if best is None:
                break
            _, convention, found = best
            self._text(nodes, located, pos, found.start)
            nodes.extend(self._build(convention, found, located))
            pos = found.end
        self._text(nodes, located, pos, len(text))
        return nodes

    def _build(self, convention: Convention, found: Found, located: Located) -> list[Node]:
        written = located.text[found.start:found.end]
        self._stack.append((located, convention.name))
        try:
            built = convention.build(found, self)
        finally:
            self._stack.pop()
        regenerated = self.regenerator.nodes(built)
        if regenerated != written and squeeze(regenerated) != squeeze(written):   # mostly equal as they are
            self.warn(located, found.start,
                      f"{written!r} looks like {convention.name} but would not give back the same text; "
                      "kept as text")
            return [written]
        if convention.counts_as:
            self.counts[convention.counts_as] += 1
        return built

    def _text(self, nodes: list[Node], located: Located, start: int, end: int) -> None:
        if start >= end:
            return
        chunk = located.text[start:end]
        if "[" in chunk:
            for match in UNKNOWN_BRACKET.finditer(chunk):
                self.warn(located, start + match.start(),
                          f"unknown notation {match.group()!r} kept as text")
        nodes.append(chunk)

"""Text that remembers where it came from, so every warning can name line and column."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

WS = " \t\r\n"   # ASCII whitespace: the only whitespace the round trip may change
_RUNS = re.compile(r"[ \t\r\n]+")
_NEWLINE = re.compile("\n")


def squash(text: str) -> str:
    """Runs of ASCII whitespace to one space; no-break spaces are content and stay."""
    return _RUNS.sub(" ", text).strip(WS)


@dataclass(frozen=True)
class Located:
    """A piece of the transcript: ``text`` starts at ``line``:``column`` (1-based).

    Only the first line of a multi-line piece may start at a column other than 1.
    """

    text: str
    line: int
    column: int = 1

    def _breaks(self) -> list[int]:
        """Where the line breaks are, found once per piece (not a cached_property: its lock cost more)."""
        breaks = self.__dict__.get("_found_breaks")
        if breaks is None:
            # the regex scans in C: a comprehension over every character cost about 1 ms per document;
            # most pieces are one line, and "in" tells that cheaper still
            breaks = [match.start() for match in _NEWLINE.finditer(self.text)] if "\n" in self.text else []
            object.__setattr__(self, "_found_breaks", breaks)
        return breaks

    def where(self, offset: int) -> tuple[int, int]:
        """Line and column of the character at ``offset`` in ``text``."""
        breaks = self._breaks()
        before = bisect_left(breaks, offset)
        if before == 0:
            return self.line, self.column + offset
        return self.line + before, offset - breaks[before - 1]

    def slice(self, start: int, end: int | None = None) -> Located:
        line, column = self.where(start)
        return Located(self.text[start:end], line, column)

    def strip(self) -> Located:
        """Without the ASCII whitespace around it."""
        lead = len(self.text) - len(self.text.lstrip(WS))
        return self.slice(lead, lead + len(self.text.strip(WS)))


@dataclass(frozen=True)
class ConversionWarning:
    """Something the converter kept as text but a person should look at."""

    line: int
    column: int
    message: str

    def format(self, path: str) -> str:
        return f"{path}:{self.line}:{self.column}: warning: {self.message}"

"""The line classifier: each line of a transcript becomes a typed block.

Kinds of line are declared once here, each with the profiles that use it.
Consecutive text lines form one block (a paragraph); a line of another kind
stands alone, and plain lines right under it continue it (a numbered point
that wraps). A paragraph split by a blank line inside a sentence
(``December 26,`` / ``1982 from ...``) is joined again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from .conventions import ALL
from .located import WS, Located

CLASSIFICATION = r"(?:TOP SECRET|SECRET|CONFIDENTIAL|RESTRICTED|UNCLASSIFIED)"


@dataclass(frozen=True)
class LineKind:
    name: str
    profiles: frozenset[str]
    pattern: re.Pattern[str]
    continues: bool = False   # plain lines directly under it belong to it

    def applies_to(self, profile: str) -> bool:
        return ALL in self.profiles or profile in self.profiles


def _k(name: str, profiles: str, pattern: str, continues: bool = False, flags: int = 0) -> LineKind:
    chosen = frozenset(profiles.split()) if profiles != ALL else frozenset({ALL})
    return LineKind(name, chosen, re.compile(pattern, flags), continues)


LINE_KINDS: tuple[LineKind, ...] = (
    _k("banner", "venona crest archive-translation",
       rf"^[ \t]*(?P<struck>~~)?(?P<level>{CLASSIFICATION})(?(struck)~~)[ \t]*$", flags=re.IGNORECASE),
    _k("page-number", "venona crest", r"^[ \t]*-[ \t]*(?P<n>\d+)[ \t]*-[ \t]*$"),
    _k("catchword", "venona crest", r"^[ \t]*\[Continued[^\]]*\][ \t]*$"),
    _k("exemption", "crest", r"^[ \t]*25X[1-9](?:[ \t]+25X[1-9])*[ \t]*$"),
    _k("field", "venona", r"^(?P<key>Ref\. No|Issued|Copy No|From|To|No):[ \t]*(?P<value>.*?)[ \t]*$"),
    _k("reissue", "venona", r"^[ \t]*RE-ISSUE[ \t]*$"),
    _k("comments", "venona", r"^Comments:", continues=True),
    # a comment label; ``1``, ``11``, ``111`` are OCR misreadings of i, ii, iii (as in the anchors)
    _k("comment", "venona", r"^\[(?P<n>(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3})|1+)\]\s", continues=True),
    _k("serial", "venona", r"^No\.[ \t]*\d+[ \t]*$"),
    _k("numbered", "crest archive-translation", r"^(?P<n>\d{1,3})\.(?=[\s\u00a0]|[A-Z])", continues=True),
    _k("bullet", "slides", r"^(?P<indent>[ \t]*)- ", continues=True),
    _k("annotation", "archive-translation", r"^\*\s", continues=True),
    _k("source", "archive-translation", r"^[\s\u00a0]*A source:", continues=True),
    _k("archive", "archive-translation", r"^[\s\u00a0]*Archive:", continues=True),
    _k("carrier", "archive-translation",
       r"^\s*(?:Post a Comment|Subscribe to Post Comments.*|<< Home|(?:Newer|Older) Posts?|.*Home Page|"
       r"[^|\n]*\|[^|\n]*\|.*)\s*$"),
)


@dataclass
class Block:
    """A typed block: its kind, its text where it stands in the transcript, its parts."""

    kind: str
    located: Located
    parts: dict[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.located.text

    @property
    def single_line(self) -> bool:
        return "\n" not in self.text.strip(WS)

    @property
    def words(self) -> int:
        return len(self.text.split())


def classify(line: str, profile: str) -> tuple[str, dict[str, str]]:
    if not line.strip(WS):
        return "blank", {}
    for kind in _kinds_of(profile):
        # every kind's pattern starts with "^": match() is search() here, without trying every position
        match = kind.pattern.match(line)
        if match:
            return kind.name, {k: v for k, v in match.groupdict().items() if v is not None}
    return "text", {}


@cache
def _kinds_of(profile: str) -> tuple[LineKind, ...]:
    """The kinds of line a profile uses, in order (chosen once, not for every line)."""
    return tuple(kind for kind in LINE_KINDS if kind.applies_to(profile))


CONTINUED = {kind.name for kind in LINE_KINDS if kind.continues} | {"text"}
JOINABLE = CONTINUED - {"comments"}


def blocks(text: str, profile: str, first_line: int = 1) -> list[Block]:
    """Classify the lines of ``text`` and group them into blocks."""
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    out: list[Block] = []
    current: list[int] | None = None   # [first index, last index] of the open block
    kind_of_current = ""
    parts_of_current: dict[str, str] = {}
    blank_since = False

    def close() -> None:
        nonlocal current
        if current is not None:
            start, end = starts[current[0]], starts[current[1]] + len(lines[current[1]])
            out.append(Block(kind_of_current, Located(text[start:end], first_line + current[0]),
                             parts_of_current))
        current = None

    for index, line in enumerate(lines):
        kind, parts = classify(line, profile)
        if kind == "blank":
            close()
            blank_since = True
            continue
        if kind == "text" and current is not None and kind_of_current in CONTINUED:
            current[1] = index
            continue
        close()
        if kind == "text" and blank_since and out and _joins(out[-1], line):
            previous = out.pop()
            current = [previous.located.line - first_line, index]
            kind_of_current, parts_of_current = previous.kind, previous.parts
            blank_since = False
            continue
        current = [index, index]
        kind_of_current, parts_of_current = kind, parts
        blank_since = False
    close()
    return out


def _joins(previous: Block, line: str) -> bool:
    """A blank line inside a sentence: ``December 26,`` then ``1982 from ...``."""
    if previous.kind not in JOINABLE:
        return False
    end = previous.text.rstrip(WS)
    start = line.lstrip(WS)
    return bool(end) and bool(start) and (end[-1] == "," or end[-1].isalpha()) \
        and (start[0].islower() or start[0].isdigit())

"""The registry of transcript notations: each declared once, grouped into profiles.

A convention is a pattern found inside a block of text, the TEI it becomes
(``build``) and, through ``diplomatic.py``, the notation it gives back. The
inline pass (``inline.py``) runs the conventions of a profile over every block;
where two could start at the same character the lower ``priority`` wins.
An edition adds its own conventions as data (``declared.py``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .tei import Node, el

if TYPE_CHECKING:
    from .inline import Context

PROFILES = ("venona", "crest", "archive-translation", "slides")
ALL = "*"


@dataclass(frozen=True)
class Found:
    """A match of a convention: ``text[start:end]`` with its named parts."""

    start: int
    end: int
    parts: dict[str, str]
    offsets: dict[str, int] = field(default_factory=dict)  # where each part starts in the text


@dataclass(frozen=True)
class Convention:
    name: str
    profiles: frozenset[str]
    pattern: re.Pattern[str]
    build: Callable[[Found, Context], list[Node]]
    counts_as: str = ""          # the summary's category ("gaps", "redactions" ...)
    priority: int = 50
    example: str = ""            # a diplomatic form, for the documentation
    locate: Callable[[str, int], Found | None] | None = None
    # a string every match holds: a block without it is not searched ("[" for most notations;
    # most blocks have none, and a search costs more than looking for one character)
    needs: str = ""

    def applies_to(self, profile: str) -> bool:
        return ALL in self.profiles or profile in self.profiles

    def find(self, text: str, pos: int) -> Found | None:
        if self.locate is not None:
            return self.locate(text, pos)
        return search(self.pattern, text, pos)


def search(pattern: re.Pattern[str], text: str, pos: int) -> Found | None:
    """The first match of ``pattern`` in ``text`` from ``pos``, with its named parts."""
    match = pattern.search(text, pos)
    if match is None:
        return None
    parts = match.groupdict()
    if None in parts.values():   # an optional part that did not take part
        parts = {k: v for k, v in parts.items() if v is not None}
    return Found(match.start(), match.end(), parts, {k: match.start(k) for k in parts})


# ------------------------------------------------------------------ builders

def _cipher_gap(found: Found, ctx: Context) -> list[Node]:
    reason = {"unrecovered": "cipher-unrecovered"}.get(found.parts["word"], found.parts["word"])
    return [el("gap", {"reason": reason, "quantity": found.parts["n"], "unit": "group"})]


RECOVERY_CERT = {"A": "high", "B": "medium", "C": "low", "D": "low"}


def _recovery(found: Found, ctx: Context) -> list[Node]:
    letter = found.parts["flag"]
    return [el("unclear", {"reason": "cipher-recovery", "cert": RECOVERY_CERT.get(letter, "unknown"),
                           "n": letter}, ctx.parse_part(found, "text", phrase_only=True))]


def _original_term(found: Found, ctx: Context) -> list[Node]:
    ctx.note_language("ru-Latn")
    return [el("term", None, found.parts["term"]), found.parts["space"],
            el("note", {"type": "original-term", "place": "inline"},
               el("foreign", {"xml:lang": "ru-Latn"}, found.parts["orig"]))]


def _gloss(found: Found, ctx: Context) -> list[Node]:
    ctx.note_language("ru-Latn")
    return [el("choice", None, el("abbr", {"xml:lang": "ru-Latn"}, found.parts["abbr"]),
               el("expan", {"xml:lang": "en"}, found.parts["gloss"]))]


def _supplied(reason: str) -> Callable[[Found, Context], list[Node]]:
    def build(found: Found, ctx: Context) -> list[Node]:
        return [el("supplied", {"reason": reason}, ctx.parse_part(found, "text", phrase_only=True))]
    return build


def _anchor(found: Found, ctx: Context) -> list[Node]:
    return [ctx.note_anchor(found.parts["n"], found)]


def _gap_of(reason: str) -> Callable[[Found, Context], list[Node]]:
    return lambda found, ctx: [el("gap", {"reason": reason})]


def _exemption(found: Found, ctx: Context) -> list[Node]:
    code = found.parts["code"]
    ctx.exemptions.add(code)
    return [el("note", {"type": "exemption", "place": "margin", "corresp": f"#exemption-{code}"}, code)]


def _escape(found: Found, ctx: Context) -> list[Node]:
    return [el("choice", None, el("orig", None, "\\" + found.parts["char"]),
               el("reg", None, found.parts["char"]))]


def _hi(rend: str) -> Callable[[Found, Context], list[Node]]:
    return lambda found, ctx: [el("hi", {"rend": rend}, ctx.parse_part(found, "text"))]


def _quote(found: Found, ctx: Context) -> list[Node]:
    return [el("quote", None, "“", ctx.parse_part(found, "text"), "”")]


def _russian(found: Found, ctx: Context) -> list[Node]:
    ctx.note_language("ru")
    return [el("foreign", {"xml:lang": "ru"}, ctx.parse_part(found, "text"))]


ARCHIVES = r"(?:RGASPI|RGANI|RGVA|RGAE|GARF|AP RF|APRF|TsA FSB|CA FSB)"
ARCHIVAL_ID = re.compile(ARCHIVES + r"[:,]?\s*\d+(?:/\d+)+")


def _archival(found: Found, ctx: Context) -> list[Node]:
    inside = found.parts["text"]
    match = ARCHIVAL_ID.search(inside)
    assert match is not None  # the pattern's lookahead guarantees it
    bibl = el("bibl", None, ctx.parse_text(inside[:match.start()], found, "text"),
              el("idno", {"type": "archival"}, match.group()),
              inside[match.end():])
    return ["(", bibl, ")"]


def _press(found: Found, ctx: Context) -> list[Node]:
    p = found.parts
    when = f"{p['year']}-{int(p['month']):02d}-{int(p['day']):02d}"
    return ["(", el("bibl", None, el("title", None, p["title"]), p["sep"],
                    el("date", {"when": when}, p["date"])), ")"]


def _imprint(found: Found, ctx: Context) -> list[Node]:
    p = found.parts
    return ["(", el("bibl", {"type": "imprint"}, el("pubPlace", None, p["place"]), ": ",
                    el("publisher", None, p["publisher"]), ", ",
                    el("date", {"when": p["year"]}, p["year"]), p.get("rest", "")), ")"]


def _translated_title(found: Found, ctx: Context) -> list[Node]:
    return [el("title", {"type": "alt", "xml:lang": "en"}, found.parts["text"])]


# ------------------------------------------------------------------ original terms

ORIGINAL_WORD = r"[A-Z][A-Za-z'’\-]*"
ORIGINAL_BRACKET = rf"\[(?P<orig>{ORIGINAL_WORD}(?: {ORIGINAL_WORD})*)\]"
ORIGINAL = re.compile(rf"(?P<space>[ \t]*){ORIGINAL_BRACKET}")
# The same matches found from their bracket: a pattern that starts with a literal is scanned
# for in C, one that starts with [ \t]* is tried at every character (17 times slower).
BRACKET = re.compile(ORIGINAL_BRACKET)
NOT_IN_TERM = frozenset("[]*“”()")   # nor whitespace


def _word_before(text: str, window: int, end: int) -> tuple[int, int] | None:
    """Start and end of the word that ends at ``end``, not before ``window``; ``None`` when there is none.

    What ``[^\\s\\[\\]*“”()]+$`` searched in ``text[window:end]`` finds (``$`` also before a
    final line break), scanned backwards from the end: four times faster than the search,
    which tries every character of the window.
    """
    if text[end - 1] == "\n":
        end -= 1
    start = end
    while start > window and not (text[start - 1] in NOT_IN_TERM or text[start - 1].isspace()):
        start -= 1
    return (start, end) if start < end else None


def _mostly_upper(words: list[str]) -> bool:
    for word in words:
        letters = [c for c in word if c.isalpha()]
        if not letters or sum(c.isupper() for c in letters) / len(letters) < 0.6:
            return False
    return True


def _term_start(text: str, end: int, pos: int, wanted: int) -> int | None:
    """Where the English term before ``end`` begins (``None`` when there is none).

    A run of capitals (``NEIGHBOURS' RESIDENCY``) or of capitalised words
    (``Chief Intelligence Directorate``) is taken whole; otherwise as many
    words as the original has (``operational work`` for two), with an
    alternative rendering joined by ``or`` (``study or training``).
    """
    words: list[tuple[int, str]] = []
    cursor = end
    while cursor > pos and len(words) < 6:
        window = max(pos, cursor - 60)   # a word is shorter than this; keeps the look-back linear
        span = _word_before(text, window, cursor)
        if span is None or (span[0] == window > pos and not text[window - 1].isspace()):
            break
        at, word = span[0], text[span[0]:span[1]]
        if words and word[-1] in ",.;:!?":
            break
        words.append((at, word))
        cursor = at
        if cursor > pos and text[cursor - 1] != " ":
            break
        cursor -= 1
    if not words:
        return None
    first = words[0][1]
    letters = [c for c in first if c.isalpha()]
    if not letters:
        return None
    if all(c.isupper() for c in letters):
        def same(word: str) -> bool:  # an all-capitals term: the words before in capitals
            return all(c.isupper() for c in word if c.isalpha()) and any(c.isalpha() for c in word)
    elif first[0].isupper():
        def same(word: str) -> bool:  # a capitalised term: the capitalised words before
            return word[0].isupper()
    else:
        last = min(wanted, len(words)) - 1
        if len(words) > last + 2 and words[last + 1][1] == "or":
            last += 2   # "study or training [VOSPITANIE]": the translator's two renderings
        return words[last][0]
    start = words[0][0]
    for at, word in words[1:]:
        if not same(word):
            break
        start = at
    return start


def _locate_original(text: str, pos: int) -> Found | None:
    for match in BRACKET.finditer(text, pos):
        space = match.start()   # where ORIGINAL's match starts: the spaces before the bracket, not before pos
        while space > pos and text[space - 1] in " \t":
            space -= 1
        orig = match.group("orig")
        if not _mostly_upper(orig.split()) or space == pos:
            continue
        start = _term_start(text, space, pos, len(orig.split()))
        if start is None:
            continue
        parts = {"term": text[start:space], "space": text[space:match.start()], "orig": orig}
        return Found(start, match.end(), parts, {"term": start, "orig": match.start("orig")})
    return None


RUSSIAN = re.compile(r"(?P<text>[\u0400-\u04FF]+(?:[ \-,.%0-9]+[\u0400-\u04FF]+)*)")


def _locate_russian(text: str, pos: int) -> Found | None:
    # an ASCII text has no Cyrillic: str.isascii() knows it at once, the search scans every character
    return None if text.isascii() else search(RUSSIAN, text, pos)


# ------------------------------------------------------------------ the registry

def _c(name: str, profiles: str, pattern: str, build, counts_as: str = "", priority: int = 50,
       example: str = "", locate=None, needs: str | None = None) -> Convention:
    chosen = frozenset(profiles.split()) if profiles != ALL else frozenset({ALL})
    if needs is None:
        needs = "[" if pattern.startswith(r"\[") else ""
    return Convention(name, chosen, re.compile(pattern), build, counts_as, priority, example, locate, needs)


BUILTIN: tuple[Convention, ...] = (
    _c("unrecovered-groups", ALL, r"\[(?P<n>\d+) groups? (?P<word>unrecovered|unrecoverable|garbled|corrupt)\]",
       _cipher_gap, "gaps", 10, "[13 groups unrecovered]", needs="["),
    _c("recovery-flag", ALL, r"\[(?P<flag>[A-Z])% (?P<text>[^\[\]]+?)\]", _recovery, "uncertain recoveries", 10,
       "[B% the former]", needs="["),
    _c("redaction", ALL, r"\[ \]", _gap_of("redacted"), "redactions", 10, "[ ]", needs="[ ]"),
    _c("omission", ALL, r"\[(?:\.\.\.)\]", _gap_of("omitted"), "omissions", 10, "[...]", needs="[...]"),
    _c("supplied-punctuation", ALL, r"\[(?P<text>[,.;:!?])\]", _supplied("punctuation"), "supplied", 10,
       "[,]", needs="["),
    _c("note-anchor", "venona", r"\[(?P<n>1+|(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3}))\]", _anchor, "note anchors", 20,
       "[iv], [11]", needs="["),
    # "25X1" not inside a word; the look-behind after "25X" so that the engine scans for that literal
    _c("exemption-code", "crest", r"(?P<code>25X(?<!\w25X)[1-9])(?!\w)", _exemption, "exemption codes", 20,
       "25X1", needs="25X"),
    _c("markdown-escape", ALL, r"\\(?P<char>[$*_#\[\]\\])", _escape, "normalized", 10, r"\$", needs="\\"),
    _c("original-term", "venona archive-translation", ORIGINAL.pattern, _original_term, "original terms", 30,
       "RESIDENT [REZIDENT]", _locate_original, needs="["),
    _c("abbreviation-gloss", "venona archive-translation",
       # a capital not after a letter or "(" (the look-behind after the [A-Z], so that the scan looks
       # for capitals only), a second capital: "TsK", "NKVD"; written so, the search is three times faster
       r"(?P<abbr>[A-Z](?<![\w(][A-Z])[a-z]*+[A-Z][A-Za-z]*+(?:\([a-z]+\))?)"
       r"[ \t]\[(?P<gloss>(?![ivx]+\])(?=[^\]]*[a-z]{2})[^\[\]%]+)\]",
       _gloss, "glosses", 25, "TsK [Central Committee]", needs="["),
    _c("bold", "slides", r"\*\*(?=\S)(?P<text>.+?)(?<=\S)\*\*", _hi("bold"), "emphasis", 30, "**bold**", needs="**"),
    _c("italic", "slides", r"(?<![*\w])\*(?=[^\s*])(?P<text>[^*\n]+?)(?<=[^\s*])\*(?![*\w])", _hi("italic"),
       "emphasis", 31, "*italic*", needs="*"),
    _c("quotation", "slides", r"“(?P<text>[^“”]*)”", _quote, "quotations", 40, "“...”", needs="“"),
    _c("russian", ALL, RUSSIAN.pattern, _russian, "russian", 45, "Ежов", _locate_russian),
    _c("archival-citation", "slides archive-translation",
       rf"\((?=[^()]*{ARCHIVES}[:,]?\s*\d+/)(?P<text>[^()]*)\)", _archival, "citations", 35,
       "(RGASPI: 558/11/185, f. 1-65)", needs="("),
    _c("press-citation", "slides",
       r"\((?P<title>[A-Z][\w ]+?)(?P<sep>, )(?P<date>(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4}))\)",
       _press, "citations", 35, "(Pravda, 18.12.1921)", needs="("),
    _c("imprint", "slides",
       r"\((?P<place>[A-Z][^():\[\]]*?): (?P<publisher>[^():\[\]]+?), "
       r"(?P<year>1[5-9]\d\d|20\d\d)(?P<rest>[^()\[\]]*)\)",
       _imprint, "citations", 35, "(M.: ROSSPEN, 2004)", needs="("),
    _c("translated-title", "slides", r"\[(?P<text>[A-Z][^\[\]]*)\](?=\s*\([^()]*\d{4})", _translated_title,
       "titles", 40, "[State Security in Russia]", needs="["),
    _c("quoting-author-insertion", "slides", r"\[(?P<text>(?!\s*\])[^\[\]]+)\]", _supplied("quoting-author"),
       "supplied", 60, "[the]", needs="["),
)

BY_NAME = {c.name: c for c in BUILTIN}

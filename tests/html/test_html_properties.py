"""Any mix of the conventions' inline phenomena renders both views right.

Paragraphs are generated from the inline notations of docs/encoding.md in
random order and number; the reading and diplomatic texts of the HTML must
be what each phenomenon's forms, put together, say.
"""

from __future__ import annotations

import html as html_escape

from html_helpers import text_of
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJ", min_size=1, max_size=8)
CYRILLIC = st.text(alphabet="абвгдежзиклмнопрстуфхцчшщыэюя", min_size=1, max_size=8)


def word(w: str) -> tuple[str, str, str]:
    return html_escape.escape(w), w, w


def cipher(n: int) -> tuple[str, str, str]:
    label = f"[{n} group{'s' if n != 1 else ''} unrecovered]"
    return f'<gap reason="cipher-unrecovered" quantity="{n}" unit="group"/>', label, label


def unclear(flag: str, w: str) -> tuple[str, str, str]:
    return (f'<unclear reason="cipher-recovery" cert="medium" n="{flag}">{w}</unclear>',
            f"{w}{flag}", f"[{flag}% {w}]")


def term(english: str, original: str) -> tuple[str, str, str]:
    both = f"{english} [{original}]"
    return (f'<term>{english}</term> <note type="original-term" place="inline">'
            f'<foreign xml:lang="ru-Latn">{original}</foreign></note>', both, both)


def abbreviation(abbr: str, expan: str) -> tuple[str, str, str]:
    both = f"{abbr} [{expan}]"
    return (f'<choice><abbr xml:lang="ru-Latn">{abbr}</abbr><expan xml:lang="en">{expan}</expan></choice>',
            both, both)


def russian(w: str) -> tuple[str, str, str]:
    return f'<foreign xml:lang="ru">{w}</foreign>', w, w


FIXED = [
    ('<gap reason="redacted"/>', "redacted", "[ ]"),
    ('<gap reason="omitted"/>', "[...]", "[...]"),
    ('<supplied reason="punctuation">,</supplied>', "⟨,⟩", "[,]"),
    ('<supplied reason="quoting-author">the</supplied>', "⟨the⟩", "[the]"),
    ("<choice><orig>\\$</orig><reg>$</reg></choice>", "$", "\\$"),
    ('<hi rend="bold">strong</hi>', "strong", "**strong**"),
    ('<hi rend="italic">slanted</hi>', "slanted", "*slanted*"),
    ('<fw type="header" subtype="classification"><del rend="strikethrough">TOP SECRET</del></fw>',
     "TOP SECRET", "~~TOP SECRET~~"),
]

PIECE = st.one_of(
    WORD.map(word),
    st.integers(min_value=1, max_value=60).map(cipher),
    st.builds(unclear, st.sampled_from("BCDT"), WORD),
    st.builds(term, WORD.map(str.upper), WORD.map(str.upper)),
    st.builds(abbreviation, WORD, WORD),
    CYRILLIC.map(russian),
    st.sampled_from(FIXED),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pieces=st.lists(PIECE, min_size=1, max_size=12))
def test_reading_and_diplomatic_views_of_any_paragraph(render_fragment, pieces):
    tei = " ".join(p[0] for p in pieces)
    out = render_fragment(f"<p>{tei}</p>")
    assert text_of(out, "reading") == " ".join(" ".join(p[1] for p in pieces).split())
    assert text_of(out, "diplomatic") == " ".join(" ".join(p[2] for p in pieces).split())
    for mark in out.xpath("//*[contains(concat(' ', @class, ' '), ' ph ')]"):
        assert out.xpath(f"//*[@id='{mark.get('aria-describedby')}'][@role='tooltip']")

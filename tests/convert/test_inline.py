"""Each notation on its own: a snippet in, the TEI it must give out (and back, see the fixture)."""

from __future__ import annotations

import pytest
from lxml import etree

from .conftest import inner_xml, xpath

FIRST_BLOCK = "(//t:body//*[self::t:p or self::t:ab or self::t:item or self::t:head])[1]"


def block(root) -> str:
    return inner_xml(xpath(root, FIRST_BLOCK)[0])


@pytest.mark.parametrize("written, quantity, reason", [
    ("[2 groups unrecovered]", "2", "cipher-unrecovered"),
    ("[13 groups unrecovered]", "13", "cipher-unrecovered"),
    ("[1 group unrecovered]", "1", "cipher-unrecovered"),
    ("[3 groups unrecoverable]", "3", "unrecoverable"),
    ("[4 groups garbled]", "4", "garbled"),
    ("[1 group corrupt]", "1", "corrupt"),
])
def test_cipher_groups_become_counted_gaps(snippet, written, quantity, reason):
    root, result = snippet(f"the former {written} cipher clerk\n", "venona")
    assert block(root) == (f'the former <gap reason="{reason}" quantity="{quantity}" unit="group"/> '
                           "cipher clerk")
    assert result.counts["gaps"] == 1 and not result.warnings


def test_singular_and_plural_must_agree_or_the_notation_stays_text(snippet):
    root, result = snippet("x [1 groups unrecovered] y\n", "venona")
    assert xpath(root, "//t:gap") == []
    assert "[1 groups unrecovered]" in block(root)
    assert any("would not give back" in w.message for w in result.warnings)


@pytest.mark.parametrize("flag, cert", [("B", "medium"), ("C", "low"), ("D", "low"), ("T", "unknown")])
def test_recovery_flags_keep_the_sources_letter(snippet, flag, cert):
    root, _ = snippet(f"it is essential [{flag}% for us] to draw\n", "venona")
    assert block(root) == (f'it is essential <unclear reason="cipher-recovery" cert="{cert}" n="{flag}">for us'
                           "</unclear> to draw")


@pytest.mark.parametrize("text, term, original", [
    ("by the RESIDENT [REZIDENT].", "RESIDENT", "REZIDENT"),
    ("tasks of the CENTRE [TsENTR], and", "CENTRE", "TsENTR"),
    ("in the NEIGHBOURS' RESIDENCY [REZIDENTURA SOSEDEJ] in", "NEIGHBOURS' RESIDENCY", "REZIDENTURA SOSEDEJ"),
    ("of the Chief Intelligence Directorate [REZIDENTURA GRU] of", "Chief Intelligence Directorate",
     "REZIDENTURA GRU"),
    ("agent network and operational work [AGENTURNO-OPERATIVNAYA RABOTA], paying", "operational work",
     "AGENTURNO-OPERATIVNAYA RABOTA"),
    ("there was no study or training [VOSPITANIE] of people", "study or training", "VOSPITANIE"),
    ("principles of security [KONSPIRATSIYA] were", "security", "KONSPIRATSIYA"),
])
def test_original_terms_follow_the_english_term(snippet, text, term, original):
    root, result = snippet(text + "\n", "venona")
    assert xpath(root, "string(//t:term)") == term
    assert xpath(root, "string(//t:note[@type='original-term']/t:foreign[@xml:lang='ru-Latn'])") == original
    assert result.counts["original terms"] == 1


@pytest.mark.parametrize("abbr, gloss", [
    ("TsK", "Central Committee"), ("VKP(b)", "All-Union Communist Party (Bolsheviks)"),
    ("UNKVD", "Local NKVD"), ("ChK", "Cheka"),
])
def test_abbreviations_with_a_gloss_become_a_choice(snippet, abbr, gloss):
    root, _ = snippet(f"I request that the {abbr} [{gloss}] relieve me\n", "archive-translation")
    assert (f'<choice><abbr xml:lang="ru-Latn">{abbr}</abbr><expan xml:lang="en">{gloss}</expan></choice>'
            in block(root))


def test_supplied_punctuation(snippet):
    root, _ = snippet("in CANADA - GUZENKO [,] has betrayed\n", "venona")
    assert '<supplied reason="punctuation">,</supplied>' in block(root)


@pytest.mark.parametrize("written, reading", [("1", "i"), ("11", "ii"), ("111", "iii"), ("iv", "iv")])
def test_note_anchors_are_read_as_roman_and_linked_both_ways(snippet, written, reading):
    root, _ = snippet(f"""\
        SOME TITLE OF THE CABLE

        A sentence [{written}] here.

        Comments: [{reading}] The comment.
        """, "venona")
    anchor = xpath(root, "//t:ref[@type='noteAnchor']")[0]
    assert anchor.get("target") == f"#note-{reading}"
    note = xpath(root, f"//t:note[@type='comment'][@n='{reading}']")[0]
    assert note.get("target") == "#" + anchor.get("{http://www.w3.org/XML/1998/namespace}id")
    if written != reading:
        assert xpath(anchor, "string(t:choice/t:sic)") == written
        assert xpath(anchor, "string(t:choice/t:corr)") == reading


def test_an_anchor_after_a_capitalised_word_is_an_anchor_not_a_gloss(snippet):
    root, result = snippet("""\
        SOME TITLE OF THE CABLE

        The work of the NEIGHBOURS [ii] was poor.

        Comments: [ii] NEIGHBOURS: Members of another Soviet intelligence organization.
        """, "venona")
    assert xpath(root, "//t:choice/t:expan") == []
    assert xpath(root, "string(//t:ref[@type='noteAnchor']/@target)") == "#note-ii"
    assert not result.warnings


def test_an_anchor_without_its_comment_is_reported(snippet):
    _, result = snippet("SOME TITLE OF THE CABLE\n\nA sentence [iv] here.\n", "venona")
    assert any("[iv]" in w.message for w in result.warnings)


def test_several_redactions_in_a_row(snippet):
    root, result = snippet("However, [ ] [ ] [ ] no additional information.\n", "crest")
    assert len(xpath(root, "//t:gap[@reason='redacted']")) == 3
    assert result.counts["redactions"] == 3


@pytest.mark.parametrize("code", ["25X1", "25X6", "25X9"])
def test_exemption_codes_point_at_their_meaning(snippet, code):
    root, _ = snippet(f"channels of communication. {code}\n", "crest")
    note = xpath(root, "//t:note[@type='exemption']")[0]
    assert (note.text, note.get("corresp"), note.get("place")) == (code, f"#exemption-{code}", "margin")
    assert xpath(root, f"//t:taxonomy[@xml:id='exemption-codes']/t:category[@xml:id='exemption-{code}']")


def test_exemption_code_inside_a_word_is_text(snippet):
    root, _ = snippet("reference A25X1B stays\n", "crest")
    assert xpath(root, "//t:note") == []


def test_markdown_escape_is_normalized_with_the_original_kept(snippet):
    root, _ = snippet("requested \\$50,000 for\n", "crest")
    assert "<choice><orig>\\$</orig><reg>$</reg></choice>50,000" in block(root)


def test_omission_and_quoting_authors_insertion(snippet):
    root, _ = snippet("- He said “If they stand for [the] defeat [of the Soviet Union] [...] then”.\n", "slides")
    assert len(xpath(root, "//t:supplied[@reason='quoting-author']")) == 2
    assert xpath(root, "string(//t:supplied[2])") == "of the Soviet Union"
    assert xpath(root, "//t:quote//t:gap[@reason='omitted']")


def test_emphasis_russian_and_quotations(snippet):
    root, _ = snippet("- the **Ежовщина**, was *the full* Terror “**all Germans**”.\n", "slides")
    assert xpath(root, "string(//t:hi[@rend='bold']/t:foreign[@xml:lang='ru'])") == "Ежовщина"
    assert xpath(root, "string(//t:hi[@rend='italic'])") == "the full"
    assert xpath(root, "//t:quote/t:hi[@rend='bold']")


def test_overlapping_bold_and_quotation_keep_the_bold(snippet):
    root, _ = snippet("- **“On the question.** The cardinal **seizing Siberia”**. (x)\n", "slides")
    assert len(xpath(root, "//t:hi[@rend='bold']")) == 2
    assert xpath(root, "//t:quote") == []


def test_citations(snippet):
    root, _ = snippet("- wrong (RGASPI: 588/11/1180, f.53). Also (Pravda, 18.12.1921) and "
                      "Istoriia [State Security in Russia] (M.: ROSSPEN, 2004).\n", "slides")
    assert xpath(root, "string(//t:bibl/t:idno[@type='archival'])") == "RGASPI: 588/11/1180"
    assert xpath(root, "//t:bibl/t:date[@when='1921-12-18']")
    assert xpath(root, "string(//t:title[@type='alt'][@xml:lang='en'])") == "State Security in Russia"
    assert xpath(root, "string(//t:bibl[@type='imprint']/t:publisher)") == "ROSSPEN"


def test_unknown_bracket_notation_stays_and_is_reported_with_its_place(snippet):
    root, result = snippet("first line\nsecond [weird note] line\n", "crest")
    assert "[weird note]" in xpath(root, "string(//t:body)")
    warning = next(w for w in result.warnings if "weird" in w.message)
    assert (warning.line, warning.column) == (2, 8)


def test_mentions_link_to_the_registers_as_whole_words(snippet, project_root):
    root, _ = snippet("PETROV met Beria and Yezhov; Ежовщина and Stalinism are not names.\n", "venona",
                      registers=True, project_root=project_root)
    assert xpath(root, "//t:rs[@type='covername']/@ref") == ["registers/persons.xml#per-beriya"]
    refs = xpath(root, "//t:persName/@ref")
    assert refs == ["registers/persons.xml#per-beriya", "registers/persons.xml#per-yezhov"]


def test_a_form_under_two_register_entries_is_an_error(tmp_path, project_root):
    import shutil

    from rezident.convert.registers import load_forms
    from rezident.errors import RezidentError
    registers = tmp_path / "registers"
    shutil.copytree(project_root / "tei" / "registers", registers)
    persons = registers / "persons.xml"
    persons.write_text(persons.read_text(encoding="utf-8").replace(
        '<persName type="variant">Stalin</persName>', '<persName type="variant">Beria</persName>'), encoding="utf-8")
    with pytest.raises(RezidentError, match="'Beria' is listed under"):
        load_forms(registers)


def test_a_cable_without_title_opens_with_its_fields(snippet):
    root, _ = snippet("From: MOSCOW\n\nTo: CANBERRA\n\n7 April 46\n\nThe text [B% x].\n", "venona")
    opener = xpath(root, "//t:div[@type='document']/t:opener")[0]
    assert xpath(opener, "t:dateline/t:date/@when") == ["1946-04-07"]
    assert xpath(root, "//t:creation/t:date/@when") == ["1946-04-07"]
    assert xpath(root, "//t:div[@type='reissue']") == []


def test_documents_declared_in_the_configuration(tmp_path):
    from rezident import convert as cv
    from rezident import edition as edition_config

    from .conftest import make_edition
    root = make_edition(tmp_path / "ed", """
        [[source]]
        file = "two.txt"
        id = "two"
        profile = "archive-translation"
        [[source.documents]]
        starts = "Letter of"
        subtype = "letter"
        [[source.documents]]
        starts = "Decision of"
        subtype = "decision"
        date = "1938-11-24"
        [[source.documents]]
        starts = "Nowhere"
        """)
    (root / "transcripts" / "two.txt").write_text(
        "Blog title\n\nLetter of 23 November 1938.\n\nA long letter text with many words in it, enough.\n\n"
        "Decision of the Politburo\n\nThe decision text, with many words in it as well.\n", encoding="utf-8")
    setup = cv.setup(edition_config.load(root))
    result = cv.convert_source(setup, setup.edition.sources[0])
    tei = etree.fromstring(result.data)
    assert xpath(tei, "//t:body/t:div[@type='document']/@subtype") == ["letter", "decision"]
    assert xpath(tei, "string(//t:front/t:div[@type='carrier'])").strip() == "Blog title"
    assert xpath(tei, "//t:div[@subtype='letter']/t:head/t:date/@when") == ["1938-11-23"]
    assert any("'Nowhere'" in w.message for w in result.warnings)


def test_insertions_and_recoveries_hold_phrases_only(snippet, edition_schema):
    root, _ = snippet("- [ “a quotation” ] and [see (RGASPI: 1/2/3)] and [B% “x”]\n", "slides")
    assert xpath(root, "//t:supplied//t:quote | //t:supplied//t:bibl | //t:unclear//t:quote") == []
    assert edition_schema.validate(root), str(edition_schema.error_log.last_error)


def _mandatory_literals(pattern: str) -> list[str]:
    """Runs of literal characters every match of ``pattern`` holds (read from the parsed pattern)."""
    from re import _parser as parser  # private: reads a pattern's structure

    runs, run = [], ""

    def walk(items) -> None:
        nonlocal run
        for op, value in items:
            if op is parser.LITERAL:
                run += chr(value)
            elif op is parser.SUBPATTERN:   # a group's content is as mandatory as the group
                walk(value[-1])
            else:                           # a class, repeat, branch or assertion ends the run
                runs.append(run)
                run = ""

    walk(parser.parse(pattern))
    return [*runs, run]


def test_what_a_convention_needs_is_in_every_match_of_its_pattern():
    """A block without a convention's ``needs`` is not searched: so every match must hold it."""
    from rezident.convert.conventions import BUILTIN

    needing = [c for c in BUILTIN if c.needs]
    assert len(needing) > 10
    for convention in needing:
        assert any(convention.needs in run for run in _mandatory_literals(convention.pattern.pattern)), convention.name
        assert convention.needs in convention.example, convention.name


def test_the_names_pattern_finds_what_the_plain_alternation_finds():
    """The register's forms grouped by first character: the same matches as one plain alternation."""
    import random
    import re

    from rezident.convert.registers import Entry, mentions_convention

    forms = ["Beria", "Beriya", "Lavrentii Beria", "L. Beria", "NKVD", "NKVD-MGB", "MGB", "Ежов", "Н. Ежов",
             "Moscow", "Mo", "M", "GRU", "G"]
    convention = mentions_convention({form: Entry("registers/persons.xml#x", "persName", None) for form in forms})
    plain = re.compile(r"(?<![\w\-])(?P<name>" + "|".join(re.escape(f) for f in sorted(forms, key=lambda f: (-len(f), f)))
                       + r")(?![\w\-])")
    pieces = [*forms, " ", "-", "_", "x", "\n", "Ж", ".", "s", "(", "é"]
    chooser = random.Random(7)
    for _ in range(5000):
        text = "".join(chooser.choice(pieces) for _ in range(chooser.randint(1, 8)))
        pos = chooser.randint(0, len(text))
        found = convention.find(text, pos)
        match = plain.search(text, pos)
        assert (found and (found.start, found.end, found.parts["name"])) == \
            (match and (match.start(), match.end(), match.group("name"))), (text, pos)


def test_the_word_before_a_bracket_is_what_the_regex_found():
    """The backward scan for a term's words agrees with the search it replaced, ``$`` before a line break included."""
    import random
    import re

    from rezident.convert.conventions import _word_before

    word = re.compile(r"[^\s\[\]*“”()]+$")
    pieces = ["a", "B", " ", "\n", "\t", "[", "]", "*", "“", "”", "(", ")", "\u00a0", "\u2003", ",", "'", "\x85"]
    chooser = random.Random(5)
    for _ in range(5000):
        text = "".join(chooser.choice(pieces) for _ in range(chooser.randint(1, 12)))
        end = chooser.randint(1, len(text))
        window = chooser.randint(0, end - 1)
        match = word.search(text, window, end)
        assert _word_before(text, window, end) == (match and match.span()), (text, window, end)


@pytest.mark.parametrize("name, plain, pieces", [
    ("abbreviation-gloss",
     r"(?<![\w(])(?P<abbr>[A-Z][A-Za-z]*[A-Z][A-Za-z]*(?:\([a-z]+\))?)[ \t]\[(?P<gloss>(?![ivx]+\])"
     r"(?=[^\]]*[a-z]{2})[^\[\]%]+)\]",
     ["AB", "TsK", "K", "ab", "ii", " [", "]", "(b)", " ", "\t", "Zed", "%", "[", "Ab", "[ab cd]", "Ж", "(", "\n",
      "TsK [ab cd]", "VKP(b) [all]", " NKVD\t[people]", "x", "[iv]"]),
    ("exemption-code", r"(?<![\w])(?P<code>25X[1-9])(?![\w])", ["25X", "2", "5", "X", "1", " ", "a", "_", "Ж", "25X1"]),
])
def test_patterns_written_for_speed_match_what_their_plain_forms_match(name, plain, pieces):
    """A look-behind moved after the first character finds the same matches, parts and offsets."""
    import random
    import re

    from rezident.convert.conventions import BY_NAME

    convention, reference = BY_NAME[name], re.compile(plain)
    chooser = random.Random(13)
    for _ in range(5000):
        text = "".join(chooser.choice(pieces) for _ in range(chooser.randint(1, 12)))
        pos = chooser.randint(0, len(text))
        found, match = convention.find(text, pos), reference.search(text, pos)
        expected = match and (match.start(), match.end(), {k: v for k, v in match.groupdict().items() if v is not None})
        assert (found and (found.start, found.end, found.parts)) == expected, (text, pos)


def test_original_terms_are_found_from_the_brackets_the_plain_pattern_finds():
    """Searching for the bracket and walking back over the spaces finds what ORIGINAL's matches found."""
    import random

    from rezident.convert.conventions import ORIGINAL, _locate_original, _mostly_upper, _term_start

    def plain(text: str, pos: int):
        for match in ORIGINAL.finditer(text, pos):
            orig = match.group("orig")
            if not _mostly_upper(orig.split()) or match.start() == pos:
                continue
            start = _term_start(text, match.start(), pos, len(orig.split()))
            if start is not None:
                return start, match.end(), text[start:match.start()], match.group("space"), orig
        return None

    pieces = ["AB", "Ts", "K", "ab", " [", "]", " ", "  ", "\t", "RE", "-", "[", "a", "[AB]", "[Ab Cd]", "[ii]", "\n",
              "work", "or", ","]
    chooser = random.Random(17)
    for _ in range(5000):
        text = "".join(chooser.choice(pieces) for _ in range(chooser.randint(1, 12)))
        pos = chooser.randint(0, len(text))
        found = _locate_original(text, pos)
        got = found and (found.start, found.end, found.parts["term"], found.parts["space"], found.parts["orig"])
        assert got == plain(text, pos), (text, pos)

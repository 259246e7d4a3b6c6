"""Conventions an edition declares in edition.toml, without Python."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from lxml import etree

from rezident import convert as cv
from rezident import edition as edition_config
from rezident.cli.convert import convert, text
from rezident.convert.diplomatic import squeeze
from rezident.errors import ConfigError

from .conftest import make_edition, xpath

ILLEGIBLE = """
[[source]]
file = "letter.txt"
id = "letter"
profile = "archive-translation"
kind = "letter"
date = "1938-11-23"

[[convention]]
name = "illegible"
profiles = ["*"]
pattern = '\\[illegible\\]'
tei = '<gap reason="illegible"/>'
diplomatic = "[illegible]"
label = "illegible"

[[convention]]
name = "illegible-reading"
profiles = ["archive-translation"]
pattern = '\\[\\?(?P<text>[^\\]]+)\\?\\]'
tei = '<unclear reason="illegible">{text}</unclear>'
diplomatic = "[?{text}?]"
"""
LETTER = ("To comrade Stalin\n\nI request that the [illegible] relieve me from my duties for the "
          "following reasons, which the [?Politburo?] knows well enough by now.\n")


@pytest.fixture()
def edition_dir(tmp_path):
    root = make_edition(tmp_path / "ed", ILLEGIBLE)
    (root / "transcripts" / "letter.txt").write_text(LETTER, encoding="utf-8")
    return root


def test_declared_notation_converts_validates_and_round_trips(edition_dir, tei_all):
    runner = CliRunner()
    result = runner.invoke(convert, ["--edition", str(edition_dir)])
    assert result.exit_code == 0, result.output
    assert "1 illegible" in result.output and "1 illegible-reading" in result.output
    tei_path = edition_dir / "tei" / "letter.xml"
    root = etree.parse(str(tei_path)).getroot()
    gap = xpath(root, "//t:gap[@reason='illegible']")[0]
    assert xpath(gap, "string(t:desc)") == "illegible"
    assert xpath(root, "string(//t:unclear[@reason='illegible'])") == "Politburo"
    assert tei_all.validate(root), str(tei_all.error_log.last_error)
    regenerated = runner.invoke(text, [str(tei_path), "--edition", str(edition_dir)])
    assert regenerated.exit_code == 0
    assert squeeze(regenerated.output) == squeeze(LETTER)
    assert xpath(root, "//t:editorialDecl/t:p[contains(., '[illegible]')]")


def declared(entry: str):
    import tomllib
    return cv.declared.load_declared(tomllib.loads(entry)["convention"])


@pytest.mark.parametrize("entry, complaint", [
    ('[[convention]]\nname = "x"\npattern = "["\ntei = "<gap reason=\\"illegible\\"/>"\ndiplomatic = "["',
     "not a valid regular expression"),
    ('[[convention]]\nname = "x"\npattern = "a*"\ntei = "<gap reason=\\"illegible\\"/>"\ndiplomatic = "a"',
     "matches empty text"),
    ('[[convention]]\nname = "x"\npattern = "\\\\[x\\\\]"\ntei = "<gap reason=\\"smudge\\"/>"\ndiplomatic = "[x]"',
     "gap reason 'smudge'"),
    ('[[convention]]\nname = "x"\npattern = "\\\\[x\\\\]"\ntei = "<gap"\ndiplomatic = "[x]"', "not well-formed"),
    ('[[convention]]\nname = "x"\npattern = "\\\\[x\\\\]"\ntei = "<gap reason=\\"illegible\\"/>"\ndiplomatic = "[y]"',
     "not matched by `pattern`"),
    ('[[convention]]\nname = "x"\npattern = "\\\\[(?P<a>x)\\\\]"\ntei = "<hi rend=\\"q\\">{b}</hi>"\ndiplomatic = "[{a}]"',
     "{b} is not a named group"),
    ('[[convention]]\nname = "x"\npattern = "\\\\[x\\\\]"\ntei = "<gap reason=\\"redacted\\"/>"\ndiplomatic = "[x]"',
     "built-in convention"),
    ('[[convention]]\nname = "redaction"\npattern = "\\\\[x\\\\]"\ntei = "<gap reason=\\"damage\\"/>"\ndiplomatic = "[x]"',
     "already taken"),
    ('[[convention]]\nname = "x"\nprofiles = ["telegram"]\npattern = "\\\\[x\\\\]"\ntei = "<gap reason=\\"damage\\"/>"\n'
     'diplomatic = "[x]"', "unknown profile"),
    ('[[convention]]\nname = "x"\npattern = "\\\\[x\\\\]"\ndiplomatic = "[x]"', "needs `tei`"),
    ('[[convention]]\nname = "x"\npattern = "\\\\[x\\\\]"\ntei = "<gap reason=\\"damage\\"/>"\ndiplomatic = "[x]"\n'
     'colour = "red"', "unknown key 'colour'"),
    ('[[convention]]\nname = "x"\npattern = "\\\\[(?P<t>x)\\\\]"\ntei = "<unclear reason=\\"ocr\\">{t}</unclear>"\n'
     'diplomatic = "[{t}]"\nlabel = "x"', "`label` is for an element without content"),
])
def test_bad_declarations_are_usage_errors_that_say_what_is_wrong(entry, complaint):
    with pytest.raises(ConfigError) as caught:
        declared(entry)
    assert complaint in str(caught.value)
    assert caught.value.exit_code == 2


def test_error_names_the_line_of_the_entry(tmp_path):
    root = make_edition(tmp_path / "ed", conventions='\n[[convention]]\nname = "x"\npattern = "["\n'
                                                      'tei = "<gap reason=\\"damage\\"/>"\ndiplomatic = "["\n')
    with pytest.raises(ConfigError) as caught:
        cv.setup(edition_config.load(root))
    lines = (root / "edition.toml").read_text(encoding="utf-8").splitlines()
    assert lines[caught.value.line - 1] == "[[convention]]" and "edition.toml" in str(caught.value)


@pytest.mark.slow
def test_declared_notation_validates_against_the_edition_schema_and_renders(edition_dir):
    """Issue 6: an edition's own notation goes through validate and the HTML edition too."""
    from rezident.cli import main
    runner = CliRunner()
    assert runner.invoke(convert, ["--edition", str(edition_dir)]).exit_code == 0
    validated = runner.invoke(main, ["validate", "--edition", str(edition_dir)])
    assert validated.exit_code == 0, validated.output
    built = runner.invoke(main, ["build", "html", "-j", "1", "--edition", str(edition_dir)])
    assert built.exit_code == 0, built.output
    page = (edition_dir / "output" / "html" / "letter.html").read_text(encoding="utf-8")
    assert "gap-illegible" in page and "[illegible]" in page

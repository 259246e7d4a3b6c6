"""Whole documents against the edition's schema and against tei_all."""

from __future__ import annotations

from pathlib import Path

import pytest
from validate_samples import ORGANISATIONS, PERSONS, PLACES, document, edition, register

from rezident.validate import Validator

ROOT = Path(__file__).resolve().parents[2]
EDITION_FILES = sorted((ROOT / "tei").rglob("*.xml"))


def _findings(validator: Validator, tmp_path: Path, text: str, name: str = "venona-test"):
    tei = edition(tmp_path, {name: text})
    return validator.validate(tei / f"{name}.xml").findings


@pytest.mark.parametrize("text", [
    document(),
    register("persons", PERSONS),
    register("organisations", ORGANISATIONS),
    register("places", PLACES),
    # A document known only by a range of dates, from an archive, without correspondence.
    document(creation='<creation><date notBefore="1953">after 1953</date></creation>', corresp="",
             source_desc='<sourceDesc><msDesc><msIdentifier><repository>CA FSB</repository>'
                         '<idno>F. 6. Op. 5. D. 25. L. 208-210</idno></msIdentifier></msDesc></sourceDesc>'),
], ids=["document", "persons", "organisations", "places", "archival"])
def test_edition_conventions_are_valid_against_both_schemas(
        text: str, validator: Validator, tei_all_validator: Validator, tmp_path: Path) -> None:
    assert _findings(validator, tmp_path, text, "persons" if "<listPerson" in text else "venona-test") == []
    assert _findings(tei_all_validator, tmp_path, text) == []


INVALID = {
    "gap reason outside the list": ('reason="redacted"', 'reason="blacked-out"'),
    "cipher gap without quantity": ('quantity="2" ', ""),
    "cipher gap without unit": (' unit="group"', ""),
    "cipher gap counted in words": ('quantity="2" unit="group"', 'quantity="2" unit="word"'),
    "note type outside the list": ('type="original-term"', 'type="gloss"'),
    "div type outside the list": ('type="carrier"', 'type="page"'),
    "fw type outside the list": ('type="catch"', 'type="catchword"'),
    "unclear reason outside the list": ('reason="cipher-recovery"', 'reason="faded"'),
    "supplied reason outside the list": ('reason="punctuation"', 'reason="editor"'),
    "exemption code outside 25X1-25X9": ('corresp="#exemption-25X1">25X1<', 'corresp="#exemption-25X1">25X0<'),
    "comment note without number": ('<note type="comment" n="i" ', '<note type="comment" '),
    "foreign without language": ('<foreign xml:lang="ru">', "<foreign>"),
    "no main title": ('<title type="main">', "<title>"),
    "no source description": ("<sourceDesc>", "<notesStmt><note>x</note></notesStmt><sourceDescX>"),
    "element outside the customization": ("<p part=", "<seg>x</seg><p part="),
}


@pytest.mark.parametrize("change", INVALID.values(), ids=INVALID.keys())
def test_documents_off_the_conventions_fail(change: tuple[str, str], validator: Validator,
                                            tmp_path: Path) -> None:
    old, new = change
    text = document()
    assert old in text
    text = text.replace(old, new, 1)
    if "<sourceDescX>" in text:
        text = text.replace("</sourceDesc>", "</sourceDescX>", 1)
    findings = _findings(validator, tmp_path, text)
    assert findings, "the schema let it through"
    assert all(f.severity == "error" and f.line for f in findings)


def test_relaxng_error_names_the_value_and_the_allowed_list(validator: Validator, tmp_path: Path) -> None:
    text = document().replace('type="original-term"', 'type="gloss"')
    findings = _findings(validator, tmp_path, text)
    line = text[:text.index('type="gloss"')].count("\n") + 1
    first = findings[0]
    assert (first.rule, first.line) == ("relaxng", line)
    assert 'note/@type="gloss"' in first.message and "original-term" in first.message
    assert first.column == text.splitlines()[line - 1].index("<note") + 1


@pytest.mark.parametrize("path", EDITION_FILES, ids=[str(p.relative_to(ROOT)) for p in EDITION_FILES])
def test_every_file_of_the_edition_is_valid(path: Path, validator: Validator,
                                            tei_all_validator: Validator) -> None:
    assert [str(f) for f in validator.validate(path).findings] == []
    assert [str(f) for f in tei_all_validator.validate(path).findings] == []


def test_the_edition_passes_the_cross_document_checks(validator: Validator) -> None:
    from rezident.validate import validate_files

    if not EDITION_FILES:
        pytest.skip("tei/ has no files yet")
    _, findings = validate_files(validator, EDITION_FILES)
    assert [str(f) for f in findings] == []


@pytest.mark.parametrize("old,new,expected", [
    ('reason="redacted"', 'reason="blacked"',
     'gap/@reason="blacked" is not allowed; the schema allows: cipher-unrecovered, corrupt, damage, '
     "garbled, illegible, omitted, redacted, unrecoverable"),
    ('xml:lang="ru"', 'xml:lang="Russian language"',
     'foreign/@xml:lang="Russian language" is not a language tag (en, ru-Latn)'),
    ('<p part="F"', '<p part="F" style="x"', "p has no attribute style in this schema"),
], ids=["closed list", "datatype", "unknown attribute"])
def test_relaxng_findings_name_the_value_at_fault(old: str, new: str, expected: str,
                                                  validator: Validator, tmp_path: Path) -> None:
    text = document().replace(old, new, 1)
    [finding] = _findings(validator, tmp_path, text)
    assert finding.rule == "relaxng" and finding.message.startswith(expected)
    line = text.splitlines()[finding.line - 1]
    assert new.split()[-1].split("=")[0] in line[finding.column - 1:]

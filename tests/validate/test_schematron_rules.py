"""Each Schematron rule: a document that trips it and one that passes it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from validate_samples import document, edition

from rezident.validate import Validator

ANCHOR_I = ('<ref type="noteAnchor" target="#note-i" xml:id="anchor-i">'
            "<choice><sic>1</sic><corr>i</corr></choice></ref>")

# rule id -> (cases that trip it, cases that keep the document valid); a case is one
# replacement (old, new) in the sample document, or a list of them.
RULES: dict[str, tuple[list[tuple[str, str]], list[tuple[str, str]]]] = {
    "document-date": ([('<creation><date when="1946-04-07">7 April 46</date></creation>', "")],
                      [('<date when="1946-04-07">7 April 46</date></creation>',
                        '<date notAfter="1946-05">spring 1946</date></creation>')]),
    "document-idno": ([('<idno type="document">venona-test</idno>', '<idno type="document">venona</idno>')],
                      [('<idno type="document">venona-test</idno>', '<idno type="document"> venona-test\n</idno>')]),
    "id-unique": ([("<p part=", '<p><anchor xml:id="note-i"/></p><p part=')],
                  [("<p part=", '<p><anchor xml:id="anchor-extra"/></p><p part=')]),
    "note-anchor-target": ([('target="#note-i" xml:id="anchor-i"', 'target="#note-x" xml:id="anchor-i"')],
                           [("<p part=", '<p><ref type="noteAnchor" target="#note-iv">iv</ref></p><p part=')]),
    "comment-id": ([('<note type="comment" n="i" ', '<note type="comment" ')],
                   [('<note type="comment" n="i" ', '<note type="comment" n="1" ')]),
    "comment-anchored": ([(ANCHOR_I, "[1]")],
                         [('target="#anchor-i">', ">")]),
    "comment-target": ([('target="#anchor-i">', 'target="#anchor-x">')],
                       [('target="#anchor-i">', 'target="#anchor-iv">')]),
    "exemption-declared": ([('corresp="#exemption-25X1">25X1', 'corresp="#exemption-25X2">25X2')],
                           [[('corresp="#exemption-25X1">25X1', 'corresp="#exemption-25X2">25X2'),
                             ('<category xml:id="exemption-25X1">', '<category xml:id="exemption-25X2"><catDesc>25X2'
                              '</catDesc></category><category xml:id="exemption-25X1">')]]),
    "catref-target": ([('target="#cls-top-secret"', 'target="#cls-secret"')],
                      [('<catRef scheme="#classification" target="#cls-top-secret"/>', "")]),
    "ref-resolves": ([("#per-guzenko", "#per-nobody"),
                      ("registers/persons.xml#per-guzenko", "registers/people.xml#per-guzenko"),
                      ("registers/persons.xml#per-guzenko", "registers/persons.xml")],
                     [("registers/persons.xml#per-guzenko", "registers/persons.xml#per-beriya")]),
    "cipher-gap-count": ([('quantity="2" ', "")],
                         [('reason="cipher-unrecovered" quantity="2"', 'reason="garbled" quantity="2"')]),
    "cipher-gap-positive": ([('quantity="2"', 'quantity="0"')],
                            [('quantity="2"', 'quantity="1"')]),
    "date-real": ([('<docDate when="1946-04-07"', '<docDate when="1946-02-29"'),
                   ('<docDate when="1946-04-07"', '<docDate when="1946-04-31"'),
                   ('<docDate when="1946-04-07"', '<docDate notBefore="1946-13"')],
                  [('<docDate when="1946-04-07"', '<docDate when="1948-02-29"'),
                   ('<docDate when="1946-04-07"', '<docDate when="1946-04"'),
                   ('<docDate when="1946-04-07"', '<docDate notBefore="1946"')]),
    "date-after-issue": ([('<date when="1946-04-07">7 April 46</date></creation>',
                           '<date when="1952-11-04">4 November 52</date></creation>'),
                          ('<docDate when="1946-04-07"', '<docDate when="1953"')],
                         [('<date when="1946-04-07">7 April 46</date></creation>',
                           '<date when="1952-11-03">3 November 52</date></creation>'),
                          ('<docDate when="1946-04-07"', '<docDate when="1952"')]),
}


def _rules_in_sch(schema_dir: Path) -> set[str]:
    return set(re.findall(r'<sch:assert id="([^"]+)"', (schema_dir / "rezident.sch").read_text()))


def test_every_rule_has_its_cases(schema_dir: Path) -> None:
    assert _rules_in_sch(schema_dir) == set(RULES)


def changes(case) -> list[tuple[str, str]]:
    return case if isinstance(case, list) else [case]


def _check(validator: Validator, tmp_path: Path, replacements: list[tuple[str, str]]):
    text = document()
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    tei = edition(tmp_path, {"venona-test": text})
    return text, validator.validate(tei / "venona-test.xml").findings


CASES = [(rule, i, change) for rule, (trips, _) in RULES.items() for i, change in enumerate(trips)]


@pytest.mark.parametrize("rule,i,change", CASES, ids=[f"{r}-{i}" for r, i, _ in CASES])
def test_rule_trips(rule: str, i: int, change, validator: Validator,
                    tmp_path: Path) -> None:
    text, findings = _check(validator, tmp_path, changes(change))
    hits = [f for f in findings if f.rule == rule]
    assert hits, [str(f) for f in findings]
    for hit in hits:
        assert hit.severity == "error" and hit.line and hit.column
        assert hit.message.endswith(".") and len(hit.message) > 40  # a sentence, not a code
        # The finding points at a start tag on that line.
        assert text.splitlines()[hit.line - 1][hit.column - 1] == "<"


PASSES = [(rule, i, change) for rule, (_, passes) in RULES.items() for i, change in enumerate(passes)]


@pytest.mark.parametrize("rule,i,change", PASSES, ids=[f"{r}-{i}" for r, i, _ in PASSES])
def test_rule_passes(rule: str, i: int, change, validator: Validator,
                     tmp_path: Path) -> None:
    _, findings = _check(validator, tmp_path, changes(change))
    assert [str(f) for f in findings] == []


def test_the_unchanged_sample_passes_every_rule(validator: Validator, tmp_path: Path) -> None:
    assert _check(validator, tmp_path, [])[1] == []


def test_a_register_needs_no_date(validator: Validator, tmp_path: Path) -> None:
    tei = edition(tmp_path)
    for register in sorted((tei / "registers").glob("*.xml")):
        assert validator.validate(register).findings == []


def test_register_loads_never_leave_local_xml_files(validator: Validator, tmp_path: Path) -> None:
    text = document().replace("registers/persons.xml#per-guzenko", "http://127.0.0.1:9/persons.xml#per-x")
    tei = edition(tmp_path, {"venona-test": text})
    findings = validator.validate(tei / "venona-test.xml").findings
    assert [f.rule for f in findings] == ["ref-resolves"]


def test_a_register_without_entries_yet_is_marked_and_needs_no_date(validator: Validator,
                                                                    tmp_path: Path) -> None:
    from validate_samples import register

    empty = register("persons", "").replace("<listPerson></listPerson>", "<p>No persons yet.</p>")
    tei = edition(tmp_path)
    path = tei / "registers" / "persons.xml"
    path.write_text(empty, encoding="utf-8")
    assert [f.rule for f in validator.validate(path).findings] == ["document-date"]
    path.write_text(empty.replace('xml:id="persons"', 'xml:id="persons" type="register"'))
    report = validator.validate(path)
    assert report.findings == [] and report.is_register


def test_every_rule_has_a_case_that_trips_it_and_one_that_passes() -> None:
    assert all(trips and passes for trips, passes in RULES.values())


def test_a_reference_into_a_missing_register_says_the_file_is_missing(validator: Validator, tmp_path: Path) -> None:
    text = document().replace("registers/persons.xml#per-guzenko", "registers/people.xml#per-guzenko")
    tei = edition(tmp_path, {"venona-test": text})
    [finding] = validator.validate(tei / "venona-test.xml").findings
    assert finding.rule == "ref-resolves"
    assert "there is no file registers/people.xml" in finding.message
    assert str(tei / "registers" / "people.xml") in finding.message
    assert "Create the register there or correct the reference." in finding.message
    # an entry missing from a register that exists keeps the Schematron's own words
    text = document().replace("registers/persons.xml#per-guzenko", "registers/persons.xml#per-nobody")
    tei = edition(tmp_path / "second", {"venona-test": text})
    [finding] = validator.validate(tei / "venona-test.xml").findings
    assert 'has no entry with xml:id "per-nobody"' in finding.message

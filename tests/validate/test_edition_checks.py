"""Identifiers across files: document ids and register entries are unique in the edition."""

from __future__ import annotations

from pathlib import Path

from validate_samples import PERSONS, document, edition, register

from rezident.validate import Validator, collect_files, validate_files


def _cross(validator: Validator, tei: Path):
    reports, findings = validate_files(validator, collect_files([tei]))
    own = sum(len(r.findings) for r in reports)
    return findings[own:]


def test_a_clean_edition_has_no_cross_document_findings(validator: Validator, tmp_path: Path) -> None:
    tei = edition(tmp_path, {"a": document("a"), "b": document("b")})
    assert _cross(validator, tei) == []


def test_document_ids_must_be_unique_and_equal_the_file_stem(validator: Validator, tmp_path: Path) -> None:
    tei = edition(tmp_path, {"a": document("a"), "b": document("a")})
    findings = _cross(validator, tei)
    assert sorted(f.rule for f in findings) == ["document-id-file-stem", "id-unique-edition"]
    duplicate = next(f for f in findings if f.rule == "id-unique-edition")
    assert duplicate.path == tei / "b.xml" and duplicate.line == 4
    assert f"{tei / 'a.xml'}:4" in duplicate.message


def test_register_entries_must_be_unique_across_registers(validator: Validator, tmp_path: Path) -> None:
    tei = edition(tmp_path)
    (tei / "registers" / "more-persons.xml").write_text(
        register("persons", PERSONS.split("\n")[0], reg_id="more-persons"), encoding="utf-8")
    findings = _cross(validator, tei)
    assert [(f.rule, f.path.name) for f in findings] == [("id-unique-edition", "persons.xml")]
    assert 'xml:id "per-beriya"' in findings[0].message


def test_ids_inside_documents_may_repeat_between_documents(validator: Validator, tmp_path: Path) -> None:
    # note-i, anchor-i, cls-top-secret ... are in both: by design of docs/encoding.md.
    tei = edition(tmp_path, {"a": document("a"), "b": document("b")})
    reports, findings = validate_files(validator, collect_files([tei]))
    assert findings == [] and len(reports) == 5

"""An edition that does not validate is not packaged (unless asked to)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from deposit_samples import tei_document, write_edition

from rezident.cli import main
from rezident.deposit import InvalidEdition, make_deposit, validation_findings, verify


@pytest.fixture
def valid_edition(tmp_path):
    # rezident's own schema: the sample documents are valid against it.
    return write_edition(tmp_path / "edition", own_schema=False)


def test_valid_edition_is_packaged(valid_edition, tmp_path):
    assert validation_findings(valid_edition) == []
    made = make_deposit(valid_edition, tmp_path / "out")
    assert verify(made.path).ok
    assert (made.path / "data" / "schema" / "rezident.rng").is_file()


def test_invalid_edition_is_refused_naming_the_finding(valid_edition, tmp_path):
    (valid_edition.tei_dir / "doc-two.xml").write_text(
        tei_document("doc-two", "Second", "1953", body='<gap reason="nonsense"/>'),
        encoding="utf-8")
    with pytest.raises(InvalidEdition) as refused:
        make_deposit(valid_edition, tmp_path / "out")
    assert "doc-two.xml" in str(refused.value) and "--allow-invalid" in str(refused.value)
    assert refused.value.exit_code == 1
    assert not (tmp_path / "out").exists()

    run = CliRunner().invoke(main, ["deposit", "--edition", str(valid_edition.root),
                                    "--out", str(tmp_path / "out")])
    assert run.exit_code == 1 and "doc-two.xml" in run.output
    assert not (tmp_path / "out").exists()

    allowed = make_deposit(valid_edition, tmp_path / "out", allow_invalid=True)
    assert verify(allowed.path).ok


def test_unconverted_source_is_a_finding(valid_edition, tmp_path):
    (valid_edition.tei_dir / "doc-one.xml").unlink()
    findings = validation_findings(valid_edition)
    assert any("'doc-one' has no TEI document" in f for f in findings)
    with pytest.raises(InvalidEdition, match="rezident convert"):
        make_deposit(valid_edition, tmp_path / "out")


def test_an_out_folder_that_cannot_be_made_is_one_line_and_exit_2(valid_edition, tmp_path):
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    result = CliRunner().invoke(main, ["deposit", "--edition", str(valid_edition.root),
                                       "--out", str(tmp_path / "a-file" / "out")])
    assert result.exit_code == 2 and "cannot write the deposit here" in result.output
    assert not isinstance(result.exception, OSError)

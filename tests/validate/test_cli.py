"""``rezident validate`` as people and CI run it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree
from validate_samples import document, edition

from rezident import safexml
from rezident.cli import main

EDITION_TOML = """[edition]
id = "test-edition"
title = "Test"
"""


def _run(args: list[str], cwd: Path, env: dict[str, str] | None = None):
    """Run the command from ``cwd``, as a person in that folder would."""
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(cwd)
        return CliRunner().invoke(main, ["validate", *args], env=env, catch_exceptions=False)


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    (tmp_path / "edition.toml").write_text(EDITION_TOML, encoding="utf-8")
    bad = document("bad").replace('quantity="2"', 'quantity="0"')
    edition(tmp_path, {"good": document("good"), "bad": bad, "broken": "<TEI>\n  <p></div>\n</TEI>\n"})
    return tmp_path


def test_whole_edition_one_line_per_finding_then_summary(project: Path) -> None:
    result = _run([], project)
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[-1] == "2 errors, 0 warnings in 2 of 6 files"
    bad_line = document("bad").splitlines().index(
        next(line for line in document("bad").splitlines() if 'quantity="2"' in line)) + 1
    assert f"tei/bad.xml:{bad_line}:" in lines[0] and lines[0].endswith("[cipher-gap-positive]")
    assert lines[1].startswith("tei/broken.xml:2:12: error: not well-formed XML")
    assert lines[1].endswith("[xml-well-formed]")


def test_valid_files_exit_0(project: Path) -> None:
    result = _run(["tei/good.xml", "tei/registers"], project)
    assert (result.exit_code, result.output) == (0, "4 files valid\n")


def test_missing_path_is_a_usage_error(project: Path) -> None:
    result = _run(["tei/nothing.xml"], project)
    assert result.exit_code == 2
    assert "no such file or folder: tei/nothing.xml" in result.output


def test_a_folder_without_xml_files_is_a_usage_error(project: Path) -> None:
    (project / "empty").mkdir()
    result = _run(["empty"], project)
    assert result.exit_code == 2
    assert "no XML files in empty" in result.output


def test_a_broken_edition_toml_is_reported_when_files_are_named(project: Path) -> None:
    (project / "edition.toml").write_text("[edition\n", encoding="utf-8")
    result = _run(["tei"], project)
    assert result.exit_code == 2
    assert "not valid TOML" in result.output


def test_no_edition_is_a_usage_error(tmp_path: Path) -> None:
    result = _run([], tmp_path)
    assert result.exit_code == 2 and "edition.toml" in result.output


def test_json(project: Path) -> None:
    result = _run(["--format", "json"], project)
    data = json.loads(result.output)
    assert (data["files"], data["errors"], data["warnings"]) == (6, 2, 0)
    assert {f["rule"] for f in data["findings"]} == {"cipher-gap-positive", "xml-well-formed"}
    assert all(set(f) == {"path", "line", "column", "severity", "message", "rule"} for f in data["findings"])


def test_junit(project: Path) -> None:
    result = _run(["--format", "junit"], project)
    root = etree.fromstring(result.output.encode())
    suite = root.find("testsuite")
    assert (suite.get("tests"), suite.get("failures")) == ("6", "2")
    failed = {case.get("name") for case in suite.iter("testcase") if case.find("failure") is not None}
    assert failed == {"tei/bad.xml", "tei/broken.xml"}


def test_github_annotations(project: Path) -> None:
    result = _run(["--format", "github", "tei/broken.xml"], project)
    first = result.output.splitlines()[0]
    assert first.startswith("::error file=tei/broken.xml,line=2,col=12,title=xml-well-formed::not well-formed XML")


def test_relaxng_error_without_a_findable_column_says_so(project: Path) -> None:
    text = document("odd").replace("<p part=", "<p>\n<seg>x</seg></p><p part=")
    (project / "tei" / "odd.xml").write_text(text)
    result = _run(["--format", "text", "tei/odd.xml"], project)
    assert result.exit_code == 1
    relaxng = [line for line in result.output.splitlines() if line.endswith("[relaxng]")]
    assert relaxng
    for line in relaxng:
        where = line.split(": error:")[0]
        assert where.count(":") == 2 or "(libxml2 gives no column for this error)" in line
        assert ":0:" not in where


def test_frus_documents_against_tei_all(corpora: Path, tmp_path: Path) -> None:
    frus = sorted((corpora / "frus").glob("*.xml"))
    assert len(frus) == 6
    result = _run(["--schema", "tei_all", *map(str, frus)], tmp_path)
    assert result.exit_code == 1
    findings = [line for line in result.output.splitlines() if "[relaxng]" in line]
    assert len(findings) == 6
    for path, line in zip(frus, findings):
        source = path.read_text(encoding="utf-8").splitlines()
        where = line.split(": error:")[0]
        file, number, column = where.rsplit(":", 2)
        assert file == str(path)
        tag = source[int(number) - 1]
        assert tag[int(column) - 1:].startswith("<date")
        before = "\n".join(source[:int(number)])
        assert before.rfind("<publicationStmt") > before.rfind("</publicationStmt")


def test_tei_all_missing_is_a_clear_usage_error(tmp_path: Path) -> None:
    (tmp_path / "x.xml").write_text("<TEI/>")
    result = _run(["--schema", "tei_all", "x.xml"], tmp_path,
                  env={"REZIDENT_TEI_ALL": str(tmp_path / "none.rng")})
    assert result.exit_code == 2
    assert "tei_all.rng is not at" in result.output and "REZIDENT_TEI_ALL" in result.output


def test_an_unreadable_file_is_an_io_error_and_the_others_go_on(project: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    real = safexml.read

    def read(path: Path) -> bytes:  # as root, chmod does not make a file unreadable
        if Path(path).name == "good.xml":
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(safexml, "read", read)
    result = _run(["tei"], project)
    assert result.exit_code == 2
    assert "tei/good.xml: error: cannot read the file: Permission denied [file-unreadable]" in result.output
    assert "tei/broken.xml:2:12:" in result.output  # the others were validated


def test_hidden_folders_and_folders_named_like_files_are_skipped(project: Path) -> None:
    (project / "tei" / ".backup").mkdir()
    (project / "tei" / ".backup" / "old.xml").write_text("<broken")
    (project / "tei" / "odd.xml").mkdir()
    result = _run(["tei/registers", "tei"], project)
    assert ".backup" not in result.output and "odd.xml" not in result.output

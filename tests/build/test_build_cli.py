"""``rezident build`` from the command line: options, exit codes, progress, summary."""

from __future__ import annotations

import pytest
from build_fakes import FakeToolkit
from click.testing import CliRunner

from conftest import document
from rezident.build.lock import BuildLock
from rezident.cli import main

EDITION_TOML = """[edition]
id = "test-edition"
title = "A test edition"
"""


@pytest.fixture
def cli(edition, monkeypatch):
    monkeypatch.setattr("rezident.build.pipeline.Toolkit", lambda: FakeToolkit(edition.root / "made.log"))
    (edition.root / "edition.toml").write_text(EDITION_TOML)
    monkeypatch.chdir(edition.root)

    def run(*args: str):
        return CliRunner().invoke(main, ["build", *args], catch_exceptions=False)

    return run


def test_build_then_up_to_date(cli, edition):
    first = cli("--jobs", "1")
    assert first.exit_code == 0, first.output
    assert "html: 7 built, 0 skipped, 0 failed" in first.output
    assert f"published {edition.out / 'html'}, {edition.out / 'pdf'}" in first.output
    assert "html: 4 to build" in first.output  # plain progress lines off a terminal
    second = cli()
    assert second.exit_code == 0
    assert "html: 0 built, 7 skipped" in second.output and "up to date" in second.output


def test_subcommand_takes_the_options_before_or_after(cli, edition):
    result = cli("-j", "1", "html", "--no-search", "--force")
    assert result.exit_code == 0, result.output
    assert (edition.out / "html" / "a.html").exists()
    assert not (edition.out / "html" / "pagefind").exists()
    assert not (edition.out / "pdf").exists()


def test_validation_errors_exit_1_and_are_printed(cli, edition):
    edition.write("b", document("b", body="INVALID"))
    result = cli("-j", "1")
    assert result.exit_code == 1
    assert "tei/b.xml:2: error: the document says INVALID (column not known) [fake-rule]" in result.output
    assert "nothing built" in result.output
    assert not edition.out.joinpath("html").exists()


def test_failed_document_exits_1_naming_it(cli, edition):
    edition.write("c", document("c", body="EXPLODE"))
    result = cli("-j", "1")
    assert result.exit_code == 1
    assert f"{edition.tei / 'c.xml'}: error: ValueError: the fake renderer exploded (at " in result.output


def test_foreign_tei_needs_no_edition_and_is_not_validated(cli, edition, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    foreign = elsewhere / "frus"
    foreign.mkdir()
    (foreign / "d1.xml").write_text(document("d1", body="INVALID"))
    (edition.root / "edition.toml").unlink()
    result = cli("html", "--tei", str(foreign), "--out", str(elsewhere / "site"), "-j", "1")
    assert result.exit_code == 0, result.output
    assert (elsewhere / "site" / "html" / "d1.html").exists()
    assert "validate" not in result.output


def test_tei_without_out_outside_an_edition_is_a_usage_error(cli, edition):
    (edition.root / "edition.toml").unlink()
    result = cli("--tei", str(edition.tei))
    assert result.exit_code == 2
    assert "--tei needs --out" in result.output


def test_a_running_build_is_named(cli, edition):
    with BuildLock(edition.out / ".rezident-cache" / "lock"):
        result = cli("-j", "1")
    assert result.exit_code == 1
    assert "another build of this output is running (pid" in result.output


def test_an_out_folder_that_cannot_be_made_is_one_line_and_exit_2(cli, edition, tmp_path):
    (tmp_path / "a-file").write_text("")
    result = cli("-j", "1", "--out", str(tmp_path / "a-file" / "site"))
    assert result.exit_code == 2
    assert "cannot build:" in result.output and "Traceback" not in result.output


def test_help_lists_the_subcommands_and_options():
    result = CliRunner().invoke(main, ["build", "--help"])
    assert result.exit_code == 0
    for word in ("html", "pdf", "--jobs", "--tei", "--out", "--force"):
        assert word in result.output

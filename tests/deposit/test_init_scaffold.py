"""`rezident init`: a new edition every command can work in."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from rezident import TEI_NS, resources
from rezident import edition as edition_config
from rezident.cli import main
from rezident.errors import ConfigError
from rezident.scaffold import NewEdition, create, slug


def files_below(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in folder.rglob("*") if p.is_file()}


def test_init_writes_a_whole_edition(tmp_path):
    run = CliRunner().invoke(main, ["init", str(tmp_path / "Letters of 1938"),
                                    "--editor", "Ann Editor", "--publisher", 'The "Q" Press'])
    assert run.exit_code == 0, run.output
    root = tmp_path / "Letters of 1938"
    edition = edition_config.load(root)
    assert (edition.id, edition.title) == ("letters-of-1938", "Letters Of 1938")
    assert edition.editors == ("Ann Editor",) and edition.publisher == 'The "Q" Press'
    assert edition.sources == () and edition.languages == ("en",)
    assert list((root / "transcripts").iterdir()) == []
    assert (root / ".gitignore").read_text().splitlines()[-1] == "/output/"
    readme = (root / "README.md").read_text()
    for step in ("rezident convert", "rezident validate", "rezident build", "rezident deposit",
                 "Review"):
        assert step in readme
    # The edition's own copies of the schema and stylesheets, used instead of rezident's.
    assert edition.schema_dir == root / "schema" and edition.xslt_dir == root / "xslt"
    for name, shipped in (("schema", resources.shipped_schema_dir()),
                          ("xslt", resources.shipped_xslt_dir())):
        expected = {k: v for k, v in files_below(shipped).items()
                    if not any(part.startswith(".") or part == "__pycache__"
                               for part in k.split("/"))}
        assert files_below(root / name) == expected


def test_registers_are_empty_valid_tei(tmp_path, tei_all):
    create(tmp_path / "e", NewEdition(id="e", title="E"))
    registers = sorted((tmp_path / "e" / "tei" / "registers").iterdir())
    assert [p.name for p in registers] == ["organisations.xml", "persons.xml", "places.xml"]
    for path in registers:
        tree = etree.parse(str(path))
        assert tei_all.validate(tree), (path.name, tei_all.error_log)
        assert tree.getroot().get("{http://www.w3.org/XML/1998/namespace}id") == path.stem
        body = tree.getroot().find(f"{{{TEI_NS}}}text/{{{TEI_NS}}}body")
        assert not body.xpath(".//tei:person | .//tei:org | .//tei:place",
                              namespaces={"tei": TEI_NS})
        pis = [pi.get("href") for pi in tree.xpath("/processing-instruction('xml-model')")]
        assert pis == ["../../schema/rezident.rng", "../../schema/rezident.sch"]


def test_init_refuses_a_folder_with_anything_in_it(tmp_path):
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "notes.txt").write_text("mine")
    run = CliRunner().invoke(main, ["init", str(tmp_path / "busy")])
    assert run.exit_code == 2 and "not an empty folder" in run.output
    assert files_below(tmp_path / "busy") == {"notes.txt": b"mine"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["busy"]


def test_init_uses_an_empty_folder_itself(tmp_path, monkeypatch):
    (tmp_path / "empty").mkdir()
    folder = (tmp_path / "empty").stat().st_ino
    monkeypatch.chdir(tmp_path / "empty")  # `mkdir e && cd e && rezident init .`
    run = CliRunner().invoke(main, ["init", "."])
    assert run.exit_code == 0, run.output
    assert (tmp_path / "empty").stat().st_ino == folder  # the shell's folder, not a new one
    assert Path("edition.toml").is_file() and edition_config.load(Path(".")).id == "empty"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty"]


def test_shipped_schema_is_referenced_not_copied(tmp_path):
    create(tmp_path / "e", NewEdition(id="e", title="E", own_copies=False))
    edition = edition_config.load(tmp_path / "e")
    assert not (tmp_path / "e" / "schema").exists()
    assert edition.schema_dir == resources.shipped_schema_dir()
    assert edition.xslt_dir == resources.shipped_xslt_dir()


def test_bad_id_is_refused_and_leaves_nothing(tmp_path):
    with pytest.raises(ConfigError, match="not usable"):
        create(tmp_path / "e", NewEdition(id="1 bad id", title="E"))
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name, expected", [
    ("My Edition", "my-edition"), ("1938 letters", "edition-1938-letters"),
    ("Ежов", "edition"), ("a--b__c", "a-b-c")])
def test_slug(name, expected):
    assert slug(name) == expected


def test_configuration_survives_any_title(tmp_path):
    title = 'Quotes " and \\ backslashes\tand tabs\nand lines'
    create(tmp_path / "e", NewEdition(id="e", title=title, editors=("Ä \"B\"",)))
    data = tomllib.loads((tmp_path / "e" / "edition.toml").read_text(encoding="utf-8"))
    assert data["edition"]["title"] == title
    assert data["edition"]["editors"] == ['Ä "B"']


def test_a_new_edition_validates(tmp_path):
    """`rezident init DIR && rezident validate` passes: empty registers are registers."""
    from rezident.deposit import validation_findings
    create(tmp_path / "e", NewEdition(id="e", title="E"))
    assert validation_findings(edition_config.load(tmp_path / "e")) == []


def test_commented_examples_work_when_uncommented(tmp_path):
    """The [[source]] and [[convention]] shown in a new edition.toml are real configuration."""
    from rezident.convert import load_declared
    create(tmp_path / "e", NewEdition(id="e", title="E"))
    config = tmp_path / "e" / "edition.toml"
    lines = config.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line == "# [[source]]")
    uncommented = [line[2:] if line.startswith("# ") and not line.startswith("# A ")
                   and ("=" in line or line.startswith("# [[")) else line
                   for line in lines[start:]]
    config.write_text("\n".join(lines[:start] + uncommented) + "\n", encoding="utf-8")
    (tmp_path / "e" / "transcripts" / "1946-04-07-moscow-canberra.txt").write_text("x")
    edition = edition_config.load(tmp_path / "e")
    assert [(s.id, s.profile, s.kind) for s in edition.sources] == [
        ("venona-1946-04-07-moscow-canberra", "venona", "cable")]
    declared = load_declared(edition.raw["convention"], config)
    assert [c.name for c in declared.conventions] == ["illegible"]


def test_init_where_nothing_can_be_written_is_one_line_not_a_traceback(tmp_path):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    result = CliRunner().invoke(main, ["init", str(blocked / "edition")])
    assert result.exit_code == 2
    assert "cannot create the edition here" in result.output
    assert "Traceback" not in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]

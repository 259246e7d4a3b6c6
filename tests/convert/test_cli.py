"""`rezident convert` and `rezident text` as users run them: summaries, warnings, errors, safety."""

from __future__ import annotations

import codecs

import pytest
from click.testing import CliRunner

from rezident.cli.convert import convert, text
from rezident.convert.diplomatic import squeeze

from .conftest import make_edition

SOURCE = """
[[source]]
file = "report.txt"
id = "report"
profile = "crest"
kind = "report"
"""
REPORT = "SECRET\n\n-2-\n\nmany officers [ ] of the MGB. 25X1\n\n5. A numbered paragraph [weird].\n\nSECRET\n"


@pytest.fixture()
def edition_dir(tmp_path, project_root):
    root = make_edition(tmp_path / "ed", SOURCE, registers_from=project_root / "tei" / "registers")
    (root / "transcripts" / "report.txt").write_text(REPORT, encoding="utf-8")
    return root


def run(*args: str):
    return CliRunner().invoke(convert, list(args))


def test_converts_every_source_with_a_summary_and_located_warnings(edition_dir):
    result = run("--edition", str(edition_dir))
    assert result.exit_code == 0, result.stderr
    assert "report: profile crest; 1 redaction, 1 exemption code" in result.stdout
    assert "report.txt:7:25: warning: unknown notation '[weird]' kept as text" in result.stderr
    data = (edition_dir / "tei" / "report.xml").read_bytes()
    assert b'<?xml-model href="../schema/rezident.rng"' in data and b"<?rezident-convert transcript-sha256=" in data


def test_strict_turns_warnings_into_errors_and_writes_nothing(edition_dir):
    result = run("--edition", str(edition_dir), "--strict")
    assert result.exit_code == 1 and "not written" in result.stderr
    assert not (edition_dir / "tei" / "report.xml").exists()


def test_check_names_stale_documents(edition_dir):
    missing = run("--edition", str(edition_dir), "--check")
    assert missing.exit_code == 1 and "report.xml: missing" in missing.stderr
    assert run("--edition", str(edition_dir)).exit_code == 0
    ok = run("--edition", str(edition_dir), "--check")
    assert ok.exit_code == 0, ok.stderr
    transcript = edition_dir / "transcripts" / "report.txt"
    transcript.write_text(REPORT + "\nA new paragraph.\n", encoding="utf-8")
    stale = run("--edition", str(edition_dir), "--check")
    assert stale.exit_code == 1 and "report.xml: stale, differs" in stale.stderr


def test_hand_edits_are_kept_unless_forced(edition_dir):
    assert run("--edition", str(edition_dir)).exit_code == 0
    target = edition_dir / "tei" / "report.xml"
    edited = target.read_bytes().replace(b"many officers", b"many (edited) officers")
    target.write_bytes(edited)
    (edition_dir / "transcripts" / "report.txt").write_text(REPORT + "\nMore.\n", encoding="utf-8")
    refused = run("--edition", str(edition_dir))
    assert refused.exit_code == 1 and "edited by hand" in refused.stderr and "report.xml" in refused.stderr
    assert target.read_bytes() == edited
    forced = run("--edition", str(edition_dir), "--force")
    assert forced.exit_code == 0 and b"More." in target.read_bytes()


def test_unchanged_output_is_not_rewritten(edition_dir):
    run("--edition", str(edition_dir))
    again = run("--edition", str(edition_dir))
    assert again.exit_code == 0 and "(unchanged)" in again.stdout


@pytest.mark.parametrize("content, complaint", [
    ("Gr\u00fc\u00dfe\nline two caf\xe9\n".encode("latin-1"), "not valid utf-8: byte 0xfc"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "binary file"),
    (b"  \n\n", "is empty"),
    (b"page one\n\x0cpage two\n", "control character U+000C"),
])
def test_bad_input_gets_one_clear_line_and_exit_1(edition_dir, content, complaint):
    (edition_dir / "transcripts" / "report.txt").write_bytes(content)
    result = run("--edition", str(edition_dir))
    assert result.exit_code == 1
    assert complaint in result.stderr
    if "utf-8" in complaint:
        assert "report.txt:1:" in result.stderr and "--encoding" in result.stderr


def test_missing_transcript(edition_dir):
    (edition_dir / "transcripts" / "report.txt").unlink()
    result = run("--edition", str(edition_dir))
    assert result.exit_code == 1 and "no such transcript" in result.stderr


def test_other_encodings_with_the_option(edition_dir):
    (edition_dir / "transcripts" / "report.txt").write_bytes("Привет [ ] мир, long enough text here.\n"
                                                               .encode("cp1251"))
    assert run("--edition", str(edition_dir)).exit_code == 1
    result = run("--edition", str(edition_dir), "--encoding", "cp1251")
    assert result.exit_code == 0, result.stderr


def test_bom_and_crlf_are_accepted(edition_dir):
    plain = run("--edition", str(edition_dir))
    assert plain.exit_code == 0
    first = (edition_dir / "tei" / "report.xml").read_bytes()
    (edition_dir / "transcripts" / "report.txt").write_bytes(codecs.BOM_UTF8 + REPORT.replace("\n", "\r\n").encode())
    again = run("--edition", str(edition_dir))
    assert again.exit_code == 0, again.stderr
    second = (edition_dir / "tei" / "report.xml").read_bytes()
    def strip_pi(data: bytes) -> bytes:
        return b"\n".join(line for line in data.split(b"\n") if not line.startswith(b"<?rezident-convert"))
    assert strip_pi(first) == strip_pi(second)


def test_any_file_with_profile_and_out(tmp_path):
    transcript = tmp_path / "cable.txt"
    transcript.write_text("MESSAGE OF THE CENTRE\n\nIt is [B% for us] [1 group unrecovered] clear.\n",
                          encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(convert, [str(transcript), "--out", str(out)])
    assert result.exit_code == 0, result.stderr
    assert "cable: profile venona (detected); 1 gap, 1 uncertain recovery" in result.stdout
    forced = CliRunner().invoke(convert, [str(transcript), "--profile", "crest", "--out", str(out)])
    assert "profile crest;" in forced.stdout and "(detected)" not in forced.stdout
    shown = CliRunner().invoke(text, [str(out / "cable.xml")])
    assert shown.exit_code == 0 and squeeze(shown.output) == squeeze(transcript.read_text(encoding="utf-8"))


def test_unknown_profile_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(convert, [str(tmp_path / "x.txt"), "--profile", "telegram"])
    assert result.exit_code == 2


def test_text_rejects_what_is_not_tei(tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_text("<html/>", encoding="utf-8")
    result = CliRunner().invoke(text, [str(bad)])
    assert result.exit_code == 1 and "not a TEI document" in result.stderr
    broken = tmp_path / "broken.xml"
    broken.write_text("<TEI", encoding="utf-8")
    result = CliRunner().invoke(text, [str(broken)])
    assert result.exit_code == 1 and "not well-formed" in result.stderr


def test_a_failed_conversion_leaves_the_existing_file_untouched(edition_dir):
    assert run("--edition", str(edition_dir)).exit_code == 0
    target = edition_dir / "tei" / "report.xml"
    before = target.read_bytes()
    (edition_dir / "transcripts" / "report.txt").write_bytes(b"\xff\xfe broken")
    assert run("--edition", str(edition_dir)).exit_code == 1
    assert target.read_bytes() == before


@pytest.mark.parametrize("entry, complaint", [
    ('profile = "telegram"', "unknown profile 'telegram'"),
    ('profile = "crest"\ncolour = "red"', "unknown key 'colour'"),
    ('profile = "crest"\ndate = "7 April 46"', "must be an ISO date"),
    ('profile = "crest"\nclassification = "cosmic"', "unknown classification"),
])
def test_bad_source_entries_are_usage_errors(tmp_path, entry, complaint):
    root = make_edition(tmp_path / "ed", f'\n[[source]]\nfile = "report.txt"\nid = "report"\n{entry}\n')
    (root / "transcripts" / "report.txt").write_text(REPORT, encoding="utf-8")
    result = run("--edition", str(root))
    assert result.exit_code == 2 and complaint in result.stderr and "source 'report'" in result.stderr


def test_a_broken_edition_toml_is_reported_not_taken_for_no_edition(edition_dir, monkeypatch):
    (edition_dir / "edition.toml").write_text("[edition\n", encoding="utf-8")
    monkeypatch.chdir(edition_dir)
    result = run()
    assert result.exit_code == 2
    assert "not valid TOML" in result.stderr and "no edition.toml" not in result.stderr


def test_an_out_folder_that_cannot_be_made_is_one_line_and_exit_2(tmp_path):
    transcript = tmp_path / "cable.txt"
    transcript.write_text("It is [1 group unrecovered] clear.\n", encoding="utf-8")
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    result = run(str(transcript), "--out", str(tmp_path / "a-file" / "out"))
    assert result.exit_code == 2 and "cannot write the TEI document" in result.stderr
    assert not isinstance(result.exception, OSError)


def test_an_unknown_encoding_is_a_usage_error(edition_dir):
    result = run("--edition", str(edition_dir), "--encoding", "nonsense")
    assert result.exit_code == 2 and "unknown encoding 'nonsense'" in result.stderr
    assert not (edition_dir / "tei" / "report.xml").exists()

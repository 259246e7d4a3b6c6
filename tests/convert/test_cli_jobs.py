"""`rezident convert --jobs N`: the same files, lines and exit code as one process."""

from __future__ import annotations

import shutil

from click.testing import CliRunner

from rezident.cli.convert import convert


def copy_edition(project_root, target):
    target.mkdir()
    shutil.copy(project_root / "edition.toml", target)
    shutil.copytree(project_root / "transcripts", target / "transcripts")
    shutil.copytree(project_root / "tei" / "registers", target / "tei" / "registers")
    return target


def test_several_processes_write_what_one_writes(project_root, tmp_path):
    one = copy_edition(project_root, tmp_path / "one")
    two = copy_edition(project_root, tmp_path / "two")
    # a transcript the converter cannot read fails in a worker as in the parent
    for root in (one, two):
        (root / "transcripts" / "cia-report-soviet-liaison-with-foreign-communist-parties.txt").write_bytes(
            b"\xff\xfe not UTF-8")
    serial = CliRunner().invoke(convert, ["--edition", str(one), "--jobs", "1"])
    parallel = CliRunner().invoke(convert, ["--edition", str(two), "--jobs", "2"])
    assert serial.exit_code == parallel.exit_code == 1
    assert parallel.stdout == serial.stdout
    assert parallel.stderr.replace(str(two), str(one)) == serial.stderr
    assert "not converted" in serial.stderr
    written = sorted(p.name for p in (one / "tei").glob("*.xml"))
    assert len(written) == 4
    assert written == sorted(p.name for p in (two / "tei").glob("*.xml"))
    for name in written:
        assert (two / "tei" / name).read_bytes() == (one / "tei" / name).read_bytes()
    check = CliRunner().invoke(convert, ["--edition", str(two), "--check", "--jobs", "2"])
    assert check.exit_code == 1 and "cia-report-soviet-liaison" in check.stderr

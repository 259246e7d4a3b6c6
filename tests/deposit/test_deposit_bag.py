"""Bags: what they hold, that they verify, and that damage is named."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import bagit
import pytest
from click.testing import CliRunner
from deposit_samples import write_edition

from rezident.cli import main
from rezident.deposit import bagit_format as fmt
from rezident.deposit import make_deposit, verify
from rezident.errors import RezidentError

DAY = date(2026, 1, 2)


def deposit(edition, tmp_path: Path, **options):
    # The packaging tests skip the validation gate: it has tests of its own.
    return make_deposit(edition, tmp_path / "out", allow_invalid=True, bagging_date=DAY,
                        **options)


def test_bag_holds_the_edition_and_passes_the_bagit_library(small_edition, tmp_path):
    made = deposit(small_edition, tmp_path)
    bag = made.path
    assert bag == tmp_path / "out" / "test-edition-2.3.1"
    payload = {p.relative_to(bag).as_posix() for p in (bag / "data").rglob("*") if p.is_file()}
    assert payload == {
        "data/edition.toml", "data/transcripts/one.txt", "data/transcripts/two.txt",
        "data/tei/doc-one.xml", "data/tei/doc-two.xml", "data/tei/registers/persons.xml",
        "data/schema/rezident.rng", "data/xslt/html.xsl", "data/html/index.html",
        "data/html/documents/doc-one.html", "data/html/doc-two.html", "data/pdf/edition.pdf",
        "data/pdf/doc-one.pdf", "data/pdf/doc-two.pdf"}
    for rel in payload:  # copied byte for byte
        source = {"data/edition.toml": small_edition.config_path}.get(rel)
        if source is None:
            top, rest = rel.split("/", 2)[1:]
            source = {"transcripts": small_edition.transcripts_dir, "tei": small_edition.tei_dir,
                      "schema": small_edition.schema_dir, "xslt": small_edition.xslt_dir,
                      "html": small_edition.output_dir / "html",
                      "pdf": small_edition.output_dir / "pdf"}[top] / rest
        assert (bag / rel).read_bytes() == source.read_bytes()
    assert made.files == len(payload) and made.built == ("html", "pdf")

    library_view = bagit.Bag(str(bag))
    library_view.validate()  # raises on any defect
    assert library_view.version_info == (1, 0)
    assert set(library_view.algorithms) == {"sha256", "sha512"}
    assert verify(bag).ok


def test_bag_info_and_manifests_follow_rfc_8493(small_edition, tmp_path):
    bag = deposit(small_edition, tmp_path).path
    assert (bag / "bagit.txt").read_bytes() == b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
    info = dict(fmt.parse_tags((bag / "bag-info.txt").read_text(encoding="utf-8")))
    assert info["Source-Organization"] == "Test Archive"
    assert info["External-Identifier"] == "test-edition@2.3.1"
    assert info["External-Description"] == "Two short documents, for testing the deposit."
    assert info["Bagging-Date"] == "2026-01-02"
    assert info["Bag-Software-Agent"].startswith("rezident ")
    files = [p for p in (bag / "data").rglob("*") if p.is_file()]
    assert info["Payload-Oxum"] == f"{sum(p.stat().st_size for p in files)}.{len(files)}"
    for algorithm in ("sha256", "sha512"):
        entries = fmt.parse_manifest((bag / f"manifest-{algorithm}.txt").read_text())
        assert set(entries) == {p.relative_to(bag).as_posix() for p in files}
        for path, digest in entries.items():
            assert hashlib.new(algorithm, (bag / path).read_bytes()).hexdigest() == digest
        tags = fmt.parse_manifest((bag / f"tagmanifest-{algorithm}.txt").read_text())
        assert set(tags) == {"bagit.txt", "bag-info.txt", "dc.xml", "tei-corpus.xml",
                             "manifest-sha256.txt", "manifest-sha512.txt"}


def test_same_edition_gives_the_same_bag(small_edition, tmp_path):
    first = deposit(small_edition, tmp_path / "a").path
    second = deposit(small_edition, tmp_path / "b").path
    for name in ("manifest-sha512.txt", "tagmanifest-sha512.txt"):
        assert (first / name).read_bytes() == (second / name).read_bytes()


def _flip_one_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("damage, kind, name", [
    ("alter", "altered", "data/tei/doc-one.xml"),
    ("alter", "altered", "data/pdf/edition.pdf"),
    ("alter", "altered", "bag-info.txt"),
    ("remove", "missing", "data/transcripts/two.txt"),
    ("remove", "missing", "dc.xml"),
    ("add", "added", "data/tei/stray.xml"),
    ("add", "added", "data/html/.hidden"),
    ("add", "added", "notes.txt"),
])
def test_damage_is_named(small_edition, tmp_path, damage, kind, name):
    bag = deposit(small_edition, tmp_path).path
    target = bag / name
    if damage == "alter":
        _flip_one_byte(target)
    elif damage == "remove":
        target.unlink()
    else:
        target.write_text("stray\n")
    result = verify(bag)
    assert not result.ok
    assert getattr(result, kind) == [name]
    assert result.findings()[0] == f"{kind}: {name}"

    run = CliRunner().invoke(main, ["deposit", "--verify", str(bag)])
    assert run.exit_code == 1
    assert f"{kind}: {name}" in run.output


def test_every_finding_is_named_at_once(small_edition, tmp_path):
    bag = deposit(small_edition, tmp_path).path
    _flip_one_byte(bag / "data/tei/doc-two.xml")
    (bag / "data/edition.toml").unlink()
    (bag / "data/extra.txt").write_text("x")
    result = verify(bag)
    assert (result.altered, result.missing, result.added) == (
        ["data/tei/doc-two.xml"], ["data/edition.toml"], ["data/extra.txt"])


def test_intact_bag_verifies_through_the_cli(small_edition, tmp_path):
    bag = deposit(small_edition, tmp_path).path
    run = CliRunner().invoke(main, ["deposit", "--verify", str(bag)])
    assert run.exit_code == 0, run.output
    assert "intact (14 payload files" in run.output


def test_a_folder_that_is_no_bag_fails(tmp_path):
    (tmp_path / "x").mkdir()
    assert verify(tmp_path / "x").problems == ["bagit.txt is missing: this is not a bag"]


@pytest.mark.parametrize("option, suffix", [("zip", ".zip"), ("tar", ".tar")])
def test_archive_round_trip(small_edition, tmp_path, option, suffix):
    made = deposit(small_edition, tmp_path, serialization=option)
    assert made.path == tmp_path / "out" / f"test-edition-2.3.1{suffix}"
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [made.path.name]
    assert verify(made.path).ok
    # The same bag gives the same archive, byte for byte.
    again = deposit(small_edition, tmp_path / "again", serialization=option)
    assert again.path.read_bytes() == made.path.read_bytes()

    import shutil
    unpacked = tmp_path / "unpacked"
    shutil.unpack_archive(made.path, unpacked)
    bag = unpacked / "test-edition-2.3.1"
    assert sorted(p.name for p in unpacked.iterdir()) == [bag.name]
    bagit.Bag(str(bag)).validate()


def test_damaged_archive_names_the_file(small_edition, tmp_path):
    import zipfile
    made = deposit(small_edition, tmp_path, serialization="zip")
    damaged = tmp_path / "damaged.zip"
    with zipfile.ZipFile(made.path) as src, zipfile.ZipFile(damaged, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename.endswith("data/transcripts/one.txt"):
                data = data.replace(b"clerk", b"clerc")
            dst.writestr(info, data)
    result = verify(damaged)
    assert result.altered == ["data/transcripts/one.txt"]
    assert result.bag == damaged


def test_archive_with_unsafe_paths_is_refused(tmp_path):
    import zipfile
    evil = tmp_path / "evil.zip"
    with zipfile.ZipFile(evil, "w") as archive:
        archive.writestr("bag/bagit.txt", fmt.bagit_txt())
        archive.writestr("../escape.txt", "x")
    with pytest.raises(RezidentError, match="unsafe path"):
        verify(evil)
    assert not (tmp_path.parent / "escape.txt").exists()


def test_existing_bag_is_not_overwritten_without_force(small_edition, tmp_path):
    first = deposit(small_edition, tmp_path).path
    marker = first / "data" / "edition.toml"
    before = marker.read_bytes()
    (small_edition.transcripts_dir / "one.txt").write_text("changed\n")
    with pytest.raises(RezidentError, match="already there") as refused:
        deposit(small_edition, tmp_path)
    assert refused.value.exit_code == 2
    assert marker.read_bytes() == before and verify(first).ok

    replaced = deposit(small_edition, tmp_path, force=True).path
    assert replaced == first
    assert (replaced / "data/transcripts/one.txt").read_text() == "changed\n"
    assert verify(replaced).ok
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [first.name]


@pytest.mark.parametrize("serialization", ["dir", "zip", "tar"])
def test_failed_deposit_leaves_nothing(small_edition, tmp_path, serialization):
    (small_edition.tei_dir / "doc-two.xml").write_text("<TEI><unclosed></TEI>")
    with pytest.raises(RezidentError, match="not well-formed") as failed:
        deposit(small_edition, tmp_path, serialization=serialization)
    assert failed.value.path == small_edition.tei_dir / "doc-two.xml"
    assert list((tmp_path / "out").iterdir()) == []


@pytest.mark.parametrize("serialization", ["zip", "tar"])
def test_file_changing_while_archived_is_caught(small_edition, tmp_path, monkeypatch,
                                                serialization):
    from rezident.deposit import writers
    real = writers.opened_size
    monkeypatch.setattr(writers, "opened_size", lambda handle: real(handle) + 1)
    with pytest.raises(RezidentError, match="changed while it was being packaged"):
        deposit(small_edition, tmp_path, serialization=serialization)
    assert list((tmp_path / "out").iterdir()) == []


def test_missing_transcript_is_named(small_edition, tmp_path):
    (small_edition.transcripts_dir / "two.txt").unlink()
    with pytest.raises(RezidentError, match="transcript of source 'doc-two' is missing"):
        deposit(small_edition, tmp_path)


@pytest.mark.parametrize("html, pdf, require, refused", [
    (False, True, {"html"}, "no HTML built"),
    (True, False, {"pdf"}, "no PDF built"),
    (False, False, {"html", "pdf"}, "no HTML and no PDF built"),
])
def test_require_refuses_what_is_not_built(tmp_path, html, pdf, require, refused):
    edition = write_edition(tmp_path / "e", html=html, pdf=pdf)
    with pytest.raises(RezidentError, match=refused):
        deposit(edition, tmp_path, require=require)
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("kind, removed", [("html", "documents/doc-one.html"),
                                            ("pdf", "doc-two.pdf")])
def test_require_refuses_an_edition_built_in_part(small_edition, tmp_path, kind, removed):
    (small_edition.output_dir / kind / removed).unlink()
    missing = removed.rsplit("/", 1)[-1].split(".")[0]
    with pytest.raises(RezidentError, match=f"{kind.upper()} edition lacks 1 document: {missing}"):
        deposit(small_edition, tmp_path, require={kind})
    assert not (tmp_path / "out").exists()
    assert verify(deposit(small_edition, tmp_path).path).ok  # without --require, packaged


def test_without_require_what_is_built_is_packaged(tmp_path):
    edition = write_edition(tmp_path / "e", html=True, pdf=False)
    made = deposit(edition, tmp_path, require={"html"})
    assert made.built == ("html",)
    assert not (made.path / "data" / "pdf").exists()
    assert verify(made.path).ok


def test_cli_deposit_writes_and_refuses(small_edition, tmp_path):
    runner = CliRunner()
    args = ["deposit", "--edition", str(small_edition.root), "--out", str(tmp_path / "o"),
            "--allow-invalid", "--tar"]
    first = runner.invoke(main, args)
    assert first.exit_code == 0, first.output
    assert (tmp_path / "o" / "test-edition-2.3.1.tar").is_file()
    second = runner.invoke(main, args)
    assert second.exit_code == 2 and "--force" in second.output
    assert runner.invoke(main, args + ["--force"]).exit_code == 0
    bad = runner.invoke(main, args + ["--force", "--require", "html,epub"])
    assert bad.exit_code == 2 and "epub" in bad.output


def test_no_deposit_while_a_build_writes_the_output(small_edition, tmp_path):
    from rezident.build.lock import BuildLock
    from rezident.build.pipeline import CACHE_NAME
    with BuildLock(small_edition.output_dir / CACHE_NAME / "lock"), \
            pytest.raises(RezidentError, match="another build"):
        deposit(small_edition, tmp_path)
    assert list((tmp_path / "out").iterdir()) == []
    assert verify(deposit(small_edition, tmp_path).path).ok


def test_archive_entries_beside_the_bag_are_named(small_edition, tmp_path):
    import tarfile
    made = deposit(small_edition, tmp_path, serialization="tar")
    with tarfile.open(made.path, "a") as archive:
        extra = tmp_path / "README"
        extra.write_text("unlisted\n")
        archive.add(extra, arcname="README")
    assert verify(made.path).added == ["README"]


def test_archive_with_links_is_refused(tmp_path):
    import tarfile
    archive_path = tmp_path / "links.tar"
    with tarfile.open(archive_path, "w") as archive:
        info = tarfile.TarInfo("bag/bagit.txt")
        data = fmt.bagit_txt().encode()
        info.size = len(data)
        import io
        archive.addfile(info, io.BytesIO(data))
        link = tarfile.TarInfo("bag/data/secret")
        link.type = tarfile.SYMTYPE
        link.linkname = "/etc/passwd"
        archive.addfile(link)
    with pytest.raises(RezidentError, match="link or device"):
        verify(archive_path)


def test_verify_takes_no_packaging_options(small_edition, tmp_path):
    bag = deposit(small_edition, tmp_path).path
    run = CliRunner().invoke(main, ["deposit", "--verify", str(bag), "--zip"])
    assert run.exit_code == 2 and "--zip/--tar" in run.output


def test_zip_stores_what_is_compressed_already(small_edition, tmp_path):
    import zipfile
    made = deposit(small_edition, tmp_path, serialization="zip")
    with zipfile.ZipFile(made.path) as archive:
        kinds = {Path(i.filename).suffix: i.compress_type for i in archive.infolist()
                 if not i.is_dir()}
    assert kinds[".pdf"] == zipfile.ZIP_STORED and kinds[".xml"] == zipfile.ZIP_DEFLATED


def test_bags_made_by_the_bagit_library_verify_too(tmp_path):
    folder = tmp_path / "theirs"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("a\n")
    (folder / "sub" / "b.bin").write_bytes(bytes(range(256)))
    bagit.make_bag(str(folder), {"Source-Organization": "Elsewhere"},
                   checksums=["md5", "sha256"])
    assert verify(folder).ok
    _flip_one_byte(folder / "data" / "sub" / "b.bin")
    assert verify(folder).altered == ["data/sub/b.bin"]

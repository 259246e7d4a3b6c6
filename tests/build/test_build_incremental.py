"""Staleness: what a build rebuilds after each kind of change, and what it leaves alone."""

from __future__ import annotations

import os

from conftest import document, stage


def test_first_build_builds_everything_and_publishes(edition):
    report = edition.build()
    assert report.ok and report.published
    assert stage(report, "html").built == 4 + 3  # four documents, assets, collection, search
    assert stage(report, "pdf").built == 4 + 1   # four documents, the volume
    files = edition.snapshot()
    assert files["html/a.html"] == b"<p>a: Beriya</p>"
    assert files["html/index.html"] == b"<p>a Beriya, b Yezhov, c Stalin, d</p>"
    assert files["pdf/edition.pdf"] == b"%PDF fake volume a b c d"
    assert "html/pagefind/index.txt" in files


def test_second_build_does_nothing(edition):
    edition.build()
    before = edition.snapshot()
    made_before = edition.toolkit.made()
    report = edition.build()
    assert report.ok and not report.published
    for name in ("validate", "html", "pdf"):
        assert stage(report, name).built == 0, name
    assert stage(report, "html").skipped == 4 + 3
    assert edition.snapshot() == before
    assert edition.toolkit.made() == made_before  # no stylesheet or schema compiled


def test_touching_a_file_without_changing_it_rebuilds_nothing(edition):
    edition.build()
    path = edition.tei / "a.xml"
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10_000_000_000))
    report = edition.build()
    assert stage(report, "html").built == 0


def test_changed_text_rebuilds_that_document_and_search_but_not_the_collection_pages(edition):
    edition.build()
    edition.write("b", document("b", "per-yezhov", body="changed"))
    report = edition.build()
    html = stage(report, "html")
    assert html.built == 1 + 1  # b and search; b's summary, so the collection pages, are unchanged
    assert stage(report, "validate").built == 1 + 1  # b and the cross-document checks
    assert stage(report, "pdf").built == 1 + 1  # b and the volume


def test_changed_summary_rebuilds_the_collection_pages(edition):
    edition.build()
    edition.write("b", document("b", "per-yezhov", "per-beriya"))
    report = edition.build()
    assert stage(report, "html").built == 1 + 2  # b, collection, search
    assert edition.snapshot()["html/index.html"] == b"<p>a Beriya, b Yezhov Beriya, c Stalin, d</p>"


def test_changed_register_entry_rebuilds_only_documents_naming_it(edition):
    edition.build()
    persons = edition.tei / "registers" / "persons.xml"
    persons.write_text(persons.read_text().replace("<persName>Yezhov", "<persName>Ezhov"))
    report = edition.build()
    assert stage(report, "html").built == 1 + 2  # b only
    assert edition.snapshot()["html/b.html"] == b"<p>b: Ezhov</p>"


def test_register_entries_are_followed_to_what_they_point_to(edition):
    edition.build()
    orgs = edition.tei / "registers" / "organisations.xml"
    orgs.write_text(orgs.read_text().replace("Central Committee", "TsK"))
    report = edition.build()
    assert stage(report, "html").built == 1 + 2  # c: Stalin's affiliation changed


def test_unrelated_register_entry_rebuilds_no_document(edition):
    edition.build()
    orgs = edition.tei / "registers" / "organisations.xml"
    orgs.write_text(orgs.read_text().replace("NKVD", "NKVD (People's Commissariat)"))
    report = edition.build()
    assert stage(report, "html").built == 2  # collection pages and search show registers


def test_changed_stylesheet_rebuilds_every_document(edition):
    edition.build()
    (edition.xslt / "html" / "edition.xsl").write_text("<xsl:stylesheet version='3.0'/>")
    report = edition.build()
    assert stage(report, "html").built == 4 + 3
    assert stage(report, "validate").built == 0


def test_changed_schema_revalidates_and_rebuilds_only_the_pages_made_from_it(edition):
    edition.build()
    (edition.schema / "rezident.rng").write_text("<grammar><start/></grammar>")
    report = edition.build()
    assert stage(report, "validate").built == 4 + 2 + 1  # documents, registers, collection
    assert stage(report, "html").built == 2  # encoding page (collection) and search
    assert stage(report, "pdf").built == 1   # the volume's conventions


def test_print_stylesheet_rebuilds_pdf_not_html(edition):
    (edition.xslt / "print").mkdir()
    (edition.xslt / "print" / "print.xsl").write_text("<xsl:stylesheet/>")
    edition.build()
    (edition.xslt / "print" / "print.xsl").write_text("<xsl:stylesheet version='3.0'/>")
    report = edition.build()
    assert stage(report, "html").built == 0
    assert stage(report, "pdf").built == 4 + 1


def test_new_and_removed_documents(edition):
    edition.build()
    (edition.tei / "d.xml").unlink()
    edition.write("e", document("e", "per-beriya"))
    report = edition.build()
    assert report.ok
    files = edition.snapshot()
    assert "html/d.html" not in files and "pdf/d.pdf" not in files
    assert files["html/e.html"] == b"<p>e: Beriya</p>"
    assert files["html/index.html"] == b"<p>a Beriya, b Yezhov, c Stalin, e Beriya</p>"


def test_output_deleted_by_hand_is_rebuilt(edition):
    edition.build()
    (edition.out / "html" / "c.html").unlink()
    report = edition.build()
    assert stage(report, "html").built >= 1
    assert (edition.out / "html" / "c.html").read_bytes() == b"<p>c: Stalin</p>"


def test_force_rebuilds_everything(edition):
    edition.build()
    report = edition.build(force=True)
    assert stage(report, "html").built == 4 + 3


def test_html_only_leaves_pdf_alone(edition):
    report = edition.build(targets=("html",))
    assert [s.name for s in report.stages] == ["validate", "html"]
    assert not (edition.out / "pdf").exists()


def test_stage_code_takes_part_in_the_keys(edition, tmp_path, monkeypatch):
    """Changing a renderer's Python code rebuilds what it renders (package or single module)."""
    package = tmp_path / "package"
    (package / "html").mkdir(parents=True)
    (package / "html" / "render.py").write_text("VERSION = 1\n")
    (package / "safexml.py").write_text("SAFE = 1\n")
    monkeypatch.setattr("rezident.build.pipeline.PACKAGE_DIR", package)
    edition.toolkit.code = {"html": ("html",), "validate": ("safexml.py",)}
    edition.build()
    (package / "html" / "render.py").write_text("VERSION = 2\n")
    report = edition.build()
    assert stage(report, "html").built == 4 + 3 and stage(report, "validate").built == 0
    (package / "safexml.py").write_text("SAFE = 2\n")
    report = edition.build()
    assert stage(report, "validate").built == 4 + 2 + 1 and stage(report, "html").built == 0

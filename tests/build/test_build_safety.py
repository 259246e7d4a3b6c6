"""A failed, interrupted or concurrent build never damages the published output."""

from __future__ import annotations

import pytest

from conftest import document, stage
from rezident.build.lock import BuildLock, BuildLocked


def test_validation_errors_stop_before_rendering_and_name_the_findings(edition):
    edition.build()
    before = edition.snapshot()
    edition.write("b", document("b", "per-yezhov", body="INVALID"))
    edition.write("a", document("a", "per-beriya", body="changed"))
    report = edition.build()
    assert not report.ok and not report.published
    assert [(f.path, f.line, f.rule) for f in report.errors] == [(edition.tei / "b.xml", 2, "fake-rule")]
    assert [s.name for s in report.stages] == ["validate"]
    assert edition.snapshot() == before


def test_checks_across_documents_use_what_earlier_builds_learnt(edition):
    edition.build()
    edition.write("e", document("a"))  # e.xml claims the id of a.xml
    report = edition.build()
    assert stage(report, "validate").built == 1 + 1  # e.xml, then the checks across files
    assert sorted((f.path.name, f.rule) for f in report.errors) == [
        ("e.xml", "document-id-file-stem"), ("e.xml", "id-unique-edition")]
    assert not report.published


def test_findings_are_reported_again_without_revalidating(edition):
    edition.write("b", document("b", body="INVALID"))
    first = edition.build()
    second = edition.build()
    assert stage(second, "validate").built == 0
    assert second.errors == first.errors and len(first.errors) == 1


def test_warnings_do_not_stop_the_build(edition):
    edition.write("b", document("b", body="WARN"))
    report = edition.build()
    assert report.ok and report.published
    assert [f.severity for f in report.findings] == ["warning"]


def test_fixing_the_error_builds(edition):
    edition.write("b", document("b", body="INVALID"))
    assert not edition.build().ok
    edition.write("b", document("b", body="fixed"))
    report = edition.build()
    assert report.ok and (edition.out / "html" / "b.html").exists()


def test_a_failing_document_publishes_nothing_and_is_named(edition):
    edition.build()
    before = edition.snapshot()
    edition.write("a", document("a", body="changed"))
    edition.write("c", document("c", body="EXPLODE"))
    report = edition.build()
    assert not report.published
    assert [item for item, _ in report.failures] == ["c.xml"]
    assert "the fake renderer exploded" in report.failures[0][1]
    assert edition.snapshot() == before
    assert not any((edition.out / ".rezident-cache" / "staging").iterdir())


def test_an_interrupted_build_leaves_the_output_and_the_next_build_recovers(edition):
    edition.build()
    before = edition.snapshot()
    edition.write("a", document("a", body="changed"))
    edition.write("c", document("c", body="INTERRUPT"))
    with pytest.raises(KeyboardInterrupt):
        edition.build()
    assert edition.snapshot() == before
    edition.write("c", document("c", body="calm"))
    report = edition.build()
    assert report.ok
    assert stage(report, "html").built == 2 + 2  # a and c (a's render was never published)


def test_a_second_build_is_refused_with_a_clear_message(edition):
    edition.build()
    with BuildLock(edition.out / ".rezident-cache" / "lock"), pytest.raises(BuildLocked) as caught:
        edition.build()
    message = str(caught.value)
    assert "another build of this output is running" in message and "pid" in message
    assert edition.build().ok  # the lock went with its holder


def test_published_files_are_not_rewritten_in_place(edition):
    """The staged copy shares inodes with the published files: rewriting would leak."""
    edition.build()
    published = edition.out / "html" / "a.html"
    old_inode = published.stat().st_ino
    held = published.open("rb")  # a reader (web server) holding the old page
    edition.write("a", document("a", "per-yezhov"))
    edition.build()
    assert held.read() == b"<p>a: Beriya</p>"
    held.close()
    assert published.read_bytes() == b"<p>a: Yezhov</p>"
    assert published.stat().st_ino != old_inode

"""Worker processes: each sets its tools up once, and the result equals a serial build."""

from __future__ import annotations

from collections import Counter

import pytest

from conftest import document, stage


@pytest.fixture
def bigger(edition):
    for number in range(24):
        edition.write(f"doc-{number:02d}", document(f"doc-{number:02d}",
                                                   "per-beriya" if number % 2 else "per-yezhov"))
    return edition


def test_parallel_build_compiles_once_per_process_and_matches_serial(bigger, tmp_path):
    report = bigger.build(jobs=2)
    assert report.ok and stage(report, "html").built == 28 + 3
    made = Counter(bigger.toolkit.made())
    assert all(count == 1 for count in made.values()), made
    assert len({pid for _, pid in made}) <= 2
    parallel = bigger.snapshot()

    bigger.build(jobs=1, force=True)
    assert bigger.snapshot() == parallel


def test_parallel_failure_names_the_document(bigger):
    bigger.write("doc-07", document("doc-07", body="EXPLODE"))
    report = bigger.build(jobs=2)
    assert [item for item, _ in report.failures] == ["doc-07.xml"]
    assert not report.published

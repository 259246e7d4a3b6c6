"""Atomic writes: all or nothing, and readable like any new file."""

from __future__ import annotations

import os
import stat

import pytest

from rezident.files import write_atomic


def test_replaces_content_in_one_step(tmp_path):
    target = tmp_path / "sub" / "doc.xml"
    write_atomic(target, "first")
    write_atomic(target, b"second")
    assert target.read_bytes() == b"second"
    assert [p.name for p in target.parent.iterdir()] == ["doc.xml"]


def test_new_files_get_the_mode_open_would_give(tmp_path):
    target = tmp_path / "page.html"
    write_atomic(target, "<p/>")
    opened = tmp_path / "opened.html"
    opened.write_text("<p/>")
    assert stat.S_IMODE(target.stat().st_mode) == stat.S_IMODE(opened.stat().st_mode)


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "doc.xml"
    target.write_text("old")

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError):
        write_atomic(target, "new")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["doc.xml"]

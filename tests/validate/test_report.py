"""The report formats, piece by piece."""

from __future__ import annotations

import json
from pathlib import Path

from rezident.validate.findings import Finding
from rezident.validate.report import render, summary, text_line

BASE = Path("/edition")
F1 = Finding(BASE / "tei/a.xml", 42, 17, "error", "A cipher gap must say how many groups.", "cipher-gap-count")
F2 = Finding(BASE / "tei/b.xml", 7, None, "error", "Element div failed to validate content", "relaxng")
F3 = Finding(BASE / "tei/c.xml", 3, None, "warning", "Check this, 100%: a, b", "some-rule")


def test_text_line_is_file_line_column_severity_message_rule() -> None:
    assert text_line(F1, BASE) == ("tei/a.xml:42:17: error: A cipher gap must say how many groups. "
                                   "[cipher-gap-count]")


def test_a_missing_column_is_said_not_printed_as_zero() -> None:
    assert text_line(F2, BASE) == ("tei/b.xml:7: error: Element div failed to validate content "
                                   "(libxml2 gives no column for this error) [relaxng]")
    assert text_line(F3, BASE).startswith("tei/c.xml:3: warning: Check this, 100%: a, b (column not known)")


def test_summary_counts() -> None:
    assert summary([], 1) == "1 file valid"
    assert summary([F3], 5) == "5 files valid, 1 warning"
    assert summary([F1, F2, F3], 5) == "2 errors, 1 warning in 2 of 5 files"


def test_github_commands_escape_their_data() -> None:
    out = render([F3], [F3.path], "github", BASE).splitlines()
    assert out[0] == "::warning file=tei/c.xml,line=3,title=some-rule::Check this, 100%25: a, b"


def test_json_paths_are_relative_to_the_base() -> None:
    data = json.loads(render([F1], [F1.path], "json", BASE))
    assert data["findings"][0]["path"] == "tei/a.xml"
    assert data["findings"][0]["column"] == 17

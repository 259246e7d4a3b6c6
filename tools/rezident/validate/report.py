"""Findings as text for people, and as JSON, JUnit XML or GitHub annotations for machines."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import quoteattr

from .findings import RELAXNG_RULE, Finding

FORMATS = ("text", "json", "junit", "github")


def display_path(path: Path, base: Path | None = None) -> str:
    """The path relative to ``base`` (the working directory) when it is inside it."""
    base = (base or Path.cwd()).resolve()
    try:
        return str(Path(path).resolve().relative_to(base))
    except ValueError:
        return str(path)


def text_line(finding: Finding, base: Path | None = None) -> str:
    """``tei/x.xml:42:17: error: <message> [rule-id]``."""
    where = display_path(finding.path, base)
    message = finding.message
    if finding.line:
        where += f":{finding.line}"
        if finding.column:
            where += f":{finding.column}"
        elif finding.rule == RELAXNG_RULE:
            message += " (libxml2 gives no column for this error)"
        else:
            message += " (column not known)"
    return f"{where}: {finding.severity}: {message} [{finding.rule}]"


def summary(findings: Sequence[Finding], files: int) -> str:
    errors = sum(f.severity == "error" for f in findings)
    warnings = len(findings) - errors
    failing = len({f.path for f in findings if f.severity == "error"})
    noun = "file" if files == 1 else "files"
    if not errors:
        tail = f", {_count(warnings, 'warning')}" if warnings else ""
        return f"{files} {noun} valid{tail}"
    return (f"{_count(errors, 'error')}, {_count(warnings, 'warning')} "
            f"in {failing} of {files} {noun}")


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def render(findings: Sequence[Finding], files: Sequence[Path], fmt: str,
           base: Path | None = None) -> str:
    """The whole report in one format (text: one line per finding, then the summary)."""
    if fmt == "text":
        lines = [text_line(f, base) for f in findings]
        return "\n".join([*lines, summary(findings, len(files))]) + "\n"
    if fmt == "json":
        return json.dumps({
            "files": len(files),
            "errors": sum(f.severity == "error" for f in findings),
            "warnings": sum(f.severity == "warning" for f in findings),
            "findings": [dict(f.as_dict(), path=display_path(f.path, base)) for f in findings],
        }, ensure_ascii=False, indent=2) + "\n"
    if fmt == "junit":
        return _junit(findings, files, base)
    if fmt == "github":
        return "".join(_github(f, base) + "\n" for f in findings) + summary(findings, len(files)) + "\n"
    raise ValueError(f"unknown format {fmt!r}")


def _junit(findings: Sequence[Finding], files: Sequence[Path], base: Path | None) -> str:
    by_file: dict[str, list[Finding]] = {display_path(p, base): [] for p in files}
    for finding in findings:
        by_file.setdefault(display_path(finding.path, base), []).append(finding)
    failing = sum(1 for fs in by_file.values() if any(f.severity == "error" for f in fs))
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           f'<testsuites name="rezident validate" tests="{len(by_file)}" failures="{failing}">',
           f'  <testsuite name="rezident validate" tests="{len(by_file)}" failures="{failing}" errors="0">']
    for name, items in by_file.items():
        out.append(f'    <testcase classname="rezident.validate" name={quoteattr(name)}>')
        errors = [f for f in items if f.severity == "error"]
        if errors:
            body = "\n".join(text_line(f, base) for f in errors)
            out.append(f'      <failure message={quoteattr(f"{len(errors)} finding(s)")} '
                       f'type="validation">{_escape(body)}</failure>')
        warnings = [f for f in items if f.severity == "warning"]
        if warnings:
            lines = "\n".join(text_line(f, base) for f in warnings)
            out.append(f"      <system-out>{_escape(lines)}</system-out>")
        out.append("    </testcase>")
    out += ["  </testsuite>", "</testsuites>"]
    return "\n".join(out) + "\n"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _github(finding: Finding, base: Path | None) -> str:
    """A GitHub Actions workflow command: ``::error file=...,line=...,col=...,title=...::message``."""
    props = [f"file={_gh_property(display_path(finding.path, base))}"]
    if finding.line:
        props.append(f"line={finding.line}")
        if finding.column:
            props.append(f"col={finding.column}")
    props.append(f"title={_gh_property(finding.rule)}")
    return f"::{finding.severity} {','.join(props)}::{_gh_data(finding.message)}"


def _gh_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_property(text: str) -> str:
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")

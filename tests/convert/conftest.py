"""Fixtures for the converter's tests: snippets in, TEI out."""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

from rezident import convert as cv
from rezident import edition as edition_config
from rezident.convert.diplomatic import squeeze

NS = {"t": "http://www.tei-c.org/ns/1.0"}


@pytest.fixture(scope="session")
def tei_all(tei_all_rng: Path) -> etree.RelaxNG:
    """tei_all.rng, loaded once per session (it takes a few seconds)."""
    return etree.RelaxNG(etree.parse(str(tei_all_rng)))


@pytest.fixture(scope="session")
def edition_schema(project_root: Path) -> etree.RelaxNG:
    """The edition's own schema (schema/rezident.rng): the converter's output must keep to it too."""
    path = project_root / "schema" / "rezident.rng"
    if not path.is_file():
        pytest.skip("schema/rezident.rng is not there yet")
    return etree.RelaxNG(etree.parse(str(path)))


@pytest.fixture(scope="session")
def project_edition(project_root: Path) -> edition_config.Edition:
    return edition_config.load(project_root)


@pytest.fixture(scope="session")
def project_setup(project_edition) -> cv.Setup:
    return cv.setup(project_edition)


@pytest.fixture(scope="session")
def converted(project_setup) -> dict[str, cv.Conversion]:
    """The five transcripts of the edition, converted once."""
    return {s.id: cv.convert_source(project_setup, s) for s in project_setup.edition.sources}


def make_edition(root: Path, sources: str = "", conventions: str = "", registers_from: Path | None = None) -> Path:
    """A small edition in ``root``: edition.toml, transcripts/, tei/ (registers copied if asked)."""
    (root / "transcripts").mkdir(parents=True, exist_ok=True)
    (root / "tei").mkdir(exist_ok=True)
    if registers_from is not None:
        shutil.copytree(registers_from, root / "tei" / "registers")
    (root / "edition.toml").write_text(textwrap.dedent("""\
        [edition]
        id = "test-edition"
        title = "Test edition"
        editors = ["A. Editor"]
        publisher = "Tests"
        licence = "CC BY 4.0"
        licence-url = "https://creativecommons.org/licenses/by/4.0/"
        """) + textwrap.dedent(sources) + textwrap.dedent(conventions), encoding="utf-8")
    return root


@pytest.fixture()
def snippet(tmp_path: Path) -> Callable[..., tuple[etree._Element, cv.Conversion]]:
    """Convert a transcript snippet with a profile; returns the TEI root and the conversion.

    Every snippet is also checked to round-trip, so each test checks losslessness too.
    """
    def run(text: str, profile: str, conventions: str = "", registers: bool = False,
            project_root: Path | None = None) -> tuple[etree._Element, cv.Conversion]:
        root = tmp_path / "ed"
        if not root.exists():
            regs = (project_root / "tei" / "registers") if registers and project_root else None
            make_edition(root, conventions=conventions, registers_from=regs)
        path = root / "transcripts" / "snippet.txt"
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        setup = cv.setup(edition_config.load(root))
        result = cv.convert_file(setup, path, profile)
        out = root / "tei" / "snippet.xml"
        out.write_bytes(result.data)
        assert squeeze(cv.regenerate(out, setup.declared)) == squeeze(path.read_text(encoding="utf-8"))
        return etree.fromstring(result.data), result
    return run


def xpath(root: etree._Element, path: str) -> list:
    return root.xpath(path, namespaces=NS)


def inner_xml(element: etree._Element) -> str:
    """An element's content serialized without namespace declarations, for readable comparisons."""
    text = etree.tostring(element, encoding="unicode")
    text = text.replace(' xmlns="http://www.tei-c.org/ns/1.0"', "")
    start, end = text.index(">") + 1, text.rindex("<")
    return text[start:end]

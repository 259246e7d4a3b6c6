"""The schema's two forms agree, its annotations are findable, and it stays inside TEI."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from lxml import etree
from validate_grammar import RNG, content_sets

A_DOC = "{http://relaxng.org/ns/compatibility/annotations/1.0}documentation"


def _canonical(text: str) -> bytes:
    return etree.tostring(etree.fromstring(text.encode()), method="c14n")


def test_rng_is_generated_from_rnc(schema_dir: Path) -> None:
    try:
        import rnc2rng  # noqa: F401
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("rnc2rng is missing: CI installs the test extras (pip install -e '.[test]')")
        pytest.skip("rnc2rng (a test extra) converts the .rnc: pip install -e '.[test]'")
    from rezident.validate.schema_build import rnc_to_rng

    generated = rnc_to_rng((schema_dir / "rezident.rnc").read_text(encoding="utf-8"))
    committed = (schema_dir / "rezident.rng").read_text(encoding="utf-8")
    assert _canonical(generated.split("\n", 1)[1]) == _canonical(committed.split("\n", 1)[1]), (
        "schema/rezident.rng is out of date: run `python -m rezident.validate.schema_build`")


def test_every_customization_is_documented_where_it_applies(schema_dir: Path) -> None:
    grammar = etree.parse(str(schema_dir / "rezident.rng"))
    docs = list(grammar.iter(A_DOC))
    assert len(docs) >= 40
    for doc in docs:
        assert doc.getparent().tag in {RNG + "define", RNG + "element", RNG + "attribute", RNG + "start"}
        text = " ".join(doc.text.split())
        assert text and "\n" not in doc.text.strip(), "one line each"
    # The closed lists of docs/encoding.md each carry their reason.
    documented = {d.getparent().get("name") for d in docs}
    for define in ("gap.cipher", "gap.other", "note", "fw", "div", "unclear", "supplied", "note.exemption"):
        assert define in documented, define


def test_children_and_attributes_are_those_tei_all_allows(schema_dir: Path, tei_all_rng: Path) -> None:
    ours = content_sets(schema_dir / "rezident.rng")
    tei = content_sets(tei_all_rng)
    problems = []
    for name, (children, attributes) in sorted(ours.items()):
        if name not in tei:
            problems.append(f"{name} is not a TEI element")
            continue
        extra_children = children - tei[name][0]
        extra_attributes = attributes - tei[name][1]
        if extra_children:
            problems.append(f"{name} allows children TEI does not: {sorted(extra_children)}")
        if extra_attributes:
            problems.append(f"{name} allows attributes TEI does not: {sorted(extra_attributes)}")
    assert not problems, "\n".join(problems)
    assert len(ours) > 80

"""Every document the customization accepts is a TEI P5 document: drawn at random, checked against tei_all."""

from __future__ import annotations

import random
from pathlib import Path

from lxml import etree
from validate_generator import Generator
from validate_grammar import content_sets

SEEDS = range(150)


def test_random_documents_of_the_customization_are_valid_tei(schema_dir: Path, tei_all_validator) -> None:
    grammar = schema_dir / "rezident.rng"
    generator = Generator(grammar, depth=8)
    ours = etree.RelaxNG(etree.parse(str(grammar)))
    tei_all = tei_all_validator.relaxng
    seen: set[str] = set()
    for seed in SEEDS:
        document = generator.document(random.Random(seed))
        seen.update(etree.QName(e).localname for e in document.iter())
        text = etree.tostring(document, pretty_print=True)
        tree = etree.fromstring(text).getroottree()  # line numbers for the message
        assert ours.validate(tree), f"seed {seed}: the generator drew an invalid document"
        if not tei_all.validate(tree):
            errors = [f"line {e.line}: {e.message}" for e in tei_all.error_log][:3]
            lines = text.decode().splitlines()
            context = [lines[e.line - 1].strip() for e in tei_all.error_log if e.line][:1]
            raise AssertionError(f"seed {seed}: valid here, invalid in tei_all: {errors} {context}")
    # The draw reached every element of the customization.
    assert seen == set(content_sets(grammar))

"""The bag of this repository's own edition: valid, intact, and accepted by the bagit library."""

from __future__ import annotations

import shutil
from pathlib import Path

import bagit
from lxml import etree

from rezident import TEI_NS
from rezident import edition as edition_config
from rezident.deposit import make_deposit, verify


def copy_of_the_example_edition(project_root: Path, into: Path) -> edition_config.Edition:
    """The edition's sources (and whatever has been built), so no test writes into the repo."""
    example = edition_config.load(project_root)
    into.mkdir()
    shutil.copyfile(example.config_path, into / "edition.toml")
    for folder, name in ((example.transcripts_dir, "transcripts"), (example.tei_dir, "tei"),
                         (example.output_dir / "html", "output/html"),
                         (example.output_dir / "pdf", "output/pdf")):
        if folder.is_dir():
            shutil.copytree(folder, into / name, copy_function=shutil.copyfile,
                            ignore=shutil.ignore_patterns(".*"))
    return edition_config.load(into)


def test_example_edition_bag(project_root, tmp_path, tei_all):
    edition = copy_of_the_example_edition(project_root, tmp_path / "edition")
    # Whether the example validates is the validator's tests' business; this one is the bag's.
    made = make_deposit(edition, tmp_path / "out", allow_invalid=True)
    bag = bagit.Bag(str(made.path))
    bag.validate()
    assert bag.info["External-Identifier"] == f"{edition.id}@{edition.version}"
    assert verify(made.path).ok
    for source in edition.sources:
        assert (made.path / "data" / "tei" / f"{source.id}.xml").read_bytes() == \
            source.tei_path(edition.tei_dir).read_bytes()

    # One corpus of documents whose own ids repeat from document to document: still valid TEI.
    corpus = etree.parse(str(made.path / "tei-corpus.xml"))
    assert tei_all.validate(corpus), tei_all.error_log.filter_from_errors()[:5]
    members = corpus.getroot().findall(f"{{{TEI_NS}}}TEI")
    assert [m.get("{http://www.w3.org/XML/1998/namespace}id") for m in members][:len(edition.sources)] \
        == [s.id for s in edition.sources]

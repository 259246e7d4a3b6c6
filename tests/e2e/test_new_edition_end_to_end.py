"""From `rezident init` to a verified deposit, through the commands a user types.

An editor starts an edition in an empty folder, declares a notation of their
own transcripts in edition.toml (`[illegible]` as `<gap reason="illegible"/>`),
adds a transcript that uses it, and runs convert, validate, build (HTML and
PDF) and deposit there, in that folder, as in this repository.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import bagit
import pytest
from lxml import etree

from rezident import TEI_NS

pytestmark = pytest.mark.slow

NS = {"tei": TEI_NS}

TRANSCRIPT = """\
A Note from the Commissariat, 3 March 1938

The meeting with [illegible] was set for Tuesday in Moscow.

Comrade Ivanov reported that the papers [illegible] had been sent on.
"""

SOURCE_AND_CONVENTION = """
[[source]]
file = "1938-03-03-note-from-the-commissariat.txt"
id = "note-1938-03-03"
profile = "archive-translation"
kind = "record"
title = "A Note from the Commissariat"
date = "1938-03-03"

[[convention]]
name = "illegible"
profiles = ["*"]
pattern = '\\[illegible\\]'
tei = '<gap reason="illegible"/>'
diplomatic = "[illegible]"
label = "illegible"
"""

PERSON = ('<listPerson><person xml:id="per-ivanov"><persName>Ivanov</persName></person>'
          '</listPerson>')
PLACE = '<listPlace><place xml:id="pl-moscow"><placeName>Moscow</placeName></place></listPlace>'
ORG = ('<listOrg><org xml:id="org-narkomindel"><orgName>Commissariat</orgName></org>'
       '</listOrg>')


def rezident(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """Run the installed command in ``cwd``, as a user would."""
    command = Path(sys.executable).with_name("rezident")
    argv = ([str(command)] if command.exists()
            else [sys.executable, "-c", "from rezident.cli import main; main()"])
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1767225600"}  # 2026-01-01
    return subprocess.run([*argv, *args], cwd=cwd, capture_output=True, text=True,
                          timeout=900, env=env)


def ok(result: subprocess.CompletedProcess) -> subprocess.CompletedProcess:
    assert result.returncode == 0, f"exit {result.returncode}\n{result.stdout}\n{result.stderr}"
    return result


def fill_register(path: Path, entries: str) -> None:
    """The editor's review: the first entry replaces the register's placeholder paragraph."""
    text = path.read_text(encoding="utf-8")
    start = text.index("<body>") + len("<body>")
    end = text.index("</body>")
    path.write_text(text[:start] + entries + text[end:], encoding="utf-8")


def test_init_convert_validate_build_deposit(tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    ok(rezident("init", "letters", "--title", "Letters of 1938", "--editor", "Ann Editor",
                "--publisher", "Test Archive", cwd=work))
    edition = work / "letters"

    # The editor's part: a transcript, its [[source]], a notation of their own, the registers.
    (edition / "transcripts" / "1938-03-03-note-from-the-commissariat.txt").write_text(
        TRANSCRIPT, encoding="utf-8")
    with open(edition / "edition.toml", "a", encoding="utf-8") as config:
        config.write(SOURCE_AND_CONVENTION)
    registers = edition / "tei" / "registers"
    fill_register(registers / "persons.xml", PERSON)
    fill_register(registers / "places.xml", PLACE)
    fill_register(registers / "organisations.xml", ORG)

    ok(rezident("convert", cwd=edition))
    tei_file = edition / "tei" / "note-1938-03-03.xml"
    tree = etree.parse(str(tei_file))
    gaps = tree.xpath("//tei:body//tei:gap[@reason='illegible']", namespaces=NS)
    assert len(gaps) == 2
    assert not tree.xpath("//tei:body//text()[contains(., '[illegible]')]", namespaces=NS)
    # The transcript comes back from the TEI, character for character (whitespace aside).
    text = ok(rezident("text", str(tei_file), cwd=edition)).stdout
    assert "".join(text.split()) == "".join(TRANSCRIPT.split())

    ok(rezident("validate", cwd=edition))

    # From a folder below the edition: commands find edition.toml by walking up.
    ok(rezident("build", cwd=edition / "tei"))
    html_pages = [p for p in (edition / "output" / "html").rglob("*.html")
                  if "note-1938-03-03" in p.name]
    assert html_pages, "no HTML page for the document"
    assert "illegible" in html_pages[0].read_text(encoding="utf-8")
    pdfs = sorted((edition / "output" / "pdf").rglob("*.pdf"))
    assert pdfs, "no PDF was built"
    from pypdf import PdfReader
    pdf_text = " ".join(sheet.extract_text() or "" for pdf in pdfs
                        for sheet in PdfReader(pdf).pages)
    assert "illegible" in pdf_text

    result = ok(rezident("deposit", "--require", "html,pdf", cwd=edition))
    bag = edition / "output" / "deposit" / "letters-0.1.0"
    assert str(bag) in result.stdout
    bagit.Bag(str(bag)).validate()
    payload = {p.relative_to(bag).as_posix() for p in (bag / "data").rglob("*") if p.is_file()}
    assert "data/tei/note-1938-03-03.xml" in payload
    assert "data/transcripts/1938-03-03-note-from-the-commissariat.txt" in payload
    assert any(p.startswith("data/html/") for p in payload)
    assert any(p.startswith("data/pdf/") and p.endswith(".pdf") for p in payload)
    assert ok(rezident("deposit", "--verify", str(bag), cwd=work)).stdout.strip().endswith(
        "match their manifests)")

    ok(rezident("deposit", "--zip", cwd=edition))
    archive = bag.parent / "letters-0.1.0.zip"
    ok(rezident("deposit", "--verify", str(archive), cwd=work))


def test_a_new_edition_builds_before_it_has_documents(tmp_path):
    """Straight after `rezident init` the site builds: empty index, registers
    and glossary, no crash on the collection pages."""
    edition = tmp_path / "empty"
    assert rezident("init", str(edition), cwd=tmp_path).returncode == 0
    result = rezident("build", "html", "--no-search", cwd=edition)
    assert result.returncode == 0, result.stderr
    site = edition / "output" / "html"
    for page in ("index", "persons", "glossary", "statistics", "encoding"):
        assert (site / f"{page}.html").is_file(), page
    assert "25X1" in (site / "glossary.html").read_text(encoding="utf-8")

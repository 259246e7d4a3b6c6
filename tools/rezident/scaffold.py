"""What ``rezident init`` writes: a new edition that every command works in.

The edition is assembled in a temporary sibling folder and renamed into
place, so an interrupted ``init`` leaves no half-made edition behind.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
from dataclasses import dataclass
from pathlib import Path

from . import __version__, resources
from .edition import CONFIG_NAME
from .errors import ConfigError

REGISTERS = {
    # file stem: (list element, entry element, id prefix, what it lists, example entry)
    "persons": ("listPerson", "person", "per-", "persons",
                '<person xml:id="per-beriya"><persName>Beriya</persName>'
                '<persName type="covername">PETROV</persName></person>'),
    "organisations": ("listOrg", "org", "org-", "organisations",
                      '<org xml:id="org-nkvd"><orgName>NKVD</orgName></org>'),
    "places": ("listPlace", "place", "pl-", "places",
               '<place xml:id="pl-moscow"><placeName>Moscow</placeName></place>'),
}


@dataclass(frozen=True)
class NewEdition:
    """What the editor chose on the command line; the rest is edited in edition.toml."""

    id: str
    title: str
    editors: tuple[str, ...] = ()
    publisher: str = ""
    languages: tuple[str, ...] = ("en",)
    own_copies: bool = True  # copy schema/ and xslt/ into the edition


def slug(text: str) -> str:
    """An edition id from a folder name: lowercase ASCII words joined by hyphens."""
    words = re.findall(r"[a-z0-9]+", text.lower())
    value = "-".join(words) or "edition"
    return value if value[0].isalpha() else f"edition-{value}"


def _toml_string(value: str) -> str:
    # JSON's string escapes are a subset of TOML's basic-string escapes.
    # TOML alone forbids a raw DEL.
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def _toml_list(values: tuple[str, ...]) -> str:
    return "[" + ", ".join(_toml_string(v) for v in values) + "]"


def config_text(new: NewEdition) -> str:
    return f"""\
# The edition's configuration: read by every `rezident` command.
# Paths are relative to this file. See README.md for the workflow.

[edition]
id = {_toml_string(new.id)}
version = "0.1.0"
title = {_toml_string(new.title)}
editors = {_toml_list(new.editors)}
publisher = {_toml_string(new.publisher)}
pub-place = ""
licence = "CC BY 4.0"
licence-url = "https://creativecommons.org/licenses/by/4.0/"
languages = {_toml_list(new.languages)}
description = \"\"\"\"\"\"

[paths]
transcripts = "transcripts"
tei = "tei"
output = "output"

# One [[source]] per transcript in transcripts/. `profile` names the
# conventions it is written in (venona, crest, archive-translation, slides);
# the other keys supply what the transcript itself does not say: title,
# author, date (ISO), date-not-before, date-not-after, note.
#
# [[source]]
# file = "1946-04-07-moscow-canberra.txt"
# id = "venona-1946-04-07-moscow-canberra"
# profile = "venona"
# kind = "cable"          # cable, report, letter, decision, record, lecture

# A notation of your transcripts that the built-in conventions do not know,
# declared as data: its pattern (a regular expression), the TEI it becomes,
# its form in the transcript, and what HTML and PDF show for an empty element.
#
# [[convention]]
# name = "illegible"
# profiles = ["*"]        # or some of: venona, crest, archive-translation, slides
# pattern = '\\[illegible\\]'
# tei = '<gap reason="illegible"/>'
# diplomatic = "[illegible]"
# label = "illegible"
"""


def register_text(stem: str, new: NewEdition) -> str:
    """A register with no entries yet: valid TEI, with a commented example to copy.

    TEI allows no empty list, so the body holds a paragraph until the first entry;
    ``type="register"`` tells the schema (and the validator) it is a register still.
    """
    list_element, entry, prefix, what, example = REGISTERS[stem]
    publisher = new.publisher or ", ".join(new.editors) or new.title
    return f"""\
<?xml version="1.0" encoding="UTF-8"?>
<?xml-model href="../../schema/rezident.rng" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>
<?xml-model href="../../schema/rezident.sch" type="application/xml" schematypens="http://purl.oclc.org/dsdl/schematron"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="{stem}" type="register">
  <teiHeader>
    <fileDesc>
      <titleStmt>
        <title type="main">Register of {what}</title>
      </titleStmt>
      <publicationStmt>
        <publisher>{_xml_text(publisher)}</publisher>
      </publicationStmt>
      <sourceDesc>
        <p>Editorial work: every one of the {what} the documents mention, edited by hand.</p>
      </sourceDesc>
    </fileDesc>
  </teiHeader>
  <text>
    <body>
      <!-- The first entry replaces the paragraph below with a {list_element}, e.g.
      <{list_element}>
        {example}
      </{list_element}>
      Ids start with "{prefix}"; documents point at them as
      ref="registers/{stem}.xml#{prefix}...". -->
      <p>No {what} yet.</p>
    </body>
  </text>
</TEI>
"""


def _xml_text(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def readme_text(new: NewEdition) -> str:
    schema_note = (
        "`schema/` and `xslt/` are this edition's own copies of rezident's schema and "
        "stylesheets: change them here to customize the edition (rezident uses an edition's "
        "own copies when it has them)."
        if new.own_copies else
        "The edition uses the schema and stylesheets installed with rezident; to customize "
        "them, copy them into `schema/` and `xslt/` here (rezident uses an edition's own "
        "copies when it has them).")
    return f"""\
# {new.title}

A scholarly digital edition made with rezident {__version__}: archival
transcripts, encoded in TEI P5, validated, published as HTML and PDF, and
packaged for an archive.

| path | what |
|---|---|
| `edition.toml` | the edition's configuration: its metadata and one `[[source]]` per transcript |
| `transcripts/` | the transcripts, as plain text in the conventions of their profile (never edited by rezident) |
| `tei/` | one TEI document per source, written by `rezident convert` and reviewed by hand |
| `tei/registers/` | persons, organisations and places the documents mention (edited by hand) |
| `schema/`, `xslt/` | the schema the TEI must meet and the stylesheets that render it |
| `output/` | what `rezident build` and `rezident deposit` write (not kept in version control) |

{schema_note}

## The workflow

1. **Add a transcript** to `transcripts/` and a `[[source]]` for it to
   `edition.toml` (file, id, profile, kind, and what the transcript does not
   say: title, author, date).
2. **Convert**: `rezident convert` writes `tei/<id>.xml` for every source in
   `edition.toml`. It does not overwrite a TEI file you have edited by hand
   (unless `--force`); `rezident convert --check` names every TEI file that
   differs from what the converter would write.
3. **Review** the TEI: check the markup against the original, add the persons,
   organisations and places it mentions to `tei/registers/` and point at them
   (`ref="registers/persons.xml#per-..."`).
4. **Validate**: `rezident validate` checks every document against the schema
   and its Schematron rules and names each problem with its file and line.
5. **Build**: `rezident build` writes the HTML edition to `output/html/` and
   the PDF edition to `output/pdf/`.
6. **Deposit**: `rezident deposit` packages the edition (transcripts, TEI,
   schema, HTML and PDFs) as a BagIt bag under `output/deposit/` for an
   archive (`--zip` or `--tar` for one file); `rezident deposit --verify BAG`
   checks a bag before and after transfer.

Every command finds the edition from the folder it is run in (or any folder
below it), or takes `--edition PATH`; `rezident COMMAND --help` lists its
options.

## Notations of your own

The profiles (venona, crest, archive-translation, slides) know the notations
of their kind of source. A notation your transcripts use that they do not
know is declared in `edition.toml` as a `[[convention]]`: its pattern, the
TEI it becomes, its form in the transcript and, for an empty element, what
the HTML and PDF show (an example is commented out there). `rezident text
tei/<id>.xml` prints the transcript regenerated from the TEI: it must equal
the transcript, whitespace aside.
"""


GITIGNORE = """\
# What rezident builds: made again by `rezident build` and `rezident deposit`.
/output/
"""


def create(target: Path, new: NewEdition) -> list[Path]:
    """Write a new edition into ``target`` (absent or empty); returns what was written."""
    target = target.resolve()
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise ConfigError("not an empty folder", path=target,
                          hint="give a new folder or an empty one; init never writes over files")
    if not re.fullmatch(r"[^\W\d][\w.-]*", new.id):
        raise ConfigError(f"the edition id {new.id!r} is not usable as an identifier",
                          hint="use letters, digits and hyphens, starting with a letter")
    # mkdir rather than mkdtemp: the edition gets the user's usual permissions.
    staging = target.parent / f".{target.name}.{secrets.token_hex(4)}.partial"
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        staging.mkdir()
    except OSError as exc:
        raise ConfigError(f"cannot create the edition here: {exc.strerror or exc}", path=target,
                          hint="choose a folder you can write to") from None
    try:
        (staging / CONFIG_NAME).write_text(config_text(new), encoding="utf-8")
        (staging / "README.md").write_text(readme_text(new), encoding="utf-8")
        (staging / ".gitignore").write_text(GITIGNORE, encoding="utf-8")
        (staging / "transcripts").mkdir()
        (staging / "tei" / "registers").mkdir(parents=True)
        for stem in REGISTERS:
            (staging / "tei" / "registers" / f"{stem}.xml").write_text(
                register_text(stem, new), encoding="utf-8")
        if new.own_copies:
            for name, shipped in (("schema", resources.shipped_schema_dir()),
                                  ("xslt", resources.shipped_xslt_dir())):
                if not shipped.is_dir():
                    raise ConfigError(f"rezident's {name} is missing from {shipped}",
                                      hint="reinstall rezident")
                shutil.copytree(shipped, staging / name,
                                ignore=shutil.ignore_patterns(".*", "__pycache__"))
        if target.exists():
            _move_into(staging, target)
        else:
            os.rename(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return sorted(p for p in target.rglob("*") if p.is_file())


def _move_into(staging: Path, target: Path) -> None:
    """Move the staged edition into the existing empty ``target`` (perhaps the working
    folder of the shell that runs init, which must stay the same folder)."""
    moved: list[Path] = []
    try:
        for entry in sorted(staging.iterdir()):
            os.rename(entry, target / entry.name)
            moved.append(target / entry.name)
    except BaseException:
        for path in moved:
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
        raise
    staging.rmdir()


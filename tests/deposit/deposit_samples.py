"""A small edition on disk, for packaging and verifying bags."""

from __future__ import annotations

from pathlib import Path

from rezident import edition as edition_config

CONFIG = """\
[edition]
id = "test-edition"
version = "2.3.1"
title = "A Test Edition"
editors = ["Ann Editor", "Bo Editor"]
publisher = "Test Archive"
pub-place = "Bern"
licence = "CC BY 4.0"
licence-url = "https://creativecommons.org/licenses/by/4.0/"
languages = ["en", "ru"]
description = \"\"\"Two short documents, for testing the deposit.\"\"\"

[[source]]
file = "one.txt"
id = "doc-one"
profile = "venona"
kind = "cable"

[[source]]
file = "two.txt"
id = "doc-two"
profile = "crest"
kind = "report"
"""


def tei_document(doc_id: str, title: str, when: str, body: str = "") -> str:
    """A small TEI document with an internal note pointer and a register link."""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<?xml-model href="../schema/rezident.rng" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="{doc_id}">
  <teiHeader>
    <fileDesc>
      <titleStmt><title type="main">{title}</title></titleStmt>
      <publicationStmt><publisher>Test Archive</publisher>
        <idno type="edition">test-edition</idno><idno type="document">{doc_id}</idno></publicationStmt>
      <sourceDesc><bibl><title>{title}</title> <idno type="copy">7</idno></bibl></sourceDesc>
    </fileDesc>
    <encodingDesc>
      <classDecl><taxonomy xml:id="kind"><category xml:id="kind-cable"><catDesc>cable</catDesc></category></taxonomy></classDecl>
    </encodingDesc>
    <profileDesc>
      <creation><date when="{when}">{when}</date></creation>
      <textClass><catRef scheme="#kind" target="#kind-cable"/></textClass>
      <langUsage><language ident="en">English</language><language ident="ru">Russian</language></langUsage>
    </profileDesc>
  </teiHeader>
  <text>
    <body>
      <p>The <persName ref="registers/persons.xml#per-guzenko">clerk</persName> left.<ref type="noteAnchor" target="#note-i" xml:id="anchor-i">i</ref> <foreign xml:lang="ru">Ежов</foreign> {body}</p>
    </body>
    <back>
      <div type="comments"><note type="comment" n="i" xml:id="note-i" target="#anchor-i">A comment.</note></div>
    </back>
  </text>
</TEI>
"""


PERSONS = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="persons">
  <teiHeader>
    <fileDesc>
      <titleStmt><title type="main">Register of persons</title></titleStmt>
      <publicationStmt><publisher>Test Archive</publisher></publicationStmt>
      <sourceDesc><p>Editorial work.</p></sourceDesc>
    </fileDesc>
  </teiHeader>
  <text><body><listPerson><person xml:id="per-guzenko"><persName>Guzenko</persName></person></listPerson></body></text>
</TEI>
"""


def write_edition(root: Path, *, html: bool = True, pdf: bool = True,
                  own_schema: bool = True) -> edition_config.Edition:
    """An edition with two converted documents, a register and (optionally) built output.

    The documents are valid against rezident's schema; ``own_schema`` gives the
    edition stand-in schema/ and xslt/ folders of its own instead.
    """
    root.mkdir(parents=True, exist_ok=True)
    (root / "edition.toml").write_text(CONFIG, encoding="utf-8")
    (root / "transcripts").mkdir()
    (root / "transcripts" / "one.txt").write_text("MOSCOW 7 April 46\nThe clerk left.\n",
                                                  encoding="utf-8")
    (root / "transcripts" / "two.txt").write_text("SECRET\n-2-\nA report.\n", encoding="utf-8")
    (root / "tei" / "registers").mkdir(parents=True)
    (root / "tei" / "doc-one.xml").write_text(tei_document("doc-one", "First", "1946-04-07"),
                                              encoding="utf-8")
    (root / "tei" / "doc-two.xml").write_text(tei_document("doc-two", "Second", "1953"),
                                              encoding="utf-8")
    (root / "tei" / "registers" / "persons.xml").write_text(PERSONS, encoding="utf-8")
    if own_schema:
        (root / "schema").mkdir()
        (root / "schema" / "rezident.rng").write_text("<grammar/>\n", encoding="utf-8")
        (root / "xslt").mkdir()
        (root / "xslt" / "html.xsl").write_text("<xsl:stylesheet/>\n", encoding="utf-8")
    if html:
        (root / "output" / "html" / "documents").mkdir(parents=True)
        (root / "output" / "html" / "index.html").write_text("<!DOCTYPE html><title>i</title>\n")
        (root / "output" / "html" / "documents" / "doc-one.html").write_text("<p>one</p>\n")
        (root / "output" / "html" / "doc-two.html").write_text("<p>two</p>\n")
    if pdf:
        (root / "output" / "pdf").mkdir(parents=True)
        (root / "output" / "pdf" / "edition.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)))
        for doc_id in ("doc-one", "doc-two"):
            (root / "output" / "pdf" / f"{doc_id}.pdf").write_bytes(b"%PDF-1.7\n" + doc_id.encode())
    return edition_config.load(root)


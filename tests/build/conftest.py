"""A small edition on disk, built with the stand-in toolkit."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from build_fakes import FakeToolkit

from rezident.build import BuildReport, BuildRequest, build

PERSONS = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><listPerson>
<person xml:id="per-beriya"><persName>Beriya</persName></person>
<person xml:id="per-yezhov"><persName>Yezhov</persName></person>
<person xml:id="per-stalin"><persName>Stalin</persName><affiliation ref="organisations.xml#org-tsk"/></person>
</listPerson></body></text></TEI>
"""

ORGS = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><listOrg>
<org xml:id="org-tsk"><orgName>Central Committee</orgName></org>
<org xml:id="org-nkvd"><orgName>NKVD</orgName></org>
</listOrg></body></text></TEI>
"""


def document(doc_id: str, *refs: str, body: str = "text") -> str:
    mentions = "".join(f'<persName ref="registers/persons.xml#{r}">{r}</persName> ' for r in refs)
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="{doc_id}"><text><body>'
            f'<p>{mentions}{body}</p><note target="#x"/></body></text></TEI>\n')


class Edition:
    """A folder with tei/, registers, xslt/, schema/ and a helper to build it."""

    def __init__(self, root: Path):
        self.root = root
        self.tei = root / "tei"
        self.out = root / "output"
        self.xslt = root / "xslt"
        self.schema = root / "schema"
        self.toolkit = FakeToolkit(root / "made.log")
        (self.tei / "registers").mkdir(parents=True)
        (self.xslt / "html").mkdir(parents=True)
        self.schema.mkdir()
        (self.xslt / "html" / "edition.xsl").write_text("<xsl:stylesheet/>")
        (self.schema / "rezident.rng").write_text("<grammar/>")
        (self.tei / "registers" / "persons.xml").write_text(PERSONS)
        (self.tei / "registers" / "organisations.xml").write_text(ORGS)
        self.write("a", document("a", "per-beriya"))
        self.write("b", document("b", "per-yezhov"))
        self.write("c", document("c", "per-stalin"))
        self.write("d", document("d"))

    def write(self, doc_id: str, text: str) -> Path:
        path = self.tei / f"{doc_id}.xml"
        path.write_text(text, encoding="utf-8")
        return path

    def request(self, **options) -> BuildRequest:
        base = BuildRequest(tei_dir=self.tei, out_dir=self.out, xslt_dir=self.xslt,
                            schema_dir=self.schema, jobs=1)
        return replace(base, **options)

    def build(self, **options) -> BuildReport:
        return build(self.request(**options), toolkit=self.toolkit)

    def snapshot(self) -> dict[str, bytes]:
        return {p.relative_to(self.out).as_posix(): p.read_bytes()
                for p in sorted(self.out.rglob("*"))
                if p.is_file() and ".rezident-cache" not in p.parts}


@pytest.fixture
def edition(tmp_path: Path) -> Edition:
    return Edition(tmp_path)


def stage(report: BuildReport, name: str):
    return next(s for s in report.stages if s.name == name)

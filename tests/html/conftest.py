"""Fixtures for the HTML edition's tests: run the stylesheets on fragments,
render whole documents and sites into tmp folders."""

from __future__ import annotations

from pathlib import Path

import pytest
from html_helpers import parse_html_fragment
from lxml import etree

from rezident.html import HtmlRenderer
from rezident.html.render import saxon

TEI_NS = "http://www.tei-c.org/ns/1.0"
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def xslt_dir(project_root: Path) -> Path:
    return project_root / "xslt"


@pytest.fixture(scope="session")
def renderer(xslt_dir: Path) -> HtmlRenderer:
    return HtmlRenderer(xslt_dir)


def _compile(source: str, folder: Path, name: str):
    path = folder / name
    path.write_text(source, encoding="utf-8")
    return saxon().new_xslt30_processor().compile_stylesheet(stylesheet_file=str(path))


@pytest.fixture(scope="session")
def render_fragment(xslt_dir: Path, tmp_path_factory):
    """TEI body content (a string, TEI namespace implied) -> the <div> the
    HTML templates of xslt/html/text.xsl make of it, as an lxml element."""
    folder = tmp_path_factory.mktemp("xslt-fragment")
    executable = _compile(f"""<?xml version="1.0"?>
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="{TEI_NS}" exclude-result-prefixes="#all">
  <xsl:import href="{(xslt_dir / 'common' / 'core.xsl').as_uri()}"/>
  <xsl:import href="{(xslt_dir / 'html' / 'text.xsl').as_uri()}"/>
  <xsl:output method="html" html-version="5" include-content-type="no"/>
  <xsl:template match="/">
    <div id="fragment"><xsl:apply-templates select="//tei:body/node()"/></div>
  </xsl:template>
</xsl:stylesheet>""", folder, "fragment.xsl")

    def run(body: str, header: str = "") -> etree._Element:
        document = (f'<TEI xmlns="{TEI_NS}"><teiHeader>{header}</teiHeader>'
                    f"<text><body>{body}</body></text></TEI>")
        node = saxon().parse_xml(xml_text=document)
        html = executable.transform_to_string(xdm_node=node)
        return parse_html_fragment(html)

    return run


@pytest.fixture(scope="session")
def core_value(xslt_dir: Path, tmp_path_factory):
    """Evaluate an XPath expression using the rz: functions of
    xslt/common/core.xsl with a TEI document as context; returns a string."""
    folder = tmp_path_factory.mktemp("xslt-core")
    cache: dict[str, object] = {}

    def run(expression: str, document: str = f'<TEI xmlns="{TEI_NS}"/>') -> str:
        if expression not in cache:
            escaped = expression.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
            cache[expression] = _compile(f"""<?xml version="1.0"?>
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="{TEI_NS}" xmlns:rz="https://rezident.example/ns/functions"
    xmlns:xs="http://www.w3.org/2001/XMLSchema" exclude-result-prefixes="#all">
  <xsl:import href="{(xslt_dir / 'common' / 'core.xsl').as_uri()}"/>
  <xsl:output method="text"/>
  <xsl:template match="/"><xsl:value-of select="{escaped}" separator="|"/></xsl:template>
</xsl:stylesheet>""", folder, f"core-{len(cache)}.xsl")
        node = saxon().parse_xml(xml_text=document)
        return cache[expression].transform_to_string(xdm_node=node) or ""

    return run


SITE_DOCUMENTS = ("cable", "letter", "undated")


def _render_site(renderer: HtmlRenderer, out: Path, **options) -> list[Path]:
    summaries = []
    for name in SITE_DOCUMENTS:
        renderer.render_document(FIXTURES / f"{name}.xml", out)
        summaries.append(renderer.summarize(FIXTURES / f"{name}.xml"))
    written = renderer.render_collection(summaries, out, registers_dir=FIXTURES / "registers",
                                         schema_dir=FIXTURES / "schema", **options)
    renderer.copy_assets(out)
    return written


@pytest.fixture(scope="session")
def site(renderer: HtmlRenderer, tmp_path_factory) -> Path:
    """The fixtures' documents as a site, rendered as the build does by default."""
    out = tmp_path_factory.mktemp("site")
    _render_site(renderer, out)
    return out


@pytest.fixture(scope="session")
def entry_site(renderer: HtmlRenderer, tmp_path_factory) -> tuple[Path, list[Path]]:
    """The same site with every entry mentioned in more than one document
    on a page of its own (inline-documents 1), and the files
    render_collection said it wrote."""
    out = tmp_path_factory.mktemp("entry-site")
    return out, _render_site(renderer, out, inline_documents=1)

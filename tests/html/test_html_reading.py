"""How the renderer reads a TEI file: once, from its bytes when they are
plainly UTF-8, else through the parser (declared encodings, DTDs); the
page and the TEI copy come out the same either way."""

from __future__ import annotations

import os

import pytest
from html_helpers import parse_page, text_of

from rezident.html import HtmlRenderer

TEI_NS = "http://www.tei-c.org/ns/1.0"
WORDS = "Résidence конспирация"


def tei(body: str, declaration: str = '<?xml version="1.0" encoding="UTF-8"?>', doctype: str = "") -> str:
    return (f'{declaration}{doctype}<TEI xmlns="{TEI_NS}"><teiHeader><fileDesc><titleStmt>'
            f'<title type="main">Encodings</title></titleStmt></fileDesc></teiHeader>'
            f"<text><body><p>{body}</p></body></text></TEI>")


def render(renderer: HtmlRenderer, tmp_path, name: str, data: bytes):
    """Render a TEI file of these bytes: the page's text division and the TEI copy."""
    source = tmp_path / f"{name}.xml"
    source.write_bytes(data)
    page, copy = renderer.render_document(source, tmp_path / "out")
    return parse_page(page.read_text(encoding="utf-8")).xpath("//div[@class='tei-text']")[0], copy


@pytest.mark.parametrize("name, data", [
    ("utf8", tei(WORDS).encode("utf-8")),
    ("utf8-bom", b"\xef\xbb\xbf" + tei(WORDS).encode("utf-8")),
    ("no-declaration", tei(WORDS, declaration="").encode("utf-8")),
    ("utf16", tei(WORDS, declaration='<?xml version="1.0" encoding="UTF-16"?>').encode("utf-16")),
    ("latin1", tei("Résidence", declaration='<?xml version="1.0" encoding="ISO-8859-1"?>')
     .encode("iso-8859-1")),
])
def test_any_declared_encoding_gives_the_same_text(renderer: HtmlRenderer, tmp_path, name, data):
    division, copy = render(renderer, tmp_path, name, data)
    text = text_of(division)
    assert "Résidence" in text
    if name != "latin1":
        assert "конспирация" in text
    assert copy.read_bytes() == data
    assert b'title="Encodings"' in renderer.summarize(tmp_path / f"{name}.xml")


def test_a_dtd_beside_the_file_is_found(renderer: HtmlRenderer, tmp_path):
    (tmp_path / "entities.dtd").write_text('<!ENTITY agency "the Committee">', encoding="utf-8")
    source = tmp_path / "dtd.xml"
    source.write_text(tei("Sent by &agency;.", doctype='<!DOCTYPE TEI SYSTEM "entities.dtd">'),
                      encoding="utf-8")
    page, _ = renderer.render_document(source, tmp_path / "out")
    assert "Sent by the Committee." in text_of(parse_page(page.read_text(encoding="utf-8")).xpath("//div[@class='tei-text']")[0])


def test_a_changed_file_is_read_again(renderer: HtmlRenderer, tmp_path):
    source = tmp_path / "changing.xml"
    source.write_text(tei("first version"), encoding="utf-8")
    renderer.render_document(source, tmp_path / "out")
    source.write_text(tei("second version"), encoding="utf-8")
    stat = source.stat()
    os.utime(source, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    page, copy = renderer.render_document(source, tmp_path / "out")
    assert "second version" in page.read_text(encoding="utf-8")
    assert b"second version" in copy.read_bytes()


@pytest.mark.parametrize("name, data", [
    ("letters", tei("the word конспирация").encode("utf-8")),
    ("character-references", tei("the word &#x43A;&#1086;&#x43D;спирация").encode("utf-8")),
    ("koi8-r", tei("the word конспирация", declaration='<?xml version="1.0" encoding="KOI8-R"?>')
     .encode("koi8-r")),
])
def test_unmarked_cyrillic_is_marked_russian_however_it_is_written(renderer: HtmlRenderer, tmp_path, name, data):
    # The renderer tells the stylesheet when a file surely has no Cyrillic;
    # letters, character references and other encodings must not fool it.
    division, _ = render(renderer, tmp_path, name, data)
    assert [text_of(span) for span in division.xpath(".//span[@lang='ru']")] == ["the word конспирация"]


def test_a_file_without_cyrillic_gets_no_russian_marks(renderer: HtmlRenderer, tmp_path):
    division, _ = render(renderer, tmp_path, "latin", tei("the word KONSPIRATSIYA").encode("utf-8"))
    assert not division.xpath(".//*[@lang='ru']")


def test_a_page_is_the_same_whatever_was_rendered_before(renderer: HtmlRenderer, fixtures_dir, tmp_path):
    # Ids of tooltips come from the node, not from how many trees the
    # process has built: a rebuild in another order or process gives the
    # same bytes.
    cable = fixtures_dir / "cable.xml"
    first, _ = renderer.render_document(cable, tmp_path / "first")
    for other in ("letter.xml", "undated.xml"):
        renderer.render_document(fixtures_dir / other, tmp_path / "others")
        renderer.summarize(fixtures_dir / other)
    fresh = HtmlRenderer(renderer.xslt_dir)
    fresh.render_document(fixtures_dir / "letter.xml", tmp_path / "others")
    again, _ = fresh.render_document(cable, tmp_path / "again")
    assert 'aria-describedby="tip-' in first.read_text(encoding="utf-8")
    assert again.read_bytes() == first.read_bytes()

"""Untrusted XML: entities and external DTDs are refused, never expanded or fetched."""

from __future__ import annotations

from pathlib import Path

import pytest

from rezident import safexml
from rezident.validate import Validator


@pytest.fixture()
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text("SECRET-CONTENT", encoding="utf-8")
    return path


def _refused(data: bytes, *words: str) -> safexml.UnsafeXMLError:
    with pytest.raises(safexml.UnsafeXMLError) as caught:
        safexml.parse_bytes(data, path="x.xml")
    message = str(caught.value)
    for word in words:
        assert word in message
    assert "SECRET-CONTENT" not in message
    return caught.value


def test_external_entity_is_refused_not_read(secret: Path) -> None:
    data = (f'<?xml version="1.0"?>\n<!DOCTYPE TEI [<!ENTITY x SYSTEM "{secret.as_uri()}">]>'
            "<TEI>&x;</TEI>").encode()
    error = _refused(data, "declares entities (x)", "never expanded")
    assert error.line == 2


def test_external_parameter_entity_is_never_loaded(tmp_path: Path) -> None:
    # Were the file loaded, its declaration of `leak` would appear among the entities.
    dtd = tmp_path / "evil.dtd"
    dtd.write_text('<!ENTITY leak "LEAKED">', encoding="utf-8")
    data = (f'<!DOCTYPE TEI [<!ENTITY % ext SYSTEM "{dtd.as_uri()}"> %ext;]>'
            "<TEI/>").encode()
    error = _refused(data, "(ext)")
    assert "leak" not in str(error)


def test_external_dtd_is_refused_not_fetched() -> None:
    data = b'<!DOCTYPE TEI SYSTEM "http://127.0.0.1:9/tei.dtd"><TEI/>'
    _refused(data, "external DTD", "127.0.0.1:9/tei.dtd")


def test_billion_laughs_is_refused_without_expansion() -> None:
    levels = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
    data = f'<!DOCTYPE lolz [{"".join(levels)}]><lolz>&lol9;</lolz>'.encode()
    _refused(data, "lol0", "never expanded")


def test_a_plain_doctype_is_harmless() -> None:
    tree = safexml.parse_bytes(b"<!DOCTYPE TEI><TEI>ok</TEI>")
    assert tree.getroot().text == "ok"


@pytest.mark.parametrize("data,line,column", [
    (b"<TEI>\n  <p></div>\n</TEI>", 2, 12),
    (b"<TEI>\n&nbsp;</TEI>", 2, 7),
    (b"<TEI>\n<p>", 2, 4),
])
def test_malformed_xml_says_where(data: bytes, line: int, column: int) -> None:
    with pytest.raises(safexml.MalformedXMLError) as caught:
        safexml.parse_bytes(data, path="x.xml")
    assert (caught.value.line, caught.value.column) == (line, column)
    assert str(caught.value).startswith(f"x.xml:{line}:{column}: error: not well-formed XML")


def test_the_validator_reports_unsafe_files_as_findings(validator: Validator, tmp_path: Path,
                                                        secret: Path) -> None:
    path = tmp_path / "evil.xml"
    path.write_text(f'<!DOCTYPE TEI [<!ENTITY x SYSTEM "{secret.as_uri()}">]><TEI>&x;</TEI>')
    [finding] = validator.validate(path).findings
    assert finding.rule == "xml-unsafe" and finding.line == 1
    assert "SECRET-CONTENT" not in finding.message


def test_the_reused_parser_recovers_after_a_malformed_document(tmp_path: Path) -> None:
    with pytest.raises(safexml.MalformedXMLError):
        safexml.parse_bytes(b"<a><b></a>", collect_ids=False)
    tree = safexml.parse_bytes(b"<a xml:id='x'><b xml:id='x'/></a>", path=tmp_path / "d.xml",
                               collect_ids=False)
    assert [e.tag for e in tree.iter()] == ["a", "b"]
    assert str(tmp_path / "d.xml") == tree.docinfo.URL
    with pytest.raises(safexml.MalformedXMLError):  # without collect_ids=False: its own parser
        safexml.parse_bytes(b"<a xml:id='x'><b xml:id='x'/></a>")


def test_each_thread_parses_with_its_own_parser() -> None:
    from concurrent.futures import ThreadPoolExecutor

    documents = [f"<doc n='{n}'>{'<p>text</p>' * 200}</doc>".encode() for n in range(64)]
    with ThreadPoolExecutor(4) as pool:
        parsed = list(pool.map(lambda data: safexml.parse_bytes(data).getroot(), documents))
    assert [root.get("n") for root in parsed] == [str(n) for n in range(64)]
    assert all(len(root) == 200 for root in parsed)


def test_read_gives_the_bytes_of_the_file(tmp_path: Path) -> None:
    path = tmp_path / "d.xml"
    path.write_bytes(b"<a>\xc3\xa9</a>" * 5000)
    assert safexml.read(path) == path.read_bytes()
    with pytest.raises(OSError):
        safexml.read(tmp_path)


@pytest.mark.parametrize("doctype", ['<!DOCTYPE TEI SYSTEM "local.dtd">',
                                     "<!DOCTYPE TEI PUBLIC '-//X//DTD X//EN' 'local.dtd'>"])
def test_a_local_external_dtd_is_refused_before_libxml2_could_read_it(
        doctype: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # An undeclared entity makes libxml2 open a local external DTD even with load_dtd=False.
    def must_not_parse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file reached libxml2")
    monkeypatch.setattr(safexml.etree, "fromstring", must_not_parse)
    _refused(f"{doctype}<TEI>&foo;</TEI>".encode(), "external DTD (local.dtd)", "never loaded")

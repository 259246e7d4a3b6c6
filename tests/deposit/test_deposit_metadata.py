"""The Dublin Core record and the TEI corpus a bag carries."""

from __future__ import annotations

from datetime import date

from deposit_samples import tei_document
from lxml import etree

from rezident import TEI_NS, XML_NS
from rezident.deposit import make_deposit
from rezident.deposit.metadata import Member, embed

NS = {"tei": TEI_NS, "dc": "http://purl.org/dc/elements/1.1/"}
XML_ID = f"{{{XML_NS}}}id"


def test_corpus_is_valid_tei_with_the_edition_header(small_edition, tmp_path, tei_all):
    bag = make_deposit(small_edition, tmp_path, allow_invalid=True,
                       bagging_date=date(2026, 3, 4)).path
    corpus = etree.parse(str(bag / "tei-corpus.xml"))
    assert tei_all.validate(corpus), tei_all.error_log
    header = corpus.getroot().find(f"{{{TEI_NS}}}teiHeader")
    def text(xpath: str) -> list[str]:
        return [" ".join(x.split()) if isinstance(x, str) else "".join(x.itertext())
                for x in header.xpath(xpath, namespaces=NS)]
    assert text("tei:fileDesc/tei:titleStmt/tei:title[@type='main']") == ["A Test Edition"]
    assert text("tei:fileDesc/tei:titleStmt/tei:editor") == ["Ann Editor", "Bo Editor"]
    assert text("tei:fileDesc/tei:editionStmt/tei:edition/@n") == ["2.3.1"]
    assert text("tei:fileDesc/tei:publicationStmt/tei:idno[@type='edition']") == ["test-edition"]
    assert text("tei:fileDesc/tei:publicationStmt/tei:availability/tei:licence/@target") == [
        "https://creativecommons.org/licenses/by/4.0/"]
    assert text("tei:fileDesc/tei:extent/tei:measure/@quantity") == ["2"]
    assert text("tei:fileDesc/tei:sourceDesc//tei:ptr/@target") == [
        "data/tei/doc-one.xml", "data/tei/doc-two.xml", "data/tei/registers/persons.xml"]
    assert text("tei:profileDesc/tei:creation/tei:date/@from") == ["1946-04-07"]
    assert text("tei:profileDesc/tei:creation/tei:date/@to") == ["1953"]
    assert text("tei:profileDesc/tei:langUsage/tei:language/@ident") == ["en", "ru"]
    members = corpus.getroot().findall(f"{{{TEI_NS}}}TEI")
    assert [m.get(XML_ID) for m in members] == ["doc-one", "doc-two", "persons"]


def test_member_ids_become_unique_and_links_follow():
    root = etree.fromstring(tei_document("doc-one", "First", "1946").encode())
    copy = embed(Member("data/tei/doc-one.xml", root, "First", (), {}, ""))
    ids = [el.get(XML_ID) for el in copy.iter() if el.get(XML_ID)]
    assert ids[0] == "doc-one"
    assert all(i.startswith("doc-one.") for i in ids[1:]) and "doc-one.note-i" in ids
    ref = copy.find(f".//{{{TEI_NS}}}ref")
    assert ref.get("target") == "#doc-one.note-i"
    cat_ref = copy.find(f".//{{{TEI_NS}}}catRef")
    assert (cat_ref.get("scheme"), cat_ref.get("target")) == ("#doc-one.kind", "#doc-one.kind-cable")
    assert copy.find(f".//{{{TEI_NS}}}persName").get("ref") == \
        "data/tei/registers/persons.xml#per-guzenko"
    # The date of creation is not a link.
    assert copy.find(f".//{{{TEI_NS}}}creation/{{{TEI_NS}}}date").get("when") == "1946"


def test_links_outside_the_bag_and_absolute_uris_are_kept():
    root = etree.fromstring(f"""<TEI xmlns="{TEI_NS}" xml:id="d"><teiHeader/><text><body>
      <p><ref target="https://example.org/a#b">w</ref><ref target="../schema/x.rng">s</ref>
      <ref target="#nowhere">n</ref></p></body></text></TEI>""".encode())
    copy = embed(Member("data/tei/d.xml", root, "", (), {}, ""))
    assert [r.get("target") for r in copy.iter(f"{{{TEI_NS}}}ref")] == [
        "https://example.org/a#b", "data/schema/x.rng", "#nowhere"]


def test_dublin_core_record(small_edition, tmp_path):
    bag = make_deposit(small_edition, tmp_path, allow_invalid=True,
                       bagging_date=date(2026, 3, 4)).path
    record = etree.parse(str(bag / "dc.xml")).getroot()
    assert record.tag == "{http://www.openarchives.org/OAI/2.0/oai_dc/}dc"
    values = {}
    for el in record:
        values.setdefault(etree.QName(el).localname, []).append(el.text)
    assert values["title"] == ["A Test Edition"]
    assert values["creator"] == ["Ann Editor", "Bo Editor"]
    assert values["publisher"] == ["Test Archive"]
    assert values["identifier"] == ["test-edition@2.3.1"]
    assert values["date"] == ["2026-03-04"]
    assert values["language"] == ["en", "ru"]
    assert values["coverage"] == ["1946-04-07/1953"]
    assert values["format"] == ["application/tei+xml", "text/plain", "text/html",
                                "application/pdf"]
    assert values["type"] == ["Collection", "Text"]
    assert values["source"] == ["First 7", "Second 7"]
    assert values["rights"] == ["CC BY 4.0; https://creativecommons.org/licenses/by/4.0/"]

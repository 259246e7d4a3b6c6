"""The five transcripts of the edition: what the issue measures, the round trip, validity, tei/ in step."""

from __future__ import annotations

import pytest
from lxml import etree

from rezident import convert as cv
from rezident.convert.diplomatic import Regenerator, squeeze

from .conftest import xpath

VENONA = "venona-1946-04-07-moscow-canberra-76"
CREST = "cia-soviet-liaison-with-foreign-communist-parties"
STALIN = "stalin-1937-05-21-instructions-on-intelligence"
YEZHOV = "yezhov-1938-11-23-resignation-request"
SLIDES = "papadatos-comintern-and-the-great-terror"


@pytest.fixture(scope="module")
def tei(converted) -> dict[str, etree._Element]:
    return {doc_id: etree.fromstring(c.data) for doc_id, c in converted.items()}


def test_every_transcript_round_trips(converted, project_setup):
    for source in project_setup.edition.sources:
        root = etree.fromstring(converted[source.id].data)
        regenerated = Regenerator(project_setup.declared.forms).document(root)
        assert squeeze(regenerated) == squeeze(cv.reading.read_transcript(source.file)), source.id


def test_every_document_is_valid_tei(converted, tei_all):
    for doc_id, conversion in converted.items():
        assert tei_all.validate(etree.fromstring(conversion.data)), (doc_id, str(tei_all.error_log.last_error))


def test_every_document_keeps_to_the_edition_schema(converted, edition_schema):
    for doc_id, conversion in converted.items():
        assert edition_schema.validate(etree.fromstring(conversion.data)), \
            (doc_id, str(edition_schema.error_log.last_error))


def test_registers_are_valid_tei(project_root, tei_all):
    for path in sorted((project_root / "tei" / "registers").glob("*.xml")):
        assert tei_all.validate(etree.parse(str(path))), (path.name, str(tei_all.error_log.last_error))


def test_tei_folder_is_what_the_converter_produces(converted, project_edition):
    for doc_id, conversion in converted.items():
        path = project_edition.tei_dir / f"{doc_id}.xml"
        assert path.read_bytes() == conversion.data, f"{path} is stale: run `rezident convert`"


def test_output_is_deterministic(project_setup, converted):
    source = project_setup.edition.sources[0]
    assert cv.convert_source(project_setup, source).data == converted[source.id].data


def test_venona(tei):
    root = tei[VENONA]
    gaps = xpath(root, "//t:gap[@reason='cipher-unrecovered'][@unit='group']/@quantity")
    assert sorted(gaps, key=int) == ["2", "13"]
    flags = xpath(root, "//t:unclear[@reason='cipher-recovery']/@n")
    assert (flags.count("B"), flags.count("D"), len(flags)) == (4, 1, 5)
    originals = xpath(root, "//t:note[@type='original-term']/t:foreign/text()")
    assert len(originals) == 10 and originals.count("KONSPIRATSIYA") == 2
    assert xpath(root, "//t:supplied[@reason='punctuation']/text()") == [","]
    anchors = xpath(root, "//t:ref[@type='noteAnchor']")
    assert [xpath(a, "string(t:choice/t:sic)") for a in anchors[:3]] == ["1", "11", "111"]
    assert [a.get("target") for a in anchors] == ["#note-i", "#note-ii", "#note-iii", "#note-iv"]
    for n in ("i", "ii", "iii", "iv"):
        note = xpath(root, f"//t:back/t:div[@type='comments']/t:note[@xml:id='note-{n}']")[0]
        assert note.get("target") == f"#anchor-{n}"
    assert xpath(root, "//t:closer/t:signed/t:rs[@type='covername']/@ref") == ["registers/persons.xml#per-beriya"]
    header = xpath(root, "//t:teiHeader")[0]
    assert xpath(header, "string(//t:sourceDesc//t:idno[@type='reissue-ref'])") == "3/NBF/T261"
    assert xpath(header, "//t:sourceDesc//t:date[@type='issued']/@when") == ["1952-11-03"]
    assert xpath(header, "//t:sourceDesc//t:date[@type='reissued']/@when") == ["1960-04-15"]
    assert xpath(header, "string(//t:sourceDesc//t:idno[@type='copy'])") == "201"
    assert xpath(header, "string(//t:sourceDesc//t:idno[@type='message'])") == "76"
    assert xpath(header, "//t:creation/t:date/@when") == ["1946-04-07"]
    sent = xpath(header, "//t:correspAction[@type='sent']")[0]
    assert xpath(sent, "string(t:placeName)") == "MOSCOW" and xpath(sent, "t:date/@when") == ["1946-04-07"]
    assert xpath(header, "string(//t:correspAction[@type='received']/t:placeName)") == "CANBERRA"
    assert xpath(header, "//t:catRef[@scheme='#classification']/@target") == ["#cls-top-secret"]
    assert xpath(root, "//t:fw[@subtype='classification']/t:del[@rend='strikethrough']/text()") == ["TOP SECRET"]
    catch = xpath(root, "//t:fw[@type='catch']")[0]
    assert catch.text == "[Continued overleaf]" and etree.QName(catch.getnext()).localname == "pb"
    assert xpath(catch, "string(preceding-sibling::*[1])") == "Distribution"


def test_crest(tei):
    root = tei[CREST]
    assert len(xpath(root, "//t:gap[@reason='redacted']")) == 15
    assert len(xpath(root, "//t:note[@type='exemption'][.='25X1']")) == 14
    assert xpath(root, "//t:pb/@n") == ["2", "3"]
    assert xpath(root, "//t:fw[@type='pageNum']/text()") == ["-2-", "-3-"]
    banners = xpath(root, "//t:fw[@subtype='classification']")
    assert [b.text for b in banners] == ["SECRET"] * 4
    assert [b.get("type") for b in banners] == ["header", "footer", "header", "footer"]
    assert xpath(root, "//t:p[@n]/@n") == [str(n) for n in range(5, 13)]
    assert xpath(root, "//t:p[@n='5']/t:label/text()") == ["5."]
    first = xpath(root, "//t:body/t:p[1]")[0]
    assert first.get("part") == "F" and first.text.startswith("many officers")
    note = xpath(root, "//t:note[@type='source-comment']")[0]
    assert (note.get("n"), note.get("{http://www.w3.org/XML/1998/namespace}id")) == ("1", "note-1")
    assert "Comment: Under the old" in "".join(note.itertext())
    assert xpath(root, "//t:creation/t:date/@notBefore") == ["1953"]


def test_yezhov(tei):
    root = tei[YEZHOV]
    documents = xpath(root, "//t:body/t:div[@type='document']")
    assert [d.get("subtype") for d in documents] == ["letter", "decision"]
    assert xpath(documents[0], ".//t:docDate/@when") == ["1938-11-23"]
    assert xpath(documents[1], ".//t:docDate/@when") == ["1938-11-24"]
    assert xpath(documents[0], "string(.//t:fw[@subtype='classification'])") == "Top Secret"
    glosses = {(xpath(c, "string(t:abbr)"), xpath(c, "string(t:expan)")) for c in xpath(root, "//t:choice[t:abbr]")}
    assert glosses == {("TsK", "Central Committee"), ("VKP(b)", "All-Union Communist Party (Bolsheviks)"),
                       ("UNKVD", "Local NKVD"), ("INO", "Foreign Section"), ("ChK", "Cheka"),
                       ("DVK", "Far Eastern Territory")}
    assert xpath(root, "//t:correspAction[@type='sent']/t:persName/@ref") == ["registers/persons.xml#per-yezhov"]
    assert xpath(root, "//t:correspAction[@type='received']/t:persName/@ref") == ["registers/persons.xml#per-stalin"]
    front = xpath(root, "string(//t:front/t:div[@type='carrier'])")
    back = xpath(root, "string(//t:back/t:div[@type='carrier'])")
    assert "Skoblin's History Blog" in front
    for carried in ("Post a Comment", "Subscribe to Post Comments [Atom]", "<< Home"):
        assert carried in back
        assert carried not in xpath(root, "string(//t:body)")


def test_stalin(tei):
    root = tei[STALIN]
    bibl = xpath(root, "//t:sourceDesc/t:bibl")[0]
    assert xpath(bibl, "t:author/text()") == ["Petrov N.", "Jansen M."]
    assert xpath(bibl, "t:date/@when") == ["2008"] and xpath(bibl, "string(t:pubPlace)") == "M."
    assert "290" in xpath(bibl, "string(t:biblScope)")
    ms = xpath(root, "//t:sourceDesc/t:msDesc/t:msIdentifier")[0]
    assert xpath(ms, "string(t:idno)") == "f. 6, op. 5, d. 25, l. 208‐210"
    assert xpath(root, "//t:div[@type='point']/@n") == [str(n) for n in range(1, 11)]
    annotation = xpath(root, "//t:note[@type='annotation']")[0]
    text = " ".join("".join(annotation.itertext()).split())
    assert "December 26, 1982 from the apparatus" in text


def test_slides(tei):
    root = tei[SLIDES]
    slides = xpath(root, "//t:div[@type='slide']")
    assert len(slides) >= 10 and len(xpath(root, "//t:div[@type='slide']/t:head")) >= 10
    assert xpath(root, "//t:item/t:list[@type='bulleted']/t:item")
    assert xpath(root, "//t:hi[@rend='bold']") and xpath(root, "//t:hi[@rend='italic']")
    assert "Ежовщина" in xpath(root, "//t:foreign[@xml:lang='ru']/text()")
    assert xpath(root, "//t:quote")
    assert "RGASPI: 558/11/185" in xpath(root, "//t:bibl/t:idno[@type='archival']/text()")
    supplied = ["".join(s.itertext()) for s in xpath(root, "//t:supplied[@reason='quoting-author']")]
    assert "the" in supplied and "of the Soviet Union" in supplied
    assert xpath(root, "//t:title[@type='alt'][@xml:lang='en']")


def test_each_transcripts_profile_is_detected(project_setup):
    from rezident.convert.detect import detect_profile
    for source in project_setup.edition.sources:
        assert detect_profile(cv.reading.read_transcript(source.file)) == source.profile, source.id

"""Small TEI documents in the edition's conventions, built from parts.

A test replaces one part (a header field, a paragraph of the body, the
comments) with the fragment it is about; everything else stays valid.
"""

from __future__ import annotations

from pathlib import Path

PROLOG = """<?xml version="1.0" encoding="UTF-8"?>
<?xml-model href="../schema/rezident.rng" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>
<?xml-model href="../schema/rezident.sch" type="application/xml" schematypens="http://purl.oclc.org/dsdl/schematron"?>
"""

SOURCE_DESC = """<sourceDesc>
        <bibl><title>MOSCOW'S OBSERVATIONS ON GUZENKO'S DEFECTION</title>
          <idno type="reissue-ref">3/NBF/T261</idno>
          <date type="issued" when="1952-11-03">3/11/1952</date>
          <date type="reissued" when="1960-04-15">15/4/1960</date>
          <idno type="copy">201</idno></bibl>
      </sourceDesc>"""

CREATION = """<creation><date when="1946-04-07">7 April 46</date></creation>"""

CORRESP = """<correspDesc>
        <correspAction type="sent"><placeName ref="registers/places.xml#pl-moscow">MOSCOW</placeName><date when="1946-04-07">7 April 46</date></correspAction>
        <correspAction type="received"><placeName ref="registers/places.xml#pl-canberra">CANBERRA</placeName></correspAction>
      </correspDesc>"""

BODY = """<div type="document" subtype="cable">
        <fw type="header" subtype="classification"><del rend="strikethrough">TOP SECRET</del></fw>
        <opener><dateline><placeName ref="registers/places.xml#pl-moscow">MOSCOW</placeName> <docDate when="1946-04-07">7 April 46</docDate></dateline></opener>
        <p>To be deciphered personally by the <term>RESIDENT</term> <note type="original-term" place="inline"><foreign xml:lang="ru-Latn">REZIDENT</foreign></note>. <ref type="noteAnchor" target="#note-i" xml:id="anchor-i"><choice><sic>1</sic><corr>i</corr></choice></ref></p>
        <p>As you know from the press, <unclear reason="cipher-recovery" cert="medium" n="B">the former</unclear> <gap reason="cipher-unrecovered" quantity="2" unit="group"/> cipher clerk <persName ref="registers/persons.xml#per-guzenko">GUZENKO</persName> <supplied reason="punctuation">,</supplied> has betrayed our country. <choice><abbr xml:lang="ru-Latn">TsK</abbr><expan xml:lang="en">Central Committee</expan></choice> <choice><orig>\\$</orig><reg>$</reg></choice>50 <gap reason="redacted"/> <note type="exemption" place="margin" corresp="#exemption-25X1">25X1</note></p>
        <fw type="catch" place="bottom">[Continued overleaf]</fw>
        <pb n="2"/>
        <fw type="pageNum">-2-</fw>
        <p part="F" n="5"><hi rend="bold">fostering</hi> <quote>the qualities <gap reason="omitted"/> of <supplied reason="quoting-author">the</supplied> party</quote> <bibl><idno type="archival">RGASPI: 558/11/185</idno></bibl> <foreign xml:lang="ru">Ежов</foreign></p>
        <list><item><label>1.</label> point<list><item>sub-point</item></list></item></list>
        <closer><signed>No. 304 <rs type="covername" ref="registers/persons.xml#per-beriya">PETROV</rs><ref type="noteAnchor" target="#note-iv" xml:id="anchor-iv">iv</ref></signed></closer>
      </div>"""

BACK = """<back>
      <div type="comments">
        <note type="comment" n="i" xml:id="note-i" target="#anchor-i">This text was also sent to ALGIERS.</note>
        <note type="comment" n="iv" xml:id="note-iv" target="#anchor-iv">PETROV: Unidentified cover-name. (Identified as BERIYA)</note>
      </div>
    </back>"""


def document(doc_id: str = "venona-test", *, source_desc: str = SOURCE_DESC,
             creation: str = CREATION, corresp: str = CORRESP, body: str = BODY,
             back: str = BACK, prolog: str = PROLOG) -> str:
    """A whole source document in the edition's conventions."""
    return f"""{prolog}<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="{doc_id}">
  <teiHeader>
    <fileDesc>
      <titleStmt>
        <title type="main">Moscow's observations on Guzenko's defection</title>
        <editor>Rezident Editorial Team</editor>
      </titleStmt>
      <publicationStmt>
        <publisher>rezident</publisher>
        <pubPlace>Geneva</pubPlace>
        <availability><licence target="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</licence></availability>
        <idno type="edition">soviet-intelligence-and-the-party</idno>
        <idno type="document">{doc_id}</idno>
      </publicationStmt>
      {source_desc}
    </fileDesc>
    <encodingDesc>
      <projectDesc><p>Five sources.</p></projectDesc>
      <editorialDecl><p>B, C, D, T are the source's own recovery-quality flags.</p></editorialDecl>
      <classDecl>
        <taxonomy xml:id="classification"><category xml:id="cls-top-secret"><catDesc>TOP SECRET</catDesc></category></taxonomy>
        <taxonomy xml:id="kind"><category xml:id="kind-cable"><catDesc>cable</catDesc></category></taxonomy>
        <taxonomy xml:id="exemption-codes"><bibl>E.O. 12958 s. 3.3(b)</bibl><category xml:id="exemption-25X1"><catDesc>25X1: human source or intelligence method</catDesc></category></taxonomy>
      </classDecl>
    </encodingDesc>
    <profileDesc>
      {creation}
      {corresp}
      <textClass>
        <catRef scheme="#classification" target="#cls-top-secret"/>
        <catRef scheme="#kind" target="#kind-cable"/>
      </textClass>
      <langUsage><language ident="en">English</language><language ident="ru-Latn">Russian, transliterated</language><language ident="ru">Russian</language></langUsage>
    </profileDesc>
    <revisionDesc><change>converted from transcripts/venona.txt by rezident 0.1.0</change></revisionDesc>
  </teiHeader>
  <text>
    <front><div type="carrier"><p>Home</p></div></front>
    <body>
      {body}
    </body>
    {back}
  </text>
</TEI>
"""


def register(kind: str, entries: str, reg_id: str | None = None) -> str:
    """A register file (listPerson, listOrg or listPlace) with the given entries."""
    element = {"persons": "listPerson", "organisations": "listOrg", "places": "listPlace"}[kind]
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="{reg_id or kind}">
  <teiHeader>
    <fileDesc>
      <titleStmt><title type="main">Register of {kind}</title></titleStmt>
      <publicationStmt><publisher>rezident</publisher></publicationStmt>
      <sourceDesc><p>Editorial work.</p></sourceDesc>
    </fileDesc>
  </teiHeader>
  <text><body><{element}>{entries}</{element}></body></text>
</TEI>
"""


PERSONS = """<person xml:id="per-beriya"><persName>Beriya</persName><persName type="variant">Beria</persName><persName type="covername">PETROV</persName></person>
<person xml:id="per-guzenko"><persName>Guzenko</persName></person>"""
ORGANISATIONS = """<org xml:id="org-nkvd"><orgName>NKVD</orgName></org>"""
PLACES = """<place xml:id="pl-moscow"><placeName>Moscow</placeName></place>
<place xml:id="pl-canberra"><placeName>Canberra</placeName></place>"""


def edition(root: Path, documents: dict[str, str] | None = None) -> Path:
    """Write a tei/ folder with registers and the given documents; returns tei/."""
    tei = root / "tei"
    (tei / "registers").mkdir(parents=True, exist_ok=True)
    for kind, entries in (("persons", PERSONS), ("organisations", ORGANISATIONS),
                          ("places", PLACES)):
        (tei / "registers" / f"{kind}.xml").write_text(register(kind, entries), encoding="utf-8")
    for doc_id, text in (documents or {"venona-test": document()}).items():
        (tei / f"{doc_id}.xml").write_text(text, encoding="utf-8")
    return tei

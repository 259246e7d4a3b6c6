<?xml version="1.0" encoding="UTF-8"?>
<!--
  One TEI document -> its summary: the header facts, the counts, the
  mentions, terms and exemption codes (with the ids the document page gives
  them). The collection pages (index, registers, glossary, statistics,
  encoding) are built from summaries alone, so an edition of 10,000
  documents never has them all in memory, and a build can cache them.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:rz="https://rezident.example/ns/functions"
    xmlns:rzs="https://rezident.example/ns/summary-functions"
    xmlns="https://rezident.example/ns/summary"
    exclude-result-prefixes="#all">

  <xsl:import href="../common/core.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no" omit-xml-declaration="yes"/>

  <xsl:param name="doc-id" as="xs:string" select="''"/>

  <xsl:template match="/">
    <xsl:apply-templates select="(tei:TEI, //tei:TEI)[1]"/>
  </xsl:template>

  <!-- The RELAX NG schema the document declares (xml-model), '' if none. -->
  <xsl:function name="rz:declared-schema" as="xs:string">
    <xsl:param name="root" as="node()"/>
    <xsl:variable name="models" select="$root/processing-instruction('xml-model')
        [contains(., 'http://relaxng.org/ns/structure/1.0')]"/>
    <xsl:sequence select="string(($models ! replace(., '^.*href=[&quot;'']([^&quot;'']*)[&quot;''].*$', '$1'))[1])"/>
  </xsl:function>

  <!-- rz:reading-text of a name or a term: most hold text only, whose
       reading text is the text itself (no templates to apply). -->
  <xsl:function name="rzs:reading-text" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="if (empty($el/*)) then normalize-space($el) else rz:reading-text($el)"/>
  </xsl:function>

  <xsl:template match="tei:TEI">
    <xsl:variable name="id" select="($doc-id[normalize-space()], @xml:id, 'document')[1]"/>
    <xsl:variable name="text" select="tei:text"/>
    <xsl:variable name="gaps" select="$text//tei:gap"/>
    <summary id="{$id}" href="{$id}.html" title="{rz:title(.)}" sort-date="{rz:sort-date(.)}"
             date="{rz:date-label(.)}" kind="{rz:kind(.)}" classification="{rz:classification(.)}"
             sender="{rz:sender(.)}" addressee="{rz:addressee(.)}"
             lang="{(@xml:lang, $text/@xml:lang, 'en')[1]}"
             schema="{rz:declared-schema(root(.))}">
      <count name="redactions" n="{count($gaps[@reason = 'redacted'])}"/>
      <count name="unrecovered-groups"
             n="{sum($gaps[@reason = ('cipher-unrecovered', 'unrecoverable', 'garbled', 'corrupt')]
                 /(@quantity[. castable as xs:decimal], 1)[1] ! xs:decimal(.))}"/>
      <count name="uncertain-recoveries" n="{count($text//tei:unclear)}"/>
      <count name="notes" n="{count($text//tei:note[rz:is-numbered-note(.)])}"/>
      <count name="exemptions" n="{count($text//tei:note[@type = 'exemption'])}"/>
      <xsl:for-each select="$text//*[@ref][rz:is-mention(.)]">
        <mention register="{rz:mention-register(.)}" key="{rz:mention-key(.)}" id="{rz:mention-id(.)}"
                 element="{local-name()}" type="{@type}" lang="{rz:lang(.)}">
          <xsl:value-of select="rzs:reading-text(.)"/>
        </mention>
      </xsl:for-each>
      <xsl:for-each select="$text//tei:term[empty(ancestor::tei:teiHeader)]">
        <xsl:variable name="original" select="rz:original-of-term(.)"/>
        <term id="{rz:term-id(.)}" original="{normalize-space($original)}"
              lang="{if ($original) then rz:lang($original/*[1]) else rz:lang(.)}">
          <xsl:value-of select="rzs:reading-text(.)"/>
        </term>
      </xsl:for-each>
      <xsl:for-each select="$text//tei:choice[tei:abbr and tei:expan]">
        <abbr id="{rz:abbr-id(.)}" expan="{rz:reading-text(tei:expan[1]/node())}" lang="{rz:lang(tei:abbr[1])}">
          <xsl:value-of select="normalize-space(tei:abbr[1])"/>
        </abbr>
      </xsl:for-each>
      <xsl:for-each select="$text//tei:note[@type = 'exemption']">
        <exemption code="{rz:exemption-code(.)}" id="{rz:exemption-id(.)}"/>
      </xsl:for-each>
      <xsl:for-each select="distinct-values($text//@xml:lang)">
        <language ident="{.}"/>
      </xsl:for-each>
      <!-- The encoding description, so the encoding page can show it. -->
      <xsl:copy-of select="tei:teiHeader/tei:encodingDesc" copy-namespaces="no"/>
    </summary>
  </xsl:template>

</xsl:stylesheet>

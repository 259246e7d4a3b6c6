<?xml version="1.0" encoding="UTF-8"?>
<!--
  The print edition: TEI documents to HTML for a CSS paged-media renderer
  (WeasyPrint). What an element *means* (labels, numbers, reading text) comes
  from ../common/; this stylesheet only decides how it looks on paper.

  Input: a print job (namespace urn:rezident:print) naming the documents by
  URI, so one compiled stylesheet serves both a single document and the volume:

    <job xmlns="urn:rezident:print" kind="document|volume">
      <edition title="" version="" date="" licence="" licence-url=""
               publisher="" pub-place=""><editor>...</editor></edition>
      <document href="file:///.../tei/x.xml"/>
      <registers href="file:///.../tei/registers/"/>   (volume only)
    </job>
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:job="urn:rezident:print"
    xmlns:p="urn:rezident:print:functions"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:import href="../common/core.xsl"/>
  <xsl:include href="text.xsl"/>
  <xsl:include href="front.xsl"/>
  <xsl:include href="volume.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"/>

  <xsl:mode on-no-match="shallow-skip"/>

  <xsl:template match="/job:job">
    <xsl:variable name="documents" as="document-node()*"
        select="job:document ! doc(@href)"/>
    <xsl:variable name="edition" select="job:edition"/>
    <html lang="{($documents[1]/tei:TEI/@xml:lang, 'en')[1]}"
          data-edition="{p:edition-title($edition, $documents[1])}">
      <head>
        <meta charset="UTF-8"/>
        <xsl:choose>
          <xsl:when test="@kind = 'volume'">
            <title>{p:edition-title($edition, $documents[1])}</title>
          </xsl:when>
          <xsl:otherwise>
            <title>{p:document-title($documents[1])}</title>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:for-each select="p:editors($edition, $documents[1])">
          <meta name="author" content="{.}"/>
        </xsl:for-each>
        <meta name="description" content="{if (@kind = 'volume') then ($edition/@description[normalize-space()], p:edition-title($edition, $documents[1]))[1] else p:edition-title($edition, $documents[1])}"/>
        <meta name="generator" content="rezident"/>
        <xsl:if test="$edition/@date[normalize-space()]">
          <meta name="dcterms.created" content="{$edition/@date}"/>
          <meta name="dcterms.modified" content="{$edition/@date}"/>
        </xsl:if>
      </head>
      <body class="{@kind}">
        <xsl:choose>
          <xsl:when test="@kind = 'volume'">
            <xsl:call-template name="volume">
              <xsl:with-param name="job" select="."/>
              <xsl:with-param name="documents" select="$documents"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <xsl:apply-templates select="$documents[1]/tei:TEI" mode="document">
              <xsl:with-param name="edition" select="$edition" tunnel="yes"/>
              <xsl:with-param name="standalone" select="true()" tunnel="yes"/>
            </xsl:apply-templates>
          </xsl:otherwise>
        </xsl:choose>
      </body>
    </html>
  </xsl:template>

  <!-- A TEI file given directly (not through a job) prints as a document. -->
  <xsl:template match="/tei:TEI">
    <xsl:variable name="job" as="document-node()">
      <xsl:document>
        <job:job kind="document"><job:edition/><job:document href="{base-uri(.)}"/></job:job>
      </xsl:document>
    </xsl:variable>
    <xsl:apply-templates select="$job/job:job"/>
  </xsl:template>

</xsl:stylesheet>

<?xml version="1.0" encoding="UTF-8"?>
<!--
  The frame every page of the HTML edition shares: head, site navigation,
  footer. Pages call rzh:page with their title, name and content (or a node
  whose rzh:page-content template makes it).
  Most pages live at the top of the site, where links are plain file names;
  a page in a folder of its own (an entry page, persons/<id>.html) passes
  base="../" and its asset, home and navigation links start with it.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:rz="https://rezident.example/ns/functions"
    xmlns:rzh="https://rezident.example/ns/html"
    exclude-result-prefixes="#all">

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"
              include-content-type="no"/>

  <!-- The edition, from edition.toml (the renderer passes them). -->
  <xsl:param name="edition-title" as="xs:string" select="'TEI edition'"/>
  <xsl:param name="edition-version" as="xs:string" select="''"/>
  <xsl:param name="edition-publisher" as="xs:string" select="''"/>
  <xsl:param name="edition-licence" as="xs:string" select="''"/>
  <xsl:param name="edition-licence-url" as="xs:string" select="''"/>
  <xsl:param name="edition-pub-place" as="xs:string" select="''"/>
  <!-- Editors of the edition, separated by "; ". -->
  <xsl:param name="edition-editors" as="xs:string" select="''"/>

  <xsl:variable name="rzh:nav" as="element()*">
    <page name="index" label="Documents"/>
    <page name="persons" label="Persons"/>
    <page name="organisations" label="Organisations"/>
    <page name="places" label="Places"/>
    <page name="glossary" label="Glossary"/>
    <page name="statistics" label="Statistics"/>
    <page name="encoding" label="Encoding"/>
    <page name="search" label="Search"/>
  </xsl:variable>

  <xsl:template name="rzh:page">
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="lang" as="xs:string" select="'en'"/>
    <xsl:param name="content" as="node()*" select="()"/>
    <!-- A node whose rzh:page-content template writes the content straight
         into the page (no temporary tree to copy: document pages use it). -->
    <xsl:param name="content-of" as="node()?" select="()"/>
    <xsl:param name="head-extra" as="node()*" select="()"/>
    <xsl:param name="body-class" as="xs:string" select="$name"/>
    <!-- The way from the page to the top of the site ('' or '../'). -->
    <xsl:param name="base" as="xs:string" select="''"/>
    <html lang="{($lang[normalize-space()], 'en')[1]}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="$title || (if ($title != $edition-title) then ' · ' || $edition-title else '')"/></title>
        <meta name="generator" content="rezident"/>
        <link rel="icon" href="data:,"/>
        <link rel="stylesheet" href="{$base}assets/edition.css"/>
        <xsl:sequence select="$head-extra"/>
        <script src="{$base}assets/edition.js" defer=""></script>
      </head>
      <body class="{$body-class}">
        <a class="skip-link" href="#main">Skip to content</a>
        <header class="site-header">
          <p class="site-title"><a href="{$base}index.html"><xsl:value-of select="$edition-title"/></a></p>
          <nav aria-label="Edition">
            <ul>
              <xsl:for-each select="$rzh:nav">
                <li>
                  <a href="{$base}{@name}.html">
                    <xsl:if test="@name = $name"><xsl:attribute name="aria-current" select="'page'"/></xsl:if>
                    <xsl:value-of select="@label"/>
                  </a>
                </li>
              </xsl:for-each>
            </ul>
          </nav>
        </header>
        <main id="main" tabindex="-1">
          <xsl:sequence select="$content"/>
          <xsl:apply-templates select="$content-of" mode="rzh:page-content"/>
        </main>
        <footer class="site-footer">
          <p>
            <xsl:value-of select="$edition-title"/>
            <xsl:if test="$edition-version"> · version <xsl:value-of select="$edition-version"/></xsl:if>
            <xsl:if test="$edition-publisher"> · <xsl:value-of select="$edition-publisher"/></xsl:if>
            <xsl:if test="$edition-licence">
              <xsl:text> · </xsl:text>
              <xsl:choose>
                <xsl:when test="$edition-licence-url">
                  <a rel="license" href="{$edition-licence-url}"><xsl:value-of select="$edition-licence"/></a>
                </xsl:when>
                <xsl:otherwise><xsl:value-of select="$edition-licence"/></xsl:otherwise>
              </xsl:choose>
            </xsl:if>
          </p>
          <p>Made with rezident from TEI P5.</p>
        </footer>
      </body>
    </html>
  </xsl:template>

</xsl:stylesheet>

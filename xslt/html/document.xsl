<?xml version="1.0" encoding="UTF-8"?>
<!--
  One TEI document -> its page in the HTML edition: metadata panel from the
  teiHeader, the view switch, the text, the notes, links to the TEI source
  and the PDF. Input: a TEI document (ours or foreign TEI).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:rz="https://rezident.example/ns/functions"
    xmlns:rzh="https://rezident.example/ns/html"
    exclude-result-prefixes="#all">

  <xsl:import href="../common/core.xsl"/>
  <xsl:import href="page.xsl"/>
  <xsl:import href="text.xsl"/>

  <!-- The document's id (file stem); the renderer passes it. -->
  <xsl:param name="doc-id" as="xs:string" select="''"/>
  <!-- Where the PDF edition puts this document, relative to the page. -->
  <xsl:param name="pdf-href" as="xs:string" select="''"/>
  <!-- Where the copy of the TEI source is, relative to the page. -->
  <xsl:param name="tei-href" as="xs:string" select="''"/>

  <xsl:template match="/">
    <xsl:apply-templates select="(tei:TEI, //tei:TEI)[1]" mode="rzh:page"/>
  </xsl:template>

  <xsl:template match="tei:TEI" mode="rzh:page">
    <xsl:call-template name="rzh:page">
      <xsl:with-param name="title" select="rz:title(.)"/>
      <xsl:with-param name="name" select="'document'"/>
      <xsl:with-param name="lang" select="(@xml:lang, tei:text/@xml:lang, 'en')[1]"/>
      <xsl:with-param name="content-of" select="."/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:TEI" mode="rzh:page-content">
    <xsl:variable name="id" select="($doc-id[normalize-space()], @xml:id, 'document')[1]"/>
    <xsl:variable name="title" select="rz:title(.)"/>
    <article class="document" data-pagefind-body="">
      <header class="document-header">
        <p class="kicker">
          <span data-pagefind-meta="date"><xsl:value-of select="rz:date-label(.)"/></span>
          <xsl:for-each select="rz:kind(.)[.]">
            <xsl:text> · </xsl:text><span class="kind" data-pagefind-filter="kind"><xsl:value-of select="."/></span>
          </xsl:for-each>
        </p>
        <h1 data-pagefind-meta="title"><xsl:value-of select="$title"/></h1>
        <xsl:for-each select="rz:classification(.)[.]">
          <p class="classification"><span class="visually-hidden">Classification of the original: </span><xsl:value-of select="."/></p>
        </xsl:for-each>
      </header>
      <xsl:apply-templates select="tei:teiHeader" mode="rzh:metadata">
        <xsl:with-param name="id" select="$id"/>
      </xsl:apply-templates>
      <section class="text" aria-labelledby="text-heading">
        <xsl:variable name="text" select="tei:text"/>
        <div class="text-bar">
          <h2 id="text-heading">Text</h2>
          <!-- the switch only where the transcript's notation differs
               from the reading text -->
          <xsl:if test="exists($text//(tei:gap | tei:unclear | tei:supplied | tei:choice
                        | tei:ref[@type = 'noteAnchor'] | tei:del | tei:fw))">
            <fieldset class="view-switch" data-pagefind-ignore="all">
              <legend>View</legend>
              <input type="radio" name="view" id="view-reading" value="reading" checked=""/>
              <label for="view-reading">Reading text</label>
              <input type="radio" name="view" id="view-diplomatic" value="diplomatic"/>
              <label for="view-diplomatic">Diplomatic (transcript notation)</label>
            </fieldset>
          </xsl:if>
        </div>
        <xsl:call-template name="rzh:key">
          <xsl:with-param name="text" select="$text"/>
        </xsl:call-template>
        <div class="tei-text">
          <xsl:apply-templates select="tei:text"/>
        </div>
      </section>
      <xsl:variable name="collected" select="tei:text//tei:note[rzh:is-collected-note(.)]"/>
      <xsl:if test="$collected">
        <section class="notes" aria-labelledby="notes-heading">
          <h2 id="notes-heading">Notes</h2>
          <ol class="notes-list" role="list">
            <xsl:apply-templates select="$collected" mode="rzh:note-item"/>
          </ol>
        </section>
      </xsl:if>
    </article>
  </xsl:template>

  <!-- How to read the marks: in words and shapes, never colour alone. -->
  <xsl:template name="rzh:key">
    <xsl:param name="text" as="element()?"/>
    <xsl:variable name="gaps" select="$text//tei:gap"/>
    <!-- the kinds of mark the text has (tested first, so the entries are
         written straight into the page, not into a temporary tree) -->
    <xsl:variable name="kinds" as="xs:string*" select="(
        'redacted'[$gaps[@reason = 'redacted']],
        'groups'[$gaps[@reason = map:keys($rz:group-words)]],
        'other-gap'[$gaps[not(@reason = ('redacted', map:keys($rz:group-words)))]],
        'unclear'[$text//tei:unclear],
        'supplied'[$text//tei:supplied],
        'original-term'[$text//tei:note[@type = 'original-term']],
        'fw'[$text//tei:fw])"/>
    <xsl:if test="exists($kinds)">
      <details class="key" data-pagefind-ignore="all">
        <summary>How to read the marks</summary>
        <dl>
          <xsl:if test="$kinds = 'redacted'">
            <dt><span class="gap gap-redacted"><span class="bar">redacted</span></span></dt>
            <dd>a passage blacked out at declassification; the exemption code beside it (e.g. <span class="exemption">25X1</span>) says why</dd>
          </xsl:if>
          <xsl:if test="$kinds = 'groups'">
            <dt><span class="gap gap-cipher-unrecovered"><span class="label">[2 groups unrecovered]</span></span></dt>
            <dd>cipher groups the cryptanalysts did not recover (the mark grows with the number of groups)</dd>
          </xsl:if>
          <xsl:if test="$kinds = 'other-gap'">
            <dt><span class="gap"><span class="label">[...]</span></span></dt>
            <dd>text left out or lost: an omission by a quoting author, illegible or damaged text</dd>
          </xsl:if>
          <xsl:if test="$kinds = 'unclear'">
            <dt><span class="unclear"><span class="unclear-text">text</span><sup class="flag">B</sup></span></dt>
            <dd>uncertain reading; a letter is the source's recovery-quality flag</dd>
          </xsl:if>
          <xsl:if test="$kinds = 'supplied'">
            <dt><span class="supplied"><span class="bracket">⟨</span>,<span class="bracket">⟩</span></span></dt>
            <dd>supplied by the translator or the quoting author</dd>
          </xsl:if>
          <xsl:if test="$kinds = 'original-term'">
            <dt><span class="original-term">[REZIDENT]</span></dt>
            <dd>the translator's original Russian term</dd>
          </xsl:if>
          <xsl:if test="$kinds = 'fw'">
            <dt><span class="fw fw-classification"><span class="fw-text">SECRET</span></span></dt>
            <dd>banners, page numbers and catchwords of the original, in the margin</dd>
          </xsl:if>
        </dl>
        <p>Hover over a mark or move to it with the Tab key for an explanation<xsl:if
          test="$kinds = ('redacted', 'groups', 'other-gap', 'unclear', 'supplied')">; the diplomatic view shows the transcript's own notation</xsl:if>.</p>
      </details>
    </xsl:if>
  </xsl:template>

  <!-- ===== Metadata panel ============================================ -->

  <xsl:template match="tei:teiHeader" mode="rzh:metadata">
    <xsl:param name="id" as="xs:string"/>
    <xsl:variable name="tei" select="parent::tei:TEI"/>
    <xsl:variable name="source" select="tei:fileDesc/tei:sourceDesc"/>
    <section class="metadata" aria-labelledby="metadata-heading">
      <h2 id="metadata-heading">About this document</h2>
      <dl>
        <xsl:call-template name="rzh:row">
          <xsl:with-param name="label" select="'Date'"/>
          <xsl:with-param name="value">
            <xsl:value-of select="rz:date-label($tei)"/>
            <xsl:variable name="written" select="normalize-space(rz:date-element($tei))"/>
            <xsl:if test="$written and $written != rz:date-label($tei) and not($written castable as xs:date)">
              <span class="as-written"> (as written: “<xsl:value-of select="$written"/>”)</span>
            </xsl:if>
          </xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="rzh:row">
          <xsl:with-param name="label" select="'Kind'"/>
          <xsl:with-param name="value" select="rz:kind($tei)"/>
        </xsl:call-template>
        <xsl:call-template name="rzh:row">
          <xsl:with-param name="label" select="'Classification'"/>
          <xsl:with-param name="value" select="rz:classification($tei)"/>
        </xsl:call-template>
        <xsl:for-each select="tei:profileDesc/tei:correspDesc/tei:correspAction">
          <xsl:call-template name="rzh:row">
            <xsl:with-param name="label" select="if (@type = 'sent') then 'From' else if (@type = 'received') then 'To' else rz:capitalize(string(@type))"/>
            <xsl:with-param name="value">
              <xsl:for-each select="tei:persName | tei:orgName | tei:placeName | tei:name">
                <xsl:if test="position() gt 1">, </xsl:if>
                <xsl:apply-templates select="."/>
              </xsl:for-each>
            </xsl:with-param>
          </xsl:call-template>
        </xsl:for-each>
        <!-- a bibl that only names the document itself (its typed numbers and
             dates have rows of their own) would repeat the title -->
        <xsl:for-each select="$source/tei:bibl[not(normalize-space(tei:title[1]) = rz:title($tei)
            and empty(tei:author | tei:pubPlace | tei:publisher | tei:biblScope
                      | tei:date[not(@type)] | tei:idno[not(@type)]))]">
          <xsl:call-template name="rzh:row">
            <xsl:with-param name="label" select="if (tei:author or tei:pubPlace or tei:publisher) then 'Published in' else 'Source'"/>
            <xsl:with-param name="value"><xsl:apply-templates select="." mode="rzh:bibl"/></xsl:with-param>
          </xsl:call-template>
        </xsl:for-each>
        <xsl:for-each select="$source//tei:msIdentifier">
          <xsl:call-template name="rzh:row">
            <xsl:with-param name="label" select="'Archive'"/>
            <xsl:with-param name="value" select="string-join((tei:country, tei:settlement, tei:institution, tei:repository,
                                                  tei:collection, tei:idno, tei:altIdentifier/tei:idno) ! normalize-space()[.], ', ')"/>
          </xsl:call-template>
        </xsl:for-each>
        <xsl:for-each select="$source//tei:idno[@type][not(parent::tei:msIdentifier or parent::tei:altIdentifier)]">
          <xsl:call-template name="rzh:row">
            <xsl:with-param name="label" select="rzh:idno-label(@type)"/>
            <xsl:with-param name="value" select="normalize-space()"/>
          </xsl:call-template>
        </xsl:for-each>
        <xsl:for-each select="$source//tei:date[@type]">
          <xsl:call-template name="rzh:row">
            <xsl:with-param name="label" select="if (@type = 'issued') then 'Issued' else if (@type = 'reissued') then 'Re-issued'
                                                 else rz:capitalize(string(@type))"/>
            <xsl:with-param name="value" select="if (@when) then rz:format-iso(string(@when)) else normalize-space()"/>
          </xsl:call-template>
        </xsl:for-each>
        <xsl:for-each select="$source/tei:p[normalize-space()]">
          <xsl:call-template name="rzh:row">
            <xsl:with-param name="label" select="'Source'"/>
            <xsl:with-param name="value"><xsl:apply-templates><xsl:with-param name="phrasing" tunnel="yes" select="true()"/></xsl:apply-templates></xsl:with-param>
          </xsl:call-template>
        </xsl:for-each>
        <xsl:for-each select="tei:fileDesc/tei:publicationStmt/tei:date[@type = 'posted']">
          <xsl:call-template name="rzh:row">
            <xsl:with-param name="label" select="'Published online'"/>
            <xsl:with-param name="value" select="if (@when) then rz:format-iso(string(@when)) else normalize-space()"/>
          </xsl:call-template>
        </xsl:for-each>
        <xsl:call-template name="rzh:row">
          <xsl:with-param name="label" select="'Languages'"/>
          <xsl:with-param name="value" select="string-join(tei:profileDesc/tei:langUsage/tei:language
                                                ! (normalize-space()[.], rz:language-name(string(@ident)))[1], '; ')"/>
        </xsl:call-template>
        <xsl:call-template name="rzh:row">
          <xsl:with-param name="label" select="'Encoding'"/>
          <xsl:with-param name="value" select="string-join(tei:revisionDesc//tei:change ! normalize-space(), '; ')"/>
        </xsl:call-template>
        <xsl:call-template name="rzh:row">
          <xsl:with-param name="label" select="'Editors'"/>
          <xsl:with-param name="value" select="string-join(tei:fileDesc/tei:titleStmt/tei:editor ! normalize-space(), ', ')"/>
        </xsl:call-template>
      </dl>
      <xsl:call-template name="rzh:citation">
        <xsl:with-param name="id" select="$id"/>
      </xsl:call-template>
      <ul class="downloads">
        <xsl:if test="$tei-href">
          <li><a href="{$tei-href}" type="application/tei+xml">TEI source</a></li>
        </xsl:if>
        <xsl:if test="$pdf-href">
          <li><a href="{$pdf-href}" type="application/pdf">PDF</a></li>
        </xsl:if>
      </ul>
    </section>
  </xsl:template>

  <!-- How to cite this document in this edition. -->
  <xsl:template name="rzh:citation">
    <xsl:param name="id" as="xs:string"/>
    <xsl:variable name="tei" select="parent::tei:TEI"/>
    <xsl:variable name="editors" select="tokenize($edition-editors, ';\s*')[.]"/>
    <p class="citation">
      <span class="citation-label">Cite as: </span>
      <xsl:text>“</xsl:text><xsl:value-of select="rz:title($tei)"/><xsl:text>” (</xsl:text>
      <xsl:value-of select="rz:date-label($tei)"/>
      <xsl:text>), in </xsl:text><cite><xsl:value-of select="$edition-title"/></cite>
      <xsl:if test="exists($editors)">
        <xsl:value-of select="', ed. ' || string-join($editors, ', ')"/>
      </xsl:if>
      <xsl:if test="$edition-version"><xsl:value-of select="', version ' || $edition-version"/></xsl:if>
      <xsl:variable name="imprint" select="string-join(($edition-pub-place, $edition-publisher)[.], ': ')"/>
      <xsl:if test="$imprint"><xsl:value-of select="' (' || $imprint || ')'"/></xsl:if>
      <xsl:text>, document </xsl:text><code><xsl:value-of select="$id"/></code><xsl:text>.</xsl:text>
    </p>
  </xsl:template>

  <xsl:function name="rzh:idno-label" as="xs:string">
    <xsl:param name="type" as="xs:string"/>
    <xsl:sequence select="
        if ($type = 'reissue-ref') then 'Re-issue reference'
        else if ($type = 'copy') then 'Copy no.'
        else if ($type = 'message') then 'Message no.'
        else if ($type = 'archival') then 'Archival reference'
        else rz:capitalize(replace($type, '-', ' '))"/>
  </xsl:function>

  <!-- A row of the panel, left out when it has nothing to say. -->
  <xsl:template name="rzh:row">
    <xsl:param name="label" as="xs:string"/>
    <xsl:param name="value" as="item()*"/>
    <xsl:if test="normalize-space(string-join($value ! string(.)))">
      <div class="row">
        <dt><xsl:value-of select="$label"/></dt>
        <!-- a space, so that text extraction (the search index) keeps label and value apart -->
        <xsl:text> </xsl:text>
        <dd><xsl:sequence select="$value"/></dd>
      </div>
    </xsl:if>
  </xsl:template>

  <!-- A published source, in a citation's order. -->
  <xsl:template match="tei:bibl" mode="rzh:bibl">
    <xsl:choose>
      <xsl:when test="tei:title">
        <xsl:value-of select="string-join(tei:author ! normalize-space(), '; ')"/>
        <xsl:if test="tei:author">, </xsl:if>
        <cite><xsl:value-of select="normalize-space(tei:title[1])"/></cite>
        <!-- typed dates and numbers have rows of their own -->
        <xsl:value-of select="string-join(((tei:pubPlace, tei:publisher, tei:date[not(@type)]) ! normalize-space()[.]) ! (', ' || .))"/>
        <xsl:value-of select="string-join((tei:biblScope ! normalize-space()[.]) ! (', ' || .))"/>
        <xsl:value-of select="string-join((tei:idno[not(@type)] ! normalize-space()[.]) ! (', ' || .))"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates><xsl:with-param name="phrasing" tunnel="yes" select="true()"/></xsl:apply-templates>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>

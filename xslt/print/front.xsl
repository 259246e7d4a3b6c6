<?xml version="1.0" encoding="UTF-8"?>
<!--
  A document in print: its heading (title, date, kind, classification and the
  facts of the header), its text, the comments no anchor points to, and, when
  it is printed on its own, the legend of the marks and a colophon. The
  legend is made by running the text templates on sample TEI, so it always
  shows the marks exactly as the text prints them.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:job="urn:rezident:print"
    xmlns:p="urn:rezident:print:functions"
    xmlns:rz="https://rezident.example/ns/functions"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <!-- ======================================================= header facts -->

  <xsl:function name="p:edition-title" as="xs:string">
    <xsl:param name="edition" as="element(job:edition)?"/>
    <xsl:param name="doc" as="document-node()?"/>
    <xsl:sequence select="(normalize-space($edition/@title)[.],
        normalize-space($doc/tei:TEI/tei:teiHeader/tei:fileDesc/tei:publicationStmt/tei:idno[@type = 'edition'])[.],
        'Edition')[1]"/>
  </xsl:function>

  <xsl:function name="p:editors" as="xs:string*">
    <xsl:param name="edition" as="element(job:edition)?"/>
    <xsl:param name="doc" as="document-node()?"/>
    <xsl:variable name="given" select="$edition/job:editor ! normalize-space()[.]"/>
    <xsl:sequence select="if (exists($given)) then $given
        else $doc/tei:TEI/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:editor ! normalize-space()[.]"/>
  </xsl:function>

  <xsl:function name="p:document-title" as="xs:string">
    <xsl:param name="doc" as="document-node()?"/>
    <xsl:sequence select="if ($doc/tei:TEI) then rz:title($doc/tei:TEI) else '(untitled)'"/>
  </xsl:function>

  <!-- The licence: the edition's, else the one the document declares. -->
  <xsl:function name="p:licence" as="map(xs:string, xs:string)">
    <xsl:param name="edition" as="element(job:edition)?"/>
    <xsl:param name="doc" as="document-node()?"/>
    <xsl:variable name="declared" select="($doc/tei:TEI/tei:teiHeader/tei:fileDesc/tei:publicationStmt
                                          /tei:availability/tei:licence)[1]"/>
    <xsl:sequence select="map {
        'name': (normalize-space($edition/@licence)[.], normalize-space($declared)[.], '')[1],
        'url': (normalize-space($edition/@licence-url)[.], normalize-space($declared/@target)[.], '')[1] }"/>
  </xsl:function>

  <xsl:function name="p:capitalize" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:sequence select="if ($s) then rz:capitalize($s) else ''"/>
  </xsl:function>

  <!-- "reissue-ref" -> "Reissue ref". -->
  <xsl:function name="p:type-label" as="xs:string">
    <xsl:param name="type" as="xs:string?"/>
    <xsl:sequence select="if ($type) then p:capitalize(replace($type, '[-_]', ' ')) else 'Reference'"/>
  </xsl:function>

  <!-- ===================================================== the document -->

  <xsl:template match="tei:TEI" mode="document">
    <xsl:param name="edition" as="element(job:edition)?" tunnel="yes"/>
    <xsl:param name="standalone" as="xs:boolean" select="false()" tunnel="yes"/>
    <article class="tei-document" id="{p:doc-id(root(.))}">
      <xsl:sequence select="p:lang(.)"/>
      <xsl:apply-templates select="tei:teiHeader" mode="heading"/>
      <xsl:if test="$standalone">
        <xsl:call-template name="legend">
          <xsl:with-param name="compact" select="true()"/>
          <xsl:with-param name="tei" select="."/>
        </xsl:call-template>
      </xsl:if>
      <div class="doc-text">
        <xsl:apply-templates select="tei:text/(tei:front, tei:body, tei:back, tei:group)" mode="text"/>
      </div>
      <xsl:call-template name="unanchored-notes">
        <xsl:with-param name="tei" select="."/>
      </xsl:call-template>
      <xsl:if test="$standalone">
        <xsl:call-template name="colophon">
          <xsl:with-param name="edition" select="$edition"/>
          <xsl:with-param name="doc" select="root(.)"/>
        </xsl:call-template>
      </xsl:if>
    </article>
  </xsl:template>

  <xsl:template match="tei:teiHeader" mode="heading">
    <xsl:variable name="tei" select=".."/>
    <xsl:variable name="kicker" select="(p:capitalize(rz:kind($tei)), rz:classification($tei))[.]"/>
    <header class="doc-head">
      <xsl:if test="exists($kicker)">
        <p class="doc-kicker">{string-join($kicker, ' · ')}</p>
      </xsl:if>
      <h1 class="doc-title">{rz:title($tei)}</h1>
      <p class="doc-date">{rz:date-label($tei)}</p>
      <dl class="doc-facts">
        <xsl:if test="rz:sender($tei)">
          <dt>From</dt><dd>{rz:sender($tei)}</dd>
        </xsl:if>
        <xsl:if test="rz:addressee($tei)">
          <dt>To</dt><dd>{rz:addressee($tei)}</dd>
        </xsl:if>
        <xsl:apply-templates select="tei:fileDesc/tei:sourceDesc/*" mode="heading"/>
      </dl>
    </header>
  </xsl:template>

  <!-- A published source: as written where the TEI keeps its punctuation,
       else its parts joined; typed references and dates get rows of their own. -->
  <xsl:template match="tei:sourceDesc/tei:bibl | tei:sourceDesc/tei:biblStruct
                       | tei:sourceDesc/tei:biblFull | tei:sourceDesc/tei:listBibl" mode="heading">
    <xsl:variable name="typed" select="(tei:idno | tei:date)[@type]"/>
    <xsl:variable name="parts" select="* except $typed"/>
    <!-- a bibl that only names the document itself would repeat its title -->
    <xsl:variable name="names-itself" select="empty($parts except tei:title[1])
        and normalize-space(tei:title[1]) = rz:title(ancestor::tei:TEI[1])
        and not(normalize-space(string-join(text())))"/>
    <xsl:if test="not($names-itself) and (exists($parts) or normalize-space(string-join(text())))">
      <dt>Source</dt>
      <dd>
        <xsl:choose>
          <xsl:when test="normalize-space(string-join(text())) or empty(*)">
            <xsl:apply-templates mode="text"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:for-each select="$parts">
              <xsl:if test="position() gt 1"><xsl:text>, </xsl:text></xsl:if>
              <xsl:apply-templates select="." mode="text"/>
            </xsl:for-each>
          </xsl:otherwise>
        </xsl:choose>
      </dd>
    </xsl:if>
    <xsl:apply-templates select="$typed" mode="heading"/>
  </xsl:template>

  <xsl:template match="tei:sourceDesc//tei:title" mode="text" priority="2">
    <i class="title"><xsl:apply-templates mode="text"/></i>
  </xsl:template>

  <xsl:template match="tei:sourceDesc/tei:msDesc" mode="heading">
    <xsl:variable name="id" select="tei:msIdentifier"/>
    <dt>Archive</dt>
    <dd>{string-join(($id/* except $id/tei:altIdentifier) ! normalize-space()[.], ', ')}</dd>
    <xsl:for-each select="$id/tei:altIdentifier[normalize-space()]">
      <dt>{p:type-label(@type)}</dt><dd>{normalize-space()}</dd>
    </xsl:for-each>
    <xsl:apply-templates select="* except tei:msIdentifier" mode="heading"/>
  </xsl:template>

  <xsl:template match="tei:sourceDesc//tei:idno" mode="heading">
    <dt>{p:type-label(@type)}</dt><dd>{normalize-space()}</dd>
  </xsl:template>

  <xsl:template match="tei:sourceDesc//tei:date" mode="heading">
    <dt>{p:type-label(@type)}</dt>
    <dd>{if (@when) then rz:format-iso(@when) else normalize-space()}</dd>
  </xsl:template>

  <xsl:template match="tei:sourceDesc/tei:p | tei:sourceDesc//tei:note | tei:msDesc/*" mode="heading">
    <xsl:if test="normalize-space()">
      <dt>Note</dt><dd><xsl:apply-templates mode="text"/></dd>
    </xsl:if>
  </xsl:template>

  <xsl:template match="*" mode="heading">
    <xsl:apply-templates select="*" mode="heading"/>
  </xsl:template>

  <!-- ========================================================== colophon -->

  <xsl:template name="colophon">
    <xsl:param name="edition" as="element(job:edition)?"/>
    <xsl:param name="doc" as="document-node()"/>
    <xsl:variable name="licence" select="p:licence($edition, $doc)"/>
    <xsl:variable name="editors" select="p:editors($edition, $doc)"/>
    <xsl:variable name="publication" select="$doc/tei:TEI/tei:teiHeader/tei:fileDesc/tei:publicationStmt"/>
    <footer class="colophon">
      <p>
        <xsl:text>From </xsl:text><i>{p:edition-title($edition, $doc)}</i>
        <xsl:if test="exists($editors)">, edited by {string-join($editors, ', ')}</xsl:if>
        <xsl:variable name="imprint" select="(normalize-space(($edition/@publisher, $publication/tei:publisher)[normalize-space()][1]),
            normalize-space(($edition/@pub-place, $publication/tei:pubPlace)[normalize-space()][1]),
            $edition/@version[normalize-space()] ! ('version ' || .),
            $edition/@date[normalize-space()] ! rz:format-iso(.))[.]"/>
        <xsl:if test="exists($imprint)">. {string-join($imprint, ', ')}</xsl:if>
        <xsl:text>.</xsl:text>
      </p>
      <xsl:if test="$licence?name or $licence?url">
        <p>Licence: {$licence?name}<xsl:if test="$licence?url"> ({$licence?url})</xsl:if>.</p>
      </xsl:if>
      <p>The TEI source of this document ({($doc/tei:TEI/@xml:id, 'document')[1]}.xml) is embedded in this PDF as its source file.</p>
    </footer>
  </xsl:template>

  <!-- ============================================================ legend -->

  <!-- Sample TEI for each mark, printed with the same templates as the text. -->
  <xsl:variable name="p:legend-samples" as="element()*">
    <tei:sample key="redaction"><tei:gap reason="redacted"/><tei:note type="exemption" place="margin" corresp="#exemption-25X1">25X1</tei:note></tei:sample>
    <tei:sample key="groups"><tei:gap reason="cipher-unrecovered" quantity="13" unit="group"/></tei:sample>
    <tei:sample key="unclear"><tei:unclear reason="cipher-recovery" cert="medium" n="B">the former</tei:unclear></tei:sample>
    <tei:sample key="term"><tei:term>RESIDENT</tei:term><xsl:text> </xsl:text><tei:note type="original-term" place="inline"><tei:foreign xml:lang="ru-Latn">REZIDENT</tei:foreign></tei:note></tei:sample>
    <tei:sample key="abbr"><tei:choice><tei:abbr xml:lang="ru-Latn">TsK</tei:abbr><tei:expan xml:lang="en">Central Committee</tei:expan></tei:choice></tei:sample>
    <tei:sample key="supplied"><tei:supplied reason="punctuation">,</tei:supplied></tei:sample>
    <tei:sample key="omitted"><tei:gap reason="omitted"/></tei:sample>
    <tei:sample key="pb"><tei:pb n="2"/><tei:fw type="pageNum">-2-</tei:fw></tei:sample>
    <tei:sample key="banner"><tei:fw type="header" subtype="classification"><tei:del rend="strikethrough">TOP SECRET</tei:del></tei:fw></tei:sample>
  </xsl:variable>

  <!-- One line each, for the box at the head of a single document. -->
  <xsl:function name="p:legend-short" as="xs:string">
    <xsl:param name="sample" as="element()"/>
    <xsl:variable name="key" select="string($sample/@key)"/>
    <xsl:sequence select="
        if ($key = 'redaction') then 'blacked out at declassification; the exemption code in the margin'
        else if ($key = 'groups') then 'cipher groups not recovered (also garbled, corrupt, unrecoverable)'
        else if ($key = 'unclear') then 'uncertain recovery, with the source’s quality flag'
        else if ($key = 'term') then 'the translator’s original term'
        else if ($key = 'abbr') then 'abbreviation and the translator’s gloss'
        else if ($key = 'supplied') then 'supplied by the translator or a quoting author'
        else if ($key = 'omitted') then 'omission by a quoting author'
        else if ($key = 'pb') then 'page break of the original; its page number in the margin'
        else if ($key = 'banner') then 'classification banner of the original (struck where struck)'
        else ''"/>
  </xsl:function>

  <xsl:function name="p:legend-meaning" as="xs:string">
    <xsl:param name="sample" as="element()"/>
    <xsl:variable name="key" select="string($sample/@key)"/>
    <xsl:sequence select="
        if ($key = 'redaction') then 'Passage blacked out when the document was declassified; the exemption code stamped beside it is printed in the margin (its meaning is in the glossary).'
        else if ($key = 'groups') then rz:gap-explanation($sample/tei:gap) || ' Other losses of the cipher text are labelled garbled, corrupt or unrecoverable.'
        else if ($key = 'unclear') then 'Uncertain recovery: dotted underline, with the recovery-quality letter the source gives (B, C, D, T).'
        else if ($key = 'term') then 'The translator’s original term, in italics in brackets after the English.'
        else if ($key = 'abbr') then rz:choice-explanation($sample/tei:choice)
        else if ($key = 'supplied') then 'Text supplied by the translator or a quoting author, in brackets.'
        else if ($key = 'omitted') then rz:gap-explanation($sample/tei:gap)
        else if ($key = 'pb') then 'Page break of the original: a bar in the text, the page number as printed in the margin.'
        else if ($key = 'banner') then 'Classification banner of the original; struck through where the original strikes it.'
        else ''"/>
  </xsl:function>

  <!-- Does the document use the mark a sample shows? -->
  <xsl:function name="p:uses-mark" as="xs:boolean">
    <xsl:param name="sample" as="element()"/>
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:variable name="text" select="$tei/tei:text"/>
    <xsl:variable name="key" select="string($sample/@key)"/>
    <xsl:sequence select="
        if ($key = 'redaction') then exists($text//tei:gap[@reason = 'redacted'] | $text//tei:note[@type = 'exemption'])
        else if ($key = 'groups') then exists($text//tei:gap[@reason = map:keys($rz:group-words)])
        else if ($key = 'unclear') then exists($text//tei:unclear)
        else if ($key = 'term') then exists($text//tei:note[@type = 'original-term'])
        else if ($key = 'abbr') then exists($text//tei:choice[tei:abbr and tei:expan])
        else if ($key = 'supplied') then exists($text//tei:supplied)
        else if ($key = 'omitted') then exists($text//tei:gap[@reason = 'omitted'])
        else if ($key = 'pb') then exists($text//tei:pb)
        else if ($key = 'banner') then exists($text//tei:fw[@subtype = 'classification'])
        else true()"/>
  </xsl:function>

  <!-- The legend of the marks: all of them at the front of the volume; in a
       single document, those the document uses (none: no legend). -->
  <xsl:template name="legend">
    <xsl:param name="compact" as="xs:boolean" select="false()"/>
    <xsl:param name="tei" as="element(tei:TEI)?"/>
    <xsl:variable name="samples" select="if (exists($tei)) then $p:legend-samples[p:uses-mark(., $tei)] else $p:legend-samples"/>
    <xsl:variable name="notes" select="empty($tei) or exists($tei/tei:text//tei:note[rz:is-numbered-note(.)]
        [p:in-line(.) or exists(rz:anchors-of-note(.))])"/>
    <xsl:if test="exists($samples) or $notes">
    <section class="legend{if ($compact) then ' compact' else ''}" id="legend">
      <xsl:element name="{if ($compact) then 'h2' else 'h1'}">
        <xsl:attribute name="class" select="'legend-title'"/>
        <xsl:text>Editorial marks</xsl:text>
      </xsl:element>
      <div class="legend-rows">
        <xsl:for-each select="$samples">
          <div class="legend-row">
            <div class="mark"><xsl:apply-templates select="node()" mode="text"/></div>
            <div class="meaning">{if ($compact) then p:legend-short(.) else p:legend-meaning(.)}</div>
          </div>
        </xsl:for-each>
        <xsl:if test="$notes">
          <div class="legend-row">
            <div class="mark">text<span class="call">ii</span> text<span class="call">1</span></div>
            <div class="meaning">{if ($compact) then 'notes: analysts’ comments keep i, ii, iii; others are numbered; * an annotation'
                else 'Footnote calls. Analysts’ comments keep their own numbers (i, ii, iii); other notes are numbered in each document; an asterisk marks an archival annotation.'}</div>
          </div>
        </xsl:if>
      </div>
    </section>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>

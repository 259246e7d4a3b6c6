<?xml version="1.0" encoding="UTF-8"?>
<!--
  The text of a document in print form (mode "text"). The meaning of each
  editorial phenomenon (its label, its number, the reading of a choice) comes
  from the format-neutral core; here only its printed shape is decided:
  redactions as black bars with the exemption code in the margin, gaps as
  bracketed labels, notes as footnotes at the foot of the page, page breaks of
  the original as marginal markers. Unknown elements keep their text.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:p="urn:rezident:print:functions"
    xmlns:rz="https://rezident.example/ns/functions"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:mode name="text" on-no-match="text-only-copy"/>

  <xsl:key name="anchors" match="tei:ref[@type = 'noteAnchor']"
      use="tokenize(@target) ! substring-after(., '#')"/>

  <!-- An id unique in the volume and the same in every run (so the same TEI
       gives the same PDF): the document's id, then the element's own id or
       its position in document order. -->
  <xsl:function name="p:uid" as="xs:string">
    <xsl:param name="node" as="element()"/>
    <xsl:sequence select="p:doc-id(root($node)) || '--'
                          || ($node/@xml:id, 'e' || count($node/preceding::*) + count($node/ancestor::*))[1]"/>
  </xsl:function>

  <!-- The id the volume's registers and glossary cite the page of; none in
       a document printed on its own (nothing there cites it, and every
       anchor is a named destination the renderer writes into the PDF). -->
  <xsl:template name="p:cited-id" as="attribute(id)?">
    <xsl:context-item as="element()" use="required"/>
    <xsl:param name="standalone" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:if test="not($standalone)">
      <xsl:attribute name="id" select="p:uid(.)"/>
    </xsl:if>
  </xsl:template>

  <!-- The document's id: its xml:id, else its file name without .xml. -->
  <xsl:function name="p:doc-id" as="xs:string">
    <xsl:param name="doc" as="node()"/>
    <xsl:sequence select="string(($doc/tei:TEI/@xml:id,
        replace(tokenize(string(base-uri($doc)), '/')[last()], '\.xml$', ''), 'document')[normalize-space()][1])"/>
  </xsl:function>

  <!-- "marked" for the blocks that hold marginal marks: only they are
       positioned (the marks are placed against them), since positioned
       boxes cost the renderer time. -->
  <xsl:function name="p:marked" as="xs:string?">
    <xsl:param name="block" as="element()"/>
    <xsl:sequence select="if (exists($block//(tei:pb | tei:note[@type = 'exemption' or @place = 'margin']))
        or exists($block/preceding-sibling::*[p:is-margin-mark(.)][p:carrier-of(.) is $block]))
        then 'marked' else ()"/>
  </xsl:function>

  <xsl:function name="p:lang" as="attribute()?">
    <xsl:param name="node" as="element()"/>
    <xsl:if test="$node/@xml:lang">
      <xsl:attribute name="lang" select="$node/@xml:lang"/>
    </xsl:if>
  </xsl:function>

  <!-- ============================================================ blocks -->

  <xsl:template match="tei:div[@type = 'carrier'] | tei:div[@type = 'comments']
                       | tei:teiHeader | tei:facsimile" mode="text"/>

  <xsl:template match="tei:body | tei:front | tei:back" mode="text">
    <xsl:apply-templates mode="text"/>
  </xsl:template>

  <xsl:template match="tei:div | tei:group" mode="text">
    <section class="div {@type} {@subtype} {p:marked(.)}">
      <xsl:if test="@n and not(tei:head)">
        <xsl:attribute name="data-n" select="@n"/>
      </xsl:if>
      <xsl:sequence select="p:lang(.)"/>
      <xsl:apply-templates mode="text"/>
    </section>
  </xsl:template>

  <xsl:template match="tei:div[@type = 'document']" mode="text">
    <section class="div document {@subtype} {p:marked(.)}" id="{p:uid(.)}">
      <xsl:sequence select="p:lang(.)"/>
      <xsl:apply-templates mode="text"/>
    </section>
  </xsl:template>

  <xsl:template match="tei:head" mode="text">
    <xsl:variable name="depth" select="count(ancestor::tei:div) + (if (ancestor::tei:front) then 1 else 0)"/>
    <xsl:element name="h{min((max((2, $depth + 1)), 5))}">
      <xsl:attribute name="class" select="'head', ../@type, p:marked(.)"/>
      <xsl:sequence select="p:lang(.)"/>
      <xsl:call-template name="carried-marks"/>
      <xsl:apply-templates mode="text"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:p | tei:ab" mode="text">
    <p>
      <xsl:attribute name="class" select="local-name(), if (@part = ('F', 'M')) then 'continued' else (), p:marked(.)"/>
      <xsl:sequence select="p:lang(.)"/>
      <xsl:call-template name="carried-marks"/>
      <xsl:apply-templates mode="text"/>
    </p>
  </xsl:template>

  <!-- A paragraph number the converter kept as an attribute is printed. -->
  <xsl:template match="tei:p[@n][not(tei:label)]" mode="text" priority="2">
    <p class="p numbered {p:marked(.)}">
      <xsl:sequence select="p:lang(.)"/>
      <xsl:call-template name="carried-marks"/>
      <span class="label">{@n}.</span>
      <xsl:text> </xsl:text>
      <xsl:apply-templates mode="text"/>
    </p>
  </xsl:template>

  <xsl:template match="tei:label" mode="text">
    <span class="label"><xsl:apply-templates mode="text"/></span>
  </xsl:template>

  <xsl:template match="tei:list" mode="text">
    <xsl:element name="{if (@type = ('ordered', 'numbered') or @rend = 'numbered') then 'ol' else 'ul'}">
      <xsl:attribute name="class" select="'list', @type, p:marked(.)"/>
      <xsl:apply-templates mode="text"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:list/tei:head" mode="text" priority="2">
    <li class="list-head"><xsl:apply-templates mode="text"/></li>
  </xsl:template>

  <xsl:template match="tei:item" mode="text">
    <li class="{p:marked(.)}"><xsl:sequence select="p:lang(.)"/><xsl:apply-templates mode="text"/></li>
  </xsl:template>

  <xsl:template match="tei:opener | tei:closer | tei:postscript | tei:argument
                       | tei:epigraph | tei:trailer | tei:byline" mode="text">
    <div class="{local-name()} {p:marked(.)}"><xsl:call-template name="carried-marks"/><xsl:apply-templates mode="text"/></div>
  </xsl:template>

  <xsl:template match="tei:dateline | tei:signed | tei:salute" mode="text">
    <xsl:element name="{if (ancestor::tei:p) then 'span' else 'p'}">
      <xsl:attribute name="class" select="local-name()"/>
      <xsl:apply-templates mode="text"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:quote[tei:p | tei:lg | tei:list]" mode="text">
    <blockquote class="{p:marked(.)}"><xsl:sequence select="p:lang(.)"/><xsl:apply-templates mode="text"/></blockquote>
  </xsl:template>

  <xsl:template match="tei:lg" mode="text">
    <div class="lg"><xsl:apply-templates mode="text"/></div>
  </xsl:template>

  <xsl:template match="tei:l" mode="text">
    <p class="l"><xsl:apply-templates mode="text"/></p>
  </xsl:template>

  <xsl:template match="tei:table" mode="text">
    <table>
      <xsl:if test="tei:head"><caption><xsl:apply-templates select="tei:head/node()" mode="text"/></caption></xsl:if>
      <xsl:if test="tei:row[@role = 'label']">
        <thead><xsl:apply-templates select="tei:row[@role = 'label']" mode="text"/></thead>
      </xsl:if>
      <tbody><xsl:apply-templates select="tei:row[not(@role = 'label')]" mode="text"/></tbody>
    </table>
  </xsl:template>

  <xsl:template match="tei:row" mode="text">
    <tr><xsl:apply-templates select="tei:cell" mode="text"/></tr>
  </xsl:template>

  <xsl:template match="tei:cell" mode="text">
    <xsl:element name="{if (@role = 'label' or ../@role = 'label') then 'th' else 'td'}">
      <xsl:if test="p:marked(.)"><xsl:attribute name="class" select="p:marked(.)"/></xsl:if>
      <xsl:if test="@cols"><xsl:attribute name="colspan" select="@cols"/></xsl:if>
      <xsl:if test="@rows"><xsl:attribute name="rowspan" select="@rows"/></xsl:if>
      <xsl:apply-templates mode="text"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:lb" mode="text"><br/></xsl:template>

  <!-- ============================================== forme work of the original -->

  <!-- Banners and catchwords of the original: set off from the text, small. -->
  <xsl:template match="tei:fw" mode="text">
    <xsl:element name="{if (p:in-line(.)) then 'span' else 'p'}">
      <xsl:attribute name="class" select="'fw', @type, @subtype"/>
      <xsl:apply-templates mode="text"/>
    </xsl:element>
  </xsl:template>

  <!-- The printed page number is shown by the page-break marker. -->
  <xsl:template match="tei:fw[@type = 'pageNum'][exists(p:page-break-of(.))]" mode="text"/>

  <!-- The page break a printed page number belongs to: the nearest break
       before it with only forme work and marginal marks in between. -->
  <xsl:function name="p:page-break-of" as="element()?">
    <xsl:param name="fw" as="element()"/>
    <xsl:sequence select="$fw/preceding-sibling::*[not(self::tei:fw or self::tei:note[@type = 'exemption'])][1][self::tei:pb]"/>
  </xsl:function>

  <!-- Marks of the original in the margin (page breaks, exemption codes).
       WeasyPrint stacks no two floats on one line, so a block's marks are
       gathered into one marginal float at its first line: the marks standing
       just before it (between blocks) and the exemption codes inside it.
       A page break inside a line keeps its own marker and a bar in the text. -->
  <xsl:template match="tei:pb" mode="text">
    <xsl:choose>
      <xsl:when test="p:in-line(.)">
        <span class="margin"><xsl:apply-templates select="." mode="margin-mark"/></span>
        <span class="pb-mark">|</span>
      </xsl:when>
      <xsl:when test="exists(p:carrier-of(.))"/>
      <xsl:otherwise>
        <div class="margin-block"><span class="margin"><xsl:apply-templates select="." mode="margin-mark"/></span></div>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:note[@type = 'exemption'] | tei:note[@place = 'margin']" mode="text" priority="3">
    <xsl:choose>
      <xsl:when test="p:in-line(.) and exists(p:carrying-block(.))"/>
      <xsl:when test="p:in-line(.)">
        <span class="margin"><xsl:apply-templates select="." mode="margin-mark"/></span>
      </xsl:when>
      <xsl:when test="exists(p:carrier-of(.))"/>
      <xsl:otherwise>
        <div class="margin-block"><span class="margin"><xsl:apply-templates select="." mode="margin-mark"/></span></div>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:pb" mode="margin-mark">
    <xsl:variable name="pb" select="."/>
    <xsl:variable name="printed" select="following-sibling::tei:fw[@type = 'pageNum'][1][p:page-break-of(.) is $pb]"/>
    <span class="pb">{if ($printed) then normalize-space($printed) else if (@n) then 'p. ' || @n else 'page break'}</span>
  </xsl:template>

  <xsl:template match="tei:note" mode="margin-mark">
    <span class="exemption"><xsl:apply-templates mode="text"/></span>
  </xsl:template>

  <xsl:function name="p:is-carrier" as="xs:boolean">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="exists($el[self::tei:p or self::tei:ab or self::tei:head or self::tei:opener
        or self::tei:closer or self::tei:note[not(@type = ('exemption', 'original-term') or @place = ('margin', 'inline'))]])"/>
  </xsl:function>

  <xsl:function name="p:is-margin-mark" as="xs:boolean">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="exists($el[self::tei:pb or self::tei:note[@type = 'exemption' or @place = 'margin']])"/>
  </xsl:function>

  <!-- The block that carries a mark standing between blocks: the next sibling
       element, passing over forme work and other marks. -->
  <xsl:function name="p:carrier-of" as="element()?">
    <xsl:param name="mark" as="element()"/>
    <xsl:sequence select="$mark/following-sibling::*[not(self::tei:fw or p:is-margin-mark(.))][1][p:is-carrier(.)]"/>
  </xsl:function>

  <!-- The block that carries a mark inside a line. -->
  <xsl:function name="p:carrying-block" as="element()?">
    <xsl:param name="mark" as="element()"/>
    <xsl:sequence select="$mark/ancestor::*[p:is-carrier(.)][1][not(self::tei:note)]"/>
  </xsl:function>

  <xsl:template name="carried-marks">
    <xsl:variable name="block" select="."/>
    <xsl:variable name="marks" select="
        preceding-sibling::*[p:is-margin-mark(.)][p:carrier-of(.) is $block],
        .//tei:note[@type = 'exemption' or @place = 'margin'][p:in-line(.)][p:carrying-block(.) is $block]"/>
    <xsl:if test="exists($marks)">
      <span class="margin"><xsl:apply-templates select="$marks" mode="margin-mark"/></span>
    </xsl:if>
  </xsl:template>

  <!-- Is the element inside running text (so it must stay inline)? -->
  <xsl:function name="p:in-line" as="xs:boolean">
    <xsl:param name="node" as="element()"/>
    <xsl:sequence select="exists($node/ancestor::*[self::tei:p or self::tei:ab or self::tei:head
                          or self::tei:item or self::tei:l or self::tei:cell or self::tei:note
                          or self::tei:label or self::tei:signed or self::tei:dateline])"/>
  </xsl:function>

  <!-- ================================================ editorial phenomena -->

  <xsl:template match="tei:gap" mode="text">
    <xsl:variable name="label" select="rz:gap-label(.)"/>
    <xsl:choose>
      <xsl:when test="@reason = 'redacted'">
        <span class="redaction" title="{$label}">{$label}</span>
      </xsl:when>
      <xsl:otherwise>
        <span class="gap {@reason}">{$label}</span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:unclear" mode="text">
    <span class="unclear">
      <xsl:apply-templates mode="text"/>
      <xsl:if test="@n">
        <span class="flag" title="recovery quality {@n} (the source's flag)">{@n}</span>
      </xsl:if>
    </span>
  </xsl:template>

  <xsl:template match="tei:supplied" mode="text">
    <span class="supplied">[<xsl:apply-templates mode="text"/>]</span>
  </xsl:template>

  <!-- Elements that look like the text around them: no box of their own
       (every inline box costs the renderer time), unless a language needs saying. -->
  <xsl:template match="tei:term | tei:quote | tei:q | tei:bibl | tei:title | tei:idno | tei:date
                       | tei:num | tei:measure | tei:seg | tei:w" mode="text">
    <xsl:choose>
      <xsl:when test="@xml:lang">
        <span class="{local-name()}"><xsl:sequence select="p:lang(.)"/><xsl:apply-templates mode="text"/></span>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates mode="text"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- RESIDENT [REZIDENT]: upright brackets round the original in italics.
       The brackets are text of the term's own box (not boxes of their own:
       every inline box costs the renderer time); a term that is exactly one
       foreign word is italic through that word's box. -->
  <xsl:template match="tei:note[@type = 'original-term']" mode="text" priority="3">
    <span class="original-term"><xsl:call-template name="p:cited-id"/>[<xsl:choose>
        <xsl:when test="count(node()) = 1 and tei:foreign">
          <xsl:apply-templates mode="text"/>
        </xsl:when>
        <xsl:otherwise>
          <span class="term-text"><xsl:apply-templates mode="text"/></span>
        </xsl:otherwise>
      </xsl:choose>]</span>
  </xsl:template>

  <xsl:template match="tei:foreign" mode="text">
    <span class="foreign">
      <xsl:sequence select="p:lang(.)"/>
      <xsl:apply-templates mode="text"/>
    </span>
  </xsl:template>

  <xsl:template match="tei:choice" mode="text">
    <xsl:choose>
      <xsl:when test="tei:abbr and tei:expan">
        <span class="abbr"><xsl:call-template name="p:cited-id"/><xsl:sequence select="p:lang(tei:abbr)"/><xsl:apply-templates select="tei:abbr/node()" mode="text"/></span>
        <xsl:text> </xsl:text>
        <span class="expan"><xsl:sequence select="p:lang(tei:expan)"/>[<xsl:apply-templates select="tei:expan/node()" mode="text"/>]</span>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="rz:choice-reading(.)" mode="text"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:sic | tei:orig | tei:abbr | tei:corr | tei:reg | tei:expan" mode="text">
    <xsl:apply-templates mode="text"/>
  </xsl:template>

  <xsl:template match="tei:del" mode="text">
    <s class="del"><xsl:apply-templates mode="text"/></s>
  </xsl:template>

  <xsl:template match="tei:add" mode="text">
    <span class="add"><xsl:apply-templates mode="text"/></span>
  </xsl:template>

  <xsl:template match="tei:hi" mode="text">
    <xsl:variable name="rend" select="tokenize(@rend)"/>
    <xsl:element name="{if ($rend = 'bold') then 'b' else if ($rend = 'italic') then 'i' else 'span'}">
      <xsl:attribute name="class" select="'hi', $rend"/>
      <xsl:apply-templates mode="text"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:emph" mode="text">
    <em><xsl:apply-templates mode="text"/></em>
  </xsl:template>

  <!-- A mention is plain text, except the first of each register entry in
       a document of the volume: it carries the id the volume's registers cite
       the page of. A document printed on its own has no registers. -->
  <xsl:template match="tei:persName | tei:orgName | tei:placeName | tei:rs | tei:name" mode="text">
    <xsl:param name="standalone" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:variable name="mention" select="."/>
    <xsl:choose>
      <xsl:when test="@xml:lang or (not($standalone) and (some $key in tokenize(normalize-space(@ref)) ! replace(., '^.*#', '')
                                    satisfies key('mentions', $key, root(.))[1] is $mention))">
        <span class="mention">
          <xsl:if test="@ref"><xsl:call-template name="p:cited-id"/></xsl:if>
          <xsl:sequence select="p:lang(.)"/>
          <xsl:apply-templates mode="text"/>
        </span>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates mode="text"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================== notes -->


  <!-- A comment's label as the OCR wrote it (label/choice: 11 for ii): the
       note's own label (from @n) already shows it. -->
  <xsl:template match="tei:note[@type = 'comment']/tei:label" mode="text" priority="3"/>

  <!-- Any other inline note stays in the line, in brackets. -->
  <xsl:template match="tei:note[@place = 'inline']" mode="text">
    <span class="inline-note"><span class="bracket">[</span><xsl:apply-templates mode="text"/><span class="bracket">]</span></span>
  </xsl:template>

  <!-- A note written in the text becomes a footnote where it stands. -->
  <xsl:template match="tei:note" mode="text">
    <xsl:call-template name="footnote">
      <xsl:with-param name="note" select="."/>
    </xsl:call-template>
  </xsl:template>

  <!-- A note standing between blocks (an archival annotation after the
       text) has no line to hang a call on: it prints as a block, labelled. -->
  <xsl:template match="tei:note[not(p:in-line(.))]" mode="text" priority="1">
    <div class="note-block {@type} {p:marked(.)}">
      <xsl:sequence select="p:lang(.)"/>
      <xsl:call-template name="carried-marks"/>
      <span class="label">{rz:note-label(.)}</span>
      <xsl:text> </xsl:text>
      <xsl:apply-templates mode="text"/>
    </div>
  </xsl:template>

  <!-- An anchor carries the footnote of the note it points to (at the first
       anchor; later anchors repeat the call only). -->
  <xsl:template match="tei:ref[@type = 'noteAnchor']" mode="text">
    <xsl:variable name="note" select="rz:note-of-anchor(.)"/>
    <xsl:choose>
      <xsl:when test="empty($note)">
        <span class="call unresolved"><xsl:apply-templates mode="text"/></span>
      </xsl:when>
      <xsl:when test="key('anchors', $note/@xml:id, root(.))[1] is .">
        <xsl:call-template name="footnote">
          <xsl:with-param name="note" select="$note"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <span class="call">{rz:note-label($note)}</span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A note anchored elsewhere is printed at its anchor, not where it stands. -->
  <xsl:template match="tei:note[@xml:id][exists(key('anchors', @xml:id))]" mode="text" priority="2"/>

  <!-- The renderer cannot split a footnote across pages: a note longer
       than this many characters is printed after the text instead, and its
       call says so. -->
  <xsl:param name="footnote-limit" as="xs:integer" select="2400"/>

  <xsl:function name="p:is-long" as="xs:boolean">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:sequence select="string-length(normalize-space($note)) gt $footnote-limit"/>
  </xsl:function>

  <xsl:template name="footnote">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:choose>
      <xsl:when test="p:is-long($note)">
        <span class="call long">{rz:note-label($note)}</span>
      </xsl:when>
      <xsl:otherwise>
        <span class="footnote {$note/@type}" data-label="{rz:note-label($note)}">
          <xsl:sequence select="p:lang($note)"/>
          <xsl:apply-templates select="$note/node()" mode="text"/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- After the text: the notes too long for the foot of a page, then the
       comments no anchor points to, each with its label. -->
  <xsl:template name="unanchored-notes">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:variable name="long" select="$tei/tei:text//tei:note[rz:is-numbered-note(.)][p:is-long(.)]
        [p:in-line(.) or (@xml:id and exists(key('anchors', @xml:id, root(.))))]"/>
    <xsl:if test="$long">
      <section class="endnotes long-notes">
        <h2 class="head">Notes</h2>
        <xsl:for-each select="$long">
          <div class="endnote"><span class="label">{rz:note-label(.)}</span><xsl:text> </xsl:text><xsl:apply-templates mode="text"/></div>
        </xsl:for-each>
      </section>
    </xsl:if>
    <xsl:variable name="notes" select="$tei/tei:text/tei:back/tei:div[@type = 'comments']
        //tei:note[not(@xml:id and exists(key('anchors', @xml:id, root(.))))]"/>
    <xsl:if test="$notes">
      <section class="endnotes">
        <h2 class="head">Comments</h2>
        <xsl:for-each select="$notes">
          <div class="endnote"><span class="label">{rz:note-label(.)}</span><xsl:text> </xsl:text><xsl:apply-templates mode="text"/></div>
        </xsl:for-each>
      </section>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>

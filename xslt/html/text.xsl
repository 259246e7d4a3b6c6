<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI text -> HTML5: how each editorial phenomenon looks on the web.

  What a phenomenon means (its label, explanation, number) comes from
  ../common/core.xsl; here only the markup. Conventions:

  - Every phenomenon whose diplomatic form (the transcript's notation)
    differs from its reading form emits both: class "rd" (reading) and
    class "dp" (diplomatic). The CSS shows "rd" unless the reader chooses
    the diplomatic view, so without JavaScript the page is a complete
    reading text.
  - Explanations sit in a hidden span.tip, shown on hover and focus, and
    tied to their phenomenon with aria-describedby; tips and diplomatic
    forms are kept out of the search index (data-pagefind-ignore).
  - The tunnel parameter $phrasing is true where only phrasing content is
    allowed (inside p, h*, span): block-level TEI met there becomes a span,
    so any TEI gives valid HTML.
  - Any element not handled here keeps its text (span or div by content).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:rz="https://rezident.example/ns/functions"
    xmlns:rzh="https://rezident.example/ns/html"
    exclude-result-prefixes="#all">

  <!-- Register entry id -> its main name (the renderer passes them), so a
       mention or a cover name can say whom it names. -->
  <xsl:param name="register-names" as="map(xs:string, xs:string)" select="map{}"/>

  <!-- ===== Helpers ================================================== -->

  <!-- Block-level TEI a span cannot hold (notes are rendered elsewhere). -->
  <xsl:function name="rzh:has-blocks" as="xs:boolean">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="exists($el//*[self::tei:p or self::tei:ab or self::tei:list or self::tei:table
        or self::tei:lg or self::tei:div or self::tei:figure or self::tei:listBibl or self::tei:sp
        or self::tei:opener or self::tei:closer][empty(ancestor::tei:note[. &gt;&gt; $el])])"/>
  </xsl:function>

  <!-- A value as a class-name or id token: lower case, no spaces (cheap:
       rendering calls it for every mark; rz:slug is for free text). -->
  <xsl:function name="rzh:token" as="xs:string">
    <xsl:param name="value" as="xs:string"/>
    <xsl:sequence select="translate(lower-case(normalize-space($value)), ' ', '-')"/>
  </xsl:function>

  <!-- Heading level of a head: h3 under the document's h2 "Text", one
       deeper per enclosing div, at most h6. -->
  <xsl:function name="rzh:heading-level" as="xs:integer">
    <xsl:param name="head" as="element()"/>
    <xsl:sequence select="min((6, 2 + count($head/ancestor::tei:div[not(@type = 'comments')])
                                    + (if ($head/parent::tei:div) then 0 else 1)))"/>
  </xsl:function>

  <!-- Href of a register entry page for a mention. -->
  <xsl:function name="rzh:register-href" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="rz:mention-register($el) || '.html#' || rz:mention-key($el)"/>
  </xsl:function>

  <!-- A note pointed to from the text or standing in the comments list is
       listed; other numbered notes inside running text are collected into
       the notes at the end and leave a reference where they stood. -->
  <xsl:function name="rzh:is-collected-note" as="xs:boolean">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="rz:is-numbered-note($note)
        and empty($note/ancestor::tei:div[@type = 'comments'])
        and empty(rz:anchors-of-note($note))
        and not($note/parent::tei:div or $note/parent::tei:body or $note/parent::tei:back
                or $note/parent::tei:front or $note/parent::tei:text)"/>
  </xsl:function>

  <!-- An id for a node of the document, the same whenever the document is
       rendered: generate-id without the part that names the tree ("d12"
       of "d12e345", the id of its root), which depends on how many trees
       the process has built before. -->
  <xsl:function name="rzh:node-id" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:variable name="id" select="generate-id($node)"/>
    <xsl:sequence select="(substring-after($id, generate-id(root($node)))[.], $id)[1]"/>
  </xsl:function>

  <!-- lang and id of the source element, when it has them. -->
  <xsl:template name="rzh:attrs">
    <xsl:param name="id" as="xs:string?" select="@xml:id"/>
    <xsl:if test="$id"><xsl:attribute name="id" select="$id"/></xsl:if>
    <xsl:if test="@xml:lang"><xsl:attribute name="lang" select="@xml:lang"/></xsl:if>
  </xsl:template>

  <!-- The explanation of a phenomenon, shown on hover and focus. -->
  <xsl:template name="rzh:tip">
    <xsl:param name="text" as="xs:string"/>
    <span class="tip" role="tooltip" id="tip-{rzh:node-id(.)}" data-pagefind-ignore="all">
      <xsl:value-of select="$text"/>
    </span>
  </xsl:template>

  <!-- Attributes of a phenomenon that explains itself: focusable, described. -->
  <xsl:template name="rzh:explained">
    <xsl:attribute name="tabindex">0</xsl:attribute>
    <xsl:attribute name="aria-describedby" select="'tip-' || rzh:node-id(.)"/>
  </xsl:template>

  <!-- Diplomatic-only text (hidden in the reading view, not indexed). -->
  <xsl:template name="rzh:dp">
    <xsl:param name="text" as="xs:string"/>
    <span class="dp" data-pagefind-ignore="all"><xsl:value-of select="$text"/></span>
  </xsl:template>

  <!-- ===== Structure ================================================= -->

  <xsl:template match="tei:text">
    <xsl:apply-templates select="tei:front, tei:body, tei:group, tei:back"/>
  </xsl:template>

  <xsl:template match="tei:front | tei:body | tei:back | tei:group">
    <div class="tei-{local-name()}">
      <xsl:apply-templates/>
    </div>
  </xsl:template>

  <!-- The web page or blog that carried the transcript: kept, set apart. -->
  <xsl:template match="tei:div[@type = 'carrier']" priority="2">
    <xsl:param name="phrasing" tunnel="yes" select="false()"/>
    <details class="carrier">
      <xsl:call-template name="rzh:attrs"/>
      <summary>Text of the web page that carried the transcript (not part of the document)</summary>
      <div class="carrier-body">
        <xsl:apply-templates/>
      </div>
    </details>
  </xsl:template>

  <!-- The analysts' comments: the notes list, linked both ways. -->
  <xsl:template match="tei:div[@type = 'comments']" priority="2">
    <section class="notes comments" aria-labelledby="h-{rzh:node-id(.)}">
      <xsl:call-template name="rzh:attrs"/>
      <h2 id="h-{rzh:node-id(.)}">
        <xsl:value-of select="if (tei:head) then replace(rz:reading-text(tei:head[1]), ':\s*$', '')
                              else 'Comments'"/>
      </h2>
      <xsl:for-each-group select="* except tei:head[1]" group-adjacent="self::tei:note => exists()">
        <xsl:choose>
          <xsl:when test="current-grouping-key()">
            <ol class="notes-list" role="list">
              <xsl:apply-templates select="current-group()" mode="rzh:note-item"/>
            </ol>
          </xsl:when>
          <xsl:otherwise><xsl:apply-templates select="current-group()"/></xsl:otherwise>
        </xsl:choose>
      </xsl:for-each-group>
    </section>
  </xsl:template>

  <xsl:template match="tei:div">
    <xsl:param name="phrasing" tunnel="yes" select="false()"/>
    <xsl:element name="{if ($phrasing) then 'span' else if (tei:head) then 'section' else 'div'}">
      <xsl:attribute name="class" select="string-join(('div', @type ! ('div-' || .), @subtype ! ('div-' || .)), ' ')"/>
      <xsl:call-template name="rzh:attrs"/>
      <xsl:if test="@n and not(tei:head) and not(@type = 'document')">
        <xsl:attribute name="data-n" select="@n"/>
      </xsl:if>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:head">
    <xsl:param name="phrasing" tunnel="yes" select="false()"/>
    <xsl:choose>
      <xsl:when test="$phrasing">
        <span class="head"><xsl:call-template name="rzh:attrs"/><xsl:apply-templates/></span>
      </xsl:when>
      <xsl:when test="parent::tei:div or parent::tei:body or parent::tei:front or parent::tei:back">
        <xsl:element name="h{rzh:heading-level(.)}">
          <xsl:call-template name="rzh:attrs"/>
          <xsl:apply-templates><xsl:with-param name="phrasing" tunnel="yes" select="true()"/></xsl:apply-templates>
        </xsl:element>
      </xsl:when>
      <xsl:otherwise>
        <p class="head"><xsl:call-template name="rzh:attrs"/>
          <xsl:apply-templates><xsl:with-param name="phrasing" tunnel="yes" select="true()"/></xsl:apply-templates>
        </p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Paragraph-like blocks: p when they hold only phrasing, else div. -->
  <xsl:template match="tei:p | tei:ab | tei:dateline | tei:signed | tei:salute | tei:byline
                       | tei:docDate[not(ancestor::tei:p)] | tei:docAuthor[not(ancestor::tei:p)]
                       | tei:trailer | tei:l | tei:speaker | tei:stage[not(ancestor::tei:p)]">
    <xsl:param name="phrasing" tunnel="yes" select="false()"/>
    <xsl:variable name="class" select="string-join((local-name(), @part[. = 'F'] ! 'continued',
                                                    @rend ! ('rend-' || .)), ' ')"/>
    <xsl:choose>
      <xsl:when test="$phrasing">
        <span class="{$class} block"><xsl:call-template name="rzh:attrs"/><xsl:apply-templates/></span>
      </xsl:when>
      <xsl:when test="rzh:has-blocks(.)">
        <div class="{$class}"><xsl:call-template name="rzh:attrs"/><xsl:apply-templates/></div>
      </xsl:when>
      <xsl:otherwise>
        <p class="{$class}">
          <xsl:call-template name="rzh:attrs"/>
          <xsl:if test="@n"><xsl:attribute name="data-n" select="@n"/></xsl:if>
          <xsl:if test="@part = 'F'">
            <span class="ph continued rd">
              <xsl:call-template name="rzh:explained"/>
              <span aria-hidden="true">…</span>
              <xsl:call-template name="rzh:tip">
                <xsl:with-param name="text">Continues from a page that is not in the transcript.</xsl:with-param>
              </xsl:call-template>
            </span>
          </xsl:if>
          <xsl:apply-templates><xsl:with-param name="phrasing" tunnel="yes" select="true()"/></xsl:apply-templates>
        </p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Containers of blocks. -->
  <xsl:template match="tei:opener | tei:closer | tei:postscript | tei:argument | tei:epigraph
                       | tei:lg | tei:sp | tei:listBibl | tei:titlePage | tei:docTitle | tei:figure">
    <xsl:param name="phrasing" tunnel="yes" select="false()"/>
    <xsl:element name="{if ($phrasing) then 'span' else 'div'}">
      <xsl:attribute name="class" select="local-name() || (if ($phrasing) then ' block' else '')"/>
      <xsl:call-template name="rzh:attrs"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:list">
    <xsl:param name="phrasing" tunnel="yes" select="false()"/>
    <xsl:variable name="labelled" select="exists(tei:label)"/>
    <xsl:choose>
      <xsl:when test="$phrasing">
        <span class="list block"><xsl:call-template name="rzh:attrs"/>
          <xsl:for-each select="*"><span class="{local-name()} block"><xsl:apply-templates/></span></xsl:for-each>
        </span>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="tei:head"/>
        <xsl:choose>
          <xsl:when test="$labelled">
            <dl class="list"><xsl:call-template name="rzh:attrs"/>
              <xsl:for-each select="* except tei:head">
                <xsl:element name="{if (self::tei:label) then 'dt' else 'dd'}">
                  <xsl:call-template name="rzh:attrs"/>
                  <xsl:apply-templates/>
                </xsl:element>
              </xsl:for-each>
            </dl>
          </xsl:when>
          <xsl:otherwise>
            <xsl:element name="{if (@rend = ('numbered', 'ordered') or @type = ('ordered', 'numbered')) then 'ol' else 'ul'}">
              <xsl:attribute name="class" select="'list'"/>
              <xsl:call-template name="rzh:attrs"/>
              <xsl:apply-templates select="* except tei:head"/>
            </xsl:element>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:list/tei:item">
    <li><xsl:call-template name="rzh:attrs"/><xsl:apply-templates/></li>
  </xsl:template>

  <!-- A stray non-item child of a list (a milestone, a note) keeps its text. -->
  <xsl:template match="tei:list/*[not(self::tei:item or self::tei:head or self::tei:label)]" priority="-0.4">
    <li class="tei-{local-name()}"><xsl:apply-templates select="." mode="rzh:generic"/></li>
  </xsl:template>

  <xsl:template match="tei:label">
    <span class="label"><xsl:call-template name="rzh:attrs"/><xsl:apply-templates/></span>
  </xsl:template>

  <xsl:template match="tei:table">
    <xsl:param name="phrasing" tunnel="yes" select="false()"/>
    <xsl:choose>
      <xsl:when test="$phrasing">
        <span class="table block"><xsl:apply-templates select="." mode="rzh:generic"/></span>
      </xsl:when>
      <xsl:otherwise>
        <table><xsl:call-template name="rzh:attrs"/>
          <xsl:if test="tei:head"><caption><xsl:apply-templates select="tei:head/node()"/></caption></xsl:if>
          <tbody>
            <xsl:for-each select="tei:row">
              <tr>
                <xsl:for-each select="tei:cell">
                  <xsl:element name="{if (@role = 'label' or ../@role = 'label') then 'th' else 'td'}">
                    <xsl:if test="@cols"><xsl:attribute name="colspan" select="@cols"/></xsl:if>
                    <xsl:if test="@rows"><xsl:attribute name="rowspan" select="@rows"/></xsl:if>
                    <xsl:apply-templates/>
                  </xsl:element>
                </xsl:for-each>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===== Quotation, citation ====================================== -->

  <xsl:template match="tei:quote | tei:q | tei:said | tei:cit">
    <xsl:param name="phrasing" tunnel="yes" select="false()"/>
    <xsl:choose>
      <xsl:when test="not($phrasing) and rzh:has-blocks(.)">
        <blockquote class="{local-name()}"><xsl:call-template name="rzh:attrs"/><xsl:apply-templates/></blockquote>
      </xsl:when>
      <xsl:otherwise>
        <span class="{local-name()}"><xsl:call-template name="rzh:attrs"/>
          <xsl:apply-templates><xsl:with-param name="phrasing" tunnel="yes" select="true()"/></xsl:apply-templates>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:bibl">
    <xsl:param name="phrasing" tunnel="yes" select="false()"/>
    <xsl:choose>
      <xsl:when test="not($phrasing)">
        <p class="bibl"><xsl:call-template name="rzh:attrs"/>
          <xsl:apply-templates><xsl:with-param name="phrasing" tunnel="yes" select="true()"/></xsl:apply-templates>
        </p>
      </xsl:when>
      <xsl:otherwise>
        <cite class="bibl"><xsl:call-template name="rzh:attrs"/><xsl:apply-templates/></cite>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:idno[@type = 'archival']">
    <span class="idno archival"><xsl:call-template name="rzh:attrs"/><xsl:apply-templates/></span>
  </xsl:template>

  <!-- ===== Emphasis, languages ====================================== -->

  <xsl:template match="tei:hi">
    <xsl:variable name="rend" select="tokenize(normalize-space(@rend))"/>
    <xsl:variable name="tag" select="
        if ($rend = ('bold', 'b', 'strong')) then 'b'
        else if ($rend = ('italic', 'i', 'italics')) then 'i'
        else if ($rend = ('sup', 'superscript')) then 'sup'
        else if ($rend = ('sub', 'subscript')) then 'sub'
        else if ($rend = ('underline', 'u')) then 'u'
        else 'span'"/>
    <xsl:variable name="mark" select="if ($tag = 'b') then '**' else if ($tag = 'i') then '*' else ''"/>
    <xsl:if test="$mark"><xsl:call-template name="rzh:dp"><xsl:with-param name="text" select="$mark"/></xsl:call-template></xsl:if>
    <xsl:element name="{$tag}">
      <xsl:if test="$tag = 'span'"><xsl:attribute name="class" select="string-join($rend ! ('rend-' || .), ' ')"/></xsl:if>
      <xsl:call-template name="rzh:attrs"/>
      <xsl:apply-templates/>
    </xsl:element>
    <xsl:if test="$mark"><xsl:call-template name="rzh:dp"><xsl:with-param name="text" select="$mark"/></xsl:call-template></xsl:if>
  </xsl:template>

  <xsl:template match="tei:foreign | tei:emph | tei:title[ancestor::tei:text] | tei:mentioned | tei:soCalled">
    <xsl:element name="{if (self::tei:emph) then 'em' else 'span'}">
      <xsl:attribute name="class" select="local-name()"/>
      <xsl:call-template name="rzh:attrs"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- Struck text (a downgraded banner): struck in both views, with the
       transcript's ~~ ~~ in the diplomatic one. -->
  <xsl:template match="tei:del">
    <xsl:variable name="struck" select="@rend = ('strikethrough', 'overstrike', 'strike')"/>
    <xsl:if test="$struck"><xsl:call-template name="rzh:dp"><xsl:with-param name="text" select="'~~'"/></xsl:call-template></xsl:if>
    <del><xsl:call-template name="rzh:attrs"/><xsl:apply-templates/></del>
    <xsl:if test="$struck"><xsl:call-template name="rzh:dp"><xsl:with-param name="text" select="'~~'"/></xsl:call-template></xsl:if>
  </xsl:template>

  <xsl:template match="tei:add">
    <ins><xsl:call-template name="rzh:attrs"/><xsl:apply-templates/></ins>
  </xsl:template>

  <xsl:template match="tei:lb">
    <br/>
  </xsl:template>

  <xsl:template match="tei:space">
    <xsl:text> </xsl:text>
  </xsl:template>

  <!-- ===== Editorial phenomena ====================================== -->

  <!-- Lost cipher groups: a mark sized by the number of groups. -->
  <xsl:template match="tei:gap">
    <xsl:variable name="reason" select="(@reason, 'unknown')[1]"/>
    <xsl:variable name="label" select="rz:gap-label(.)"/>
    <xsl:variable name="dipl" select="if ($reason = 'redacted') then rz:gap-diplomatic(.) else $label"/>
    <xsl:variable name="n" select="(@quantity[. castable as xs:decimal] ! xs:decimal(.), 0)[1]"/>
    <span class="ph gap gap-{rzh:token($reason)}">
      <xsl:call-template name="rzh:explained"/>
      <xsl:if test="$n gt 0 and @unit = ('group', 'groups')">
        <xsl:attribute name="style" select="'--groups: ' || min(($n, 40))"/>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="$reason = 'redacted'">
          <span class="rd bar">redacted</span>
        </xsl:when>
        <xsl:when test="$label = $dipl">
          <span class="label"><xsl:value-of select="$label"/></span>
        </xsl:when>
        <xsl:otherwise>
          <span class="rd label"><xsl:value-of select="$label"/></span>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:if test="$label != $dipl">
        <xsl:call-template name="rzh:dp"><xsl:with-param name="text" select="$dipl"/></xsl:call-template>
      </xsl:if>
      <xsl:call-template name="rzh:tip"><xsl:with-param name="text" select="rz:gap-explanation(.)"/></xsl:call-template>
    </span>
  </xsl:template>

  <!-- Uncertain recovery: the text, its flag, and "[B% ...]" diplomatically. -->
  <xsl:template match="tei:unclear">
    <xsl:variable name="open" select="rz:unclear-diplomatic-open(.)"/>
    <span class="ph unclear">
      <xsl:call-template name="rzh:explained"/>
      <xsl:call-template name="rzh:attrs"/>
      <xsl:if test="$open"><xsl:call-template name="rzh:dp"><xsl:with-param name="text" select="$open"/></xsl:call-template></xsl:if>
      <span class="unclear-text"><xsl:apply-templates/></span>
      <xsl:if test="$open"><xsl:call-template name="rzh:dp"><xsl:with-param name="text" select="']'"/></xsl:call-template></xsl:if>
      <xsl:if test="rz:unclear-flag(.)">
        <sup class="rd flag" data-pagefind-ignore="all"><xsl:value-of select="rz:unclear-flag(.)"/></sup>
      </xsl:if>
      <xsl:call-template name="rzh:tip"><xsl:with-param name="text" select="rz:unclear-explanation(.)"/></xsl:call-template>
    </span>
  </xsl:template>

  <!-- Supplied text: in angle brackets of its own style when reading,
       the transcript's square brackets diplomatically. -->
  <xsl:template match="tei:supplied">
    <span class="ph supplied supplied-{rzh:token((@reason, 'editor')[1])}">
      <xsl:call-template name="rzh:explained"/>
      <xsl:call-template name="rzh:attrs"/>
      <span class="rd bracket" aria-hidden="true">⟨</span>
      <xsl:call-template name="rzh:dp"><xsl:with-param name="text" select="'['"/></xsl:call-template>
      <span class="supplied-text"><xsl:apply-templates/></span>
      <span class="rd bracket" aria-hidden="true">⟩</span>
      <xsl:call-template name="rzh:dp"><xsl:with-param name="text" select="']'"/></xsl:call-template>
      <xsl:call-template name="rzh:tip"><xsl:with-param name="text" select="rz:supplied-explanation(.)"/></xsl:call-template>
    </span>
  </xsl:template>

  <!-- Translator's English term; its original follows in a note. -->
  <xsl:template match="tei:term">
    <span class="term">
      <xsl:call-template name="rzh:attrs"><xsl:with-param name="id" select="rz:term-id(.)"/></xsl:call-template>
      <xsl:apply-templates/>
    </span>
  </xsl:template>

  <xsl:template match="tei:note[@type = 'original-term']" priority="3">
    <span class="ph original-term">
      <xsl:call-template name="rzh:explained"/>
      <xsl:call-template name="rzh:attrs"/>
      <span class="bracket">[</span><xsl:apply-templates/><span class="bracket">]</span>
      <xsl:call-template name="rzh:tip"><xsl:with-param name="text" select="rz:original-term-explanation(.)"/></xsl:call-template>
    </span>
  </xsl:template>

  <xsl:template match="tei:gloss">
    <span class="gloss"><xsl:call-template name="rzh:attrs"/><xsl:apply-templates/></span>
  </xsl:template>

  <!-- Choices: reading and diplomatic members; an abbreviation keeps its gloss. -->
  <xsl:template match="tei:choice">
    <xsl:variable name="reading" select="rz:choice-reading(.)"/>
    <xsl:variable name="dipl" select="rz:choice-diplomatic(.)"/>
    <span class="ph choice{if (tei:abbr) then ' abbr-gloss' else ''}">
      <xsl:call-template name="rzh:explained"/>
      <xsl:call-template name="rzh:attrs">
        <xsl:with-param name="id" select="if (tei:abbr) then rz:abbr-id(.) else @xml:id"/>
      </xsl:call-template>
      <xsl:choose>
        <xsl:when test="count($reading) = count($dipl)
                        and (every $i in 1 to count($reading) satisfies $reading[$i] is $dipl[$i])">
          <xsl:apply-templates select="$reading" mode="rzh:choice-member"/>
        </xsl:when>
        <xsl:otherwise>
          <span class="rd"><xsl:apply-templates select="$reading" mode="rzh:choice-member"/></span>
          <span class="dp" data-pagefind-ignore="all"><xsl:apply-templates select="$dipl" mode="rzh:choice-member"/></span>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="rzh:tip"><xsl:with-param name="text" select="rz:choice-explanation(.)"/></xsl:call-template>
    </span>
  </xsl:template>

  <xsl:template match="tei:abbr" mode="rzh:choice-member">
    <abbr><xsl:call-template name="rzh:attrs"/><xsl:apply-templates/></abbr>
  </xsl:template>
  <xsl:template match="tei:expan" mode="rzh:choice-member">
    <xsl:text> </xsl:text>
    <span class="expan"><xsl:call-template name="rzh:attrs"/>[<xsl:apply-templates/>]</span>
  </xsl:template>
  <xsl:template match="*" mode="rzh:choice-member">
    <span class="{local-name()}"><xsl:call-template name="rzh:attrs"/><xsl:apply-templates/></span>
  </xsl:template>

  <!-- Standalone abbreviations / corrections outside a choice. -->
  <xsl:template match="tei:abbr | tei:expan | tei:sic | tei:corr | tei:orig | tei:reg">
    <span class="{local-name()}"><xsl:call-template name="rzh:attrs"/><xsl:apply-templates/></span>
  </xsl:template>

  <!-- Declassification exemption code in the margin, resolved on focus. -->
  <xsl:template match="tei:note[@type = 'exemption']" priority="3">
    <xsl:variable name="code" select="rz:exemption-code(.)"/>
    <a class="ph exemption margin" href="glossary.html#exemption-{$code}">
      <xsl:attribute name="aria-describedby" select="'tip-' || rzh:node-id(.)"/>
      <xsl:attribute name="id" select="rz:exemption-id(.)"/>
      <span class="code"><xsl:apply-templates/></span>
      <xsl:call-template name="rzh:tip">
        <xsl:with-param name="text" select="'Exemption ' || $code || ': '
                                            || rz:exemption-meaning(.) || '.'"/>
      </xsl:call-template>
    </a>
  </xsl:template>

  <!-- Banners, page numbers and catchwords of the original: in the margin. -->
  <xsl:template match="tei:fw">
    <xsl:variable name="what" select="
        if (@subtype = 'classification') then 'Classification banner of the original'
          || (if (@type = ('header', 'footer')) then ' (' || @type || ')' else '')
          || (if (tei:del) then ', struck through: the document was downgraded' else '') || '.'
        else if (@type = 'pageNum') then 'Page number of the original.'
        else if (@type = 'catch') then 'Catchword typed at the foot of the page of the original.'
        else 'Printed on the original page' || (@type ! (' (' || . || ')')) || '.'"/>
    <span class="ph fw margin fw-{rzh:token((@type, 'other')[1])}{@subtype ! (' fw-' || rzh:token(.))}">
      <xsl:call-template name="rzh:explained"/>
      <xsl:call-template name="rzh:attrs"/>
      <span class="fw-text"><xsl:apply-templates/></span>
      <xsl:call-template name="rzh:tip"><xsl:with-param name="text" select="$what"/></xsl:call-template>
    </span>
  </xsl:template>

  <xsl:template match="tei:pb">
    <span class="pb" role="separator">
      <xsl:variable name="repeated" select="@n and preceding::tei:pb[@n = current()/@n]"/>
      <xsl:attribute name="id" select="(@xml:id, @n ! ('page-' || rzh:token(.)
                                        || (if ($repeated) then '-' || count(preceding::tei:pb) + 1 else '')))[1]"/>
      <xsl:attribute name="aria-label" select="'Page ' || (@n, '')[1] || ' of the original'"/>
      <xsl:if test="@n"><xsl:attribute name="data-n" select="@n"/></xsl:if>
    </span>
  </xsl:template>

  <xsl:template match="tei:cb | tei:milestone | tei:anchor">
    <xsl:if test="@xml:id"><span id="{@xml:id}" class="{local-name()}"/></xsl:if>
  </xsl:template>

  <!-- ===== Notes ==================================================== -->

  <!-- A reference to an analysts' comment: the corrected number when
       reading, "[11]" as the transcript has it diplomatically. -->
  <xsl:template match="tei:ref[@type = 'noteAnchor']" priority="3">
    <xsl:variable name="note" select="rz:note-of-anchor(.)"/>
    <xsl:variable name="id" select="rz:anchor-id(.)"/>
    <xsl:choose>
      <xsl:when test="$note">
        <a class="noteref" href="#{rz:note-id($note)}" id="{$id}" role="doc-noteref"
           aria-label="{rz:note-kind($note)} {rz:note-label($note)}">
          <sup class="rd"><xsl:value-of select="rz:reading-text(node())"/></sup>
          <span class="dp" data-pagefind-ignore="all">
            <xsl:value-of select="'[' || normalize-space(string-join(
                (if (tei:choice) then rz:choice-diplomatic(tei:choice) else node()) ! string())) || ']'"/>
          </span>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <span class="noteref broken" id="{$id}">[<xsl:apply-templates/>]</span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A note in running text: a reference here, the note in the list. -->
  <xsl:template match="tei:note">
    <xsl:param name="phrasing" tunnel="yes" select="false()"/>
    <xsl:choose>
      <xsl:when test="rzh:is-collected-note(.)">
        <a class="noteref" href="#{rz:note-id(.)}" id="ref-{rz:note-id(.)}" role="doc-noteref"
           aria-label="{rz:note-kind(.)} {rz:note-label(.)}">
          <sup><xsl:value-of select="rz:note-label(.)"/></sup>
        </a>
      </xsl:when>
      <xsl:when test="$phrasing or not(rz:is-numbered-note(.))">
        <span class="note inline-note"><xsl:call-template name="rzh:attrs"/><xsl:apply-templates/></span>
      </xsl:when>
      <xsl:otherwise>
        <aside class="note block-note note-{rzh:token((@type, 'note')[1])}" id="{rz:note-id(.)}"
               aria-label="{rz:note-kind(.)}">
          <xsl:call-template name="rzh:note-label"/>
          <xsl:text> </xsl:text>
          <div class="note-body"><xsl:apply-templates/></div>
          <xsl:call-template name="rzh:backlinks"/>
        </aside>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- One entry of a notes list. -->
  <xsl:template match="tei:note" mode="rzh:note-item">
    <li class="note note-{rzh:token((@type, 'note')[1])}" id="{rz:note-id(.)}">
      <xsl:if test="@xml:lang"><xsl:attribute name="lang" select="@xml:lang"/></xsl:if>
      <xsl:call-template name="rzh:note-label"/>
      <xsl:text> </xsl:text>
      <div class="note-body">
        <xsl:apply-templates><xsl:with-param name="phrasing" tunnel="yes" select="false()"/></xsl:apply-templates>
      </div>
      <xsl:call-template name="rzh:backlinks"/>
    </li>
  </xsl:template>

  <!-- A note's label: its reading (rz:note-label); where the transcript
       wrote it otherwise (a comment's label the OCR misread: label/choice,
       11 for ii), the diplomatic view shows it as written. -->
  <xsl:template name="rzh:note-label">
    <xsl:variable name="reading" select="rz:note-label(.)"/>
    <xsl:variable name="written" select="self::tei:note[@type = 'comment']/tei:label[1]
        ! normalize-space(if (tei:choice) then string-join(rz:choice-diplomatic(tei:choice[1]) ! string())
                          else string(.))"/>
    <span class="note-label">
      <xsl:choose>
        <xsl:when test="$written and $written != $reading">
          <span class="rd"><xsl:value-of select="$reading"/></span>
          <xsl:call-template name="rzh:dp"><xsl:with-param name="text" select="$written"/></xsl:call-template>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="$reading"/></xsl:otherwise>
      </xsl:choose>
    </span>
  </xsl:template>

  <!-- The label itself is shown by rzh:note-label, not in the note's text. -->
  <xsl:template match="tei:note[@type = 'comment']/tei:label" priority="3"/>

  <xsl:template match="*" mode="rzh:note-item">
    <li><xsl:apply-templates select="."/></li>
  </xsl:template>

  <xsl:template name="rzh:backlinks">
    <xsl:variable name="anchors" select="rz:anchors-of-note(.)"/>
    <xsl:variable name="targets" select="if ($anchors) then $anchors ! rz:anchor-id(.)
        else if (rzh:is-collected-note(.)) then 'ref-' || rz:note-id(.) else ()"/>
    <xsl:for-each select="$targets">
      <a class="backlink" href="#{.}" role="doc-backlink"
         aria-label="Back to the reference{if (count($targets) gt 1) then ' ' || position() else ''} in the text">↩<xsl:if
          test="count($targets) gt 1"><sup><xsl:value-of select="position()"/></sup></xsl:if></a>
    </xsl:for-each>
  </xsl:template>

  <!-- ===== Mentions and links ======================================= -->

  <xsl:template match="tei:persName | tei:orgName | tei:placeName | tei:rs | tei:name">
    <xsl:param name="in-link" tunnel="yes" select="false()"/>
    <xsl:variable name="class" select="string-join(('mention', local-name(), @type ! ('type-' || rzh:token(.))), ' ')"/>
    <!-- key and register once per mention: every mention of a long text comes here -->
    <xsl:variable name="linked" select="@ref and not($in-link)"/>
    <xsl:variable name="key" select="if ($linked) then rz:mention-key(.) else ''"/>
    <xsl:variable name="register" select="if ($linked) then rz:mention-register(.) else ''"/>
    <xsl:variable name="in-header" select="$linked and exists(ancestor::tei:teiHeader)"/>
    <xsl:choose>
      <xsl:when test="$in-header">
        <a class="{$class}" href="{$register}.html#{$key}" title="{rz:mention-explanation(.)}">
          <xsl:if test="@xml:lang"><xsl:attribute name="lang" select="@xml:lang"/></xsl:if>
          <xsl:apply-templates><xsl:with-param name="in-link" tunnel="yes" select="true()"/></xsl:apply-templates>
        </a>
      </xsl:when>
      <xsl:when test="self::tei:rs[@type = 'covername'] and not($in-link)">
        <!-- a cover name says whom it stands for (the register's identification) -->
        <xsl:variable name="who" select="if ($linked) then $register-names($key) else ()"/>
        <a class="ph {$class}" href="{rzh:register-href(.)}" id="{rz:mention-id(.)}"
           aria-describedby="tip-{rzh:node-id(.)}">
          <xsl:if test="@xml:lang"><xsl:attribute name="lang" select="@xml:lang"/></xsl:if>
          <xsl:apply-templates><xsl:with-param name="in-link" tunnel="yes" select="true()"/></xsl:apply-templates>
          <xsl:call-template name="rzh:tip">
            <xsl:with-param name="text" select="if ($who) then 'Cover name of ' || $who
                || ' (identification recorded in the persons register).' else 'Cover name, not identified.'"/>
          </xsl:call-template>
        </a>
      </xsl:when>
      <xsl:when test="$linked and not($in-header)">
        <!-- a mention: @ref on one of the matched names, outside the header -->
        <xsl:variable name="who" select="$register-names($key)"/>
        <a class="{$class}" href="{$register}.html#{$key}" id="{rz:mention-id(.)}"
           title="{if ($who) then $who || ' (' || $register || ' register)' else 'See the ' || $register || ' register.'}">
          <xsl:if test="@xml:lang"><xsl:attribute name="lang" select="@xml:lang"/></xsl:if>
          <xsl:apply-templates><xsl:with-param name="in-link" tunnel="yes" select="true()"/></xsl:apply-templates>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <span class="{$class}">
          <xsl:call-template name="rzh:attrs">
            <xsl:with-param name="id" select="if (rz:is-mention(.)) then rz:mention-id(.) else @xml:id"/>
          </xsl:call-template>
          <xsl:apply-templates/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Links: web addresses and ids in this document; anything else (a
       path into a site we do not have) keeps its text only. -->
  <xsl:template match="tei:ref | tei:ptr">
    <xsl:param name="in-link" tunnel="yes" select="false()"/>
    <xsl:variable name="target" select="tokenize(normalize-space(@target))[1]"/>
    <xsl:variable name="local" select="if (starts-with($target, '#')) then substring($target, 2) else ''"/>
    <xsl:choose>
      <xsl:when test="not($in-link) and (matches($target, '^(https?|mailto):') or
                      ($local and exists(root(.)//*[@xml:id = $local]) and empty(root(.)//tei:teiHeader//*[@xml:id = $local])))">
        <a class="ref" href="{$target}">
          <xsl:call-template name="rzh:attrs"/>
          <xsl:apply-templates><xsl:with-param name="in-link" tunnel="yes" select="true()"/></xsl:apply-templates>
          <xsl:if test="self::tei:ptr"><xsl:value-of select="$target"/></xsl:if>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <span class="ref">
          <xsl:call-template name="rzh:attrs"/>
          <xsl:if test="$target"><xsl:attribute name="title" select="$target"/></xsl:if>
          <xsl:apply-templates/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Cyrillic the source did not mark as Russian is marked here, so that
       screen readers and search treat it as Russian. Most documents have
       none: the renderer passes false() for a document whose file holds no
       Cyrillic, which spares a test of every text node. -->
  <xsl:param name="cyrillic" as="xs:boolean" select="true()"/>

  <xsl:template match="tei:text//text()[$cyrillic][matches(., '[&#x0400;-&#x052F;]')]">
    <xsl:choose>
      <xsl:when test="starts-with(rz:lang(..), 'ru')"><xsl:value-of select="."/></xsl:when>
      <xsl:otherwise><span lang="ru"><xsl:value-of select="."/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===== Anything else keeps its text ============================= -->

  <xsl:template match="tei:text//*" priority="-1">
    <xsl:apply-templates select="." mode="rzh:generic"/>
  </xsl:template>

  <xsl:template match="*" mode="rzh:generic">
    <xsl:param name="phrasing" tunnel="yes" select="false()"/>
    <xsl:element name="{if (not($phrasing) and rzh:has-blocks(.)) then 'div' else 'span'}">
      <xsl:attribute name="class" select="'tei-' || local-name()"/>
      <xsl:call-template name="rzh:attrs"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- Elements of other namespaces in a TEI text: text only. -->
  <xsl:template match="*[not(namespace-uri() = 'http://www.tei-c.org/ns/1.0')]" priority="-0.5">
    <xsl:apply-templates/>
  </xsl:template>

  <xsl:template match="comment() | processing-instruction()"/>

</xsl:stylesheet>

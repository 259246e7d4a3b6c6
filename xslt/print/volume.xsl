<?xml version="1.0" encoding="UTF-8"?>
<!--
  The volume: title page, legend of the marks, table of contents (page
  numbers filled in by the renderer through target-counter), the documents in
  date order, the registers and the glossary (entries cite the page of the
  first mention in each document), and the encoding conventions.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:job="urn:rezident:print"
    xmlns:p="urn:rezident:print:functions"
    xmlns:rz="https://rezident.example/ns/functions"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:key name="mentions" match="tei:text//tei:persName[@ref] | tei:text//tei:orgName[@ref] | tei:text//tei:placeName[@ref] | tei:text//tei:rs[@ref] | tei:text//tei:name[@ref]"
      use="tokenize(normalize-space(@ref)) ! replace(., '^.*#', '')"/>

  <!-- Date order; undated documents last, in the order given. -->
  <xsl:function name="p:date-order" as="document-node()*">
    <xsl:param name="documents" as="document-node()*"/>
    <xsl:sequence select="sort($documents, (), function ($d) {
        (rz:sort-date($d/tei:TEI)[.], '~')[1] })"/>
  </xsl:function>

  <xsl:template name="volume">
    <xsl:param name="job" as="element(job:job)"/>
    <xsl:param name="documents" as="document-node()*"/>
    <xsl:variable name="edition" select="$job/job:edition"/>
    <xsl:variable name="ordered" select="p:date-order($documents)"/>
    <xsl:variable name="registers" as="document-node()*"
        select="for $base in $job/job:registers/@href, $name in ('persons', 'organisations', 'places')
                return resolve-uri($name || '.xml', $base)[doc-available(.)] ! doc(.)"/>

    <xsl:call-template name="title-page">
      <xsl:with-param name="edition" select="$edition"/>
      <xsl:with-param name="doc" select="$ordered[1]"/>
    </xsl:call-template>

    <xsl:call-template name="legend"/>

    <nav class="toc" id="contents">
      <h1 class="front-title">Contents</h1>
      <ol class="toc-documents">
        <xsl:for-each select="$ordered">
          <li>
            <a href="#{p:doc-id(.)}">
              <span class="toc-date">{rz:date-label(tei:TEI)}</span>
              <span class="toc-title">{rz:title(tei:TEI)}</span>
            </a>
          </li>
        </xsl:for-each>
      </ol>
      <ol class="toc-back">
        <xsl:for-each select="$registers">
          <li><a href="#register-{p:register-name(.)}"><span class="toc-title">{p:register-title(.)}</span></a></li>
        </xsl:for-each>
        <xsl:if test="p:has-glossary($ordered)">
          <li><a href="#glossary"><span class="toc-title">Glossary</span></a></li>
        </xsl:if>
        <li><a href="#conventions"><span class="toc-title">Encoding conventions</span></a></li>
      </ol>
    </nav>

    <div class="documents">
      <xsl:apply-templates select="$ordered ! tei:TEI" mode="document">
        <xsl:with-param name="edition" select="$edition" tunnel="yes"/>
      </xsl:apply-templates>
    </div>

    <xsl:for-each select="$registers">
      <xsl:call-template name="register">
        <xsl:with-param name="register" select="."/>
        <xsl:with-param name="documents" select="$ordered"/>
      </xsl:call-template>
    </xsl:for-each>

    <xsl:call-template name="glossary">
      <xsl:with-param name="documents" select="$ordered"/>
    </xsl:call-template>

    <xsl:call-template name="conventions">
      <xsl:with-param name="documents" select="$ordered"/>
    </xsl:call-template>
  </xsl:template>

  <!-- ======================================================== title page -->

  <xsl:template name="title-page">
    <xsl:param name="edition" as="element(job:edition)?"/>
    <xsl:param name="doc" as="document-node()?"/>
    <xsl:variable name="editors" select="p:editors($edition, $doc)"/>
    <xsl:variable name="licence" select="p:licence($edition, $doc)"/>
    <xsl:variable name="publication" select="$doc/tei:TEI/tei:teiHeader/tei:fileDesc/tei:publicationStmt"/>
    <section class="title-page" id="title-page">
      <h1 class="volume-title">{p:edition-title($edition, $doc)}</h1>
      <xsl:if test="exists($editors)">
        <p class="editors">Edited by {string-join($editors, ', ')}</p>
      </xsl:if>
      <xsl:if test="normalize-space($edition/@description)">
        <p class="description">{normalize-space($edition/@description)}</p>
      </xsl:if>
      <div class="imprint">
        <p>{string-join((normalize-space(($edition/@publisher, $publication/tei:publisher)[normalize-space()][1]),
                         normalize-space(($edition/@pub-place, $publication/tei:pubPlace)[normalize-space()][1]))[.], ' · ')}</p>
        <p>
          <xsl:value-of select="string-join(($edition/@version[normalize-space()] ! ('Version ' || .),
                                             $edition/@date[normalize-space()] ! rz:format-iso(.)), ' · ')"/>
        </p>
        <xsl:if test="$licence?name or $licence?url">
          <p class="licence">Licence: {$licence?name}<xsl:if test="$licence?url"><br/>{$licence?url}</xsl:if></p>
        </xsl:if>
        <p class="embedded">The TEI source of every document is embedded in this PDF.</p>
      </div>
    </section>
  </xsl:template>

  <!-- ========================================================= registers -->

  <xsl:function name="p:register-name" as="xs:string">
    <xsl:param name="register" as="document-node()"/>
    <xsl:sequence select="replace(tokenize(base-uri($register), '/')[last()], '\.xml$', '')"/>
  </xsl:function>

  <xsl:function name="p:register-title" as="xs:string">
    <xsl:param name="register" as="document-node()"/>
    <xsl:variable name="head" select="normalize-space(($register//(tei:listPerson | tei:listOrg | tei:listPlace)/tei:head)[1])"/>
    <xsl:variable name="name" select="p:register-name($register)"/>
    <xsl:sequence select="if ($head) then $head
        else if ($name = 'persons') then 'Persons'
        else if ($name = 'organisations') then 'Organisations'
        else if ($name = 'places') then 'Places'
        else p:capitalize($name)"/>
  </xsl:function>

  <!-- The main name of an entry, then its other names with their kind. -->
  <xsl:function name="p:entry-names" as="element()*">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="$entry/(tei:persName | tei:orgName | tei:placeName | tei:name | tei:settlement | tei:country)"/>
  </xsl:function>

  <!-- Entries sort by an explicit @sortKey, else by the last word of the
       main name (the surname, as an index of persons has it). -->
  <xsl:function name="p:entry-sort-key" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="main" select="normalize-space(p:entry-names($entry)[1])"/>
    <xsl:sequence select="lower-case(($entry/@sortKey, p:entry-names($entry)[1]/@sortKey,
        if ($entry/self::tei:person) then (tokenize($main)[last()] || ' ' || $main) else $main)[normalize-space()][1])"/>
  </xsl:function>

  <xsl:function name="p:name-kind" as="xs:string">
    <xsl:param name="name" as="element()"/>
    <xsl:sequence select="if (not($name/@type) or $name/@type = ('main', 'variant', 'full')) then ''
                          else ' (' || replace(replace($name/@type, 'covername', 'cover name'), '-', ' ') || ')'"/>
  </xsl:function>

  <xsl:template name="register">
    <xsl:param name="register" as="document-node()"/>
    <xsl:param name="documents" as="document-node()*"/>
    <xsl:variable name="entries" select="$register//(tei:person | tei:personGrp | tei:org | tei:place)[@xml:id]"/>
    <section class="register" id="register-{p:register-name($register)}">
      <h1 class="back-title">{p:register-title($register)}</h1>
      <xsl:for-each select="$entries">
        <xsl:sort select="p:entry-sort-key(.)"/>
        <xsl:variable name="names" select="p:entry-names(.)"/>
        <div class="entry">
          <span class="entry-name">{normalize-space(($names[1], @xml:id)[1])}</span>
          <xsl:variable name="main" select="normalize-space($names[1])"/>
          <xsl:variable name="others" select="distinct-values($names[position() gt 1][normalize-space() ne $main]
              ! (normalize-space() || p:name-kind(.)))"/>
          <xsl:if test="exists($others)">
            <span class="entry-variants">; also {string-join($others, '; ')}</span>
          </xsl:if>
          <xsl:variable name="about" select="* except $names"/>
          <xsl:if test="normalize-space(string-join($about))">
            <span class="entry-about">. <xsl:apply-templates select="$about" mode="register-about"/></span>
          </xsl:if>
          <xsl:call-template name="page-references">
            <xsl:with-param name="occurrences" select="$documents ! key('mentions', current()/@xml:id, .)"/>
          </xsl:call-template>
        </div>
      </xsl:for-each>
    </section>
  </xsl:template>

  <xsl:template match="*" mode="register-about">
    <xsl:if test="normalize-space()">
      <xsl:apply-templates mode="text"/>
      <xsl:text> </xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- The pages of an entry: the first occurrence in each document (every
       document starts on a page of its own, so no page repeats). -->
  <xsl:template name="page-references">
    <xsl:param name="occurrences" as="element()*"/>
    <xsl:variable name="firsts" as="element()*">
      <xsl:for-each-group select="$occurrences" group-by="p:doc-id(root(.))">
        <xsl:sequence select="current-group()[1]"/>
      </xsl:for-each-group>
    </xsl:variable>
    <xsl:if test="exists($firsts)">
      <span class="entry-refs">
        <xsl:text>, </xsl:text>
        <xsl:for-each select="$firsts">
          <xsl:if test="position() gt 1"><xsl:text>, </xsl:text></xsl:if>
          <a class="pageref" href="#{p:uid(.)}"/>
        </xsl:for-each>
      </span>
    </xsl:if>
  </xsl:template>

  <!-- ========================================================== glossary -->

  <!-- Is there anything for the glossary (original terms, abbreviations, exemption codes)? -->
  <xsl:function name="p:has-glossary" as="xs:boolean">
    <xsl:param name="documents" as="document-node()*"/>
    <xsl:sequence select="exists($documents//tei:text//(tei:note[@type = ('original-term', 'exemption')]
                                 | tei:choice[tei:abbr and tei:expan]))"/>
  </xsl:function>

  <xsl:template name="glossary">
    <xsl:param name="documents" as="document-node()*"/>
    <xsl:if test="p:has-glossary($documents)">
    <xsl:variable name="originals" select="$documents ! (.//tei:text//tei:note[@type = 'original-term'])"/>
    <xsl:variable name="abbreviations" select="$documents ! (.//tei:text//tei:choice[tei:abbr and tei:expan])"/>
    <xsl:variable name="codes" select="distinct-values($documents//tei:text//tei:note[@type = 'exemption'] ! rz:exemption-code(.))"/>
    <section class="glossary" id="glossary">
      <h1 class="back-title">Glossary</h1>
      <xsl:if test="$originals">
        <h2 class="back-section">Original terms</h2>
        <p class="glossary-intro">Transliterated Russian terms the translators gave after their English rendering.</p>
        <xsl:for-each-group select="$originals" group-by="normalize-space()">
          <xsl:sort select="lower-case(current-grouping-key())"/>
          <div class="entry">
            <span class="entry-name foreign" lang="{(rz:lang(*[1]), 'ru-Latn')[.][1]}">{current-grouping-key()}</span>
            <xsl:variable name="english" select="distinct-values(current-group() ! p:original-term-english(.))"/>
            <xsl:if test="exists($english)">: {string-join($english, '; ')}</xsl:if>
            <xsl:call-template name="page-references">
              <xsl:with-param name="occurrences" select="current-group()"/>
            </xsl:call-template>
          </div>
        </xsl:for-each-group>
      </xsl:if>
      <xsl:if test="$abbreviations">
        <h2 class="back-section">Abbreviations</h2>
        <xsl:for-each-group select="$abbreviations" group-by="normalize-space(tei:abbr)">
          <xsl:sort select="lower-case(current-grouping-key())"/>
          <div class="entry">
            <span class="entry-name abbr">{current-grouping-key()}</span>
            <xsl:text>: {string-join(distinct-values(current-group()/tei:expan ! normalize-space()), '; ')}</xsl:text>
            <xsl:call-template name="page-references">
              <xsl:with-param name="occurrences" select="current-group()"/>
            </xsl:call-template>
          </div>
        </xsl:for-each-group>
      </xsl:if>
      <xsl:if test="exists($codes)">
        <h2 class="back-section">Exemption codes</h2>
        <p class="glossary-intro">Codes stamped beside text withheld at declassification.</p>
        <xsl:for-each select="sort($codes)">
          <xsl:variable name="code" select="."/>
          <div class="entry">
            <span class="entry-name">{$code}</span>
            <xsl:text>: {replace(rz:exemption-meaning(($documents ! (.//tei:note[@type = 'exemption'][rz:exemption-code(.) = $code]))[1]), '^' || $code || ':\s*', '')}</xsl:text>
          </div>
        </xsl:for-each>
      </xsl:if>
    </section>
    </xsl:if>
  </xsl:template>

  <xsl:function name="p:original-term-english" as="xs:string?">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="$note/preceding-sibling::*[1][self::tei:term] ! normalize-space()"/>
  </xsl:function>


  <!-- ================================================= encoding conventions -->

  <!-- Each distinct statement of the documents' project and editorial
       declarations once; one that does not hold for every document names
       the documents it is made for. -->
  <xsl:template name="conventions">
    <xsl:param name="documents" as="document-node()*"/>
    <section class="conventions" id="conventions">
      <h1 class="back-title">Encoding conventions</h1>
      <p>The documents are encoded in TEI P5. The editorial marks are explained at the front of the volume (p. <a class="pageref" href="#legend"/>).</p>
      <xsl:for-each select="'projectDesc', 'editorialDecl'">
        <xsl:variable name="name" select="."/>
        <xsl:variable name="statements" select="$documents ! (tei:TEI/tei:teiHeader/tei:encodingDesc/*[local-name() = $name]
            /descendant::*[self::tei:p or self::tei:item][not(descendant::tei:p or descendant::tei:item)])"/>
        <xsl:if test="exists($statements)">
          <h2 class="back-section">{if ($name = 'projectDesc') then 'The project' else 'Editorial conventions'}</h2>
          <xsl:for-each-group select="$statements" group-by="normalize-space()">
            <xsl:variable name="docs" select="distinct-values(current-group() ! p:doc-id(root(.)))"/>
            <div class="convention">
              <p><xsl:apply-templates select="current-group()[1]/node()" mode="text"/>
                <xsl:if test="count($docs) lt count($documents)">
                  <span class="applies"> ({string-join(current-group() ! rz:title(root(.)/tei:TEI) => distinct-values(), '; ')})</span>
                </xsl:if>
              </p>
            </div>
          </xsl:for-each-group>
        </xsl:if>
      </xsl:for-each>
    </section>
  </xsl:template>

</xsl:stylesheet>

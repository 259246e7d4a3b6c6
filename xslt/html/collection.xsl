<?xml version="1.0" encoding="UTF-8"?>
<!--
  The pages about the whole edition, built from the documents' summaries
  (summary.xsl) and never from the documents themselves: index, registers
  (persons, organisations, places), glossary, statistics, encoding, search.

  Global context item: <summaries> holding one <summary> per document.
  Each page is a named template (the renderer calls them in turn). An
  entry mentioned in many documents gets a page of its own, in a folder
  (persons/<id>.html, glossary/term-<slug>.html): the template entry-pages
  lists them and entry-page makes one (the renderer calls it once each).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:rng="http://relaxng.org/ns/structure/1.0"
    xmlns:a="http://relaxng.org/ns/compatibility/annotations/1.0"
    xmlns:s="https://rezident.example/ns/summary"
    xmlns:rz="https://rezident.example/ns/functions"
    xmlns:rzh="https://rezident.example/ns/html"
    xmlns:svg="http://www.w3.org/2000/svg"
    exclude-result-prefixes="#all">

  <xsl:import href="../common/core.xsl"/>
  <xsl:import href="page.xsl"/>
  <xsl:import href="text.xsl"/>

  <xsl:global-context-item as="document-node()" use="required"/>

  <!-- file: URI of the registers folder, ending in "/" ('' when none). -->
  <xsl:param name="registers-dir" as="xs:string" select="''"/>
  <!-- file: URI of schema/rezident.rng ('' when none). -->
  <xsl:param name="schema-uri" as="xs:string" select="''"/>
  <!-- An entry of a register or the glossary whose mentions (occurrences)
       fall in more than this many documents gets a page of its own listing
       them; its entry says how many documents and links there. Up to this
       many it lists them itself: about a screenful, and a list the reader
       can take in at once. A register page then grows with its entries,
       not with the number of documents (on 10,000 documents, the glossary
       listed every occurrence in 16 MB). -->
  <xsl:param name="inline-documents" as="xs:integer" select="25"/>

  <xsl:variable name="summaries" select="/s:summaries/s:summary"/>
  <!-- The renderer puts each distinct encodingDesc in once (s:encoding)
       and has the summaries point to it; a summary may also hold its own. -->
  <xsl:key name="summaries-by-encoding" match="s:summary" use="s:encoding/@ref"/>
  <xsl:key name="mentions" match="s:mention" use="@key"/>
  <!-- a register's mentions: a key, not a scan of all summaries, since
       several pages (and calls) ask for them -->
  <xsl:key name="mentions-in" match="s:mention" use="@register"/>
  <xsl:key name="exemptions" match="s:exemption" use="@code"/>
  <!-- The key of a term: its original, else the term as written, case
       aside (rzh:term-keys lists them). Spelt out, not a function: Saxon
       keeps an index from one call of the stylesheet to the next (one per
       entry page) only when its use expression calls no stylesheet
       function; else it is built again each time (0.2 s on 10,000
       documents). -->
  <xsl:key name="terms" match="s:term" use="upper-case(if (@original != '') then @original else normalize-space())"/>
  <xsl:key name="abbrs" match="s:abbr" use="normalize-space()"/>

  <xsl:variable name="registers" as="map(xs:string, element()*)" select="map {
      'persons': rzh:register-entries('persons.xml', 'person'),
      'organisations': rzh:register-entries('organisations.xml', 'org'),
      'places': rzh:register-entries('places.xml', 'place') }"/>

  <xsl:function name="rzh:register-entries" as="element()*">
    <xsl:param name="file" as="xs:string"/>
    <xsl:param name="element" as="xs:string"/>
    <xsl:variable name="uri" select="if ($registers-dir) then resolve-uri($file, $registers-dir) else ''"/>
    <xsl:sequence select="if ($uri and doc-available($uri))
                          then doc($uri)//tei:*[local-name() = $element][@xml:id] else ()"/>
  </xsl:function>

  <!-- The pages that list many documents' mentions and terms write their
       content straight into the page (rzh:page applies this template to
       the collection), not into a temporary tree rzh:page would copy: on
       a large edition the copy costs as much as the content. -->
  <xsl:variable name="rzh:collection" select="/"/>

  <xsl:template match="document-node()" mode="rzh:page-content">
    <xsl:param name="rzh:part" tunnel="yes" as="xs:string"/>
    <xsl:choose>
      <xsl:when test="$rzh:part = 'register'"><xsl:call-template name="rzh:register-content"/></xsl:when>
      <xsl:when test="$rzh:part = 'glossary'"><xsl:call-template name="rzh:glossary-content"/></xsl:when>
      <xsl:when test="$rzh:part = 'entry'"><xsl:call-template name="rzh:entry-content"/></xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- ===== Index ===================================================== -->

  <xsl:template name="index">
    <xsl:call-template name="rzh:page">
      <xsl:with-param name="title" select="$edition-title"/>
      <xsl:with-param name="name" select="'index'"/>
      <xsl:with-param name="content">
        <h1><xsl:value-of select="$edition-title"/></h1>
        <p class="lead"><xsl:value-of select="count($summaries)"/> document<xsl:if test="count($summaries) ne 1">s</xsl:if>, in date order.
          Each has its page, its TEI source and its PDF; the whole edition is also <a href="../pdf/edition.pdf" type="application/pdf">one PDF volume</a>.</p>
        <table class="index">
          <caption class="visually-hidden">The documents of the edition in date order</caption>
          <thead>
            <tr><th scope="col">Date</th><th scope="col">Title</th><th scope="col">Kind</th>
                <th scope="col">Classification</th><th scope="col">From</th><th scope="col">To</th></tr>
          </thead>
          <tbody>
            <xsl:for-each select="$summaries">
              <xsl:sort select="if (@sort-date = '') then 1 else 0"/>
              <xsl:sort select="@sort-date"/>
              <xsl:sort select="@title" lang="en"/>
              <tr>
                <td class="date"><xsl:if test="@sort-date != ''"><time datetime="{@sort-date}"><xsl:value-of select="@date"/></time></xsl:if>
                  <xsl:if test="@sort-date = ''"><xsl:value-of select="@date"/></xsl:if></td>
                <th scope="row"><a href="{@href}"><xsl:value-of select="@title"/></a></th>
                <td><xsl:value-of select="@kind"/></td>
                <td><xsl:value-of select="@classification"/></td>
                <td><xsl:value-of select="@sender"/></td>
                <td><xsl:value-of select="@addressee"/></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- ===== Registers ================================================= -->

  <xsl:template name="persons">
    <xsl:call-template name="rzh:register">
      <xsl:with-param name="name" select="'persons'"/>
      <xsl:with-param name="title" select="'Persons'"/>
      <xsl:with-param name="intro">Every person named in the documents, with the variant spellings and cover names under which they appear. Identifications of cover names are the analysts’ or the editors’, as the entry says.</xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="organisations">
    <xsl:call-template name="rzh:register">
      <xsl:with-param name="name" select="'organisations'"/>
      <xsl:with-param name="title" select="'Organisations'"/>
      <xsl:with-param name="intro">Organisations named in the documents, with their other names and abbreviations.</xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="places">
    <xsl:call-template name="rzh:register">
      <xsl:with-param name="name" select="'places'"/>
      <xsl:with-param name="title" select="'Places'"/>
      <xsl:with-param name="intro">Places named in the documents.</xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="rzh:register">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="intro" as="xs:string"/>
    <xsl:variable name="entries" select="$registers($name)"/>
    <xsl:variable name="mentions" select="key('mentions-in', $name, $rzh:collection)"/>
    <xsl:variable name="unlisted" select="rzh:unlisted($name, $mentions, $entries)"/>
    <xsl:call-template name="rzh:page">
      <xsl:with-param name="title" select="$title"/>
      <xsl:with-param name="name" select="$name"/>
      <xsl:with-param name="content-of" select="$rzh:collection"/>
      <xsl:with-param name="rzh:part" tunnel="yes" select="'register'"/>
      <xsl:with-param name="rzh:register" tunnel="yes" select="$name"/>
      <xsl:with-param name="rzh:title" tunnel="yes" select="$title"/>
      <xsl:with-param name="rzh:intro" tunnel="yes" select="$intro"/>
      <xsl:with-param name="rzh:entries" tunnel="yes" select="$entries"/>
      <xsl:with-param name="rzh:mentions" tunnel="yes" select="$mentions"/>
      <xsl:with-param name="rzh:unlisted" tunnel="yes" select="$unlisted"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="rzh:register-content">
    <xsl:param name="rzh:title" tunnel="yes" as="xs:string"/>
    <xsl:param name="rzh:intro" tunnel="yes" as="xs:string"/>
    <xsl:param name="rzh:entries" tunnel="yes" as="element()*"/>
    <xsl:param name="rzh:mentions" tunnel="yes" as="element()*"/>
    <xsl:param name="rzh:unlisted" tunnel="yes" as="element()*"/>
    <xsl:param name="rzh:register" tunnel="yes" as="xs:string"/>
    <xsl:variable name="title" select="$rzh:title"/>
    <xsl:variable name="intro" select="$rzh:intro"/>
    <xsl:variable name="entries" select="$rzh:entries"/>
    <xsl:variable name="mentions" select="$rzh:mentions"/>
    <xsl:variable name="unlisted" select="$rzh:unlisted"/>
        <h1><xsl:value-of select="$title"/></h1>
        <p class="lead"><xsl:value-of select="$intro"/></p>
        <xsl:if test="empty($entries) and empty($mentions)">
          <p>No entries.</p>
        </xsl:if>
        <xsl:if test="exists($entries)">
          <ul class="register" role="list">
            <xsl:for-each select="$entries">
              <xsl:sort select="lower-case(rzh:sort-name(.))" lang="en"/>
              <xsl:apply-templates select="." mode="rzh:register-entry"/>
            </xsl:for-each>
          </ul>
        </xsl:if>
        <xsl:if test="exists($unlisted)">
          <h2><xsl:value-of select="if (exists($entries)) then 'Mentioned but not in the register' else 'Mentions'"/></h2>
          <ul class="register" role="list">
            <xsl:for-each-group select="$unlisted" group-by="@key">
              <xsl:sort select="lower-case(current-grouping-key())" lang="en"/>
              <xsl:variable name="name" select="rzh:unlisted-name(current-group())"/>
              <li class="entry" id="{current-grouping-key()}">
                <h3><xsl:value-of select="$name"/></h3>
                <p class="entry-id">Identifier: <code><xsl:value-of select="current-grouping-key()"/></code></p>
                <xsl:call-template name="rzh:mentions-or-page">
                  <xsl:with-param name="items" select="current-group()"/>
                  <xsl:with-param name="href" select="rzh:entry-href($rzh:register, current-grouping-key())"/>
                  <xsl:with-param name="name" select="$name"/>
                </xsl:call-template>
              </li>
            </xsl:for-each-group>
          </ul>
        </xsl:if>
  </xsl:template>

  <!-- Persons sort by surname (the surname element, else the last word of
       the main name); organisations and places by their name. -->
  <xsl:function name="rzh:sort-name" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="name" select="rzh:entry-name($entry)"/>
    <xsl:sequence select="
        if ($entry/self::tei:person) then
          string-join((($entry/tei:persName/tei:surname)[1] ! normalize-space(),
                       tokenize($name)[last()], $name)[.][1] || ' ' || $name)
        else $name"/>
  </xsl:function>

  <xsl:function name="rzh:entry-name" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="names" select="$entry/(tei:persName | tei:orgName | tei:placeName | tei:name)"/>
    <xsl:sequence select="normalize-space(string-join((($names[@type = ('main', 'reg', 'preferred')], $names[not(@type)], $names)[1])
                                         //text(), ' ') => replace('\s+([,.])', '$1'))"/>
  </xsl:function>

  <!-- The mentions of a register whose keys are none of its entries, key
       by key: the keys are compared with the entries once each, not once
       per mention (60,000 mentions of 10,000 documents). -->
  <xsl:function name="rzh:unlisted" as="element()*">
    <xsl:param name="register" as="xs:string"/>
    <xsl:param name="mentions" as="element()*"/>
    <xsl:param name="entries" as="element()*"/>
    <xsl:sequence select="distinct-values($mentions/@key)[not(. = $entries/@xml:id)]
                          ! key('mentions', ., $rzh:collection)[@register = $register]"/>
  </xsl:function>

  <!-- The heading of a key mentioned but not in the register: the names it is mentioned by. -->
  <xsl:function name="rzh:unlisted-name" as="xs:string">
    <xsl:param name="mentions" as="element()+"/>
    <xsl:sequence select="string-join(distinct-values($mentions ! normalize-space()), ', ')"/>
  </xsl:function>

  <xsl:template match="*" mode="rzh:register-entry">
    <xsl:param name="rzh:register" tunnel="yes" as="xs:string"/>
    <xsl:variable name="id" select="string(@xml:id)"/>
    <xsl:variable name="main" select="rzh:entry-name(.)"/>
    <xsl:variable name="names" select="(tei:persName | tei:orgName | tei:placeName | tei:name)"/>
    <xsl:variable name="mentions" select="$summaries[1] ! key('mentions', $id, root(.))"/>
    <li class="entry" id="{$id}">
      <h2><xsl:value-of select="$main"/></h2>
      <xsl:variable name="others" select="$names[normalize-space(string-join(.//text(), ' ')) ne $main]"/>
      <xsl:if test="$others">
        <dl class="names">
          <xsl:for-each-group select="$others" group-by="(@type, 'other')[1]">
            <div class="row">
              <dt><xsl:value-of select="rzh:name-type-label(current-grouping-key(), count(current-group()))"/></dt>
              <dd>
                <xsl:for-each select="current-group()">
                  <xsl:if test="position() gt 1">, </xsl:if>
                  <span>
                    <xsl:call-template name="rzh:lang-of-name"/>
                    <xsl:value-of select="normalize-space(string-join(.//text(), ' '))"/>
                  </span>
                </xsl:for-each>
              </dd>
            </div>
          </xsl:for-each-group>
        </dl>
      </xsl:if>
      <xsl:for-each select="* except $names">
        <xsl:if test="normalize-space(.)">
          <p class="entry-{local-name()}"><xsl:apply-templates mode="rzh:register-text"/></p>
        </xsl:if>
      </xsl:for-each>
      <xsl:choose>
        <xsl:when test="$mentions">
          <xsl:call-template name="rzh:mentions-or-page">
            <xsl:with-param name="items" select="$mentions"/>
            <xsl:with-param name="href" select="rzh:entry-href($rzh:register, $id)"/>
            <xsl:with-param name="name" select="$main"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise><p class="no-mentions">Not mentioned in the documents of this edition.</p></xsl:otherwise>
      </xsl:choose>
    </li>
  </xsl:template>

  <!-- lang of a name: its own, else Russian when written in Cyrillic; none
       when it is English, the language of the page (a register lists
       thousands of names: each spared attribute and test counts). -->
  <xsl:template name="rzh:lang-of-name">
    <xsl:variable name="declared" select="string((@xml:lang, @lang)[1])"/>
    <xsl:choose>
      <xsl:when test="not(starts-with($declared, 'ru')) and rzh:in-cyrillic(string(.))">
        <xsl:attribute name="lang" select="'ru'"/>
      </xsl:when>
      <xsl:when test="$declared and $declared != 'en'"><xsl:attribute name="lang" select="$declared"/></xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- Whether a name is written in Cyrillic; names repeat thousands of
       times in a large edition's registers, hence the cache. -->
  <xsl:function name="rzh:in-cyrillic" as="xs:boolean" cache="yes">
    <xsl:param name="name" as="xs:string"/>
    <xsl:sequence select="matches($name, '[&#x0400;-&#x052F;]')"/>
  </xsl:function>

  <!-- Text of a register entry: plain, but a pointer into a document of
       the edition (../<id>.xml#note-iv) becomes a link to its page. -->
  <xsl:template match="tei:ref[matches(@target, '^(\.\./)?[^/#]+\.xml(#.+)?$')]" mode="rzh:register-text">
    <a href="{replace(@target, '^(\.\./)?([^/#]+)\.xml', '$2.html')}"><xsl:value-of select="normalize-space()"/></a>
  </xsl:template>
  <xsl:template match="*" mode="rzh:register-text">
    <xsl:apply-templates mode="rzh:register-text"/>
  </xsl:template>
  <xsl:template match="text()" mode="rzh:register-text">
    <xsl:value-of select="replace(., '\s+', ' ')"/>
  </xsl:template>

  <xsl:function name="rzh:name-type-label" as="xs:string">
    <xsl:param name="type" as="xs:string"/>
    <xsl:param name="count" as="xs:integer"/>
    <xsl:variable name="one" select="
        if ($type = 'covername') then 'Cover name'
        else if ($type = 'variant') then 'Variant spelling'
        else if ($type = ('abbr', 'abbreviation')) then 'Abbreviation'
        else if ($type = 'alt') then 'Other name'
        else rz:capitalize(replace($type, '-', ' '))"/>
    <xsl:sequence select="if ($count gt 1) then rz:plural($one) else $one"/>
  </xsl:function>

  <!-- Every mention, grouped by document in date order; $base leads from
       the page to the documents ('../' on an entry page). -->
  <xsl:template name="rzh:mention-list">
    <xsl:param name="mentions" as="element()*"/>
    <xsl:param name="base" as="xs:string" select="''"/>
    <ul class="mentions">
      <xsl:for-each-group select="$mentions" group-by="../@id">
        <xsl:sort select="../@sort-date"/>
        <xsl:variable name="doc" select="current-group()[1]/.."/>
        <li>
          <a href="{$base}{$doc/@href}"><xsl:value-of select="$doc/@title"/></a>
          <xsl:if test="$doc/@date != 'undated'"> (<xsl:value-of select="$doc/@date"/>)</xsl:if>
          <xsl:text>: </xsl:text>
          <xsl:for-each select="current-group()">
            <xsl:if test="position() gt 1">, </xsl:if>
            <a href="{$base}{$doc/@href}#{@id}">
              <xsl:call-template name="rzh:lang-of-name"/>
              <xsl:value-of select="normalize-space()"/>
            </a>
            <xsl:if test="@type = 'covername'"> (cover name)</xsl:if>
          </xsl:for-each>
        </li>
      </xsl:for-each-group>
    </ul>
  </xsl:template>

  <!-- ===== Glossary =================================================== -->

  <xsl:template name="glossary">
    <xsl:variable name="terms" select="$summaries/s:term"/>
    <xsl:variable name="abbrs" select="$summaries/s:abbr"/>
    <xsl:call-template name="rzh:page">
      <xsl:with-param name="title" select="'Glossary'"/>
      <xsl:with-param name="name" select="'glossary'"/>
      <xsl:with-param name="content-of" select="$rzh:collection"/>
      <xsl:with-param name="rzh:part" tunnel="yes" select="'glossary'"/>
      <xsl:with-param name="rzh:terms" tunnel="yes" select="$terms"/>
      <xsl:with-param name="rzh:abbrs" tunnel="yes" select="$abbrs"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="rzh:glossary-content">
    <xsl:param name="rzh:terms" tunnel="yes" as="element()*"/>
    <xsl:param name="rzh:abbrs" tunnel="yes" as="element()*"/>
    <xsl:variable name="terms" select="$rzh:terms"/>
    <xsl:variable name="abbrs" select="$rzh:abbrs"/>
        <h1>Glossary</h1>
        <p class="lead">The original-language terms the translators kept beside their English, the abbreviations they glossed, and the declassification exemption codes.</p>
        <nav aria-label="Glossary sections" class="toc">
          <ul>
            <li><a href="#terms">Original terms</a></li>
            <li><a href="#abbreviations">Abbreviations</a></li>
            <li><a href="#exemption-codes">Exemption codes</a></li>
          </ul>
        </nav>
        <section aria-labelledby="terms">
          <h2 id="terms">Original terms</h2>
          <xsl:choose>
            <xsl:when test="$terms">
              <dl class="glossary">
                <xsl:for-each select="map:keys($rzh:term-ids)">
                  <xsl:sort select="." lang="en"/>
                  <xsl:variable name="group" select="key('terms', ., $rzh:collection)"/>
                  <xsl:variable name="first" select="$group[1]"/>
                  <xsl:variable name="id" select="$rzh:term-ids(.)"/>
                  <div class="row" id="{$id}">
                    <dt><xsl:apply-templates select="$first" mode="rzh:glossary-name"/></dt>
                    <dd>
                      <xsl:if test="$first/@original != ''">
                        <p>Rendered as <xsl:value-of select="string-join(distinct-values($group ! ('“' || normalize-space() || '”')), ', ')"/>
                          <xsl:if test="$first/@lang != ''"> (<xsl:value-of select="rz:language-name($first/@lang)"/>)</xsl:if>.</p>
                      </xsl:if>
                      <xsl:call-template name="rzh:mentions-or-page">
                        <xsl:with-param name="items" select="$group"/>
                        <xsl:with-param name="href" select="rzh:entry-href('glossary', $id)"/>
                        <xsl:with-param name="name" as="node()*"><xsl:apply-templates select="$first" mode="rzh:glossary-name"/></xsl:with-param>
                      </xsl:call-template>
                    </dd>
                  </div>
                </xsl:for-each>
              </dl>
            </xsl:when>
            <xsl:otherwise><p>No original terms in these documents.</p></xsl:otherwise>
          </xsl:choose>
        </section>
        <section aria-labelledby="abbreviations">
          <h2 id="abbreviations">Abbreviations</h2>
          <xsl:choose>
            <xsl:when test="$abbrs">
              <dl class="glossary">
                <xsl:for-each-group select="$abbrs" group-by="normalize-space()">
                  <xsl:sort select="lower-case(current-grouping-key())" lang="en"/>
                  <xsl:variable name="id" select="$rzh:abbr-ids(current-grouping-key())"/>
                  <div class="row" id="{$id}">
                    <dt><xsl:apply-templates select="current-group()[1]" mode="rzh:glossary-name"/></dt>
                    <dd>
                      <p><xsl:value-of select="string-join(distinct-values(current-group()/@expan), '; ')"/></p>
                      <xsl:call-template name="rzh:mentions-or-page">
                        <xsl:with-param name="items" select="current-group()"/>
                        <xsl:with-param name="href" select="rzh:entry-href('glossary', $id)"/>
                        <xsl:with-param name="name" as="node()*"><xsl:apply-templates select="current-group()[1]" mode="rzh:glossary-name"/></xsl:with-param>
                      </xsl:call-template>
                    </dd>
                  </div>
                </xsl:for-each-group>
              </dl>
            </xsl:when>
            <xsl:otherwise><p>No glossed abbreviations in these documents.</p></xsl:otherwise>
          </xsl:choose>
        </section>
        <section aria-labelledby="exemption-codes">
          <h2 id="exemption-codes">Exemption codes</h2>
          <p>Codes stamped beside withheld text when a document was declassified under Executive Order 12958, section 3.3(b): each names the reason the passage stays withheld beyond 25 years.</p>
          <dl class="glossary">
            <xsl:for-each select="rz:exemption-codes()">
              <xsl:variable name="code" select="."/>
              <xsl:variable name="uses" select="$summaries[1] ! key('exemptions', $code, root(.))"/>
              <div class="row" id="exemption-{.}">
                <dt><span class="exemption"><xsl:value-of select="."/></span> <xsl:value-of select="' ' || rz:exemption-short(.)"/></dt>
                <dd>
                  <p><xsl:value-of select="rz:exemption-meaning(.)"/>.</p>
                  <xsl:if test="$uses">
                    <xsl:call-template name="rzh:mentions-or-page">
                      <xsl:with-param name="items" select="$uses"/>
                      <xsl:with-param name="href" select="rzh:entry-href('glossary', 'exemption-' || .)"/>
                      <xsl:with-param name="name" select="."/>
                    </xsl:call-template>
                  </xsl:if>
                </dd>
              </div>
            </xsl:for-each>
          </dl>
        </section>
  </xsl:template>

  <xsl:template name="rzh:occurrences">
    <xsl:param name="items" as="element()*"/>
    <xsl:param name="base" as="xs:string" select="''"/>
    <ul class="mentions">
      <xsl:for-each-group select="$items" group-by="../@id">
        <xsl:sort select="../@sort-date"/>
        <xsl:variable name="doc" select="current-group()[1]/.."/>
        <li>
          <a href="{$base}{$doc/@href}"><xsl:value-of select="$doc/@title"/></a>
          <xsl:text>: </xsl:text>
          <xsl:for-each select="current-group()">
            <xsl:if test="position() gt 1">, </xsl:if>
            <a href="{$base}{$doc/@href}#{@id}" aria-label="occurrence {position()} in {$doc/@title}"><xsl:value-of select="position()"/></a>
          </xsl:for-each>
        </li>
      </xsl:for-each-group>
    </ul>
  </xsl:template>

  <!-- How the glossary names a term (its original, else as written) or an abbreviation. -->
  <xsl:template match="s:term" mode="rzh:glossary-name">
    <xsl:choose>
      <xsl:when test="@original != ''"><span lang="{@lang}"><xsl:value-of select="@original"/></span></xsl:when>
      <xsl:otherwise><xsl:value-of select="normalize-space()"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="s:abbr" mode="rzh:glossary-name">
    <abbr lang="{@lang}"><xsl:value-of select="normalize-space()"/></abbr>
  </xsl:template>

  <!-- The glossary's entries of terms: one per original (else per term as
       written), case aside; the key "terms" finds each one's occurrences.
       Found from the distinct strings, which is three times quicker than
       grouping every occurrence (91,000 in 10,000 documents). -->
  <xsl:function name="rzh:term-keys" as="xs:string*">
    <xsl:param name="terms" as="element()*"/>
    <xsl:sequence select="distinct-values((distinct-values($terms/@original[. != '']),
                                           distinct-values($terms[not(@original != '')] ! normalize-space()))
                                          ! upper-case(.))"/>
  </xsl:function>
  <!-- The ids of the glossary's entries (key -> id): the prefix and the
       key's slug, numbered _2, _3 ... (a slug has no "_") when keys share
       one, as ČEKA and CEKA, or TsK and TSK, do. -->
  <xsl:function name="rzh:glossary-ids" as="map(xs:string, xs:string)">
    <xsl:param name="keys" as="xs:string*"/>
    <xsl:param name="prefix" as="xs:string"/>
    <xsl:map>
      <xsl:for-each-group select="$keys" group-by="rz:slug(.)">
        <xsl:variable name="slug" select="current-grouping-key()"/>
        <xsl:for-each select="sort(current-group())">
          <xsl:map-entry key="." select="$prefix || $slug || (if (position() gt 1) then '_' || position() else '')"/>
        </xsl:for-each>
      </xsl:for-each-group>
    </xsl:map>
  </xsl:function>

  <!-- The glossary's ids of terms and abbreviations, for its page and the
       list of entry pages alike (computed only by the calls that use them). -->
  <xsl:variable name="rzh:term-ids" select="rzh:glossary-ids(rzh:term-keys($summaries/s:term), 'term-')"/>
  <xsl:variable name="rzh:abbr-ids"
                select="rzh:glossary-ids(distinct-values($summaries/s:abbr ! normalize-space()), 'abbr-')"/>

  <!-- ===== Entry pages ================================================= -->

  <!-- Under an entry: its mentions, grouped by document; or, when they fall
       in more than $inline-documents documents, how many documents and a
       link to the entry's own page, which lists them. -->
  <xsl:template name="rzh:mentions-or-page">
    <xsl:param name="items" as="element()+"/>
    <xsl:param name="href" as="xs:string"/>
    <!-- the entry's name in the link's text -->
    <xsl:param name="name" as="item()*"/>
    <xsl:variable name="occurrences" select="exists($items[not(self::s:mention)])"/>
    <xsl:variable name="documents" select="count($items/..)"/>
    <xsl:choose>
      <xsl:when test="$documents le $inline-documents and $occurrences">
        <xsl:call-template name="rzh:occurrences"><xsl:with-param name="items" select="$items"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="$documents le $inline-documents">
        <xsl:call-template name="rzh:mention-list"><xsl:with-param name="mentions" select="$items"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <p class="entry-page-link">
          <xsl:value-of select="(if ($occurrences) then 'Occurs in ' else 'Mentioned in ')
                                || rzh:documents($documents) || ': '"/>
          <a href="{$href}">
            <xsl:value-of select="'all ' || format-number(count($items), '#,##0')
                                  || (if ($occurrences) then ' occurrences of ' else ' mentions of ')"/>
            <xsl:sequence select="$name"/>
            <xsl:text>, by document</xsl:text>
          </a>
          <xsl:text>.</xsl:text>
        </p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:function name="rzh:documents" as="xs:string">
    <xsl:param name="count" as="xs:integer"/>
    <xsl:sequence select="format-number($count, '#,##0') || (if ($count eq 1) then ' document' else ' documents')"/>
  </xsl:function>

  <!-- Where an entry's own page is, from the top of the site: a folder per
       page it belongs to (document pages are <id>.html at the top, so
       they cannot collide). Characters that have no place in a file name
       are spelt ~codepoint~ ("~" too, so two ids never share a file). -->
  <xsl:function name="rzh:entry-href" as="xs:string">
    <xsl:param name="folder" as="xs:string"/>
    <xsl:param name="id" as="xs:string"/>
    <xsl:sequence select="$folder || '/' || rzh:file-name($id) || '.html'"/>
  </xsl:function>

  <xsl:function name="rzh:file-name" as="xs:string">
    <xsl:param name="id" as="xs:string"/>
    <xsl:variable name="name" select="
        if (matches($id, '^[\p{L}\p{N}_-][\p{L}\p{N}._-]*$')) then $id
        else if ($id = '') then '~'
        else string-join(for $i in 1 to string-length($id)
                         return let $c := substring($id, $i, 1)
                         return if (matches($c, '[\p{L}\p{N}_-]') or ($i gt 1 and $c eq '.'))
                                then $c else '~' || string-to-codepoints($c) || '~')"/>
    <!-- A file name has at most 255 bytes (and the renderer's temporary
         name adds some): a longer one keeps its first 40 characters, at
         most 4 bytes each, and a hash of the whole id. -->
    <xsl:sequence select="
        if (string-length($name) le 50) then $name
        else substring($name, 1, 40) || '~' || fold-left(string-to-codepoints($id), 7,
                                                         function($h, $c) { ($h * 31 + $c) mod 4294967291 })"/>
  </xsl:function>

  <!-- The entry pages to make, five strings each: kind (persons,
       organisations, places; persons-unlisted ... for a key mentioned but
       not in the register; term, abbr, exemption), key, the entry's id on
       its register or glossary page, title, and path from the top of the
       site. The renderer makes each with the entry-page template and
       writes it to its path. -->
  <xsl:template name="entry-pages" as="xs:string*">
    <xsl:for-each select="'persons', 'organisations', 'places'">
      <xsl:variable name="register" select="."/>
      <xsl:variable name="entries" select="$registers($register)"/>
      <xsl:for-each select="$entries">
        <xsl:variable name="id" select="string(@xml:id)"/>
        <xsl:if test="count($summaries[1] ! key('mentions', $id, root(.))/..) gt $inline-documents">
          <xsl:sequence select="$register, $id, $id, rzh:entry-name(.), rzh:entry-href($register, $id)"/>
        </xsl:if>
      </xsl:for-each>
      <xsl:for-each-group select="rzh:unlisted($register, key('mentions-in', $register, $rzh:collection), $entries)"
                          group-by="@key">
        <xsl:if test="count(current-group()/..) gt $inline-documents">
          <xsl:sequence select="$register || '-unlisted', current-grouping-key(), current-grouping-key(),
                                rzh:unlisted-name(current-group()), rzh:entry-href($register, current-grouping-key())"/>
        </xsl:if>
      </xsl:for-each-group>
    </xsl:for-each>
    <xsl:for-each select="sort(map:keys($rzh:term-ids))">
      <xsl:variable name="group" select="key('terms', ., $rzh:collection)"/>
      <xsl:if test="count($group/..) gt $inline-documents">
        <xsl:variable name="id" select="$rzh:term-ids(.)"/>
        <xsl:variable name="first" select="$group[1]"/>
        <xsl:sequence select="'term', ., $id,
                              if ($first/@original != '') then string($first/@original) else normalize-space($first),
                              rzh:entry-href('glossary', $id)"/>
      </xsl:if>
    </xsl:for-each>
    <xsl:for-each-group select="$summaries/s:abbr" group-by="normalize-space()">
      <xsl:if test="count(current-group()/..) gt $inline-documents">
        <xsl:variable name="id" select="$rzh:abbr-ids(current-grouping-key())"/>
        <xsl:sequence select="'abbr', current-grouping-key(), $id, current-grouping-key(), rzh:entry-href('glossary', $id)"/>
      </xsl:if>
    </xsl:for-each-group>
    <xsl:for-each select="rz:exemption-codes()">
      <xsl:if test="count($summaries[1] ! key('exemptions', current(), root(.))/..) gt $inline-documents">
        <xsl:sequence select="'exemption', ., 'exemption-' || ., ., rzh:entry-href('glossary', 'exemption-' || .)"/>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- One entry's page: every mention (occurrence), grouped by document in
       date order, and a link back to the entry. Parameters as entry-pages
       lists them. -->
  <xsl:template name="entry-page">
    <xsl:param name="kind" as="xs:string" required="yes"/>
    <xsl:param name="key" as="xs:string" required="yes"/>
    <xsl:param name="id" as="xs:string" required="yes"/>
    <xsl:param name="title" as="xs:string" required="yes"/>
    <xsl:variable name="register" select="substring-before($kind || '-', '-')"/>
    <xsl:variable name="page" select="if ($kind = ('term', 'abbr', 'exemption')) then 'glossary' else $register"/>
    <xsl:variable name="items" select="
        if ($kind eq 'term') then key('terms', $key, $rzh:collection)
        else if ($kind eq 'abbr') then key('abbrs', $key, $rzh:collection)
        else if ($kind eq 'exemption') then key('exemptions', $key, $rzh:collection)
        else if (ends-with($kind, '-unlisted')) then key('mentions', $key, $rzh:collection)[@register = $register]
        else key('mentions', $key, $rzh:collection)"/>
    <xsl:call-template name="rzh:page">
      <xsl:with-param name="title" select="$title || ' · ' || $rzh:nav[@name = $page]/@label"/>
      <xsl:with-param name="name" select="$page || '-entry'"/>
      <xsl:with-param name="body-class" select="'entry-page'"/>
      <xsl:with-param name="base" select="'../'"/>
      <xsl:with-param name="content-of" select="$rzh:collection"/>
      <xsl:with-param name="rzh:part" tunnel="yes" select="'entry'"/>
      <xsl:with-param name="rzh:kind" tunnel="yes" select="$kind"/>
      <xsl:with-param name="rzh:page" tunnel="yes" select="$page"/>
      <xsl:with-param name="rzh:id" tunnel="yes" select="$id"/>
      <xsl:with-param name="rzh:title" tunnel="yes" select="$title"/>
      <xsl:with-param name="rzh:items" tunnel="yes" select="$items"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="rzh:entry-content">
    <xsl:param name="rzh:kind" tunnel="yes" as="xs:string"/>
    <xsl:param name="rzh:page" tunnel="yes" as="xs:string"/>
    <xsl:param name="rzh:id" tunnel="yes" as="xs:string"/>
    <xsl:param name="rzh:title" tunnel="yes" as="xs:string"/>
    <xsl:param name="rzh:items" tunnel="yes" as="element()*"/>
    <xsl:variable name="occurrences" select="$rzh:page eq 'glossary'"/>
    <xsl:variable name="back" select="'../' || $rzh:page || '.html#' || $rzh:id"/>
    <xsl:variable name="where" select="if ($occurrences) then 'glossary' else lower-case($rzh:nav[@name = $rzh:page]/@label) || ' register'"/>
    <xsl:variable name="name" as="node()*">
      <xsl:choose>
        <xsl:when test="$rzh:kind = ('term', 'abbr')"><xsl:apply-templates select="$rzh:items[1]" mode="rzh:glossary-name"/></xsl:when>
        <xsl:when test="rzh:in-cyrillic($rzh:title)"><span lang="ru"><xsl:value-of select="$rzh:title"/></span></xsl:when>
        <xsl:otherwise><xsl:value-of select="$rzh:title"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <h1><xsl:sequence select="$name"/></h1>
    <p class="lead">
      <xsl:value-of select="if ($occurrences) then 'Every occurrence of ' else 'Every mention of '"/>
      <xsl:sequence select="$name"/>
      <xsl:value-of select="' in the documents, grouped by document in date order: '
                            || format-number(count($rzh:items), '#,##0')
                            || (if ($occurrences) then ' occurrence' else ' mention')
                            || (if (count($rzh:items) eq 1) then '' else 's')
                            || ' in ' || rzh:documents(count($rzh:items/..)) || '. '
                            || (if ($occurrences) then 'What it means is in ' else 'Its other names and notes are in ')"/>
      <a href="{$back}"><xsl:value-of select="'its entry in the ' || $where"/></a>
      <xsl:text>.</xsl:text>
    </p>
    <xsl:choose>
      <xsl:when test="$occurrences">
        <xsl:call-template name="rzh:occurrences">
          <xsl:with-param name="items" select="$rzh:items"/>
          <xsl:with-param name="base" select="'../'"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="rzh:mention-list">
          <xsl:with-param name="mentions" select="$rzh:items"/>
          <xsl:with-param name="base" select="'../'"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===== Statistics ================================================ -->

  <xsl:variable name="rzh:measures" as="element()*">
    <measure name="redactions" label="Redactions"/>
    <measure name="unrecovered-groups" label="Unrecovered cipher groups"/>
    <measure name="uncertain-recoveries" label="Uncertain recoveries"/>
    <measure name="notes" label="Notes"/>
  </xsl:variable>

  <xsl:function name="rzh:count" as="xs:decimal">
    <xsl:param name="summary" as="element()"/>
    <xsl:param name="measure" as="xs:string"/>
    <xsl:sequence select="($summary/s:count[@name = $measure]/@n ! xs:decimal(.), 0)[1]"/>
  </xsl:function>

  <xsl:template name="statistics">
    <xsl:variable name="sorted" as="element()*">
      <xsl:perform-sort select="$summaries">
        <xsl:sort select="if (@sort-date = '') then 1 else 0"/>
        <xsl:sort select="@sort-date"/>
      </xsl:perform-sort>
    </xsl:variable>
    <xsl:call-template name="rzh:page">
      <xsl:with-param name="title" select="'Statistics'"/>
      <xsl:with-param name="name" select="'statistics'"/>
      <xsl:with-param name="content">
        <h1>Statistics</h1>
        <p class="lead">What the editorial marks count, per document and for the edition.</p>
        <h2>The edition</h2>
        <xsl:call-template name="rzh:bar-chart">
          <xsl:with-param name="id" select="'chart-edition'"/>
          <xsl:with-param name="title" select="'Editorial marks in the whole edition'"/>
          <xsl:with-param name="bars" as="element()*">
            <xsl:for-each select="$rzh:measures">
              <bar label="{@label}" value="{sum($summaries ! rzh:count(., current()/@name))}"/>
            </xsl:for-each>
          </xsl:with-param>
        </xsl:call-template>
        <h2>Per document</h2>
        <table class="statistics">
          <caption class="visually-hidden">Counts of editorial marks per document</caption>
          <thead>
            <tr>
              <th scope="col">Document</th>
              <xsl:for-each select="$rzh:measures"><th scope="col" class="num"><xsl:value-of select="@label"/></th></xsl:for-each>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="$sorted">
              <xsl:variable name="doc" select="."/>
              <tr>
                <th scope="row"><a href="{@href}"><xsl:value-of select="@title"/></a></th>
                <xsl:for-each select="$rzh:measures"><td class="num"><xsl:value-of select="rzh:count($doc, @name)"/></td></xsl:for-each>
              </tr>
            </xsl:for-each>
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Edition (<xsl:value-of select="count($summaries)"/> documents)</th>
              <xsl:for-each select="$rzh:measures">
                <td class="num"><xsl:value-of select="sum($summaries ! rzh:count(., current()/@name))"/></td>
              </xsl:for-each>
            </tr>
          </tfoot>
        </table>
        <xsl:for-each select="$rzh:measures">
          <xsl:variable name="measure" select="@name"/>
          <xsl:variable name="counted" select="$sorted[rzh:count(., $measure) gt 0]"/>
          <xsl:if test="$counted">
            <h3><xsl:value-of select="@label"/> per document</h3>
            <xsl:variable name="top" as="element()*">
              <xsl:perform-sort select="$counted">
                <xsl:sort select="rzh:count(., $measure)" order="descending"/>
              </xsl:perform-sort>
            </xsl:variable>
            <xsl:call-template name="rzh:bar-chart">
              <xsl:with-param name="id" select="'chart-' || $measure"/>
              <xsl:with-param name="title" select="@label || ' per document'
                  || (if (count($counted) gt 30) then ' (the 30 documents with most)' else '')"/>
              <xsl:with-param name="bars" as="element()*">
                <xsl:for-each select="$top[position() le 30]">
                  <bar label="{@title}" value="{rzh:count(., $measure)}" href="{@href}"/>
                </xsl:for-each>
              </xsl:with-param>
            </xsl:call-template>
          </xsl:if>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- A horizontal bar chart in SVG: every bar carries its number and its
       label in text, so nothing is said by colour or length alone. -->
  <xsl:template name="rzh:bar-chart">
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="bars" as="element()*"/>
    <xsl:variable name="row" select="28"/>
    <xsl:variable name="label-width" select="330"/>
    <xsl:variable name="plot" select="340"/>
    <xsl:variable name="max" select="max(($bars/@value ! xs:decimal(.), 1))"/>
    <figure class="chart">
      <svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="{$id}-title"
           viewBox="0 0 {$label-width + $plot + 60} {count($bars) * $row + 8}"
           width="{$label-width + $plot + 60}" height="{count($bars) * $row + 8}">
        <title id="{$id}-title"><xsl:value-of select="$title || ': ' || string-join($bars ! (@label || ' ' || @value), '; ')"/></title>
        <xsl:for-each select="$bars">
          <xsl:variable name="y" select="(position() - 1) * $row + 4"/>
          <xsl:variable name="w" select="xs:decimal(@value) div $max * $plot"/>
          <xsl:variable name="label" select="if (string-length(@label) gt 36) then substring(@label, 1, 34) || '…' else string(@label)"/>
          <xsl:choose>
            <xsl:when test="@href">
              <a href="{@href}">
                <text x="{$label-width - 8}" y="{$y + 18}" text-anchor="end" class="chart-label chart-link"><xsl:value-of select="$label"/></text>
              </a>
            </xsl:when>
            <xsl:otherwise>
              <text x="{$label-width - 8}" y="{$y + 18}" text-anchor="end" class="chart-label"><xsl:value-of select="$label"/></text>
            </xsl:otherwise>
          </xsl:choose>
          <rect x="{$label-width}" y="{$y + 4}" width="{format-number($w, '0.#')}" height="{$row - 10}" class="chart-bar"/>
          <text x="{$label-width + $w + 6}" y="{$y + 18}" class="chart-value"><xsl:value-of select="@value"/></text>
        </xsl:for-each>
      </svg>
      <figcaption><xsl:value-of select="$title"/></figcaption>
    </figure>
  </xsl:template>

  <!-- ===== Encoding ==================================================== -->

  <xsl:template name="encoding">
    <xsl:variable name="schema" select="if ($schema-uri and doc-available($schema-uri)) then doc($schema-uri) else ()"/>
    <xsl:variable name="descs" select="$summaries/tei:encodingDesc | /s:summaries/s:encoding/tei:encodingDesc"/>
    <xsl:call-template name="rzh:page">
      <xsl:with-param name="title" select="'Encoding'"/>
      <xsl:with-param name="name" select="'encoding'"/>
      <xsl:with-param name="content">
        <h1>Encoding</h1>
        <p class="lead">How the documents are encoded in TEI P5: the editors’ description in the documents’ headers, and the rules of the edition’s schema with the reason for each, both read from the files themselves.</p>
        <xsl:choose>
          <xsl:when test="$descs">
            <section class="encoding-desc" aria-labelledby="encdesc">
              <h2 id="encdesc">Editorial principles</h2>
              <xsl:call-template name="rzh:encoding-desc">
                <xsl:with-param name="descs" select="$descs"/>
              </xsl:call-template>
            </section>
          </xsl:when>
          <xsl:otherwise><p>The documents carry no encoding description.</p></xsl:otherwise>
        </xsl:choose>
        <section aria-labelledby="schema-heading">
          <h2 id="schema-heading">Rules of the schema</h2>
          <xsl:variable name="schema-name" select="tokenize($schema-uri, '/')[last()]"/>
          <xsl:variable name="elsewhere" select="distinct-values($summaries/@schema[. != ''][tokenize(., '/')[last()] != $schema-name])"/>
          <xsl:if test="exists($elsewhere)">
            <p>Some documents declare another schema, whose rules are not shown here:
              <xsl:for-each select="$elsewhere"><xsl:if test="position() gt 1">, </xsl:if><code><xsl:value-of select="."/></code></xsl:for-each>.</p>
          </xsl:if>
          <xsl:choose>
            <xsl:when test="$schema and exists($summaries[@schema = '' or tokenize(@schema, '/')[last()] = $schema-name])">
              <xsl:apply-templates select="$schema/rng:grammar" mode="rzh:schema"/>
            </xsl:when>
            <xsl:when test="$schema"/>
            <xsl:otherwise><p>The edition’s schema (<code>schema/rezident.rng</code>) was not found when this page was made.</p></xsl:otherwise>
          </xsl:choose>
        </section>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- Up to this many documents a statement of only some of them names
       them; beyond, it counts them. -->
  <xsl:variable name="rzh:listed-at-most" as="xs:integer" select="20"/>

  <!-- The documents' encoding descriptions merged: each statement once,
       with the documents it applies to when not all of them; taxonomies
       merged category by category. -->
  <xsl:template name="rzh:encoding-desc">
    <xsl:param name="descs" as="element()*"/>
    <xsl:variable name="all" select="count($summaries)"/>
    <xsl:for-each-group select="$descs/*" group-by="local-name()">
      <section class="{current-grouping-key()}">
        <h3><xsl:value-of select="rzh:encoding-part-label(.)"/></h3>
        <xsl:choose>
          <xsl:when test="self::tei:classDecl">
            <xsl:for-each-group select="current-group()/tei:taxonomy" group-by="(@xml:id, 'taxonomy')[1]">
              <h4><xsl:value-of select="(tei:bibl, tei:desc, @xml:id ! rz:capitalize(replace(., '-', ' ')))[1]"/></h4>
              <dl class="taxonomy">
                <xsl:for-each-group select="current-group()//tei:category" group-by="(@xml:id, normalize-space())[1]">
                  <div class="row" id="{(@xml:id, 'category-' || position())[1]}">
                    <dt><code><xsl:value-of select="@xml:id"/></code></dt>
                    <dd><xsl:value-of select="rz:reading-text(tei:catDesc)"/></dd>
                  </div>
                </xsl:for-each-group>
              </dl>
            </xsl:for-each-group>
          </xsl:when>
          <xsl:otherwise>
            <xsl:for-each-group select="current-group()/node()[self::* or normalize-space()]" group-by="normalize-space(.)">
              <xsl:apply-templates select="."/>
              <xsl:variable name="documents" select="current-group()/ancestor::s:summary
                  | current-group()/ancestor::s:encoding/key('summaries-by-encoding', @id)"/>
              <xsl:variable name="count" select="count($documents)"/>
              <xsl:choose>
                <xsl:when test="$count ge $all"/>
                <xsl:when test="$count le $rzh:listed-at-most">
                  <p class="applies">In: <xsl:for-each select="$documents">
                    <xsl:if test="position() gt 1">; </xsl:if><a href="{@href}"><xsl:value-of select="@title"/></a></xsl:for-each></p>
                </xsl:when>
                <xsl:otherwise>
                  <!-- a list of hundreds of titles says less than the count -->
                  <xsl:variable name="kinds" select="distinct-values($documents/@kind[. != ''])"/>
                  <p class="applies">In <xsl:value-of select="format-number($count, '#,##0')"/> of the
                    <xsl:value-of select="format-number($all, '#,##0')"/> documents<xsl:if test="exists($kinds)">
                    (<xsl:value-of select="string-join($kinds, ', ')"/>)</xsl:if>.</p>
                </xsl:otherwise>
              </xsl:choose>
            </xsl:for-each-group>
          </xsl:otherwise>
        </xsl:choose>
      </section>
    </xsl:for-each-group>
  </xsl:template>

  <xsl:function name="rzh:encoding-part-label" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:variable name="n" select="local-name($el)"/>
    <xsl:sequence select="
        if ($n = 'projectDesc') then 'The project'
        else if ($n = 'editorialDecl') then 'Editorial conventions'
        else if ($n = 'classDecl') then 'Classifications'
        else if ($n = 'samplingDecl') then 'Selection'
        else if ($n = 'tagsDecl') then 'Tags'
        else if ($n = 'appInfo') then 'Software'
        else rz:capitalize($n)"/>
  </xsl:function>

  <!-- The schema's documentation: one entry per documented pattern, with
       the elements it defines and its closed value lists. -->
  <xsl:template match="rng:grammar" mode="rzh:schema">
    <xsl:for-each select="(a:documentation, rng:start/a:documentation)">
      <p><xsl:value-of select="normalize-space()"/></p>
    </xsl:for-each>
    <dl class="schema-rules">
      <xsl:for-each select="rng:define[a:documentation]">
        <xsl:variable name="elements" select="distinct-values(.//rng:element/(@name, rng:name)[1] ! string())"/>
        <xsl:variable name="attributes" select="distinct-values(.//rng:attribute/(@name, rng:name)[1] ! string())"/>
        <div class="row" id="rule-{rz:slug(@name)}">
          <dt>
            <xsl:choose>
              <xsl:when test="exists($elements)">
                <xsl:for-each select="$elements"><xsl:if test="position() gt 1">, </xsl:if><code>&lt;<xsl:value-of select="."/>&gt;</code></xsl:for-each>
              </xsl:when>
              <xsl:when test="exists($attributes)">
                <xsl:for-each select="$attributes"><xsl:if test="position() gt 1">, </xsl:if><code>@<xsl:value-of select="."/></code></xsl:for-each>
              </xsl:when>
              <xsl:otherwise><code><xsl:value-of select="@name"/></code></xsl:otherwise>
            </xsl:choose>
          </dt>
          <dd>
            <xsl:for-each select="a:documentation, (.//a:documentation except a:documentation)[not(parent::rng:value)]">
              <p><xsl:value-of select="normalize-space()"/></p>
            </xsl:for-each>
            <xsl:for-each select=".//rng:attribute[rng:choice/rng:value]">
              <p class="values">
                <code>@<xsl:value-of select="(@name, rng:name)[1]"/></code>
                <xsl:if test="ancestor::rng:element[1]"> on <code>&lt;<xsl:value-of select="ancestor::rng:element[1]/(@name, rng:name)[1]"/>&gt;</code></xsl:if>
                <xsl:text>: one of </xsl:text>
                <xsl:for-each select="rng:choice/rng:value">
                  <xsl:if test="position() gt 1">, </xsl:if><code><xsl:value-of select="."/></code>
                </xsl:for-each>
              </p>
            </xsl:for-each>
          </dd>
        </div>
      </xsl:for-each>
    </dl>
  </xsl:template>

  <!-- ===== Search ====================================================== -->

  <xsl:template name="search">
    <xsl:call-template name="rzh:page">
      <xsl:with-param name="title" select="'Search'"/>
      <xsl:with-param name="name" select="'search'"/>
      <xsl:with-param name="head-extra" as="element()*">
        <!-- search.js loads Pagefind (served site) or the offline index (file://) -->
        <script src="assets/search.js" defer=""></script>
      </xsl:with-param>
      <xsl:with-param name="content">
        <h1>Search</h1>
        <p class="lead">Full text of every document, in English and Russian (Cyrillic or transliterated).</p>
        <div id="search" class="search"></div>
        <noscript><p class="notice">Search needs JavaScript. The <a href="index.html">list of documents</a>, the registers and the glossary work without it.</p></noscript>
        <p class="notice too-large" hidden="">This edition is too large to search from files opened directly: serve the folder over HTTP (for example <code>python -m http.server</code> in it) or use the edition where it is published.</p>
        <p class="notice no-index" hidden="">The search index of this copy of the edition has not been built (<code>rezident build html</code> builds it unless told <code>--no-search</code>). The <a href="index.html">list of documents</a>, the registers and the glossary work without it.</p>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>

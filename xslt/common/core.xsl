<?xml version="1.0" encoding="UTF-8"?>
<!--
  What each editorial phenomenon IS, decided once for every output format.

  The HTML and print stylesheets import this module and only decide how
  things look: the label of a gap, the meaning of an exemption code, the
  number of a note, the reading text of a choice, the facts of the header.
  Functions live in the namespace https://rezident.example/ns/functions
  (prefix rz). Nothing here emits HTML or XSL-FO: results are strings,
  booleans or TEI nodes of the source.

  The TEI is described in docs/encoding.md; foreign TEI (FRUS and others)
  gets sensible fallbacks rather than errors.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:rz="https://rezident.example/ns/functions"
    exclude-result-prefixes="#all">

  <!-- ===== Gaps ===================================================== -->

  <!-- Word the transcripts use for each kind of lost cipher group. -->
  <xsl:variable name="rz:group-words" as="map(xs:string, xs:string)" select="map {
      'cipher-unrecovered': 'unrecovered',
      'unrecoverable': 'unrecoverable',
      'garbled': 'garbled',
      'corrupt': 'corrupt' }"/>

  <!-- Reading label of a gap: "[13 groups unrecovered]", "[redacted]", "[...]". -->
  <xsl:function name="rz:gap-label" as="xs:string">
    <xsl:param name="gap" as="element()"/>
    <xsl:variable name="reason" select="string($gap/@reason)"/>
    <xsl:sequence select="
        if (normalize-space($gap/tei:desc)) then '[' || normalize-space($gap/tei:desc) || ']'
        else if (map:contains($rz:group-words, $reason)) then
          '[' || rz:quantity-phrase($gap) || ' ' || $rz:group-words($reason) || ']'
        else if ($reason = 'redacted') then '[redacted]'
        else if ($reason = 'omitted') then '[...]'
        else if ($reason) then '[' || $reason || ']'
        else '[gap]'"/>
  </xsl:function>

  <!-- The transcript's own notation for a gap (diplomatic view). -->
  <xsl:function name="rz:gap-diplomatic" as="xs:string">
    <xsl:param name="gap" as="element()"/>
    <xsl:sequence select="if ($gap/@reason = 'redacted' and not(normalize-space($gap/tei:desc)))
                          then '[ ]' else rz:gap-label($gap)"/>
  </xsl:function>

  <!-- "13 groups", "1 group", "a passage": number and unit of a gap. -->
  <xsl:function name="rz:quantity-phrase" as="xs:string">
    <xsl:param name="gap" as="element()"/>
    <xsl:variable name="unit" select="($gap/@unit, 'group')[1]"/>
    <xsl:variable name="n" select="($gap/@quantity, $gap/@extent[. castable as xs:integer])[1]"/>
    <xsl:sequence select="
        if (empty($n)) then 'some ' || rz:plural($unit)
        else if (xs:decimal($n) = 1) then '1 ' || $unit
        else $n || ' ' || rz:plural($unit)"/>
  </xsl:function>

  <xsl:function name="rz:plural" as="xs:string">
    <xsl:param name="unit" as="xs:string"/>
    <xsl:sequence select="if (ends-with($unit, 's')) then $unit else $unit || 's'"/>
  </xsl:function>

  <!-- One sentence saying what a gap is, for hover, focus and print notes. -->
  <xsl:function name="rz:gap-explanation" as="xs:string">
    <xsl:param name="gap" as="element()"/>
    <xsl:variable name="reason" select="string($gap/@reason)"/>
    <xsl:variable name="code" select="rz:exemption-for-gap($gap)"/>
    <xsl:sequence select="
        if ($reason = 'cipher-unrecovered') then
          rz:capitalize(rz:quantity-phrase($gap)) || ' of the cipher text the cryptanalysts did not recover.'
        else if ($reason = 'unrecoverable') then
          rz:capitalize(rz:quantity-phrase($gap)) || ' the cryptanalysts judged unrecoverable.'
        else if ($reason = 'garbled') then
          rz:capitalize(rz:quantity-phrase($gap)) || ' garbled in transmission.'
        else if ($reason = 'corrupt') then
          rz:capitalize(rz:quantity-phrase($gap)) || ' corrupt in the cipher text.'
        else if ($reason = 'redacted') then
          'Passage blacked out when the document was declassified'
          || (if (exists($code)) then ', exemption ' || rz:exemption-code($code) || ': '
                || rz:exemption-meaning($code) || '.' else '.')
        else if ($reason = 'omitted') then 'Omission by the quoting author.'
        else if ($reason = 'illegible') then 'Illegible in the source.'
        else if ($reason = 'damage') then 'Lost through damage to the source.'
        else if (normalize-space($gap/tei:desc)) then normalize-space($gap/tei:desc) || '.'
        else 'Text missing from the source' || (if ($reason) then ' (' || $reason || ').' else '.')"/>
  </xsl:function>

  <!-- The exemption marker that stands beside a redaction: the next one in
       the same block, else the nearest before it in the same block, else
       one standing right after or before the block (CREST margins). -->
  <xsl:function name="rz:exemption-for-gap" as="element()?">
    <xsl:param name="gap" as="element()"/>
    <xsl:variable name="block" select="$gap/ancestor::*[self::tei:p or self::tei:ab or self::tei:item
                                        or self::tei:div or self::tei:body][1]"/>
    <xsl:variable name="codes" select="$block//tei:note[@type = 'exemption']"/>
    <xsl:variable name="beside" select="($block/following-sibling::*[1], $block/preceding-sibling::*[1])
                                        [self::tei:note[@type = 'exemption']]"/>
    <xsl:sequence select="($codes[. &gt;&gt; $gap][1], $codes[. &lt;&lt; $gap][last()], $beside)[1]"/>
  </xsl:function>

  <!-- ===== Exemption codes (E.O. 12958 s. 3.3(b)(1)-(9)) ============== -->

  <xsl:variable name="rz:exemption-meanings" as="map(xs:string, xs:string)" select="map {
      '25X1': 'reveal the identity of a confidential human source, or reveal information about the application of an intelligence source or method',
      '25X2': 'reveal information that would assist in the development or use of weapons of mass destruction',
      '25X3': 'reveal information that would impair U.S. cryptologic systems or activities',
      '25X4': 'reveal information that would impair the application of state-of-the-art technology within a U.S. weapon system',
      '25X5': 'reveal actual U.S. military war plans that remain in effect',
      '25X6': 'reveal information that would seriously and demonstrably impair relations between the United States and a foreign government, or seriously and demonstrably undermine ongoing diplomatic activities of the United States',
      '25X7': 'reveal information that would clearly and demonstrably impair the current ability of U.S. Government officials to protect the President, Vice President, and other officials for whom protection services are authorized in the interest of national security',
      '25X8': 'reveal information that would seriously and demonstrably impair current national security emergency preparedness plans',
      '25X9': 'violate a statute, treaty, or international agreement' }"/>

  <!-- Short names of the codes, for labels and the glossary's headings. -->
  <xsl:variable name="rz:exemption-short" as="map(xs:string, xs:string)" select="map {
      '25X1': 'human source or intelligence method',
      '25X2': 'weapons of mass destruction',
      '25X3': 'cryptologic systems',
      '25X4': 'weapon-system technology',
      '25X5': 'war plans in effect',
      '25X6': 'foreign relations',
      '25X7': 'protection of the President and officials',
      '25X8': 'emergency preparedness plans',
      '25X9': 'statute, treaty or international agreement' }"/>

  <xsl:function name="rz:exemption-codes" as="xs:string*">
    <xsl:sequence select="sort(map:keys($rz:exemption-meanings))"/>
  </xsl:function>

  <!-- "25X1" from a note, a string, or @corresp="#exemption-25X1". -->
  <xsl:function name="rz:exemption-code" as="xs:string">
    <xsl:param name="item" as="item()"/>
    <xsl:sequence select="
        if ($item instance of element() and $item/@corresp)
        then replace(string($item/@corresp), '^.*#exemption-', '')
        else upper-case(normalize-space(string($item)))"/>
  </xsl:function>

  <!-- Why the text was withheld: "the release would ..." The document's own
       taxonomy (classDecl) wins over the built-in wording. -->
  <xsl:function name="rz:exemption-meaning" as="xs:string">
    <xsl:param name="item" as="item()"/>
    <xsl:variable name="code" select="rz:exemption-code($item)"/>
    <xsl:variable name="declared" select="
        if ($item instance of node())
        then id('exemption-' || $code, root($item))[self::tei:category]/tei:catDesc
        else ()"/>
    <xsl:sequence select="
        if (normalize-space($declared[1]))
        then replace(normalize-space($declared[1]), '^' || $code || '\s*[:.–-]\s*', '')
        else if (map:contains($rz:exemption-meanings, $code))
        then 'E.O. 12958 s. 3.3(b)(' || substring-after($code, '25X') || '): release could '
             || $rz:exemption-meanings($code) || ' (' || $rz:exemption-short($code) || ')'
        else 'exemption code ' || $code || ' (not one of 25X1–25X9 of E.O. 12958)'"/>
  </xsl:function>

  <xsl:function name="rz:exemption-short" as="xs:string">
    <xsl:param name="item" as="item()"/>
    <xsl:variable name="code" select="rz:exemption-code($item)"/>
    <xsl:sequence select="($rz:exemption-short($code), 'unknown exemption')[1]"/>
  </xsl:function>

  <!-- ===== Uncertain recoveries ====================================== -->

  <!-- The source's recovery-quality flag (B, C, D, T ...), or '' if none. -->
  <xsl:function name="rz:unclear-flag" as="xs:string">
    <xsl:param name="unclear" as="element()"/>
    <xsl:sequence select="string($unclear/@n)"/>
  </xsl:function>

  <!-- Diplomatic form: "[B% the former]". -->
  <xsl:function name="rz:unclear-diplomatic-open" as="xs:string">
    <xsl:param name="unclear" as="element()"/>
    <xsl:sequence select="if ($unclear/@reason = 'cipher-recovery' or $unclear/@n)
                          then '[' || rz:unclear-flag($unclear) || '% ' else ''"/>
  </xsl:function>

  <!-- What the flag is taken to mean, from the edition's editorialDecl
       (an element with @n = flag, or a label followed by its item). -->
  <xsl:function name="rz:unclear-flag-meaning" as="xs:string">
    <xsl:param name="unclear" as="element()"/>
    <xsl:variable name="flag" select="rz:unclear-flag($unclear)"/>
    <xsl:variable name="decl" select="$unclear/ancestor::tei:TEI[1]/tei:teiHeader/tei:encodingDesc/tei:editorialDecl"/>
    <xsl:variable name="declared" select="(
        $decl//*[@n = $flag][not(self::tei:unclear)],
        $decl//tei:label[normalize-space() = $flag]/following-sibling::tei:item[1],
        $decl//tei:term[normalize-space() = $flag]/following-sibling::tei:gloss[1])[1]"/>
    <xsl:sequence select="if ($flag and normalize-space($declared)) then normalize-space($declared) else ''"/>
  </xsl:function>

  <!-- One sentence for hover and focus. -->
  <xsl:function name="rz:unclear-explanation" as="xs:string">
    <xsl:param name="unclear" as="element()"/>
    <xsl:variable name="flag" select="rz:unclear-flag($unclear)"/>
    <xsl:variable name="meaning" select="rz:unclear-flag-meaning($unclear)"/>
    <xsl:sequence select="
        if ($unclear/@reason = 'cipher-recovery' or $flag) then
          'Uncertain recovery' || (if ($flag) then ', flagged ' || $flag || ' by the source' else '')
          || (if ($meaning) then ' (' || $meaning || ')'
              else if ($unclear/@cert) then ' (taken to mean ' || $unclear/@cert || ' confidence)'
              else '') || '.'
        else if ($unclear/@reason = 'ocr') then 'Uncertain reading of the OCR text.'
        else if ($unclear/@reason = 'illegible') then 'Hard to read in the source; reading uncertain.'
        else 'Uncertain reading.'"/>
  </xsl:function>

  <!-- ===== Supplied text ============================================ -->

  <xsl:function name="rz:supplied-explanation" as="xs:string">
    <xsl:param name="supplied" as="element()"/>
    <xsl:sequence select="
        if ($supplied/@reason = 'punctuation') then 'Punctuation supplied by the translator.'
        else if ($supplied/@reason = 'quoting-author') then 'Inserted by the quoting author.'
        else 'Supplied by the editors' || (if ($supplied/@reason) then ' (' || $supplied/@reason || ').' else '.')"/>
  </xsl:function>

  <!-- ===== Original terms, abbreviations, choices ==================== -->

  <!-- The translator's original for a term: the original-term note after it. -->
  <xsl:function name="rz:original-of-term" as="element()?">
    <xsl:param name="term" as="element()"/>
    <xsl:sequence select="$term/following-sibling::*[1][self::tei:note[@type = 'original-term']]"/>
  </xsl:function>

  <!-- Stable id of a term in its document, so the glossary can link to it. -->
  <xsl:function name="rz:term-id" as="xs:string">
    <xsl:param name="term" as="element()"/>
    <xsl:sequence select="if ($term/@xml:id) then string($term/@xml:id)
        else 'term-' || rz:ordinal($term, 'term')"/>
  </xsl:function>

  <!-- Stable id of an abbreviation choice, for the glossary. -->
  <xsl:function name="rz:abbr-id" as="xs:string">
    <xsl:param name="choice" as="element()"/>
    <xsl:sequence select="if ($choice/@xml:id) then string($choice/@xml:id)
        else 'abbr-' || rz:ordinal($choice, 'abbr')"/>
  </xsl:function>

  <!-- Stable id of an exemption marker. -->
  <xsl:function name="rz:exemption-id" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="if ($note/@xml:id) then string($note/@xml:id)
        else 'exemption-mark-' || rz:ordinal($note, 'exemption')"/>
  </xsl:function>

  <xsl:function name="rz:original-term-explanation" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:variable name="term" select="$note/preceding-sibling::*[1][self::tei:term]"/>
    <xsl:sequence select="'The translator’s original: ' || normalize-space($note)
        || (if ($term) then ', rendered as “' || normalize-space($term) || '”' else '')
        || ' (' || rz:language-name(rz:lang($note/*[1])) || ').'"/>
  </xsl:function>

  <!-- What the reading view shows of a choice: corr over sic, reg over orig,
       abbr and its expan (both). Unknown choices: their first child. -->
  <xsl:function name="rz:choice-reading" as="element()*">
    <xsl:param name="choice" as="element()"/>
    <xsl:sequence select="
        if ($choice/tei:corr) then $choice/tei:corr[1]
        else if ($choice/tei:reg) then $choice/tei:reg[1]
        else if ($choice/tei:expan) then ($choice/tei:abbr[1], $choice/tei:expan[1])
        else $choice/*[1]"/>
  </xsl:function>

  <!-- What the transcript had: sic, orig, abbr (+ its gloss, as written). -->
  <xsl:function name="rz:choice-diplomatic" as="element()*">
    <xsl:param name="choice" as="element()"/>
    <xsl:sequence select="
        if ($choice/tei:sic) then $choice/tei:sic[1]
        else if ($choice/tei:orig) then $choice/tei:orig[1]
        else if ($choice/tei:expan) then ($choice/tei:abbr[1], $choice/tei:expan[1])
        else $choice/*[1]"/>
  </xsl:function>

  <xsl:function name="rz:choice-explanation" as="xs:string">
    <xsl:param name="choice" as="element()"/>
    <xsl:sequence select="
        if ($choice/tei:sic and $choice/tei:corr) then
          'The transcript has “' || normalize-space($choice/tei:sic) || '”, corrected to “'
          || normalize-space($choice/tei:corr) || '”.'
        else if ($choice/tei:orig and $choice/tei:reg) then
          'The transcript has “' || normalize-space($choice/tei:orig) || '”, normalized to “'
          || normalize-space($choice/tei:reg) || '”.'
        else if ($choice/tei:abbr and $choice/tei:expan) then
          '“' || normalize-space($choice/tei:abbr) || '” (' || rz:language-name(rz:lang($choice/tei:abbr))
          || ' abbreviation): the translator’s gloss is “' || normalize-space($choice/tei:expan) || '”.'
        else 'Alternative readings.'"/>
  </xsl:function>

  <!-- ===== Notes ==================================================== -->

  <!-- Notes shown as numbered references (not inline originals, not
       exemption markers, not inline editorial wrappers). -->
  <xsl:function name="rz:is-numbered-note" as="xs:boolean">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="not($note/@type = ('original-term', 'exemption'))
                          and not($note/@place = ('inline', 'margin'))
                          and empty($note/ancestor::tei:teiHeader)"/>
  </xsl:function>

  <!-- The label a note is cited by: its own @n (analysts' i, ii, iii stay
       roman; CREST foot notes 1, 2), "*" for an archival annotation, else
       its number among the document's unnumbered notes. -->
  <xsl:function name="rz:note-label" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="
        if (normalize-space($note/@n)) then normalize-space($note/@n)
        else if ($note/@type = 'annotation') then '*'
        else string(rz:ordinal($note, 'unnumbered-note'))"/>
  </xsl:function>

  <xsl:function name="rz:note-kind" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="
        if ($note/@type = 'comment') then 'Analysts’ comment'
        else if ($note/@type = 'source-comment') then 'Note of the source'
        else if ($note/@type = 'annotation') then 'Archival annotation'
        else if ($note/@type = 'editorial') then 'Editorial note'
        else 'Note'"/>
  </xsl:function>

  <!-- The id a note is linked by (its own, else a stable derived one). -->
  <xsl:function name="rz:note-id" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="if ($note/@xml:id) then string($note/@xml:id)
        else 'note-' || rz:slug(rz:note-label($note)) || '-' || rz:ordinal($note, 'note')"/>
  </xsl:function>

  <xsl:key name="rz:note-anchors" match="tei:ref[@type = 'noteAnchor']" use="tokenize(normalize-space(@target), ' ')"/>

  <!-- The note a noteAnchor ref points to. -->
  <xsl:function name="rz:note-of-anchor" as="element()?">
    <xsl:param name="ref" as="element()"/>
    <xsl:variable name="id" select="substring-after(tokenize(normalize-space($ref/@target), ' ')[1], '#')"/>
    <xsl:sequence select="if ($id) then id($id, root($ref))[self::tei:note][1] else ()"/>
  </xsl:function>

  <!-- Anchors that point to a note, in document order. -->
  <xsl:function name="rz:anchors-of-note" as="element()*">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="if ($note/@xml:id) then key('rz:note-anchors', '#' || $note/@xml:id, root($note)) else ()"/>
  </xsl:function>

  <xsl:function name="rz:anchor-id" as="xs:string">
    <xsl:param name="ref" as="element()"/>
    <xsl:sequence select="if ($ref/@xml:id) then string($ref/@xml:id)
                          else 'anchor-' || rz:ordinal($ref, 'anchor')"/>
  </xsl:function>

  <!-- ===== Mentions (persons, organisations, places, cover names) ===== -->

  <xsl:function name="rz:is-mention" as="xs:boolean">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="exists($el/@ref) and ($el/self::tei:persName or $el/self::tei:orgName
                          or $el/self::tei:placeName or $el/self::tei:rs or $el/self::tei:name)
                          and empty($el/ancestor::tei:teiHeader)"/>
  </xsl:function>

  <!-- persons | organisations | places, from the register the @ref points to. -->
  <xsl:function name="rz:mention-register" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:variable name="ref" select="string($el/@ref)"/>
    <xsl:sequence select="
        if (contains($ref, 'persons.xml') or contains($ref, '#per-')) then 'persons'
        else if (contains($ref, 'organisations.xml') or contains($ref, '#org-')) then 'organisations'
        else if (contains($ref, 'places.xml') or contains($ref, '#pl-')) then 'places'
        else if ($el/self::tei:orgName) then 'organisations'
        else if ($el/self::tei:placeName) then 'places'
        else 'persons'"/>
  </xsl:function>

  <!-- The register entry's id ("per-beriya"). -->
  <xsl:function name="rz:mention-key" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:variable name="ref" select="normalize-space($el/@ref)"/>
    <xsl:variable name="first" select="if (contains($ref, ' ')) then substring-before($ref, ' ') else $ref"/>
    <xsl:sequence select="if (contains($first, '#')) then substring-after($first, '#') else $first"/>
  </xsl:function>

  <!-- Stable id of a mention in the document, so registers can link to it. -->
  <xsl:function name="rz:mention-id" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="if ($el/@xml:id) then string($el/@xml:id)
        else 'mention-' || rz:ordinal($el, 'mention')"/>
  </xsl:function>

  <xsl:function name="rz:mention-explanation" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="
        if ($el/self::tei:rs[@type = 'covername']) then 'Cover name; see the persons register.'
        else 'See the ' || rz:mention-register($el) || ' register.'"/>
  </xsl:function>

  <!-- ===== Header facts ============================================== -->

  <xsl:function name="rz:title" as="xs:string">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="stmt" select="$tei/tei:teiHeader/tei:fileDesc/tei:titleStmt"/>
    <xsl:sequence select="normalize-space((
        $stmt/tei:title[@type = 'main'], $stmt/tei:title[@type = 'complete'],
        $stmt/tei:title[not(@type = 'sub')], $tei//tei:body/descendant::tei:head[1],
        $tei/@xml:id, '(untitled)')[normalize-space()][1])"/>
  </xsl:function>

  <!-- The document's own date as ISO text for sorting: @when, else
       @notBefore / @notAfter (FRUS: publicationStmt date[@type='created']). -->
  <xsl:function name="rz:sort-date" as="xs:string">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="d" select="rz:date-element($tei)"/>
    <xsl:sequence select="string(($d/@when, $d/@notBefore, $d/@from, $d/@notAfter, $d/@to)[1])"/>
  </xsl:function>

  <xsl:function name="rz:date-element" as="element()?">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="h" select="$tei/tei:teiHeader"/>
    <xsl:sequence select="(
        $h/tei:profileDesc/tei:creation/tei:date,
        $h/tei:profileDesc/tei:correspDesc/tei:correspAction[@type = 'sent']/tei:date,
        $h/tei:fileDesc/tei:publicationStmt/tei:date[@type = 'created'],
        $tei/tei:text//tei:docDate)[@when or @notBefore or @notAfter or @from or @to][1]"/>
  </xsl:function>

  <!-- Human form: "7 April 1946", "not before 1953", "1937". -->
  <xsl:function name="rz:date-label" as="xs:string">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="d" select="rz:date-element($tei)"/>
    <xsl:sequence select="
        if (empty($d)) then 'undated'
        else if ($d/@when) then rz:format-iso(string($d/@when))
        else if (($d/@notBefore or $d/@from) and ($d/@notAfter or $d/@to)) then
          rz:format-iso(string(($d/@notBefore, $d/@from)[1])) || '–' || rz:format-iso(string(($d/@notAfter, $d/@to)[1]))
        else if ($d/@notBefore or $d/@from) then 'not before ' || rz:format-iso(string(($d/@notBefore, $d/@from)[1]))
        else 'not after ' || rz:format-iso(string(($d/@notAfter, $d/@to)[1]))"/>
  </xsl:function>

  <!-- "1946-04-07" -> "7 April 1946"; "1946-04" -> "April 1946"; else as is. -->
  <xsl:function name="rz:format-iso" as="xs:string">
    <xsl:param name="iso" as="xs:string"/>
    <xsl:sequence select="
        if ($iso castable as xs:date) then rz:format-date(xs:date($iso), true())
        else if (matches($iso, '^\d{4}-\d{2}$')) then rz:format-date(xs:date($iso || '-01'), false())
        else if (matches($iso, '^\d{4}-\d{2}-\d{2}T')) then rz:format-iso(substring($iso, 1, 10))
        else $iso"/>
  </xsl:function>

  <xsl:variable name="rz:month-names" as="xs:string+" select="('January', 'February', 'March',
      'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December')"/>

  <!-- format-date($date, '[D] [MNn] [Y]' or '[MNn] [Y]', 'en') spelt out:
       format-date costs a page several times what the rest of its header
       does. Years before 1 or after 9999 still go to format-date. -->
  <xsl:function name="rz:format-date" as="xs:string">
    <xsl:param name="date" as="xs:date"/>
    <xsl:param name="with-day" as="xs:boolean"/>
    <xsl:variable name="year" select="year-from-date($date)"/>
    <xsl:sequence select="
        if ($year lt 1 or $year gt 9999)
        then format-date($date, if ($with-day) then '[D] [MNn] [Y]' else '[MNn] [Y]', 'en', (), ())
        else (if ($with-day) then day-from-date($date) || ' ' else '')
             || $rz:month-names[month-from-date($date)] || ' ' || $year"/>
  </xsl:function>

  <!-- The category a catRef of a scheme points to. -->
  <xsl:function name="rz:category" as="element()?">
    <xsl:param name="tei" as="element()"/>
    <xsl:param name="scheme" as="xs:string"/>
    <xsl:variable name="target" select="substring-after(string(($tei/tei:teiHeader/tei:profileDesc
        /tei:textClass/tei:catRef[@scheme = '#' || $scheme])[1]/@target), '#')"/>
    <xsl:sequence select="if ($target) then id($target, root($tei))[self::tei:category][1] else ()"/>
  </xsl:function>

  <!-- cable, report, letter, decision, record, lecture; '' when not declared. -->
  <xsl:function name="rz:kind" as="xs:string">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="rz:category-label($tei, 'kind', 'kind-')"/>
  </xsl:function>

  <!-- Highest classification of the original ("Top Secret"); '' if none. -->
  <xsl:function name="rz:classification" as="xs:string">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="rz:category-label($tei, 'classification', 'cls-')"/>
  </xsl:function>

  <xsl:function name="rz:category-label" as="xs:string">
    <xsl:param name="tei" as="element()"/>
    <xsl:param name="scheme" as="xs:string"/>
    <xsl:param name="prefix" as="xs:string"/>
    <xsl:variable name="cat" select="rz:category($tei, $scheme)"/>
    <xsl:variable name="target" select="substring-after(string(($tei/tei:teiHeader/tei:profileDesc
        /tei:textClass/tei:catRef[@scheme = '#' || $scheme])[1]/@target), '#')"/>
    <xsl:sequence select="
        if (normalize-space($cat/tei:catDesc/tei:term)) then normalize-space($cat/tei:catDesc/tei:term)
        else if (normalize-space($cat/tei:catDesc)) then normalize-space($cat/tei:catDesc)
        else if ($target) then replace(substring-after($target, $prefix), '-', ' ')
        else ''"/>
  </xsl:function>

  <!-- Sender and addressee as written in correspDesc ('' when absent). -->
  <xsl:function name="rz:sender" as="xs:string">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="rz:correspondent($tei, 'sent')"/>
  </xsl:function>

  <xsl:function name="rz:addressee" as="xs:string">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="rz:correspondent($tei, 'received')"/>
  </xsl:function>

  <xsl:function name="rz:correspondent" as="xs:string">
    <xsl:param name="tei" as="element()"/>
    <xsl:param name="type" as="xs:string"/>
    <xsl:variable name="action" select="$tei/tei:teiHeader/tei:profileDesc/tei:correspDesc
                                        /tei:correspAction[@type = $type]"/>
    <xsl:sequence select="string-join($action/(tei:persName | tei:orgName | tei:placeName | tei:name)
                                      ! normalize-space(), ', ')"/>
  </xsl:function>

  <!-- ===== Reading and diplomatic text as plain strings ============== -->

  <!-- Plain reading text of a node (titles, search snippets, tooltips). -->
  <xsl:function name="rz:reading-text" as="xs:string">
    <xsl:param name="node" as="node()*"/>
    <xsl:variable name="parts" as="xs:string*">
      <xsl:apply-templates select="$node" mode="rz:reading-text"/>
    </xsl:variable>
    <xsl:sequence select="normalize-space(string-join($parts))"/>
  </xsl:function>

  <xsl:template match="text()" mode="rz:reading-text">
    <xsl:sequence select="string(.)"/>
  </xsl:template>
  <xsl:template match="tei:choice" mode="rz:reading-text">
    <xsl:for-each select="rz:choice-reading(.)">
      <xsl:if test="self::tei:expan"> [</xsl:if>
      <xsl:apply-templates select="node()" mode="rz:reading-text"/>
      <xsl:if test="self::tei:expan">]</xsl:if>
    </xsl:for-each>
  </xsl:template>
  <xsl:template match="tei:gap" mode="rz:reading-text">
    <xsl:sequence select="rz:gap-label(.)"/>
  </xsl:template>
  <xsl:template match="tei:note[@type = 'original-term']" mode="rz:reading-text">
    <xsl:sequence select="'[' || normalize-space(.) || ']'"/>
  </xsl:template>
  <xsl:template match="tei:note | tei:fw | tei:pb" mode="rz:reading-text"/>
  <xsl:template match="tei:lb" mode="rz:reading-text">
    <xsl:sequence select="' '"/>
  </xsl:template>

  <!-- ===== Numbering ================================================= -->

  <!-- The position of an element among the document's elements of a kind
       (1-based), for ids the HTML, the PDF and the summaries share. One
       pass per document and kind (a cached function), not a count of
       preceding nodes per element, which is quadratic. -->
  <xsl:function name="rz:ordinal" as="xs:integer">
    <xsl:param name="el" as="element()"/>
    <xsl:param name="kind" as="xs:string"/>
    <xsl:sequence select="rz:ordinals(root($el), $kind)(generate-id($el))"/>
  </xsl:function>

  <xsl:function name="rz:ordinals" as="map(xs:string, xs:integer)" cache="yes">
    <xsl:param name="root" as="node()"/>
    <xsl:param name="kind" as="xs:string"/>
    <xsl:variable name="text" select="$root//tei:text"/>
    <xsl:variable name="members" select="
        if ($kind = 'term') then $text//tei:term
        else if ($kind = 'abbr') then $text//tei:choice[tei:abbr]
        else if ($kind = 'exemption') then $text//tei:note[@type = 'exemption']
        else if ($kind = 'unnumbered-note') then
          $text//tei:note[not(@n) and not(@type = 'annotation')][rz:is-numbered-note(.)]
        else if ($kind = 'note') then $root//tei:note
        else if ($kind = 'anchor') then $text//tei:ref[@type = 'noteAnchor']
        else if ($kind = 'mention') then $text//*[@ref][rz:is-mention(.)]
        else error(xs:QName('rz:kind'), 'no numbering for ' || $kind)"/>
    <xsl:sequence select="map:merge(for $i in 1 to count($members) return map { generate-id($members[$i]): $i })"/>
  </xsl:function>

  <!-- ===== Languages and small helpers ============================== -->

  <xsl:function name="rz:lang" as="xs:string">
    <xsl:param name="node" as="node()?"/>
    <xsl:sequence select="string($node/ancestor-or-self::*[@xml:lang][1]/@xml:lang)"/>
  </xsl:function>

  <xsl:function name="rz:language-name" as="xs:string">
    <xsl:param name="code" as="xs:string"/>
    <xsl:sequence select="
        if ($code = 'ru') then 'Russian'
        else if ($code = 'ru-Latn') then 'Russian, transliterated'
        else if ($code = 'en') then 'English'
        else if ($code = 'de') then 'German'
        else if ($code = 'fr') then 'French'
        else if ($code = '') then 'language not declared'
        else $code"/>
  </xsl:function>

  <xsl:function name="rz:capitalize" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:sequence select="upper-case(substring($s, 1, 1)) || substring($s, 2)"/>
  </xsl:function>

  <!-- A token usable in ids and file names. -->
  <xsl:function name="rz:slug" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:sequence select="replace(replace(lower-case(normalize-unicode($s, 'NFKD')), '\p{M}', ''),
                                  '[^a-z0-9\p{L}]+', '-') => replace('^-|-$', '')"/>
  </xsl:function>

</xsl:stylesheet>

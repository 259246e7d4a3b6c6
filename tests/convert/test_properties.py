"""Generated transcripts mixing every notation: the round trip holds and the TEI stays valid."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from rezident.convert.declared import load_declared
from rezident.convert.diplomatic import Regenerator, squeeze
from rezident.convert.document import convert_text

WORDS = st.sampled_from(["the", "agent", "network", "Moscow", "GUZENKO", "Beria", "PETROV", "Ежов", "работы",
                         "it's", "G.'s", "50%", "1946", "–", "ʹ", "\u00a0", "(x)", "a-b", "ChK", "so,", "end."])
NOTATIONS = st.sampled_from([
    "[2 groups unrecovered]", "[1 group unrecovered]", "[3 groups unrecoverable]", "[4 groups garbled]",
    "[1 groups unrecovered]", "[B% the former]", "[C% agent network and]", "[T% x]", "[ ]", "[ ] [ ]", "[...]",
    "[,]", "[;]", "25X1", "25X6", "RESIDENT [REZIDENT]", "operational work [AGENTURNO-OPERATIVNAYA RABOTA]",
    "TsK [Central Committee]", "VKP(b) [All-Union Communist Party (Bolsheviks)]", "[1]", "[11]", "[iv]",
    "**bold words**", "*italic*", "“a quotation”", "“**bold in quotes**”", "**“unbalanced**”", "\\$50",
    "[the]", "[of the Soviet Union]", "(RGASPI: 558/11/185, f. 1-65)", "(Pravda, 18.12.1921)",
    "Istoriia [State Security] (M.: ROSSPEN, 2004)", "[unknown thing]", "[", "]", "**", "*", "~~TOP SECRET~~",
    "[illegible]", "[?Politburo?]", "[?a [B% b]?]",
])
# an edition's own notations take part too
DECLARED = load_declared([
    {"name": "illegible", "pattern": r"\[illegible\]", "tei": '<gap reason="illegible"/>', "diplomatic": "[illegible]",
     "label": "illegible"},
    {"name": "doubtful", "pattern": r"\[\?(?P<text>[^\]]+)\?\]", "tei": '<unclear reason="illegible">{text}</unclear>',
     "diplomatic": "[?{text}?]"},
])
LINE_STARTS = st.sampled_from(["", "", "", "5. ", "12.", "- ", "  - ", "* ", "Comments: [i] ", "[ii] ",
                               "From: ", "No. ", "A source: ", "Archive: "])
STANDALONE = st.sampled_from(["SECRET", "Top Secret", "~~TOP SECRET~~", "-2-", "- 3 -", "25X1", "25X1 25X3",
                              "[Continued overleaf]", "Distribution", "RE-ISSUE", "Ref. No: 3/NBF/T261 (of 3/11/1952)",
                              "Issued: 15/4/1960", "7 April 46", "23 November 1938.", "Post a Comment", "<< Home",
                              "Comments:", "No. 304", "Marx | Lenin | Home Page", "SECRET\u00a0",
                              "~~TOP SECRET~~\u00a0", "No. 304\u00a0", "-2-\u00a0", "\u00a0RE-ISSUE"])
LINE = st.one_of(
    STANDALONE,
    st.builds(lambda start, tokens: start + " ".join(tokens), LINE_STARTS,
              st.lists(st.one_of(WORDS, NOTATIONS), min_size=1, max_size=12)),
)
TRANSCRIPT = st.lists(st.tuples(LINE, st.sampled_from(["\n", "\n\n", "\n\n\n", "\r\n"])), min_size=1, max_size=14) \
    .map(lambda lines: "".join(line + end for line, end in lines))
PROFILE = st.sampled_from(["venona", "crest", "archive-translation", "slides"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TRANSCRIPT, profile=PROFILE)
def test_generated_transcripts_round_trip_and_validate(text, profile, project_setup, tei_all, edition_schema):
    text = text.replace("\r\n", "\n")
    if not text.strip():
        return
    result = convert_text(text, edition=project_setup.edition, doc_id="generated", transcript_name="generated.txt",
                          profile=profile, kind="document", metadata={}, declared=DECLARED,
                          forms=project_setup.forms, transcript_bytes=text.encode())
    root = etree.fromstring(result.data)
    assert squeeze(Regenerator(DECLARED.forms).document(root)) == squeeze(text)
    assert tei_all.validate(root), (str(tei_all.error_log.last_error), text)
    assert edition_schema.validate(root), (str(edition_schema.error_log.last_error), text)

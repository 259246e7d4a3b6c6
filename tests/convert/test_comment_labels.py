"""Analysts' comment labels misread by the OCR (``[11]`` for ``[ii]``) are read like their anchors."""

from __future__ import annotations

from pathlib import Path

import pytest

from rezident.validate import Validator

from .conftest import xpath

CABLE = "From: MOSCOW\n\nTo: CANBERRA\n\n7 April 46\n\nTo be deciphered by the RESIDENT. {a}\n\nthe neighbours {b} in Canada.\n\n"


@pytest.fixture(scope="module")
def validator(project_root: Path) -> Validator:
    return Validator.for_schema_dir(project_root / "schema")


def _converted(snippet, validator, tmp_path, tei_all, text: str):
    """The VENONA snippet converted: valid against the edition's schema and tei_all."""
    root, result = snippet(text, "venona")
    out = tmp_path / "snippet.xml"
    out.write_bytes(result.data)
    report = validator.validate(out)
    assert report.ok, [f.message for f in report.findings]
    assert tei_all.validate(root), str(tei_all.error_log.last_error)
    return root, result


def _check(snippet, validator, tmp_path, tei_all, text: str):
    root, result = _converted(snippet, validator, tmp_path, tei_all, text)
    assert not [w for w in result.warnings if "has no comment" in w.message]
    return root


@pytest.mark.parametrize("text, written", [
    (CABLE.format(a="[1]", b="[11]") + "Comments: [1] Also sent to HAGUE.\n\n[11] NEIGHBOURS: another service.\n",
     ["1", "11"]),
    (CABLE.format(a="[1]", b="[11]") + "Comments:\n[1] Also sent to HAGUE.\n\n[11] NEIGHBOURS: another service.\n",
     ["1", "11"]),
    (CABLE.format(a="[1]", b="[11]") + "Comments:\n\n[1] Also sent to HAGUE.\n[11] NEIGHBOURS: another service.\n",
     ["1", "11"]),
    (CABLE.format(a="[i]", b="[11]") + "Comments: [i] Also sent to HAGUE.\n\n[11] NEIGHBOURS: another service.\n",
     ["i", "11"]),
    (CABLE.format(a="[1]", b="[ii]") + "Comments:\n[1] Also sent to HAGUE.\n\n[ii] NEIGHBOURS: another service.\n",
     ["1", "ii"]),
])
def test_digit_labels_are_read_as_roman_and_linked_both_ways(snippet, validator, tmp_path, tei_all, text, written):
    root = _check(snippet, validator, tmp_path, tei_all, text)
    notes = xpath(root, "//t:back/t:div[@type='comments']/t:note[@type='comment']")
    assert [n.get("n") for n in notes] == ["i", "ii"]
    for note, label in zip(notes, written):
        assert note.get("{http://www.w3.org/XML/1998/namespace}id") == f"note-{note.get('n')}"
        anchor = xpath(root, f"//t:ref[@type='noteAnchor'][@target='#note-{note.get('n')}']")
        assert len(anchor) == 1 and note.get("target") == "#" + anchor[0].get("{http://www.w3.org/XML/1998/namespace}id")
        if label.isdigit():   # the label as written is kept beside its reading
            assert xpath(note, "string(t:label/t:choice/t:sic)") == label
            assert xpath(note, "string(t:label/t:choice/t:corr)") == note.get("n")
        else:
            assert xpath(note, "t:label") == []


def test_a_digit_label_before_the_comments_is_running_text(snippet, validator, tmp_path, tei_all):
    text = CABLE.format(a="[1]", b="[11]") + "[1] is what the clerk wrote.\n\nComments: [1] Sent.\n\n[11] Another.\n"
    root = _check(snippet, validator, tmp_path, tei_all, text)
    assert len(xpath(root, "//t:note[@type='comment']")) == 2
    assert len(xpath(root, "//t:body//t:p[t:ref[@type='noteAnchor']][contains(., 'is what the clerk')]")) == 1


@pytest.mark.parametrize("text, anchors, comments, warning, where", [
    (CABLE.format(a="[1]", b="[11]") + "Comments: [1] Sent.\n", ["#note-i"], ["i"],
     "note anchor [ii] has no comment", "[11]"),
    (CABLE.format(a="[1]", b="") + "Comments: [1] Sent.\n\n[11] Unreferred.\n", ["#note-i"], ["i"],
     "comment [ii] has no note anchor", "[11] Unreferred"),
    (CABLE.format(a="[1111]", b="") + "Comments:\n[1111] Sent.\n", ["#note-iiii"], ["iiii"], None, None),
    (CABLE.format(a="", b="") + "Comments: [iii] Nothing refers to it.\n", [], [],
     "comment [iii] has no note anchor", "[iii]"),
])
def test_what_cannot_be_linked_stays_text_with_a_warning(snippet, validator, tmp_path, tei_all,
                                                        text, anchors, comments, warning, where):
    root, result = _converted(snippet, validator, tmp_path, tei_all, text)
    assert [r.get("target") for r in xpath(root, "//t:ref[@type='noteAnchor']")] == anchors
    assert [n.get("n") for n in xpath(root, "//t:note[@type='comment']")] == comments
    found = [w for w in result.warnings if "has no" in w.message]
    if warning is None:
        assert found == []
    else:
        offset = text.index(where)
        line, column = text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)
        assert [(w.line, w.column) for w in found] == [(line, column)] and warning in found[0].message


def test_a_misread_label_is_shown_once_in_the_html_and_print_editions(snippet, project_root, tmp_path):
    """The label as written is for the diplomatic text; both editions label the comment from @n."""
    import lxml.html

    from rezident.html.render import HtmlRenderer
    from rezident.pdf.stylesheet import EditionFacts, PrintStylesheet

    text = CABLE.format(a="[1]", b="[11]") + "Comments:\n[1] Sent to HAGUE.\n\n[11] NEIGHBOURS: another service.\n"
    _, result = snippet(text, "venona")
    tei = tmp_path / "snippet.xml"
    tei.write_bytes(result.data)
    page = HtmlRenderer(project_root / "xslt").render_document(tei, tmp_path / "html")[0]
    items = lxml.html.parse(str(page)).getroot().xpath("//ol[contains(@class, 'notes-list')]/li")
    bodies = [" ".join(item.xpath(".//*[@class = 'note-body']")[0].text_content().split()) for item in items]
    assert bodies == ["Sent to HAGUE.", "NEIGHBOURS: another service."]
    volume = lxml.html.fromstring(PrintStylesheet(project_root / "xslt").volume_html([tei], EditionFacts(title="V"), None))
    printed = " ".join(volume.text_content().split())
    # footnotes where the anchors stand, their call marks drawn by the stylesheet: no label as text
    assert "RESIDENT. Sent to HAGUE." in printed and "neighbours NEIGHBOURS: another service." in printed

"""Third-party OCR transcripts (CIA JFK releases): converted with a detected profile, they round-trip."""

from __future__ import annotations

import pytest
from lxml import etree

from rezident import convert as cv
from rezident.convert.diplomatic import Regenerator, squeeze


@pytest.mark.parametrize("profile", [None, "crest", "archive-translation"])
def test_ocr_files_round_trip_and_validate(corpora, project_setup, tei_all, profile):
    files = sorted((corpora / "ocr-cia-jfk").glob("*.md"))
    assert files, "no OCR transcripts in the corpora"
    for path in files:
        result = cv.convert_file(project_setup, path, profile)
        root = etree.fromstring(result.data)
        assert squeeze(Regenerator().document(root)) == squeeze(cv.reading.read_transcript(path)), path.name
        assert tei_all.validate(root), (path.name, str(tei_all.error_log.last_error))

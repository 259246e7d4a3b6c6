"""Entry pages through the build: recorded as the collection's outputs, so a
page no longer needed is removed by the next build."""

from __future__ import annotations

import shutil
from dataclasses import replace

import pytest
from html_helpers import own_stylesheets

from rezident import edition as edition_config
from rezident.build import BuildRequest, build

pytestmark = pytest.mark.slow


def test_an_entry_page_no_longer_needed_is_removed_by_the_next_build(project_root, xslt_dir, tmp_path):
    tei = project_root / "tei"
    if not any(tei.glob("*.xml")):
        pytest.skip("tei/ has no documents yet (run `rezident convert`)")
    shutil.copytree(tei, tmp_path / "tei")
    # the edition's own stylesheets, with a page for every entry of more than one document
    default = '<xsl:param name="inline-documents" as="xs:integer" select="25"/>'
    own = own_stylesheets(xslt_dir, tmp_path, default, default.replace('"25"', '"1"'))
    edition = edition_config.load(project_root)
    request = replace(BuildRequest.for_edition(edition, tei_dir=tmp_path / "tei", out_dir=tmp_path / "out",
                                               targets=("html",), validate=False, search=False, jobs=1),
                      xslt_dir=own)
    assert build(request).ok
    site = tmp_path / "out" / "html"
    # Japan and Uspensky: in Papadatos and Yezhov's request; China: in Papadatos and the CIA report
    for page in ("places/pl-japan.html", "persons/per-uspensky.html", "places/pl-china.html"):
        assert (site / page).is_file(), page
    assert 'href="places/pl-japan.html"' in (site / "places.html").read_text(encoding="utf-8")

    (tmp_path / "tei" / "yezhov-1938-11-23-resignation-request.xml").unlink()
    assert build(request).ok
    assert not (site / "places" / "pl-japan.html").exists()
    assert not (site / "persons" / "per-uspensky.html").exists()
    assert (site / "places" / "pl-china.html").is_file()
    places = (site / "places.html").read_text(encoding="utf-8")
    assert 'href="places/pl-japan.html"' not in places and 'id="pl-japan"' in places

"""The build with the real validator and HTML renderer, on a copy of the edition's TEI."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from rezident import edition as edition_config
from rezident.build import BuildRequest, build

pytestmark = pytest.mark.slow


@pytest.fixture
def copy(project_root: Path, tmp_path: Path) -> Path:
    tei = project_root / "tei"
    if not any(tei.glob("*.xml")):
        pytest.skip("tei/ has no documents yet (run `rezident convert`)")
    shutil.copytree(tei, tmp_path / "tei")
    return tmp_path


def test_html_build_is_incremental_with_the_real_renderer(project_root, copy):
    edition = edition_config.load(project_root)
    request = BuildRequest.for_edition(edition, tei_dir=copy / "tei", out_dir=copy / "out",
                                       targets=("html",), validate=False, search=False, jobs=1)
    first = build(request)
    assert first.ok, first.failures
    site = copy / "out" / "html"
    documents = sorted(p.stem for p in (copy / "tei").glob("*.xml"))
    for stem in documents:
        assert (site / f"{stem}.html").is_file()
        assert (site / "tei" / f"{stem}.xml").read_bytes() == (copy / "tei" / f"{stem}.xml").read_bytes()
    assert (site / "index.html").is_file()

    again = build(request)
    assert not again.published and again.stages[0].built == 0

    venona = copy / "tei" / "venona-1946-04-07-moscow-canberra-76.xml"
    venona.write_text(venona.read_text(encoding="utf-8").replace(
        "several dozen incoming", "several (changed) dozen incoming"), encoding="utf-8")
    index = (site / "index.html").read_bytes()
    changed = build(request)
    assert changed.ok and changed.published
    assert changed.stages[0].built == 1  # the cable: its summary, so the collection pages, are the same
    assert "several (changed) dozen incoming" in (site / f"{venona.stem}.html").read_text(encoding="utf-8")

    main = '<title type="main">'
    title = venona.read_text(encoding="utf-8").split(main, 1)[1].split("<", 1)[0]
    venona.write_text(venona.read_text(encoding="utf-8").replace(
        f"{main}{title}", f"{main}{title} (retitled)", 1), encoding="utf-8")
    retitled = build(request)
    assert retitled.stages[0].built == 1 + 1  # the cable and the collection pages
    assert (site / "index.html").read_bytes() != index
    assert f"{title} (retitled)" in (site / "index.html").read_text(encoding="utf-8")


def test_validation_with_the_real_validator_stops_on_an_invalid_document(project_root, copy):
    edition = edition_config.load(project_root)
    bad = copy / "tei" / "venona-1946-04-07-moscow-canberra-76.xml"
    bad.write_text(bad.read_text(encoding="utf-8").replace(
        'reason="cipher-unrecovered"', 'reason="lost-in-the-post"', 1), encoding="utf-8")
    request = BuildRequest.for_edition(edition, tei_dir=copy / "tei", out_dir=copy / "out",
                                       targets=("html",), jobs=1)
    report = build(request)
    assert not report.published and not (copy / "out" / "html").exists()
    assert any(f.path == bad and f.severity == "error" for f in report.errors)

"""A whole HTML edition in one call (non-incremental).

The build orchestrator (``rezident build``) drives ``HtmlRenderer`` itself
to render only what changed and to cache summaries; this is the simple path
for scripts, tests and foreign TEI.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..edition import Edition
from ..errors import RezidentError
from ..resources import shipped_xslt_dir
from .render import HtmlRenderer
from .search import build_search_index

Progress = Callable[[Path], None]


def build_html(tei_dir: Path, out_dir: Path, edition: Edition | None = None,
               progress: Progress | None = None, search: bool = True) -> None:
    """Render every ``*.xml`` in ``tei_dir`` (not its registers) into ``out_dir``.

    ``progress`` is called with each TEI file once its page is written.
    Registers are read from ``tei_dir/registers`` when present.
    """
    tei_dir = Path(tei_dir)
    documents = sorted(p for p in tei_dir.glob("*.xml") if p.is_file())
    if not documents:
        raise RezidentError("no TEI documents (*.xml) here", path=tei_dir)
    xslt_dir = edition.xslt_dir if edition is not None else shipped_xslt_dir()
    renderer = HtmlRenderer(xslt_dir, edition)
    summaries = []
    for path in documents:
        renderer.render_document(path, out_dir)
        summaries.append(renderer.summarize(path))
        if progress is not None:
            progress(path)
    registers = tei_dir / "registers"
    renderer.render_collection(summaries, out_dir,
                               registers_dir=registers if registers.is_dir() else None,
                               schema_dir=edition.schema_dir if edition is not None else None)
    renderer.copy_assets(out_dir)
    if search:
        build_search_index(out_dir)

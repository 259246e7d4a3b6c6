"""How fast the HTML edition renders: 1,000 documents the size of the VENONA cable.

Target (issue 4): under 10 s on one core, stylesheets compiled once.
Run: .venv/bin/python bench/bench_html.py [--documents N] [--tei FILE]
Prints the figures; writes only into a temporary folder.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from rezident.html import HtmlRenderer  # noqa: E402
from rezident.resources import shipped_xslt_dir  # noqa: E402

VENONA = ROOT / "tei" / "venona-1946-04-07-moscow-canberra-76.xml"
FALLBACK = ROOT / "tests" / "html" / "fixtures" / "cable.xml"


def make_corpus(model: Path, folder: Path, count: int) -> list[Path]:
    """``count`` copies of ``model``, each with its own id and date."""
    text = model.read_text(encoding="utf-8")
    paths = []
    for number in range(count):
        doc_id = f"bench-{number:05d}"
        copy = re.sub(r'(<TEI\b[^>]*\bxml:id=")[^"]*"', rf'\g<1>{doc_id}"', text, count=1)
        copy = copy.replace("1946-04-07", f"19{40 + number % 50:02d}-{1 + number % 12:02d}-07")
        path = folder / f"{doc_id}.xml"
        path.write_text(copy, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--tei", type=Path, default=VENONA if VENONA.is_file() else FALLBACK,
                        help="the model document (default: the VENONA cable, or the test fixture)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-html-") as tmp:
        tmp_path = Path(tmp)
        corpus = make_corpus(args.tei, tmp_path / "tei", args.documents) if (tmp_path / "tei").mkdir() is None else []
        site = tmp_path / "html"
        size = args.tei.stat().st_size

        start = time.perf_counter()
        renderer = HtmlRenderer(shipped_xslt_dir())
        compiled = time.perf_counter()
        summaries = []
        for path in corpus:
            renderer.render_document(path, site)
            summaries.append(renderer.summarize(path))
        documents = time.perf_counter()
        renderer.render_collection(summaries, site)
        renderer.copy_assets(site)
        done = time.perf_counter()

        print(f"model document        {args.tei.name} ({size:,} bytes)")
        print(f"documents             {len(corpus)}")
        print(f"compile stylesheets   {compiled - start:6.2f} s (once)")
        print(f"document pages        {documents - compiled:6.2f} s "
              f"({(documents - compiled) / len(corpus) * 1000:.2f} ms per document, page + summary)")
        print(f"collection pages      {done - documents:6.2f} s")
        print(f"total                 {done - start:6.2f} s (target: under 10 s)")


if __name__ == "__main__":
    main()

"""How fast the PDF edition renders: pages per second and milliseconds per page.

Two runs, one renderer (print stylesheet compiled, CSS parsed and fonts
loaded once): the volume of the edition in tei/, and N copies of the VENONA
cable (default 100) rendered one after another as separate PDFs.
Target (issue 5): under 150 ms per page on one core.

Run: .venv/bin/python bench/bench_pdf.py [--copies N] [--tei FILE] [--skip-volume]
Prints the figures (wall time and the CPU time of this process, which is
what one core spends however busy the machine is); writes only into a
temporary folder.
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

import pypdf  # noqa: E402

from rezident import edition as edition_config  # noqa: E402
from rezident.pdf import PdfRenderer  # noqa: E402

VENONA = ROOT / "tei" / "venona-1946-04-07-moscow-canberra-76.xml"
FALLBACK = ROOT / "tests" / "pdf" / "data" / "cable.xml"


class Clock:
    def __init__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def lap(self) -> tuple[float, float]:
        wall, cpu = time.perf_counter(), time.process_time()
        lap = (wall - self.wall, cpu - self.cpu)
        self.wall, self.cpu = wall, cpu
        return lap


def pages(paths: list[Path]) -> int:
    return sum(len(pypdf.PdfReader(p).pages) for p in paths)


def report(label: str, count: int, wall: float, cpu: float) -> None:
    print(f"{label}: {count} pages in {wall:.2f} s wall, {cpu:.2f} s CPU; "
          f"{count / wall:.1f} pages/s wall, {count / cpu:.1f} pages/s CPU; "
          f"{1000 * cpu / count:.0f} ms CPU per page (target < 150)")


def copies_of(model: Path, folder: Path, count: int) -> list[Path]:
    """``count`` copies of ``model``, each with its own id."""
    text = model.read_text(encoding="utf-8")
    paths = []
    for number in range(count):
        doc_id = f"bench-{number:04d}"
        path = folder / f"{doc_id}.xml"
        path.write_text(re.sub(r'(<TEI\b[^>]*\bxml:id=")[^"]*"', rf'\g<1>{doc_id}"', text, count=1),
                        encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=100)
    parser.add_argument("--tei", type=Path, default=VENONA if VENONA.is_file() else FALLBACK,
                        help="the document to copy (default: the VENONA cable, or the test sample)")
    parser.add_argument("--skip-volume", action="store_true", help="only the copies")
    args = parser.parse_args()

    edition = edition_config.load(ROOT)
    clock = Clock()
    renderer = PdfRenderer(ROOT / "xslt", edition)
    wall, cpu = clock.lap()
    print(f"renderer ready (stylesheet compiled, CSS and fonts loaded) in {wall:.2f} s")

    with tempfile.TemporaryDirectory(prefix="bench-pdf-") as tmp:
        folder = Path(tmp)
        tei = sorted((ROOT / "tei").glob("*.xml"))
        if tei and not args.skip_volume:
            clock.lap()
            volume = renderer.render_volume(tei, folder / "edition.pdf", ROOT / "tei" / "registers")
            wall, cpu = clock.lap()
            report(f"volume ({len(tei)} documents + registers)", pages([volume]), wall, cpu)

        sources = copies_of(args.tei, folder, args.copies)
        clock.lap()
        written = [renderer.render_document(src, src.with_suffix(".pdf")) for src in sources]
        wall, cpu = clock.lap()
        report(f"{args.copies} copies of {args.tei.name}", pages(written), wall, cpu)


if __name__ == "__main__":
    main()

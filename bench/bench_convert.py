"""How fast the converter is: CPU time per document on the edition's transcripts (and other corpora).

    .venv/bin/python bench/bench_convert.py [--rounds N] [--corpus DIR]

Prints one line per set; nothing is written. ``--corpus`` adds a synthetic
edition written by ``bench/generate.py DIR -n N``. CPU time (this process
only) is the figure to compare: the machine's other work changes the wall
time much more than the CPU time, but not nothing, so compare runs made at
the same time.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from rezident import convert, edition
from rezident.convert.document import convert_text

ROOT = Path(__file__).resolve().parent.parent
OCR = ROOT.parent / "shared" / "corpora" / "ocr-cia-jfk"


def timed(label: str, rounds: int, work) -> None:
    """Run ``work`` (which returns documents and characters) ``rounds`` times after a warm-up; print the best round."""
    work()  # warm up: imports, compiled patterns, the converter's caches
    best_cpu, best_wall, documents, characters = float("inf"), float("inf"), 0, 0
    for _ in range(rounds):
        wall, cpu = time.perf_counter(), time.process_time()
        documents, characters = work()
        best_cpu = min(best_cpu, time.process_time() - cpu)
        best_wall = min(best_wall, time.perf_counter() - wall)
    print(f"{label}: {best_cpu / documents * 1000:6.2f} ms CPU per document, {documents / best_wall:7.1f} documents/s, "
          f"{characters / best_cpu / 1e6:5.2f} M chars/s CPU ({documents} documents, best of {rounds})")


def sources_of(ed: edition.Edition, setup: convert.Setup, sources=None):
    sources = list(ed.sources if sources is None else sources)
    size = sum(source.file.stat().st_size for source in sources)

    def work():
        for source in sources:
            convert.convert_source(setup, source)
        return len(sources), size
    return work


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--corpus", type=Path, help="a synthetic edition (bench/generate.py DIR -n N)")
    args = parser.parse_args()
    ed = edition.load(ROOT)
    start = time.process_time()
    setup = convert.setup(ed)
    print(f"setup (declared conventions, registers): {(time.process_time() - start) * 1000:.1f} ms CPU")

    timed("the edition's transcripts", args.rounds, sources_of(ed, setup))
    venona = [source for source in ed.sources if source.profile == "venona"]
    timed("the VENONA cable", args.rounds * 10, sources_of(ed, setup, venona * 10))

    def round_trip():
        from lxml import etree

        from rezident.convert.diplomatic import Regenerator
        for source in ed.sources:
            result = convert.convert_source(setup, source)
            Regenerator(setup.declared.forms).document(etree.fromstring(result.data))
        return len(ed.sources), sum(source.file.stat().st_size for source in ed.sources)
    timed("convert + regenerate", args.rounds, round_trip)

    for repeats in (500, 2000):
        # one long paragraph dense with notations: the time should grow linearly with its length
        text = ("The RESIDENT [REZIDENT] met GUZENKO [,] in Moscow [B% the former] "
                "[2 groups unrecovered] and [weird] ") * repeats + "\n"
        start = time.process_time()
        convert_text(text, edition=ed, doc_id="long", transcript_name="long.txt", profile="venona",
                     kind="document", metadata={}, declared=setup.declared, forms=setup.forms,
                     transcript_bytes=text.encode())
        elapsed = time.process_time() - start
        print(f"one paragraph of {len(text) / 1000:.0f} kB: {elapsed:.2f} s CPU "
              f"({len(text) / elapsed / 1e6:.2f} M chars/s)")

    if OCR.is_dir():
        files = sorted(OCR.glob("*.md"))

        def ocr():
            for path in files:
                convert.convert_file(setup, path)
            return len(files), sum(path.stat().st_size for path in files)
        timed("OCR corpus (profile detected)", args.rounds, ocr)

    if args.corpus:
        corpus = edition.load(args.corpus)
        timed(f"synthetic corpus {args.corpus}", max(1, args.rounds // 2),
              sources_of(corpus, convert.setup(corpus)))


if __name__ == "__main__":
    main()

"""How fast the converter is: documents per second on the edition's transcripts (and the OCR corpus).

    .venv/bin/python bench/bench_convert.py [--rounds N]

Prints one line per set; nothing is written. Run it alone: the machine's other
work skews the figures.
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
    work()  # warm up: imports, compiled patterns
    documents, characters = 0, 0
    start = time.perf_counter()
    for _ in range(rounds):
        n, chars = work()
        documents += n
        characters += chars
    elapsed = time.perf_counter() - start
    print(f"{label}: {documents / elapsed:8.1f} documents/s  {characters / elapsed / 1e6:6.2f} M chars/s  "
          f"({documents} documents in {elapsed:.2f} s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    ed = edition.load(ROOT)
    start = time.perf_counter()
    setup = convert.setup(ed)
    print(f"setup (declared conventions, registers): {(time.perf_counter() - start) * 1000:.1f} ms")

    def edition_sources():
        results = [convert.convert_source(setup, source) for source in ed.sources]
        return len(results), sum(source.file.stat().st_size for source in ed.sources)

    def round_trip():
        for source in ed.sources:
            result = convert.convert_source(setup, source)
            from lxml import etree
            from rezident.convert.diplomatic import Regenerator
            Regenerator(setup.declared.forms).document(etree.fromstring(result.data))
        return len(ed.sources), sum(source.file.stat().st_size for source in ed.sources)

    timed("the edition's transcripts", args.rounds, edition_sources)
    timed("convert + regenerate", args.rounds, round_trip)
    for repeats in (500, 2000):
        # one long paragraph dense with notations: the time should grow linearly with its length
        text = ("The RESIDENT [REZIDENT] met GUZENKO [,] in Moscow [B% the former] "
                "[2 groups unrecovered] and [weird] ") * repeats + "\n"
        start = time.perf_counter()
        convert_text(text, edition=ed, doc_id="long", transcript_name="long.txt", profile="venona",
                     kind="document", metadata={}, declared=setup.declared, forms=setup.forms,
                     transcript_bytes=text.encode())
        elapsed = time.perf_counter() - start
        print(f"one paragraph of {len(text) / 1000:.0f} kB: {elapsed:.2f} s ({len(text) / elapsed / 1e6:.2f} M chars/s)")
    if OCR.is_dir():
        files = sorted(OCR.glob("*.md"))

        def ocr():
            for path in files:
                convert.convert_file(setup, path)
            return len(files), sum(path.stat().st_size for path in files)
        timed("OCR corpus (profile detected)", args.rounds, ocr)


if __name__ == "__main__":
    main()

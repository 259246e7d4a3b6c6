"""How fast `rezident validate` checks documents the size of the VENONA cable.

Builds a corpus of N variants of tei/venona-*.xml (each its own id and file,
gap counts varied) with the edition's registers in a temporary folder, loads
the schemas once, then validates every document on one core and prints
documents per CPU-second, with where the time goes. Target: >= 500 documents
per second for the whole validation (read, parse, RELAX NG, Schematron,
report).

The breakdown takes each document, right after validating it, through the
validator's steps in its order, timing each in CPU time like the total; what
the whole validation costs beyond them (facts, findings, the report) is
printed as "the rest", so the figures add up to the total. (Timing each step in a loop of its own, over
documents parsed beforehand, flatters it: its code and data stay in the
caches, which in a validation they do not.)

    .venv/bin/python bench/bench_validate.py [--documents 1000]
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from rezident import safexml  # noqa: E402
from rezident.validate import Validator  # noqa: E402


def build_corpus(folder: Path, count: int) -> list[Path]:
    sources = sorted((ROOT / "tei").glob("venona-*.xml"))
    if not sources:
        raise SystemExit("no tei/venona-*.xml: run `rezident convert` first")
    source = sources[0]
    text = source.read_text(encoding="utf-8")
    shutil.copytree(ROOT / "tei" / "registers", folder / "registers")
    files = []
    for n in range(count):
        doc_id = f"{source.stem}-v{n:05d}"
        variant = text.replace(source.stem, doc_id)
        variant = re.sub(r'quantity="(\d+)"', lambda m, n=n: f'quantity="{int(m.group(1)) + n % 7}"', variant)
        path = folder / f"{doc_id}.xml"
        path.write_text(variant, encoding="utf-8")
        files.append(path)
    return files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--documents", type=int, default=1000)
    args = parser.parse_args()
    clock = time.process_time
    with tempfile.TemporaryDirectory() as tmp:
        files = build_corpus(Path(tmp), args.documents)
        count = len(files)
        size = sum(f.stat().st_size for f in files) / count
        start = time.perf_counter()
        validator = Validator.for_schema_dir(ROOT / "schema")
        loading = time.perf_counter() - start
        for path in files[:20]:  # warm caches (registers, lru) as a long run would have them
            validator.validate(path)

        # Each document is validated, then taken through the validator's steps one by one, in
        # its order, timed apart; alternating the two keeps them under the same load, so that
        # the steps and the rest add up to the whole.
        invalid, whole, wall = 0, 0.0, 0.0
        steps = dict.fromkeys(["read", "parse", "Schematron", "RELAX NG", "freeing the tree"], 0.0)
        for path in files:
            w0, c0 = time.perf_counter(), clock()
            invalid += not validator.validate(path).ok
            whole += clock() - c0
            wall += time.perf_counter() - w0
            t0 = clock()
            data = safexml.read(path)
            t1 = clock()
            tree = safexml.parse_bytes(data, path=path, collect_ids=False)
            t2 = clock()
            validator.schematron.run(tree)
            t3 = clock()
            validator.relaxng.validate(tree)
            t4 = clock()
            del tree
            t5 = clock()
            for name, seconds in zip(steps, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4)):
                steps[name] += seconds
        steps["the rest (facts, findings, report)"] = whole - sum(steps.values())

    print(f"corpus: {count} documents of {size / 1024:.1f} KiB (variants of the VENONA cable)")
    print(f"schemas loaded in {loading * 1000:.0f} ms")
    print(f"validated (read, parse, RELAX NG, Schematron, report) in {whole:.2f} s CPU, "
          f"{wall:.2f} s wall: {count / whole:.0f} documents/s (CPU), {count / wall:.0f} documents/s (wall)")
    schemas = steps["RELAX NG"] + steps["Schematron"]
    print(f"RELAX NG + Schematron alone (reading and parsing left out): {count / schemas:.0f} documents/s (CPU)")
    print(f"per document, CPU ({whole / count * 1000:.2f} ms in all):")
    for name, seconds in steps.items():
        print(f"  {name:<36} {seconds / count * 1000:6.3f} ms  {seconds / whole:4.0%}")
    print(f"invalid documents: {invalid} (expected 0)")
    print("target: >= 500 documents/s on one core (whole validation, CPU time):",
          "met" if count / whole >= 500 else "NOT met")
    print("(CPU time is the honest figure on a shared machine; wall time counts other processes' turns)")


if __name__ == "__main__":
    main()

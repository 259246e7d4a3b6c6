"""How fast `rezident validate` checks documents the size of the VENONA cable.

Builds a corpus of N variants of tei/venona-*.xml (each its own id and file,
gap counts varied) with the edition's registers in a temporary folder, loads
the schemas once, then validates every document (parse, RELAX NG,
Schematron) on one core and prints documents per second, with the share of
each step. Target: >= 500 documents per second.

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
        variant = re.sub(r'quantity="(\d+)"', lambda m: f'quantity="{int(m.group(1)) + n % 7}"', variant)
        path = folder / f"{doc_id}.xml"
        path.write_text(variant, encoding="utf-8")
        files.append(path)
    return files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--documents", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        files = build_corpus(Path(tmp), args.documents)
        size = sum(f.stat().st_size for f in files) / len(files)
        start = time.perf_counter()
        validator = Validator.for_schema_dir(ROOT / "schema")
        loading = time.perf_counter() - start

        data = [f.read_bytes() for f in files]
        steps = {"parse": 0.0, "relaxng": 0.0, "schematron": 0.0}
        for path, raw in zip(files[:100], data[:100]):  # where the time goes, on a sample
            t0 = time.perf_counter()
            tree = safexml.parse_bytes(raw, path=path, collect_ids=False)
            t1 = time.perf_counter()
            validator.relaxng.validate(tree)
            t2 = time.perf_counter()
            validator.schematron.run(tree)
            t3 = time.perf_counter()
            steps["parse"] += t1 - t0
            steps["relaxng"] += t2 - t1
            steps["schematron"] += t3 - t2

        cpu, wall = time.process_time(), time.perf_counter()
        invalid = sum(not validator.validate(path).ok for path in files)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall

        # The schemas alone, on documents parsed beforehand.
        trees = [safexml.parse_bytes(raw, path=path, collect_ids=False)
                 for path, raw in zip(files, data)]
        schemas_cpu = time.process_time()
        for tree in trees:
            validator.relaxng.validate(tree)
            validator.schematron.run(tree)
        schemas_cpu = time.process_time() - schemas_cpu

    total = sum(steps.values())
    print(f"corpus: {len(files)} documents of {size / 1024:.1f} KiB (variants of the VENONA cable)")
    print(f"schemas loaded in {loading * 1000:.0f} ms")
    print(f"validated (read, parse, RELAX NG, Schematron, report) in {wall:.2f} s wall, "
          f"{cpu:.2f} s CPU: {len(files) / wall:.0f} documents/s (wall), "
          f"{len(files) / cpu:.0f} documents/s (CPU)")
    print(f"RELAX NG + Schematron alone, documents parsed beforehand: "
          f"{len(files) / schemas_cpu:.0f} documents/s (CPU)")
    print("per document: " + ", ".join(
        f"{name} {seconds / 100 * 1000:.2f} ms ({seconds / total:.0%})" for name, seconds in steps.items()))
    print(f"invalid documents: {invalid} (expected 0)")
    print("target: >= 500 documents/s on one core (whole validation, CPU time):",
          "met" if len(files) / cpu >= 500 else "NOT met")
    print("(CPU time is the honest figure on a shared machine; wall time counts other processes' turns)")


if __name__ == "__main__":
    main()

"""How fast rezident packages and verifies a large edition, against bagit.make_bag.

    .venv/bin/python bench/bench_deposit.py [--documents 2000] [--pdf-kb 150]

A synthetic edition (the example edition's TEI documents and transcripts
repeated under new ids, an HTML page and a PDF of random bytes per
document) in a temporary folder. Measured: ``make_deposit`` as a folder, a
zip and a tar (packaging only: the validation gate is the validator's cost
and is timed apart), ``verify`` of the folder and of the tar, and, as the
baseline, ``bagit.make_bag`` over a copy of the same payload with SHA-256
and SHA-512 followed by ``Bag.validate``. Prints the figures; writes only
into the temporary folder.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from rezident import edition as edition_config  # noqa: E402
from rezident.deposit import make_deposit, validation_findings, verify  # noqa: E402


def synthetic_edition(root: Path, documents: int, pdf_kb: int) -> edition_config.Edition:
    example = edition_config.load(ROOT)
    sources = [s for s in example.sources if s.tei_path(example.tei_dir).is_file()]
    if not sources:
        sys.exit("the example edition has no TEI yet: run `rezident convert` first")
    (root / "transcripts").mkdir(parents=True)
    (root / "tei").mkdir()
    shutil.copytree(example.tei_dir / "registers", root / "tei" / "registers")
    (root / "output" / "html").mkdir(parents=True)
    (root / "output" / "pdf").mkdir()
    config = ['[edition]\nid = "bench"\nversion = "1.0.0"\ntitle = "Bench"\n'
              'editors = ["B"]\npublisher = "P"\n']
    for n in range(documents):
        source = sources[n % len(sources)]
        doc_id = f"{source.id}-{n:05d}"
        tei = source.tei_path(example.tei_dir).read_text(encoding="utf-8")
        tei = re.sub(r'(<TEI\b[^>]*xml:id=")[^"]+"', rf'\g<1>{doc_id}"', tei, count=1)
        (root / "tei" / f"{doc_id}.xml").write_text(tei, encoding="utf-8")
        shutil.copyfile(source.file, root / "transcripts" / f"{doc_id}.txt")
        (root / "output" / "html" / f"{doc_id}.html").write_text(f"<p>{doc_id}</p>" * 400)
        (root / "output" / "pdf" / f"{doc_id}.pdf").write_bytes(os.urandom(pdf_kb * 1024))
        config.append(f'[[source]]\nfile = "{doc_id}.txt"\nid = "{doc_id}"\n'
                      f'profile = "{source.profile}"\nkind = "{source.kind}"\n')
    (root / "edition.toml").write_text("\n".join(config), encoding="utf-8")
    return edition_config.load(root)


def timed(label: str, func, *args, **kwargs):
    start = time.perf_counter()
    result = func(*args, **kwargs)
    print(f"{label:<42} {time.perf_counter() - start:7.2f} s", flush=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=2000)
    parser.add_argument("--pdf-kb", type=int, default=150)
    parser.add_argument("--validate", action="store_true",
                        help="also time the validation gate over the whole edition")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="rezident-bench-deposit-") as tmp:
        work = Path(tmp)
        edition = timed("generating the edition", synthetic_edition, work / "edition",
                        options.documents, options.pdf_kb)
        files = sum(1 for p in work.joinpath("edition").rglob("*") if p.is_file())
        octets = sum(p.stat().st_size for p in work.joinpath("edition").rglob("*") if p.is_file())
        print(f"{options.documents} documents, {files} files, {octets / 1e6:.0f} MB, "
              f"{os.cpu_count()} cores")
        if options.validate:
            found = timed("validation gate", validation_findings, edition)
            print(f"  ({len(found)} findings)")
        folder = timed("deposit (folder)", make_deposit, edition, work / "dir",
                       allow_invalid=True).path
        timed("deposit --zip", make_deposit, edition, work / "zip", serialization="zip",
              allow_invalid=True)
        tar = timed("deposit --tar", make_deposit, edition, work / "tar", serialization="tar",
                    allow_invalid=True).path
        for label, bag in (("verify (folder)", folder), ("verify (tar)", tar)):
            result = timed(label, verify, bag)
            if not result.ok:
                sys.exit(f"{bag} did not verify: {result.findings()[:5]}")

        import bagit
        baseline = work / "baseline"
        shutil.copytree(folder / "data", baseline)
        bag = timed("baseline: bagit.make_bag sha256+sha512", bagit.make_bag, str(baseline),
                    checksums=["sha256", "sha512"], processes=os.cpu_count() or 1)
        timed("baseline: bagit Bag.validate", bag.validate, processes=os.cpu_count() or 1)


if __name__ == "__main__":
    main()

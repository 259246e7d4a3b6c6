"""What the search index costs: Pagefind and the offline index over built sites.

    .venv/bin/python bench/bench_search.py [SITE ...] [--whole] [--part-words N]

For each built HTML site (default: bench/out/1000 and bench/out/10000, as
bench_build.py leaves them), on a linked copy of it in the temporary folder
(the site itself is not touched), runs ``build_search_index`` in a fresh
interpreter and prints the document pages, wall time, CPU time and the peak
resident memory of the interpreter and its Pagefind processes together (sampled from /proc every
20 ms, as bench_build.py does). ``--whole`` also runs Pagefind once over the
whole site, as the search step did before it indexed in parts: the
baseline for memory and CPU. ``--edited`` then indexes again with a cache
(as the build does), changes a word in one document page, and indexes
once more: what a build after correcting one document pays for search.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from bench_build import Run, mb

sys.path.insert(0, str(HERE.parent / "tools"))
from rezident.files import link_or_copy
from rezident.html.search import PAGEFIND_OPTIONS, PART_WORDS

PYTHON = sys.executable
INDEX = ("import sys; from rezident.html import build_search_index; "
         "build_search_index(sys.argv[1], part_words=int(sys.argv[2]), "
         "cache_dir=sys.argv[3] if len(sys.argv) > 3 else None)")
BODY = b'data-pagefind-body="">'


def edit_one_page(site: Path) -> Path:
    """Put a word into the text of the middle document page (a new file: the site is linked)."""
    pages = sorted(page for page in site.glob("*.html") if BODY in page.read_bytes())
    page = pages[len(pages) // 2]
    data = page.read_bytes().replace(BODY, BODY + b"<p>Zanzibar</p>", 1)
    page.unlink()
    page.write_bytes(data)
    return page


def linked_copy(site: Path, into: Path) -> Path:
    """``site`` again under ``into``, its files hard links where possible, without its index."""
    copy = into / "html"
    shutil.copytree(site, copy, copy_function=link_or_copy,
                    ignore=shutil.ignore_patterns("pagefind", ".pagefind-*"))
    return copy


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sites", nargs="*", type=Path,
                        default=[HERE / "out" / str(n) / "output" / "html" for n in (1000, 10000)])
    parser.add_argument("--part-words", type=int, default=PART_WORDS,
                        help=f"the parts' size (default {PART_WORDS:,}, as the build uses)")
    parser.add_argument("--whole", action="store_true",
                        help="also run Pagefind once over the whole site (the old way)")
    parser.add_argument("--edited", action="store_true",
                        help="then index with a cache, edit one page, and index again")
    args = parser.parse_args()
    for site in (path.resolve() for path in args.sites):
        if not (site / "index.html").is_file():
            print(f"{site}: no built site (bench_build.py builds one)", flush=True)
            continue
        pages = sum(1 for page in site.glob("*.html") if b"data-pagefind-body" in page.read_bytes())
        work = Path(tempfile.mkdtemp(prefix="bench-search-"))
        try:
            copy = linked_copy(site, work)
            if args.whole:
                whole = Run([PYTHON, "-m", "pagefind", "--site", str(copy), "--output-path",
                             str(work / "whole"), *PAGEFIND_OPTIONS], work)
                print(f"{pages} pages, Pagefind over the whole site: {whole.seconds:.1f} s wall, "
                      f"{whole.cpu:.1f} s CPU, peak {mb(whole.peak)}", flush=True)
            run = Run([PYTHON, "-c", INDEX, str(copy), str(args.part_words)], work)
            print(f"{pages} pages, build_search_index (parts of {args.part_words:,} words): "
                  f"{run.seconds:.1f} s wall, "
                  f"{run.cpu:.1f} s CPU, peak {mb(run.peak)}", flush=True)
            if args.edited:
                cache = str(work / "cache")
                for label in ("with an empty cache", "again, one page edited"):
                    if label.startswith("again"):
                        edited = edit_one_page(copy)
                        label += f" ({edited.name})"
                    run = Run([PYTHON, "-c", INDEX, str(copy), str(args.part_words), cache], work)
                    print(f"{pages} pages, build_search_index {label}: {run.seconds:.1f} s wall, "
                          f"{run.cpu:.1f} s CPU, peak {mb(run.peak)}", flush=True)
        finally:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

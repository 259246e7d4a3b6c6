"""How fast rezident turns a large edition into its outputs, against naive runs.

    .venv/bin/python bench/bench_build.py [-n 10000] [--jobs 2] [--work bench/out/N]

One run on one synthetic corpus (bench/generate.py), measured through the
real command line where there is one:

- convert: ``rezident convert --jobs N`` (every transcript, in N processes);
- validate and HTML: ``rezident build html --no-search --jobs N``, timed per
  stage from its summary; then the search index, then a no-op rebuild;
- PDF: ``rezident build pdf`` on a sample of documents, in pages per second;
- the no-op rebuild of the example edition (tei/ of this repository, built
  into the work folder);
- peak memory: the resident memory of the build and all its processes,
  summed, sampled every 20 ms;
- the naive baseline: one process per document (``rezident convert FILE``,
  ``rezident validate FILE``, a fresh interpreter rendering one page or one
  PDF) on a sample, as a ratio;
- the TEI Consortium's html/html.xsl under Saxon in one Java process over a
  sample of the same TEI, when TEI_STYLESHEETS names the Stylesheets' folder
  and SAXON_JAR a Saxon HE jar (e.g. Debian's libsaxonhe-java); skipped with a
  message otherwise.

Targets (issue 7): convert + validate + HTML of 10,000 documents under 30 s
with --jobs 2; no-op rebuild under 2 s; peak memory under 1 GB; at least 10
times the throughput of the TEI Stylesheets.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
import generate  # noqa: E402

PYTHON = sys.executable
REZIDENT = str(Path(sys.executable).with_name("rezident"))


# --- measuring ---------------------------------------------------------------

_TICK = os.sysconf("SC_CLK_TCK")


def _tree(pid: int) -> list[int]:
    """``pid`` and all its descendants (Linux /proc)."""
    found, stack = [], [pid]
    while stack:
        current = stack.pop()
        found.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as handle:
                    stack += [int(child) for child in handle.read().split()]
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return found


def _sample(pid: int, cpu: dict[int, float]) -> int:
    """Resident bytes of the tree under ``pid``; records each process's CPU seconds so far."""
    total = 0
    for current in _tree(pid):
        try:
            with open(f"/proc/{current}/status") as handle:
                for line in handle:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
                        break
            with open(f"/proc/{current}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
            cpu[current] = (int(fields[11]) + int(fields[12])) / _TICK  # utime + stime
        except (FileNotFoundError, ProcessLookupError, PermissionError, IndexError):
            continue
    return total


class Run:
    """A command run to completion, its wall time, output and peak memory (whole tree)."""

    def __init__(self, args: list[str], cwd: Path, env: dict | None = None, check: bool = True):
        started = time.perf_counter()
        process = subprocess.Popen(args, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                   text=True, env=env)
        self.peak = 0
        cpu: dict[int, float] = {}
        done = threading.Event()

        def sample() -> None:
            while not done.is_set():
                self.peak = max(self.peak, _sample(process.pid, cpu))
                done.wait(0.02)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        self.output, _ = process.communicate()
        done.set()
        sampler.join()
        self.seconds = time.perf_counter() - started
        # CPU of the command and all its processes (as last sampled): on a
        # shared machine, a figure that does not depend on what else runs.
        self.cpu = sum(cpu.values())
        self.code = process.returncode
        if self.code != 0 and check:
            raise SystemExit(f"failed ({self.code}): {' '.join(args)}\n{self.output[-3000:]}")

    def stage_seconds(self, name: str) -> tuple[int, float]:
        found = re.search(rf"^{name}: (\d+) built, \d+ skipped, \d+ failed in ([\d.]+) s",
                          self.output, re.M)
        if not found:
            raise SystemExit(f"no summary line for {name} in:\n{self.output[-2000:]}")
        return int(found.group(1)), float(found.group(2))


def mb(count: int) -> str:
    return f"{count / 2**20:,.0f} MB"


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


# --- the naive baseline: one process per document ------------------------------

NAIVE_HTML = """
import sys
from pathlib import Path
from rezident.html import HtmlRenderer
from rezident.resources import shipped_xslt_dir
renderer = HtmlRenderer(shipped_xslt_dir())
renderer.render_document(Path(sys.argv[1]), Path(sys.argv[2]))
renderer.summarize(Path(sys.argv[1]))
"""

NAIVE_PDF = """
import sys
from pathlib import Path
from rezident.pdf import PdfRenderer
from rezident.resources import shipped_xslt_dir
PdfRenderer(shipped_xslt_dir()).render_document(Path(sys.argv[1]), Path(sys.argv[2]))
"""


def naive(commands: list[list[str]], cwd: Path) -> float:
    """Documents per second, one fresh process per document."""
    started = time.perf_counter()
    for command in commands:
        Run(command, cwd)
    return len(commands) / (time.perf_counter() - started)


def pdf_pages(folder: Path) -> int:
    from pypdf import PdfReader

    return sum(len(PdfReader(p).pages) for p in folder.glob("*.pdf"))


# --- where the time goes ------------------------------------------------------------

def per_document_costs(root: Path, sample: list[Path]) -> dict[str, float]:
    """CPU milliseconds per document of each step, in this one process, after set-up."""
    from rezident import convert, edition
    from rezident.build.dependencies import read_pointers
    from rezident.html import HtmlRenderer
    from rezident.validate import Validator

    ed = edition.load(root)
    setup = convert.setup(ed)
    validator = Validator.for_schema_dir(ed.schema_dir)
    renderer = HtmlRenderer(ed.xslt_dir, edition=ed)
    out = root / "cost-html"
    steps = {
        "convert": lambda p: convert.convert_source(setup, ed.source_by_id(p.stem)),
        "validate (RELAX NG + Schematron)": validator.validate,
        "build: read pointers": lambda p: read_pointers(p, p.parent),
        "html: document page": lambda p: renderer.render_document(p, out),
        "html: summary": renderer.summarize,
    }
    costs = {}
    for name, step in steps.items():
        step(sample[0])  # warm up
        started = time.process_time()
        for path in sample:
            step(path)
        costs[name] = 1000 * (time.process_time() - started) / len(sample)
    return costs


def correct_a_word(tei: Path) -> Path:
    """A word added to the first paragraph of a document's body, as an editor's correction."""
    text = tei.read_text(encoding="utf-8")
    end = text.index("</p>", text.index("<body>"))
    tei.write_text(f"{text[:end]} corrected{text[end:]}", encoding="utf-8")
    return tei


# --- the TEI Consortium's stylesheets ---------------------------------------------

def tei_stylesheets(sample: list[Path], work: Path) -> str:
    home = os.environ.get("TEI_STYLESHEETS")
    jar = os.environ.get("SAXON_JAR") or next(
        (str(p) for p in (Path("/usr/share/java/Saxon-HE.jar"), Path("/usr/share/java/saxon.jar"))
         if p.is_file()), None)
    if not home or not (Path(home) / "html" / "html.xsl").is_file():
        return ("skipped: set TEI_STYLESHEETS to a checkout of the TEI Consortium's Stylesheets "
                "(the folder holding html/html.xsl)")
    if not jar or not shutil.which("java"):
        return "skipped: set SAXON_JAR to a Saxon HE jar (Debian: libsaxonhe-java) and install Java"
    source = work / "tei-sample"
    out = work / "tei-stylesheets-html"
    for folder in (source, out):
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
    for path in sample:
        shutil.copyfile(path, source / path.name)
    run = Run(["java", "-jar", jar, f"-s:{source}", f"-o:{out}",
               f"-xsl:{Path(home) / 'html' / 'html.xsl'}"], work)
    return f"{len(sample)} documents in {run.seconds:.1f} s = {len(sample) / run.seconds:.1f} docs/s (one JVM)"


# --- the benchmark ---------------------------------------------------------------

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", "--count", type=int, default=10_000)
    parser.add_argument("-j", "--jobs", type=int, default=2)
    parser.add_argument("--work", type=Path, help="folder for the corpus (default bench/out/N)")
    parser.add_argument("--naive-sample", type=int, default=20,
                        help="documents run one process each for the baseline")
    parser.add_argument("--pdf-sample", type=int, default=10, help="documents rendered as PDF")
    parser.add_argument("--tei-sample", type=int, default=500,
                        help="documents for the TEI Stylesheets comparison")
    parser.add_argument("--cost-sample", type=int, default=200,
                        help="documents timed step by step in one process")
    args = parser.parse_args()
    work = (args.work or HERE / "out" / str(args.count)).resolve()
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)

    started = time.perf_counter()
    sources = generate.generate(work, args.count)
    cables = sum(s["profile"] == "venona" for s in sources)
    print(f"corpus: {len(sources)} transcripts ({cables} VENONA cables, {len(sources) - cables} "
          f"CREST reports), generated in {time.perf_counter() - started:.1f} s", flush=True)

    converted = Run([REZIDENT, "convert", "--jobs", str(args.jobs)], work)
    convert_s, convert_cpu, convert_peak = converted.seconds, converted.cpu, converted.peak
    tei = sorted((work / "tei").glob("*.xml"))
    mean_kb = sum(p.stat().st_size for p in tei) / len(tei) / 1000
    venona_kb = (ROOT / "tei" / "venona-1946-04-07-moscow-canberra-76.xml").stat().st_size / 1000
    print(f"convert (`rezident convert --jobs {args.jobs}`): {len(tei)} documents in {convert_s:.1f} s = "
          f"{len(tei) / convert_s:.0f} docs/s ({convert_cpu:.1f} s CPU), "
          f"peak {mb(convert_peak)}; mean TEI {mean_kb:.1f} kB (the VENONA cable: {venona_kb:.1f} kB)",
          flush=True)

    build = Run([REZIDENT, "build", "html", "--no-search", "--jobs", str(args.jobs)], work)
    validated, validate_s = build.stage_seconds("validate")
    rendered, html_s = build.stage_seconds("html")
    print(f"validate: {validated} files in {validate_s:.1f} s = {validated / validate_s:.0f} docs/s", flush=True)
    print(f"html: {rendered} pages in {html_s:.1f} s = {rendered / html_s:.0f} docs/s", flush=True)
    print(f"build (validate + html, whole command): {build.seconds:.1f} s wall, {build.cpu:.1f} s CPU "
          f"in all processes, peak {mb(build.peak)}", flush=True)

    search = Run([REZIDENT, "build", "html", "--jobs", str(args.jobs)], work)
    print(f"search index (pagefind) over {len(tei)} pages: {search.seconds:.1f} s wall, "
          f"{search.cpu:.1f} s CPU, peak {mb(search.peak)}",
          flush=True)
    noop = Run([REZIDENT, "build", "html", "--jobs", str(args.jobs)], work)
    assert "up to date" in noop.output, noop.output
    print(f"no-op rebuild: {noop.seconds:.2f} s wall, {noop.cpu:.2f} s CPU, peak {mb(noop.peak)}",
          flush=True)

    corrected = correct_a_word(tei[len(tei) // 2])
    one = Run([REZIDENT, "build", "html", "--jobs", str(args.jobs)], work)
    print(f"one document's text corrected ({corrected.name}), then `rezident build html`: "
          f"{one.seconds:.2f} s wall, {one.cpu:.2f} s CPU, peak {mb(one.peak)}", flush=True)

    rng = random.Random(7)
    pdf_dir = work / "pdf-sample"
    pdf_dir.mkdir()
    for path in rng.sample(tei, min(args.pdf_sample, len(tei))):
        shutil.copyfile(path, pdf_dir / path.name)
    shutil.copytree(work / "tei" / "registers", pdf_dir / "registers")
    pdf = Run([REZIDENT, "build", "pdf", "--no-volume", "--tei", str(pdf_dir),
               "--out", str(work / "pdf-out"), "--jobs", str(args.jobs)], work)
    pdf_docs, pdf_s = pdf.stage_seconds("pdf")
    pages = pdf_pages(work / "pdf-out" / "pdf")
    print(f"pdf: {pdf_docs} documents, {pages} pages in {pdf_s:.1f} s = {pages / pdf_s:.2f} pages/s "
          f"({1000 * pdf_s / pages:.0f} ms/page with {args.jobs} processes), peak {mb(pdf.peak)}",
          flush=True)

    sample = rng.sample(tei, min(args.naive_sample, len(tei)))
    by_id = {s["id"]: s for s in sources}
    naive_convert = naive([[REZIDENT, "convert", str(work / "transcripts" / by_id[p.stem]["file"])]
                           for p in sample], work)
    naive_validate = naive([[REZIDENT, "validate", str(p)] for p in sample], work)
    (work / "naive-html").mkdir()
    naive_html = naive([[PYTHON, "-c", NAIVE_HTML, str(p), str(work / "naive-html")] for p in sample], work)
    (work / "naive-pdf").mkdir()
    pdf_sample = sample[:max(2, min(5, len(sample)))]
    naive_pdf = naive([[PYTHON, "-c", NAIVE_PDF, str(p), str(work / "naive-pdf" / f"{p.stem}.pdf")]
                       for p in pdf_sample], work)
    naive_pdf_pages = pdf_pages(work / "naive-pdf") / len(pdf_sample) * naive_pdf
    ours = {"convert": len(tei) / convert_s, "validate": validated / validate_s,
            "html": rendered / html_s, "pdf": pages / pdf_s}
    for name, baseline in (("convert", naive_convert), ("validate", naive_validate),
                           ("html", naive_html), ("pdf (pages/s)", naive_pdf_pages)):
        key = name.split(" ")[0]
        print(f"naive {name}: {baseline:.2f}/s, one process per document; rezident is "
              f"{ours[key] / baseline:.0f}x faster", flush=True)

    costs = per_document_costs(work, rng.sample(tei, min(args.cost_sample, len(tei))))
    print("CPU per document, one process: " + "; ".join(f"{k} {v:.1f} ms" for k, v in costs.items()),
          flush=True)

    example = work / "example"  # a copy: the repository's tei/ may change meanwhile
    shutil.copytree(ROOT / "tei", example / "tei")
    shutil.copyfile(ROOT / "edition.toml", example / "edition.toml")
    first = Run([REZIDENT, "build", "--jobs", str(args.jobs)], example, check=False)
    if first.code == 0:
        example_noop = Run([REZIDENT, "build", "--jobs", str(args.jobs)], example)
        assert "up to date" in example_noop.output, example_noop.output
        print(f"no-op rebuild of the example edition (validate, HTML, PDF): "
              f"{example_noop.seconds:.2f} s", flush=True)
    else:
        print("example edition: not built, so no no-op figure:\n  "
              + "\n  ".join(first.output.strip().splitlines()[-3:]), flush=True)

    print("TEI Stylesheets html.xsl: " + tei_stylesheets(
        rng.sample(tei, min(args.tei_sample, len(tei))), work), flush=True)

    total = convert_s + build.seconds
    cpu = convert_cpu + build.cpu
    peak = max(convert_peak, build.peak, search.peak, noop.peak)
    load = os.getloadavg()[2]
    print()
    print(f"convert + validate + HTML: {total:.1f} s wall for {len(tei)} documents with --jobs "
          f"{args.jobs}; {cpu:.1f} s CPU in all processes, i.e. about {cpu / args.jobs:.0f} s on "
          f"{args.jobs} idle cores (target < 30 s for 10,000; load average {load:.1f} during the run)")
    floor = sum(costs.values()) * len(tei) / 1000 / args.jobs
    print(f"the CPU per document of the steps measured above x {len(tei)} documents / {args.jobs} "
          f"cores = {floor:.1f} s: the least convert + validate + HTML can take on this machine, "
          f"with perfect parallelism and nothing else (start-up, writing, collection pages)")
    print(f"no-op rebuild: {noop.seconds:.2f} s (target < 2 s)")
    print(f"peak memory: {mb(peak)} (target < 1 GB)")


if __name__ == "__main__":
    main()

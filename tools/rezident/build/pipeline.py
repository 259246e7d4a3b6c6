"""The build: what is stale, in what order, in how many processes, and publishing it.

Stages run in order: validate, then HTML (document pages, assets, collection
pages, search index), then PDF (document PDFs, the volume). Each item of a
stage has a *key*, the hash of everything it is made from: the document's
TEI, the register entries it points to, the stage's stylesheets or schema,
the stage's code and libraries, the edition's settings. An item whose key
and output files are unchanged is skipped. Output is built into staged
copies of ``html/`` and ``pdf/`` and published only when every stage
succeeded; validation errors stop the build before anything is rendered.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from importlib.util import find_spec
from pathlib import Path
from typing import NamedTuple, Protocol

from .. import __version__, resources
from ..edition import Edition
from ..errors import ConfigError
from .dependencies import Registers, forget_files
from .hashing import FileHashes, digest
from .lock import BuildLock
from .manifest import Manifest
from .pool import Outcome, Runner, Task
from .publish import StagedTree
from .tasks import CopyAssets, RenderCollection, RenderHtml, RenderPdf, RenderVolume, SearchIndex, ValidateDocument
from .toolkit import Finding, Setting, Toolkit

CACHE_NAME = ".rezident-cache"
TARGETS = ("html", "pdf")
COLLECTION, ASSETS, SEARCH, VOLUME = "@collection", "@assets", "@search", "@volume"
PACKAGE_DIR = Path(__file__).resolve().parent.parent
VOLUME_NAME = "edition.pdf"  # as rezident.pdf names it (not imported: that loads WeasyPrint)


def _installed_version(name: str) -> str:
    """A library's version from its dist-info folder, without importing it (or
    importlib.metadata, which costs a no-op build a tenth of a second)."""
    spec = find_spec(name)
    if spec is None or not spec.origin:
        return "none"
    where = Path(spec.origin).parent
    site = where.parent if spec.submodule_search_locations else where  # package or module
    for folder in site.glob(f"{name}-*.dist-info"):
        return folder.name[len(name) + 1:-len(".dist-info")]
    return "unknown"


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


@dataclass(frozen=True)
class BuildRequest:
    """What to build: a folder of TEI into an output folder (``html/``, ``pdf/`` inside)."""

    tei_dir: Path
    out_dir: Path
    targets: tuple[str, ...] = TARGETS
    validate: bool = True
    search: bool = True
    volume: bool = True
    jobs: int = field(default_factory=default_jobs)
    force: bool = False
    edition: Edition | None = None
    xslt_dir: Path = field(default_factory=resources.shipped_xslt_dir)
    schema_dir: Path = field(default_factory=resources.shipped_schema_dir)

    @classmethod
    def for_edition(cls, edition: Edition, **options) -> BuildRequest:
        options.setdefault("tei_dir", edition.tei_dir)
        options.setdefault("out_dir", edition.output_dir)
        return cls(edition=edition, xslt_dir=edition.xslt_dir, schema_dir=edition.schema_dir,
                   **options)


@dataclass
class StageReport:
    name: str
    built: int = 0
    skipped: int = 0
    failed: int = 0
    seconds: float = 0.0


@dataclass
class BuildReport:
    stages: list[StageReport] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)  # (item, why)
    published: bool = False

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def ok(self) -> bool:
        return not self.errors and not self.failures


class Progress(Protocol):
    """How the build tells its caller how far it is (the CLI draws a bar or prints lines)."""

    def begin(self, stage: str, total: int) -> None: ...
    def advance(self, count: int = 1) -> None: ...
    def end(self) -> None: ...


class _Quiet:
    def begin(self, stage: str, total: int) -> None:
        pass

    def advance(self, count: int = 1) -> None:
        pass

    def end(self) -> None:
        pass


def build(request: BuildRequest, progress: Progress | None = None,
          toolkit: Toolkit | None = None) -> BuildReport:
    """Bring ``request.out_dir`` up to date with ``request.tei_dir``; see the module doc."""
    if not request.tei_dir.is_dir():
        raise ConfigError(f"{request.tei_dir} is not a folder of TEI documents",
                          path=request.tei_dir)
    unknown = set(request.targets) - set(TARGETS)
    if unknown:
        raise ConfigError(f"unknown build target {sorted(unknown)[0]!r}",
                          hint=f"choose from {', '.join(TARGETS)}")
    request = replace(request, out_dir=request.out_dir.resolve(), tei_dir=request.tei_dir.resolve())
    cache = request.out_dir / CACHE_NAME
    with BuildLock(cache / "lock"):
        return _Build(request, progress or _Quiet(), toolkit or Toolkit(), cache).run()


class _Doc(NamedTuple):
    item: str       # file name relative to the TEI folder, e.g. "venona-1946.xml"
    folder: Path
    tei_hash: str

    @property
    def path(self) -> Path:  # made when needed: a no-op build of 10,000 needs none
        return self.folder / self.item


class _Build:
    def __init__(self, request: BuildRequest, progress: Progress, toolkit: Toolkit,
                 cache: Path):
        self.rq = request
        self.progress = progress
        self.kit = toolkit
        self.cache = cache
        self.report = BuildReport()
        self.tei_root = request.tei_dir.resolve()

    # --- the whole build ---------------------------------------------------
    def run(self) -> BuildReport:
        forget_files()  # a long-lived caller may have seen other files come and go
        self.manifest = Manifest(self.cache / "manifest.sqlite")
        known_hashes = self.manifest.file_hashes()
        self.hashes = FileHashes(known_hashes)
        self.docs = self._documents()
        self.register_files = self._register_files()
        self.pointers = self.manifest.pointers(d.tei_hash for d in self.docs + self.register_files)
        known_registers = self.manifest.registers()
        self.registers = Registers(self.tei_root, self.hashes, known_registers)
        setting = Setting(self.tei_root, self.rq.xslt_dir.resolve(), self.rq.schema_dir.resolve(),
                          self.rq.edition)
        self.runner = Runner(setting, self.kit, self.rq.jobs)
        self._envs: dict[str, str] = {}
        self._inputs: dict[str, str] = {}  # TEI hash -> hash of it and what it points to
        trees: list[StagedTree] = []
        interrupted = True
        try:
            if self.rq.validate:
                self._validate()
            if self.report.ok:
                for target in self.rq.targets:
                    tree = getattr(self, f"_{target}")()
                    if tree is not None:
                        trees.append(tree)
            if self.report.ok:
                for tree in trees:
                    tree.publish()
                self.report.published = bool(trees)
                self.manifest.promote()
            else:
                self.manifest.promote(["validate", "facts"])  # findings are facts about the TEI
            interrupted = False
        finally:
            self.runner.close(cancel=interrupted)
            for tree in trees:
                if not self.report.published:
                    tree.discard()
            if interrupted:
                self.manifest.discard_pending()
            else:
                self.manifest.prune_pointers(
                    keep={d.tei_hash for d in self.docs + self.register_files})
                self.manifest.remember_registers(self.registers.parsed, known_registers)
                self.manifest.remember_file_hashes(self.hashes.fresh, known_hashes)
            self.manifest.close()
        return self.report

    def _documents(self) -> list[_Doc]:
        docs = []
        folder = self.tei_root
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.endswith(".xml") and not entry.name.startswith(".") and entry.is_file():
                    docs.append(_Doc(entry.name, folder, self.hashes.of(entry.path, entry.stat())))
        docs.sort(key=lambda d: d.item)
        return docs

    def _register_files(self) -> list[_Doc]:
        folder = self.tei_root / "registers"
        if not folder.is_dir():
            return []
        return [_Doc(f"registers/{p.name}", self.tei_root, self.hashes.of(p))
                for p in sorted(folder.glob("*.xml"))]

    # --- keys --------------------------------------------------------------
    def env(self, stage: str) -> str:
        """The hash of what every item of ``stage`` is made with besides its own inputs."""
        if stage not in self._envs:
            parts = [stage, __version__]
            for name in self.kit.code.get(stage, ()):
                code = PACKAGE_DIR / name  # a package's folder or a module's file
                parts.append(self.hashes.of(code) if code.is_file() else self.hashes.of_tree(code))
            parts += [f"{name}={_installed_version(name)}"
                      for name in self.kit.libraries.get(stage, ())]
            if stage == "validate":
                parts.append(self.hashes.of_tree(self.rq.schema_dir))
            else:
                folders = [self.rq.xslt_dir / name for name in self.kit.stylesheets.get(stage, ())]
                folders = [f for f in folders if f.is_dir()] or [self.rq.xslt_dir]
                parts += [f"{f.name}={self.hashes.of_tree(f)}" for f in folders]
            if self.rq.edition is not None:
                settings = {k: v for k, v in self.rq.edition.raw.items() if k != "source"}
                parts.append(json.dumps(settings, sort_keys=True, default=str))
            self._envs[stage] = digest(*parts)
        return self._envs[stage]

    def doc_key(self, stage: str, doc: _Doc) -> str | None:
        """None while the document's pointers are not known (it is new or changed)."""
        inputs = self._inputs.get(doc.tei_hash)
        if inputs is None:
            pointers = self.pointers.get(doc.tei_hash)
            if pointers is None:
                return None
            inputs = self._inputs[doc.tei_hash] = digest(doc.tei_hash,
                                                         self.registers.hash_of_all(pointers))
        return self.env(stage) + inputs  # two hashes side by side: no need to hash again

    def _learn(self, doc: _Doc, pointers: list[str] | None) -> None:
        if pointers is not None and doc.tei_hash not in self.pointers:
            self.pointers[doc.tei_hash] = pointers
            self.manifest.add_pointers(doc.tei_hash, pointers)

    def _all_registers_hash(self) -> str:
        folder = self.tei_root / "registers"
        return self.hashes.of_tree(folder) if folder.is_dir() else digest("no registers")

    def _schema_hash(self) -> str:
        """The encoding pages and the volume's conventions are generated from the schema."""
        return self.hashes.of_tree(self.rq.schema_dir)

    def _fresh(self, stage: str, item: str, key: str | None, previous: dict,
               published: Path | None) -> bool:
        prev = previous.get(item)
        if self.rq.force or key is None or prev is None or prev.key != key:
            return False
        if published is None:
            return True
        folder = f"{published}{os.sep}"
        return all(os.path.lexists(folder + o) for o in prev.outputs)

    # --- running tasks ----------------------------------------------------------
    def _run(self, stage: StageReport, tasks: list[Task],
             handle: Callable[[Outcome], None]) -> None:
        def on_done(outcomes: list[Outcome]) -> None:
            with self.manifest.db:
                self.manifest.db.execute("BEGIN")
                for outcome in outcomes:
                    if outcome.error is not None:
                        stage.failed += 1
                        self.report.failures.append((outcome.item, outcome.error))
                    else:
                        stage.built += 1
                        handle(outcome)
            self.progress.advance(len(outcomes))

        self.runner.run(tasks, on_done)

    def _begin(self, name: str) -> tuple[StageReport, float]:
        stage = StageReport(name)
        self.report.stages.append(stage)
        return stage, time.perf_counter()

    def _run_shown(self, stage: StageReport, label: str, tasks: list[Task],
                   handle: Callable[[Outcome], None]) -> None:
        if tasks:
            self.progress.begin(label, len(tasks))
            try:
                self._run(stage, tasks, handle)
            finally:
                self.progress.end()

    # --- validate ----------------------------------------------------------
    def _validate(self) -> None:
        previous = self.manifest.items("validate")
        old_findings = self.manifest.all_data("validate")  # only files with findings have any
        files = self.docs + self.register_files
        stale: list[_Doc] = []
        keys: dict[str, str] = {}
        for doc in files:
            key = self.doc_key("validate", doc)
            if self._fresh("validate", doc.item, key, previous, None):
                keys[doc.item] = key
                self._keep_findings(old_findings.get(doc.item))
            else:
                stale.append(doc)
        by_item = {d.item: d for d in stale}
        stage, started = self._begin("validate")
        stage.skipped = len(files) - len(stale)

        def handle(outcome: Outcome) -> None:
            findings, facts, pointers = outcome.data
            doc = by_item[outcome.item]
            self._learn(doc, pointers)
            keys[doc.item] = self.doc_key("validate", doc)
            self._record_findings(doc.item, keys[doc.item], findings)
            self.manifest.stage_pending("facts", doc.item, keys[doc.item], (),
                                        json.dumps(facts).encode())

        self._run_shown(stage, "validate", [ValidateDocument(d.item, d.path, self.tei_root,
                                                             d.tei_hash not in self.pointers)
                                            for d in stale], handle)
        for item in previous:
            if item not in keys and item != COLLECTION:
                self.manifest.stage_drop("validate", item)
                self.manifest.stage_drop("facts", item)
        if not stage.failed and files:
            key = digest(self.env("validate"), *(f"{d.item}={keys[d.item]}" for d in files))
            if self._fresh("validate", COLLECTION, key, previous, None):
                stage.skipped += 1
                self._keep_findings(old_findings.get(COLLECTION))
            else:
                facts = ((d.path, json.loads(self.manifest.data("facts", d.item))) for d in files)
                self._record_findings(COLLECTION, key, self.kit.validate_collection(facts))
                stage.built += 1
        stage.seconds = time.perf_counter() - started

    def _record_findings(self, item: str, key: str, findings: list[Finding]) -> None:
        self.report.findings.extend(findings)
        data = json.dumps([f.as_dict() for f in findings]).encode() if findings else None
        self.manifest.stage_pending("validate", item, key, (), data)

    def _keep_findings(self, data: bytes | None) -> None:
        if data:
            for fields in json.loads(data):
                fields["path"] = Path(fields["path"])
                self.report.findings.append(Finding(**fields))

    # --- per-document output stages -------------------------------------------
    def _documents_stage(self, name: str, published: Path,
                         make_task: Callable[[_Doc, Path, bool], Task],
                         keep_data: bool) -> tuple[StagedTree | None, StageReport, float,
                                                   dict[str, str], bool]:
        """Render the stale documents of ``name`` into a staged copy of ``published``.

        Returns the tree (None while nothing needed it), the stage's report and
        start time, every document's key, and whether anything changed.
        """
        previous = self.manifest.items(name)
        keys: dict[str, str] = {}
        stale: list[_Doc] = []
        for doc in self.docs:
            key = self.doc_key(name, doc)
            if self._fresh(name, doc.item, key, previous, published):
                keys[doc.item] = key
            else:
                stale.append(doc)
        current = {d.item for d in self.docs}
        removed = [item for item in previous if not item.startswith("@") and item not in current]
        stage, started = self._begin(name)
        stage.skipped = len(self.docs) - len(stale)
        tree = StagedTree(published, self.cache / "staging")
        tree.recover()
        if not stale and not removed:
            return None, stage, started, keys, False
        root = tree.prepare()
        for doc in stale:
            if doc.item in previous:
                tree.make_room(previous[doc.item].outputs)
        if removed:
            claimed = {o for item, it in previous.items() if item not in removed for o in it.outputs}
            for item in removed:
                tree.make_room(o for o in previous[item].outputs if o not in claimed)
                self.manifest.stage_drop(name, item)
        by_item = {d.item: d for d in stale}

        def handle(outcome: Outcome) -> None:
            data, pointers = outcome.data
            doc = by_item[outcome.item]
            self._learn(doc, pointers)
            keys[doc.item] = self.doc_key(name, doc)
            self.manifest.stage_pending(name, doc.item, keys[doc.item], outcome.outputs,
                                        data if keep_data else None)

        self._run_shown(stage, name, [make_task(d, root, d.tei_hash not in self.pointers)
                                      for d in stale], handle)
        return tree, stage, started, keys, True

    def _edition_step(self, stage_name: str, item: str, key: str, tree_holder: list,
                      published: Path, previous: dict, stage: StageReport,
                      make_task: Callable[[Path], Task]) -> bool:
        """Run one edition-wide step (collection pages, search, volume) when stale."""
        if self._fresh(stage_name, item, key, previous, published):
            stage.skipped += 1
            return False
        if tree_holder[0] is None:
            tree = StagedTree(published, self.cache / "staging")
            tree.prepare()
            tree_holder[0] = tree
        tree = tree_holder[0]
        if item in previous:
            tree.make_room(previous[item].outputs)

        def handle(outcome: Outcome) -> None:
            self.manifest.stage_pending(stage_name, item, key, outcome.outputs)

        self._run_shown(stage, f"{stage_name}: {item.lstrip('@')}", [make_task(tree.root)], handle)
        return True

    def _html(self) -> StagedTree | None:
        published = self.rq.out_dir / "html"
        tree, stage, started, keys, changed = self._documents_stage(
            "html", published,
            lambda d, root, want: RenderHtml(d.item, d.path, self.tei_root, root, want),
            keep_data=True)
        previous = self.manifest.items("html")
        holder = [tree]
        if not stage.failed:
            env = self.env("html")
            self._edition_step("html", ASSETS, env, holder, published, previous, stage,
                               lambda root: CopyAssets(ASSETS, root))
            # The collection pages are made from the summaries alone: a document
            # edited without changing its summary (a word of its text) leaves them be.
            summaries = self.manifest.data_hashes("html")
            collection_key = digest(env, self._all_registers_hash(), self._schema_hash(),
                                    *(f"{d.item}={summaries.get(d.item)}" for d in self.docs))
            items = tuple(d.item for d in self.docs)
            self._edition_step("html", COLLECTION, collection_key, holder, published, previous,
                               stage, lambda root: RenderCollection(COLLECTION, self.manifest.path,
                                                                   items, root))
            if self.rq.search and not stage.failed:
                search_key = digest("search", collection_key,
                                    *(f"{d.item}={keys[d.item]}" for d in self.docs))
                self._edition_step("html", SEARCH, search_key, holder, published, previous, stage,
                                   lambda root: SearchIndex(SEARCH, root, self.cache / "search"))
        stage.seconds = time.perf_counter() - started
        return holder[0]

    def _pdf(self) -> StagedTree | None:
        published = self.rq.out_dir / "pdf"
        tree, stage, started, keys, changed = self._documents_stage(
            "pdf", published,
            lambda d, root, want: RenderPdf(d.item, d.path, self.tei_root, root, want),
            keep_data=False)
        previous = self.manifest.items("pdf")
        holder = [tree]
        if self.rq.volume and not stage.failed and self.docs:
            key = digest(self.env("pdf"), self._all_registers_hash(), self._schema_hash(),
                         *(f"{d.item}={keys[d.item]}" for d in self.docs))
            name = VOLUME_NAME
            registers = self.tei_root / "registers"
            paths = tuple(d.path for d in self.docs)
            self._edition_step("pdf", VOLUME, key, holder, published, previous, stage,
                               lambda root: RenderVolume(VOLUME, paths, root / name,
                                                         registers if registers.is_dir() else None))
        stage.seconds = time.perf_counter() - started
        return holder[0]


def summarize_stages(report: BuildReport) -> Iterable[str]:
    """One line per stage, as the CLI prints them."""
    for stage in report.stages:
        yield (f"{stage.name}: {stage.built} built, {stage.skipped} skipped, "
               f"{stage.failed} failed in {stage.seconds:.2f} s")

"""Full-text search for the HTML edition with Pagefind.

Pagefind indexes the document pages (those with ``data-pagefind-body``) and
writes its index and UI into ``pagefind/``. The whole site is indexed as one
language, so English and Russian words (Cyrillic or transliterated) are
found from the one search page.

Pagefind holds the whole index in memory while it builds it, about a
kilobyte for each distinct word of each page, and its time grows faster
than the number of pages: 10,000 pages in one run took 2 GB. So the pages
are indexed in parts of a bounded size, one Pagefind run each, and the
parts' bundles are merged into the one bundle Pagefind would have written
(``pagefind_merge``): memory stays flat however large the edition, and
search works as over one index. A Pagefind whose bundles the merge does not
know indexes the site in one run instead.

Browsers refuse Pagefind's requests on pages opened from files, so beside
the index goes ``offline-index.js``: the documents' texts as a script the
search page can load from ``file://`` and search itself. It is written
while the pages are read, not held.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import IO, Self

from lxml import etree, html

from ..errors import RezidentError
from .pagefind_merge import UnsupportedBundle, merge_bundles

BUNDLE = "pagefind"
OFFLINE_INDEX = "offline-index.js"
# Beyond this many characters of text, searching from files would load too
# much into the browser: the offline index then says so instead.
OFFLINE_LIMIT = 30_000_000
# Distinct words of each page, summed over the pages of one part: about
# 350 MB of Pagefind's memory (1.2 kB each, measured on 10,000 pages).
PART_WORDS = 300_000

_PARSER = html.HTMLParser(remove_comments=True, collect_ids=False)


@dataclass(frozen=True)
class DocumentText:
    """What search needs of one document page."""

    page: Path
    title: str
    text: str

    def distinct_words(self) -> int:
        """An upper bound of the words Pagefind indexes for this page (it also strips and stems)."""
        return len(set(self.text.lower().split())) + len(self.title.split())


def document_texts(site_dir: Path) -> Iterator[DocumentText]:
    """The searchable text of each document page, as Pagefind sees it, one page at a time."""
    for page in sorted(Path(site_dir).glob("*.html")):
        data = page.read_bytes()
        if b"data-pagefind-body" not in data:
            continue  # not a document (the large collection pages are not parsed)
        body = etree.fromstring(data, _PARSER).find(".//*[@data-pagefind-body]")
        if body is None:
            continue
        for ignored in body.xpath(".//*[@data-pagefind-ignore]"):
            ignored.drop_tree()  # keeps the text that follows it
        title = " ".join(body.xpath("string(.//*[@data-pagefind-meta='title'])").split())
        text = " ".join(etree.tostring(body, method="text", encoding="unicode").split())
        yield DocumentText(page, title or page.stem, text)


def build_search_index(site_dir: Path, part_words: int = PART_WORDS) -> None:
    """Index ``site_dir`` into ``site_dir/pagefind``, replacing any old index whole.

    ``part_words`` bounds each part of the index (see the module's docstring).
    """
    site_dir = Path(site_dir).resolve()
    if not (site_dir / "index.html").is_file():
        raise RezidentError("no built site here (index.html is missing)", path=site_dir,
                            hint="render the HTML pages before indexing them")
    work = Path(tempfile.mkdtemp(prefix=f".{BUNDLE}-", dir=site_dir))
    try:
        with OfflineIndex(work / OFFLINE_INDEX) as offline, \
                _PagefindParts(site_dir, work) as pagefind:
            for part in _parts(offline.each(document_texts(site_dir)), part_words):
                pagefind.index(part)
        if not pagefind.bundles:
            raise RezidentError("no document pages to index (none has data-pagefind-body)",
                                path=site_dir, hint="render the documents before indexing them")
        bundle = _one_bundle(site_dir, work, pagefind.bundles)
        os.replace(work / OFFLINE_INDEX, bundle / OFFLINE_INDEX)
        bundle.chmod(0o755)  # a web server must read the index
        target = site_dir / BUNDLE
        old = site_dir / f".{BUNDLE}-old"
        if target.exists():
            shutil.rmtree(old, ignore_errors=True)
            target.rename(old)
        bundle.rename(target)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _one_bundle(site_dir: Path, work: Path, bundles: list[Path]) -> Path:
    """The parts' bundles as one (merged, or the site indexed in one run if they cannot be)."""
    if len(bundles) == 1:
        return bundles[0]
    merged = work / "merged"
    try:
        merge_bundles(bundles, merged)
        return merged
    except UnsupportedBundle:
        shutil.rmtree(merged, ignore_errors=True)
    whole = work / "whole"
    _check(_run_pagefind(site_dir, whole).wait(), whole, site_dir)
    return whole


def _parts(documents: Iterable[DocumentText], part_words: int) -> Iterator[list[Path]]:
    """Consecutive runs of pages whose distinct words add up to about ``part_words``."""
    part: list[Path] = []
    words = 0
    for document in documents:
        part.append(document.page)
        words += document.distinct_words()
        if words >= part_words:
            yield part
            part, words = [], 0
    if part:
        yield part


class OfflineIndex:
    """``offline-index.js``, written document by document (not held in memory).

    Once the texts pass ``OFFLINE_LIMIT`` characters the file is cut back to
    ``null``, which the search page reads as "too large to search from files".
    """

    def __init__(self, target: Path, limit: int = OFFLINE_LIMIT):
        self.target = target
        self.limit = limit
        self.size = 0
        self.count = 0
        self._file: IO[str] | None = None

    def __enter__(self) -> Self:
        self._file = self.target.open("w", encoding="utf-8")
        self._file.write("window.REZIDENT_OFFLINE_INDEX = [")
        return self

    def add(self, document: DocumentText) -> None:
        assert self._file is not None, "use OfflineIndex in a with statement"
        if self.size > self.limit:
            return
        self.size += len(document.text)
        if self.size > self.limit:
            self._file.seek(0)
            self._file.truncate()
            self._file.write("window.REZIDENT_OFFLINE_INDEX = null")
            return
        entry = {"url": document.page.name, "title": document.title, "text": document.text}
        self._file.write(("," if self.count else "") + json.dumps(entry, ensure_ascii=False))
        self.count += 1

    def each(self, documents: Iterable[DocumentText]) -> Iterator[DocumentText]:
        """``documents``, each added to the offline index as it passes."""
        for document in documents:
            self.add(document)
            yield document

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        assert self._file is not None
        with self._file:
            self._file.write(";\n" if self.size > self.limit else "];\n")


class _PagefindParts:
    """Pagefind runs over parts of the site, one at a time, each in the background.

    A part is indexed from a folder of links to its pages (their URLs stay
    the site's) into ``work/part-N``. While Pagefind indexes one part, the
    next is read: both cores are busy and only one Pagefind is in memory.
    """

    def __init__(self, site_dir: Path, work: Path):
        self.site_dir = site_dir
        self.work = work
        self.bundles: list[Path] = []
        self._running: tuple[subprocess.Popen[bytes], Path] | None = None

    def __enter__(self) -> Self:
        return self

    def index(self, pages: list[Path]) -> None:
        """Start Pagefind on ``pages`` once the part before them is done."""
        self.wait()
        number = len(self.bundles) + 1
        links = self.work / f"pages-{number}"
        links.mkdir()
        for page in pages:
            _link(page, links / page.name)
        bundle = self.work / f"part-{number}"
        self._running = (_run_pagefind(links, bundle), links)
        self.bundles.append(bundle)

    def wait(self) -> None:
        """Wait for the running Pagefind; raise if it failed."""
        if self._running is None:
            return
        process, links = self._running
        self._running = None
        code = process.wait()
        shutil.rmtree(links, ignore_errors=True)
        _check(code, self.bundles[-1], self.site_dir)

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if kind is None:
            self.wait()
        elif self._running is not None:  # the error being raised says more than Pagefind's
            self._running[0].kill()
            self._running[0].wait()


def _run_pagefind(site: Path, bundle: Path) -> subprocess.Popen[bytes]:
    """Pagefind indexing ``site`` into ``bundle``, its output kept beside the bundle."""
    with _log(bundle).open("wb") as log:
        return subprocess.Popen(
            [sys.executable, "-m", "pagefind", "--site", str(site), "--output-path", str(bundle),
             "--force-language", "en", "--quiet"],
            stdout=log, stderr=subprocess.STDOUT)


def _log(bundle: Path) -> Path:
    return bundle.with_name(f"{bundle.name}.log")


def _check(code: int, bundle: Path, site_dir: Path) -> None:
    """Raise with Pagefind's last words if its run into ``bundle`` failed."""
    if code == 0:
        return
    detail = _log(bundle).read_text(encoding="utf-8", errors="replace").strip().splitlines()
    raise RezidentError("Pagefind could not index the site: "
                        + (detail[-1] if detail else f"exit code {code}"),
                        path=site_dir, hint="is the pagefind[bin] package installed?")


def _link(page: Path, link: Path) -> None:
    """``link`` reads as ``page``: a symbolic link, or a copy where links are not allowed."""
    try:
        os.symlink(page, link)
    except OSError:
        shutil.copyfile(page, link)

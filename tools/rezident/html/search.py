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

A build gives the index a cache folder: it keeps each page's text (by the
hash of the page) and each part's bundle (by the pages it holds), and the
parts' boundaries depend on the pages around them, not on where the site
starts. Correcting one document then indexes one part again and merges,
instead of indexing the whole site.

Browsers refuse Pagefind's requests on pages opened from files, so beside
the index goes ``offline-index.js``: the documents' texts as a script the
search page can load from ``file://`` and search itself. It is written
while the pages are read, not held.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from types import TracebackType
from typing import IO, Self

from lxml import etree, html

from .. import __version__
from ..errors import RezidentError
from ..files import link_or_copy
from .pagefind_merge import UnsupportedBundle, merge_bundles

BUNDLE = "pagefind"
OFFLINE_INDEX = "offline-index.js"
# Beyond this many characters of text, searching from files would load too
# much into the browser: the offline index then says so instead.
OFFLINE_LIMIT = 30_000_000
# Distinct words of each page, summed over the pages of one part: about
# 350 MB of Pagefind's memory (1.2 kB each, measured on 10,000 pages).
PART_WORDS = 300_000
# A part also ends, by chance, after a page whose name hashes low enough:
# on average this many times per PART_WORDS (see _parts).
CUTS_PER_PART = 2
# How Pagefind is run on every part (and on a whole site): one language.
PAGEFIND_OPTIONS = ("--force-language", "en", "--quiet")
# Changes whenever a cached part is made differently other than by Pagefind's
# version or options (which its key holds too).
PART_FORMAT = "1"
# Changes whenever document_texts reads a page differently: cached texts of
# another format (or another rezident) are dropped.
TEXT_FORMAT = f"{__version__}, 1"

_PARSER = html.HTMLParser(remove_comments=True, collect_ids=False)


@dataclass(frozen=True)
class DocumentText:
    """What search needs of one document page."""

    page: Path
    title: str
    text: str
    digest: str = ""  # of the page's bytes


    def distinct_words(self) -> int:
        """An upper bound of the words Pagefind indexes for this page (it also strips and stems)."""
        return len(set(self.text.lower().split())) + len(self.title.split())


def document_texts(site_dir: Path, cache: SearchCache | None = None) -> Iterator[DocumentText]:
    """The searchable text of each document page, as Pagefind sees it, one page at a time.

    With a ``cache``, a page read before (the same bytes) is not parsed again.
    """
    for page in sorted(Path(site_dir).glob("*.html")):
        data = page.read_bytes()
        if b"data-pagefind-body" not in data:
            continue  # not a document (the large collection pages are not parsed)
        digest = hashlib.blake2b(data, digest_size=16).hexdigest()
        known = cache.text(digest) if cache is not None else None
        if known is not None:
            yield DocumentText(page, *known, digest)
            continue
        body = etree.fromstring(data, _PARSER).find(".//*[@data-pagefind-body]")
        if body is None:
            continue
        for ignored in body.xpath(".//*[@data-pagefind-ignore]"):
            ignored.drop_tree()  # keeps the text that follows it
        title = " ".join(body.xpath("string(.//*[@data-pagefind-meta='title'])").split())
        text = " ".join(etree.tostring(body, method="text", encoding="unicode").split())
        document = DocumentText(page, title or page.stem, text, digest)
        if cache is not None:
            cache.remember_text(document)
        yield document


def build_search_index(site_dir: Path, part_words: int = PART_WORDS,
                       cache_dir: Path | None = None) -> None:
    """Index ``site_dir`` into ``site_dir/pagefind``, replacing any old index whole.

    ``part_words`` bounds each part of the index; ``cache_dir`` keeps the
    pages' texts and the parts' bundles for the next run (see the module's
    docstring).
    """
    site_dir = Path(site_dir).resolve()
    if not (site_dir / "index.html").is_file():
        raise RezidentError("no built site here (index.html is missing)", path=site_dir,
                            hint="render the HTML pages before indexing them")
    work = Path(tempfile.mkdtemp(prefix=f".{BUNDLE}-", dir=site_dir))
    try:
        with SearchCache.open(cache_dir) as cache, \
                OfflineIndex(work / OFFLINE_INDEX) as offline, \
                _PagefindParts(site_dir, work, cache) as pagefind:
            for part in _parts(offline.each(document_texts(site_dir, cache)), part_words):
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


def _parts(documents: Iterable[DocumentText], part_words: int) -> Iterator[list[DocumentText]]:
    """Consecutive runs of pages whose distinct words add up to at most about ``part_words``.

    A part ends when its words reach ``part_words``, or earlier after a page
    that the hash of its name chooses (with a chance proportional to its
    words, so parts average ``part_words / CUTS_PER_PART``). Those chosen
    ends do not depend on where the part began: a page added, removed or
    changed moves the boundaries of its own part at most, and the other
    parts, their pages the same, are found in the cache.
    """
    part: list[DocumentText] = []
    words = 0
    for document in documents:
        part.append(document)
        count = document.distinct_words()
        words += count
        if words >= part_words or _chosen_end(document.page.name, count, part_words):
            yield part
            part, words = [], 0
    if part:
        yield part


def _chosen_end(name: str, words: int, part_words: int) -> bool:
    draw = int.from_bytes(hashlib.blake2b(name.encode(), digest_size=8).digest(), "big") / 2**64
    return draw < CUTS_PER_PART * words / part_words


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
    A part the cache holds (the same pages, the same bytes) is linked from
    it instead, and a part indexed anew goes into the cache.
    """

    def __init__(self, site_dir: Path, work: Path, cache: SearchCache | None = None):
        self.site_dir = site_dir
        self.work = work
        self.cache = cache
        self.bundles: list[Path] = []
        # Pagefind at work: its process, the folder of links it reads, the bundle, the key.
        self._running: tuple[subprocess.Popen[bytes], Path, Path, str] | None = None

    def __enter__(self) -> Self:
        return self

    def index(self, documents: list[DocumentText]) -> None:
        """Index the pages of ``documents`` (or take them from the cache) into the next part."""
        number = len(self.bundles) + 1
        bundle = self.work / f"part-{number}"
        key = _part_key(documents)
        if self.cache is not None and self.cache.copy_part(key, bundle):
            self.bundles.append(bundle)
            return
        self.wait()
        links = self.work / f"pages-{number}"
        links.mkdir()
        for document in documents:
            _link(document.page, links / document.page.name)
        self._running = (_run_pagefind(links, bundle), links, bundle, key)
        self.bundles.append(bundle)

    def wait(self) -> None:
        """Wait for the running Pagefind; raise if it failed, else cache its part."""
        if self._running is None:
            return
        process, links, bundle, key = self._running
        self._running = None
        code = process.wait()
        shutil.rmtree(links, ignore_errors=True)
        _check(code, bundle, self.site_dir)
        if self.cache is not None:
            self.cache.keep_part(key, bundle)

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if kind is None:
            self.wait()
        elif self._running is not None:  # the error being raised says more than Pagefind's
            self._running[0].kill()
            self._running[0].wait()


def _part_key(documents: list[DocumentText]) -> str:
    """What a part's bundle is made from: Pagefind, its options, the pages' names and bytes."""
    hasher = hashlib.blake2b(digest_size=16)
    for piece in (PART_FORMAT, _pagefind_version(), *PAGEFIND_OPTIONS,
                  *(f"{d.page.name}={d.digest}" for d in documents)):
        hasher.update(piece.encode())
        hasher.update(b"\0")
    return hasher.hexdigest()


@cache
def _pagefind_version() -> str:
    try:
        return version("pagefind")
    except PackageNotFoundError:
        return "unknown"


class SearchCache:
    """The pages' texts and the parts' bundles of the last index, for the next.

    ``texts.sqlite`` holds each page's title and text by the hash of its
    bytes; ``parts/<key>/`` each part's bundle, its files hard links (the
    merge moves the files of the copy it is given, not the cache's). What a
    run did not use is removed when it ends, so the cache holds one index.
    """

    def __init__(self, folder: Path):
        self.folder = folder
        self.parts = folder / "parts"
        self.parts.mkdir(parents=True, exist_ok=True)
        path = folder / "texts.sqlite"
        try:
            self.db = self._open(path)
        except sqlite3.DatabaseError:  # damaged (a disk that filled up, say): start afresh
            path.unlink(missing_ok=True)
            self.db = self._open(path)
        self.db.execute("BEGIN")
        self._texts_seen: set[str] = set()
        self._parts_used: set[str] = set()

    @staticmethod
    def _open(path: Path) -> sqlite3.Connection:
        db = sqlite3.connect(path, isolation_level=None)
        db.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT)")
        db.execute("CREATE TABLE IF NOT EXISTS texts (digest TEXT PRIMARY KEY, title TEXT, text TEXT)")
        if db.execute("SELECT value FROM meta WHERE name = 'format'").fetchone() != (TEXT_FORMAT,):
            db.execute("DELETE FROM texts")
            db.execute("INSERT OR REPLACE INTO meta VALUES ('format', ?)", (TEXT_FORMAT,))
        return db

    @classmethod
    @contextlib.contextmanager
    def open(cls, folder: Path | None) -> Iterator[SearchCache | None]:
        """The cache in ``folder`` (None: no cache), tidied and saved if the run succeeds."""
        if folder is None:
            yield None
            return
        search_cache = cls(Path(folder))
        try:
            yield search_cache
            search_cache._tidy()
            search_cache.db.execute("COMMIT")
        finally:
            search_cache.db.close()

    def text(self, digest: str) -> tuple[str, str] | None:
        self._texts_seen.add(digest)
        return self.db.execute("SELECT title, text FROM texts WHERE digest = ?",
                               (digest,)).fetchone()

    def remember_text(self, document: DocumentText) -> None:
        self._texts_seen.add(document.digest)
        self.db.execute("INSERT OR REPLACE INTO texts VALUES (?, ?, ?)",
                        (document.digest, document.title, document.text))

    def copy_part(self, key: str, bundle: Path) -> bool:
        """Link the cached part ``key`` into ``bundle``; False if the cache has no such part."""
        cached = self.parts / key
        if not cached.is_dir():
            return False
        shutil.copytree(cached, bundle, copy_function=link_or_copy)
        self._parts_used.add(key)
        return True

    def keep_part(self, key: str, bundle: Path) -> None:
        """Keep a copy of the freshly indexed ``bundle`` as the part ``key``."""
        staged = self.parts / f"{key}.partial"
        shutil.rmtree(staged, ignore_errors=True)
        shutil.copytree(bundle, staged, copy_function=link_or_copy)
        shutil.rmtree(self.parts / key, ignore_errors=True)
        staged.rename(self.parts / key)
        self._parts_used.add(key)

    def _tidy(self) -> None:
        for folder in self.parts.iterdir():
            if folder.name not in self._parts_used:
                shutil.rmtree(folder, ignore_errors=True)
        known = [d for (d,) in self.db.execute("SELECT digest FROM texts")]
        self.db.executemany("DELETE FROM texts WHERE digest = ?",
                            ((d,) for d in known if d not in self._texts_seen))


def _run_pagefind(site: Path, bundle: Path) -> subprocess.Popen[bytes]:
    """Pagefind indexing ``site`` into ``bundle``, its output kept beside the bundle."""
    with _log(bundle).open("wb") as log:
        return subprocess.Popen(
            [sys.executable, "-m", "pagefind", "--site", str(site), "--output-path", str(bundle),
             *PAGEFIND_OPTIONS],
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

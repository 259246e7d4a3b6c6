"""What the last published build made, and from what: one SQLite file in the cache.

For every item of every stage (a document's HTML, the collection pages, the
volume PDF ...) the manifest keeps the hash of everything the item was built
from (its *key*), the files it wrote, and data worth keeping (a document's
summary for the index pages, its findings, its pointers). A build writes its
results as *pending* rows and promotes them in one transaction after it has
published its output, so the manifest never describes output that was not
published; a build that dies leaves pending rows that the next one discards.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

from ..filestate import StatKey
from .hashing import digest

SCHEMA_VERSION = 7

_TABLES = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS file_hashes (
    path TEXT PRIMARY KEY, size INT, ino INT, mtime_ns INT, ctime_ns INT, hash TEXT);
CREATE TABLE IF NOT EXISTS pointers (tei_hash TEXT PRIMARY KEY, pointers TEXT);
CREATE TABLE IF NOT EXISTS registers (file_hash TEXT PRIMARY KEY, entries TEXT);
CREATE TABLE IF NOT EXISTS items (
    stage TEXT, item TEXT, key TEXT, outputs TEXT, data BLOB, data_hash TEXT,
    PRIMARY KEY (stage, item));
CREATE TABLE IF NOT EXISTS pending (
    stage TEXT, item TEXT, key TEXT, outputs TEXT, data BLOB, data_hash TEXT,
    PRIMARY KEY (stage, item));
CREATE TABLE IF NOT EXISTS pending_drop (stage TEXT, item TEXT, PRIMARY KEY (stage, item));
"""


class Item(NamedTuple):  # a NamedTuple: a manifest holds tens of thousands
    key: str
    outputs: tuple[str, ...]  # paths relative to the output folder (stored one a line)


class Manifest:
    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.db = self._connect(path)
        version = self._version()
        if version not in (None, SCHEMA_VERSION):
            # A cache written by another version of rezident: start afresh.
            self.db.close()
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
            self.db = self._connect(path)
        if version is None or version != SCHEMA_VERSION:
            self.db.executescript(_TABLES)
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)",
                            (str(SCHEMA_VERSION),))
        # Rows of a build that died before publishing describe nothing.
        if self.db.execute("SELECT EXISTS (SELECT 1 FROM pending) OR "
                           "EXISTS (SELECT 1 FROM pending_drop)").fetchone()[0]:
            self.discard_pending()

    def _version(self) -> int | None:
        try:
            row = self.db.execute("SELECT value FROM meta WHERE name='schema'").fetchone()
        except sqlite3.OperationalError:
            return None
        return int(row[0]) if row else None

    @staticmethod
    def _connect(path: Path) -> sqlite3.Connection:
        db = sqlite3.connect(path, timeout=30, isolation_level=None)
        # Before anything creates the file: full rebuilds free as many pages as
        # they fill, and promote() gives them back.
        db.execute("PRAGMA auto_vacuum = INCREMENTAL")
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        return db

    def close(self) -> None:
        if self.db.in_transaction:
            self.db.rollback()
        # Fold the write-ahead log into the database now, so that the next
        # (maybe no-op) build does not pay for this one's writes.
        self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.db.close()

    # --- memos -----------------------------------------------------------
    def file_hashes(self) -> dict[str, tuple[StatKey, str]]:
        rows = self.db.execute("SELECT path, size, ino, mtime_ns, ctime_ns, hash FROM file_hashes")
        return {path: ((size, ino, mtime, ctime), value)
                for path, size, ino, mtime, ctime, value in rows}

    def remember_file_hashes(self, fresh: dict[str, tuple[StatKey, str]],
                             known: dict[str, tuple[StatKey, str]]) -> None:
        if fresh == known:  # a no-op build writes nothing
            return
        with self.db:
            self.db.execute("BEGIN")
            self.db.execute("DELETE FROM file_hashes")
            self.db.executemany("INSERT INTO file_hashes VALUES (?, ?, ?, ?, ?, ?)",
                                ((path, *skey, value) for path, (skey, value) in fresh.items()))

    def pointers(self, tei_hashes: Iterable[str]) -> dict[str, list[str]]:
        wanted = set(tei_hashes)
        rows = self.db.execute("SELECT tei_hash, pointers FROM pointers")
        return {h: json.loads(p) for h, p in rows if h in wanted}

    def add_pointers(self, tei_hash: str, pointers: list[str]) -> None:
        self.db.execute("INSERT OR REPLACE INTO pointers VALUES (?, ?)",
                        (tei_hash, json.dumps(pointers)))

    def prune_pointers(self, keep: set[str]) -> None:
        """Forget the pointers of document versions that no longer exist."""
        stale = [(h,) for (h,) in self.db.execute("SELECT tei_hash FROM pointers") if h not in keep]
        if stale:
            with self.db:
                self.db.execute("BEGIN")
                self.db.executemany("DELETE FROM pointers WHERE tei_hash = ?", stale)

    def registers(self) -> dict[str, dict[str, list]]:
        return {h: json.loads(e) for h, e in self.db.execute("SELECT file_hash, entries FROM registers")}

    def remember_registers(self, parsed: dict[str, dict[str, list]],
                           known: dict[str, dict[str, list]]) -> None:
        if parsed.keys() == known.keys():
            return
        with self.db:
            self.db.execute("BEGIN")
            self.db.execute("DELETE FROM registers")
            self.db.executemany("INSERT INTO registers VALUES (?, ?)",
                                ((h, json.dumps(e)) for h, e in parsed.items()))

    # --- items -----------------------------------------------------------
    def items(self, stage: str) -> dict[str, Item]:
        rows = self.db.execute("SELECT item, key, outputs FROM items WHERE stage = ?", (stage,))
        return {item: Item(key, tuple(outputs.split("\n")) if outputs else ())
                for item, key, outputs in rows}

    def data(self, stage: str, item: str) -> bytes | None:
        """An item's data, the pending version first."""
        for table in ("pending", "items"):
            row = self.db.execute(f"SELECT data FROM {table} WHERE stage = ? AND item = ?",
                                  (stage, item)).fetchone()
            if row is not None:
                return _unpack(row[0])
        return None

    def data_hashes(self, stage: str) -> dict[str, str]:
        """The hash of every item's data, the pending version first (None: it has none)."""
        hashes = {}
        for table in ("items", "pending"):
            hashes.update(self.db.execute(f"SELECT item, data_hash FROM {table} WHERE stage = ?",
                                          (stage,)))
        return hashes

    def all_data(self, stage: str) -> dict[str, bytes]:
        """The published data of every item of ``stage`` that has some."""
        rows = self.db.execute("SELECT item, data FROM items WHERE stage = ? AND data IS NOT NULL",
                               (stage,))
        return {item: _unpack(data) for item, data in rows}

    def stage_pending(self, stage: str, item: str, key: str, outputs: Iterable[str],
                      data: bytes | None = None) -> None:
        self.db.execute("INSERT OR REPLACE INTO pending VALUES (?, ?, ?, ?, ?, ?)",
                        (stage, item, key, "\n".join(sorted(outputs)), _pack(data),
                         None if data is None else digest(data)))

    def stage_drop(self, stage: str, item: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO pending_drop VALUES (?, ?)", (stage, item))

    def pending_count(self) -> int:
        return self.db.execute("SELECT count(*) FROM pending").fetchone()[0]

    def promote(self, stages: Iterable[str] | None = None) -> None:
        """Make the pending rows (of ``stages``, default all) the published state."""
        where, args = "", ()
        if stages is not None:
            names = list(stages)
            where = f" WHERE stage IN ({','.join('?' * len(names))})"
            args = tuple(names)
        with self.db:
            self.db.execute("BEGIN")
            self.db.execute(
                "DELETE FROM items WHERE (stage, item) IN (SELECT stage, item FROM pending_drop"
                + where + ")", args)
            self.db.execute("INSERT OR REPLACE INTO items SELECT * FROM pending" + where, args)
            self.db.execute("DELETE FROM pending" + where, args)
            self.db.execute("DELETE FROM pending_drop" + where, args)
        free, total = (self.db.execute(f"PRAGMA {name}").fetchone()[0]
                       for name in ("freelist_count", "page_count"))
        if free > 1000 and free * 4 > total:
            self.db.executescript("PRAGMA incremental_vacuum;")  # execute() frees one page

    def discard_pending(self) -> None:
        with self.db:
            self.db.execute("BEGIN")
            self.db.execute("DELETE FROM pending")
            self.db.execute("DELETE FROM pending_drop")


def read_data(db_path: Path, stage: str, items: Iterable[str]) -> Iterator[bytes]:
    """Stream items' data (pending first) from another process, one row at a time."""
    db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=30)
    try:
        for item in items:
            row = db.execute(
                "SELECT data FROM pending WHERE stage = ? AND item = ? UNION ALL "
                "SELECT data FROM items WHERE stage = ? AND item = ? LIMIT 1",
                (stage, item, stage, item)).fetchone()
            if row is not None and row[0] is not None:
                yield _unpack(row[0])
    finally:
        db.close()


def _pack(data: bytes | None) -> bytes | None:
    """Summaries and facts are XML and JSON: a tenth of the size compressed, so the
    manifest of a large edition stays in the page cache."""
    return None if data is None else zlib.compress(data, 1)


def _unpack(data: bytes | None) -> bytes | None:
    return None if data is None else zlib.decompress(data)

"""Where a bag's files go: a folder, or straight into a zip or tar.

Every payload file is hashed from the very bytes written, so a file edited
while the deposit runs cannot leave the bag disagreeing with its manifests.
An archive is written in one pass from the edition's files (no folder is
staged first): payload in sorted order, then the tag files. Entries carry
the bagging date and fixed permissions, so the same bag always gives the
same archive. The tar is uncompressed, as several preservation services
require; the zip deflates text and stores what is compressed already.
"""

from __future__ import annotations

import hashlib
import io
import os
import tarfile
import zipfile
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from ..errors import RezidentError
from . import bagit_format as fmt

COMPRESSED = frozenset({".pdf", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".woff", ".woff2",
                        ".gz", ".zip", ".pf_fragment", ".pf_index", ".pf_meta", ".pagefind"})

# Called once per payload file written.
OnFile = Callable[[str], None]


class FolderWriter:
    """The bag as a folder: payload copied in a few threads."""

    def __init__(self, bag: Path):
        self.bag = bag

    def add_payload(self, files: dict[str, Path], keep: Callable[[str], bool],
                    on_file: OnFile) -> tuple[dict[str, fmt.Fixity], dict[str, bytes]]:
        paths = sorted(files)
        results = fmt.parallel_map(lambda p: fmt.copy_with_fixity(files[p], self.bag / p),
                                   paths, on_file)
        kept = {p: (self.bag / p).read_bytes() for p in paths if keep(p)}
        return dict(zip(paths, results)), kept

    def add_tag(self, name: str, data: bytes) -> None:
        (self.bag / name).write_bytes(data)

    def close(self) -> None:
        pass


class _HashingReader:
    """A file read through, hashing (and optionally keeping) what passes."""

    def __init__(self, handle: BinaryIO, keep: bool):
        self.handle = handle
        self.hashers = {name: hashlib.new(name) for name in fmt.ALGORITHMS}
        self.size = 0
        self.kept: list[bytes] | None = [] if keep else None

    def read(self, size: int = -1) -> bytes:
        block = self.handle.read(size)
        self.size += len(block)
        for hasher in self.hashers.values():
            hasher.update(block)
        if self.kept is not None:
            self.kept.append(block)
        return block

    def fixity(self) -> fmt.Fixity:
        return fmt.Fixity(self.size, {n: h.hexdigest() for n, h in self.hashers.items()})


def opened_size(handle: BinaryIO) -> int:
    """The size of an open file: what a tar header promises before the bytes follow."""
    return os.fstat(handle.fileno()).st_size


class ArchiveWriter:
    """The bag written straight into ``target`` (zip or tar), under the folder ``top``."""

    def __init__(self, target: Path, fmt_name: str, top: str, when: date):
        self.format = fmt_name
        self.top = top
        self.stamp = datetime(when.year, when.month, when.day, tzinfo=UTC)
        self.folders: set[str] = set()
        if fmt_name == "zip":
            self.archive = zipfile.ZipFile(target, "w")
        elif fmt_name == "tar":
            self.archive = tarfile.open(target, "w", format=tarfile.PAX_FORMAT)  # noqa: SIM115 (closed by close())
        else:
            raise ValueError(f"unknown archive format {fmt_name!r}")
        self._folder(top)

    def _folder(self, name: str) -> None:
        if name in self.folders:
            return
        parent = str(PurePosixPath(name).parent)
        if parent != ".":
            self._folder(parent)
        self.folders.add(name)
        if self.format == "zip":
            info = self._zip_info(name + "/", 0o40755)
            info.external_attr |= 0x10  # MS-DOS directory flag
            self.archive.writestr(info, b"")
        else:
            info = self._tar_info(name, 0o755)
            info.type = tarfile.DIRTYPE
            self.archive.addfile(info)

    def _zip_info(self, name: str, mode: int) -> zipfile.ZipInfo:
        info = zipfile.ZipInfo(name, date_time=self.stamp.timetuple()[:6])
        info.create_system = 3  # Unix, so the permissions are read
        info.external_attr = mode << 16
        return info

    def _tar_info(self, name: str, mode: int) -> tarfile.TarInfo:
        info = tarfile.TarInfo(name)
        info.mtime = int(self.stamp.timestamp())
        info.mode = mode
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        return info

    def _add(self, name: str, handle: BinaryIO, size: int) -> None:
        full = f"{self.top}/{name}"
        self._folder(str(PurePosixPath(full).parent))
        if self.format == "zip":
            info = self._zip_info(full, 0o100644)
            info.compress_type = (zipfile.ZIP_STORED if PurePosixPath(name).suffix.lower()
                                  in COMPRESSED else zipfile.ZIP_DEFLATED)
            with self.archive.open(info, "w", force_zip64=size >= zipfile.ZIP64_LIMIT) as out:
                while block := handle.read(fmt.BLOCK):
                    out.write(block)
        else:
            info = self._tar_info(full, 0o644)
            info.size = size
            self.archive.addfile(info, handle)

    def add_payload(self, files: dict[str, Path], keep: Callable[[str], bool],
                    on_file: OnFile) -> tuple[dict[str, fmt.Fixity], dict[str, bytes]]:
        fixities: dict[str, fmt.Fixity] = {}
        kept: dict[str, bytes] = {}
        for path in sorted(files):
            source = files[path]
            with open(source, "rb") as handle:
                size = opened_size(handle)
                reader = _HashingReader(handle, keep(path))
                try:
                    self._add(path, reader, size)
                except OSError as exc:
                    raise RezidentError(f"the file changed while it was being packaged ({exc})",
                                        path=source, hint="run the deposit again") from None
            if reader.size != size:
                raise RezidentError("the file changed while it was being packaged", path=source,
                                    hint="run the deposit again")
            fixities[path] = reader.fixity()
            if reader.kept is not None:
                kept[path] = b"".join(reader.kept)
            on_file(path)
        return fixities, kept

    def add_tag(self, name: str, data: bytes) -> None:
        self._add(name, io.BytesIO(data), len(data))

    def close(self) -> None:
        self.archive.close()

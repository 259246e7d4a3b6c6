"""Reading a bag inside a zip or tar without unpacking it (writing one: ``writers``).

An archive holds one folder, the bag (RFC 8493 §4.2). Paths that would lead
outside it, links and devices are refused before anything is read.
"""

from __future__ import annotations

import tarfile
import zipfile
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from ..errors import RezidentError

FORMATS = {"zip": ".zip", "tar": ".tar"}


def archive_format(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith(".zip"):
        return "zip"
    if name.endswith((".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tar.xz")):
        return "tar"
    return None


def _safe_name(name: str, archive: Path) -> PurePosixPath:
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or "\\" in name:
        raise RezidentError(f"the archive holds an unsafe path {name!r}", path=archive,
                            hint="it would unpack outside its folder; do not trust this archive")
    return path


class ArchivedBag:
    """The files of a bag inside a zip or tar, read in place: nothing is unpacked.

    ``files`` maps bag paths (``data/...``, ``bagit.txt``) to sizes; ``outside``
    lists entries that are not in the bag's folder. Use as a context manager.
    """

    def __init__(self, archive: Path):
        self.archive = archive
        self.format = archive_format(archive)
        self.files: dict[str, int] = {}
        self.outside: list[str] = []
        self._names: dict[str, object] = {}  # bag path -> ZipInfo or TarInfo
        try:
            if self.format == "zip":
                self._handle = zipfile.ZipFile(archive)
                entries = [(i.filename, i, i.file_size) for i in self._handle.infolist()
                           if not i.is_dir()]
            elif self.format == "tar":
                self._handle = tarfile.open(archive)  # noqa: SIM115 (closed by close())
                entries = []
                for member in self._handle.getmembers():
                    if member.isdir():
                        continue
                    if not member.isfile():
                        _safe_name(member.name, archive)
                        raise RezidentError(f"the archive holds a link or device {member.name!r}",
                                            path=archive, hint="a bag holds only files and folders")
                    entries.append((member.name, member, member.size))
            else:
                raise RezidentError("not a bag folder, .zip or .tar", path=archive,
                                    hint="give the folder holding bagit.txt or an archive of one")
        except (zipfile.BadZipFile, tarfile.TarError, OSError) as exc:
            raise RezidentError(f"cannot read the archive: {exc}", path=archive) from None
        for name, _, _ in entries:
            _safe_name(name, archive)
        tops = [PurePosixPath(n).parent for n, _, _ in entries if PurePosixPath(n).name == "bagit.txt"]
        if not tops:
            self.close()
            raise RezidentError("the archive holds no bag (no bagit.txt)", path=archive)
        top = min(tops, key=lambda p: len(p.parts))
        for name, entry, size in entries:
            path = PurePosixPath(name)
            if top == PurePosixPath(".") or top in path.parents:
                relative = path.relative_to(top).as_posix() if top != PurePosixPath(".") else name
                self.files[relative] = size
                self._names[relative] = entry
            else:
                self.outside.append(name)

    def open(self, path: str) -> BinaryIO:
        entry = self._names[path]
        if self.format == "zip":
            return self._handle.open(entry)
        return self._handle.extractfile(entry)

    def close(self) -> None:
        self._handle.close()

    def __enter__(self) -> ArchivedBag:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

"""Writing files so that nothing already written is lost.

A file is written to a temporary sibling and renamed into place: readers see
the old file or the new one, never half of one, and a failure leaves the old
file untouched.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


def _read_umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask


# The mode ``open()`` would give a new file (0o666 less the umask), read once at
# import: setting the umask to read it is not thread-safe. ``mkstemp`` alone
# would make files readable by their owner only.
_NEW_FILE_MODE = 0o666 & ~_read_umask()


def write_atomic(path: Path, data: bytes | str, encoding: str = "utf-8", *, sync: bool = True) -> None:
    """Replace ``path`` with ``data`` in one step (same-filesystem rename).

    ``sync=False`` leaves the data to the kernel instead of waiting for the
    disk: for a run writing thousands of files, which then calls
    ``os.sync()`` once at the end (an fsync per file costs each file a
    journal commit, milliseconds apiece).
    """
    if isinstance(data, str):
        data = data.encode(encoding)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, _NEW_FILE_MODE)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if sync:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def link_or_copy(source: str | os.PathLike, target: str | os.PathLike) -> None:
    """``target`` as a hard link to ``source`` (a symbolic link itself, not
    what it points to), or a copy where links are not possible (another
    file system). Fits ``shutil.copytree(copy_function=...)``."""
    try:
        os.link(source, target, follow_symlinks=False)
    except OSError:
        shutil.copy2(source, target, follow_symlinks=False)

"""When a file may be taken as unchanged without reading it again.

What is worked out from a file's content (the build's content hashes, the
parsed edition.toml) is remembered together with the file's size, inode,
mtime and ctime, as git's index does, and used again only while those are
the same. It is remembered only once the file has settled: a file changed
in the same instant as it was read could change again without its
timestamps moving.
"""

from __future__ import annotations

import os

SETTLE_NS = 2_000_000_000

StatKey = tuple[int, int, int, int]  # size, inode, mtime_ns, ctime_ns


def stat_key(st: os.stat_result) -> StatKey:
    return (st.st_size, st.st_ino, st.st_mtime_ns, st.st_ctime_ns)


def settled(st: os.stat_result, now_ns: int) -> bool:
    """Whether what was read of the file may be remembered under its stat key."""
    return now_ns - max(st.st_mtime_ns, st.st_ctime_ns) > SETTLE_NS

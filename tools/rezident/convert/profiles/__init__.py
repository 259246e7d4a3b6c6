"""One grouping function per profile: typed blocks in, the TEI text out."""

from __future__ import annotations

from collections.abc import Callable

from ..lines import Block
from ..structure import Builder, Text
from .archive_translation import archive_translation
from .crest import crest
from .slides import slides
from .venona import venona

GROUPERS: dict[str, Callable[[list[Block], Builder], Text]] = {
    "venona": venona,
    "crest": crest,
    "archive-translation": archive_translation,
    "slides": slides,
}

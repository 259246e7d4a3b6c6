"""Reading a transcript: text or a clear error (missing, empty, binary, wrong encoding)."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from ..errors import RezidentError

# characters XML 1.0 cannot hold (tab, line feed and carriage return it can)
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def read_transcript(path: Path, encoding: str = "utf-8") -> str:
    """The transcript's text with line ends as ``\\n`` and no byte-order mark."""
    return decode_transcript(read_bytes(path), path, encoding)


def read_bytes(path: Path) -> bytes:
    """The transcript's bytes (read once: the converter hashes them and decodes them)."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise RezidentError("no such transcript", path=path,
                            hint="check the file name, or the [[source]] entry in edition.toml") from None
    except IsADirectoryError:
        raise RezidentError("is a folder, not a transcript", path=path) from None
    except OSError as exc:
        raise RezidentError(f"cannot read the transcript: {exc.strerror}", path=path) from None


def decode_transcript(data: bytes, path: Path, encoding: str = "utf-8") -> str:
    """The text of a transcript's bytes, or a clear error (empty, binary, wrong encoding)."""
    if not data.strip():
        raise RezidentError("the transcript is empty", path=path)
    if b"\x00" in data[:8192]:
        line = data[:data.index(b"\x00")].count(b"\n") + 1
        raise RezidentError("this is a binary file, not a text transcript", path=path, line=line)
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise RezidentError(f"unknown encoding {encoding!r}", path=path,
                            hint="use a Python codec name such as utf-8, cp1251, latin-1") from None
    if encoding.lower().replace("-", "").replace("_", "") in ("utf8", "utf8sig") and data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise RezidentError(f"not valid {encoding}: byte 0x{data[exc.start]:02x} at offset {exc.start} "
                            f"cannot be decoded", path=path, line=line, column=column,
                            hint="give the transcript's encoding with --encoding, e.g. --encoding cp1251") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.startswith("\ufeff"):
        text = text[1:]
    bad = NOT_XML.search(text)
    if bad is not None:
        line = text.count("\n", 0, bad.start()) + 1
        column = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        raise RezidentError(f"control character U+{ord(bad.group()):04X} cannot be kept in XML", path=path,
                            line=line, column=column,
                            hint="remove it from the transcript; where pdftotext left a form feed for a new "
                                 "page, write the page number instead")
    return text

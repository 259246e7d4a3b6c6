"""One Pagefind bundle from the bundles of consecutive parts of a site.

Pagefind builds its whole index in memory (about a kilobyte for each
distinct word of each page), so ``search.py`` runs it on parts of the site
and this module joins the parts into the bundle Pagefind would have written
for all their pages at once: one word index, one page numbering, so search
ranks and matches exactly as over one index. (Searching the parts as
separate indexes does not: an index without the query word falls back to
words that begin the query, "a" for "Athens", and floods the results.)

It streams: the parts' word lists are already sorted, so they are merged a
chunk at a time, and memory does not grow with the site.

It reads and writes Pagefind 1.5's bundle format (below); any other version
raises ``UnsupportedBundle`` and the caller indexes the site in one run.

- ``pagefind-entry.json``: ``languages.<lang>.hash`` names the metadata file,
  ``page_count`` the pages.
- ``pagefind.<hash>.pf_meta``: ``[version, pages, index chunks, filters,
  sorts, meta field names]``, a page being ``[fragment hash, word count]``
  and a chunk ``[first word, last word, hash]`` (the words cut to the
  shortest prefixes that still tell neighbouring chunks apart).
- ``index/<hash>.pf_index``: ``[[word, pages, variants], …]`` sorted by word;
  a page is ``[page number, locations, meta locations]``, its number the
  difference from the one before in the list; a variant is ``[form, pages]``.
  Meta locations mark each field as ``-(field index + 1)``.
- ``filter/<hash>.pf_filter``: ``[name, [[value, [page numbers]], …]]``.
- ``fragment/<hash>.pf_fragment``: one page's text, moved as it is.

All but the entry are gzipped CBOR (or JSON) after the ``pagefind_dcd``
signature.
"""

from __future__ import annotations

import gzip
import hashlib
import heapq
import json
import os
import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import chain, pairwise
from pathlib import Path

SIGNATURE = b"pagefind_dcd"
VERSIONS = ("1.5.",)  # the bundle formats this module has been checked against
CHUNK_SIZE = 20_000  # locations per index chunk, as Pagefind counts them

ENTRY = "pagefind-entry.json"
_WIDTH = {24: 1, 25: 2, 26: 4, 27: 8}
_UINT, _NINT, _BYTES, _TEXT, _ARRAY = 0, 1, 2, 3, 4


class UnsupportedBundle(Exception):
    """A bundle this module cannot read (another Pagefind version or options)."""


# --- CBOR, the part of it Pagefind writes -------------------------------------

def _head(data: bytes, at: int) -> tuple[int, int, int]:
    """Major type, argument and end of the item head at ``at``."""
    first = data[at]
    info = first & 31
    if info < 24:
        return first >> 5, info, at + 1
    width = _WIDTH.get(info)
    if width is None:
        raise UnsupportedBundle(f"CBOR item of indefinite or reserved length at byte {at}")
    return first >> 5, int.from_bytes(data[at + 1:at + 1 + width], "big"), at + 1 + width


def _skip(data: bytes, at: int) -> int:
    """The end of the item at ``at``."""
    major, value, at = _head(data, at)
    if major in (_BYTES, _TEXT):
        return at + value
    if major == _ARRAY:
        for _ in range(value):
            at = _skip(data, at)
        return at
    if major in (_UINT, _NINT):
        return at
    raise UnsupportedBundle(f"unexpected CBOR type {major}")


def _decode(data: bytes, at: int = 0) -> tuple[object, int]:
    major, value, at = _head(data, at)
    if major == _UINT:
        return value, at
    if major == _NINT:
        return -1 - value, at
    if major == _TEXT:
        return data[at:at + value].decode("utf-8"), at + value
    if major == _ARRAY:
        items = []
        for _ in range(value):
            item, at = _decode(data, at)
            items.append(item)
        return items, at
    raise UnsupportedBundle(f"unexpected CBOR type {major}")


@lru_cache(maxsize=65536)  # the same small numbers and lengths, millions of times
def _encode_head(major: int, value: int) -> bytes:
    if value < 24:
        return bytes([major << 5 | value])
    for info, width in _WIDTH.items():
        if value < 1 << (8 * width):
            return bytes([major << 5 | info]) + value.to_bytes(width, "big")
    raise ValueError(f"{value} does not fit CBOR")


def _encode(value: object) -> bytes:
    if isinstance(value, int):
        return _encode_head(_UINT, value) if value >= 0 else _encode_head(_NINT, -1 - value)
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _encode_head(_TEXT, len(raw)) + raw
    if isinstance(value, list):
        return _encode_head(_ARRAY, len(value)) + b"".join(_encode(item) for item in value)
    raise TypeError(f"cannot encode {type(value).__name__}")


def _read(path: Path) -> bytes:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise UnsupportedBundle(f"{path.name} does not start with Pagefind's signature")
    return data[len(SIGNATURE):]


def _write(folder: Path, language: str, kind: str, data: bytes, digits: int = 7) -> str:
    """``data`` into ``folder`` under a name made of its hash; that name (without suffix)."""
    digest = hashlib.sha1(data).hexdigest()
    name = f"{language}_{digest[:digits]}"
    while (folder / f"{name}.{kind}").exists():  # a shared prefix: lengthen the name
        digits += 1
        name = f"{language}_{digest[:digits]}"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.{kind}").write_bytes(gzip.compress(SIGNATURE + data, compresslevel=6, mtime=0))
    return name


# --- one part ------------------------------------------------------------------

# The pages of a word in one part, kept as CBOR, since only the first page's
# number changes when the parts are joined: that number, the bytes after it
# (the rest of the first page and the pages after it, as they are), the last
# page's number, the number of pages and their size as Pagefind counts chunks.
Postings = tuple[int, bytes, int, int, int]


class _Part:
    """A part's bundle: its metadata, and its words in order."""

    def __init__(self, folder: Path, offset: int):
        self.folder = folder
        self.offset = offset  # the number of its first page in the merged bundle
        self.entry = json.loads((folder / ENTRY).read_text(encoding="utf-8"))
        version = str(self.entry.get("version", ""))
        if not version.startswith(VERSIONS):
            raise UnsupportedBundle(f"Pagefind {version or '(unknown version)'}")
        languages = self.entry.get("languages", {})
        if len(languages) != 1:
            raise UnsupportedBundle("a bundle of several languages")
        [(self.language, language)] = languages.items()
        meta, _ = _decode(_read(folder / f"pagefind.{language['hash']}.pf_meta"))
        if not isinstance(meta, list) or len(meta) != 6:
            raise UnsupportedBundle("metadata of an unknown shape")
        self.version, self.pages, self.chunks, self.filters, sorts, self.fields = meta
        if sorts:
            raise UnsupportedBundle("sorted pages (data-pagefind-sort)")
        self.field_map: list[int] | None = None  # its meta field numbers in the merged bundle

    def words(self) -> Iterator[tuple[str, Postings, list[tuple[str, Postings]]]]:
        """Each word of the part, in order, with its pages and its variants' pages."""
        for chunk in self.chunks:
            data = _read(self.folder / "index" / f"{chunk[2]}.pf_index")
            if data[:1] != b"\x81":  # the chunk's one field: its words
                raise UnsupportedBundle("an index chunk of an unknown shape")
            count, at = _array(data, 1)
            for _ in range(count):
                if data[at] != 0x83:
                    raise UnsupportedBundle("a word of an unknown shape")
                word, at = _decode(data, at + 1)
                pages, at = self._postings(data, at)
                variant_count, at = _array(data, at)
                variants = []
                for _ in range(variant_count):
                    if data[at] != 0x82:
                        raise UnsupportedBundle("a variant of an unknown shape")
                    form, at = _decode(data, at + 1)
                    variant_pages, at = self._postings(data, at)
                    variants.append((form, variant_pages))
                yield word, pages, variants

    def _postings(self, data: bytes, at: int) -> tuple[Postings, int]:
        """A word's pages in this part (millions of them: the common cases are read inline)."""
        count, at = _array(data, at)
        first = number = size = 0
        body = at
        pieces: list[bytes] = []  # the bytes, when meta fields are renumbered
        for page in range(count):
            if data[at] != 0x83:  # an array of three
                raise UnsupportedBundle("a page of a word of an unknown shape")
            delta, after = (data[at + 1], at + 2) if data[at + 1] < 24 else _uint(data, at + 1)
            if page == 0:
                first, body = delta, after
            number += delta
            locations, meta = _array(data, after)
            meta = _skip_ints(data, meta, locations)
            meta_locations, end = _array(data, meta)
            end = _skip_ints(data, end, meta_locations)
            size += locations + meta_locations + 1
            if self.field_map is not None:
                marks, _ = _decode(data, meta)
                remapped = [-(self.field_map[-mark - 1] + 1) if mark < 0 else mark for mark in marks]
                pieces.append(data[body if page == 0 else at:meta] + _encode(remapped))
            at = end
        return (first, b"".join(pieces) if self.field_map is not None else data[body:at],
                number, count, size), at


def _uint(data: bytes, at: int) -> tuple[int, int]:
    major, value, at = _head(data, at)
    if major != _UINT:
        raise UnsupportedBundle("a page number that is not a number")
    return value, at


def _array(data: bytes, at: int) -> tuple[int, int]:
    """The length of the array at ``at`` and where its items start."""
    first = data[at]
    if 0x80 <= first < 0x98:
        return first - 0x80, at + 1
    major, value, at = _head(data, at)
    if major != _ARRAY:
        raise UnsupportedBundle("locations that are not a list")
    return value, at


# One CBOR integer (Pagefind's locations are integers of any size).
_INTEGER = rb"(?:[\x00-\x17\x20-\x37]|[\x18\x38].|[\x19\x39].{2}|[\x1a\x3a].{4}|[\x1b\x3b].{8})"


@lru_cache(maxsize=4096)
def _integers(count: int) -> re.Pattern[bytes]:
    return re.compile(_INTEGER + b"{%d}" % count, re.DOTALL)


def _skip_ints(data: bytes, at: int, count: int) -> int:
    """The end of ``count`` integers from ``at`` (a regular expression walks them faster)."""
    if count == 0:
        return at
    found = _integers(count).match(data, at)
    if found is None:
        raise UnsupportedBundle("a location that is not a number")
    return found.end()


# --- the merge -------------------------------------------------------------------

def merge_bundles(parts: list[Path], target: Path) -> None:
    """Join the bundles ``parts`` (of consecutive parts of one site, in order) into ``target``.

    The parts' files are moved, not copied: the parts are spent.
    """
    readers: list[_Part] = []
    offset = 0
    for folder in parts:
        readers.append(_Part(folder, offset))
        offset += len(readers[-1].pages)
    first = readers[0]
    if any(part.language != first.language or part.version != first.version for part in readers):
        raise UnsupportedBundle("parts of different languages or Pagefind versions")
    fields = sorted({name for part in readers for name in part.fields})  # as Pagefind orders them
    for part in readers:
        if part.fields != fields:
            part.field_map = [fields.index(name) for name in part.fields]
    target.mkdir()
    language = first.language
    pages = _move_fragments(readers, target / "fragment")
    chunks = _merge_words(readers, target / "index", language)
    filters = _merge_filters(readers, target / "filter", language)
    meta = _encode([first.version, pages, chunks, filters, [], fields])
    meta_hash = f"{language}_{hashlib.sha1(meta).hexdigest()[:10]}"
    (target / f"pagefind.{meta_hash}.pf_meta").write_bytes(
        gzip.compress(SIGNATURE + meta, compresslevel=6, mtime=0))
    entry = dict(first.entry)
    entry["languages"] = {language: {**first.entry["languages"][language],
                                     "hash": meta_hash, "page_count": len(pages)}}
    (target / ENTRY).write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")),
                                encoding="utf-8")
    for item in first.folder.iterdir():  # Pagefind's scripts, styles and WebAssembly
        if item.name not in (ENTRY, "fragment", "index", "filter") and item.suffix != ".pf_meta":
            os.replace(item, target / item.name)


def _move_fragments(parts: list[_Part], folder: Path) -> list[list[object]]:
    """Move the pages' fragments into ``folder``; the merged metadata's pages."""
    folder.mkdir()
    pages: list[list[object]] = []
    for part in parts:
        moved: dict[str, str] = {}
        for page in part.pages:
            if not isinstance(page, list) or len(page) != 2 or not isinstance(page[0], str):
                raise UnsupportedBundle("a page of an unknown shape (grouped fragments?)")
            name = page[0]
            if name not in moved:
                moved[name] = _move_fragment(part.folder / "fragment" / f"{name}.pf_fragment",
                                             folder, name)
            pages.append([moved[name], *page[1:]])
    return pages


def _move_fragment(source: Path, folder: Path, name: str) -> str:
    """Move one fragment; its name in ``folder`` (another if a different page has that one)."""
    candidate, number = name, 1
    while (folder / f"{candidate}.pf_fragment").exists():
        if (folder / f"{candidate}.pf_fragment").read_bytes() == source.read_bytes():
            return candidate  # the same page twice: Pagefind shares the fragment too
        number += 1
        candidate = f"{name}{number}"
    os.replace(source, folder / f"{candidate}.pf_fragment")
    return candidate


def _tagged(part: _Part, index: int) -> Iterator[tuple[str, int, Postings,
                                                        list[tuple[str, Postings]]]]:
    for word, pages, variants in part.words():
        yield word, index, pages, variants


def _merge_words(parts: list[_Part], folder: Path, language: str) -> list[list[str]]:
    """Write the merged word index in chunks; the chunks' ``[from, to, hash]``."""
    chunks: list[list[str]] = []
    words: list[bytes] = []
    size = 0
    first_word = last_word = ""
    merged = heapq.merge(*(_tagged(part, index) for index, part in enumerate(parts)))
    current: list[tuple[int, Postings, list[tuple[str, Postings]]]] = []
    for word, index, pages, variants in chain(merged, [("", -1, [], [])]):  # a sentinel ends the last word
        if current and word == last_word and index >= 0:
            current.append((index, pages, variants))
            continue
        if current:
            encoded, weight = _word(last_word, current, parts)
            if not words:
                first_word = last_word
            words.append(encoded)
            size += weight
            if size >= CHUNK_SIZE or index < 0:
                data = _encode_head(_ARRAY, 1) + _encode_head(_ARRAY, len(words)) + b"".join(words)
                chunks.append([first_word, last_word, _write(folder, language, "pf_index", data)])
                words, size = [], 0
        current = [(index, pages, variants)]
        last_word = word
    for before, after in pairwise(chunks):
        to, start = _prefixes(before[1], after[0])
        if to >= before[0]:  # a shorter end must not fall before the chunk's start
            before[1] = to
        after[0] = start
    return chunks


def _word(word: str, found: list[tuple[int, Postings, list[tuple[str, Postings]]]],
          parts: list[_Part]) -> tuple[bytes, int]:
    """One word of the merged index as CBOR, and its size as Pagefind counts it."""
    pages, size = _join([(parts[index].offset, postings) for index, postings, _ in found])
    forms: dict[str, list[tuple[int, Postings]]] = {}
    for index, _, variants in found:
        for form, postings in variants:
            forms.setdefault(form, []).append((parts[index].offset, postings))
    encoded_variants = []
    for form, lists in forms.items():
        variant_pages, variant_size = _join(lists)
        encoded_variants.append(_encode_head(_ARRAY, 2) + _encode(form) + variant_pages)
        size += variant_size
    return (_encode_head(_ARRAY, 3) + _encode(word) + pages
            + _encode_head(_ARRAY, len(encoded_variants)) + b"".join(encoded_variants),
            size + len(encoded_variants))


def _join(lists: list[tuple[int, Postings]]) -> tuple[bytes, int]:
    """Pages of one word from several parts as one CBOR list (numbers as differences)."""
    items: list[bytes] = []
    count = size = last = 0
    for offset, (first, body, final, pages, weight) in lists:
        if not pages:
            continue
        items.append(b"\x83" + _encode_head(_UINT, offset + first - last) + body)
        last = offset + final
        count += pages
        size += weight
    return _encode_head(_ARRAY, count) + b"".join(items), size


def _prefixes(end: str, start: str) -> tuple[str, str]:
    """The shortest prefixes of the last word of a chunk and the first of the next that differ."""
    common = 0
    for a, b in zip(start, end):
        if a != b:
            break
        common += 1
    return end[:common + 1], start[:common + 1]


def _merge_filters(parts: list[_Part], folder: Path, language: str) -> list[list[str]]:
    """Write the merged filters; their ``[name, hash]``."""
    values: dict[str, dict[str, list[int]]] = {}
    for part in parts:
        for _, file_hash in part.filters:
            decoded, _ = _decode(_read(part.folder / "filter" / f"{file_hash}.pf_filter"))
            if not isinstance(decoded, list) or len(decoded) != 2:
                raise UnsupportedBundle("a filter of an unknown shape")
            filter_name, entries = decoded
            for value, pages in entries:
                values.setdefault(filter_name, {}).setdefault(value, []).extend(
                    part.offset + page for page in pages)
    written = []
    for name in sorted(values):
        data = _encode([name, [[value, pages] for value, pages in sorted(values[name].items())]])
        written.append([name, _write(folder, language, "pf_filter", data)])
    return written

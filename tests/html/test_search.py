"""The search step: Pagefind in parts, the offline index, failures."""

from __future__ import annotations

import gzip
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from rezident.errors import RezidentError
from rezident.html import build_html, build_search_index, search
from rezident.html.pagefind_merge import (
    UnsupportedBundle,
    _decode,
    _move_fragment,
    _prefixes,
    _read,
    merge_bundles,
)
from rezident.html.search import (
    OFFLINE_INDEX,
    DocumentText,
    OfflineIndex,
    _parts,
    document_texts,
)

DOCUMENTS = ("cable", "letter", "undated")
OFFLINE_PREFIX = "window.REZIDENT_OFFLINE_INDEX = "


@pytest.fixture(scope="module")
def built_site(fixtures_dir: Path, tmp_path_factory) -> Path:
    """The fixtures' site without a search index (each test indexes a copy)."""
    root = tmp_path_factory.mktemp("search")
    shutil.copytree(fixtures_dir, root / "tei", ignore=shutil.ignore_patterns("schema"))
    build_html(root / "tei", root / "html", search=False)
    return root / "html"


@pytest.fixture
def site(built_site: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "html"
    shutil.copytree(built_site, copy)
    return copy


def index_contents(bundle: Path) -> tuple[list[tuple[str, int]], dict, dict]:
    """What a Pagefind bundle holds, by page URL: its pages, words and filters."""
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    [(_, language)] = entry["languages"].items()
    meta, _ = _decode(_read(bundle / f"pagefind.{language['hash']}.pf_meta"))
    _, pages, chunks, filters, _, fields = meta
    assert language["page_count"] == len(pages)
    urls = []
    for name, word_count in pages:
        data = gzip.decompress((bundle / "fragment" / f"{name}.pf_fragment").read_bytes())
        urls.append((json.loads(data[data.index(b"{"):])["url"], word_count))

    def by_url(postings: list) -> dict[str, tuple]:
        found, number = {}, 0
        for delta, locations, meta_locations in postings:
            number += delta
            marks = [fields[-mark - 1] if mark < 0 else mark for mark in meta_locations]
            found[urls[number][0]] = (locations, marks)
        return found

    words = {}
    for _, _, name in chunks:
        [entries], _ = _decode(_read(bundle / "index" / f"{name}.pf_index"))
        for word, postings, variants in entries:
            words[word] = (by_url(postings), {form: by_url(pages) for form, pages in variants})
    values = {}
    for _, name in filters:
        [filter_name, entries], _ = _decode(_read(bundle / "filter" / f"{name}.pf_filter"))
        values[filter_name] = {value: sorted(urls[page][0] for page in pages)
                               for value, pages in entries}
    return sorted(urls), words, values


def offline_documents(path: Path) -> list[dict] | None:
    text = path.read_text(encoding="utf-8")
    assert text.startswith(OFFLINE_PREFIX) and text.endswith(";\n")
    return json.loads(text[len(OFFLINE_PREFIX):-2])


def test_index_holds_the_document_pages_only(site):
    build_search_index(site)
    urls, words, filters = index_contents(site / "pagefind")
    assert [url for url, _ in urls] == [f"/{name}.html" for name in DOCUMENTS]
    assert "/cable.html" in words["konspiratsiya"][0]
    assert set(filters) == {"kind"}
    assert not list(site.glob(".pagefind*")), "temporary folders are left behind"


def test_parts_merge_into_the_index_of_one_run(site, tmp_path):
    build_search_index(site)  # three small pages: one part
    whole = tmp_path / "whole"
    (site / "pagefind").rename(whole)
    build_search_index(site, part_words=1)  # one page a part, merged
    assert index_contents(site / "pagefind") == index_contents(whole)
    assert not list(site.glob(".pagefind*"))


def test_parts_with_other_meta_fields_merge_too(site, tmp_path):
    letter = site / "letter.html"
    html = letter.read_text(encoding="utf-8")
    assert 'data-pagefind-meta="date"' in html
    letter.write_text(html.replace('data-pagefind-meta="date"', ""), encoding="utf-8")
    build_search_index(site)
    whole = tmp_path / "whole"
    (site / "pagefind").rename(whole)
    build_search_index(site, part_words=1)  # the letter's part knows the title only
    assert index_contents(site / "pagefind") == index_contents(whole)


def test_parts_the_merge_cannot_read_are_indexed_in_one_run(site, monkeypatch):
    def unsupported(parts: list[Path], target: Path) -> None:
        raise UnsupportedBundle("Pagefind 9.9")

    monkeypatch.setattr(search, "merge_bundles", unsupported)
    build_search_index(site, part_words=1)
    urls, _, _ = index_contents(site / "pagefind")
    assert [url for url, _ in urls] == [f"/{name}.html" for name in DOCUMENTS]
    assert (site / "pagefind" / OFFLINE_INDEX).is_file()


def test_merge_refuses_another_pagefind_version(site, tmp_path):
    build_search_index(site)
    bundle = site / "pagefind"
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    entry["version"] = "1.4.0"
    (bundle / "pagefind-entry.json").write_text(json.dumps(entry), encoding="utf-8")
    with pytest.raises(UnsupportedBundle, match="1.4.0"):
        merge_bundles([bundle, bundle], tmp_path / "merged")


def test_fragments_of_different_pages_under_one_name_are_kept_apart(tmp_path):
    merged = tmp_path / "merged"
    merged.mkdir()
    for part, text in (("a", b"one page"), ("b", b"another page"), ("c", b"one page")):
        (tmp_path / part).mkdir()
        (tmp_path / part / "en_1234567.pf_fragment").write_bytes(text)
    moved = [_move_fragment(tmp_path / part / "en_1234567.pf_fragment", merged, "en_1234567")
             for part in "abc"]
    assert moved == ["en_1234567", "en_12345672", "en_1234567"]  # the same page shares its fragment
    assert (merged / "en_12345672.pf_fragment").read_bytes() == b"another page"


def test_chunk_bounds_are_the_shortest_distinct_prefixes():
    assert _prefixes("apple", "apricot") == ("app", "apr")
    assert _prefixes("cataraman", "yacht") == ("c", "y")
    assert _prefixes("cath", "cathartic") == ("cath", "catha")


def test_offline_index_holds_each_document_once(site):
    build_search_index(site, part_words=1)
    documents = offline_documents(site / "pagefind" / OFFLINE_INDEX)
    assert [d["url"] for d in documents] == [f"{name}.html" for name in DOCUMENTS]
    cable = documents[0]
    assert cable["title"] == "Observations on a defection and instructions to residents"
    assert "KONSPIRATSIYA" in cable["text"] and "конспирация" in cable["text"]
    assert "did not recover" not in cable["text"]  # explanations are not indexed
    assert "[B% the former]" not in cable["text"] and "the former" in cable["text"]


def test_offline_index_is_null_beyond_its_limit(built_site, tmp_path):
    documents = list(document_texts(built_site))
    limit = len(documents[0].text) + 1  # the first document fits, the second does not
    with OfflineIndex(tmp_path / OFFLINE_INDEX, limit=limit) as offline:
        for document in documents:
            offline.add(document)
    assert offline_documents(tmp_path / OFFLINE_INDEX) is None
    with OfflineIndex(tmp_path / OFFLINE_INDEX, limit=limit) as offline:
        offline.add(documents[0])
    assert [d["url"] for d in offline_documents(tmp_path / OFFLINE_INDEX)] == ["cable.html"]


def _synthetic(name: str, words: int) -> DocumentText:
    return DocumentText(Path(f"{name}.html"), "", " ".join(f"w{i}" for i in range(words)))


def _part_names(documents: list[DocumentText], part_words: int) -> list[tuple[str, ...]]:
    return [tuple(d.page.stem for d in part) for part in _parts(documents, part_words)]


def test_parts_close_when_their_words_reach_the_budget(monkeypatch):
    monkeypatch.setattr(search, "_chosen_end", lambda name, words, part_words: False)
    documents = [_synthetic("a", 5), _synthetic("b", 5), _synthetic("c", 9), _synthetic("d", 1)]
    assert _part_names(documents, part_words=10) == [("a", "b"), ("c", "d")]
    assert _synthetic("e", 3).distinct_words() == 3  # the empty title adds none


def test_part_boundaries_move_only_around_a_change():
    sizes = [100 + (i * 7919) % 200 for i in range(3000)]  # 100 to 300 words a page
    documents = [_synthetic(f"doc-{i:05d}", n) for i, n in enumerate(sizes)]
    before = _part_names(documents, part_words=30_000)
    assert 10 <= len(before) <= 60
    assert all(sum(sizes[int(name[4:])] for name in part) < 30_000 + 300 for part in before)

    def changed_parts(after: list[tuple[str, ...]]) -> int:
        return len(set(after) - set(before))

    edited = documents.copy()
    edited[1500] = _synthetic("doc-01500", sizes[1500] + 3)  # a word or three corrected
    inserted = [*documents[:1500], _synthetic("doc-01499a", 250), *documents[1500:]]
    removed = documents[:1500] + documents[1501:]
    for variant in (edited, inserted, removed):
        assert changed_parts(_part_names(variant, part_words=30_000)) <= 2


def test_a_cached_index_runs_pagefind_for_changed_parts_only(site, tmp_path, monkeypatch):
    runs = []
    real_run = search._run_pagefind
    monkeypatch.setattr(search, "_run_pagefind", lambda pages, bundle: (
        runs.append(sorted(p.name for p in pages.iterdir())), real_run(pages, bundle))[1])
    cache = tmp_path / "cache"
    build_search_index(site, part_words=1, cache_dir=cache)  # one page a part
    assert len(runs) == 3
    first = index_contents(site / "pagefind")

    runs.clear()
    build_search_index(site, part_words=1, cache_dir=cache)
    assert runs == []
    assert index_contents(site / "pagefind") == first

    letter = site / "letter.html"
    body = 'data-pagefind-body="">'
    letter.write_text(letter.read_text(encoding="utf-8").replace(body, f"{body}<p>Zanzibar</p>", 1),
                      encoding="utf-8")
    build_search_index(site, part_words=1, cache_dir=cache)
    assert runs == [["letter.html"]]
    cached = index_contents(site / "pagefind")
    assert "/letter.html" in cached[1]["zanzibar"][0]
    (site / "pagefind").rename(tmp_path / "cached")
    build_search_index(site, part_words=1)  # no cache: the same index
    assert index_contents(site / "pagefind") == cached
    assert (offline_documents(tmp_path / "cached" / OFFLINE_INDEX)
            == offline_documents(site / "pagefind" / OFFLINE_INDEX))


def test_the_cache_keeps_what_the_last_index_used(site, tmp_path):
    cache = tmp_path / "cache"
    build_search_index(site, part_words=1, cache_dir=cache)
    assert len(list((cache / "parts").iterdir())) == 3
    (site / "undated.html").unlink()
    build_search_index(site, part_words=1, cache_dir=cache)
    assert len(list((cache / "parts").iterdir())) == 2
    with sqlite3.connect(cache / "texts.sqlite") as db:
        assert db.execute("SELECT count(*) FROM texts").fetchone()[0] == 2


def test_pagefind_failing_keeps_the_old_index(site, monkeypatch):
    build_search_index(site)
    before = sorted(p.relative_to(site) for p in (site / "pagefind").rglob("*"))
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", shutil.which("false"))
    with pytest.raises(RezidentError, match="Pagefind could not index the site"):
        build_search_index(site, part_words=1)
    assert sorted(p.relative_to(site) for p in (site / "pagefind").rglob("*")) == before
    assert not list(site.glob(".pagefind*"))


def test_a_site_without_document_pages_is_an_error(site):
    for name in DOCUMENTS:
        (site / f"{name}.html").unlink()
    with pytest.raises(RezidentError, match="no document pages"):
        build_search_index(site)
    assert not (site / "pagefind").exists()
    assert not list(site.glob(".pagefind*"))


def test_cached_texts_serve_their_format_only(site, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    build_search_index(site, cache_dir=cache)
    with sqlite3.connect(cache / "texts.sqlite") as db:
        db.execute("UPDATE texts SET text = 'stale text'")
    build_search_index(site, cache_dir=cache)
    texts = [d["text"] for d in offline_documents(site / "pagefind" / OFFLINE_INDEX)]
    assert texts == ["stale text"] * 3  # the cache is trusted while its format holds
    monkeypatch.setattr(search, "TEXT_FORMAT", "read another way")
    build_search_index(site, cache_dir=cache)
    texts = [d["text"] for d in offline_documents(site / "pagefind" / OFFLINE_INDEX)]
    assert "stale text" not in texts and "KONSPIRATSIYA" in texts[0]


def test_a_damaged_cache_is_started_afresh(site, tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "texts.sqlite").write_bytes(b"not a database, half written" * 100)
    build_search_index(site, cache_dir=cache)
    assert [d["url"] for d in offline_documents(site / "pagefind" / OFFLINE_INDEX)] == \
        [f"{name}.html" for name in DOCUMENTS]
    with sqlite3.connect(cache / "texts.sqlite") as db:
        assert db.execute("SELECT count(*) FROM texts").fetchone()[0] == 3

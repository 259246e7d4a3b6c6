"""Reading edition.toml: what an editor gets for a mistake in it."""

from __future__ import annotations

import pytest

from rezident import edition, filestate
from rezident.errors import ConfigError

HEAD = '[edition]\nid = "test"\ntitle = "A test edition"\n'


def write(tmp_path, text: str):
    (tmp_path / "edition.toml").write_text(HEAD + text, encoding="utf-8")
    return tmp_path


def test_sources_are_read_with_their_metadata_and_paths(tmp_path):
    ed = edition.load(write(tmp_path, '[[source]]\nfile = "sub/../a.txt"\nid = "a"\nprofile = "venona"\n'
                                      'kind = "cable"\ndate = "1946-04-07"\n'))
    [source] = ed.sources
    assert source.file == (tmp_path / "transcripts" / "a.txt").resolve()
    assert (source.id, source.profile, source.kind, source.metadata) == ("a", "venona", "cable",
                                                                         {"date": "1946-04-07"})
    assert source.tei_path(ed.tei_dir) == tmp_path.resolve() / "tei" / "a.xml"


@pytest.mark.parametrize("text, message", [
    ('[[source]]\nid = "a"\nprofile = "venona"\n', "source 1 needs a `file`"),
    ('[[source]]\nfile = "a.txt"\nid = "a"\nprofile = "venona"\n'
     '[[source]]\nfile = "b.txt"\nid = "a"\nprofile = "venona"\n', "source id 'a' is used twice"),
    ('[[source]\nfile = "a.txt"\n', "not valid TOML"),
])
def test_a_mistake_in_the_sources_names_the_file_and_the_source(tmp_path, text, message):
    with pytest.raises(ConfigError) as raised:
        edition.load(write(tmp_path, text))
    assert message in str(raised.value)
    assert raised.value.path == tmp_path / "edition.toml"


def test_a_missing_title_is_named(tmp_path):
    (tmp_path / "edition.toml").write_text('[edition]\nid = "test"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="needs a `title`"):
        edition.load(tmp_path)


def test_sources_are_found_by_id_and_by_file(tmp_path):
    ed = edition.load(write(tmp_path, '[[source]]\nfile = "a.txt"\nid = "a"\nprofile = "venona"\n'
                                      '[[source]]\nfile = "b.txt"\nid = "b"\nprofile = "crest"\n'))
    (tmp_path / "transcripts").mkdir()
    (tmp_path / "transcripts" / "b.txt").write_text("x", encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(tmp_path / "transcripts" / "b.txt")
    assert ed.source_by_id("b").profile == "crest"
    assert ed.source_by_id("c") is None
    assert ed.source_for_file(tmp_path / "transcripts" / ".." / "transcripts" / "b.txt").id == "b"
    assert ed.source_for_file(tmp_path / "link.txt").id == "b"
    assert ed.source_for_file(tmp_path / "other.txt") is None


def big_edition(tmp_path, title: str):
    sources = "".join(f'[[source]]\nfile = "t{n}.txt"\nid = "doc-{n}"\nprofile = "venona"\n' for n in range(2000))
    config = write(tmp_path, sources).joinpath("edition.toml")
    config.write_text(config.read_text(encoding="utf-8").replace("A test edition", title), encoding="utf-8")
    assert config.stat().st_size > edition.CACHE_FROM_BYTES
    return config


def settled_at_once(monkeypatch):
    """A test cannot set a file's ctime back: let every file count as settled."""
    monkeypatch.setattr(filestate, "SETTLE_NS", -1)


def test_a_large_edition_toml_is_parsed_once_until_it_changes(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    settled_at_once(monkeypatch)
    config = big_edition(tmp_path, "First title")
    assert edition.load(config).title == "First title"
    assert list((tmp_path / "cache" / "rezident").glob("edition-*.pickle"))

    def no_parsing(text):
        raise AssertionError("parsed again")
    monkeypatch.setattr(edition.tomllib, "loads", no_parsing)
    kept = edition.load(config)
    assert kept.title == "First title" and len(kept.sources) == 2000
    monkeypatch.undo()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    settled_at_once(monkeypatch)
    big_edition(tmp_path, "Second title")
    assert edition.load(config).title == "Second title"


def test_an_unusable_cache_only_costs_a_parse(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    settled_at_once(monkeypatch)
    config = big_edition(tmp_path, "A title")
    edition.load(config)
    for kept in (cache / "rezident").glob("edition-*.pickle"):
        kept.write_bytes(b"not a pickle")
    assert edition.load(config).title == "A title"
    monkeypatch.setenv("XDG_CACHE_HOME", "/proc/no-such-place")  # cannot be written
    assert edition.load(config).title == "A title"

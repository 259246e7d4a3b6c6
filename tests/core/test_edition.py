"""Reading edition.toml: what an editor gets for a mistake in it."""

from __future__ import annotations

import pytest

from rezident import edition
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

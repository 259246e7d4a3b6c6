"""The build's pieces on their own: hashes, pointers, staged trees, the manifest."""

from __future__ import annotations

import os
import shutil
import time

from rezident.build.dependencies import Registers, read_pointers
from rezident.build.hashing import FileHashes, digest
from rezident.build.manifest import Manifest, read_data
from rezident.build.publish import StagedTree
from rezident.filestate import SETTLE_NS


def test_digest_frames_its_parts():
    assert digest("ab", "c") != digest("a", "bc")
    assert digest("x") == digest(b"x")


LATER = 10 * 1_000_000_000


def test_file_hashes_are_remembered_by_stat_and_reread_when_it_moves(tmp_path):
    path = tmp_path / "a.xml"
    path.write_text("one")
    first = FileHashes()
    value = first.of(path)
    assert first.hashed == 1 and str(path) not in first.fresh  # too new to remember safely
    second = FileHashes(now_ns=time.time_ns() + LATER)
    assert second.of(path) == value and str(path) in second.fresh
    third = FileHashes(second.fresh)
    assert third.of(path) == value and third.hashed == 0
    path.write_text("two")
    fourth = FileHashes(second.fresh)
    assert fourth.of(path) != value and fourth.hashed == 1


def test_same_size_rewrite_with_old_mtime_is_still_seen(tmp_path):
    """Content, not timestamps: restoring the mtime does not hide a change (ctime moves)."""
    path = tmp_path / "a.xml"
    path.write_text("one")
    hashes = FileHashes(now_ns=time.time_ns() + LATER)
    before = hashes.of(path)
    st = path.stat()
    time.sleep(0.01)
    path.write_text("two")
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert FileHashes(hashes.fresh).of(path) != before


def test_tree_hash_ignores_bytecode_and_hidden_files(tmp_path):
    (tmp_path / "a.xsl").write_text("x")
    before = FileHashes().of_tree(tmp_path)
    (tmp_path / "__pycache__").mkdir()
    (tmp_path / "__pycache__" / "a.pyc").write_bytes(b"\0")
    (tmp_path / ".a.xsl.swp").write_text("y")
    assert FileHashes().of_tree(tmp_path) == before
    (tmp_path / "b.xsl").write_text("x")
    assert FileHashes().of_tree(tmp_path) != before


def test_pointers_are_read_from_any_attribute_and_resolved(tmp_path):
    (tmp_path / "registers").mkdir()
    (tmp_path / "registers" / "persons.xml").write_text("<listPerson/>")
    (tmp_path / "other.xml").write_text("<x/>")
    doc = tmp_path / "doc.xml"
    doc.write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0">'
        '<rs ref="registers/persons.xml#per-a registers/persons.xml#per-b"/>'
        '<ptr target="other.xml"/><ref target="#note-1"/><ref target="https://example.org/x.xml#y"/>'
        '<name ref="registers/missing.xml#z"/><ptr target="doc.xml#itself"/>'
        '<catRef scheme="#classification" target="#cls-secret"/></TEI>')
    assert read_pointers(doc, tmp_path) == [
        "other.xml", "registers/persons.xml#per-a", "registers/persons.xml#per-b"]


REGISTER = """<listPerson xmlns="http://www.tei-c.org/ns/1.0">
<person xml:id="per-a"><persName>A</persName><affiliation ref="#org-x"/></person>
<person xml:id="per-b"><persName>B</persName></person>
<org xml:id="org-x"><orgName>X</orgName></org>
<person xml:id="per-c"><persName>C</persName><link target="#per-d"/></person>
<person xml:id="per-d"><persName>D</persName><link target="#per-c"/></person>
</listPerson>"""


def test_register_entry_hashes_change_only_with_what_they_cover(tmp_path):
    register = tmp_path / "persons.xml"
    register.write_text(REGISTER)

    def hashes():
        found = Registers(tmp_path, FileHashes())
        return {p: found.hash_of(f"persons.xml#{p}") for p in ("per-a", "per-b", "per-c", "none")}

    before = hashes()
    register.write_text(REGISTER.replace("<orgName>X", "<orgName>Y"))
    after = hashes()
    assert after["per-a"] != before["per-a"]  # through its affiliation
    assert after["per-b"] == before["per-b"]
    assert after["per-c"] == before["per-c"]  # a cycle does not loop
    assert after["none"] == before["none"]


def test_registers_are_not_parsed_again_when_unchanged(tmp_path, monkeypatch):
    (tmp_path / "persons.xml").write_text(REGISTER)
    first = Registers(tmp_path, FileHashes())
    value = first.hash_of("persons.xml#per-a")

    def no_parsing(*args):
        raise AssertionError("parsed again")

    monkeypatch.setattr("rezident.build.dependencies._parse_entries", no_parsing)
    again = Registers(tmp_path, FileHashes(), known=first.parsed)
    assert again.hash_of("persons.xml#per-a") == value


def test_staged_tree_links_publishes_and_leaves_the_old_files_to_their_readers(tmp_path):
    published = tmp_path / "out" / "html"
    published.mkdir(parents=True)
    (published / "a.html").write_text("old a")
    (published / "b.html").write_text("old b")
    tree = StagedTree(published, tmp_path / "work")
    root = tree.prepare()
    assert (root / "b.html").stat().st_ino == (published / "b.html").stat().st_ino
    tree.make_room(["a.html"])
    (root / "a.html").write_text("new a")
    (root / "sub").mkdir()
    (root / "sub" / "c.html").write_text("c")
    reader = (published / "a.html").open()
    assert (published / "a.html").read_text() == "old a"  # nothing visible before publish
    tree.publish()
    assert reader.read() == "old a"
    reader.close()
    assert (published / "a.html").read_text() == "new a"
    assert (published / "sub" / "c.html").read_text() == "c"
    assert (root / "a.html").read_text() == "old a"  # the previous output, kept for the next build


def _links(folder):
    return {str(p.relative_to(folder)): (p.is_dir(), None if p.is_dir() else p.stat().st_ino)
            for p in folder.rglob("*")}


def test_the_next_build_brings_the_kept_copy_level_with_the_output(tmp_path):
    published = tmp_path / "out" / "html"
    (published / "tei").mkdir(parents=True)
    for name in ("a.html", "b.html", "tei/a.xml", "tei/b.xml"):
        (published / name).write_text(name)
    tree = StagedTree(published, tmp_path / "work")
    root = tree.prepare()
    tree.make_room(["a.html", "tei/b.xml"])
    (root / "a.html").write_text("new a")
    (root / "search").mkdir()
    (root / "search" / "index.js").write_text("index")
    tree.publish()
    # by hand, between builds: a file removed, one replaced, a folder replaced by a file
    (published / "b.html").unlink()
    (published / "tei" / "a.xml").unlink()
    (published / "tei" / "a.xml").write_text("edited by hand")
    shutil.rmtree(published / "search")
    (published / "search").write_text("now a file")
    (root / "stray.tmp").write_text("left by a build that died")

    again = tree.prepare()
    assert again == root
    assert _links(root) == _links(published)
    assert (root / "tei" / "a.xml").read_text() == "edited by hand"


def test_staged_tree_recovers_a_half_done_swap(tmp_path):
    published = tmp_path / "html"
    tree = StagedTree(published, tmp_path / "work")
    tree.backup.mkdir(parents=True)
    (tree.backup / "a.html").write_text("a")
    tree.recover()
    assert (published / "a.html").read_text() == "a" and not tree.backup.exists()


def test_make_room_prunes_emptied_folders(tmp_path):
    tree = StagedTree(tmp_path / "html", tmp_path / "work")
    root = tree.prepare()
    (root / "tei").mkdir()
    (root / "tei" / "a.xml").write_text("x")
    tree.make_room(["tei/a.xml", "never-there.html"])
    assert not (root / "tei").exists() and root.exists()


def test_manifest_pending_rows_count_only_once_promoted(tmp_path):
    path = tmp_path / "cache" / "manifest.sqlite"
    manifest = Manifest(path)
    manifest.stage_pending("html", "a.xml", "k1", ["a.html"], b"summary a")
    assert manifest.items("html") == {}
    assert list(read_data(path, "html", ["a.xml"])) == [b"summary a"]
    manifest.promote()
    assert manifest.items("html")["a.xml"].outputs == ("a.html",)
    manifest.stage_pending("html", "a.xml", "k2", ["a.html"], b"summary a2")
    manifest.close()
    reopened = Manifest(path)  # a build that died: its pending rows are gone
    assert reopened.items("html")["a.xml"].key == "k1"
    assert reopened.data("html", "a.xml") == b"summary a"
    reopened.stage_drop("html", "a.xml")
    reopened.promote(["pdf"])
    assert "a.xml" in reopened.items("html")
    reopened.promote()
    assert reopened.items("html") == {}


def test_settle_window_is_a_couple_of_seconds():
    assert 1_000_000_000 <= SETTLE_NS <= 5_000_000_000


def test_entry_hashes_do_not_depend_on_the_order_they_are_asked_in(tmp_path):
    """Parallel builds learn pointers in any order; cycles must not make keys differ."""
    (tmp_path / "persons.xml").write_text(REGISTER)
    pointers = [f"persons.xml#{p}" for p in ("per-c", "per-d", "per-a", "org-x")]
    forward = Registers(tmp_path, FileHashes())
    backward = Registers(tmp_path, FileHashes())
    first = {p: forward.hash_of(p) for p in pointers}
    second = {p: backward.hash_of(p) for p in reversed(pointers)}
    assert first == second
    assert first["persons.xml#per-c"] == first["persons.xml#per-d"]  # one cycle, one set


def test_manifest_gives_freed_pages_back_and_leaves_no_log(tmp_path):
    path = tmp_path / "manifest.sqlite"
    manifest = Manifest(path)
    for round_ in range(2):  # two full rebuilds: the second frees what the first filled
        for number in range(3000):
            manifest.stage_pending("html", f"d{number}.xml", f"k{round_}", ["x.html"],
                                   os.urandom(2000))
        manifest.promote()
    free, total = (manifest.db.execute(f"PRAGMA {name}").fetchone()[0]
                   for name in ("freelist_count", "page_count"))
    assert free * 4 <= total
    manifest.close()
    assert not (tmp_path / "manifest.sqlite-wal").exists() or \
        (tmp_path / "manifest.sqlite-wal").stat().st_size == 0

"""The BagIt text formats: manifest lines and tag files (RFC 8493 §2)."""

from __future__ import annotations

from deposit_samples import write_edition
from hypothesis import given
from hypothesis import strategies as st

from rezident.deposit import bagit_format as fmt
from rezident.deposit import make_deposit, verify


@given(st.text(min_size=1))
def test_paths_survive_a_manifest_line(name):
    path = f"data/{name}"
    fixity = fmt.Fixity(1, {"sha256": "ab" * 32})
    line = fmt.manifest_text({path: fixity}, "sha256")
    assert line.count("\n") == 1  # CR and LF never break the line
    assert fmt.parse_manifest(line) == {path: "ab" * 32}


def test_only_cr_lf_and_percent_are_encoded():
    assert fmt.quote_path("data/50% of\r\nit %0A.txt") == "data/50%25 of%0D%0Ait %250A.txt"
    assert fmt.unquote_path("data/50%25 of%0d%0Ait %250A.txt") == "data/50% of\r\nit %0A.txt"


def test_tag_values_continue_on_indented_lines():
    text = "External-Description: a long\n  description\n\tof it\nBag-Count: 1 of 2\n"
    assert fmt.parse_tags(text) == [("External-Description", "a long description of it"),
                                    ("Bag-Count", "1 of 2")]
    assert fmt.tag_text([("A", "x\n y  z")]) == "A: x y z\n"


def test_malformed_manifest_line_is_named():
    try:
        fmt.parse_manifest("ab  data/x\nnot-a-checksum\n")
    except ValueError as exc:
        assert "line 2" in str(exc)
    else:
        raise AssertionError("a malformed line was accepted")


def test_file_names_with_percent_and_spaces(tmp_path):
    edition = write_edition(tmp_path / "e")
    odd = edition.output_dir / "html" / "50% of a page.html"
    odd.write_text("<p>x</p>")
    made = make_deposit(edition, tmp_path / "out", allow_invalid=True)
    manifest = (made.path / "manifest-sha256.txt").read_text()
    assert "data/html/50%25 of a page.html\n" in manifest
    assert verify(made.path).ok
    odd_in_bag = made.path / "data" / "html" / "50% of a page.html"
    odd_in_bag.write_text("<p>y</p>")
    assert verify(made.path).altered == ["data/html/50% of a page.html"]

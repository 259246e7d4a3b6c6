"""Stand-ins for the validator and renderers, so the orchestration is tested on its own.

They behave like the real ones where the build cares: they write the files
they return, depend on the register entries a document points to, and log
each time one is made (to prove stylesheets are compiled once per process).
A document containing ``INVALID`` has a validation error, ``EXPLODE`` makes
the renderer fail, ``INTERRUPT`` stops the build as Ctrl-C would.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from rezident.build import Finding, Toolkit

XML_ID = re.compile(r'xml:id="([^"]+)"><\w+>([^<]*)<')


def _names(tei: Path) -> list[str]:
    """The register entries a document names, read the simple way."""
    text = tei.read_text(encoding="utf-8")
    out = []
    for target in re.findall(r'ref="([^"#]+)#([^"]+)"', text):
        register = tei.parent / target[0]
        entries = dict(XML_ID.findall(register.read_text(encoding="utf-8")))
        out.append(entries.get(target[1], "?"))
    return out


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


class FakeValidator:
    def validate_file(self, path: Path) -> list[Finding]:
        text = path.read_text(encoding="utf-8")
        for word, severity in (("INVALID", "error"), ("WARN", "warning")):
            if word in text:
                line = text[:text.index(word)].count("\n") + 1
                return [Finding(path, line, None, severity, f"the document says {word}",
                                "fake-rule")]
        return []


class FakeHtml:
    def render_document(self, tei: Path, out_dir: Path) -> list[Path]:
        text = tei.read_text(encoding="utf-8")
        if "INTERRUPT" in text:
            raise KeyboardInterrupt
        if "EXPLODE" in text:
            raise ValueError("the fake renderer exploded")
        names = ", ".join(_names(tei))
        return [_write(out_dir / f"{tei.stem}.html", f"<p>{tei.stem}: {names}</p>")]

    def summarize(self, tei: Path) -> bytes:
        """Like the real summary, what the index pages need: the document and whom it names."""
        return " ".join([tei.stem, *_names(tei)]).encode()

    def render_collection(self, summaries, out_dir: Path, registers_dir=None,
                          schema_dir=None) -> list[Path]:
        listed = b", ".join(summaries).decode()
        return [_write(out_dir / "index.html", f"<p>{listed}</p>")]

    def copy_assets(self, out_dir: Path) -> list[Path]:
        return [_write(out_dir / "assets" / "edition.css", "p { margin: 0 }")]


class FakePdf:
    def render_document(self, tei: Path, out_pdf: Path) -> Path:
        return _write(out_pdf, f"%PDF fake {tei.stem}")

    def render_volume(self, tei_paths, out_pdf: Path, registers_dir=None) -> Path:
        return _write(out_pdf, "%PDF fake volume " + " ".join(p.stem for p in tei_paths))


class FakeToolkit(Toolkit):
    code: dict = {}
    libraries: dict = {}

    def __init__(self, log: Path):
        self.log = log

    def _made(self, name: str) -> None:
        with open(self.log, "a", encoding="utf-8") as handle:
            handle.write(f"{name} {os.getpid()}\n")

    def make_validator(self, setting):
        self._made("validator")
        return FakeValidator()

    def make_html(self, setting):
        self._made("html")
        return FakeHtml()

    def make_pdf(self, setting):
        self._made("pdf")
        return FakePdf()

    def validate(self, validator, tei_path):
        ident = re.search(r'<TEI [^>]*xml:id="([^"]+)"', tei_path.read_text(encoding="utf-8"))
        facts = {"document_id": ident and ident.group(1),
                 "is_register": tei_path.parent.name == "registers",
                 "identifiers": [], "parsed": True}
        return validator.validate_file(tei_path), facts

    def build_search_index(self, site_dir: Path, cache_dir: Path | None = None) -> list[Path]:
        pages = sorted(p.name for p in site_dir.glob("*.html"))
        return [_write(site_dir / "pagefind" / "index.txt", "\n".join(pages))]

    def made(self) -> list[tuple[str, int]]:
        if not self.log.exists():
            return []
        return [(name, int(pid)) for name, pid in
                (line.split() for line in self.log.read_text().splitlines())]

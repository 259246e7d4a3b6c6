"""Full-text search for the HTML edition with Pagefind.

Pagefind reads the built pages (only the document pages carry
``data-pagefind-body``) and writes its index and UI into ``pagefind/``.
The whole site is indexed as one language, so English and Russian words
(Cyrillic or transliterated) are found from the one search page.

Browsers refuse Pagefind's requests on pages opened from files, so beside
the index goes ``offline-index.js``: the documents' texts as a script the
search page can load from ``file://`` and search itself.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from lxml import etree, html

from ..errors import RezidentError

BUNDLE = "pagefind"
OFFLINE_INDEX = "offline-index.js"
# Beyond this many characters of text, searching from files would load too
# much into the browser: the offline index then says so instead.
OFFLINE_LIMIT = 30_000_000


def build_search_index(site_dir: Path) -> None:
    """Index ``site_dir`` into ``site_dir/pagefind``, replacing any old index whole."""
    site_dir = Path(site_dir).resolve()
    if not (site_dir / "index.html").is_file():
        raise RezidentError("no built site here (index.html is missing)", path=site_dir,
                            hint="render the HTML pages before indexing them")
    staging = Path(tempfile.mkdtemp(prefix=".pagefind-", dir=site_dir))
    staging.chmod(0o755)  # mkdtemp makes 0700: a web server must read the index
    try:
        result = subprocess.run(
            [sys.executable, "-m", "pagefind", "--site", str(site_dir),
             "--output-path", str(staging), "--force-language", "en", "--quiet"],
            capture_output=True, text=True, check=False)
        if result.returncode != 0:
            detail = (result.stderr or result.stdout).strip().splitlines()
            raise RezidentError("Pagefind could not index the site: "
                                + (detail[-1] if detail else f"exit code {result.returncode}"),
                                path=site_dir, hint="is the pagefind[bin] package installed?")
        write_offline_index(site_dir, staging / OFFLINE_INDEX)
        target = site_dir / BUNDLE
        old = site_dir / f".{BUNDLE}-old"
        if target.exists():
            shutil.rmtree(old, ignore_errors=True)
            target.rename(old)
        staging.rename(target)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def write_offline_index(site_dir: Path, target: Path) -> None:
    """The searchable text of every document page as a script for file://."""
    documents = []
    size = 0
    for page in sorted(site_dir.glob("*.html")):
        tree = html.parse(str(page))
        body = tree.find(".//*[@data-pagefind-body]")
        if body is None:
            continue
        for ignored in body.xpath(".//*[@data-pagefind-ignore]"):
            ignored.drop_tree()  # keeps the text that follows it
        title = " ".join(body.xpath("string(.//*[@data-pagefind-meta='title'])").split())
        text = " ".join(etree.tostring(body, method="text", encoding="unicode").split())
        size += len(text)
        documents.append({"url": page.name, "title": title or page.stem, "text": text})
    data = json.dumps(documents, ensure_ascii=False) if size <= OFFLINE_LIMIT else "null"
    target.write_text(f"window.REZIDENT_OFFLINE_INDEX = {data};\n", encoding="utf-8")

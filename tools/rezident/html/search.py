"""Full-text search for the HTML edition with Pagefind.

Pagefind reads the built pages (only the document pages carry
``data-pagefind-body``) and writes its index and UI into ``pagefind/``.
The whole site is indexed as one language, so English and Russian words
(Cyrillic or transliterated) are found from the one search page.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from ..errors import RezidentError

BUNDLE = "pagefind"


def build_search_index(site_dir: Path) -> None:
    """Index ``site_dir`` into ``site_dir/pagefind``, replacing any old index whole."""
    site_dir = Path(site_dir).resolve()
    if not (site_dir / "index.html").is_file():
        raise RezidentError("no built site here (index.html is missing)", path=site_dir,
                            hint="render the HTML pages before indexing them")
    staging = Path(tempfile.mkdtemp(prefix=".pagefind-", dir=site_dir))
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
        target = site_dir / BUNDLE
        old = site_dir / f".{BUNDLE}-old"
        if target.exists():
            shutil.rmtree(old, ignore_errors=True)
            target.rename(old)
        staging.rename(target)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)

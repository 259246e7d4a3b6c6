"""Where the schema and the stylesheets an edition uses are found.

An edition may carry its own copies (``rezident init`` puts them in place);
otherwise it uses the ones that ship with rezident.
"""

from __future__ import annotations

from pathlib import Path

# tools/rezident/resources.py -> the project root holding schema/ and xslt/
PACKAGE_ROOT = Path(__file__).resolve().parent.parent.parent


def shipped_schema_dir() -> Path:
    return PACKAGE_ROOT / "schema"


def shipped_xslt_dir() -> Path:
    return PACKAGE_ROOT / "xslt"

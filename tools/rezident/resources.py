"""Where the schema and the stylesheets an edition uses are found.

An edition may carry its own copies (``rezident init`` puts them in place);
otherwise it uses the ones that ship with rezident. They ship as package data:
``rezident/data/schema`` and ``rezident/data/xslt`` are links to the project's
``schema/`` and ``xslt/`` in a source checkout, and copies of them in a wheel.
"""

from __future__ import annotations

from pathlib import Path

_DATA = Path(__file__).resolve().parent / "data"

# The source checkout's root (tools/rezident/resources.py -> project root);
# meaningful only when rezident runs from a checkout, as in development and CI.
PACKAGE_ROOT = Path(__file__).resolve().parent.parent.parent


def shipped_schema_dir() -> Path:
    return (_DATA / "schema").resolve()


def shipped_xslt_dir() -> Path:
    return (_DATA / "xslt").resolve()

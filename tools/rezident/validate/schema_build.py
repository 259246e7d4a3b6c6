"""Generate ``schema/rezident.rng`` from its readable source ``schema/rezident.rnc``.

The compact syntax is what people edit; the XML form is what lxml loads. The
conversion uses ``rnc2rng`` (a test/development dependency, not needed to
validate), and a test checks that the committed .rng is what this gives.

    python -m rezident.validate.schema_build [SCHEMA_DIR]
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..files import write_atomic
from ..resources import shipped_schema_dir

GENERATED_NOTE = ("generated from rezident.rnc by `python -m rezident.validate.schema_build`: "
                  "edit the .rnc, not this file")


def rnc_to_rng(rnc_text: str) -> str:
    """The XML syntax of a compact-syntax grammar, with a note that it is generated."""
    import rnc2rng  # development dependency: only needed to regenerate

    rng = rnc2rng.dumps(rnc2rng.loads(rnc_text))
    header, sep, rest = rng.partition("\n")
    return f"{header}{sep}<!-- {GENERATED_NOTE} -->\n{rest}"


def build(schema_dir: Path) -> Path:
    source = schema_dir / "rezident.rnc"
    target = schema_dir / "rezident.rng"
    write_atomic(target, rnc_to_rng(source.read_text(encoding="utf-8")))
    return target


if __name__ == "__main__":
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else shipped_schema_dir()
    print(f"wrote {build(folder)}")

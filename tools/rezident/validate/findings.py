"""What validation finds: one problem at one place of one file."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Literal

Severity = Literal["error", "warning"]

# Rule ids of the findings that do not come from an assert of rezident.sch.
XML_RULE = "xml-well-formed"
UNSAFE_RULE = "xml-unsafe"
READ_RULE = "file-unreadable"
RELAXNG_RULE = "relaxng"


@dataclass(frozen=True, order=True)
class Finding:
    """A problem found in a file.

    ``line`` and ``column`` are 1-based; ``column`` is None where neither
    libxml2 nor the source text can tell it (the text report then says so).
    ``rule`` is the Schematron assert id, or one of the ids above.
    """

    path: Path
    line: int | None
    column: int | None
    severity: Severity
    message: str
    rule: str

    def as_dict(self) -> dict:
        data = asdict(self)
        data["path"] = str(self.path)
        return data

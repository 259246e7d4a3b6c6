"""What a ``[[source]]`` entry may add to a transcript, checked before converting."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..edition import Source
from ..errors import ConfigError
from .conventions import PROFILES
from .structure import LEVELS

KEYS = {
    "title": "the document's title, when the transcript has none worth using",
    "author": "the author of the transcribed work",
    "date": "the document's own date, ISO (1938-11-23)",
    "date-not-before": "earliest possible date, ISO (1953)",
    "date-not-after": "latest possible date, ISO",
    "note": "a note on the source, for the header",
    "sender": "who sent a letter or cable, as the registers write the name (Yezhov)",
    "addressee": "to whom, as the registers write the name (Stalin)",
    "classification": f"the highest classification when the text has no banner ({', '.join(LEVELS)})",
    "documents": "several documents in one transcript: [[source.documents]] tables",
}
DOCUMENT_KEYS = {"starts", "subtype", "date", "classification", "title"}
ISO = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


def check_metadata(source: Source, config: Path | None) -> None:
    def fail(message: str, hint: str | None = None) -> ConfigError:
        return ConfigError(f"source {source.id!r}: {message}", path=config,
                           hint=hint or "see docs/converter.md, 'Sources'")

    if source.profile not in PROFILES:
        raise fail(f"unknown profile {source.profile!r}", f"profiles are {', '.join(PROFILES)}")
    for key, value in source.metadata.items():
        if key not in KEYS:
            raise fail(f"unknown key {key!r}", f"the keys are file, id, profile, kind, {', '.join(sorted(KEYS))}")
        if key.startswith("date") and not (isinstance(value, str) and ISO.match(value)):
            raise fail(f"`{key}` must be an ISO date in quotes, e.g. \"1938-11-23\"")
        if key == "classification" and value not in LEVELS:
            raise fail(f"unknown classification {value!r}", f"use one of {', '.join(LEVELS)}")
    documents: Any = source.metadata.get("documents", [])
    if not isinstance(documents, list):
        raise fail("`documents` must be written [[source.documents]]")
    for number, doc in enumerate(documents, start=1):
        unknown = set(doc) - DOCUMENT_KEYS
        if unknown:
            raise fail(f"document {number}: unknown key {sorted(unknown)[0]!r}",
                       f"the keys are {', '.join(sorted(DOCUMENT_KEYS))}")
        if not doc.get("starts"):
            raise fail(f"document {number} needs `starts` (the first words of its first line)")
        if doc.get("date") and not ISO.match(doc["date"]):
            raise fail(f"document {number}: `date` must be ISO, e.g. \"1938-11-24\"")
        if doc.get("classification") and doc["classification"] not in LEVELS:
            raise fail(f"document {number}: unknown classification {doc['classification']!r}")
        if doc.get("subtype") and not re.fullmatch(r"[a-z][a-z0-9-]*", doc["subtype"]):
            raise fail(f"document {number}: `subtype` must be a lower-case word such as letter or decision")

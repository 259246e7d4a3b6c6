"""transcripts/*.txt --convert--> tei/*.xml

The converter in three passes (``lines.py`` classifies lines into blocks,
``structure.py`` groups them per profile, ``inline.py`` encodes the notations
declared in ``conventions.py`` or by the edition in ``declared.py``), and the
way back (``diplomatic.py``). Entry points:

- ``convert_source(edition, source)``: one source of the edition, nothing written;
- ``convert_file(path, edition, ...)``: any transcript, with a profile or detected;
- ``write(conversion, path, force=False)``: writes atomically, refusing to
  overwrite a hand-edited file;
- ``regenerate(tei_path, edition)``: the diplomatic text of a TEI document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..edition import Edition, Source
from ..errors import RezidentError
from ..files import write_atomic
from .conventions import PROFILES
from .declared import Declared, load_declared
from .diplomatic import regenerate as _regenerate
from .document import Conversion, convert_text, hand_edited
from .metadata import check_metadata
from .reading import decode_transcript, read_bytes
from .registers import Entry, load_forms

__all__ = ["PROFILES", "Conversion", "Setup", "setup", "convert_source", "convert_file", "write", "regenerate",
           "HandEdited", "hand_edited"]


class HandEdited(RezidentError):
    """A TEI document changed since the converter wrote it: not overwritten without --force."""


@dataclass(frozen=True)
class Setup:
    """What every conversion in an edition shares: its declared conventions and register forms."""

    edition: Edition
    declared: Declared
    forms: dict[str, Entry]


def setup(edition: Edition) -> Setup:
    declared = load_declared(edition.raw.get("convention"), edition.config_path)
    return Setup(edition, declared, load_forms(edition.registers_dir))


def convert_source(setup_: Setup, source: Source, profile: str | None = None,
                   encoding: str = "utf-8") -> Conversion:
    """Convert one ``[[source]]`` of the edition (its profile unless ``profile`` is given)."""
    check_metadata(source, setup_.edition.config_path)
    data = read_bytes(source.file)
    return convert_text(decode_transcript(data, source.file, encoding), edition=setup_.edition, doc_id=source.id,
                        transcript_name=source.file.name, profile=profile or source.profile, kind=source.kind,
                        metadata=source.metadata, declared=setup_.declared, forms=setup_.forms,
                        transcript_bytes=data)


def convert_file(setup_: Setup, path: Path, profile: str | None = None, encoding: str = "utf-8") -> Conversion:
    """Convert any transcript: the edition's source entry if it has one, else by file name."""
    source = setup_.edition.source_for_file(path)
    if source is not None:
        return convert_source(setup_, source, profile, encoding)
    if profile is not None and profile not in PROFILES:
        raise RezidentError(f"unknown profile {profile!r}", hint=f"profiles are {', '.join(PROFILES)}")
    data = read_bytes(path)
    return convert_text(decode_transcript(data, path, encoding), edition=setup_.edition, doc_id=_id_for(path),
                        transcript_name=path.name, profile=profile, kind="document", metadata={},
                        declared=setup_.declared, forms=setup_.forms, transcript_bytes=data)


def _id_for(path: Path) -> str:
    """A valid, readable xml:id from a file name."""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", path.stem).strip("-.") or "document"
    return stem if stem[0].isalpha() else f"doc-{stem}"


def write(conversion: Conversion, path: Path, force: bool = False, sync: bool = True) -> bool:
    """Write the document unless it is unchanged; ``False`` when the file already had these bytes.
    ``sync=False``: see ``files.write_atomic`` (the caller syncs once when done)."""
    if path.exists():
        existing = path.read_bytes()
        if existing == conversion.data:
            return False
        if hand_edited(existing) and not force:
            raise HandEdited("was edited by hand since it was converted; not overwritten", path=path,
                             hint="keep the edits in the transcript or the registers, or pass --force")
    write_atomic(path, conversion.data, sync=sync)
    return True


def regenerate(tei_path: Path, declared: Declared | None = None) -> str:
    """The diplomatic text of a TEI document (the edition's declared notations included)."""
    return _regenerate(tei_path, declared.forms if declared else ())

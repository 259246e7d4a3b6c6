"""Packaging the edition as a bag: check, copy, describe, seal, move into place.

The bag (a folder, or one zip or tar) is written in a hidden temporary
folder beside its destination and renamed into place only when complete, so
a failed deposit leaves nothing half-written and an existing bag is never
replaced without ``force``.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Callable, Collection
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from .. import __version__
from ..edition import Edition
from ..errors import ConfigError, RezidentError
from . import bagit_format as fmt
from . import metadata, payload
from .archive import FORMATS
from .writers import ArchiveWriter, FolderWriter

# (stage, files done, files in all) for a progress display
Progress = Callable[[str, int, int], None]

TAG_DC = "dc.xml"
TAG_CORPUS = "tei-corpus.xml"
SHOWN_FINDINGS = 5


class InvalidEdition(RezidentError):
    """The edition does not validate, so it is not packaged; ``findings`` says why."""

    def __init__(self, findings: list[str]):
        shown = SHOWN_FINDINGS if len(findings) > SHOWN_FINDINGS + 1 else len(findings)
        more = len(findings) - shown
        super().__init__(
            f"the edition does not validate ({len(findings)} error"
            f"{'s' if len(findings) != 1 else ''}), so it is not packaged; fix "
            f"{'them' if len(findings) != 1 else 'it'} (`rezident validate` lists all) or pass "
            "--allow-invalid:\n  " + "\n  ".join(findings[:shown])
            + (f"\n  ... and {more} more" if more else ""))
        self.findings = findings


@dataclass(frozen=True)
class Deposit:
    """A finished deposit: where it is and what it holds."""

    path: Path
    files: int          # payload files
    octets: int         # payload size
    built: tuple[str, ...]  # "html", "pdf": the outputs it includes


def bag_name(edition: Edition) -> str:
    return f"{edition.id}-{edition.version}"


def today() -> date:
    """Today (UTC), or the day of SOURCE_DATE_EPOCH for reproducible packages."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    seconds = int(epoch) if epoch.isdigit() else time.time()
    return datetime.fromtimestamp(seconds, tz=UTC).date()


def validation_findings(edition: Edition, progress: Progress | None = None) -> list[str]:
    """The edition's validation errors, one line each; empty when it is valid.

    The only place the deposit asks the validator: the same checks as
    ``rezident validate`` (schema, Schematron, across documents) over ``tei/``.
    """
    from ..validate.batch import collect_files, validate_files
    from ..validate.report import display_path, text_line
    from ..validate.validator import Validator

    findings = [f"{display_path(s.tei_path(edition.tei_dir))}: error: source {s.id!r} has no "
                "TEI document (run `rezident convert`)"
                for s in edition.sources if not s.tei_path(edition.tei_dir).is_file()]
    if edition.tei_dir.is_dir():
        validator = Validator.for_schema_dir(edition.schema_dir)
        files = collect_files([edition.tei_dir])
        done = 0

        def validated(_: object) -> None:
            nonlocal done
            done += 1
            if progress:
                progress("validating", done, len(files))

        _, found = validate_files(validator, files, on_file=validated)
        findings += [text_line(f) for f in found if f.severity == "error"]
    return findings


def bag_info(edition: Edition, fixities: dict[str, fmt.Fixity], when: date) -> str:
    octets = sum(f.size for f in fixities.values())
    fields = [("Source-Organization", edition.publisher or ", ".join(edition.editors)
               or edition.title)]
    fields += [("Contact-Name", editor) for editor in edition.editors]
    fields += [
        ("External-Description", edition.description or edition.title),
        ("External-Identifier", f"{edition.id}@{edition.version}"),
        ("Bagging-Date", when.isoformat()),
        ("Bag-Size", fmt.human_size(octets)),
        ("Payload-Oxum", fmt.payload_oxum(fixities)),
        ("Bag-Software-Agent", f"rezident {__version__}"),
    ]
    return fmt.tag_text(fields)


def _check_require(edition: Edition, require: Collection[str]) -> list[str]:
    unknown = sorted(set(require) - set(payload.BUILT))
    if unknown:
        raise ConfigError(f"--require knows html and pdf, not {', '.join(unknown)}")
    built = payload.built_kinds(edition)
    missing = [kind for kind in payload.BUILT if kind in require and kind not in built]
    if missing:
        where = ", ".join(str(payload.built_dir(edition, kind)) for kind in missing)
        raise RezidentError(f"the edition has no {' and no '.join(k.upper() for k in missing)} "
                            f"built ({where} is empty or missing)",
                            hint="run `rezident build` first")
    for kind in payload.BUILT:
        lacking = payload.unbuilt(edition, kind) if kind in require else []
        if lacking:
            shown = ", ".join(lacking[:SHOWN_FINDINGS]) + (
                f" and {len(lacking) - SHOWN_FINDINGS} more" if len(lacking) > SHOWN_FINDINGS else "")
            raise RezidentError(f"the {kind.upper()} edition lacks {len(lacking)} document"
                                f"{'s' if len(lacking) != 1 else ''}: {shown}",
                                path=payload.built_dir(edition, kind),
                                hint="run `rezident build` first")
    return built


def make_deposit(edition: Edition, out_dir: Path | None = None, *,
                 serialization: str = "dir", require: Collection[str] = (),
                 allow_invalid: bool = False, force: bool = False,
                 bagging_date: date | None = None, progress: Progress | None = None) -> Deposit:
    """Package ``edition`` as a BagIt bag (``serialization``: dir, zip or tar)."""
    if serialization not in ("dir", *FORMATS):
        raise ConfigError(f"unknown serialization {serialization!r}")
    built = _check_require(edition, require)
    if not allow_invalid:
        findings = validation_findings(edition, progress)
        if findings:
            raise InvalidEdition(findings)
    when = bagging_date or today()
    out_dir = (out_dir or edition.output_dir / "deposit").resolve()
    name = bag_name(edition)
    target = out_dir / (name + FORMATS.get(serialization, ""))
    if (target.exists() or target.is_symlink()) and not force:
        raise ConfigError("a deposit of this version is already there", path=target,
                          hint="pass --force to replace it, or --out another folder")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{name}.", suffix=".partial", dir=out_dir))
    except OSError as exc:
        raise ConfigError(f"cannot write the deposit here: {exc.strerror or exc}", path=out_dir,
                          hint="choose an --out folder you can write to") from None
    try:
        if serialization == "dir":
            writer = FolderWriter(staging / name)
        else:
            writer = ArchiveWriter(staging / target.name, serialization, name, when)
        with _no_build_running(edition, built):
            try:
                fixities = _write_bag(edition, writer, payload.collect(edition), when, progress)
            finally:
                writer.close()
        if serialization == "dir":
            _replace(staging / name, target)
        else:
            os.replace(staging / target.name, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return Deposit(target, len(fixities), sum(f.size for f in fixities.values()),
                   tuple(built))


def _no_build_running(edition: Edition, built: list[str]) -> AbstractContextManager:
    """Hold the build's lock while copying its output, so a build publishing at the same
    time cannot mix old and new files into the bag."""
    if not built:
        return nullcontext()
    from ..build.lock import BuildLock
    from ..build.pipeline import CACHE_NAME
    return BuildLock(edition.output_dir / CACHE_NAME / "lock")


def _replace(new: Path, target: Path) -> None:
    """Rename ``new`` to ``target``; an old ``target`` moves aside into the staging folder
    (removed with it) only once the new one can take its place."""
    if not (target.exists() or target.is_symlink()):
        os.rename(new, target)
        return
    aside = new.parent / f"{target.name}.old"
    os.rename(target, aside)
    try:
        os.rename(new, target)
    except OSError:
        os.rename(aside, target)
        raise


def _write_bag(edition: Edition, writer: FolderWriter | ArchiveWriter, files: dict[str, Path],
               when: date, progress: Progress | None) -> dict[str, fmt.Fixity]:
    """The payload, then the tag files that describe it; returns the payload's fixity."""
    total = len(files)
    done = 0

    def written(_: object) -> None:
        nonlocal done
        done += 1
        if progress:
            progress("copying and hashing", done, total)

    def is_tei(path: str) -> bool:
        return path.startswith("data/tei/") and path.endswith(".xml")

    fixities, tei = writer.add_payload(files, is_tei, written)
    members = [m for m in (metadata.read_member(path, data, origin=files[path])
                           for path, data in sorted(tei.items())) if m is not None]
    order = {f"data/tei/{s.tei_path(edition.tei_dir).relative_to(edition.tei_dir).as_posix()}": i
             for i, s in enumerate(edition.sources)}
    members.sort(key=lambda m: (order.get(m.bag_path, len(order)), m.bag_path))
    documents = [m for m in members if m.bag_path in order]

    tags = {
        "bagit.txt": fmt.bagit_txt().encode(),
        "bag-info.txt": bag_info(edition, fixities, when).encode(),
        TAG_DC: metadata.dublin_core(edition, documents, payload.media_types(fixities), when,
                                     members),
        TAG_CORPUS: metadata.corpus_document(edition, members, documents, when),
    }
    for algorithm in fmt.ALGORITHMS:
        tags[f"manifest-{algorithm}.txt"] = fmt.manifest_text(fixities, algorithm).encode()
    for algorithm in fmt.ALGORITHMS:
        tags[f"tagmanifest-{algorithm}.txt"] = fmt.manifest_text(
            {name: fmt.fixity_of_bytes(data) for name, data in tags.items()
             if not name.startswith("tagmanifest-")}, algorithm).encode()
    for name, data in tags.items():
        writer.add_tag(name, data)
    return fixities

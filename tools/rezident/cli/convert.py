"""``rezident convert`` and ``rezident text``: transcripts to TEI and back."""

from __future__ import annotations

import codecs
import os
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import click

from .. import convert as converter
from .. import edition as edition_config
from ..errors import ConfigError, RezidentError
from .options import edition_if_any, edition_option, reports_errors

# Below this many transcripts one process converts them: starting more costs
# more than they save.
PARALLEL_FROM = 50


def _shown(path: Path) -> str:
    """A path as the user would type it: relative to the working directory when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _standalone_edition(out: Path) -> edition_config.Edition:
    """Settings for converting files outside any edition: no registers, no declared conventions."""
    return edition_config.Edition(
        root=out, id="transcripts", version="0", title="Transcripts", editors=(), publisher="rezident",
        pub_place="", licence="", licence_url="", languages=("en",), description="",
        transcripts_dir=out, tei_dir=out, output_dir=out, sources=())


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option("--profile", type=click.Choice(converter.PROFILES),
              help="The conventions the transcripts are written in (default: the source's, else detected).")
@click.option("--out", "out_dir", type=click.Path(path_type=Path, file_okay=False),
              help="Folder for the TEI documents (default: the edition's tei/).")
@click.option("--encoding", default="utf-8", show_default=True, help="Encoding of the transcripts.")
@click.option("--strict", is_flag=True, help="Treat warnings (unknown notations ...) as errors: nothing is written.")
@click.option("--check", is_flag=True,
              help="Write nothing; exit 1 naming every TEI file that differs from what the converter produces.")
@click.option("--force", is_flag=True, help="Overwrite TEI documents that were edited by hand.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help=f"Processes to convert in (default: the machine's cores, one for fewer than "
                   f"{PARALLEL_FROM} transcripts).")
@edition_option
@reports_errors
def convert(files: tuple[Path, ...], profile: str | None, out_dir: Path | None, encoding: str, strict: bool,
            check: bool, force: bool, jobs: int | None, edition_path: Path | None) -> None:
    """Convert transcripts into TEI documents.

    Without FILES, every source listed in edition.toml is converted into the
    edition's tei/ folder. With FILES, those transcripts are converted (with
    --profile, or the profile of their [[source]] entry, or a detected one).
    Prints one summary line per document and every warning as
    FILE:LINE:COLUMN: warning: MESSAGE.
    """
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise click.BadParameter(f"unknown encoding {encoding!r} (use a Python codec name such as "
                                 "utf-8, cp1251, latin-1)", param_hint="--encoding") from None
    edition = edition_if_any(edition_path)
    if edition is None:
        if not files:
            raise ConfigError("no edition.toml here or above, and no transcript named",
                              hint="name transcripts to convert (with --out DIR), or run inside an edition")
        if out_dir is None and not check:
            raise ConfigError("outside an edition, say where the TEI goes with --out DIR")
        edition = _standalone_edition((out_dir or Path.cwd()).resolve())
    setup = converter.setup(edition)  # here too, so that a configuration error stops the run at once
    target_dir = out_dir.resolve() if out_dir else edition.tei_dir
    work: list[tuple[Path, edition_config.Source | None]]
    if files:
        work = [(path, edition.source_for_file(path)) for path in files]
    else:
        if not edition.sources:
            raise ConfigError("edition.toml lists no [[source]]", path=edition.config_path,
                              hint="add a [[source]] per transcript, or name transcripts to convert")
        work = [(source.file, source) for source in edition.sources]
    if jobs is None:
        if len(work) >= PARALLEL_FROM:
            from ..build import default_jobs  # the build's rule (the machine's cores), loaded only here
            jobs = default_jobs()
        else:
            jobs = 1

    failures: list[str] = []
    differing: list[str] = []
    wrote = False
    # On a terminal each line says how far the run is; piped output stays plain.
    counter = f"[{{}}/{len(work)}] " if len(work) > 1 and sys.stdout.isatty() else ""
    outcomes = _conversions(work, edition, setup, profile, encoding, jobs)
    for number, ((path, _source), result) in enumerate(zip(work, outcomes), start=1):
        if isinstance(result, ConfigError):
            raise result
        if isinstance(result, RezidentError):
            click.echo(str(result), err=True)
            failures.append(_shown(path))
            continue
        for warning in result.warnings:
            click.echo(warning.format(_shown(path)), err=True)
        target = target_dir / f"{result.doc_id}.xml"
        if strict and result.warnings:
            consequence = "" if check else f"; {_shown(target)} not written"
            click.echo(f"{_shown(path)}: error: {len(result.warnings)} warning(s) with --strict{consequence}",
                       err=True)
            failures.append(_shown(path))
            continue
        if check:
            if not target.is_file():
                differing.append(f"{_shown(target)}: missing")
            elif target.read_bytes() != result.data:
                why = "edited by hand" if converter.hand_edited(target.read_bytes()) else "stale"
                differing.append(f"{_shown(target)}: {why}, differs from what `rezident convert` produces")
            continue
        try:
            # one sync for the whole run (below), not one per file
            changed = converter.write(result, target, force=force, sync=False)
            wrote = wrote or changed
        except converter.HandEdited as exc:
            click.echo(str(exc), err=True)
            failures.append(_shown(target))
            continue
        except OSError as exc:
            raise ConfigError(f"cannot write the TEI document: {exc.strerror or exc}", path=target,
                              hint="choose an --out folder you can write to") from None
        click.echo(f"{counter.format(number)}{result.summary()}{'' if changed else ' (unchanged)'}")

    if check:
        for line in differing:
            click.echo(line, err=True)
        if differing or failures:
            raise SystemExit(1)
        click.echo(f"{len(work)} TEI document(s) match their transcripts")
        return
    if wrote:
        os.sync()  # the documents written are on disk before the command says it is done
    if failures:
        click.echo(f"{len(failures)} of {len(work)} not converted: {', '.join(failures)}", err=True)
        raise SystemExit(1)


def _convert(setup: converter.Setup, path: Path, source: edition_config.Source | None,
             profile: str | None, encoding: str) -> converter.Conversion | RezidentError:
    """One transcript's conversion, or the error that stopped it (returned,
    so that it can come back from another process)."""
    try:
        if source is not None:
            return converter.convert_source(setup, source, profile, encoding)
        return converter.convert_file(setup, path, profile, encoding)
    except RezidentError as exc:
        return exc


_worker_setup: converter.Setup | None = None


def _start_worker(edition: edition_config.Edition) -> None:
    global _worker_setup
    _worker_setup = converter.setup(edition)


def _convert_in_worker(job: tuple[Path, edition_config.Source | None, str | None, str]
                       ) -> converter.Conversion | RezidentError:
    return _convert(_worker_setup, *job)


def _conversions(work: list[tuple[Path, edition_config.Source | None]], edition: edition_config.Edition,
                 setup: converter.Setup, profile: str | None, encoding: str, jobs: int
                 ) -> Iterator[converter.Conversion | RezidentError]:
    """The conversions of ``work``, in its order; in ``jobs`` processes when
    more than one (each sets the converter up once). The caller writes and
    reports, so output and files are the same whatever the number of jobs."""
    if jobs == 1:
        for path, source in work:
            yield _convert(setup, path, source, profile, encoding)
        return
    with ProcessPoolExecutor(jobs, initializer=_start_worker, initargs=(edition,)) as pool:
        yield from pool.map(_convert_in_worker, [(path, source, profile, encoding) for path, source in work],
                            chunksize=16)


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("tei_file", type=click.Path(path_type=Path, dir_okay=False))
@edition_option
@reports_errors
def text(tei_file: Path, edition_path: Path | None) -> None:
    """Print the diplomatic text regenerated from a TEI document.

    It equals the transcript the document was converted from, character for
    character, ASCII whitespace aside. Notations the edition declared in
    edition.toml are regenerated when run inside the edition.
    """
    if not tei_file.is_file():
        raise RezidentError("no such TEI document", path=tei_file)
    edition = edition_if_any(edition_path)
    declared = converter.setup(edition).declared if edition is not None else None
    try:
        click.echo(converter.regenerate(tei_file, declared), nl=False)
    except RezidentError:
        raise
    except Exception as exc:  # lxml's XMLSyntaxError and kin
        raise RezidentError(f"not well-formed XML: {exc}", path=tei_file) from None

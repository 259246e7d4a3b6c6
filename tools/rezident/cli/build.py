"""``rezident build``, ``rezident build html``, ``rezident build pdf``."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

import click

from .. import edition as edition_config
from ..errors import ConfigError
from .options import reports_errors


def _options(func):
    """The options every form of the command takes (given before or after html/pdf)."""
    decorators = [
        click.option("--edition", "edition_path", type=click.Path(path_type=Path, exists=True),
                     help="The edition's edition.toml or its folder (default: found from the "
                          "working directory)."),
        click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
                     help="Worker processes (default: the machine's cores)."),
        click.option("--tei", "tei_dir", type=click.Path(path_type=Path, file_okay=False,
                                                         exists=True),
                     help="Build this folder of TEI instead of the edition's tei/ "
                          "(e.g. foreign TEI); not validated unless --validate."),
        click.option("--out", "out_dir", type=click.Path(path_type=Path, file_okay=False),
                     help="Write into this folder (html/ and pdf/ inside) instead of the "
                          "edition's output/."),
        click.option("--force", is_flag=True, default=None,
                     help="Rebuild everything, even what is up to date."),
        click.option("--validate/--no-validate", default=None,
                     help="Validate first and stop on errors (default: yes for the edition's "
                          "tei/, no for --tei)."),
        click.option("--search/--no-search", default=None,
                     help="Build the HTML edition's search index (default: yes)."),
        click.option("--volume/--no-volume", default=None,
                     help="Build the volume PDF of the whole edition (default: yes)."),
    ]
    for decorator in reversed(decorators):
        func = decorator(func)
    return func


@click.group(invoke_without_command=True)
@_options
@click.pass_context
@reports_errors
def build(ctx: click.Context, **options: Any) -> None:
    """Build the edition into output/: validate, then HTML (with its search
    index) and PDF. Only what changed is rebuilt; nothing is published when
    validation or a document fails.

    Exit codes: 0 built (or up to date), 1 findings or failed documents,
    2 usage or configuration errors.
    """
    ctx.obj = options
    if ctx.invoked_subcommand is None:
        _run(options, ("html", "pdf"))


@build.command("html")
@_options
@click.pass_context
@reports_errors
def html(ctx: click.Context, **options: Any) -> None:
    """Build the HTML edition (output/html/) and its search index."""
    _run(_merge(ctx, options), ("html",))


@build.command("pdf")
@_options
@click.pass_context
@reports_errors
def pdf(ctx: click.Context, **options: Any) -> None:
    """Build the PDF edition (output/pdf/): a PDF per document and the volume."""
    _run(_merge(ctx, options), ("pdf",))


def _merge(ctx: click.Context, options: dict[str, Any]) -> dict[str, Any]:
    merged = dict(ctx.obj or {})
    merged.update({k: v for k, v in options.items() if v is not None})
    return merged


def _run(options: dict[str, Any], targets: tuple[str, ...]) -> None:
    from ..build import BuildRequest, default_jobs, summarize_stages
    from ..build import build as run_build

    started = time.perf_counter()
    tei_dir, out_dir = options.get("tei_dir"), options.get("out_dir")
    edition = None
    if options.get("edition_path") is not None:
        edition = edition_config.load(options["edition_path"])
    else:
        try:
            edition = edition_config.load()
        except ConfigError:
            if tei_dir is not None and out_dir is None:
                raise ConfigError("--tei needs --out outside an edition",
                                  hint="say where to write, e.g. --out site/") from None
            if tei_dir is None:
                raise
    validate = options.get("validate")
    settings = dict(
        targets=targets,
        validate=(tei_dir is None) if validate is None else validate,
        search=options.get("search") is not False,
        volume=options.get("volume") is not False,
        jobs=options.get("jobs") or default_jobs(),
        force=bool(options.get("force")),
    )
    if tei_dir is not None:
        settings["tei_dir"] = tei_dir.resolve()
    if out_dir is not None:
        settings["out_dir"] = out_dir.resolve()
    if edition is not None:
        request = BuildRequest.for_edition(edition, **settings)
    else:
        request = BuildRequest(**settings)

    try:
        report = run_build(request, progress=_progress())
    except KeyboardInterrupt:
        click.echo(f"\ninterrupted: {request.out_dir} left as it was", err=True)
        sys.exit(130)
    except OSError as exc:  # e.g. an --out folder that cannot be made: one line, not a traceback
        raise ConfigError(f"cannot build: {exc.strerror or exc}", path=exc.filename or request.out_dir,
                          hint="choose an --out folder you can write to") from None
    if report.findings:
        from ..validate.report import text_line

        for finding in report.findings:
            click.echo(text_line(finding))
    for _, why in report.failures:
        click.echo(why)
    for line in summarize_stages(report):
        click.echo(line)
    elapsed = time.perf_counter() - started
    if report.errors:
        click.echo(f"{len(report.errors)} validation error(s): nothing built, "
                   f"{request.out_dir} left as it was ({elapsed:.2f} s)")
        sys.exit(1)
    if report.failures:
        click.echo(f"{len(report.failures)} item(s) failed: {request.out_dir} left as it was "
                   f"({elapsed:.2f} s)")
        sys.exit(1)
    where = ", ".join(str(request.out_dir / t) for t in targets)
    if report.published:
        click.echo(f"published {where} in {elapsed:.2f} s")
    else:
        click.echo(f"up to date: {where} ({elapsed:.2f} s)")


def _progress():
    return _Bar() if sys.stderr.isatty() else _Lines()


class _Bar:
    """A progress bar per stage, on a terminal."""

    def __init__(self) -> None:
        self._bar = None

    def begin(self, stage: str, total: int) -> None:
        self._bar = click.progressbar(length=total, label=f"{stage:<20}", file=sys.stderr,
                                      show_pos=True, show_eta=True)
        self._bar.__enter__()

    def advance(self, count: int = 1) -> None:
        if self._bar is not None:
            self._bar.update(count)

    def end(self) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)
            self._bar = None


class _Lines:
    """Plain lines (CI logs, pipes): the start, every tenth and the end of a stage."""

    def __init__(self) -> None:
        self._stage, self._total, self._done, self._next = "", 0, 0, 0

    def begin(self, stage: str, total: int) -> None:
        self._stage, self._total, self._done = stage, total, 0
        self._next = max(1, total // 10)
        click.echo(f"{stage}: {total} to build" if total > 1 else f"{stage} ...", err=True)

    def advance(self, count: int = 1) -> None:
        self._done += count
        if self._done >= self._next and self._done < self._total:
            click.echo(f"{self._stage}: {self._done}/{self._total}", err=True)
            self._next = self._done + max(1, self._total // 10)

    def end(self) -> None:
        if self._total > 1:
            click.echo(f"{self._stage}: {self._done}/{self._total} done", err=True)

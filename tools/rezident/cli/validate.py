"""``rezident validate``: RELAX NG, Schematron and cross-document checks, for people and CI."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from .. import edition as edition_config
from .. import resources
from ..errors import ConfigError
from ..validate.report import FORMATS
from .options import edition_if_any, edition_option, reports_errors

# ../shared/corpora beside the project, as the tests find it; REZIDENT_TEI_ALL overrides.
TEI_ALL_DEFAULT = resources.PACKAGE_ROOT.parent / "shared" / "corpora" / "tei-p5" / "tei_all.rng"


def tei_all_path() -> Path:
    """Where the official tei_all.rng is, or a ConfigError that says how to provide it."""
    path = Path(os.environ.get("REZIDENT_TEI_ALL", TEI_ALL_DEFAULT))
    if not path.is_file():
        raise ConfigError(f"tei_all.rng is not at {path}",
                          hint="set REZIDENT_TEI_ALL to its path, or pass --schema PATH "
                               "(it is published with the TEI Guidelines, P5/Exemplars)")
    return path


@click.command("validate")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="text for people; json, junit (JUnit XML for CI dashboards) or github "
                   "(workflow annotations) for machines.")
@click.option("--schema", "schema", metavar="tei_all|PATH",
              help="Validate against this RELAX NG grammar instead of the edition's schema "
                   "(RELAX NG only: the edition's Schematron and cross-document checks are "
                   "skipped). `tei_all` is the official TEI P5 grammar.")
@edition_option
@reports_errors
def validate(paths: tuple[Path, ...], fmt: str, schema: str | None,
             edition_path: Path | None) -> None:
    """Validate TEI files against the edition's schema.

    PATHS are files or folders (every *.xml below them). Without PATHS, the
    whole edition: tei/ and tei/registers/. One line per finding,
    `file:line:column: error: message [rule-id]`, then a summary.

    Exit status: 0 valid (warnings allowed), 1 findings, 2 usage or I/O errors.
    """
    from ..validate.batch import collect_files, validate_files
    from ..validate.findings import READ_RULE
    from ..validate.report import render, summary, text_line
    from ..validate.validator import Validator

    edition = None
    if not paths or edition_path is not None:
        edition = edition_config.load(edition_path)
    missing = [p for p in paths if not p.exists()]
    if missing:
        raise ConfigError(f"no such file or folder: {', '.join(map(str, missing))}")
    targets = list(paths) if paths else [edition.tei_dir]
    if not paths and not edition.tei_dir.is_dir():
        raise ConfigError(f"the edition has no {edition.tei_dir} folder yet",
                          hint="run `rezident convert` first")

    if schema is not None:
        grammar = tei_all_path() if schema == "tei_all" else Path(schema)
        if not grammar.is_file():
            raise ConfigError(f"no RELAX NG schema at {grammar}")
        validator = Validator(grammar)
    else:
        if edition is None:  # files outside any edition get the schema rezident ships
            edition = edition_if_any(None)
        schema_dir = edition.schema_dir if edition else resources.shipped_schema_dir()
        validator = Validator.for_schema_dir(schema_dir)

    files = collect_files(targets)
    if paths and not files:  # a mistyped folder must not pass a CI job as "0 files valid"
        raise ConfigError(f"no XML files in {', '.join(map(str, paths))}",
                          hint="name TEI files or folders holding them (*.xml)")
    streaming = fmt == "text"

    def show(report) -> None:
        for finding in report.findings:
            click.echo(text_line(finding))

    if streaming and sys.stderr.isatty() and len(files) > 20:
        with click.progressbar(length=len(files), label="validating", file=sys.stderr) as bar:
            def step(report) -> None:
                show(report)
                bar.update(1)
            reports, findings = validate_files(validator, files, edition_checks=schema is None,
                                               on_file=step)
    else:
        reports, findings = validate_files(validator, files, edition_checks=schema is None,
                                           on_file=show if streaming else None)

    if streaming:
        already_shown = sum(len(report.findings) for report in reports)
        for finding in findings[already_shown:]:  # the cross-document ones
            click.echo(text_line(finding))
        click.echo(summary(findings, len(files)))
    else:
        click.echo(render(findings, files, fmt), nl=False)

    if any(f.rule == READ_RULE for f in findings):
        raise SystemExit(2)
    raise SystemExit(1 if any(f.severity == "error" for f in findings) else 0)

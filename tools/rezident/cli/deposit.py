"""``rezident deposit``: package the edition as a BagIt bag, or verify one."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .. import edition as edition_config
from .options import edition_option, reports_errors


class StageProgress:
    """A progress bar per stage on a terminal, one line per stage otherwise."""

    def __init__(self) -> None:
        self.tty = sys.stderr.isatty()
        self.stage: str | None = None
        self.bar = None
        self.done = 0

    def __call__(self, stage: str, done: int, total: int) -> None:
        if stage != self.stage:
            self.close()
            self.stage = stage
            if self.tty:
                self.bar = click.progressbar(length=total, label=stage, file=sys.stderr)
                self.bar.__enter__()
            else:
                click.echo(f"{stage} ({total} file{'s' if total != 1 else ''})", err=True)
        if self.bar is not None:
            self.bar.update(done - self.done)
        self.done = done

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
        self.bar, self.done = None, 0


def _size(octets: int) -> str:
    from ..deposit.bagit_format import human_size
    return human_size(octets)


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@edition_option
@click.option("--out", "out_dir", type=click.Path(path_type=Path, file_okay=False),
              help="Folder to write the bag into (default: output/deposit/).")
@click.option("--zip", "serialization", flag_value="zip", help="Write one .zip file.")
@click.option("--tar", "serialization", flag_value="tar", help="Write one .tar file (uncompressed).")
@click.option("--require", "require", default="", metavar="html,pdf",
              help="Refuse to package unless these outputs have been built.")
@click.option("--allow-invalid", is_flag=True,
              help="Package the edition even when it does not validate.")
@click.option("--force", is_flag=True, help="Replace a bag of the same name and version.")
@click.option("--verify", "verify_path", type=click.Path(path_type=Path, exists=True),
              metavar="BAG", help="Only verify BAG (a bag folder, .zip or .tar) and name every "
                                  "missing, added or altered file.")
@reports_errors
def deposit(edition_path: Path | None, out_dir: Path | None, serialization: str | None,
            require: str, allow_invalid: bool, force: bool, verify_path: Path | None) -> None:
    """Package the edition as a BagIt (RFC 8493) bag for an archive.

    The bag holds the transcripts, the TEI, the schema and stylesheets, and
    the HTML and PDFs that have been built, with SHA-256 and SHA-512
    manifests, bag-info.txt, a Dublin Core record (dc.xml) and the edition
    as one TEI corpus (tei-corpus.xml). An edition that does not validate is
    refused. Exit codes: 0 done or bag intact, 1 refused or bag damaged,
    2 usage error.
    """
    progress = StageProgress()
    if verify_path is not None:
        packaging = {"--edition": edition_path, "--out": out_dir, "--zip/--tar": serialization,
                     "--require": require, "--allow-invalid": allow_invalid, "--force": force}
        given = [name for name, value in packaging.items() if value]
        if given:
            raise click.UsageError(f"--verify checks a bag; {', '.join(given)} "
                                   "belong to packaging one")
        from ..deposit import verify
        try:
            result = verify(verify_path, progress)
        finally:
            progress.close()
        for finding in result.findings():
            click.echo(f"{verify_path}: {finding}")
        if not result.ok:
            click.echo(f"{verify_path}: the bag is damaged "
                       f"({len(result.findings())} finding{'s' if len(result.findings()) != 1 else ''})",
                       err=True)
            raise SystemExit(1)
        click.echo(f"{verify_path}: intact ({result.files} payload files match their manifests)")
        return

    from ..deposit import make_deposit
    from ..deposit.payload import BUILT
    edition = edition_config.load(edition_path)
    wanted = {part.strip().lower() for part in require.split(",") if part.strip()}
    try:
        made = make_deposit(edition, out_dir, serialization=serialization or "dir",
                            require=wanted, allow_invalid=allow_invalid, force=force,
                            progress=progress)
    finally:
        progress.close()
    for kind in BUILT:
        if kind not in made.built:
            click.echo(f"note: no {kind.upper()} has been built, so the bag holds none "
                       f"(run `rezident build` first, or --require {kind} to refuse)", err=True)
    click.echo(f"deposited {made.path} ({made.files} files, {_size(made.octets)})")

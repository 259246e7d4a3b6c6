"""Options and error handling shared by the subcommands."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

import click

from .. import edition as edition_config
from ..errors import ConfigError, RezidentError

edition_option = click.option(
    "--edition", "edition_path", type=click.Path(path_type=Path, exists=True),
    help="The edition's edition.toml or its folder (default: found from the working directory).")


def edition_if_any(path: Path | None) -> edition_config.Edition | None:
    """The edition at ``path``, else the one around the working directory, else
    None (files outside any edition); a broken edition.toml is an error."""
    if path is None:
        try:
            path = edition_config.find_config()
        except ConfigError:
            return None
    return edition_config.load(path)


def reports_errors(func: Callable) -> Callable:
    """Turn a RezidentError into one line on stderr and its exit code."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except RezidentError as exc:
            click.echo(str(exc), err=True)
            raise SystemExit(exc.exit_code) from None

    return wrapper

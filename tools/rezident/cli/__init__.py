"""The ``rezident`` command.

Subcommands live in their own modules and are imported only when run, so
``rezident validate`` does not pay for loading the PDF renderer.
Exit codes: 0 ok, 1 findings (invalid documents, failed conversions), 2 usage
or configuration errors.
"""

from __future__ import annotations

import importlib

import click

from .. import __version__

# command name -> (module under rezident.cli, attribute, one-line help)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "convert": ("convert", "convert", "Convert transcripts into TEI documents."),
    "text": ("convert", "text", "Print the diplomatic text regenerated from a TEI document."),
    "validate": ("validate", "validate", "Validate TEI documents against the edition's schema."),
    "build": ("build", "build", "Build the edition (validate, HTML, PDF, search) into output/."),
    "deposit": ("deposit", "deposit", "Package the edition as a BagIt bag for an archive."),
    "init": ("init", "init", "Start a new edition in a folder."),
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module, attr, _ = COMMANDS[name]
        return getattr(importlib.import_module(f"{__name__}.{module}"), attr)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # Help text without importing every module.
        rows = [(name, COMMANDS[name][2]) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="rezident")
def main() -> None:
    """Scholarly digital editions of archival transcripts in TEI P5.

    The pipeline: transcripts/ --convert--> tei/ --validate--> --build--> output/
    (HTML and PDF) --deposit--> a BagIt package.
    """

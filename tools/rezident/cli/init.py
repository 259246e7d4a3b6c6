"""``rezident init DIR``: start a new edition."""

from __future__ import annotations

from pathlib import Path

import click

from .options import reports_errors


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("directory", type=click.Path(path_type=Path, file_okay=False))
@click.option("--id", "edition_id", metavar="ID",
              help="The edition's identifier (default: made from the folder's name).")
@click.option("--title", help="The edition's title (default: made from the folder's name).")
@click.option("--editor", "editors", multiple=True, metavar="NAME",
              help="An editor of the edition (repeat for several).")
@click.option("--publisher", default="", help="The publishing body.")
@click.option("--language", "languages", multiple=True, metavar="TAG",
              help="A language of the documents as a BCP 47 tag (repeat; default: en).")
@click.option("--shipped", is_flag=True,
              help="Use rezident's schema and stylesheets instead of copies in the edition.")
@reports_errors
def init(directory: Path, edition_id: str | None, title: str | None, editors: tuple[str, ...],
         publisher: str, languages: tuple[str, ...], shipped: bool) -> None:
    """Start a new edition in DIRECTORY (new or empty).

    Writes edition.toml, an empty transcripts/, tei/registers/ with empty
    registers of persons, organisations and places, copies of the schema
    and stylesheets, a README explaining the workflow (convert, review,
    validate, build, deposit) and a .gitignore for output/.
    """
    from ..scaffold import NewEdition, create, slug

    name = directory.resolve().name
    new = NewEdition(id=edition_id or slug(name),
                     title=title or " ".join(w.capitalize() for w in slug(name).split("-")),
                     editors=editors, publisher=publisher, languages=languages or ("en",),
                     own_copies=not shipped)
    written = create(directory, new)
    click.echo(f"started the edition {new.id!r} in {directory} ({len(written)} files)")
    click.echo("next: add transcripts to transcripts/ and a [[source]] for each to "
               "edition.toml, then `rezident convert` (see README.md)")

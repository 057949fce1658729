"""``courseware import`` and ``courseware export``: exchange the registry with other formats.

Today the one format is the TinyMLedu registry's; each is a subcommand, so another can be
added beside it. The commands only translate arguments; the work is in
``courseware.registry.tinymledu``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import click

from courseware.cli.options import path_option, refuse_unsafe_output, root_option
from courseware.errors import UsageError
from courseware.output_folders import check_folder_in_project
from courseware.registry.load import load_registry
from courseware.registry.tinymledu import (
    ImportOptions,
    dump_entries,
    export_entries,
    import_tinymledu,
    render_report,
)
from courseware.registry.tinymledu.links import check_base_url
from courseware.registry.tinymledu.writer import write_new_file

FC = TypeVar("FC", bound=Callable[..., object])


def kind_option(help_text: str) -> Callable[[FC], FC]:
    """The required ``--kind course|workshop`` option, with help for its command."""
    return click.option(
        "--kind", type=click.Choice(["course", "workshop"]), required=True, help=help_text
    )


base_url_option = click.option(
    "--base-url",
    metavar="URL",
    default=None,
    help="The TinyMLedu site's address (https), against which its relative links resolve.",
)


@click.group("import")
def import_group() -> None:
    """Import courses and workshops from another registry's format."""


@import_group.command("tinymledu")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@kind_option("What FILE lists: full_courses.yml holds courses, workshops.yaml workshops.")
@base_url_option
@path_option(
    "--out",
    "Where to write the offering files (default: ROOT/curriculum/offerings).",
    is_folder=True,
)
@root_option
@click.option("--dry-run", is_flag=True, help="Report what would be written; write nothing.")
@click.option(
    "--force-new",
    is_flag=True,
    help="Write an entry whose id exists with other content as a numbered draft (ID-2).",
)
@click.pass_context
def import_tinymledu_command(
    ctx: click.Context,
    file: Path,
    kind: str,
    base_url: str | None,
    out: Path | None,
    root: Path,
    dry_run: bool,
    force_new: bool,
) -> None:
    """Import a TinyMLedu registry FILE, one offering file per entry.

    Dates, languages, audiences, links, titles and partner logos are normalised; an
    existing file is never overwritten (an entry whose id exists is skipped). The report
    at the end lists, per entry, every field normalised and every field needing a human,
    with FILE:LINE in the source.

    Exit codes: 0 when nothing needs a human, 1 when something does (or the file cannot be
    read), 2 for usage errors.
    """
    if out is not None:
        given = out
        refuse_unsafe_output(
            "--out",
            given,
            lambda: check_folder_in_project(root, given, "offering files", "curriculum/offerings/"),
        )
    options = ImportOptions(
        kind="course" if kind == "course" else "workshop",
        root=root,
        out=out,
        base_url=base_url,
        dry_run=dry_run,
        force_new=force_new,
    )
    report = import_tinymledu(file, options)
    click.echo(render_report(report), nl=False)
    if report.needs_human:
        ctx.exit(1)


@click.group("export")
def export_group() -> None:
    """Export courses and workshops in another registry's format."""


@export_group.command("tinymledu")
@kind_option("Which offerings to export.")
@base_url_option
@path_option(
    "--out",
    "The file to write (never overwritten); standard output when not given.",
    is_folder=False,
)
@root_option
def export_tinymledu_command(kind: str, base_url: str | None, out: Path | None, root: Path) -> None:
    """Write the registry's offerings of one kind in the TinyMLedu format.

    Importing the result gives back the same offerings. Links under --base-url are
    written relative, as the TinyMLedu site writes links to its own pages.
    """
    base = None
    if base_url is not None:
        try:
            base = check_base_url(base_url)
        except ValueError as error:
            raise UsageError(f"--base-url {base_url!r}: {error}") from None
    registry = load_registry(root)
    names = {language.code: language.english_name for language in registry.languages}
    offerings = [offering for offering in registry.offerings if offering.kind == kind]
    entries = export_entries(offerings, names, registry.source_language.code, base)
    text = dump_entries(entries)
    if out is None:
        click.echo(text, nl=False)
        return
    try:
        write_new_file(out, text)
    except FileExistsError:
        raise UsageError(f"{out} already exists; nothing was written") from None
    click.echo(f"Wrote {len(entries)} {kind}s to {out}", err=True)


COMMANDS: list[click.Command] = [import_group, export_group]

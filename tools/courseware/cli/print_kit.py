"""``courseware print``: write a track as a PDF and say how big it is."""

from __future__ import annotations

from pathlib import Path

import click

from courseware.cli.options import path_option, refuse_unsafe_output, root_option
from courseware.output_folders import check_output_file


@click.command("print")
@click.argument("track")
@click.option(
    "--lang",
    "language",
    default=None,
    help="The PDF's language, a code from curriculum/languages.yaml (default: the track's).",
)
@click.option(
    "--edition",
    type=click.Choice(["student", "teacher"]),
    default="student",
    show_default=True,
    help="student: modules, lab worksheets and the pre/post forms; teacher: also the "
    "teacher's plan, the teaching kits with answer keys, and the self-checks' answers.",
)
@click.option(
    "--paper",
    type=click.Choice(["a4", "letter"]),
    default="a4",
    show_default=True,
    help="The paper size.",
)
@path_option(
    "--output",
    "The PDF to write (default: ROOT/build/prints/TRACK-LANG-EDITION.pdf).",
    is_folder=False,
)
@root_option
def print_command(
    track: str, language: str | None, edition: str, paper: str, output: Path | None, root: Path
) -> None:
    """Print TRACK to a PDF: a cover with licence and attributions, the contents with page
    numbers, the syllabus with cumulative time, every module in order with its labs as
    worksheets (code, outputs and figures of the executed lab), and the pre/post forms.

    Uses Debian's chromium (apt-get install chromium; COURSEWARE_CHROMIUM names another
    path) and embeds its fonts (apt-get install fonts-noto-core for Arabic). An Arabic PDF
    reads right to left, its code and numbers left to right. A track printed before with
    nothing changed is copied from the cache without starting Chromium.
    """
    if output is not None:
        given = output
        refuse_unsafe_output(
            "--output", given, lambda: check_output_file(root, given, "PDF", "build/prints/")
        )
    from courseware.i18n.formatting import format_size
    from courseware.site import print_track_pdf  # heavy: loaded only when printing

    result = print_track_pdf(
        root,
        track,
        language,
        "teacher" if edition == "teacher" else "student",
        "letter" if paper == "letter" else "a4",
        output,
    )
    for overflow in result.overflows:
        click.echo(f"warning: wider than the page, may be cut: {overflow}", err=True)
    click.echo(
        f"Wrote {result.path}: {result.size_bytes:,} bytes "
        f"({format_size(result.size_bytes, 'en')}), {result.pages} pages"
        + (" (unchanged, reused)" if result.is_reused else "")
    )


COMMANDS: list[click.Command] = [print_command]

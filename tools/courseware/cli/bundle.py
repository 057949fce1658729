"""``courseware bundle``: write a track's offline copy as a zip (or a ZIM for Kiwix) and say
how big it is."""

from __future__ import annotations

from pathlib import Path

import click

from courseware.cli.options import path_option, refuse_unsafe_output, root_option
from courseware.output_folders import check_output_file


@click.command()
@click.argument("track")
@click.option(
    "--lang",
    "language",
    default=None,
    help="The copy's language, a code from curriculum/languages.yaml (default: the track's).",
)
@click.option(
    "--format",
    "format_",
    type=click.Choice(["zip", "zim"]),
    default="zip",
    show_default=True,
    help="zip opens from file:// in any browser; zim opens in Kiwix (needs the optional "
    "extra: pip install 'courseware[zim]').",
)
@path_option(
    "--out",
    "The file to write (default: ROOT/build/bundles/TRACK-LANG.zip, or .zim).",
    is_folder=False,
)
@root_option
def bundle(track: str, language: str | None, format_: str, out: Path | None, root: Path) -> None:
    """Write an offline copy of TRACK: its syllabus, modules, labs, calculator and search,
    opening from file:// (zip) or in Kiwix (ZIM) with no network."""
    if out is not None:
        given = out
        refuse_unsafe_output(
            "--out", given, lambda: check_output_file(root, given, format_, "build/bundles/")
        )
    from courseware.i18n.formatting import format_size
    from courseware.site import bundle_track  # heavy: loaded only when bundling

    result = bundle_track(root, track, language, out, format_)
    click.echo(
        f"Wrote {result.path}: {result.size_bytes:,} bytes "
        f"({format_size(result.size_bytes, 'en')}), {result.pages} pages"
        + (" (unchanged, reused)" if result.is_reused else "")
    )


COMMANDS: list[click.Command] = [bundle]

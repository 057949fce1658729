"""Options more than one command takes, declared once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import click

from courseware.output_folders import RefusedOutput

FC = TypeVar("FC", bound=Callable[..., object])

root_option = click.option(
    "--root",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help="The project folder (the one holding curriculum/).",
)
"""``--root``: the project every command reads (and writes generated files under)."""


def path_option(name: str, help_text: str, *, is_folder: bool) -> Callable[[FC], FC]:
    """An optional ``--out``-like path option (a folder, or a file), None when not given."""
    kind = click.Path(file_okay=not is_folder, dir_okay=is_folder, path_type=Path)
    return click.option(name, type=kind, default=None, help=help_text)


def refuse_unsafe_output(option: str, given: Path, check: Callable[[], None]) -> None:
    """Run an ``output_folders`` check for ``option``; its refusal becomes one usage error,
    ``--site-dir pages: refusing to ...`` (exit 2), before anything is read or written."""
    try:
        check()
    except RefusedOutput as refused:
        raise click.UsageError(f"{option} {given}: {refused}") from None


def format_option(help_text: str) -> Callable[[FC], FC]:
    """``--format text|json`` (text by default): for people, or for tools."""
    return click.option(
        "--format",
        "output_format",
        type=click.Choice(["text", "json"]),
        default="text",
        show_default=True,
        help=help_text,
    )

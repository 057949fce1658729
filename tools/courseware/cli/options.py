"""Options more than one command takes, declared once."""

from __future__ import annotations

from pathlib import Path

import click

root_option = click.option(
    "--root",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help="The project folder (the one holding curriculum/).",
)
"""``--root``: the project every command reads (and writes generated files under)."""

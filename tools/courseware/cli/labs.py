"""``courseware labs ...``: list and run the executable labs."""

from __future__ import annotations

import click


@click.group()
def labs() -> None:
    """List and run the executable labs."""


COMMANDS: list[click.Command] = [labs]

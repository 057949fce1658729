"""``courseware footprint ...``: the carbon footprint calculator on the command line."""

from __future__ import annotations

import click


@click.group()
def footprint() -> None:
    """Estimate the carbon footprint of a TinyML system."""


COMMANDS: list[click.Command] = [footprint]

"""``courseware datasheet ...``: validate, render and start ML sensor datasheets."""

from __future__ import annotations

import click


@click.group()
def datasheet() -> None:
    """Validate, render and start datasheets for ML sensors."""


COMMANDS: list[click.Command] = [datasheet]

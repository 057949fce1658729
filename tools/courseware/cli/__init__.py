"""The ``courseware`` command line: a thin layer that turns arguments into library calls.

Each command group lives in its own module; this one only assembles them and turns
courseware errors into one-line messages and exit codes (1 for content, 2 for usage).
"""

from __future__ import annotations

import sys
from typing import Any

import click

from courseware.cli.terminal import PrintableStream
from courseware.errors import ContentError, CoursewareError, UsageError


class CoursewareGroup(click.Group):
    """A click group that reports courseware errors without a traceback, and prints only
    printable text (see ``cli/terminal.py``)."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        out, err = sys.stdout, sys.stderr
        sys.stdout, sys.stderr = PrintableStream(out), PrintableStream(err)
        try:
            return super().main(*args, **kwargs)
        finally:
            sys.stdout, sys.stderr = out, err

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ContentError as error:
            for problem in error.problems:
                click.echo(str(problem), err=True)
            count = len([p for p in error.problems if p.severity == "error"])
            click.echo(f"{count} problem{'s' if count != 1 else ''} found.", err=True)
            ctx.exit(1)
        except UsageError as error:
            click.echo(f"Error: {error}", err=True)
            ctx.exit(2)
        except CoursewareError as error:
            click.echo(f"Error: {error}", err=True)
            ctx.exit(1)


@click.group(cls=CoursewareGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="courseware")
def cli() -> None:
    """Build and check the TinyML courseware site and its curriculum registry."""


def _register_commands() -> None:
    # Imported here so that each group module can import `cli` helpers without cycles.
    from courseware.cli import (
        assess,
        bundle,
        curriculum,
        datasheet,
        exchange,
        footprint,
        labs,
        print_kit,
        project,
        translate,
    )

    for module in (
        project,
        curriculum,
        footprint,
        datasheet,
        labs,
        exchange,
        translate,
        bundle,
        print_kit,
    ):
        for command in module.COMMANDS:
            cli.add_command(command)
    cli.add_command(assess.assess)


_register_commands()


def main() -> None:
    """Console-script entry point."""
    sys.exit(cli.main(prog_name="courseware"))

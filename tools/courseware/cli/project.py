"""Project-wide commands: ``validate``, ``build``, ``serve``, ``schema`` and ``new``."""

from __future__ import annotations

from pathlib import Path

import click

from courseware.registry.load import load_registry
from courseware.registry.schema_export import write_schemas
from courseware.registry.templates import write_offering_template

root_option = click.option(
    "--root",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help="The project folder (the one holding curriculum/).",
)


@click.command()
@root_option
def validate(root: Path) -> None:
    """Check every registry file and report all problems at once."""
    registry = load_registry(root)
    for warning in registry.warnings:
        click.echo(str(warning), err=True)
    click.echo(
        f"OK: {len(registry.languages)} languages, {len(registry.offerings)} offerings"
        + (f", {len(registry.warnings)} warnings" if registry.warnings else "")
    )


@click.command()
@root_option
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where to write the schemas (default: ROOT/schema).",
)
def schema(root: Path, out: Path | None) -> None:
    """Write JSON Schema files so editors validate registry files as you type."""
    for path in write_schemas(out or root / "schema"):
        click.echo(str(path))


@click.group()
def new() -> None:
    """Start a new registry entry from a commented template."""


@new.command("offering")
@click.argument("offering_id")
@root_option
def new_offering(offering_id: str, root: Path) -> None:
    """Write curriculum/offerings/OFFERING_ID.yaml (never overwrites a file)."""
    path = write_offering_template(root, offering_id)
    click.echo(f"Wrote {path}; fill it in, then run: courseware validate")


COMMANDS: list[click.Command] = [validate, schema, new]

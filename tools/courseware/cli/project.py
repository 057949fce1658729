"""Project-wide commands: ``validate``, ``build``, ``merge``, ``serve``, ``schema`` and ``new``."""

from __future__ import annotations

from pathlib import Path

import click

from courseware.cli.options import path_option, refuse_unsafe_output, root_option
from courseware.output_folders import check_site_folder
from courseware.registry.schema_export import register_schema, write_schemas
from courseware.registry.templates import write_offering_template
from courseware.site import build_site


@click.command()
@root_option
def validate(root: Path) -> None:
    """Check every registry file and lab header and report all problems at once."""
    from courseware.site import validate_project

    registry, warnings = validate_project(root)
    for warning in warnings:
        click.echo(str(warning), err=True)
    counts = [
        f"{len(registry.languages)} languages",
        f"{len(registry.offerings)} offerings",
        f"{len(registry.modules)} modules",
        f"{len(registry.tracks)} tracks",
    ]
    if warnings:
        counts.append(f"{len(warnings)} warnings")
    click.echo("OK: " + ", ".join(counts))


def _say_warning(line: str) -> None:
    click.echo(f"warning: {line}", err=True)


@click.command()
@root_option
@path_option("--site-dir", "Where to write the site (default: ROOT/site).", is_folder=True)
@click.option(
    "--keep-going",
    is_flag=True,
    help="Publish a failing lab's last good output with a dated notice instead of failing.",
)
@click.option(
    "--languages",
    metavar="CODES",
    default=None,
    help="Build only these languages (comma-separated codes) into the --partial folder.",
)
@path_option(
    "--partial",
    "Write a partial site (for courseware merge) into this folder instead of the site.",
    is_folder=True,
)
def build(
    root: Path,
    site_dir: Path | None,
    keep_going: bool,
    languages: str | None,
    partial: Path | None,
) -> None:
    """Validate, stage and build the site; a failed build leaves the previous site as it was.

    The site folder must be new, empty or a site built before: never a folder of sources,
    the project itself or a folder above it. With --languages and --partial, only those
    languages are built, into a partial site that courseware merge puts together with the
    partial sites of the other languages (one CI job per language, then a merge job)."""
    if (languages is None) != (partial is None):
        raise click.UsageError("--languages and --partial go together: a partial site")
    if partial is not None and site_dir is not None:
        raise click.UsageError("--partial is the output folder: leave out --site-dir")
    output = partial if partial is not None else site_dir
    if output is not None:
        given = output
        option = "--partial" if partial is not None else "--site-dir"
        refuse_unsafe_output(option, given, lambda: check_site_folder(root, given))
    codes = None
    if languages is not None:
        codes = [code.strip() for code in languages.split(",") if code.strip()]
    report = build_site(
        root, output, keep_going=keep_going, notice=_say_warning, partial_languages=codes
    )
    for warning in report.warnings:
        click.echo(str(warning), err=True)
    if report.labs is not None:
        labs = report.labs
        click.echo(f"Labs: {labs.executed} executed, {labs.cached} cached, {labs.failed} failed")
        for lab_id in labs.published_outdated:
            click.echo(f"warning: labs/{lab_id}.py failed; its last good output was published")
    if report.prints:
        printed = [p for p in report.prints if not p.is_reused]
        click.echo(f"PDFs: {len(printed)} printed, {len(report.prints) - len(printed)} unchanged")
        for result in printed:
            for overflow in result.overflows:
                click.echo(
                    f"warning: {result.file_name}: wider than the page: {overflow}", err=True
                )
    built = report.languages
    if built is not None and not built.built:
        click.echo(f"Nothing changed: {report.site_dir} is up to date ({report.pages} pages)")
        return
    if built is not None and built.reused:
        click.echo(
            f"Languages rebuilt: {', '.join(built.built)}; unchanged: {', '.join(built.reused)}"
        )
    click.echo(f"Built {report.pages} pages into {report.site_dir}")


@click.command()
@root_option
@click.argument("partials", nargs=-1, required=True, type=click.Path(path_type=Path))
@path_option("--site-dir", "Where to write the merged site (default: ROOT/site).", is_folder=True)
def merge(root: Path, partials: tuple[Path, ...], site_dir: Path | None) -> None:
    """Merge partial sites (from build --languages ... --partial) into the whole site.

    Every language of the project must be in exactly one partial, and all of them built
    from the same sources; the result is the site a single build writes."""
    from courseware.site import merge_partial_sites

    if site_dir is not None:
        given = site_dir
        refuse_unsafe_output("--site-dir", given, lambda: check_site_folder(root, given))
    target = merge_partial_sites(root, partials, site_dir)
    click.echo(f"Merged {len(partials)} partial sites into {target}")


@click.command()
@root_option
@click.option(
    "--dev-addr", default="127.0.0.1:8000", show_default=True, help="Address to serve on."
)
def serve(root: Path, dev_addr: str) -> None:
    """Build the site and serve it with live reload while you edit."""
    from courseware.site import serve_site

    serve_site(root, dev_addr)


@click.command()
@root_option
@path_option("--out", "Where to write the schemas (default: ROOT/schema).", is_folder=True)
def schema(root: Path, out: Path | None) -> None:
    """Write JSON Schema files so editors validate registry files as you type."""
    from courseware.datasheet import Datasheet

    register_schema("datasheet", Datasheet)
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


COMMANDS: list[click.Command] = [validate, build, merge, serve, schema, new]

"""``courseware datasheet ...``: validate, render and start ML sensor datasheets."""

from __future__ import annotations

import json
from pathlib import Path

import click

from courseware.cli.options import format_option, refuse_unsafe_output, root_option
from courseware.datasheet import (
    CheckedDatasheet,
    check_file,
    compute_environment,
    compute_risk_profile,
    count_by_severity,
    has_errors,
    render_datasheet_page,
    write_datasheet_template,
)
from courseware.datasheet.environment import EnvironmentInputError  # not exported by datasheet
from courseware.errors import ContentError, Problem
from courseware.output_folders import check_page_file


@click.group()
def datasheet() -> None:
    """Validate, render and start datasheets for ML sensors."""


@datasheet.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@format_option("text: one finding per line; json: a list of findings.")
def validate(files: tuple[Path, ...], output_format: str) -> None:
    """Check datasheet FILES and report every finding; exit 1 if any is an error."""
    results = [_check(path) for path in files]
    findings = [f for result in results for f in result.findings]
    if output_format == "json":
        click.echo(json.dumps([f.to_json() for f in findings], indent=2, ensure_ascii=False))
    else:
        for finding in findings:
            click.echo(str(finding))
        counts = count_by_severity(findings)
        click.echo(
            f"{len(files)} file{'s' if len(files) != 1 else ''}: {counts['error']} errors, "
            f"{counts['warning']} warnings, {counts['info']} notes",
            err=True,
        )
    if has_errors(findings):
        raise SystemExit(1)


def _check(path: Path) -> CheckedDatasheet:
    if not path.is_file():
        raise click.UsageError(f"{path} is not a file")
    return check_file(path)


@datasheet.command()
@click.argument("file", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write the Markdown here instead of to standard output.",
)
def render(file: Path, out: Path | None) -> None:
    """Render FILE as a page (Markdown with HTML tables), findings and risk profile included."""
    if out is not None:
        given = out
        refuse_unsafe_output("--out", given, lambda: check_page_file(given, file))
    result = check_file(file)
    sheet = result.sheet
    if sheet is None:
        raise ContentError(
            Problem(f.file, f.line, f.field or None, f.message, code=f.code)
            for f in result.findings
        )
    try:
        environment = compute_environment(sheet)
    except EnvironmentInputError:
        environment = None  # the findings already name the problem
    page = render_datasheet_page(
        sheet,
        result.findings,
        compute_risk_profile(sheet, result.findings),
        yaml_download_name=file.name,
        environment=environment,
    )
    if out is None:
        click.echo(page, nl=False)
    else:
        out.write_text(page, encoding="utf-8")
        click.echo(f"Wrote {out}", err=True)


@datasheet.command()
@click.argument("sensor_id", metavar="ID")
@root_option
def new(sensor_id: str, root: Path) -> None:
    """Write curriculum/sensors/ID.yaml from a commented template (never overwrites)."""
    path = write_datasheet_template(root, sensor_id)
    click.echo(f"Wrote {path}; fill it in, then run: courseware datasheet validate {path}")


COMMANDS: list[click.Command] = [datasheet]

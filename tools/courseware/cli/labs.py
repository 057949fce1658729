"""``courseware labs ...``: list and run the executable labs."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from courseware.cli.options import root_option
from courseware.errors import ContentError, UsageError, errors_only

if TYPE_CHECKING:
    from courseware.labs import Lab, LabRun


@click.group()
def labs() -> None:
    """List and run the executable labs."""


@labs.command(name="list")
@root_option
def list_labs(root: Path) -> None:
    """List the labs: id, title, module, duration, network, and whether the cache has it."""
    from courseware.labs import discover_labs, is_cached  # the Jupyter stack, only when used

    found = discover_labs(root)
    rows: list[tuple[str, ...]] = [("id", "title", "module", "minutes", "network", "cached")]
    for lab in found:
        if lab.is_translation:
            continue
        cached = "yes" if is_cached(lab, root) else "no"
        minutes = str(lab.duration_minutes)
        rows.append((lab.id, lab.title, lab.module, minutes, str(lab.connectivity), cached))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        click.echo(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        )


@labs.command(name="run")
@click.argument("ids", nargs=-1)
@root_option
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="Labs run at once (default: cores).")
@click.option("--force", is_flag=True, help="Execute even labs the cache already has.")
def run_labs(ids: tuple[str, ...], root: Path, jobs: int | None, force: bool) -> None:
    """Execute labs (all, or the given IDs), taking unchanged ones from the cache."""
    from courseware.labs import discover_labs, execute_labs

    found = [lab for lab in discover_labs(root) if not lab.is_translation]
    chosen = _choose(found, ids)
    runs = execute_labs(
        chosen, root, jobs=jobs, force=force, on_start=_started, on_finish=_finished
    )
    _summarise(runs)
    problems = [problem for run in runs for problem in run.problems]
    if errors_only(problems):
        raise ContentError(problems)
    for problem in problems:
        click.echo(str(problem), err=True)


def _choose(found: list[Lab], ids: tuple[str, ...]) -> list[Lab]:
    if not ids:
        return found
    by_id = {lab.id: lab for lab in found}
    unknown = [lab_id for lab_id in ids if lab_id not in by_id]
    if unknown:
        known = ", ".join(sorted(by_id)) or "none"
        raise UsageError(f"no lab named {', '.join(unknown)} (labs: {known})")
    return [by_id[lab_id] for lab_id in dict.fromkeys(ids)]


def _started(lab: Lab) -> None:
    click.echo(f"running  {lab.id} ...", err=True)


def _finished(run: LabRun) -> None:
    click.echo(f"{run.status:<8} {run.lab.id} ({run.duration_seconds:.1f} s)", err=True)


def _summarise(runs: list[LabRun]) -> None:
    parts = []
    for status in ("executed", "cached", "failed"):
        chosen = [run for run in runs if run.status == status]
        seconds = sum(run.duration_seconds for run in chosen)
        parts.append(f"{status} {len(chosen)} ({seconds:.1f} s)")
    click.echo("labs: " + ", ".join(parts), err=True)


COMMANDS: list[click.Command] = [labs]

"""Assessment commands: ``assess score``, ``assess report`` and ``assess export``.

Thin: arguments in, one call of ``courseware.assess``, text or files out. Codes that cannot be
read are printed one per line (``file:line: message``) and the rest is still scored; the exit
code is 1 when any code was refused, so a script notices.
"""

from __future__ import annotations

from pathlib import Path

import click

from courseware.assess.bank import BankSpec
from courseware.assess.exports.moodle import to_moodle
from courseware.assess.exports.qti import to_qti
from courseware.assess.forms import FormItem, FormLetter, bank_entries
from courseware.assess.kit import AssessmentKit, load_kit
from courseware.assess.report import build_report, write_report
from courseware.assess.scoring import read_codes_file, scores_csv
from courseware.cli.options import root_option
from courseware.errors import Problem, UsageError
from courseware.registry.schema_export import register_schema
from courseware.validation import did_you_mean

register_schema("questions", BankSpec)  # `courseware schema` writes questions.schema.json too

_codes_file = click.Path(exists=True, dir_okay=False, path_type=Path)


def _echo_problems(problems: list[Problem]) -> None:
    for problem in problems:
        click.echo(str(problem), err=True)


@click.group()
def assess() -> None:
    """Score result codes, report pre/post gains, export banks and forms."""


@assess.command()
@root_option
def check(root: Path) -> None:
    """Check every module's questions.yaml against its module (errors and warnings)."""
    kit = load_kit(root)
    _echo_problems(list(kit.warnings))
    items = sum(len(bank.items) for bank in kit.banks.values())
    click.echo(f"OK: {len(kit.banks)} question banks, {items} items, {len(kit.forms)} tracks")


def _known_track(kit: AssessmentKit, track: str | None) -> None:
    if track is not None and track not in kit.forms:
        raise UsageError(f"unknown track {track!r}{did_you_mean(track, kit.forms)}")


@assess.command()
@click.argument("codes_file", type=_codes_file)
@click.option("--track", help="Refuse codes of any other track.")
@click.option("--form", type=click.Choice(["A", "B"]), help="Refuse codes of the other form.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Write the CSV here.")
@root_option
def score(
    codes_file: Path, track: str | None, form: FormLetter | None, out: Path | None, root: Path
) -> None:
    """Score CODES_FILE (one result code a line) per learner and objective, as CSV."""
    kit = load_kit(root)
    _known_track(kit, track)
    scores, problems = read_codes_file(codes_file, kit.all_forms, track=track, letter=form)
    table = scores_csv(scores)
    if out is None:
        click.echo(table, nl=False)
    else:
        out.write_text(table, encoding="utf-8")
        click.echo(f"{len(scores)} learners scored: {out}", err=True)
    _echo_problems(problems)
    if problems:
        click.get_current_context().exit(1)


@assess.command()
@click.argument("pre", type=_codes_file)
@click.argument("post", type=_codes_file)
@click.option("--track", help="Refuse codes of any other track.")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("assessment-report"),
    show_default=True,
    help="Folder for report.md, report.html and gains.png.",
)
@root_option
def report(pre: Path, post: Path, track: str | None, out: Path, root: Path) -> None:
    """Report per-objective gains and item statistics from PRE and POST codes files."""
    kit = load_kit(root)
    _known_track(kit, track)
    pre_scores, pre_problems = read_codes_file(pre, kit.all_forms, track=track)
    post_scores, post_problems = read_codes_file(post, kit.all_forms, track=track)
    for path in write_report(build_report(pre_scores, post_scores), out):
        click.echo(str(path))
    _echo_problems(pre_problems + post_problems)
    if pre_problems or post_problems:
        click.get_current_context().exit(1)


def _entries(kit: AssessmentKit, name: str, form: str, language: str) -> tuple[str, list[FormItem]]:
    if name in kit.banks:
        module = kit.banks[name].module
        if language not in module.languages:
            raise UsageError(
                f"module {name!r} exists in {', '.join(module.languages)}, not {language!r}"
            )
        return name, list(bank_entries(kit.banks[name]))
    if name in kit.forms:
        chosen = kit.forms[name][0 if form == "A" else 1]
        return f"{name}-form-{form.lower()}", list(chosen.items)
    known = [*kit.banks, *kit.forms]
    raise UsageError(
        f"{name!r} is neither a module with questions.yaml nor a track{did_you_mean(name, known)}"
    )


@assess.command()
@click.argument("name")
@click.option("--format", "output_format", type=click.Choice(["qti", "moodle"]), required=True)
@click.option("--lang", "language", default="en", show_default=True, help="Language code.")
@click.option(
    "--form",
    type=click.Choice(["A", "B"]),
    default="A",
    show_default=True,
    help="For a track: which form.",
)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Write here.")
@root_option
def export(
    name: str, output_format: str, language: str, form: str, out: Path | None, root: Path
) -> None:
    """Export module NAME's bank, or a form of track NAME, as QTI 1.2 or Moodle XML."""
    kit = load_kit(root)
    if language not in kit.registry.language_codes:
        raise UsageError(
            f"language {language!r} is not declared"
            f"{did_you_mean(language, kit.registry.language_codes)}"
        )
    ident, entries = _entries(kit, name, form, language)
    if output_format == "qti":
        data = to_qti(entries, ident, ident, language)
    else:
        data = to_moodle(entries, ident, language)
    if out is None:
        click.echo(data.decode("utf-8"), nl=False)
    else:
        out.write_bytes(data)
        click.echo(str(out), err=True)

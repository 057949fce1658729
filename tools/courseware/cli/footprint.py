"""``courseware footprint ...``: the carbon footprint calculator on the command line.

Thin: each command turns its flags into one call of :mod:`courseware.footprint` and prints the
result as text or JSON. A bad value is reported as one line naming the flag and the value, with
exit code 2 and no traceback.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from typing import IO, Any, NoReturn

import click

from courseware.footprint import (
    FootprintInputError,
    FootprintReport,
    InputProblem,
    compare_with_references,
    configure,
    estimate,
    fit_growth,
    fleet_footprint,
    format_kg,
    list_named_configurations,
    load_calculator_data,
    milestone_table,
)
from courseware.footprint.catalog import find_block, option_slug, slugify
from courseware.footprint.validate import MAX_MAGNITUDE

FLAGS = {
    "preset": "--preset",
    "system": "--system",
    "options": "--set",
    "custom": "--custom",
    "disabled": "--disable",
    "extras": "--extra",
    "training_devices": "--training-devices",
    "devices": "--devices",
}
"""The flag that carries each argument of the library, for error messages."""


def _bad(flag: str, raw: str, message: str) -> str:
    return f"Invalid value for '{flag}': {raw!r}: {message}"


class InputUsageError(click.UsageError):
    """A bad flag value, shown as ``Error: <message>`` alone (exit code 2, no usage block)."""

    def show(self, file: IO[Any] | None = None) -> None:
        """Print the message only: one line per problem, each naming the flag and the value."""
        click.echo(f"Error: {self.format_message()}", file=file, err=True)


def _fail(lines: Sequence[str]) -> NoReturn:
    raise InputUsageError("\n".join(lines))


def _pairs(flag: str, values: Sequence[str], *, split_last: bool) -> list[tuple[str, str, str]]:
    """Split ``NAME=VALUE`` texts into (name, value, raw); collect malformed ones as lines."""
    pairs: list[tuple[str, str, str]] = []
    errors: list[str] = []
    seen: set[str] = set()
    for raw in values:
        name, sep, value = raw.rpartition("=") if split_last else raw.partition("=")
        if not sep or not name.strip() or not value.strip():
            errors.append(_bad(flag, raw, "expected NAME=VALUE"))
            continue
        if slugify(name) in seen:
            errors.append(_bad(flag, raw, f"{name.strip()!r} is given twice"))
            continue
        seen.add(slugify(name))
        pairs.append((name.strip(), value.strip(), raw))
    if errors:
        _fail(errors)
    return pairs


def _numbers(flag: str, pairs: list[tuple[str, str, str]]) -> tuple[dict[str, float], list[str]]:
    numbers: dict[str, float] = {}
    errors: list[str] = []
    for name, value, raw in pairs:
        try:
            number = float(value)
        except ValueError:
            errors.append(_bad(flag, raw, f"{value!r} is not a number of kg CO2e"))
            continue
        if math.isinf(number) and "inf" not in value.lower():
            # Digits beyond a float's range read as infinity; say what the user typed is.
            number = math.copysign(MAX_MAGNITUDE, number)
        numbers[name] = number
    return numbers, errors


def _cli_words(message: str) -> str:
    return message.replace("pass allow_credits=True", "pass --allow-credits")


def _raw_for(problem: InputProblem, entries: dict[str, list[tuple[str, str]]]) -> str:
    """Find the text the user typed that a library problem is about."""
    for name, raw in entries.get(problem.parameter, []):
        if problem.key is None or name == problem.key:
            return raw
        try:
            if find_block(name).key == problem.key:
                return raw
        except FootprintInputError:
            continue
    return str(problem.value)


def _configure_from_flags(
    preset: str | None,
    system: str | None,
    sets: Sequence[str],
    customs: Sequence[str],
    disables: Sequence[str],
    extras: Sequence[str],
    training_devices: str | None,
    allow_credits: bool,
) -> FootprintReport:
    if preset is not None and system is not None:
        _fail(["--preset and --system cannot be given together; choose one"])
    set_pairs = _pairs("--set", sets, split_last=False)
    custom_pairs = _pairs("--custom", customs, split_last=True)
    extra_pairs = _pairs("--extra", extras, split_last=True)
    custom_kg, errors = _numbers("--custom", custom_pairs)
    extra_kg, extra_errors = _numbers("--extra", extra_pairs)
    errors += extra_errors
    devices: int | None = None
    if training_devices is not None:
        try:
            devices = int(training_devices)
        except ValueError:
            errors.append(_bad("--training-devices", training_devices, "not a whole number"))
    entries: dict[str, list[tuple[str, str]]] = {
        "preset": [(preset or "", preset or "")],
        "system": [(system or "", system or "")],
        "options": [(name, raw) for name, _, raw in set_pairs],
        "custom": [(name, raw) for name, _, raw in custom_pairs],
        "extras": [(name, raw) for name, _, raw in extra_pairs],
        "disabled": [(name, name) for name in disables],
        "training_devices": [("", "" if training_devices is None else str(training_devices))],
    }
    # Values that did not parse are left out, so the library reports every other problem too.
    try:
        configuration = configure(
            preset=preset,
            system=system,
            options={name: value for name, value, _ in set_pairs},
            custom=custom_kg,
            disabled=list(disables),
            extras=extra_kg,
            training_devices=devices,
            allow_credits=allow_credits,
        )
    except FootprintInputError as error:
        errors += [
            _bad(FLAGS.get(p.parameter, p.parameter), _raw_for(p, entries), _cli_words(p.message))
            for p in error.problems
        ]
    if errors:
        _fail(errors)
    return estimate(configuration)


def _report_json(report: FootprintReport) -> dict[str, Any]:
    data = report.to_dict()
    data["comparisons"] = {c.reference.key: c.ratio for c in _comparisons(report)}
    return data


def _comparisons(report: FootprintReport) -> list[Any]:
    return list(compare_with_references(report)) if report.total_kg_co2e_raw > 0 else []


def _print_report(report: FootprintReport) -> None:
    click.echo(f"{report.label or 'Custom configuration'} (kg CO2e per device)")
    for block in report.blocks:
        choice = block.option_label or "custom value"
        if not block.is_enabled:
            click.echo(f"  {block.heading:<18} {'(switched off)':<26}")
            continue
        low, high = format_kg(block.interval.low_kg_co2e), format_kg(block.interval.high_kg_co2e)
        click.echo(
            f"  {block.heading:<18} {choice:<26} {format_kg(block.kg_co2e):>7}   [{low} to {high}]"
        )
    for extra in report.extras:
        click.echo(f"  {'+ ' + extra.name:<45} {format_kg(extra.kg_co2e):>7}")
    interval = report.interval
    click.echo(
        f"  {'Total':<45} {format_kg(report.total_kg_co2e_raw):>7}"
        f"   [{format_kg(interval.low_kg_co2e)} to {format_kg(interval.high_kg_co2e)}]"
    )
    if report.training_devices:
        click.echo(f"  Training amortised over {report.training_devices} devices.")
    for comparison in _comparisons(report):
        click.echo(
            f"  {comparison.reference.name} ({format_kg(comparison.reference.kg_co2e)} kg CO2e)"
            f" = {comparison.ratio:.1f} x this device"
        )


@click.group()
def footprint() -> None:
    """Estimate the carbon footprint of a TinyML system."""


@footprint.command("estimate")
@click.option("--preset", metavar="NAME", help="Calculator preset: Vision, Anomaly Detection.")
@click.option("--system", metavar="NAME", help="Published system, e.g. kws-best, ic-worst.")
@click.option("--set", "sets", multiple=True, metavar="BLOCK=OPTION", help="Choose an option.")
@click.option("--custom", "customs", multiple=True, metavar="BLOCK=KG", help="Custom value.")
@click.option("--disable", "disables", multiple=True, metavar="BLOCK", help="Switch a block off.")
@click.option("--extra", "extras", multiple=True, metavar="NAME=KG", help="Extra component.")
@click.option("--training-devices", type=int, metavar="N", help="Amortise training over N devices.")
@click.option("--allow-credits", is_flag=True, help="Accept negative values as credits.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def estimate_command(
    preset: str | None,
    system: str | None,
    sets: tuple[str, ...],
    customs: tuple[str, ...],
    disables: tuple[str, ...],
    extras: tuple[str, ...],
    training_devices: str | None,
    allow_credits: bool,
    as_json: bool,
) -> None:
    """Estimate one device, starting from a preset or a published system (default: Vision)."""
    report = _configure_from_flags(
        preset, system, sets, customs, disables, extras, training_devices, allow_credits
    )
    if as_json:
        click.echo(json.dumps(_report_json(report), indent=2, ensure_ascii=False))
    else:
        _print_report(report)


@footprint.command("options")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def options_command(as_json: bool) -> None:
    """List every block and its options with their kg CO2e, slug and source."""
    data = load_calculator_data()
    if as_json:
        payload = {
            block.key: [
                {
                    "label": option.label,
                    "slug": option_slug(option),
                    "kg_co2e": option.kg_co2e,
                    "source": option.source,
                }
                for option in block.options
            ]
            for block in data.blocks
        }
        click.echo(json.dumps(payload, indent=2, ensure_ascii=False))
        return
    for block in data.blocks:
        click.echo(f"{block.key} ({block.heading})")
        for option in block.options:
            click.echo(
                f"  {option.label:<26} {format_kg(option.kg_co2e):>6}  {option_slug(option)}"
            )


@footprint.command("systems")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def systems_command(as_json: bool) -> None:
    """List the calculator's presets and the README's published systems with their totals."""
    entries = list_named_configurations()
    if as_json:
        payload = [
            {
                "kind": entry.kind,
                "key": entry.key,
                "name": entry.name,
                "total_kg_co2e": entry.report.total_kg_co2e,
                "published_total_kg_co2e": entry.published_total_kg_co2e,
                "in_paper": entry.in_paper,
                "interval_kg_co2e": entry.report.interval.to_dict(),
            }
            for entry in entries
        ]
        click.echo(json.dumps(payload, indent=2))
        return
    for entry in entries:
        paper = " (in the paper)" if entry.in_paper else ""
        interval = entry.report.interval
        click.echo(
            f"{entry.kind:<7} {entry.key:<18} {entry.name:<34}"
            f" {format_kg(entry.report.total_kg_co2e_raw):>5}"
            f"  [{format_kg(interval.low_kg_co2e)} to {format_kg(interval.high_kg_co2e)}]{paper}"
        )


def _device_count(value: str, flag: str) -> float:
    try:
        count = float(value)
    except ValueError:
        _fail([_bad(flag, value, "not a number")])
    if not count > 0 or count == float("inf"):
        _fail([_bad(flag, value, "must be a positive, finite number of devices")])
    return count


@footprint.command("fleet")
@click.option("--devices", default=None, metavar="N", help="Devices (default: 250 billion).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def fleet_command(devices: str | None, as_json: bool) -> None:
    """Footprint of a fleet of N devices for every preset and published system."""
    count = None if devices is None else _device_count(devices, "--devices")
    rows = []
    for entry in list_named_configurations():
        fleet = fleet_footprint(entry.report, count)
        rows.append((entry, fleet))
    if as_json:
        payload = [
            {
                "key": entry.key,
                "devices": fleet.devices,
                "kg_co2e_per_device": fleet.kg_co2e_per_device,
                "total_megatonnes_co2e": fleet.total_megatonnes_co2e,
                "interval_megatonnes_co2e": fleet.interval.scaled(1e-9).to_dict(),
            }
            for entry, fleet in rows
        ]
        click.echo(json.dumps(payload, indent=2))
        return
    click.echo(f"Fleet of {rows[0][1].devices:,.0f} devices (Mt CO2e)")
    for entry, fleet in rows:
        low = fleet.interval.low_kg_co2e / 1e9
        high = fleet.interval.high_kg_co2e / 1e9
        click.echo(
            f"  {entry.key:<18} {fleet.total_megatonnes_co2e:>10,.1f}  [{low:,.1f} to {high:,.1f}]"
        )


@footprint.command("growth")
@click.option("--devices", "device_counts", multiple=True, metavar="N", help="Also these counts.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def growth_command(device_counts: tuple[str, ...], as_json: bool) -> None:
    """Years the IoT fleet passes each milestone: the seed's table beside the fitted models."""
    counts = [_device_count(value, "--devices") for value in device_counts]
    linear, exponential = fit_growth("linear"), fit_growth("exponential")
    rows = milestone_table()
    if as_json:
        payload = {
            "linear_devices_per_year": linear.rate,
            "exponential_rate_per_year": exponential.rate,
            "milestones": [row.__dict__ for row in rows],
            "years": [
                {
                    "devices": count,
                    "linear_year": linear.milestone_year(count),
                    "exponential_year": exponential.milestone_year(count),
                }
                for count in counts
            ],
        }
        click.echo(json.dumps(payload, indent=2))
        return
    click.echo(f"Linear: +{linear.rate / 1e9:.3f} billion devices a year")
    click.echo(f"Exponential: {exponential.rate * 100:.2f}% a year (continuous)")
    click.echo(f"{'devices':>16}  {'linear (seed)':>14}  {'exponential (seed)':>19}")
    for row in rows:
        click.echo(
            f"{row.devices:>16,}  {row.model_linear_year:>6} ({row.seed_linear_year})"
            f"  {row.model_exponential_year:>11} ({row.seed_exponential_year})"
        )
    for count in counts:
        click.echo(
            f"{count:>16,.0f}  {linear.milestone_year(count):>6}       "
            f"  {exponential.milestone_year(count):>11}"
        )


COMMANDS: list[click.Command] = [footprint]

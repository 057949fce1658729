"""Internal arithmetic (checks 9 to 14): totals re-added, shares consistent with
the number of people, power and timing that add up."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from courseware.datasheet.checks.registry import CheckContext, Hit, check
from courseware.datasheet.messages import EMPTY, N_, Joined, Message, Money, Num, Nums, Percent
from courseware.datasheet.schema.additional import DemographicAttribute, EndToEnd
from courseware.datasheet.schema.ai import Network
from courseware.datasheet.schema.base import nominal_in
from courseware.datasheet.schema.description import UpdateMode
from courseware.datasheet.walk import models_of

BREAKDOWN_TOLERANCE = 0.02
"""Footprint blocks must re-add to the total within 2 % (check 10): the published
values are rounded to 0.01 kg."""

PERCENT_SUM_TOLERANCE = 1.0
"""Percentages must re-add to 100 within one point (check 10)."""

METRIC_TOLERANCE_POINTS = 0.5
"""Offline rates that differ by more than half a point are not a rounding difference."""

POWER_TOLERANCE = 0.25
"""V × I may differ from the stated power by a quarter: a regulator and an LED sit between
(the Person Sensor's 3.3 V × 40 mA = 132 mW vs ≈150 mW is accepted, check 13)."""

RATE_TOLERANCE = 0.05
"""A claimed rate may exceed 1 / latency by 5 % before it is called infeasible ("~7 Hz"
against 140 ms = 7.1 Hz passes)."""


@check("bom-total", "error", "BOM total = Σ unit cost × quantity", 9)
def bom_total(context: CheckContext) -> Iterator[Hit]:
    """The printed total must be the sum of its lines, to the cent."""
    bom = context.sheet.bill_of_materials
    if bom is None or bom.stated_total_usd is None:
        return
    if bom.published_line_count is not None and bom.published_line_count > len(bom.lines):
        yield Hit(
            ("bill_of_materials", "lines"),
            N_(
                "only {given} of {published} lines are given, so the total cannot be re-added",
                given=Num(len(bom.lines), "d"),
                published=Num(bom.published_line_count, "d"),
            ),
            "info",
        )
        return
    total = sum(Decimal(str(line.unit_cost_usd)) * line.quantity for line in bom.lines)
    stated = Decimal(str(bom.stated_total_usd))
    if abs(total - stated) >= Decimal("0.01"):
        yield Hit(
            ("bill_of_materials", "stated_total_usd"),
            N_(
                "the lines add up to {total}, but the total says {stated}",
                total=Money(total),
                stated=Money(stated),
            ),
        )


@check("environment-breakdown", "error", "Footprint breakdown re-adds to the total and 100 %", 10)
def environment_breakdown(context: CheckContext) -> Iterator[Hit]:
    """A breakdown that does not re-add hides a block or double-counts one."""
    impact = context.sheet.ml_sensor.environmental_impact if context.sheet.ml_sensor else None
    if impact is None or not impact.breakdown:
        return
    where = ("ml_sensor", "environmental_impact", "breakdown")
    total = impact.total_kg_co2e
    if total:
        parts = []
        for line in impact.breakdown:
            if line.kg_co2e is not None:
                parts.append(line.kg_co2e)
            elif line.percent is not None:
                parts.append(line.percent / 100 * total)
        summed = sum(parts)
        if abs(summed - total) > BREAKDOWN_TOLERANCE * total:
            yield Hit(
                where,
                N_(
                    "the blocks add up to {summed} kg CO2e, but the total is {total} kg CO2e "
                    "(more than {tolerance}% apart)",
                    summed=Num(summed, ".2f"),
                    total=Num(total),
                    tolerance=Num(BREAKDOWN_TOLERANCE * 100, ".0f"),
                ),
            )
    percents = [line.percent for line in impact.breakdown]
    if all(p is not None for p in percents):
        summed_percent = sum(p for p in percents if p is not None)
        if abs(summed_percent - 100) > PERCENT_SUM_TOLERANCE:
            yield Hit(
                where,
                N_(
                    "the percentages add up to {summed} %, not 100 %",
                    summed=Num(summed_percent, ".1f"),
                ),
            )


@check("environment-coverage", "error", "Footprint coverage matches the BOM lines", 10)
def environment_coverage(context: CheckContext) -> Iterator[Hit]:
    """'10 of 13 lines' must be 13 BOM lines, 10 of them marked as in the footprint."""
    impact = context.sheet.ml_sensor.environmental_impact if context.sheet.ml_sensor else None
    bom = context.sheet.bill_of_materials
    if impact is None or impact.coverage is None or bom is None:
        return
    where = ("ml_sensor", "environmental_impact", "coverage")
    coverage = impact.coverage
    line_count = bom.published_line_count or len(bom.lines)
    if coverage.bom_lines_total != line_count:
        yield Hit(
            (*where, "bom_lines_total"),
            N_(
                "{stated} BOM lines stated, but the bill of materials has {count}",
                stated=Num(coverage.bom_lines_total, "d"),
                count=Num(line_count, "d"),
            ),
        )
    marked = [line for line in bom.lines if line.in_footprint is not None]
    accounted = sum(1 for line in marked if line.in_footprint)
    if len(marked) == line_count and accounted != coverage.bom_lines_accounted:
        yield Hit(
            (*where, "bom_lines_accounted"),
            N_(
                "{stated} lines accounted for, but {marked} BOM lines are marked in_footprint",
                stated=Num(coverage.bom_lines_accounted, "d"),
                marked=Num(accounted, "d"),
            ),
        )


@check("offline-metrics", "warning", "Offline FP/FN rates agree with the confusion matrix", 11)
def offline_metrics(context: CheckContext) -> Iterator[Hit]:
    """The open-source example's text gives int8 FP 23.9 % and FN 25.1 %; its confusion
    matrix shows 25.5 % and 22.7 %."""
    metrics = context.at("ai", "model", "offline_metrics")
    if not isinstance(metrics, list):
        return
    for index, metric in enumerate(metrics):
        matrix = metric.confusion_matrix
        where = ("ai", "model", "offline_metrics", index)
        if matrix is None:
            continue
        pairs = (
            (
                "false_positive_percent",
                metric.false_positive_percent,
                matrix.false_positive_percent,
            ),
            (
                "false_negative_percent",
                metric.false_negative_percent,
                matrix.false_negative_percent,
            ),
        )
        for name, stated, from_matrix in pairs:
            if stated is not None and abs(stated - from_matrix) > METRIC_TOLERANCE_POINTS:
                yield Hit(
                    (*where, name),
                    N_(
                        "{variant}: {stated} stated, but the confusion matrix gives {computed}",
                        variant=metric.variant,
                        stated=Percent(stated),
                        computed=Percent(from_matrix),
                    ),
                )
        rows = (
            (
                N_("the negative row adds up to {sum} %, not 100 %"),
                matrix.true_negative_percent + matrix.false_positive_percent,
            ),
            (
                N_("the positive row adds up to {sum} %, not 100 %"),
                matrix.false_negative_percent + matrix.true_positive_percent,
            ),
        )
        for row, row_sum in rows:
            if abs(row_sum - 100) > METRIC_TOLERANCE_POINTS:
                yield Hit(
                    (*where, "confusion_matrix"), Message(row.template, {"sum": Num(row_sum)})
                )


def _decimals(value: float) -> int:
    text = repr(value)
    return len(text.split(".")[1]) if "." in text and "e" not in text else 0


def _fits(shares: list[float], people: int) -> bool:
    """Whether every share, as published, can be a whole number of ``people``.

    A share may be off by one unit of its last digit, not half: publishers nudge rounded
    shares so they add up to 100 (15 of 38 is 39.47 %, printed as 39.4 %).
    """
    for share in shares:
        tolerance = 10 ** -_decimals(share) * people / 100 + 1e-9
        count = share * people / 100
        if abs(count - round(count)) > tolerance:
            return False
    return True


@check("demographic-shares", "error", "Demographic shares are whole numbers of people", 12)
def demographic_shares(context: CheckContext) -> Iterator[Hit]:
    """63.2 / 36.8 % and 47.4 / 39.4 / 13.2 % fit 38 people, not the 40 declared."""
    for location, end_to_end in models_of(context.sheet, EndToEnd):
        for index, attribute in enumerate(end_to_end.demographics or []):
            yield from _attribute_shares(
                (*location, "demographics", index), attribute, end_to_end.participants
            )


def _attribute_shares(
    location: tuple[str | int, ...], attribute: DemographicAttribute, participants: int | None
) -> Iterator[Hit]:
    shares = [b.share_percent for b in attribute.buckets if b.share_percent is not None]
    if not shares:
        return
    if abs(sum(shares) - 100) > PERCENT_SUM_TOLERANCE:
        yield Hit(
            (*location, "buckets"),
            N_(
                "{attribute} shares add up to {sum} %, not 100 %",
                attribute=attribute.attribute,
                sum=Num(sum(shares), ".1f"),
            ),
        )
    people = attribute.respondents or participants
    if people is None or _fits(shares, people):
        return
    candidates = sorted(range(1, 10 * people + 1), key=lambda n: (abs(n - people), n))
    implied = next((n for n in candidates if _fits(shares, n)), None)
    hint = N_("; they fit {implied} people", implied=Num(implied, "d")) if implied else EMPTY
    yield Hit(
        (*location, "buckets"),
        N_(
            "{attribute} shares {shares} % are not whole numbers of the {people} people "
            "declared{hint}",
            attribute=attribute.attribute,
            shares=Nums(tuple(shares), " / "),
            people=Num(people, "d"),
            hint=hint,
        ),
    )


@check("power-identity", "warning", "Operating voltage × current ≈ stated power", 13)
def power_identity(context: CheckContext) -> Iterator[Hit]:
    """V × I far from the stated power means one of the three is wrong."""
    hardware = context.sheet.standard_sensor.hardware if context.sheet.standard_sensor else None
    if hardware is None:
        return
    volts = nominal_in(hardware.operating_voltage, "V")
    amps = nominal_in(hardware.operating_current, "A")
    watts = nominal_in(hardware.operating_power, "W")
    if volts is None or amps is None or watts is None:
        return
    product = volts * amps
    if abs(product - watts) > POWER_TOLERANCE * watts:
        yield Hit(
            ("standard_sensor", "hardware", "operating_power"),
            N_(
                "{volts} V × {milliamps} mA = {product} mW, but the stated power is {stated} mW",
                volts=Num(volts),
                milliamps=Num(amps * 1000),
                product=Num(product * 1000, ".0f"),
                stated=Num(watts * 1000),
            ),
        )


@check("timing-feasibility", "error", "Claimed update rate ≤ 1 / inference time", 14)
def timing_feasibility(context: CheckContext) -> Iterator[Hit]:
    """The open-source module captures every second but infers for ~2200 ms; the Person
    Sensor claims ~5 Hz with identification but needs 140 + 125 ms (≈3.8 Hz)."""
    networks = {n.id: n for _, n in models_of(context.sheet, Network)}
    for location, mode in models_of(context.sheet, UpdateMode):
        rate_hz = nominal_in(mode.rate, "Hz")
        if rate_hz is None or not mode.networks:
            continue
        seconds = 0.0
        for network_id in mode.networks:
            network = networks.get(network_id)
            time_s = nominal_in(network.inference_time, "s") if network else None
            if network is None:
                yield Hit(
                    (*location, "networks"),
                    N_("no network with id {id} in ai.model.networks", id=repr(network_id)),
                    "error",
                )
                break
            if time_s is None:
                break
            seconds += time_s
        else:
            if seconds > 0 and rate_hz > (1 / seconds) * (1 + RATE_TOLERANCE):
                yield Hit(
                    (*location, "rate"),
                    N_(
                        "{mode}: {rate} Hz claimed, but the networks take {milliseconds} ms "
                        "per output, at most {feasible} Hz",
                        mode=mode.name,
                        rate=Num(rate_hz),
                        milliseconds=Num(seconds * 1000),
                        feasible=Num(1 / seconds, ".2g"),
                    ),
                )


@check("dataset-splits", "error", "Dataset splits are named once and add up to 100 %", 15)
def dataset_splits(context: CheckContext) -> Iterator[Hit]:
    """The open-source example splits 0.8 for training and calls the other 20 % a test set
    in the text and a validation set in its table."""
    splits = context.at("ai", "dataset", "splits")
    if not isinstance(splits, list) or not splits:
        return
    where = ("ai", "dataset", "splits")
    names = [s.name for s in splits]
    total = sum(s.share_percent for s in splits)
    if abs(total - 100) > PERCENT_SUM_TOLERANCE:
        shown = [N_("{name} {share} %", name=s.name, share=Num(s.share_percent)) for s in splits]
        yield Hit(
            where,
            N_(
                "the splits add up to {total} % ({splits}); one share is named twice or "
                "described differently in two places",
                total=Num(total),
                splits=Joined(tuple(shown)),
            ),
        )
    elif len(set(names)) != len(names):
        yield Hit(where, N_("a split is listed twice"))

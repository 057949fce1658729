"""End-to-end evaluation validity (checks 23 to 30): results bound to versions,
claims inside the tested envelope, negatives measured, the metric named for what it is,
subgroups large enough and gaps stated as numbers."""

from __future__ import annotations

from collections.abc import Iterator

from courseware.datasheet.checks.registry import CheckContext, Hit, check
from courseware.datasheet.messages import N_, Num, Nums, Symbol
from courseware.datasheet.schema.additional import EndToEnd
from courseware.datasheet.schema.base import UNDISCLOSED_ANSWERS, Quantity
from courseware.datasheet.units import convert
from courseware.datasheet.walk import models_of

SMALL_SUBGROUP = 10
"""Subgroups under ten people are flagged (check 28)."""

DISPARITY_THRESHOLD_PERCENT = 10.0
"""A gap above ten points is flagged; a course setting (check 29)."""


@check("version-binding", "error", "End-to-end results are bound to versions", 23)
def version_binding(context: CheckContext) -> Iterator[Hit]:
    """Results that name no hardware, firmware and model version cannot be re-checked;
    neither published example binds its study to versions."""
    for location, end_to_end in models_of(context.sheet, EndToEnd):
        binding = end_to_end.version_binding
        if binding is None:
            continue
        missing = [
            name
            for name in (
                "hardware_revision",
                "firmware_version",
                "model_version",
                "evaluation_date",
            )
            if getattr(binding, name) in (None, *UNDISCLOSED_ANSWERS)
        ]
        if missing:
            yield Hit(
                (*location, "version_binding"),
                N_("the results are not bound to: {fields}", fields=", ".join(missing)),
            )


def _range_in(quantity: Quantity, unit: str) -> tuple[float | None, float | None]:
    if quantity.unit is None:
        return None, None
    low = quantity.min if quantity.min is not None else quantity.typ
    high = quantity.max if quantity.max is not None else quantity.typ
    return (
        None if low is None else convert(low, quantity.unit, unit),
        None if high is None else convert(high, quantity.unit, unit),
    )


@check("tested-envelope", "error", "Every claimed operating range was tested", 24)
def tested_envelope(context: CheckContext) -> Iterator[Hit]:
    """The open-source module claims 0.1-10 klux and outdoor use; it was tested at
    208-1149 lux, indoors."""
    rows = context.at("standard_sensor", "description", "operating_envelope")
    for index, row in enumerate(rows if isinstance(rows, list) else []):
        where = ("standard_sensor", "description", "operating_envelope", index)
        untested = [s for s in row.claimed_settings if s not in row.tested_settings]
        if untested:
            yield Hit(
                (*where, "claimed_settings"),
                N_(
                    "{factor}: claimed {settings} but not tested there",
                    factor=row.factor,
                    settings=", ".join(untested),
                ),
                "warning",
            )
        if row.claimed is None or not row.claimed.is_disclosed:
            continue
        if row.tested is None or not row.tested.is_disclosed:
            yield Hit(
                where,
                N_("{factor}: a range is claimed but no tested range is given", factor=row.factor),
            )
            continue
        unit = row.claimed.unit or ""
        claimed_low, claimed_high = _range_in(row.claimed, unit)
        tested_low, tested_high = _range_in(row.tested, unit)
        if None in (claimed_low, claimed_high, tested_low, tested_high):
            continue
        assert claimed_low is not None and claimed_high is not None
        assert tested_low is not None and tested_high is not None
        if claimed_low < tested_low or claimed_high > tested_high:
            yield Hit(
                (*where, "claimed"),
                N_(
                    "{factor}: claimed {claimed_low}-{claimed_high} {unit}, tested only "
                    "{tested_low}-{tested_high} {unit}",
                    factor=row.factor,
                    claimed_low=Num(claimed_low),
                    claimed_high=Num(claimed_high),
                    tested_low=Num(tested_low),
                    tested_high=Num(tested_high),
                    unit=Symbol(unit),
                ),
                "warning",
            )


@check("negatives-included", "error", "The evaluation includes target-absent trials", 25)
def negatives_included(context: CheckContext) -> Iterator[Hit]:
    """Without person-absent trials no false-positive rate can be reported; both examples
    measured confidence on person-present trials only."""
    for location, end_to_end in models_of(context.sheet, EndToEnd):
        if end_to_end.includes_absent_trials is False:
            yield Hit(
                (*location, "includes_absent_trials"),
                N_(
                    "only target-present trials were measured, so false positives (per hour) "
                    "are unknown; add absent trials"
                ),
            )


@check("metric-claim", "error", "The metric is named for what it measures", 26)
def metric_claim(context: CheckContext) -> Iterator[Hit]:
    """The examples call mean confidence "accuracy"; the Person Sensor reports precision
    (91.8 % at 0.7) without recall."""
    metric = context.at("ml_sensor", "end_to_end", "metric")
    called = getattr(metric, "called_in_text", None)
    name = getattr(metric, "name", "")
    if called and called.lower() != name.lower():
        yield Hit(
            ("ml_sensor", "end_to_end", "metric", "called_in_text"),
            N_(
                "the text calls it {called}, but the figures show {metric}",
                called=repr(called),
                metric=repr(name),
            ),
        )
    metrics = context.at("ai", "model", "offline_metrics")
    for index, metric_set in enumerate(metrics if isinstance(metrics, list) else []):
        if metric_set.precision_percent is not None and metric_set.recall_percent is None:
            yield Hit(
                ("ai", "model", "offline_metrics", index, "precision_percent"),
                N_("{variant}: precision is reported without recall", variant=metric_set.variant),
            )


@check("condition-labels", "error", "Condition labels match between text and figures", 27)
def condition_labels(context: CheckContext) -> Iterator[Hit]:
    """The text tests 1.5/4.5/7.5 m while the plots say 1/3/5 m; MST 0-4 vs MST 1-3."""
    for location, end_to_end in models_of(context.sheet, EndToEnd):
        for index, factor in enumerate(end_to_end.conditions or []):
            if factor.figure_levels and factor.figure_levels != factor.levels:
                yield Hit(
                    (*location, "conditions", index, "figure_levels"),
                    N_(
                        "{factor}: the text gives {levels} {unit}, the figures {figure_levels}",
                        factor=factor.factor,
                        levels=Nums(tuple(factor.levels)),
                        unit=Symbol(factor.unit),
                        figure_levels=Nums(tuple(factor.figure_levels)),
                    ),
                )
        for a_index, attribute in enumerate(end_to_end.demographics or []):
            for b_index, bucket in enumerate(attribute.buckets):
                text = (bucket.scale_min, bucket.scale_max)
                figure = (bucket.figure_scale_min, bucket.figure_scale_max)
                if None not in figure and None not in text and text != figure:
                    yield Hit(
                        (*location, "demographics", a_index, "buckets", b_index),
                        N_(
                            "{label}: the text gives {low}-{high}, the figures "
                            "{figure_low}-{figure_high}",
                            label=bucket.label,
                            low=Num(text[0]),
                            high=Num(text[1]),
                            figure_low=Num(figure[0]),
                            figure_high=Num(figure[1]),
                        ),
                    )


@check("population", "warning", "Subgroups are large enough to report", 28)
def population(context: CheckContext) -> Iterator[Hit]:
    """The darkest skin-tone group of the examples is about five people."""
    for location, end_to_end in models_of(context.sheet, EndToEnd):
        for a_index, attribute in enumerate(end_to_end.demographics or []):
            people = attribute.respondents or end_to_end.participants
            for b_index, bucket in enumerate(attribute.buckets):
                size = bucket.n
                if size is None and people and bucket.share_percent is not None:
                    size = round(bucket.share_percent * people / 100)
                if size is not None and size < SMALL_SUBGROUP:
                    yield Hit(
                        (*location, "demographics", a_index, "buckets", b_index),
                        N_(
                            "{attribute} {label}: about {size} people, under {threshold}; "
                            "report a confidence interval",
                            attribute=attribute.attribute,
                            label=repr(bucket.label),
                            size=Num(size, "d"),
                            threshold=Num(SMALL_SUBGROUP, "d"),
                        ),
                    )


@check("disparity-quantified", "warning", "Disparities are numbers with a direction", 29)
def disparity_quantified(context: CheckContext) -> Iterator[Hit]:
    """ "Small bias" says nothing; a gap in points with the group that fares worse does."""
    for location, end_to_end in models_of(context.sheet, EndToEnd):
        for index, disparity in enumerate(end_to_end.disparities or []):
            where = (*location, "disparities", index)
            if disparity.gap_percent is None or disparity.direction is None:
                yield Hit(
                    where,
                    N_(
                        "{attribute}: give gap_percent and direction",
                        attribute=disparity.attribute,
                    ),
                )
            elif disparity.gap_percent > DISPARITY_THRESHOLD_PERCENT:
                yield Hit(
                    (*where, "gap_percent"),
                    N_(
                        "{attribute}: a gap of {gap} % ({direction}) is above {threshold} %",
                        attribute=disparity.attribute,
                        gap=Num(disparity.gap_percent),
                        direction=disparity.direction,
                        threshold=Num(DISPARITY_THRESHOLD_PERCENT),
                    ),
                )


@check("units-tested", "info", "Several identical units were tested", 30)
def units_tested(context: CheckContext) -> Iterator[Hit]:
    """Variation between units of the same product only shows when several are tested."""
    for location, end_to_end in models_of(context.sheet, EndToEnd):
        count = end_to_end.units_tested
        if count is None or count < 2:
            yield Hit(
                (*location, "units_tested"),
                N_("test several identical units to show unit-to-unit variation")
                if count is None
                else N_(
                    "test several identical units to show unit-to-unit variation (tested {count})",
                    count=Num(count, "d"),
                ),
            )

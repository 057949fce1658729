"""When a conditional ([C]) field becomes owed. The schema names a trigger; this module says
what the trigger means, as a predicate on the datasheet."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from courseware.datasheet.messages import N_, Message
from courseware.datasheet.schema import Datasheet
from courseware.datasheet.walk import value_at


@dataclass(frozen=True)
class Trigger:
    """A named condition and the reason it makes a field owed (a translatable phrase)."""

    reason: Message
    holds: Callable[[Datasheet], bool]


def _observes_people(sheet: Datasheet) -> bool:
    return value_at(sheet, ("standard_sensor", "description", "observes_people")) is True


def _bus_is_i2c(sheet: Datasheet) -> bool:
    return bool(value_at(sheet, ("standard_sensor", "communication", "bus")) == "I2C")


def _humans_in_study(sheet: Datasheet) -> bool:
    participants = value_at(sheet, ("ml_sensor", "end_to_end", "participants"))
    return isinstance(participants, int) and participants > 0


def _claims_certification(sheet: Datasheet) -> bool:
    status = value_at(sheet, ("standard_sensor", "compliance", "certification_status"))
    return status in {"certified", "audited"}


def _battery_powered(sheet: Datasheet) -> bool:
    supply = value_at(sheet, ("standard_sensor", "hardware", "power_supply"))
    return isinstance(supply, str) and "battery" in supply.lower()


def _no_footprint_config(sheet: Datasheet) -> bool:
    impact = value_at(sheet, ("ml_sensor", "environmental_impact"))
    return impact is not None and impact.footprint is None


TRIGGERS: dict[str, Trigger] = {
    "observes_people": Trigger(N_("the sensor observes people"), _observes_people),
    "bus_is_i2c": Trigger(N_("the bus is I2C"), _bus_is_i2c),
    "humans_in_study": Trigger(N_("people took part in the evaluation"), _humans_in_study),
    "claims_certification": Trigger(
        N_("certification status is certified or audited"), _claims_certification
    ),
    "battery_powered": Trigger(N_("the power supply is a battery"), _battery_powered),
    "no_footprint_config": Trigger(
        N_("no footprint configuration computes it"), _no_footprint_config
    ),
}

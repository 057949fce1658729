"""Building blocks shared by every datasheet section: the strict model, numeric
specifications with min/typ/max and unit, "Not disclosed" answers, dates and sources.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, model_validator

from courseware.datasheet.units import convert
from courseware.textfields import HttpsUrl, PlainText, Slug, StrictModel, check_partial_date

UNDISCLOSED_ANSWERS = ("Not disclosed", "Unknown", "Unsure")
"""Answers that fill a field without giving its value. The Data Nutrition Label and the CMU
IoT label both use them; the validator counts them (check 4)."""

Undisclosed = Literal["Not disclosed", "Unknown", "Unsure"]

Modality = Literal[
    "visual", "audio", "motion", "physiological", "location", "environmental", "radar", "other"
]
"""What a sensing part observes; the first four are the CMU IoT label's data-practice rows."""


def _partial_date(value: Any) -> Any:
    """A partial date as in the registry, or an honest "Not disclosed"."""
    if isinstance(value, str) and value in UNDISCLOSED_ANSWERS:
        return value
    return check_partial_date(value)


PartialDate = Annotated[str, BeforeValidator(_partial_date)]
"""An ISO 8601 date at year, month or day precision, or "Not disclosed"."""


class Source(StrictModel):
    """A document the datasheet's values come from; values cite it by ``id``."""

    id: Slug
    title: PlainText
    url: HttpsUrl | None = None
    note: PlainText | None = None


class Quantity(StrictModel):
    """One numeric specification: min, typical and max in a unit, under stated conditions.

    Written in YAML as a mapping (``{typ: 40, unit: mA, source: os-rev3 p.16}``) or as a
    bare "Not disclosed" / "Unknown" when the publisher gives no value.
    """

    symbol: PlainText | None = Field(default=None, description="Conventional symbol, e.g. VDD.")
    min: float | None = None
    typ: float | None = None
    max: float | None = None
    unit: PlainText | None = Field(
        default=None, description="An unambiguous unit such as mA, kB, kbit, kbit/s, lux, °C."
    )
    approximate: bool = Field(default=False, description="True when the source says '~' or '≈'.")
    conditions: PlainText | None = None
    source: PlainText | None = Field(
        default=None, description="Source id and page, e.g. 'ps-rev2 p.37'."
    )
    disclosure: Undisclosed | None = Field(
        default=None, description="Set (or write the bare string) when the value is not given."
    )

    @model_validator(mode="before")
    @classmethod
    def _bare_answer(cls, value: Any) -> Any:
        if isinstance(value, str) and value in UNDISCLOSED_ANSWERS:
            return {"disclosure": value}
        if isinstance(value, str):
            raise ValueError(
                f"{value!r} is not a quantity; write a mapping such as {{typ: 40, unit: mA}} "
                "or 'Not disclosed'"
            )
        return value

    @model_validator(mode="after")
    def _has_a_value(self) -> Quantity:
        values = (self.min, self.typ, self.max)
        if self.disclosure is None and all(v is None for v in values):
            raise ValueError("give min, typ or max (or write 'Not disclosed')")
        if self.disclosure is not None and any(v is not None for v in values):
            raise ValueError(f"a value is given, so remove disclosure: {self.disclosure!r}")
        return self

    @property
    def is_disclosed(self) -> bool:
        """True when the quantity carries at least one number."""
        return self.disclosure is None

    @property
    def nominal(self) -> float | None:
        """The typical value, else the midpoint of min and max, else whichever is given."""
        if self.typ is not None:
            return self.typ
        if self.min is not None and self.max is not None:
            return (self.min + self.max) / 2
        return self.max if self.max is not None else self.min


def nominal_in(quantity: Quantity | None, unit: str) -> float | None:
    """The nominal value of a disclosed quantity converted to ``unit``, or None."""
    if quantity is None or not quantity.is_disclosed or quantity.unit is None:
        return None
    nominal = quantity.nominal
    return None if nominal is None else convert(nominal, quantity.unit, unit)


class Link(StrictModel):
    """A labelled https link (drawings, drivers, full labels, forms)."""

    label: PlainText
    url: HttpsUrl


def _yes_no(value: Any) -> Any:
    """YAML 1.1 reads an unquoted yes/no as a boolean; take it as the answer meant."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return value


YesNo = Annotated[
    Literal["yes", "no", "depends", "Not disclosed", "Unknown", "Unsure"],
    BeforeValidator(_yes_no),
]
"""A label answer: yes, no, depends, or an undisclosed answer."""

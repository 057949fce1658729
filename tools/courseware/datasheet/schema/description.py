"""Block 1 of the paper's standard sensor components: description, features and use cases,
with the sensor contract (what crosses the interface, how often) and the operating envelope
(what is claimed and what was tested)."""

from __future__ import annotations

from pydantic import Field

from courseware.datasheet.grades import conditional, optional, required
from courseware.datasheet.schema.base import Modality, Quantity
from courseware.textfields import PlainText, Slug, StrictModel


class UpdateMode(StrictModel):
    """One way the sensor runs, with the output rate it claims and the networks it runs."""

    name: PlainText
    rate: Quantity = Field(description="Claimed output update rate, in Hz.")
    networks: list[Slug] = Field(
        default_factory=list, description="Ids of model.networks run in sequence per output."
    )


class Interface(StrictModel):
    """The sensor contract: inputs, outputs, rates and latency."""

    input_modalities: list[Modality] | None = required("What the sensor observes.")
    outputs: list[PlainText] | None = required("What crosses the interface, one item each.")
    update_modes: list[UpdateMode] | None = required("Claimed output rates per mode.")
    latency: Quantity | None = optional("End-to-end latency from scene to output.")
    output_validity: PlainText | None = optional("When an output can be trusted.")
    tunable_parameters: list[PlainText] | None = optional("What the host may configure.")


class EnvelopeRow(StrictModel):
    """One factor of the operating envelope: the range claimed and the range tested."""

    factor: PlainText = Field(description="lighting, distance, temperature, angle, setting...")
    claimed: Quantity | None = None
    tested: Quantity | None = None
    claimed_settings: list[PlainText] = Field(
        default_factory=list, description="Claimed categories, e.g. [indoor, outdoor]."
    )
    tested_settings: list[PlainText] = Field(default_factory=list)
    note: PlainText | None = None


class Statement(StrictModel):
    """A figure stated in prose (or in an external document) that a table also gives.

    ``field`` is the dotted path of the datasheet field holding the same quantity, e.g.
    ``standard_sensor.communication.max_data_rate``; the validator compares the two.
    """

    field: PlainText
    where: PlainText = Field(description="Where the statement is, e.g. 'Description, p.35'.")
    min: float | None = None
    typ: float | None = None
    max: float | None = None
    unit: PlainText | None = None
    text: PlainText | None = Field(default=None, description="A non-numeric value, e.g. '0x62'.")
    address: int | None = Field(default=None, description="An address value, e.g. 0x62.")


class Description(StrictModel):
    """Description, features and use case."""

    summary: PlainText | None = required("What it senses, outputs and how it integrates.")
    observes_people: bool | None = required(
        "Whether the sensor senses people (triggers demographic evaluation)."
    )
    key_features: list[PlainText] | None = required("Key features, one per item.")
    use_cases: list[PlainText] | None = required("Primary use cases.")
    out_of_scope: list[PlainText] | None = required("Uses it is not meant for.")
    intended_use: PlainText | None = optional("Intended use and scope.")
    deployment_environments: list[PlainText] | None = optional("Target environments.")
    interface: Interface | None = required("The sensor contract.")
    operating_envelope: list[EnvelopeRow] | None = required("Claimed vs tested ranges.")
    safety_misuse: PlainText | None = required("Foreseeable misuse, harms and mitigations.")
    battery_life: Quantity | None = conditional("battery_powered", "Claimed battery life.")
    statements: list[Statement] | None = optional(
        "Figures given in prose or external documents, checked against the tables."
    )

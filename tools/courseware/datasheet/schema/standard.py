"""The other standard sensor components (paper section 3.1): compliance, diagram and form
factor, communication specification and pinout, hardware characteristics."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from courseware.datasheet.grades import conditional, optional, required
from courseware.datasheet.schema.base import Link, Modality, PartialDate, Quantity
from courseware.textfields import HttpsUrl, PlainText, StrictModel


class Regulation(StrictModel):
    """A regulation or standard the datasheet says it considered."""

    name: PlainText
    evidence: PlainText | None = Field(
        default=None, description="Declaration, certificate or rationale behind the claim."
    )
    evidence_url: HttpsUrl | None = None


class Certification(StrictModel):
    """A certification or third-party audit actually achieved."""

    body: PlainText
    name: PlainText
    identifier: PlainText | None = None
    date: PartialDate | None = None
    scope: PlainText | None = Field(
        default=None, description="Hardware, firmware and model versions it covers."
    )
    url: HttpsUrl | None = None


class Compliance(StrictModel):
    """Compliance and certification."""

    regulations: list[Regulation] | None = optional("Regulations and standards considered.")
    certification_status: (
        Literal["not applicable", "planned", "in progress", "certified", "audited"] | None
    ) = optional("Where certification stands.")
    certifications: list[Certification] | None = conditional(
        "claims_certification", "Certifications and audits achieved."
    )


class Dimensions(StrictModel):
    """Length × width × height in one unit (mm or in)."""

    length: float = Field(gt=0)
    width: float = Field(gt=0)
    height: float = Field(gt=0)
    unit: Literal["mm", "in"]
    source: PlainText | None = None


class FormFactor(StrictModel):
    """Diagram and form factor."""

    dimensions: Dimensions | None = required("Stated module size.")
    drawing_dimensions: Dimensions | None = optional("Size read from the mechanical drawing.")
    orientation: PlainText | None = optional("How to mount it.")
    drawings: list[Link] | None = optional("Mechanical drawings, block diagram, pinout.")


class OutputField(StrictModel):
    """One value of the output payload with its range."""

    name: PlainText
    meaning: PlainText | None = None
    min: float | None = None
    max: float | None = None
    unit: PlainText | None = None


class OutputFormat(StrictModel):
    """Data transfer and format: the payload that crosses the interface."""

    description: PlainText
    size_bytes: int | None = Field(default=None, ge=1)
    fields: list[OutputField] = Field(default_factory=list)


class Register(StrictModel):
    """A writable configuration register or mode."""

    address: int | PlainText
    name: PlainText
    default: PlainText | None = None
    description: PlainText | None = None
    stores_data_on_device: bool = Field(
        default=False, description="True when the setting keeps data across power-off."
    )


class DebugPort(StrictModel):
    """A debug or programming port and its state in production units."""

    name: PlainText
    production_state: Literal[
        "enabled", "disabled", "fused", "removed", "Not disclosed", "Unknown"
    ] = "Not disclosed"
    note: PlainText | None = None


Bus = Literal["I2C", "SPI", "UART", "USB", "BLE", "GPIO", "other"]


class Communication(StrictModel):
    """Communication specification and pinout."""

    bus: Bus | None = required("The host interface.")
    connector: PlainText | None = optional("Connector, e.g. Qwiic.")
    i2c_address: int | PlainText | None = conditional("bus_is_i2c", "7-bit I2C address, e.g. 0x22.")
    max_data_rate: Quantity | None = conditional("bus_is_i2c", "Maximum bus rate.")
    max_cable_length: Quantity | None = optional("Maximum cable length.")
    interrupt: PlainText | None = optional("GPIO or interrupt behaviour.")
    diagnostic_led: PlainText | None = optional("What the LED shows.")
    output_format: OutputFormat | None = required("The payload and its value ranges.")
    registers: list[Register] | None = optional("Writable registers and modes.")
    debug_ports: list[DebugPort] | None = optional("Debug and programming ports.")
    drivers: list[Link] | None = optional("Reference drivers and examples.")


class Resolution(StrictModel):
    """A pixel array, optionally with the format name it is sold as (QVGA, VGA...)."""

    width_px: int = Field(ge=1)
    height_px: int = Field(ge=1)
    format_name: PlainText | None = None


class SensingPart(StrictModel):
    """A sensing component and what it observes."""

    part: PlainText
    modality: Modality
    active_pixels: Resolution | None = None
    effective_pixels: Resolution | None = None
    field_of_view: Quantity | None = None
    frame_rate: Quantity | None = None
    colour_filter: PlainText | None = None
    physically_disabled: bool = Field(
        default=False, description="True when the part is fitted but cannot capture data."
    )


class NamedQuantity(StrictModel):
    """A specification row outside the named ones."""

    name: PlainText
    quantity: Quantity


class Hardware(StrictModel):
    """Hardware characteristics (the specification)."""

    sensors: list[SensingPart] | None = required("Sensing components.")
    compute: list[PlainText] | None = required("MCU, NPU or other compute parts.")
    memory: list[PlainText] | None = required("Memory and storage parts.")
    operating_voltage: Quantity | None = required("Supply voltage range.")
    operating_current: Quantity | None = required("Operating current.")
    operating_power: Quantity | None = required("Operating power.")
    operating_temperature: Quantity | None = required("Operating temperature range.")
    power_supply: PlainText | None = optional("Regulator and supply notes.")
    other_specifications: list[NamedQuantity] | None = optional("Further specification rows.")

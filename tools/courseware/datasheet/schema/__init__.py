"""The datasheet schema: the paper's four groups and ten blocks as top-level keys, so the
renderer can reproduce the paper's layout, plus the title page and cross-cutting sections.

``Datasheet`` is the model of one ``curriculum/sensors/<id>.yaml`` file; its JSON Schema
carries every field's grade (``x-grade``, ``x-trigger``).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from courseware.datasheet.grades import block, conditional, group, optional, required
from courseware.datasheet.schema.additional import EndToEnd, EnvironmentalImpact
from courseware.datasheet.schema.ai import Dataset, Model
from courseware.datasheet.schema.base import Quantity
from courseware.datasheet.schema.description import Description
from courseware.datasheet.schema.extras import (
    Acronym,
    BillOfMaterials,
    Maintenance,
    UserStudyMaterials,
)
from courseware.datasheet.schema.iot import PrivacySecurity
from courseware.datasheet.schema.standard import Communication, Compliance, FormFactor, Hardware
from courseware.datasheet.schema.title import TitlePage
from courseware.textfields import PlainText, Slug, StrictModel


class StandardSensor(StrictModel):
    """Standard sensor datasheet components (paper section 3.1)."""

    description: Description | None = block("Description, features and use case.")
    compliance: Compliance | None = block("Compliance and certification.")
    form_factor: FormFactor | None = block("Diagram and form factor.")
    communication: Communication | None = block("Communication specification and pinout.")
    hardware: Hardware | None = block("Hardware characteristics.")


class Iot(StrictModel):
    """IoT datasheet components (paper section 3.2)."""

    privacy_security: PrivacySecurity | None = block("IoT privacy and security.")


class Ai(StrictModel):
    """AI datasheet components (paper section 3.3)."""

    dataset: Dataset | None = block("Dataset characteristics.")
    model: Model | None = block("Model characteristics.")


class MlSensor(StrictModel):
    """Additional ML sensor datasheet components (paper section 3.4)."""

    end_to_end: EndToEnd | None = block("End-to-end performance analysis.")
    environmental_impact: EnvironmentalImpact | None = block("Environmental impact.")


class Datasheet(StrictModel):
    """One ML sensor datasheet (``curriculum/sensors/<id>.yaml``)."""

    id: Slug = Field(description="Equals the file name without .yaml.")
    illustrative: bool = Field(
        default=False,
        description="True for a teaching example that describes no real product.",
    )
    purpose: Literal["shows-findings"] | None = Field(
        default=None,
        description=(
            "shows-findings: a published datasheet kept as printed, so that the validator's "
            "findings (its own inconsistencies and gaps) are what the example teaches; the page "
            "says so above the findings."
        ),
    )
    title_page: TitlePage | None = required("Title page and versioning.")
    standard_sensor: StandardSensor | None = group("Paper section 3.1.")
    iot: Iot | None = group("Paper section 3.2.")
    ai: Ai | None = group("Paper section 3.3.")
    ml_sensor: MlSensor | None = group("Paper section 3.4.")
    bill_of_materials: BillOfMaterials | None = optional("Bill of materials.")
    user_study_materials: UserStudyMaterials | None = conditional(
        "humans_in_study", "Consent and recruitment materials."
    )
    maintenance: Maintenance | None = required("Maintenance and release process.")
    acronyms: list[Acronym] | None = optional("Acronyms used.")
    notes: list[PlainText] | None = optional("Notes on how this file was re-typed.")


__all__ = ["Datasheet", "Quantity", "StandardSensor", "Iot", "Ai", "MlSensor"]

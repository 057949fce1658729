"""Cross-cutting sections outside the paper's ten blocks: bill of materials, user-study
materials, maintenance, acronyms."""

from __future__ import annotations

from pydantic import Field

from courseware.datasheet.grades import optional, required
from courseware.datasheet.schema.base import Link, Modality
from courseware.textfields import HttpsUrl, PlainText, StrictModel


class BomLine(StrictModel):
    """One line of the bill of materials."""

    category: PlainText
    component: PlainText
    manufacturer: PlainText | None = None
    unit_cost_usd: float = Field(ge=0)
    quantity: int = Field(ge=1)
    in_footprint: bool | None = Field(
        default=None, description="Whether the footprint calculator accounts for this line."
    )
    modality: Modality | None = Field(default=None, description="Set for sensing parts.")
    physically_disabled: bool = False
    datasheet_url: HttpsUrl | None = None
    note: PlainText | None = None


class BillOfMaterials(StrictModel):
    """Bill of materials, unit costs at MOQ 1."""

    stated_total_usd: float | None = optional("Total as the datasheet prints it.")
    published_line_count: int | None = optional(
        "Lines in the published BOM, when only some are re-typed here.", ge=1
    )
    lines: list[BomLine] = Field(min_length=1)
    source: PlainText | None = None


class UserStudyMaterials(StrictModel):
    """Recruitment and consent materials of a study with people."""

    consent_form: Link | PlainText | None = required("Consent form.")
    recruitment: PlainText | None = optional("Flyer and interest form.")
    ethics_reference: PlainText | None = required("IRB or ethics approval, or 'Not disclosed'.")


class Maintenance(StrictModel):
    """What requires a datasheet update, and how often the evaluation is re-run."""

    update_triggers: list[PlainText] | None = required("Changes that require a new revision.")
    evaluation_cadence: PlainText | None = required("How often the evaluation is re-run.")


class Acronym(StrictModel):
    """An acronym and what it stands for."""

    acronym: PlainText
    meaning: PlainText

"""The title page: what the sensor is, which revision of the datasheet this is, who
maintains it, and which hardware, firmware, model and dataset versions it describes."""

from __future__ import annotations

from pydantic import Field

from courseware.datasheet.grades import optional, required
from courseware.datasheet.schema.base import PartialDate, Source
from courseware.textfields import HttpsUrl, PlainText, StrictModel


class ChangeLogEntry(StrictModel):
    """One revision of the datasheet."""

    version: PlainText
    date: PartialDate
    changes: list[PlainText] = Field(min_length=1)
    evaluations_updated: bool | None = optional(
        "Whether the end-to-end evaluation was re-run for this revision."
    )


class Provenance(StrictModel):
    """The versions every figure of the datasheet is bound to (artifact and build provenance)."""

    hardware_revision: PlainText | None = required("Hardware revision of the module.")
    firmware_version: PlainText | None = required("Firmware version, or 'Not disclosed'.")
    model_version: PlainText | None = required("Model version or hash.")
    training_dataset_version: PlainText | None = required("Training dataset name and version.")
    evaluation_dataset_version: PlainText | None = required("Evaluation dataset and version.")
    toolchain: PlainText | None = required("Training toolchain, compiler and runtime.")


class TitlePage(StrictModel):
    """Title page and versioning (cross-cutting; v4 template)."""

    sensor_name: PlainText | None = required("Product name.")
    sku: PlainText | None = optional("Vendor part number.")
    sensor_type: PlainText | None = required("What it does, e.g. 'person detection'.")
    datasheet_version: PlainText | None = required("Revision of this datasheet, e.g. 'Rev. 3'.")
    release_date: PartialDate | None = required("Date of this revision.")
    last_updated: PartialDate | None = optional("Date of the last edit, if after release.")
    authors: list[PlainText] | None = required("Authors or the publishing organisation.")
    maintainer: PlainText | None = required("Who keeps the datasheet current.")
    contact: PlainText | None = required("Contact for questions and reports.")
    repository_url: HttpsUrl | None = optional("Where the datasheet's sources live.")
    license: PlainText | None = required("Licence of the datasheet.")
    citation: PlainText | None = optional("How to cite the datasheet.")
    change_log: list[ChangeLogEntry] | None = required("Revisions, newest last.")
    provenance: Provenance | None = required("Versions the datasheet describes.")
    reproducibility_notes: PlainText | None = optional("Scripts or projects that reproduce it.")
    sources: list[Source] | None = optional(
        "Documents the values come from; quantities cite them by id."
    )

"""IoT privacy and security (paper section 3.2): the CMU IoT Security & Privacy Label's two
layers plus the v4 template's additions (processing location, supported lifetime...).

Label answers are text because the label's own answers are ("No device storage",
"Not disclosed"); the few facts the validator reasons about are typed.
"""

from __future__ import annotations

from typing import Literal

from courseware.datasheet.grades import optional, required
from courseware.datasheet.schema.base import Modality, PartialDate, YesNo
from courseware.textfields import PlainText, StrictModel


class SecurityMechanisms(StrictModel):
    """The label's security mechanisms."""

    security_updates: PlainText | None = required("e.g. 'No security updates'.")
    access_control: PlainText | None = required("Accounts, authentication.")
    security_oversight: PlainText | None = required("Audits, third-party reviews.")
    ports_and_protocols: PlainText | None = optional("Open ports and protocols.")
    hardware_safety: PlainText | None = optional("Hardware safety measures.")
    software_safety: PlainText | None = optional("Software safety measures.")
    personal_safety: PlainText | None = optional("Personal safety measures.")
    vulnerability_disclosure: PlainText | None = required("How to report a vulnerability.")
    composition_list: PlainText | None = optional("Software and hardware composition list.")
    encryption: PlainText | None = required("Encryption and key management.")


class DataPractice(StrictModel):
    """The label's data practices for one modality."""

    modality: Modality
    sensor_type: PlainText | None = required("e.g. Camera.")
    collection_frequency: PlainText | None = required("e.g. Continuous.")
    purpose: PlainText | None = required("Why the data is collected.")
    stored_on_device: PlainText | None = required("e.g. 'No device storage'.")
    local_retention: PlainText | None = required("e.g. 'No retention'.")
    stored_in_cloud: PlainText | None = required("e.g. 'No cloud storage'.")
    cloud_retention: PlainText | None = optional("Cloud retention time.")
    shared_with: PlainText | None = required("Who receives the data.")
    sharing_frequency: PlainText | None = optional("How often it is shared.")
    sold_to: PlainText | None = required("Who buys the data.")
    other_collected: PlainText | None = optional("Other data collected.")


class DataUse(StrictModel):
    """The label's data use."""

    data_linkage: PlainText | None = required("Is data linked to other data?")
    inferred: PlainText | None = required("What will be inferred from the data.")
    children: PlainText | None = optional("Special handling for children.")
    in_compliance_with: PlainText | None = optional("Privacy laws claimed.")
    privacy_policy: PlainText | None = optional("Link or 'Not disclosed'.")


class MoreInformation(StrictModel):
    """The label's further information."""

    offline_functionality: PlainText | None = optional("What works offline.")
    no_processing_functionality: PlainText | None = optional("What works without processing.")
    physical_actuations: PlainText | None = optional("Physical actuations and triggers.")
    compatible_platforms: PlainText | None = optional("Compatible platforms.")


class PrivacySecurity(StrictModel):
    """IoT privacy and security block."""

    narrative: PlainText | None = optional("What is sensed, how often, what crosses the interface.")
    manufacturer: PlainText | None = required("Label header: manufacturer.")
    device: PlainText | None = required("Label header: device.")
    firmware_version: PlainText | None = required("Label header: firmware version.")
    firmware_updated: PartialDate | None = optional("Label header: firmware date.")
    country_of_manufacture: PlainText | None = optional("Label header: country.")
    captures_identifiable_data: YesNo | None = required("Whether identifiable data is captured.")
    processing_location: Literal["on-device", "cloud", "hybrid"] | None = required(
        "Where the ML runs."
    )
    raw_data_leaves_module: YesNo | None = required(
        "Whether raw sensor data can leave the module through any port."
    )
    security: SecurityMechanisms | None = required("Security mechanisms.")
    data_practices: list[DataPractice] | None = required("Data practices per modality.")
    data_use: DataUse | None = required("Data use.")
    more_information: MoreInformation | None = optional("Further information.")
    supported_lifetime: PlainText | None = required("How long the device is supported.")
    security_contact: PlainText | None = required("Where to report security issues.")
    user_controls: list[PlainText] | None = optional("Opt-out, deletion, consent controls.")

"""The commented template ``courseware datasheet new`` writes; writing never overwrites."""

from __future__ import annotations

import re
from pathlib import Path

from courseware.errors import UsageError
from courseware.textfields import SLUG_PATTERN

SENSORS_FOLDER = Path("curriculum/sensors")

TEMPLATE = """\
# yaml-language-server: $schema=../../schema/datasheet.schema.json
# A datasheet for an ML sensor, after "Datasheets for Machine Learning Sensors"
# (arXiv 2306.08848). Replace every TODO; where the publisher gives no value, write
# Not disclosed (it is allowed, and counted). Numbers are mappings with a unit and a source:
#   {{min: 3.1, typ: 3.3, max: 3.5, unit: V, source: "vendor datasheet p.4"}}
# Check it with: courseware datasheet validate curriculum/sensors/{id}.yaml
id: {id}

title_page:
  sensor_name: TODO product name
  sensor_type: TODO what it detects
  datasheet_version: "1.0"
  release_date: 2025-01          # 2025, 2025-01 or 2025-01-15
  authors: [TODO]
  maintainer: TODO
  contact: TODO
  license: TODO                  # e.g. CC BY 4.0
  change_log:
    - {{version: "1.0", date: 2025-01, changes: [First version]}}
  provenance:                    # the versions every figure below is bound to
    hardware_revision: TODO
    firmware_version: TODO
    model_version: TODO
    training_dataset_version: TODO
    evaluation_dataset_version: TODO
    toolchain: TODO
  sources:                       # (optional) documents values cite by id
    - {{id: vendor, title: TODO title of the vendor datasheet}}

standard_sensor:                 # paper section 3.1
  description:
    summary: TODO one or two sentences
    observes_people: false       # true makes demographic evaluation required
    key_features: [TODO]
    use_cases: [TODO]
    out_of_scope: [TODO]
    interface:
      input_modalities: [visual] # visual, audio, motion, physiological, location, ...
      outputs: [TODO what crosses the interface]
      update_modes:
        - name: continuous
          rate: Not disclosed    # {{typ: 1, unit: Hz}}
          networks: [main]       # ids from ai.model.networks, run in order per output
    operating_envelope:          # claimed vs tested range per factor
      - factor: temperature
        claimed: Not disclosed   # {{min: 0, max: 50, unit: °C}}
        tested: Not disclosed
    safety_misuse: TODO foreseeable misuse and mitigations
  compliance:
    regulations: []              # [{{name: RoHS, evidence: ...}}]
  form_factor:
    dimensions: {{length: 10, width: 10, height: 2, unit: mm, source: TODO}}
  communication:
    bus: I2C                     # I2C, SPI, UART, USB, BLE, GPIO, other
    i2c_address: Not disclosed   # 7-bit, e.g. 0x22
    max_data_rate: Not disclosed # {{max: 400, unit: kbit/s}}
    output_format:
      description: TODO payload layout
      fields: []                 # [{{name: confidence, min: 0, max: 255}}]
  hardware:
    sensors:
      - {{part: TODO, modality: visual}}
    compute: [TODO]
    memory: [TODO]
    operating_voltage: Not disclosed
    operating_current: Not disclosed
    operating_power: Not disclosed
    operating_temperature: Not disclosed

iot:                             # paper section 3.2, after the CMU IoT label
  privacy_security:
    manufacturer: TODO
    device: TODO
    firmware_version: TODO
    captures_identifiable_data: Not disclosed   # yes, no, depends
    processing_location: on-device              # on-device, cloud, hybrid
    raw_data_leaves_module: Not disclosed       # yes, no
    security:
      security_updates: Not disclosed
      access_control: Not disclosed
      security_oversight: Not disclosed
      vulnerability_disclosure: Not disclosed
      encryption: Not disclosed
    data_practices:
      - modality: visual
        sensor_type: TODO
        collection_frequency: TODO
        purpose: TODO
        stored_on_device: Not disclosed
        local_retention: Not disclosed
        stored_in_cloud: Not disclosed
        shared_with: Not disclosed
        sold_to: Not disclosed
    data_use:
      data_linkage: Not disclosed
      inferred: Not disclosed
    supported_lifetime: Not disclosed
    security_contact: Not disclosed

ai:                              # paper section 3.3
  dataset:
    training:
      name: TODO
      version: TODO
      license: Not disclosed
      proprietary: false
      consent: Not disclosed
      individual_information: Not disclosed
    evaluation:
      name: TODO
      version: TODO
      license: Not disclosed
      proprietary: false
      consent: Not disclosed
      individual_information: Not disclosed
  model:
    processing_flow: [TODO]
    networks:
      - id: main
        task: TODO
        architecture: TODO
        input: {{height_px: 96, width_px: 96, channels: 1}}
        output: TODO
        quantisation: TODO
        inference_time: Not disclosed   # {{typ: 120, unit: ms}}
        peak_ram: Not disclosed         # {{typ: 100, unit: kB}}
        flash: Not disclosed
    framework: TODO
    limitations: [TODO]

ml_sensor:                       # paper section 3.4
  end_to_end:
    version_binding:
      hardware_revision: TODO
      firmware_version: TODO
      model_version: TODO
      evaluation_date: 2025-01
    study_design: TODO
    includes_absent_trials: true
    metric: {{name: TODO, range_min: 0, range_max: 1}}
    conditions:
      - {{factor: TODO, unit: lux, levels: [200]}}
    findings: [TODO]
    failure_modes: TODO
    re_evaluation_cadence: TODO
  environmental_impact:
    method: TinyML footprint method, computed by the courseware footprint library
    lifetime_years: 3
    model_lifecycle_impact: TODO
    footprint:                   # computed from these options and the declared power
      preset: Vision
      grid_region: world

maintenance:
  update_triggers: [Firmware change, Retraining, Dataset update, Hardware revision]
  evaluation_cadence: TODO
"""


def write_datasheet_template(root: Path, sensor_id: str) -> Path:
    """Write ``curriculum/sensors/<sensor_id>.yaml`` from the commented template.

    Raises:
        UsageError: when the id is not a slug or the file already exists (nothing is written).
    """
    if not re.match(SLUG_PATTERN, sensor_id):
        raise UsageError(
            f"ID {sensor_id!r} must be lowercase letters, digits and hyphens, like 'person-sensor'"
        )
    path = root / SENSORS_FOLDER / f"{sensor_id}.yaml"
    if path.exists() or path.is_symlink():
        raise UsageError(f"{path} already exists; nothing was written")
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as handle:
        handle.write(TEMPLATE.format(id=sensor_id))
    return path

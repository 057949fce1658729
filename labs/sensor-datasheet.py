# ---
# title: Write a datasheet for an ML sensor
# module: ml-sensor-datasheets
# duration_minutes: 45
# connectivity: none
# hardware: none
# requirements: [courseware, matplotlib, PyYAML]
# data_files: [data/vibration-sensor-draft.yaml]
# # ruff: noqa: E501 (alt texts sit on one cell-marker line each)
# ---

# %% [markdown]
# # Write a datasheet for an ML sensor
#
# An ML sensor keeps its model and its raw data inside the module and shows the outside world
# only a few bytes of answer. Nobody can look inside, so the **datasheet** is how buyers,
# builders and auditors learn what the sensor does. The paper **"Datasheets for Machine
# Learning Sensors"** (Stewart, Warden, Omri, Prakash et al.,
# [arXiv 2306.08848](https://arxiv.org/abs/2306.08848)) proposes a datasheet of ten blocks in
# four groups: the standard sensor blocks (description, compliance, form factor,
# communication, hardware), IoT privacy and security, the AI blocks (dataset and model), and
# two new ML-sensor blocks (end-to-end performance and environmental impact).
#
# In this lab you finish a **draft** datasheet. You run this course's validator
# (`courseware.datasheet`), fix what it finds, compute the environmental section from the
# sensor's real operating power instead of the footprint calculator's 1 mW default, and read
# the sensor's materiality and risk profile.
#
# The draft describes an **illustrative** vibration-anomaly sensor: a teaching example that is
# no real product. Its numbers were chosen for teaching and measured by no one. The finished
# version is the course's example datasheet `illustrative-vibration-sensor` (in
# `curriculum/sensors/`).

# %%
import copy

import matplotlib.pyplot as plt
import yaml

from courseware.datasheet import (
    Datasheet,
    Finding,
    compute_environment,
    compute_risk_profile,
    count_by_severity,
    parse_datasheet,
    validate_datasheet,
)
from courseware.footprint import estimate_preset

# %% [markdown]
# ## 1. The draft
#
# A datasheet is a YAML file. The draft ships with this lab as
# `data/vibration-sensor-draft.yaml`; open it beside this notebook. Here is the part you will
# work on most, the hardware block and the environmental impact block.

# %%
DRAFT_FILE = "data/vibration-sensor-draft.yaml"
EDITED_FILE = "vibration-sensor-draft.yaml"  # the validator checks the id against the file name

with open(DRAFT_FILE, encoding="utf-8") as draft_file:
    draft_text = draft_file.read()
draft = yaml.safe_load(draft_text)


def to_yaml(data: dict) -> str:
    """Write data back as YAML, in its own key order and with °C kept readable."""
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


print(to_yaml({"hardware": draft["standard_sensor"]["hardware"]}))
print(to_yaml({"environmental_impact": draft["ml_sensor"]["environmental_impact"]}))

# %% [markdown]
# The draft's author copied the environmental section from the TinyML CO2 Footprint
# Calculator's *Anomaly Detection* preset: a total of 1.61 kg CO2e, with the calculator's use
# stage of **1 mW**. Keep an eye on that number.
#
# ## 2. Run the validator
#
# The validator loads the YAML into the datasheet schema, then runs every check. Each
# **finding** has a severity
# (error, warning or info), the check that made it, the field it points at and the line of the
# file. A datasheet is *valid* when it has no errors; warnings and infos are advice.
#
# This small function does what `courseware datasheet validate` does on the command line,
# for YAML text held in memory.


# %%
def check_datasheet(yaml_text: str, shown_as: str) -> tuple[Datasheet | None, list[Finding]]:
    """Load datasheet YAML text and run every check; return the datasheet and its findings."""
    loaded = parse_datasheet(yaml_text, shown_as)
    findings = list(loaded.findings)  # problems found while loading (bad YAML, wrong types)
    if loaded.sheet is not None:
        findings += validate_datasheet(loaded.sheet, loaded.path, loaded.document)
    return loaded.sheet, findings


def print_findings(findings: list[Finding]) -> None:
    counts = count_by_severity(findings)
    print(f"errors: {counts['error']}, warnings: {counts['warning']}, infos: {counts['info']}")
    for finding in findings:
        print(f"- {finding}")


draft_sheet, draft_findings = check_datasheet(draft_text, DRAFT_FILE)
print_findings(draft_findings)

# %% [markdown]
# Read each finding and find its line in the file. These are mistakes real datasheets make:
# the open-source example datasheet in the paper's repository gave its I2C address as "TBD" in
# its first revision, writes memory sizes in the ambiguous "Kb", and claims a light range far
# wider than the one it was tested in (see its page in the course's datasheet gallery).
#
# ## 3. Fix the documentation findings
#
# We edit the loaded YAML (a nested Python dictionary) and check it again. Each fix says which
# finding it answers.

# %%
fixed = copy.deepcopy(draft)
hardware_block = fixed["standard_sensor"]
privacy_block = fixed["iot"]["privacy_security"]

# blocks-present: every one of the paper's ten blocks must be there.
hardware_block["compliance"] = {
    "regulations": [
        {"name": "RoHS", "evidence": "Supplier declarations for every BOM part (illustrative)"}
    ],
    "certification_status": "not applicable",
}

# placeholders: "TBD" reads like a value but says nothing.
privacy_block["security_contact"] = "The repository's security policy"

# units: "Kb" could be kilobits or kilobytes. The model needs 12 kilobytes of RAM.
fixed["ai"]["model"]["networks"][0]["peak_ram"]["unit"] = "kB"

# required-fields: say when the end-to-end evaluation is run again.
fixed["ml_sensor"]["end_to_end"]["re_evaluation_cadence"] = "On every firmware or model change"

# revision-hygiene: this is version 1.1, so the change log must say what 1.1 changed.
fixed["title_page"]["change_log"].append(
    {"version": "1.1", "date": "2025-03", "changes": ["Added the operating envelope table"]}
)

# tested-envelope: the sensor was tested from 0 to 50 °C only. Without new tests, the honest
# fix is to claim no more than was tested.
temperature = fixed["standard_sensor"]["description"]["operating_envelope"][0]
temperature["claimed"] = dict(temperature["tested"])

sheet, findings = check_datasheet(to_yaml(fixed), EDITED_FILE)
print_findings(findings)

# %% [markdown]
# Only the environmental impact findings are left. (Line numbers now refer to the edited YAML
# text, not to the draft file.)
#
# ## 4. The environmental section, at the real operating power
#
# The hardware block declares an operating power of 10 mW (3 mA at 3.3 V). The copied
# section assumed 1 mW, the footprint calculator's default, so its use stage is ten times too
# small. The two example datasheets in the paper's repository show the same pattern: both
# declare 40 mA of operating current, yet their footprint charts show no visible use stage,
# consistent with the calculator's 1 mW default (the validator flags both).
#
# Instead of typing numbers, a datasheet can give a **footprint configuration**: a calculator
# preset or options, the grid that will charge the device, and the duty cycle. The library
# `courseware.footprint` then computes the breakdown, with the use stage from the declared
# operating power × duty cycle × lifetime × grid intensity. A typed total and a typed
# `use_phase_power_mw` are then no longer needed.

# %%
impact = fixed["ml_sensor"]["environmental_impact"]
del impact["total_kg_co2e"], impact["use_phase_power_mw"]
impact["method"] = "TinyML footprint method, computed by the courseware footprint library"
impact["end_of_life"] = "Return to the electronics take-back scheme of the country of use"
impact["footprint"] = {
    "preset": "Anomaly Detection",
    "grid_region": "world",
    "sources": [
        "The calculator's Anomaly Detection preset; its sensing option (Electret Microphone) "
        "stands in for the accelerometer, which the calculator does not list"
    ],
}

fixed_text = to_yaml(fixed)
sheet, findings = check_datasheet(fixed_text, EDITED_FILE)
print_findings(findings)

# %% [markdown]
# No findings: the datasheet is valid. Now compute the environmental section it declares.

# %%
environment = compute_environment(sheet)
use = environment.use_stage
print(f"Power: {use.power_mw:g} mW ({environment.power_source}), duty cycle {use.duty_cycle:g}")
print(f"Energy over {use.lifetime_years:g} years: {use.energy_kwh:.3f} kWh")
print(f"Grid: {use.grid.region}, {use.grid.kg_co2e_per_kwh} kg CO2e/kWh ({use.grid.source})")
print()
for block in environment.report.enabled_blocks:
    print(f"{block.heading:<18} {block.kg_co2e:6.3f} kg CO2e")
print(f"{'Total':<18} {environment.total_kg_co2e:6.2f} kg CO2e")
print()
print(environment.coverage)

# %% alt="Horizontal stacked bar chart comparing two footprints of the same sensor in kg CO2e, split by block. The draft, typed from the calculator's Anomaly Detection preset with a 1 mW use stage, totals 1.61 kg. The computed section, with the declared 10 mW on the world-average grid, totals 1.73 kg: every block is the same except the use stage, which grows from 0.01 to about 0.13 kg. The largest blocks in both are the mains power supply (0.52) and transport (0.40)."
calculator_default = estimate_preset("Anomaly Detection")
reports = {
    "Draft\n(calculator, 1 mW)": calculator_default,
    "Computed\n(10 mW, world grid)": environment.report,
}
fig, ax = plt.subplots(figsize=(10, 3.4))
colours = plt.get_cmap("tab10")
left_kg = [0.0] * len(reports)
for block_index, block in enumerate(calculator_default.blocks):
    values_kg = [report.blocks[block_index].kg_co2e for report in reports.values()]
    ax.barh(list(reports), values_kg, left=left_kg, label=block.heading, color=colours(block_index))
    left_kg = [left + value for left, value in zip(left_kg, values_kg, strict=True)]
ax.invert_yaxis()
ax.set_xlabel("kg CO2e per device")
ax.set_title("The environmental section: typed from the calculator, or computed")
ax.legend(fontsize="x-small", ncol=2, loc="upper left", bbox_to_anchor=(1.0, 1.0))
fig.tight_layout()
plt.show()

# %% [markdown]
# For this sensor the difference is small next to the embodied blocks: 10 mW is still
# little. The point is the method: the datasheet's own declared power now drives its
# environmental section, so the two can never disagree again. (Exercise 2 shows a sensor for
# which the use stage matters.)
#
# ## 5. The materiality and risk profile
#
# A valid datasheet can still describe a risky sensor. The paper "Materiality and Risk in the
# Age of Pervasive AI Sensors" ([arXiv 2402.11183](https://arxiv.org/abs/2402.11183)) looks at
# the risks that start at the sensor itself, in five areas: calibration, documentation,
# proprietary data, privacy and waste. This course turns those areas into a checklist scored
# from the datasheet's fields (the checklist and scoring are the course's own, not the
# paper's method): each item scores 0 (documented and mitigated), 1 (documented, not
# mitigated) or 2 (risky or not disclosed), and each area gets 0 (best) to 100 (worst).

# %%
draft_profile = compute_risk_profile(draft_sheet, draft_findings)
profile = compute_risk_profile(sheet, findings)

print(f"{'Area':<28} {'draft':>6} {'fixed':>6}")
for draft_area, area in zip(draft_profile.areas, profile.areas, strict=True):
    print(f"{area.title:<28} {draft_area.score:6.1f} {area.score:6.1f}")
print(f"{'Overall':<28} {draft_profile.overall:6.1f} {profile.overall:6.1f}")

# %% alt="Grouped horizontal bar chart of risk scores from 0 (best) to 100 (worst) in five areas, for the draft and the fixed datasheet. Calibration and validity falls from 50 to 0, documentation from 50 to 25 and waste and environment from 37.5 to 0; proprietary data profusion stays at 25 and privacy at 20. The overall score falls from 36.5 to 14."
bar_height = 0.4
positions = list(range(len(profile.areas)))
fig, ax = plt.subplots(figsize=(8, 3.5))
ax.barh(
    [p - bar_height / 2 for p in positions],
    [area.score for area in draft_profile.areas],
    height=bar_height,
    label=f"draft (overall {draft_profile.overall:.1f})",
    color="tab:red",
)
ax.barh(
    [p + bar_height / 2 for p in positions],
    [area.score for area in profile.areas],
    height=bar_height,
    label=f"fixed (overall {profile.overall:.1f})",
    color="tab:blue",
)
ax.set_yticks(positions, [area.title for area in profile.areas])
ax.invert_yaxis()
ax.set_xlim(0, 100)
ax.set_xlabel("Risk score (0 best, 100 worst)")
ax.set_title("Materiality and risk profile")
ax.legend(fontsize="small", loc="lower right")
fig.tight_layout()
plt.show()

# %% [markdown]
# Fixing the findings lowered the risk, but not to zero. These are the items still open, with
# the evidence the datasheet gives:

# %%
for area in profile.areas:
    for item in area.items:
        if item.score > 0:
            print(f"[{item.score}] {area.title}: {item.question}")
            print(f"    {item.evidence}")

# %% [markdown]
# None of these is an error: a datasheet may honestly say that there is no third-party audit.
# The profile shows a buyer what is missing, so they can ask for it.
#
# ## Exercises
#
# Change the values in the cells below and run them again. The published page shows the
# default values.
#
# ### Exercise 1: duty cycle and grid
#
# The sensor listens all the time (duty cycle 1). Suppose it woke up for only a tenth of the
# time, or was charged from a different grid (`"norway"`, `"france"`, `"india"`, or any key of
# the footprint library's grid table). How much does the total change?

# %%
variant = copy.deepcopy(fixed)
variant["ml_sensor"]["environmental_impact"]["footprint"]["duty_cycle"] = 0.1
variant["ml_sensor"]["environmental_impact"]["footprint"]["grid_region"] = "india"

variant_sheet, variant_findings = check_datasheet(to_yaml(variant), EDITED_FILE)
variant_environment = compute_environment(variant_sheet)
print(f"Use stage: {variant_environment.use_stage.kg_co2e:.3f} kg CO2e")
print(f"Total: {environment.total_kg_co2e:.2f} -> {variant_environment.total_kg_co2e:.2f} kg")

# %% [markdown]
# ### Exercise 2: a hungrier sensor
#
# The Person Sensor, a camera module whose datasheet is in this course's datasheet gallery,
# declares an operating power of about 150 mW. Give our sensor that power and recompute: now
# how large is the use stage next to the embodied blocks? What does the validator say if the
# declared current (3 mA) is left as it is?

# %%
hungry = copy.deepcopy(fixed)
hungry["standard_sensor"]["hardware"]["operating_power"]["typ"] = 150

hungry_sheet, hungry_findings = check_datasheet(to_yaml(hungry), EDITED_FILE)
print_findings(hungry_findings)
hungry_environment = compute_environment(hungry_sheet)
print(f"Use stage: {hungry_environment.use_stage.kg_co2e:.2f} kg CO2e")
print(f"Total: {hungry_environment.total_kg_co2e:.2f} kg CO2e")

# %% [markdown]
# ### Exercise 3: lower the remaining risks
#
# Pick an item still open in section 5 and change the datasheet to address it honestly. For
# example, declare the controls a person has over what the sensor senses (the privacy area),
# or point to a public project that reproduces the evaluation (the proprietary data area).
# Which items can you fix only by *doing* something, not by writing?

# %%
safer = copy.deepcopy(fixed)
safer["iot"]["privacy_security"]["user_controls"] = [
    "A switch on the module turns sensing off",
]

safer_sheet, safer_findings = check_datasheet(to_yaml(safer), EDITED_FILE)
safer_profile = compute_risk_profile(safer_sheet, safer_findings)
for before, after in zip(profile.areas, safer_profile.areas, strict=True):
    print(f"{after.title:<28} {before.score:6.1f} -> {after.score:6.1f}")

# %% [markdown]
# ### Exercise 4: a sensor that observes people
#
# Our sensor watches machines. Set `observes_people` to `True` and run the validator: which
# fields become required, and why does the datasheet of a sensor that observes people need
# them?

# %%
people = copy.deepcopy(fixed)
people["standard_sensor"]["description"]["observes_people"] = True

people_sheet, people_findings = check_datasheet(to_yaml(people), EDITED_FILE)
print_findings(people_findings)

# ---
# title: What does a TinyML device cost the planet?
# module: environmental-footprint
# duration_minutes: 45
# connectivity: none
# hardware: none
# requirements: [courseware, numpy, matplotlib]
# # ruff: noqa: E501 (alt texts sit on one cell-marker line each)
# ---

# %% [markdown]
# # What does a TinyML device cost the planet?
#
# A microcontroller running a keyword spotter draws about a milliwatt. It is tempting to
# conclude that TinyML is "green" by construction. In this lab you add up the carbon footprint
# of a whole TinyML device, block by block, and find out where its emissions really come from.
#
# The numbers come from two public sources, both packaged in this course's `courseware.footprint`
# library with the source of every value:
#
# - the paper **"Is TinyML Sustainable? Assessing the Environmental Impacts of Machine Learning on
#   Microcontrollers"** by Prakash, Stewart, Banbury, Mazumder, Warden, Plancher and Janapa Reddi
#   (*Communications of the ACM* 66(11), 2023; [arXiv 2301.11899](https://arxiv.org/abs/2301.11899));
# - the **TinyML CO2 Footprint Calculator** that accompanies it
#   ([harvard-edge.github.io/TinyML-Footprint](https://harvard-edge.github.io/TinyML-Footprint/)),
#   whose per-component values come from the bottom-up life-cycle analysis of IoT devices by
#   Pirson and Bol (J. Cleaner Production 322, 2021) and, for training, from Dodge et al.
#   (FAccT 2022).
#
# All values are in **kg CO2e per device** (kilograms of carbon-dioxide equivalent) over a
# three-year life.
#
# **You will:** compare the calculator's presets with the paper's systems, see which blocks
# dominate, set them beside an Apple Watch and a MacBook Pro, and change die area, battery and
# power yourself.

# %%
import matplotlib.pyplot as plt
import numpy as np

from courseware.footprint import (
    FootprintInputError,
    compare_with_references,
    configure,
    estimate,
    estimate_system,
    list_named_configurations,
    mcu_by_die_area,
    savings_range,
    use_stage_kg_co2e,
)
from courseware.footprint.plot import plot_footprint

# %% [markdown]
# ## 1. Ten blocks, one sum
#
# The calculator describes a device as ten **blocks**: ML training, casing, processing (the
# MCU), PCB, power supply, sensing, other components, transport, indicator LEDs and the use
# stage. For each block you pick one option, and the footprint is simply the sum of the chosen
# options. There is no hidden formula: each option's value was worked out beforehand from the
# life-cycle analysis literature.
#
# The calculator opens with the **Vision** preset. Here is that device, block by block, with
# the source the library records for each value.

# %%
vision = estimate()  # no arguments: the calculator's start-up state, the Vision preset

for block in vision.blocks:
    print(f"{block.heading:<18} {block.option_label:<22} {block.kg_co2e:5.2f}  {block.source}")
print(f"{'Total':<41} {vision.total_kg_co2e:5.2f} kg CO2e")

# %% [markdown]
# ## 2. Presets and the paper's systems
#
# The calculator has two presets, *Vision* and *Anomaly Detection*. The calculator's README
# publishes a table of five systems (keyword spotting, anomaly detection and image
# classification, in best, typical and worst cases), of which the paper uses three:
# **keyword spotting at best, image classification typical and image classification at worst**.
#
# The presets do *not* reproduce the paper's totals: they assume mains power, the smallest
# casing and, for Vision, a more expensive training run (MobileNetV1). Keep this in mind when
# you quote "the calculator's number".

# %%
named = list_named_configurations()

print(f"{'Configuration':<32} {'kind':<7} {'in paper':<9} {'computed':>9} {'published':>10}")
for config in named:
    published = "-" if config.published_total_kg_co2e is None else config.published_total_kg_co2e
    in_paper = "yes" if config.in_paper else ""
    total = config.report.total_kg_co2e
    print(f"{config.name:<32} {config.kind:<7} {in_paper:<9} {total:>9.2f} {published:>10}")

# %% [markdown]
# The library's totals equal the README's published totals for all five systems: it is a
# faithful reproduction, so the comparisons below rest on the published numbers.
#
# ## 3. Which blocks dominate?
#
# Now look inside the totals. The table gives each block's value for every configuration; the
# figure stacks them, so the length of each coloured segment is that block's share.

# %%
block_headings = [block.heading for block in vision.blocks]
column_names = [config.key for config in named]

print(f"{'Block':<18}" + "".join(f"{name:>19}" for name in column_names))
for heading_index, heading in enumerate(block_headings):
    values = [config.report.blocks[heading_index].kg_co2e for config in named]
    print(f"{heading:<18}" + "".join(f"{kg:>19.2f}" for kg in values))

# %% alt="Horizontal stacked bar chart of the footprint of seven TinyML configurations, in kg CO2e, each bar split into the ten calculator blocks. The image-classification worst case is longest at 7.06 kg, dominated by the large Li-ion battery (2.71) and the 58 mm² camera (1.47); image classification typical totals 3.41 with the battery (1.36) and camera (0.77) as its largest segments; keyword spotting at best is shortest at 0.89. The Vision and Anomaly Detection presets total 3.24 and 1.61, with a large training segment (1.0) in Vision. In every bar the processing segment (the microcontroller) is small: 0.08 to 0.29 kg."
fig, ax = plt.subplots(figsize=(9, 4.5))
colours = plt.get_cmap("tab10")
left_kg = np.zeros(len(named))
for heading_index, heading in enumerate(block_headings):
    values_kg = np.array([config.report.blocks[heading_index].kg_co2e for config in named])
    ax.barh(
        [config.name for config in named],
        values_kg,
        left=left_kg,
        label=heading,
        color=colours(heading_index),
    )
    left_kg += values_kg
ax.invert_yaxis()
ax.set_xlabel("kg CO2e per device")
ax.set_title("Footprint by block: calculator presets and the README's systems")
ax.legend(fontsize="small", loc="upper left", bbox_to_anchor=(1.0, 1.0))
fig.tight_layout()
plt.show()

# %% [markdown]
# Rank the blocks of the paper's typical image classifier. The microcontroller, the part that
# gives TinyML its name, is near the bottom.

# %%
ic_typical = estimate_system("ic-typical")
ranked = sorted(ic_typical.enabled_blocks, key=lambda block: block.kg_co2e, reverse=True)
for rank, block in enumerate(ranked, start=1):
    share_percent = 100 * block.kg_co2e / ic_typical.total_kg_co2e_raw
    print(f"{rank:>2}. {block.heading:<18} {block.kg_co2e:5.2f} kg  {share_percent:5.1f} %")

# %% [markdown]
# This is the paper's key insight, in its own words: *"The microcontroller unit (MCU) in TinyML
# devices has a relatively small footprint compared to the battery and sensing components;
# hence, TinyML devices' environmental influence rests on holistic and sustainable system
# design."* Reducing the footprint means choosing the battery, the sensor, the casing and the
# shipping route with care, not only a smaller chip.
#
# ## 4. Beside an Apple Watch and a MacBook Pro
#
# The calculator draws two reference devices next to the TinyML bar: an Apple Watch Series 7
# (34 kg CO2e, from Apple's Product Environmental Report, three years of use) and a MacBook Pro
# (349 kg CO2e; the calculator does not say which model). The figure below is the library's
# version of the calculator's chart, on a logarithmic scale as in the original. (On a
# logarithmic scale the segments of a stacked bar are not drawn to size: the ML training block
# at the bottom looks large. Use the table above to read the blocks, and the chart to compare
# the totals.)

# %% alt="Bar chart on a logarithmic scale, as the calculator draws it. The first bar is the typical image-classification TinyML device, 3.41 kg CO2e in total, stacked from its ten blocks: ML Training 0.10, Casing 0.27, Processing 0.17, PCB 0.16, Power Supply 1.36, Sensing 0.77, Others 0.11, Transport 0.40, Indicator LED UI 0.06, Use-Stage 0.01. Beside it, grey bars for the Apple Watch Series 7 at 34 kg, about 10 times as much, and the MacBook Pro at 349 kg, about 102 times as much."
fig, ax = plt.subplots(figsize=(7, 5.5))
plot_footprint(ic_typical, ax=ax)
plt.setp(ax.get_xticklabels(), rotation=15, horizontalalignment="right")
fig.tight_layout()
plt.show()

# %%
for comparison in compare_with_references(ic_typical):
    print(
        f"One {comparison.reference.name} ({comparison.reference.kg_co2e:g} kg CO2e) "
        f"= {comparison.ratio:.1f} typical image classifiers"
    )

# %% [markdown]
# The talk this course is built on summarises the comparison as **"5x to 38x savings over a
# 3-year lifespan"**. That range is the Apple Watch divided by the worst and by the best of the
# paper's systems:

# %%
savings = savings_range()  # defaults: Apple Watch S7, keyword spotting best, image class. worst
print(f"{savings.reference.name}: {savings.reference.kg_co2e:g} kg CO2e")
print(f"  / worst system {savings.worst_system_kg_co2e:.2f} kg = {savings.low_ratio:.1f}x")
print(f"  / best system  {savings.best_system_kg_co2e:.2f} kg = {savings.high_ratio:.1f}x")

# %% [markdown]
# ## 5. Embodied versus operational carbon
#
# Only one block, the use stage, depends on how the device is *used*: the electricity drawn
# over its life. The calculator's single option assumes 1 mW, continuously, for three years,
# which the README calls an average TinyML power from MLPerf Tiny. The library computes the same
# value from the formula
#
# *kg CO2e = power (W) × duty cycle × hours × grid intensity (kg CO2e/kWh) / 1000*,
#
# using the grid intensity the calculator's value implies (its source names an EPA factor but
# not which one, so the library marks it undocumented).

# %%
one_milliwatt = use_stage_kg_co2e(power_mw=1.0)
embodied_kg = ic_typical.total_kg_co2e_raw - ic_typical.block("use_stage").kg_co2e
print(f"Energy over 3 years at 1 mW: {one_milliwatt.energy_kwh:.4f} kWh")
print(f"Use stage: {one_milliwatt.kg_co2e:.4f} kg CO2e (grid: {one_milliwatt.grid.region})")
print(f"Everything else (embodied) for the typical image classifier: {embodied_kg:.2f} kg CO2e")
print(f"Embodied / operational: {embodied_kg / one_milliwatt.kg_co2e:.0f}x")

# %% [markdown]
# For a TinyML device at the calculator's 1 mW, **making it costs hundreds of times more carbon
# than running it**. Exercise 3 asks how much power it would take to change that.
#
# ## Exercises
#
# Change the values in the cells below and run them again. The published page shows the
# default values.
#
# ### Exercise 1: die area
#
# The calculator offers MCUs of 5, 10 and 17 mm². The library derives a footprint per mm² from
# those three options (a derived factor: no source states it), so you can try any die area.
# Try a large 40 mm² application processor, or a tiny 2 mm² MCU. How much does the *total*
# move? Is the result an extrapolation beyond the calculator's options?

# %%
die_area_mm2 = 25.0

mcu = mcu_by_die_area(die_area_mm2)
with_my_mcu = estimate(configure(system="ic-typical", custom={"processing": mcu.interval}))
print(
    f"MCU of {die_area_mm2:g} mm²: {mcu.kg_co2e:.2f} kg CO2e (extrapolated: {mcu.is_extrapolated})"
)
print(
    f"Typical image classifier: {ic_typical.total_kg_co2e:.2f} -> {with_my_mcu.total_kg_co2e:.2f}"
)

# %% [markdown]
# ### Exercise 2: battery
#
# The power supply is the largest block of most systems. Swap it: mains power, a typical Li-ion
# battery, or a large one. Which choice would you make for a sensor that must run for years in
# a field without a socket, and what does it cost?
#
# The library refuses options that do not exist (the online calculator would silently ignore
# them). Try a misspelt name such as `"Li-ion battery (huge)"` and read the message.

# %%
power_supply_option = "Mains powered"  # or "Li-ion battery (typical)", "Li-ion battery (large)"

try:
    swapped = estimate(
        configure(system="ic-typical", options={"power_supply": power_supply_option})
    )
except FootprintInputError as error:
    print(f"Refused: {error}")
else:
    print(f"Power supply {power_supply_option!r}: {swapped.block('power_supply').kg_co2e:.2f} kg")
    print(f"Total: {ic_typical.total_kg_co2e:.2f} -> {swapped.total_kg_co2e:.2f} kg CO2e")

# %% [markdown]
# ### Exercise 3: power
#
# 1 mW is an average. Real modules can draw far more: the Person Sensor, a camera module whose
# datasheet is in this course's datasheet gallery, declares about 150 mW. Set `power_mw` (and, if you like, `duty_cycle` between 0 and 1, or a `region` such as
# `"norway"`, `"world"` or `"india"` from the library's grid table) and find the power at which
# the use stage becomes as large as everything else put together.

# %%
power_mw = 100.0
duty_cycle = 1.0
region = "world"

use = use_stage_kg_co2e(power_mw=power_mw, duty_cycle=duty_cycle, region=region)
powered = estimate(configure(system="ic-typical", custom={"use_stage": use.interval}))
print(f"{power_mw:g} mW at duty cycle {duty_cycle:g} on the {use.grid.region} grid")
print(f"  ({use.grid.kg_co2e_per_kwh:g} kg CO2e/kWh, {use.grid.source})")
print(f"Use stage over 3 years: {use.kg_co2e:.2f} kg CO2e")
print(f"Total: {ic_typical.total_kg_co2e:.2f} -> {powered.total_kg_co2e:.2f} kg CO2e")
break_even_mw = embodied_kg / use_stage_kg_co2e(1.0, region=region).kg_co2e
print(f"Use stage equals the embodied footprint at about {break_even_mw:.0f} mW")

# %% alt="Line chart, both axes logarithmic: the three-year use-stage footprint in kg CO2e against average power from 0.1 mW to 10 W, one rising straight line per electricity grid (Norway, the calculator's implied factor, World, India). A horizontal dashed line marks the embodied footprint of the typical image classifier, 3.40 kg, and a dotted vertical line marks the calculator's 1 mW. At 1 mW every grid stays more than a hundred times below the dashed line; the lines cross it at about 180 mW (India), 270 mW (World), 310 mW (calculator's factor) and 4.3 W (Norway)."
power_range_mw = np.logspace(-1, 4, 60)
fig, ax = plt.subplots(figsize=(7, 4))
for grid_key in ("norway", "calculator-implied", "world", "india"):
    per_milliwatt = use_stage_kg_co2e(1.0, region=grid_key)
    ax.plot(power_range_mw, power_range_mw * per_milliwatt.kg_co2e, label=per_milliwatt.grid.region)
ax.axhline(embodied_kg, color="black", linestyle="--", label="Embodied, typical image classifier")
ax.axvline(1.0, color="0.6", linestyle=":")
ax.set_xscale("log")
ax.set_yscale("log")
ax.set_xlabel("Average power (mW)")
ax.set_ylabel("Use stage over 3 years (kg CO2e)")
ax.set_title("When does running a device outweigh making it?")
ax.legend(fontsize="small")
fig.tight_layout()
plt.show()

# %% [markdown]
# ### Questions to discuss
#
# 1. The calculator's presets and the paper's systems differ. Which would you quote in a
#    report, and what would you write beside the number?
# 2. Which two blocks would you work on first to halve the footprint of the typical image
#    classifier? What would the device lose?
# 3. The 1 mW use stage hides the device's real power. Where would you find the real value for
#    a product you own? (The sensor-datasheet lab returns to this question.)

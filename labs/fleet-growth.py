# ---
# title: From one device to 250 billion
# module: environmental-footprint
# duration_minutes: 40
# connectivity: none
# hardware: none
# requirements: [courseware, numpy, matplotlib]
# # ruff: noqa: E501 (alt texts sit on one cell-marker line each)
# ---

# %% [markdown]
# # From one device to 250 billion
#
# In the device-footprint lab a TinyML device cost between about 0.9 and 7 kg CO2e: between
# about a fortieth and a fifth of the 34 kg of an Apple Watch Series 7, the footprint
# calculator's reference bar (34 / 0.89 ≈ 38; 7.06 / 34 ≈ 21 %, our arithmetic). But TinyML
# is not about one device. The talk this course is built on (Brian Plancher, *Sustainable &
# Responsible TinyML*) asks: **"What if we scale to 250bn
# devices?"** and notes that *"there are around 250bn MCUs deployed today and around 15bn IoT
# devices"*.
#
# In this lab you scale the footprint of the paper's systems up to a fleet, see what happens to
# the cost of training a model when it is shared by every device, reproduce the talk's table of
# IoT growth (which cites [Statista's count of IoT connected devices](https://www.statista.com/statistics/1183457/iot-connected-devices-worldwide/)),
# and discuss Jevons' paradox.
#
# Per-device values come from the paper "Is TinyML Sustainable?" (Prakash et al., *Communications
# of the ACM* 66(11), 2023) and the TinyML CO2 Footprint Calculator's README, through this
# course's `courseware.footprint` library.

# %%
import math

import matplotlib.pyplot as plt
import numpy as np

from courseware.footprint import (
    GrowthModel,
    configure,
    deployed_mcus,
    estimate,
    estimate_system,
    fit_growth,
    fleet_footprint,
    load_calculator_data,
    milestone_table,
)

# %% [markdown]
# ## 1. The footprint of a fleet
#
# A fleet of identical devices costs the per-device footprint times the number of devices.
# Following the talk, we imagine every one of the 250 billion MCUs in use today inside a complete
# TinyML system like the paper's. The library carries each system's best-to-worst interval
# along (every block at its published best and worst case), so the fleet gets a range too.

# %%
mcu_count = deployed_mcus()
print(f"MCUs in use (seed talk): {mcu_count:,}")
print()
paper_systems = ["kws-best", "ic-typical", "ic-worst"]
print(f"{'System':<34} {'kg/device':>9} {'fleet Mt CO2e':>14} {'best-worst Mt CO2e':>19}")
for system in paper_systems:
    report = estimate_system(system)
    fleet = fleet_footprint(report, mcu_count)
    low_mt = fleet.interval.low_kg_co2e / 1e9
    high_mt = fleet.interval.high_kg_co2e / 1e9
    print(
        f"{report.label:<34} {report.total_kg_co2e:>9.2f} {fleet.total_megatonnes_co2e:>14,.1f}"
        f" {low_mt:>9,.0f} - {high_mt:<7,.0f}"
    )

# %% [markdown]
# A megatonne (Mt) is a billion kilograms. A footprint that is negligible per device becomes
# hundreds of megatonnes for the fleet. This is the paper's point: *"when globally scaled, the
# carbon footprint of TinyML systems is not negligible, necessitating that designers factor in
# environmental impact when formulating new devices."*
#
# These devices do not last for ever. The calculator's values are for a three-year life (its
# use stage and battery cover three years, to match Apple's analysis of the Apple Watch), so
# keeping a fleet of a given size running means building a third of it again every year:

# %%
lifetime_years = 3
for system in paper_systems:
    report = estimate_system(system)
    yearly = fleet_footprint(report, mcu_count / lifetime_years)
    print(f"{report.label:<34} {yearly.total_megatonnes_co2e:7,.0f} Mt CO2e per year to replace")

# %% [markdown]
# ## 2. Training, shared by the fleet
#
# The calculator adds the whole cost of training the model (0.1 kg CO2e for a DenseNet, 1.0 kg
# for MobileNetV1, for which it uses ViT-Tiny as a proxy; both after Dodge et al., FAccT 2022)
# to **every** device. But a model is trained
# once and then copied onto every device that runs it. The library can *amortise* the training
# block: `configure(training_devices=N)` divides it by N.
#
# The calculator's Vision preset, with its MobileNetV1 training, shows the effect best.

# %%
fleet_sizes = [1, 10, 100, 1_000, 1_000_000, mcu_count]
print(f"{'devices sharing the model':>26} {'training kg/device':>19} {'total kg/device':>16}")
for devices in fleet_sizes:
    shared = estimate(configure(preset="Vision", training_devices=devices))
    training_kg = shared.block("ml_training").kg_co2e
    print(f"{devices:>26,} {training_kg:>19.6f} {shared.total_kg_co2e_raw:>16.4f}")

# %% alt="Line chart with a logarithmic horizontal axis: per-device footprint in kg CO2e against the number of devices that share one trained model, from 1 to 250 billion. The Vision preset falls from 3.24 kg with one device to about 2.25 kg once a few hundred devices share its MobileNetV1 training, and stays flat after that; the typical image classifier, with DenseNet training, falls only from 3.41 to about 3.31 kg."
devices_axis = np.unique(np.round(np.logspace(0, math.log10(mcu_count), 60)))
fig, ax = plt.subplots(figsize=(7, 4))
for label, settings in [
    ("Vision preset (MobileNetV1 training)", {"preset": "Vision"}),
    ("Image classification, typical (DenseNet)", {"system": "ic-typical"}),
]:
    per_device_kg = [
        estimate(configure(**settings, training_devices=round(devices))).total_kg_co2e_raw
        for devices in devices_axis
    ]
    ax.plot(devices_axis, per_device_kg, label=label)
ax.set_xscale("log")
ax.set_ylim(bottom=0)
ax.set_xlabel("Devices sharing one trained model")
ax.set_ylabel("kg CO2e per device")
ax.set_title("Training amortised over the fleet")
ax.legend(fontsize="small", loc="lower left")
fig.tight_layout()
plt.show()

# %% [markdown]
# Once a model ships to more than a few hundred devices, its training is a rounding error per
# device, and the hardware is all that is left. Two caveats:
#
# - Amortising assumes a single training run. Hyper-parameter searches, retraining and
#   personalisation multiply the training cost.
# - It does not make training free: for the fleet as a whole, the training cost is paid once per
#   model, however many devices share it.
#
# ## 3. How fast is the number of devices growing?
#
# The talk gives a table of when the number of IoT devices, about 15 billion in 2023, would pass
# 50 billion, 100 billion, 250 billion and one trillion, under **linear** growth (the same number
# of new devices every year) and **exponential** growth (the same *percentage* every year). The
# library stores the table with its source and fits both models to it.

# %%
growth_table = load_calculator_data().growth
print(f"Source: {growth_table.source}")
print()
print(f"{'devices':>18} {'linear: seed':>13} {'model':>6} {'exponential: seed':>18} {'model':>6}")
for row in milestone_table():
    print(
        f"{row.devices:>18,} {row.seed_linear_year:>13} {row.model_linear_year:>6}"
        f" {row.seed_exponential_year:>18} {row.model_exponential_year:>6}"
    )

# %%
linear = fit_growth("linear")
exponential = fit_growth("exponential")
doubling_years = math.log(2) / exponential.rate
print(f"Linear model: {linear.rate / 1e9:.2f} billion new devices per year")
print(f"Exponential model: {100 * (math.exp(exponential.rate) - 1):.1f} % more devices per year")
print(f"  the number of devices doubles every {doubling_years:.1f} years")

# %% [markdown]
# Both models reproduce every year of the talk's table. The rates are what the table implies,
# not forecasts of their own: the two scenarios bracket what might happen.

# %% alt="Line chart with a logarithmic vertical axis: number of IoT devices from 2023 to 2150 under two models that start at 15 billion in 2023. The exponential line rises steeply and passes 50 billion in 2032, 100 billion in 2036, 250 billion in 2043 and one trillion in 2053, where it stops; the linear line rises slowly and passes 50 billion in 2041, 100 billion in 2067 and 250 billion in 2144. Markers show the talk's table years, which sit on the lines; the linear trillion, in 2531, is off the chart."
years = np.linspace(2023, 2150, 1000)
trillion = 1e12
fig, ax = plt.subplots(figsize=(8, 4.5))
for model, colour in [(linear, "tab:blue"), (exponential, "tab:red")]:
    counts = np.array([model.devices_in(year) for year in years])
    shown = counts <= trillion * 1.0001
    ax.plot(years[shown], counts[shown], color=colour, label=f"{model.kind} model")
for milestone in growth_table.milestones:
    ax.plot(milestone.linear_year, milestone.devices, "o", color="tab:blue")
    ax.plot(milestone.exponential_year, milestone.devices, "s", color="tab:red")
ax.set_yscale("log")
ax.set_xlim(2020, 2150)
ax.set_xlabel("Year")
ax.set_ylabel("IoT devices")
ax.set_title("IoT growth: the talk's table (markers) and the fitted models (lines)")
ax.legend()
fig.tight_layout()
plt.show()

# %% [markdown]
# ## 4. Efficiency against growth: Jevons' paradox
#
# In *The Coal Question* (1865), the economist William Stanley Jevons observed that more
# efficient steam engines did not reduce Britain's coal use: cheaper power made engines worth
# using for more things, and total consumption rose. This is **Jevons' paradox**: making each
# unit more efficient can *increase* the total, because efficiency makes the technology cheaper
# and more attractive.
#
# The talk lists Jevons' paradox among the limits of the footprint analysis. TinyML's selling
# points (cheap, low power, small) are exactly what could put a sensor in everything. We cannot
# compute how much growth efficiency causes; but we can compute how quickly growth *cancels* a
# gain in efficiency.
#
# Suppose every device were redesigned from the typical image classifier to the best-case
# keyword spotter, a large cut in footprint per device. How many years of exponential growth
# bring the fleet's footprint back to where it started?

# %%
before = estimate_system("ic-typical").total_kg_co2e_raw
after = estimate_system("kws-best").total_kg_co2e_raw
improvement = before / after
years_to_cancel = math.log(improvement) / exponential.rate
print(f"Per device: {before:.2f} -> {after:.2f} kg CO2e, {improvement:.1f}x less")
print(f"Exponential growth cancels that in {years_to_cancel:.1f} years")

# %% alt="Line chart with a logarithmic vertical axis: life-cycle footprint of all IoT devices in use, in megatonnes CO2e, 2023 to 2060. Four lines: exponential growth (solid) and linear growth (dashed), each with typical image classifiers (3.41 kg each) and with best-case keyword spotters (0.89 kg each). A dotted horizontal line marks today's level, 15 billion typical image classifiers, about 51 Mt. Both keyword-spotter lines start 3.8 times lower, at about 13 Mt; the exponential one crosses the dotted line in 2032 or 2033, the linear one around 2045. By 2060 exponential growth reaches about 9,300 Mt with image classifiers and 2,400 Mt with keyword spotters."
years = np.arange(2023, 2061)
fig, ax = plt.subplots(figsize=(8, 4.5))
for model, style in [(exponential, "-"), (linear, "--")]:
    for system_kg, system_name, colour in [
        (before, "typical image classifier", "tab:orange"),
        (after, "best-case keyword spotter", "tab:green"),
    ]:
        fleet_mt = [model.devices_in(year) * system_kg / 1e9 for year in years]
        ax.plot(years, fleet_mt, style, color=colour, label=f"{model.kind}, {system_name}")
today_mt = growth_table.base_devices * before / 1e9
ax.axhline(today_mt, color="black", linestyle=":", label="today, typical image classifiers")
ax.set_yscale("log")
ax.set_xlabel("Year")
ax.set_ylabel("Footprint of all devices in use (Mt CO2e)")
ax.set_title("A 3.8x cut per device against growth")
ax.legend(fontsize="small")
fig.tight_layout()
plt.show()

# %% [markdown]
# At the talk's exponential rate, the whole gain from a much leaner design is gone in under ten
# years. Efficiency per device is necessary, but it does not by itself make a growing
# technology sustainable. Other levers are the number of devices, their lifetime, reuse and
# repair, and what the devices *save* in other sectors (the benefit side of the paper's
# argument, which a footprint does not measure).
#
# ## Exercises
#
# Change the values in the cells below and run them again. The published page shows the
# default values.
#
# ### Exercise 1: your own fleet
#
# Pick a product (a smart thermostat, a wildlife camera, a keyword-spotting toy), choose the
# system closest to it (`"kws-best"`, `"kws-typical"`, `"ad-typical"`, `"ic-typical"` or
# `"ic-worst"`) and a number of units sold. How does the footprint compare with a number you look
# up yourself, such as a city's or a country's yearly emissions?

# %%
my_system = "kws-typical"
my_device_count = 50_000_000

my_fleet = fleet_footprint(estimate_system(my_system), my_device_count)
print(f"{my_device_count:,} x {my_fleet.kg_co2e_per_device:.2f} kg CO2e")
print(f"= {my_fleet.total_tonnes_co2e:,.0f} t CO2e ({my_fleet.total_megatonnes_co2e:.3f} Mt)")

# %% [markdown]
# ### Exercise 2: lifetime
#
# A device that lasts longer is replaced less often. Change `device_lifetime_years` and see how
# the yearly cost of keeping 250 billion devices in service changes. (A longer life may need a
# bigger battery: go back to the device-footprint lab to see what that costs.)

# %%
device_lifetime_years = 6

replaced_per_year = mcu_count / device_lifetime_years
yearly_fleet = fleet_footprint(estimate_system("kws-best"), replaced_per_year)
print(f"{replaced_per_year:,.0f} devices built per year")
print(f"{yearly_fleet.total_megatonnes_co2e:,.0f} Mt CO2e per year (best-case keyword spotters)")

# %% [markdown]
# ### Exercise 3: a different growth rate
#
# The talk's exponential scenario grows about 15 % a year. Build a model of your own with a
# different yearly growth and see when it reaches 250 billion devices, and how long it takes to
# cancel the 3.8x efficiency gain of section 4.

# %%
yearly_growth_percent = 8.0

my_model = GrowthModel(
    kind="exponential",
    base_year=growth_table.base_year,
    base_devices=float(growth_table.base_devices),
    rate=math.log(1 + yearly_growth_percent / 100),
)
print(f"{yearly_growth_percent:g} % a year reaches 250 billion in {my_model.milestone_year(250e9)}")
print(f"and cancels a {improvement:.1f}x gain in {math.log(improvement) / my_model.rate:.1f} years")

# %% [markdown]
# ### Questions to discuss
#
# 1. The fleet numbers assume every MCU is a full TinyML system with a battery and a sensor. Is
#    that an overestimate or an underestimate, and why?
# 2. Jevons' paradox says efficiency can raise total use. Name one TinyML application where that
#    seems likely, and one where the devices replace something with a larger footprint.
# 3. If a TinyML sensor helps a building cut its energy use, how would you weigh that benefit
#    against the sensor's footprint? What data would you need?

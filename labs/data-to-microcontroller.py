# ---
# title: From data to a microcontroller, in numpy
# module: from-data-to-microcontroller
# duration_minutes: 45
# connectivity: none
# hardware: none
# requirements: [courseware, numpy, matplotlib]
# # ruff: noqa: E501 (alt texts sit on one cell-marker line each)
# ---

# %% [markdown]
# # From data to a microcontroller, in numpy
#
# A TinyML project goes through four steps: **collect** data, **train** a model, **quantise**
# it so that it fits, and **deploy** it on a board. This lab walks through all four on a
# gesture recogniser for a wrist-worn accelerometer, without a board and without a network:
#
# 1. it *generates* the data (a synthetic three-axis accelerometer signal for four gestures),
#    because a lab that must run offline on any laptop cannot collect real data;
# 2. it extracts a few simple features and trains a small neural network with plain numpy;
# 3. it quantises the network to 8-bit integers (int8) and runs it with integer arithmetic only,
#    as a microcontroller without a floating-point unit would;
# 4. it counts the bytes and the multiply-accumulates the model needs and checks them against a
#    microcontroller's flash and RAM.
#
# Everything is seeded, so every run prints the same numbers. The data is synthetic: the
# accuracy you get here says how well the pipeline works on *this* signal, not how well a
# gesture recogniser works on people. The module "From data to a microcontroller" explains
# what changes with real data.

# %%
import matplotlib.pyplot as plt
import numpy as np

from courseware.footprint import load_calculator_data

rng = np.random.default_rng(18)

# %% [markdown]
# ## 1. Collect: a synthetic accelerometer
#
# An accelerometer measures acceleration along three axes, in units of *g* (9.81 m/s²). At rest
# it still reads 1 g: gravity, pointing down. Our imaginary sensor samples **50 times a second**
# and we cut the stream into **windows of 2 seconds** (100 samples per axis). Each window gets
# one of four labels:
#
# - **rest**: the arm is still; only gravity, a slow drift and noise;
# - **wave**: side to side, mostly along x, 1 to 2.5 times a second;
# - **circle**: the hand draws a circle, so x and y oscillate a quarter-turn apart;
# - **punch**: one sharp jab along z, then a recoil.
#
# Every window also gets a random tilt (so gravity is not always on z), a random size and speed
# of movement and sensor noise. These are choices of this lab, meant to make the task neither
# trivial nor impossible; real gestures vary in ways no generator knows.

# %%
SAMPLE_RATE_HZ = 50
WINDOW_SECONDS = 2
SAMPLES = SAMPLE_RATE_HZ * WINDOW_SECONDS
CLASSES = ["rest", "wave", "circle", "punch"]
WINDOWS_PER_CLASS = 200
NOISE_G = 0.18

time_s = np.arange(SAMPLES) / SAMPLE_RATE_HZ


def gesture_window(label: str) -> np.ndarray:
    """One window of three-axis acceleration in g, shape (3, SAMPLES)."""
    tilt = rng.normal(0, 0.25, 2)
    gravity = np.array([np.sin(tilt[0]), np.sin(tilt[1]), 1.0])
    signal = np.tile((gravity / np.linalg.norm(gravity))[:, None], (1, SAMPLES))
    phase = rng.uniform(0, 2 * np.pi)
    if label == "rest":
        drift = 0.05 * np.sin(2 * np.pi * rng.uniform(0.1, 0.5) * time_s)
        signal += drift[None, :] * rng.normal(size=(3, 1))
    elif label == "wave":
        speed_hz, size_g = rng.uniform(1.0, 2.5), rng.uniform(0.25, 1.0)
        signal[0] += size_g * np.sin(2 * np.pi * speed_hz * time_s + phase)
        wobble = rng.uniform(0, 0.5) * size_g
        signal[1] += wobble * np.sin(2 * np.pi * speed_hz * time_s + phase + rng.uniform(0, np.pi))
    elif label == "circle":
        speed_hz, size_g = rng.uniform(0.7, 1.6), rng.uniform(0.25, 0.9)
        signal[0] += size_g * np.sin(2 * np.pi * speed_hz * time_s + phase)
        signal[1] += size_g * rng.uniform(0.3, 1.0) * np.cos(2 * np.pi * speed_hz * time_s + phase)
    elif label == "punch":
        centre_s, width_s = rng.uniform(0.4, 1.6), rng.uniform(0.05, 0.15)
        size_g = rng.uniform(0.5, 2.0)
        jab = np.exp(-(((time_s - centre_s) / width_s) ** 2))
        recoil = np.exp(-(((time_s - centre_s - 2 * width_s) / width_s) ** 2))
        signal[2] += size_g * (jab - 0.4 * recoil)
        signal[0] += 0.3 * size_g * jab * rng.normal()
    return signal + rng.normal(0, NOISE_G, signal.shape)


windows = np.array([gesture_window(c) for c in CLASSES for _ in range(WINDOWS_PER_CLASS)])
labels = np.repeat(np.arange(len(CLASSES)), WINDOWS_PER_CLASS)
print(f"{len(windows)} windows of {SAMPLES} samples x 3 axes; {WINDOWS_PER_CLASS} per gesture")

# %% alt="Four small line charts in a two-by-two grid, one per gesture (rest, wave, circle, punch), each showing two seconds of one synthetic window: the x, y and z acceleration in g against time. Rest is three flat noisy lines near 0, 0 and 1 g; wave swings the x line up and down several times; circle moves x and y a quarter-turn apart, in this example so gently that the noise almost hides it; punch is flat except for one sharp spike on z to almost 3 g near one second, then a dip."
fig, axes = plt.subplots(2, 2, figsize=(8, 4.4), dpi=80, sharex=True, sharey=True)
for index, (ax, name) in enumerate(zip(axes.flat, CLASSES, strict=True)):
    example = windows[index * WINDOWS_PER_CLASS]
    for axis, colour in zip("xyz", ["tab:blue", "tab:orange", "tab:green"], strict=True):
        # Noisy lines drawn without antialiasing keep the picture light for slow connections.
        ax.plot(time_s, example["xyz".index(axis)], color=colour, label=axis, antialiased=False)
    ax.set_title(name)
for ax in axes[1]:
    ax.set_xlabel("time (s)")
for ax in axes[:, 0]:
    ax.set_ylabel("acceleration (g)")
axes[0, 0].legend(loc="lower left", fontsize="small", ncol=3)
fig.tight_layout()
plt.show()

# %% [markdown]
# ## 2. Train: features and a small network
#
# A window has 300 numbers. Instead of feeding them all to the network, we compute **five
# features per axis**: mean, standard deviation, minimum, maximum and the mean absolute
# change from one sample to the next. That makes 15 numbers per window. Features like these
# are cheap to compute on a microcontroller and make the network much smaller (section 4
# counts how much).
#
# We keep 30 % of the windows aside as a **test set** that the network never sees while it
# learns, and standardise each feature with the mean and standard deviation of the training
# set (the device must store those 30 numbers too).


# %%
def extract_features(batch: np.ndarray) -> np.ndarray:
    """Mean, std, min, max and mean absolute change of each axis: 15 numbers per window."""
    change = np.abs(np.diff(batch, axis=-1)).mean(axis=-1)
    parts = [batch.mean(-1), batch.std(-1), batch.min(-1), batch.max(-1), change]
    return np.concatenate(parts, axis=-1)


features = extract_features(windows)
order = rng.permutation(len(labels))
train, test = order[: int(0.7 * len(order))], order[int(0.7 * len(order)) :]
feature_mean, feature_std = features[train].mean(axis=0), features[train].std(axis=0)
inputs = (features - feature_mean) / feature_std
print(f"features per window: {inputs.shape[1]}; training windows: {len(train)}, test: {len(test)}")

# %% [markdown]
# The network has one hidden layer of 16 units with ReLU and an output layer of four scores,
# one per gesture. It learns by **gradient descent** on the cross-entropy loss: 400 passes
# over the training set, each nudging every weight a little in the direction that lowers the
# loss. This is exactly what frameworks such as TensorFlow do, without the framework.

# %%
HIDDEN = 16
EPOCHS = 400
LEARNING_RATE = 0.5

n_inputs, n_classes = inputs.shape[1], len(CLASSES)
w1 = rng.normal(0, np.sqrt(2 / n_inputs), (n_inputs, HIDDEN))
b1 = np.zeros(HIDDEN)
w2 = rng.normal(0, np.sqrt(2 / HIDDEN), (HIDDEN, n_classes))
b2 = np.zeros(n_classes)
targets = np.eye(n_classes)[labels[train]]

losses = []
for _ in range(EPOCHS):
    hidden = np.maximum(inputs[train] @ w1 + b1, 0)
    scores = hidden @ w2 + b2
    scores -= scores.max(axis=1, keepdims=True)
    probabilities = np.exp(scores) / np.exp(scores).sum(axis=1, keepdims=True)
    losses.append(-np.log(probabilities[np.arange(len(train)), labels[train]]).mean())
    grad_scores = (probabilities - targets) / len(train)
    grad_hidden = (grad_scores @ w2.T) * (hidden > 0)
    w2 -= LEARNING_RATE * hidden.T @ grad_scores
    b2 -= LEARNING_RATE * grad_scores.sum(axis=0)
    w1 -= LEARNING_RATE * inputs[train].T @ grad_hidden
    b1 -= LEARNING_RATE * grad_hidden.sum(axis=0)


def predict_float(batch: np.ndarray) -> np.ndarray:
    """The trained network in float32 arithmetic, as on a laptop."""
    return (np.maximum(batch @ w1 + b1, 0) @ w2 + b2).argmax(axis=1)


float_predictions = predict_float(inputs)
float_accuracy = (float_predictions[test] == labels[test]).mean()
print(f"loss after {EPOCHS} passes: {losses[-1]:.3f}")
train_accuracy = (float_predictions[train] == labels[train]).mean()
print(f"float accuracy: train {train_accuracy:.1%}, test {float_accuracy:.1%}")

# %% alt="Line chart of the training loss (cross-entropy) against the pass over the training set, from 1 to 400. The loss starts near 2.1, falls steeply to about 0.25 during the first 50 passes and then flattens out, ending near 0.12."
fig, ax = plt.subplots(figsize=(6, 3))
ax.plot(np.arange(1, EPOCHS + 1), losses)
ax.set_xlabel("pass over the training set")
ax.set_ylabel("training loss")
ax.set_title("Gradient descent, 400 passes")
fig.tight_layout()
plt.show()

# %% [markdown]
# ## 3. Quantise: int8 weights and activations
#
# Microcontrollers are short of memory and many have no floating-point unit. **Quantisation**
# stores each number as an 8-bit integer `q` between -127 and 127 together with one scale `s`
# per tensor, so that the real value is about `s × q`. This lab uses the simplest scheme,
# **symmetric per-tensor** quantisation: `s = max(|x|) / 127`.
#
# - Weights are known after training, so their scales come from the weights themselves.
# - Activations (the inputs and the hidden layer) change with every window, so their scales
#   come from a **calibration** pass over the training data.
# - Biases are stored as 32-bit integers with the scale `s_input × s_weight`, so they can be
#   added straight into the 32-bit accumulator.
#
# Inference then uses integers only: int8 × int8 products summed in an int32 accumulator,
# then a **requantisation** multiply that brings the hidden layer back to int8. (On a real
# device that multiplier is itself a fixed-point integer and a shift; it is printed here as a
# decimal.) The last layer needs no requantisation: the largest score wins whatever its scale.

# %%
BITS = 8
LEVELS = 2 ** (BITS - 1) - 1  # 127 for int8


def scale_of(values: np.ndarray) -> float:
    return float(np.abs(values).max()) / LEVELS


def quantise(values: np.ndarray, scale: float) -> np.ndarray:
    return np.clip(np.round(values / scale), -LEVELS, LEVELS).astype(np.int32)


input_scale = scale_of(inputs[train])
hidden_scale = float(np.maximum(inputs[train] @ w1 + b1, 0).max()) / LEVELS
w1_scale, w2_scale = scale_of(w1), scale_of(w2)
w1_q, w2_q = quantise(w1, w1_scale), quantise(w2, w2_scale)
b1_q = np.round(b1 / (input_scale * w1_scale)).astype(np.int32)
b2_q = np.round(b2 / (hidden_scale * w2_scale)).astype(np.int32)
requantise = input_scale * w1_scale / hidden_scale


def predict_int(batch: np.ndarray) -> np.ndarray:
    """The quantised network: integer inputs, integer weights, int32 accumulators."""
    x_q = quantise(batch, input_scale)
    accumulator = x_q @ w1_q + b1_q
    hidden = np.round(np.maximum(accumulator, 0) * requantise)
    hidden_q = np.clip(hidden, 0, LEVELS).astype(np.int32)
    return (hidden_q @ w2_q + b2_q).argmax(axis=1)


int_predictions = predict_int(inputs)
int_accuracy = (int_predictions[test] == labels[test]).mean()
print(f"scales: input {input_scale:.4f}, w1 {w1_scale:.4f}, hidden {hidden_scale:.4f}, ", end="")
print(f"w2 {w2_scale:.4f}")
print(f"requantisation multiplier: {requantise:.6f}")
print(f"test accuracy: float {float_accuracy:.1%}, int{BITS} {int_accuracy:.1%}")
agreement = (int_predictions[test] == float_predictions[test]).mean()
print(f"the int{BITS} model agrees with the float model on {agreement:.1%} of test windows")


# %% alt="Two confusion matrices side by side, float model on the left and int8 model on the right, each a four-by-four grid of test-window counts with the true gesture on the rows and the predicted gesture on the columns (rest, wave, circle, punch). Both are almost identical, with about 92 percent of the 240 windows on the diagonal: the main mistake is circles taken for waves (13 of 60 circles in both), then waves taken for circles (4 in float, 3 in int8); rest and punch are almost always right."
def confusion(predicted: np.ndarray) -> np.ndarray:
    matrix = np.zeros((n_classes, n_classes), dtype=int)
    np.add.at(matrix, (labels[test], predicted[test]), 1)
    return matrix


fig, axes = plt.subplots(1, 2, figsize=(9, 4))
for ax, (name, predicted) in zip(
    axes, [("float32", float_predictions), (f"int{BITS}", int_predictions)], strict=True
):
    matrix = confusion(predicted)
    ax.imshow(matrix, cmap="Blues")
    for (row, col), count in np.ndenumerate(matrix):
        ax.text(
            col,
            row,
            str(count),
            ha="center",
            va="center",
            color="white" if count > matrix.max() / 2 else "black",
        )
    ax.set_xticks(range(n_classes), CLASSES)
    ax.set_yticks(range(n_classes), CLASSES)
    ax.set_xlabel("predicted")
    ax.set_ylabel("true")
    ax.set_title(f"{name}: {(predicted[test] == labels[test]).mean():.1%} of test windows")
fig.tight_layout()
plt.show()

# %% [markdown]
# ## 4. Deploy: bytes and arithmetic against a budget
#
# What must the device hold?
#
# - **Flash** (read-only, keeps its contents without power): the weights, biases and scales,
#   the feature normalisation constants, and the program itself.
# - **RAM** (working memory): the window of samples being collected, the features and the
#   activations of the layer being computed.
#
# We count the model's parameters and their bytes in float32 (4 bytes each) and quantised
# (1 byte per weight, 4 bytes per int32 bias, 4 bytes per float scale), and the
# **multiply-accumulates** (MACs) of one inference: one per weight of a dense layer.

# %%
weights = w1.size + w2.size
biases = b1.size + b2.size
normalisation = feature_mean.size + feature_std.size
scales = 5  # input, w1, hidden, w2 and the requantisation multiplier

float_flash_bytes = 4 * (weights + biases + normalisation)
int_flash_bytes = weights * BITS // 8 + 4 * biases + 4 * (normalisation + scales)
model_macs = w1.size + w2.size

RAW_SAMPLE_BYTES = 2  # one accelerometer reading stored as a 16-bit integer (a choice of this lab)
window_ram_bytes = 3 * SAMPLES * RAW_SAMPLE_BYTES
# Features in float and in int8, the hidden layer's int32 accumulators and int8 values, and
# the int32 scores: all small next to the window of samples.
activation_ram_bytes = 4 * n_inputs + 1 * n_inputs + 4 * HIDDEN + HIDDEN + 4 * n_classes
# About one operation per sample for each of the 5 features on each of the 3 axes.
feature_operations = 3 * 5 * SAMPLES

print(f"parameters: {weights} weights + {biases} biases = {weights + biases}")
shrink = float_flash_bytes / int_flash_bytes
print(f"model in flash: float32 {float_flash_bytes:,} bytes, ", end="")
print(f"int{BITS} {int_flash_bytes:,} bytes ({shrink:.1f}x smaller)")
print(f"MACs per inference: {model_macs} ({n_inputs}x{HIDDEN} + {HIDDEN}x{n_classes})")
print(f"feature extraction: about {feature_operations:,} operations per window")
print(f"RAM: window buffer {window_ram_bytes:,} bytes ", end="")
print(f"+ features and activations {activation_ram_bytes} bytes")

# %% [markdown]
# Feature extraction costs **more arithmetic than the network** here, and the window buffer
# takes more RAM than all the activations. With a model this small, the rest of the pipeline
# matters: count all of it, not only the model.
#
# What would the network cost *without* features, fed the 300 raw samples directly?

# %%
raw_inputs = 3 * SAMPLES
raw_macs = raw_inputs * HIDDEN + HIDDEN * n_classes
raw_int_flash_bytes = raw_macs + 4 * (HIDDEN + n_classes) + 4 * scales
print(f"raw-sample network: {raw_macs:,} MACs, about {raw_int_flash_bytes:,} bytes of int8 model")
print(f"that is {raw_macs / model_macs:.0f}x the MACs of the feature network")

# %% [markdown]
# ### Does it fit?
#
# **Enter your board's figures here.** The course's sources do not give the flash and RAM of
# a particular development board, so the values below are **examples only**: 256 kB of flash
# and 64 kB of RAM, the figures of the *illustrative* vibration sensor datasheet that ships
# with this course (`curriculum/sensors/illustrative-vibration-sensor.yaml`), which describes no
# real product. Look up your own microcontroller's datasheet and change them.
#
# The program (the inference code, the sensor driver, any runtime library) also needs flash and
# RAM. How much depends on the toolchain and is not given by our sources; the
# `PROGRAM_*` values below are placeholders that you should replace with what your build
# reports.

# %%
BOARD_NAME = "example board (illustrative figures, not a real product)"
BOARD_FLASH_BYTES = 256 * 1024  # example value: replace with your board's
BOARD_RAM_BYTES = 64 * 1024  # example value: replace with your board's
PROGRAM_FLASH_BYTES = 0  # placeholder: what your toolchain reports for code and runtime
PROGRAM_RAM_BYTES = 0  # placeholder: stack, heap, driver buffers

flash_needed = int_flash_bytes + PROGRAM_FLASH_BYTES
ram_needed = window_ram_bytes + activation_ram_bytes + PROGRAM_RAM_BYTES
print(f"{BOARD_NAME}")
for memory, needed, budget in [
    ("flash:", flash_needed, BOARD_FLASH_BYTES),
    ("RAM:  ", ram_needed, BOARD_RAM_BYTES),
]:
    print(
        f"{memory} {needed:,} of {budget:,} bytes ({needed / budget:.2%}); fits: {needed <= budget}"
    )

# %% [markdown]
# Our gesture model is tiny. For scale, here are the int8 models of the two ML sensor
# datasheets this course uses (the "ML sensors and their datasheets" module): the PA1 person
# detection module's MobileNetV1 (96 × 96 grey image) and the Person Sensor's face detector
# (RetinaFace, 192 × 144). The PA1 datasheet writes its unit as "Kb", which could mean
# kilobits or kilobytes; the chart reads it as kilobytes, the larger of the two.

# %% alt="Horizontal bar chart with a logarithmic axis in kilobytes comparing flash and RAM. The int8 gesture model of this lab needs about half a kilobyte of flash and under one kilobyte of RAM, window buffer included; the PA1 person detector's published figures are 309.5 and 131, and the Person Sensor face detector's are 449 and 442.6; vertical dashed lines mark the example budget of 256 kB flash and 64 kB RAM, which the gesture model fits easily and both person models exceed."
published = [
    (
        "gesture model (this lab, int8)",
        int_flash_bytes / 1024,
        (window_ram_bytes + activation_ram_bytes) / 1024,
    ),
    ("PA1 person detector (datasheet Rev. 3, 'Kb')", 309.5, 131.0),
    ("Person Sensor face detector (datasheet Rev. 2)", 449.0, 442.6),
]
fig, ax = plt.subplots(figsize=(8, 3.6))
positions = np.arange(len(published))
ax.barh(
    positions + 0.2, [row[1] for row in published], height=0.4, label="flash (kB)", color="tab:blue"
)
ax.barh(
    positions - 0.2, [row[2] for row in published], height=0.4, label="RAM (kB)", color="tab:orange"
)
ax.axvline(BOARD_FLASH_BYTES / 1024, color="tab:blue", linestyle="--", label="example flash budget")
ax.axvline(BOARD_RAM_BYTES / 1024, color="tab:orange", linestyle="--", label="example RAM budget")
ax.set_yticks(positions, [row[0] for row in published])
ax.set_xscale("log")
ax.set_xlabel("kilobytes (log scale)")
ax.set_title("Model memory against an example budget")
ax.legend(fontsize="small", loc="lower right")
fig.tight_layout()
plt.show()

# %% [markdown]
# The PA1 datasheet also reports what quantisation cost its person detector: **76.3 %**
# accuracy in float32 and **75.5 %** in int8 (open-source datasheet Rev. 3, p. 23). Compare
# that drop with the one you measured in section 3.
#
# ## 5. What the chip costs the planet
#
# A model that fits a smaller microcontroller may let you choose a smaller chip. The TinyML
# CO2 Footprint Calculator (used in the "environmental footprint" module) counts the
# microcontroller's carbon by its die area. Its processing options, from this course's footprint
# library:

# %%
processing = next(block for block in load_calculator_data().blocks if block.key == "processing")
for option in processing.options:
    print(f"{option.label:<12} {option.kg_co2e:.2f} kg CO2e per device  ({option.source})")

# %% [markdown]
# The calculator does not link die area to flash or RAM, and our sources give no figures for
# that link, so this lab does not compute one. Treat the table as the range a choice of chip
# moves within.
#
# ## Exercises
#
# Change the values in the cells below and run them again. The published page shows the
# default values.
#
# ### Exercise 1: fewer bits
#
# Quantise to 4 bits instead of 8: the same scheme with integers from -7 to 7. How much
# accuracy is lost, and how much flash would the weights save if two 4-bit weights shared a
# byte?


# %%
def accuracy_with_bits(bits: int) -> float:
    """Test accuracy with weights and activations quantised to ``bits`` bits (same scheme)."""
    levels = 2 ** (bits - 1) - 1

    def q(values: np.ndarray, scale: float) -> np.ndarray:
        return np.clip(np.round(values / scale), -levels, levels).astype(np.int32)

    s_in = float(np.abs(inputs[train]).max()) / levels
    s_hidden = float(np.maximum(inputs[train] @ w1 + b1, 0).max()) / levels
    s_w1, s_w2 = float(np.abs(w1).max()) / levels, float(np.abs(w2).max()) / levels
    accumulator = q(inputs, s_in) @ q(w1, s_w1) + np.round(b1 / (s_in * s_w1)).astype(np.int32)
    hidden_q = np.clip(np.round(np.maximum(accumulator, 0) * s_in * s_w1 / s_hidden), 0, levels)
    b2_bits = np.round(b2 / (s_hidden * s_w2)).astype(np.int32)
    scores = hidden_q.astype(np.int32) @ q(w2, s_w2) + b2_bits
    return float((scores.argmax(axis=1)[test] == labels[test]).mean())


for bits in (8, 6, 4, 3, 2):
    weight_bytes = weights * bits / 8
    bits_accuracy = accuracy_with_bits(bits)
    print(f"{bits} bits: test accuracy {bits_accuracy:.1%}; weights {weight_bytes:,.0f} bytes")

# %% [markdown]
# ### Exercise 2: your board
#
# Put your own board's flash and RAM into the "Does it fit?" cell above, and the sizes your
# toolchain reports for the program. How many copies of this model would fit? Which runs out
# first, flash or RAM?
#
# ### Exercise 3: a longer window
#
# Change `WINDOW_SECONDS` to 4 at the top of section 1 and run the whole lab again. What happens
# to the window buffer, to the feature arithmetic, to the network's MACs, and to the accuracy?
# Why does the network's size not change?
#
# ### Questions to discuss
#
# 1. The data here is synthetic. Name three ways in which real accelerometer data from your
#    learners' wrists would differ, and what each would do to the accuracy.
# 2. The test set was drawn from the same generator as the training set. What would a fair test
#    of a gesture recogniser meant for a whole class look like?
# 3. The int8 model agreed with the float model on almost every window. When would you expect
#    quantisation to hurt more?

"""Evaluate many calculator configurations at once with numpy (for sweeps and the benchmark).

A configuration is a row of option indices, one per block in display order, and optionally a
row of enabled flags. Totals are accumulated block by block in display order, the same order
:func:`courseware.footprint.estimate.estimate` uses, so each total equals the one-by-one result
exactly, not just approximately.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np
import numpy.typing as npt

from courseware import problem_codes as codes
from courseware.footprint.data import load_calculator_data
from courseware.footprint.errors import FootprintInputError, InputProblem
from courseware.footprint.estimate import configure
from courseware.footprint.model import Configuration

IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]
FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class OptionTable:
    """The option values of every block as a padded matrix (NaN where a block has no option)."""

    block_keys: tuple[str, ...]
    values_kg_co2e: FloatArray
    option_counts: IntArray


@cache
def option_table() -> OptionTable:
    """Return the calculator's option values as a ``(blocks, max options)`` matrix."""
    blocks = load_calculator_data().blocks
    width = max(len(block.options) for block in blocks)
    values = np.full((len(blocks), width), np.nan)
    for row, block in enumerate(blocks):
        values[row, : len(block.options)] = [option.kg_co2e for option in block.options]
    values.setflags(write=False)
    counts = np.array([len(block.options) for block in blocks], dtype=np.int64)
    counts.setflags(write=False)
    return OptionTable(tuple(block.key for block in blocks), values, counts)


def random_option_indices(count: int, seed: int | None = None) -> IntArray:
    """Return ``count`` random configurations as option indices, uniform within each block."""
    table = option_table()
    generator = np.random.default_rng(seed)
    uniform = generator.random((count, len(table.block_keys)))
    return np.floor(uniform * table.option_counts).astype(np.int64)


def evaluate_many(indices: IntArray, enabled: BoolArray | None = None) -> FloatArray:
    """Return the total kg CO2e of every row of option indices.

    Args:
        indices: Shape ``(n, 10)``: the option index of each block, in display order.
        enabled: Same shape, ``True`` where the block counts; all blocks count by default.

    Raises:
        FootprintInputError: For a wrong shape or an index outside a block's options.
    """
    table = option_table()
    blocks = len(table.block_keys)
    index_array = np.asarray(indices)
    problems: list[InputProblem] = []
    if index_array.ndim != 2 or index_array.shape[1] != blocks:
        message = f"expected shape (n, {blocks}), got {index_array.shape}"
        problems.append(
            InputProblem("indices", None, index_array.shape, message, code=codes.FP_WRONG_SHAPE)
        )
    elif not np.issubdtype(index_array.dtype, np.integer):
        message = f"expected integer indices, got dtype {index_array.dtype}"
        problems.append(
            InputProblem("indices", None, index_array.dtype, message, code=codes.FP_WRONG_SHAPE)
        )
    elif ((index_array < 0) | (index_array >= table.option_counts)).any():
        message = "an index is outside its block's options"
        problems.append(InputProblem("indices", None, None, message, code=codes.FP_OUT_OF_RANGE))
    if enabled is not None and np.shape(enabled) != index_array.shape:
        message = f"expected the shape of indices, got {np.shape(enabled)}"
        problems.append(
            InputProblem("enabled", None, np.shape(enabled), message, code=codes.FP_WRONG_SHAPE)
        )
    if problems:
        raise FootprintInputError(problems)
    totals = np.zeros(index_array.shape[0], dtype=np.float64)
    for column in range(blocks):
        values = table.values_kg_co2e[column, index_array[:, column]]
        if enabled is not None:
            values = np.where(np.asarray(enabled)[:, column], values, 0.0)
        totals += values
    return totals


def configuration_from_indices(
    row: IntArray | list[int], enabled: BoolArray | list[bool] | None = None
) -> Configuration:
    """Return the :class:`Configuration` of one row of option indices (for one-by-one checks)."""
    data = load_calculator_data()
    options = {
        block.key: block.options[int(index)].label
        for block, index in zip(data.blocks, row, strict=True)
    }
    disabled = (
        []
        if enabled is None
        else [block.key for block, flag in zip(data.blocks, enabled, strict=True) if not flag]
    )
    return configure(options=options, disabled=disabled)

"""Tests of courseware.labs.cache: records keep every field of a warning, and a damaged
record is a cache miss with a warning, never a traceback."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path

import nbformat
import pytest

from courseware.labs import LabCache, LabProblem

KEY = "a" * 64


def _store(cache: LabCache) -> None:
    warning = LabProblem("labs/x.py", 12, None, "slow cell", severity="warning", cell=3)
    notebook = nbformat.v4.new_notebook()  # type: ignore[no-untyped-call]
    executed = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    entry = cache.store("x", KEY, notebook, executed, 1.5, (warning,))
    cache.mark_good(entry)


def test_a_stored_warning_comes_back_with_its_cell(tmp_path: Path) -> None:
    cache = LabCache(tmp_path / "labs")
    _store(cache)
    entry = cache.lookup(KEY)
    assert entry is not None
    assert [str(w) for w in entry.warnings] == ["labs/x.py:12 (cell 3): warning: slow cell"]
    assert isinstance(entry.warnings[0], LabProblem)


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: text[: len(text) // 2],  # truncated by a crash mid-write
        lambda text: "[1, 2]",  # valid JSON, not a record
        lambda text: text.replace('"executed_at"', '"executed"'),  # a field missing
        lambda text: text.replace('"line": 12', '"line": "twelve"'),  # a field of a wrong type
    ],
)
def test_a_damaged_record_is_a_miss_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, damage: object
) -> None:
    cache = LabCache(tmp_path / "labs")
    _store(cache)
    record = tmp_path / "labs" / "entries" / f"{KEY}.json"
    record.write_text(damage(record.read_text()))  # type: ignore[operator]
    with caplog.at_level(logging.WARNING):
        assert cache.lookup(KEY) is None
        assert cache.last_good("x") is None
    assert str(record) in caplog.text
    assert "the lab runs again" in caplog.text


def test_a_damaged_pointer_is_no_last_good_run(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    cache = LabCache(tmp_path / "labs")
    _store(cache)
    pointer = tmp_path / "labs" / "last-good" / "x.json"
    pointer.write_text('"just a string"')
    with caplog.at_level(logging.WARNING):
        assert cache.last_good("x") is None
    assert str(pointer) in caplog.text
    assert cache.lookup(KEY) is not None

"""Tests of courseware.atomic_files: all of the new content or none of it, no leftovers."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from courseware.atomic_files import write_atomically


def test_the_file_is_replaced_and_no_temporary_file_is_left(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "out.json"
    write_atomically(target, b"one")
    write_atomically(target, b"two", durable=False)
    assert target.read_bytes() == b"two"
    assert sorted(p.name for p in target.parent.iterdir()) == ["out.json"]
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_a_failed_rename_leaves_the_target_and_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "taken"
    target.mkdir()
    (target / "keep.txt").write_text("kept")
    with pytest.raises(OSError):
        write_atomically(target, b"new")  # a folder cannot be replaced by a file
    assert (target / "keep.txt").read_text() == "kept"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken"]

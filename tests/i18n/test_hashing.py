"""Source hashes: stable across line endings, different for different text."""

from __future__ import annotations

from pathlib import Path

from courseware.i18n.hashing import hash_source_bytes, is_valid_hash, source_hash


def test_hash_has_the_recorded_form() -> None:
    value = hash_source_bytes(b"# Title\n")
    assert is_valid_hash(value)
    assert value.startswith("sha256:")
    assert len(value) == len("sha256:") + 16


def test_line_endings_do_not_change_the_hash(tmp_path: Path) -> None:
    unix = tmp_path / "unix.md"
    windows = tmp_path / "windows.md"
    unix.write_bytes(b"# Title\n\nText.\n")
    windows.write_bytes(b"# Title\r\n\r\nText.\r\n")
    assert source_hash(unix) == source_hash(windows)


def test_changed_text_changes_the_hash() -> None:
    assert hash_source_bytes(b"Text.\n") != hash_source_bytes(b"Text!\n")


def test_malformed_hashes_are_not_valid() -> None:
    assert not is_valid_hash("sha256:XYZ")
    assert not is_valid_hash("0123456789abcdef")
    assert not is_valid_hash("sha256:0123456789ABCDEF")

"""Tests of courseware.fingerprints: a fingerprint changes with what it covers, only."""

from __future__ import annotations

from pathlib import Path

from courseware.fingerprints import Fingerprint, installed_packages


def _tree(tmp_path: Path) -> str:
    return Fingerprint("test").add_tree(tmp_path / "content", tmp_path).hexdigest()


def test_a_tree_fingerprint_follows_names_and_contents(tmp_path: Path) -> None:
    (tmp_path / "content" / "sub").mkdir(parents=True)
    (tmp_path / "content" / "sub" / "a.md").write_text("one")
    first = _tree(tmp_path)
    assert _tree(tmp_path) == first
    (tmp_path / "content" / "sub" / "a.md").write_text("two")
    assert _tree(tmp_path) != first
    (tmp_path / "content" / "sub" / "a.md").write_text("one")
    assert _tree(tmp_path) == first
    (tmp_path / "content" / "sub" / "a.md").rename(tmp_path / "content" / "sub" / "b.md")
    assert _tree(tmp_path) != first


def test_json_parts_ignore_key_order_and_labels_count() -> None:
    assert Fingerprint().add_json({"a": 1, "b": 2}).hexdigest() == (
        Fingerprint().add_json({"b": 2, "a": 1}).hexdigest()
    )
    assert Fingerprint("x").hexdigest() != Fingerprint("y").hexdigest()
    assert Fingerprint().add_text("ab").add_text("c").hexdigest() != (
        Fingerprint().add_text("a").add_text("bc").hexdigest()
    )


def test_installed_packages_name_this_package() -> None:
    assert any(line.startswith("courseware==") for line in installed_packages())

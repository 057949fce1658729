"""Tests of courseware.site.publish.last_build: a replayed warning reads as it did."""

from __future__ import annotations

from pathlib import Path

from courseware.errors import Problem
from courseware.labs import LabProblem
from courseware.site.publish import record_build, unchanged_since_last_build


def test_a_replayed_lab_warning_keeps_its_cell(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    warnings = (
        LabProblem("labs/x.py", 4, None, "slow", severity="warning", cell=2),
        Problem("pages/index.md", 3, None, "http link", severity="warning"),
    )
    record_build(tmp_path, site, "f" * 64, 12, warnings)
    last = unchanged_since_last_build(tmp_path, site, "f" * 64)
    assert last is not None
    assert [str(w) for w in last.warnings] == [str(w) for w in warnings]
    assert "(cell 2)" in str(last.warnings[0])
    assert last.pages == 12


def test_a_damaged_record_means_build_again(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    record_build(tmp_path, site, "f" * 64, 1, ())
    record = tmp_path / ".cache" / "last-build.json"
    record.write_text(record.read_text().replace('"pages": 1', '"pages": "many"'))
    assert unchanged_since_last_build(tmp_path, site, "f" * 64) is None
    record.write_text(record.read_text()[:20])
    assert unchanged_since_last_build(tmp_path, site, "f" * 64) is None

"""Reproducible zips and sizes for readers on metered connections."""

from __future__ import annotations

import zipfile
from io import BytesIO
from pathlib import Path

import pytest

from courseware.site.offline.zip import zip_folder


def _tree(folder: Path) -> Path:
    (folder / "b").mkdir(parents=True)
    (folder / "index.html").write_text("home")
    (folder / "b" / "page.html").write_text("page")
    return folder


def test_zip_is_sorted_under_one_folder_with_fixed_times(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    folder = _tree(tmp_path / "copy")
    data = zip_folder(folder, "track-en")
    with zipfile.ZipFile(BytesIO(data)) as archive:
        assert archive.namelist() == ["track-en/b/page.html", "track-en/index.html"]
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert archive.read("track-en/index.html") == b"home"
    (folder / "index.html").touch()
    assert zip_folder(folder, "track-en") == data


def test_zip_times_follow_source_date_epoch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14 22:13:20 UTC
    data = zip_folder(_tree(tmp_path / "copy"), "t")
    with zipfile.ZipFile(BytesIO(data)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(2023, 11, 14, 22, 13, 20)}

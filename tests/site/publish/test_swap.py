"""The swap of a new site into place: the marker, and a bind-mounted site folder."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from courseware.project_paths import SITE_MARKER
from courseware.site.publish import swap_into_place


def _site(folder: Path, text: str) -> Path:
    (folder / "sub").mkdir(parents=True)
    (folder / "index.html").write_text(text, encoding="utf-8")
    (folder / "sub" / "page.html").write_text(text, encoding="utf-8")
    return folder


def test_the_new_site_carries_the_marker_and_replaces_the_old(tmp_path: Path) -> None:
    site = _site(tmp_path / "site", "old")
    swap_into_place(_site(tmp_path / "new", "new"), site)
    assert (site / "index.html").read_text(encoding="utf-8") == "new"
    assert (site / SITE_MARKER).read_bytes().startswith(b"This folder is a site written by")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


@pytest.fixture
def mounted_site(tmp_path: Path) -> Iterator[Path]:
    """``site/`` bind-mounted from a folder elsewhere (needs root and mount(8))."""
    backing = _site(tmp_path / "backing", "old")
    (backing / "stale.html").write_text("gone after the swap", encoding="utf-8")
    site = tmp_path / "project" / "site"
    site.mkdir(parents=True)
    done = subprocess.run(["mount", "--bind", str(backing), str(site)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot bind-mount here: {done.stderr.decode().strip()}")
    try:
        yield site
    finally:
        subprocess.run(["umount", str(site)], check=True)


def test_a_bind_mounted_site_has_its_contents_replaced(mounted_site: Path) -> None:
    new = _site(mounted_site.parent / ".site.tmp-site-1", "new")
    swap_into_place(new, mounted_site)
    assert sorted(p.relative_to(mounted_site).as_posix() for p in mounted_site.rglob("*")) == [
        SITE_MARKER,
        "index.html",
        "sub",
        "sub/page.html",
    ]
    assert (mounted_site / "sub" / "page.html").read_text(encoding="utf-8") == "new"
    assert not new.exists()
    backing = mounted_site.parents[1] / "backing"
    assert (backing / "index.html").read_text(encoding="utf-8") == "new"

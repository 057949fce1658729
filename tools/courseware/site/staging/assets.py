"""The builder's own CSS and JavaScript, staged with every site."""

from __future__ import annotations

from importlib import resources

from courseware.datasheet import datasheet_print_css
from courseware.site.render import track_print_css

STYLESHEET = "courseware.css"
"""The site's one stylesheet, staged with the print styles appended (see
:func:`site_stylesheet`)."""


def package_assets() -> dict[str, bytes]:
    """The builder's own CSS and JavaScript, shipped inside the package."""
    base = resources.files("courseware.site") / "assets"
    assets = {
        f"assets/courseware/{item.name}": item.read_bytes()
        for item in sorted(base.iterdir(), key=lambda i: i.name)
        if item.is_file() and item.name.endswith(".js")
    }
    assets[f"assets/courseware/{STYLESHEET}"] = site_stylesheet()
    return dict(sorted(assets.items()))


def site_stylesheet() -> bytes:
    """One stylesheet for the whole site (one request): ours, then the print styles."""
    base = resources.files("courseware.site") / "assets" / STYLESHEET
    parts = [base.read_text(encoding="utf-8"), track_print_css(), datasheet_print_css()]
    return "\n".join(parts).encode("utf-8")

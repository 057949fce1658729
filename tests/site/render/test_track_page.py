"""Tests of courseware.site.render.track_page: the syllabus table, licence and attributions."""

from __future__ import annotations

import json
import re
from pathlib import Path

from courseware.registry.load import load_registry
from courseware.site.render.track_page import render_track_page, track_print_css

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "curriculum"


def identity(text: str) -> str:
    return text


def test_track_page_shows_sessions_cumulative_time_licence_and_credits() -> None:
    registry = load_registry(FIXTURES / "valid")
    [track] = registry.tracks
    page = render_track_page(track, registry, "en", identity)
    assert page.startswith('<div class="cw-track" data-track="short-course">')
    assert '<th scope="rowgroup" rowspan="3">Session 1<br>' in page
    assert '<td><a href="../../modules/footprint/">Footprint</a></td><td>40</td>' in page
    assert '<td data-minutes="80">1 h 20 min</td>' in page
    assert "<td>100</td><td>1 h 40 min of a budget of 2 h</td>" in page
    assert 'href="https://creativecommons.org/licenses/by-nc-sa/4.0/">CC BY-NC-SA 4.0</a>' in page
    assert "“Remix &amp; reuse &lt;3 &quot;quoted&quot;” by Ada Example, CC BY-NC-SA 4.0" in page
    assert "adapted from “Some NC-SA slides”, CC BY-NC-SA 4.0" in page
    [block] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    data = json.loads(block)
    assert data["@type"] == "Course"
    assert [part["identifier"] for part in data["hasPart"]] == ["intro", "footprint", "remix"]


def test_print_css_targets_the_track_wrapper() -> None:
    css = track_print_css()
    assert css.startswith("@media print {")
    assert ".cw-track table" in css

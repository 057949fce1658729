"""Tests of courseware.site.engine.restage: the plugin re-stages with what serve registered."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from courseware.errors import BuildError, ContentError, Problem
from courseware.site.engine import register_restage
from courseware.site.engine.plugin import CoursewarePlugin
from courseware.site.engine.restage import restage


@pytest.fixture(autouse=True)
def nothing_registered(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts as a process that ``courseware serve`` has not started."""
    monkeypatch.setattr("courseware.site.engine.restage._registered", [])


def _plugin(root: Path) -> CoursewarePlugin:
    plugin = CoursewarePlugin()
    errors, warnings = plugin.load_config({"restage_root": str(root)})
    assert errors == [] and warnings == []
    return plugin


def test_the_plugin_restages_with_the_registered_function(tmp_path: Path) -> None:
    calls: list[Path] = []
    register_restage(calls.append)
    _plugin(tmp_path).on_pre_build(config=None)
    assert calls == [tmp_path]


def test_a_content_problem_while_serving_is_a_plugin_error_naming_file_and_line(
    tmp_path: Path,
) -> None:
    def broken(root: Path) -> None:
        raise ContentError([Problem("pages/index.md", 3, None, "link 'x.md' does not exist")])

    register_restage(broken)
    with pytest.raises(PluginError, match=r"pages/index\.md:3: link 'x\.md' does not exist"):
        _plugin(tmp_path).on_pre_build(config=None)


def test_restaging_outside_serve_says_what_to_run(tmp_path: Path) -> None:
    with pytest.raises(BuildError, match="courseware serve"):
        restage(tmp_path)

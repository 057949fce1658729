"""Compiled templates are shared between MkDocs runs of one process, never served stale."""

from __future__ import annotations

from typing import Any

import jinja2

from courseware.site.engine.template_cache import MemoryBytecodeCache


class _CountingEnvironment(jinja2.Environment):
    compiled = 0

    def compile(self, *args: Any, **kwargs: Any) -> Any:
        type(self).compiled += 1
        return super().compile(*args, **kwargs)


def _render(cache: MemoryBytecodeCache, source: str) -> str:
    environment = _CountingEnvironment(loader=jinja2.DictLoader({"page.html": source}))
    environment.bytecode_cache = cache
    return environment.get_template("page.html").render(name="world")


def test_a_second_environment_reuses_the_compiled_template() -> None:
    cache = MemoryBytecodeCache()
    _CountingEnvironment.compiled = 0
    assert _render(cache, "Hello {{ name }}") == "Hello world"
    assert _render(cache, "Hello {{ name }}") == "Hello world"
    assert _CountingEnvironment.compiled == 1


def test_an_edited_template_is_compiled_again() -> None:
    cache = MemoryBytecodeCache()
    _CountingEnvironment.compiled = 0
    _render(cache, "Hello {{ name }}")
    assert _render(cache, "Goodbye {{ name }}") == "Goodbye world"
    assert _CountingEnvironment.compiled == 2

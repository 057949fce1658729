"""Render contributed Markdown with the site's own settings, under a wall-clock limit.

Python-Markdown has super-linear inputs: 50,000 ``[`` characters (48 KiB, well under the
size cap) take minutes, and a list nested 300 levels deep raises ``RecursionError``
(https://github.com/Python-Markdown/markdown/issues/798 for the brackets; both measured with
Python-Markdown 3.11). MkDocs would hang or crash on them, so every contributed page is
rendered here first, with a deadline, and the ids of the rendered HTML are kept: they are the
page's anchors, computed exactly as the ``toc`` extension computes them for MkDocs.
"""

from __future__ import annotations

import functools
import json
import re
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Literal

import markdown

from courseware.site.checks.parallel import map_on_every_core
from courseware.site.staging import read_mkdocs_yml

RENDER_LIMIT_SECONDS = 3.0
"""A normal page renders in milliseconds (4.7 MB of prose takes 0.6 s, measured); the
quadratic inputs take 0.6 s at 2,500 brackets and minutes at 50,000, so a few seconds
separates the two with a wide margin while keeping a failing build short."""

MAX_NESTING_LEVELS = 50
"""Python-Markdown handles 200 nested list levels and fails at 300 (measured); no
lesson needs more than a handful, so 50 leaves room and refuses long before the crash."""

MKDOCS_EXTENSIONS = ("toc", "tables", "fenced_code")
"""Extensions MkDocs always adds before those of ``mkdocs.yml`` (mkdocs/config/defaults.py)."""

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n---[ \t]*(?:\n|\Z)", re.S)
_LIST_ITEM = re.compile(r"(?P<indent>[ \t]*)(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")
_QUOTE = re.compile(r"[ \t]{0,3}>")
_FENCE = re.compile(r"[ \t]*(`{3,}|~{3,})")

Failure = Literal["slow", "deep"]


@dataclass(frozen=True)
class MarkdownSettings:
    """The Markdown extensions (and their settings) the site renders pages with."""

    extensions: tuple[str, ...] = MKDOCS_EXTENSIONS
    configs: dict[str, dict[str, Any]] = field(default_factory=dict)


@dataclass(frozen=True)
class RenderResult:
    """The anchors of a rendered page, or why it could not be rendered."""

    ids: frozenset[str] = frozenset()
    failure: Failure | None = None


class _TooSlow(Exception):
    """Raised by the alarm inside Python-Markdown when the deadline passes."""


def markdown_settings(root: Path) -> MarkdownSettings:
    """The extensions of the project's ``mkdocs.yml``, after the ones MkDocs always adds."""
    config = read_mkdocs_yml(root)
    extensions = list(MKDOCS_EXTENSIONS)
    configs: dict[str, dict[str, Any]] = {}
    entries = config.get("markdown_extensions")
    for entry in entries or []:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        if not isinstance(name, str):
            continue
        if name not in extensions:
            extensions.append(name)
        if isinstance(options, dict):
            configs[name] = options
    return MarkdownSettings(tuple(extensions), configs)


def strip_front_matter(text: str) -> str:
    """The page as MkDocs renders it: front matter replaced by as many empty lines."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return text
    return "\n" * match.group(0).count("\n") + text[match.end() :]


def render_ids(text: str, settings: MarkdownSettings) -> frozenset[str]:
    """Render ``text`` (no time limit: for text already known to render fast) and return
    the ids of its HTML, the anchors a link may name."""
    renderer = markdown.Markdown(
        extensions=list(settings.extensions), extension_configs=settings.configs
    )
    collector = _IdCollector()
    collector.feed(renderer.convert(strip_front_matter(text)))
    collector.close()
    return frozenset(collector.ids)


@functools.lru_cache(maxsize=16384)  # serve checks the same texts after every edit
def deepest_nesting(text: str) -> tuple[int, int]:
    """The deepest nesting of lists and block quotes in ``text``, and the line where it
    first goes over ``MAX_NESTING_LEVELS`` (or where it is deepest, if it never does).

    A linear scan, so that a page nested too deep is refused before Python-Markdown
    recurses into it; fenced code is skipped.
    """
    deepest, deepest_line = 0, 1
    indents: list[int] = []
    fence: str | None = None
    for number, line in enumerate(text.splitlines(), 1):
        opening = _FENCE.match(line)
        if fence is not None:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = None
            continue
        if opening:
            fence = opening.group(1)
            continue
        quotes, rest = 0, line
        while match := _QUOTE.match(rest):
            quotes += 1
            rest = rest[match.end() :]
        item = _LIST_ITEM.match(rest)
        if item:
            indent = len(item.group("indent").expandtabs(4))
            while indents and indents[-1] > indent:
                indents.pop()
            if not indents or indents[-1] < indent:
                indents.append(indent)
        elif rest.strip() and not rest[:1].isspace():
            indents.clear()
        depth = quotes + len(indents)
        if depth > deepest:
            if deepest <= MAX_NESTING_LEVELS:
                deepest_line = number
            deepest = depth
    return deepest, deepest_line


def render_all(
    texts: list[str],
    settings: MarkdownSettings,
    limit_seconds: float = RENDER_LIMIT_SECONDS,
    workers: int | None = None,
) -> list[RenderResult]:
    """Render each text under ``limit_seconds`` of wall-clock time, on every core.

    The alarm signal only works in a main thread: in this one, or in the forked workers
    that share the texts out (``workers``: how many; default, as many as the texts are
    worth). Elsewhere (``mkdocs serve`` rebuilds in a thread) the texts are rendered by
    this module run as a worker process, which does the same in its own main thread.
    """
    if not texts:
        return []
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "SIGALRM"):
        render = functools.partial(_render_with_alarm, settings=settings, limit=limit_seconds)
        return map_on_every_core(render, texts, workers)
    request = {"texts": texts, "limit": limit_seconds, "extensions": list(settings.extensions)}
    request["configs"] = settings.configs
    try:
        done = subprocess.run(
            [sys.executable, "-m", "courseware.site.checks.render_limits"],
            input=json.dumps(request),
            capture_output=True,
            text=True,
            timeout=limit_seconds * len(texts) + 30,
            check=True,
        )
    except (subprocess.TimeoutExpired, subprocess.CalledProcessError):
        return [RenderResult(failure="slow") for _ in texts]
    return [
        RenderResult(frozenset(item["ids"]), item["failure"]) for item in json.loads(done.stdout)
    ]


def _render_with_alarm(text: str, settings: MarkdownSettings, limit: float) -> RenderResult:
    try:
        with _deadline(limit):
            return RenderResult(ids=render_ids(text, settings))
    except _TooSlow:
        return RenderResult(failure="slow")
    except RecursionError:
        return RenderResult(failure="deep")


@contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    def expire(signum: int, frame: Any) -> None:
        raise _TooSlow

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class _IdCollector(HTMLParser):
    """Collects ``id`` attributes, and ``name`` of ``<a>``, as MkDocs' anchor check does."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is not None and (name == "id" or (tag == "a" and name == "name")):
                self.ids.add(value)


def _serve_worker() -> None:
    """Render the texts of a JSON request on stdin; print the results as JSON."""
    request = json.load(sys.stdin)
    settings = MarkdownSettings(tuple(request["extensions"]), request["configs"])
    results = render_all(request["texts"], settings, request["limit"])
    json.dump([{"ids": sorted(r.ids), "failure": r.failure} for r in results], sys.stdout)


if __name__ == "__main__":
    _serve_worker()

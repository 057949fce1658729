"""Read contributors' YAML front matter strictly, and write the staged pages' own.

MkDocs silently renders malformed front matter as page text and prints ``title`` and
``description`` unescaped into the page head, so contributed front matter may hold only the
translation keys, parsed by the safe loader; the builder adds its own metadata when staging.
"""

from __future__ import annotations

import json
import re
from typing import Any

from courseware import problem_codes as codes
from courseware.errors import Problem
from courseware.yamlsafe import YamlProblem, parse_yaml_text

ALLOWED_KEYS = {"translation_of", "source_hash", "translators"}
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
"""Front matter as MkDocs finds it (``mkdocs.utils.meta.YAML_RE``): closed by ``---`` or by
YAML's document end ``...``."""


def split_front_matter(text: str, path: str) -> tuple[dict[str, Any], str, list[Problem]]:
    """Split ``text`` into its front matter (checked) and body.

    Returns:
        The metadata, the body, and the problems with the front matter (lines of the file).
    """
    match = _FRONT_MATTER.match(text)
    if not match:
        if text.startswith("---"):
            message = "front matter is not closed by a '---' line"
            return {}, text, [Problem(path, 1, None, message, code=codes.FRONT_MATTER_UNCLOSED)]
        return {}, text, []
    source = match.group("yaml") or ""
    try:
        document = parse_yaml_text(source, path)
    except YamlProblem as problem:
        return {}, text, [problem.problem(path, line_offset=1)]
    data = document.data if document.data is not None else {}
    if not isinstance(data, dict):
        message = "front matter must be a mapping of keys"
        return {}, text, [Problem(path, 2, None, message, code=codes.NOT_A_MAPPING)]
    problems = []
    for key in data:
        if key not in ALLOWED_KEYS:
            line = document.line_of((key,)) + 1
            allowed = ", ".join(sorted(ALLOWED_KEYS))
            message = f"unknown front matter key; allowed: {allowed}"
            problems.append(Problem(path, line, key, message, code=codes.FRONT_MATTER_KEY))
    for key in ("translation_of", "source_hash"):
        if key in data and not isinstance(data[key], str):
            line = document.line_of((key,)) + 1
            problems.append(Problem(path, line, key, "must be text", code=codes.WRONG_TYPE))
    return data, text[match.end() :], problems


def with_front_matter(metadata: dict[str, Any], body: str) -> str:
    """Prefix ``body`` with ``metadata`` as front matter, an empty one when there is none.

    Every staged page has front matter: MkDocs reads the first lines of a page without it
    as MultiMarkdown metadata (``Title: ...``, ``Template: ...``), which would take lines of
    contributed text away from the page and the checks, and give the theme a title, a
    description or a template we never checked (issue 20).

    Written as JSON, which is also YAML: PyYAML's pure-Python emitter took half the staging
    time of a 600-page site, ``json.dumps`` takes almost none.
    """
    dumped = json.dumps(metadata, ensure_ascii=False, sort_keys=True)
    return f"---\n{dumped}\n---\n\n{body}"

"""The settings a project writes in its ``mkdocs.yml`` that the staged pages need to know:
its declared repository and whether its course allows a hosted notebook service.

MkDocs reads the file itself when it builds; staging reads it as plain YAML (ignoring the
``!!python`` tags a maintainer may use) so that no page states an address the project did not
declare.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

MKDOCS_FILE = "mkdocs.yml"


class _TolerantLoader(yaml.SafeLoader):
    """Reads ``mkdocs.yml`` (maintainers' file) without running its ``!!python`` tags."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def read_mkdocs_yml(root: Path) -> dict[str, Any]:
    """The project's ``mkdocs.yml`` as data; empty when it is missing or not YAML."""
    try:
        text = (root / MKDOCS_FILE).read_text(encoding="utf-8")
        config = yaml.load(text, Loader=_TolerantLoader)  # noqa: S506 (a safe loader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    return config if isinstance(config, dict) else {}


@dataclass(frozen=True)
class ProjectSettings:
    """What the lab pages may say beyond the lab's own files."""

    repo_url: str | None = None
    """MkDocs' ``repo_url``, when it is an https address."""
    hosted_notebooks: bool = False
    """``extra: {courseware: {hosted_notebooks: true}}``: the course allows a hosted service."""
    fuzzy_translations: str = "previous"
    """``extra: {courseware: {fuzzy_translations: source}}``: a paragraph whose original
    changed is shown in the source language instead of its previous translation."""


def project_settings(root: Path) -> ProjectSettings:
    """Read :class:`ProjectSettings` from the project's ``mkdocs.yml``."""
    config = read_mkdocs_yml(root)
    repo_url = config.get("repo_url")
    extra = config.get("extra")
    ours = extra.get("courseware") if isinstance(extra, dict) else None
    hosted = isinstance(ours, dict) and ours.get("hosted_notebooks") is True
    is_https = isinstance(repo_url, str) and urlsplit(repo_url).scheme == "https"
    fuzzy = ours.get("fuzzy_translations") if isinstance(ours, dict) else None
    return ProjectSettings(
        repo_url=repo_url if is_https else None,
        hosted_notebooks=hosted,
        fuzzy_translations="source" if fuzzy == "source" else "previous",
    )

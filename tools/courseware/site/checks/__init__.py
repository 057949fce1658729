"""Checks of the staged content before MkDocs runs (content, links, paths, render limits),
their cache, and the runner that spreads them over every core."""

from courseware.site.checks.content import check_staged_content

__all__ = ["check_staged_content"]

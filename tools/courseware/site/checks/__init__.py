"""Checks of the staged content (links, paths, render limits), their cache and parallel runner."""

from courseware.site.checks.content import check_staged_content

__all__ = ["check_staged_content"]

"""The ids and attributes the theme (Material for MkDocs 9.x) keeps for itself in a page.

Material's JavaScript finds its parts by id and by ``data-md-*`` attribute, and takes the
first match in the document. A page's content comes before the theme's own elements, so an
element of the content with ``id="__config"`` replaced the theme's configuration (the search
worker's address, the translations of the search results), and ``data-md-component`` or
``data-md-toggle`` turned content into theme components (issue 20). Content may therefore
not set these names: the content linter refuses them with file and line, and the sanitiser
removes them from every fragment that reaches a page.

The names come from Material's templates (``material/templates/base.html`` and
``partials/*.html``: the ``id`` and ``for`` attributes) and its script bundle
(``assets/javascripts/bundle.*.min.js``: the ``#__...`` ids and `` `__...`` `` id prefixes it
looks up).
"""

from __future__ import annotations

RESERVED_IDS = frozenset(
    {
        "__analytics", "__announce", "__config", "__consent", "__drawer", "__outdated",
        "__search", "__settings", "__source", "__tabs", "__toc",
    }
)  # fmt: skip
"""Ids of the theme's elements (its configuration, toggles, dialogs)."""

RESERVED_ID_PREFIXES = (
    "__nav_", "__palette_", "__code_", "__codelineno", "__mermaid_", "__tooltip", "__ref_",
    "__tabbed_", "__annotation",
)  # fmt: skip
"""Prefixes of the ids the theme numbers (navigation levels, palette toggles, code lines)."""

RESERVED_ATTRIBUTE_PREFIX = "data-md-"
"""Material's component, toggle and state attributes (``data-md-component``, ...)."""

ID_ATTRIBUTES = frozenset(
    {"id", "for", "form", "list", "headers", "aria-controls", "aria-owns", "aria-labelledby",
     "aria-describedby", "aria-activedescendant", "aria-details", "aria-errormessage",
     "aria-flowto"}
)  # fmt: skip
"""Attributes whose value is an id (or a list of ids) of the page: a label ``for="__drawer"``
works the theme's navigation drawer as the theme's own label does."""


def is_reserved_id(value: str) -> bool:
    """Whether the id ``value`` (or one of a space-separated list of ids) is the theme's."""
    return any(
        token in RESERVED_IDS or token.startswith(RESERVED_ID_PREFIXES) for token in value.split()
    )


def is_reserved_attribute(name: str, value: str) -> bool:
    """Whether content may not set the attribute ``name`` to ``value``."""
    name = name.lower()
    if name.startswith(RESERVED_ATTRIBUTE_PREFIX):
        return True
    return name in ID_ATTRIBUTES and is_reserved_id(value)

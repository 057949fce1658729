"""The problem-code reference's catalogs: codes and slugs are filled in, not translated.

Of the reference's units (``docs/problem-codes.md``), a code's table cells (``CW-SCH-002``,
`` `unknown-field` ``) and its heading (``CW-SCH-002 unknown-field``) are identifiers that a
reader searches for as the CLI prints them; they read the same in every language. Filling
their entries with the source text when a catalog is started or updated leaves translators
only the text to translate (headings, the introduction, summaries and fixes), and keeps a new
code's identifiers from showing as untranslated English on the site.
"""

from __future__ import annotations

import re

from babel.messages.catalog import Catalog

from courseware.problem_reference import REFERENCE_FILE

_IDENTIFIER = re.compile(
    r"^(?:CW-[A-Z0-9]+-\d{3}(?: [a-z0-9]+(?:-[a-z0-9]+)*)?|`[a-z0-9]+(?:-[a-z0-9]+)*`)$"
)
"""A code (``CW-SCH-002``), a code and its slug (the heading), or a slug in a code span: the
forms ``courseware.problem_codes`` allows, so that a code added since is recognised too."""


def is_identifier(text: str) -> bool:
    """Whether a unit of the reference is a code, a slug or both, as the page writes them."""
    return _IDENTIFIER.match(text) is not None


def fill_identifiers(source_path: str, catalog: Catalog) -> Catalog:
    """``catalog`` with the reference's identifier entries that are empty, or fuzzy (a renamed
    slug), set to their source; any other document's catalog is returned unchanged."""
    if source_path != REFERENCE_FILE.as_posix():
        return catalog
    for message in catalog:
        if (
            isinstance(message.id, str)
            and is_identifier(message.id)
            and (not message.string or message.fuzzy)
        ):
            message.string = message.id
            message.flags.discard("fuzzy")
            message.previous_id = []
    return catalog

"""A document in the reader's language, assembled paragraph by paragraph from its catalog.

Each unit of the source (``i18n/paragraphs.py``) is shown translated where its catalog entry
is; a fuzzy entry (its source changed since it was translated) is shown in the previous
translation with a small marker saying the original has changed, or in the source language,
as the project chooses (``extra.courseware.fuzzy_translations`` in ``mkdocs.yml``:
``previous``, the default, or ``source``); an untranslated unit is shown in the source
language inside an element declaring its ``lang`` (and ``dir`` where the direction differs),
so a screen reader reads it in the right voice (WCAG 3.1.2).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from babel.messages.catalog import Catalog

from courseware.i18n.content_catalogs import UnitCounts, count_units, unit_state
from courseware.i18n.paragraphs import Unit, split_markdown
from courseware.site.render.html import escape
from courseware.site.render.notices import text_direction

Translate = Callable[[str], str]
FuzzyShown = Literal["previous", "source"]
FUZZY_CHOICES: tuple[FuzzyShown, ...] = ("previous", "source")


@dataclass(frozen=True)
class TranslatedDocument:
    """The assembled Markdown and how much of it is translated."""

    markdown: str
    counts: UnitCounts


def translated_document(
    source_text: str,
    catalog: Catalog | None,
    *,
    source_language: str,
    language: str,
    gettext: Translate,
    fuzzy_shown: FuzzyShown = "previous",
) -> TranslatedDocument:
    """``source_text`` in ``language`` from ``catalog`` (see the module docstring)."""
    document = split_markdown(source_text)
    changed = escape(gettext("the original has changed"))
    marker = f' <span class="cw-changed" role="note">({changed})</span>'
    direction = text_direction(source_language)
    turned = direction != text_direction(language)
    opening = f'<span lang="{escape(source_language)}"' + (f' dir="{direction}"' if turned else "")
    opening += ">"

    def text_of(_: int, unit: Unit) -> str:
        state, message = unit_state(catalog, unit)
        if state == "translated" and message is not None:
            return str(message.string)
        if state == "fuzzy" and message is not None and fuzzy_shown == "previous":
            return str(message.string) + ("" if unit.kind == "title" else marker)
        if unit.kind == "title":
            return unit.text
        return f"{opening}{unit.text}</span>"

    return TranslatedDocument(document.assemble(text_of), count_units(document, catalog))

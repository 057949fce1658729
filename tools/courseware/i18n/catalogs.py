"""Gettext catalogs for every string the builder writes into pages.

Strings are marked in the code as ``gettext("...")`` (the renderers take the function as a
parameter), extracted with Babel into ``messages.pot``, translated in
``locale/<lang>/LC_MESSAGES/courseware.po`` and compiled to ``.mo`` by ``make catalogs``.
When a ``.mo`` file is missing or older than its ``.po`` (a fresh checkout), the ``.po`` is
read directly, so a build never shows English strings just because nothing was compiled.
"""

from __future__ import annotations

import functools
import gettext as gettext_module
from collections.abc import Callable
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "courseware"

Translate = Callable[[str], str]


def po_path(language: str) -> Path:
    """Where the catalog of ``language`` lives."""
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def read_catalog(language: str) -> Catalog:
    """Read the ``.po`` catalog of ``language`` (an empty catalog if there is none)."""
    path = po_path(language)
    if not path.exists():
        return Catalog(locale=language, domain=DOMAIN)
    with path.open("rb") as handle:
        return read_po(handle, locale=language, domain=DOMAIN)


@functools.cache
def translator(language: str) -> Translate:
    """Return the gettext function for ``language``; the source language is the identity."""
    path = po_path(language)
    mo = path.with_suffix(".mo")
    if mo.exists() and mo.stat().st_mtime >= path.stat().st_mtime:
        with mo.open("rb") as handle:
            return gettext_module.GNUTranslations(handle).gettext
    if not path.exists():
        return _identity
    catalog = read_catalog(language)
    messages = {
        str(m.id): str(m.string)
        for m in catalog
        if m.id and isinstance(m.id, str) and m.string and not m.fuzzy
    }
    return lambda text: messages.get(text, text)


def _identity(text: str) -> str:
    return text

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


def gettext_noop(text: str) -> str:
    """Mark ``text`` for extraction where it is stored, not shown: a table of texts that a
    renderer later passes through ``gettext`` (the Makefile extracts ``gettext_noop``, the
    name Python's gettext documentation gives this marker). Returns ``text`` unchanged."""
    return text


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


Plural = Callable[[str, str, int], str]


@functools.cache
def plural_translator(language: str) -> Plural:
    """``ngettext`` for ``language``: the form of a counted string its grammar asks for
    (Arabic has six, French uses the singular for 0 and 1), by the catalog's Plural-Forms."""
    path = po_path(language)
    mo = path.with_suffix(".mo")
    if mo.exists() and path.exists() and mo.stat().st_mtime >= path.stat().st_mtime:
        with mo.open("rb") as handle:
            return gettext_module.GNUTranslations(handle).ngettext
    if not path.exists():
        return _english_plural
    catalog = read_catalog(language)
    choose = gettext_module.c2py(catalog.plural_expr)
    forms = {
        m.id[0]: (m.id[1], tuple(str(s) for s in m.string))
        for m in catalog
        if isinstance(m.id, tuple) and m.string and all(m.string) and not m.fuzzy
    }

    def ngettext(singular: str, plural: str, count: int) -> str:
        found = forms.get(singular)
        if found is None or found[0] != plural:
            return _english_plural(singular, plural, count)
        return found[1][min(choose(count), len(found[1]) - 1)]

    return ngettext


def _english_plural(singular: str, plural: str, count: int) -> str:
    return singular if count == 1 else plural


def plural_forms(language: str, singular: str, plural: str) -> dict[str, str]:
    """The translated forms of a counted string by CLDR plural category (``one``, ``few``,
    ``many``, ``other``...), for scripts that pick one with the browser's
    ``Intl.PluralRules``. Each category's form is the catalog's form for a number CLDR puts
    in that category, so the page and the browser agree on the rules' data."""
    from babel import Locale

    ngettext = plural_translator(language)
    rule = Locale.parse(language.replace("-", "_")).plural_form
    forms: dict[str, str] = {}
    for number in range(0, 200):
        category = rule(number)
        if category not in forms:
            forms[category] = ngettext(singular, plural, number)
    forms.setdefault("other", ngettext(singular, plural, 5))
    return forms

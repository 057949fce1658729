"""Locale-aware names, dates, durations and sizes, from Babel's CLDR data and the interface
catalogs rather than hand-made tables."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal

Translate = Callable[[str], str]


@functools.cache
def locale_of(code: str) -> Locale:
    """Babel's locale for a BCP 47 code, parsed once: pages ask for it thousands of times."""
    return Locale.parse(code.replace("-", "_"))


@functools.cache
def language_name(code: str, in_language: str) -> str:
    """Name language ``code`` in ``in_language``: ``language_name('pt', 'es') == 'portugués'``."""
    locale = locale_of(in_language)
    name = locale.languages.get(code.replace("-", "_")) or locale.languages.get(code.split("-")[0])
    return name or code


def country_name(code: str, in_language: str) -> str:
    """Name an ISO 3166 country in ``in_language``."""
    locale = locale_of(in_language)
    return str(locale.territories.get(code, code))


def format_partial_date(value: str, in_language: str) -> str:
    """Format ``2022``, ``2022-09`` or ``2022-09-01`` at the precision it was written in."""
    locale = locale_of(in_language)
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    if len(parts) == 2:
        return format_date(dt.date(parts[0], parts[1], 1), "MMM y", locale=locale)
    return format_date(dt.date(parts[0], parts[1], parts[2]), "medium", locale=locale)


def format_day(value: dt.date, in_language: str) -> str:
    """Format a full date in the reader's language."""
    return format_date(value, "medium", locale=locale_of(in_language))


def _untranslated(message: str) -> str:
    return message


def format_duration(minutes: int, gettext: Translate = _untranslated) -> str:
    """``95`` → ``1 h 35 min`` in the reader's language (``gettext``; default English)."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return gettext("{minutes} min").format(minutes=rest)
    if not rest:
        return gettext("{hours} h").format(hours=hours)
    return gettext("{hours} h {minutes} min").format(hours=hours, minutes=f"{rest:02d}")


def format_size(size_bytes: int, language: str) -> str:
    """A download size for readers on metered connections: ``'1.3 MB'``, ``'1,3 MB'`` in
    Spanish, ``'840 kB'``; decimal units, as operators bill data."""
    locale = language.replace("-", "_")
    if size_bytes < 1000:
        return f"{format_decimal(size_bytes, locale=locale)} B"
    if size_bytes < 1_000_000:
        return f"{format_decimal(round(size_bytes / 1000), locale=locale)} kB"
    megabytes = format_decimal(size_bytes / 1_000_000, format="#,##0.0", locale=locale)
    return f"{megabytes} MB"


_ARABIC_SCRIPT_LANGUAGES = frozenset({"ar", "fa", "ur"})


def list_separator(language: str) -> str:
    """What separates the items of a plain list (languages, audiences, topics) in
    ``language``: the ARABIC COMMA (U+060C) in languages written in Arabic script, the comma
    elsewhere. CLDR's list patterns join the last items with "and" ("و" in Arabic), which a
    list of facts does not want."""
    if locale_of(language).language in _ARABIC_SCRIPT_LANGUAGES:
        return "، "
    return ", "

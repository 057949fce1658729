"""Locale-aware names and dates, from Babel's CLDR data rather than hand-made tables."""

from __future__ import annotations

import datetime as dt

from babel import Locale
from babel.dates import format_date


def language_name(code: str, in_language: str) -> str:
    """Name language ``code`` in ``in_language``: ``language_name('pt', 'es') == 'portugués'``."""
    locale = Locale.parse(in_language.replace("-", "_"))
    name = locale.languages.get(code.replace("-", "_")) or locale.languages.get(code.split("-")[0])
    return name or code


def country_name(code: str, in_language: str) -> str:
    """Name an ISO 3166 country in ``in_language``."""
    locale = Locale.parse(in_language.replace("-", "_"))
    return str(locale.territories.get(code, code))


def format_partial_date(value: str, in_language: str) -> str:
    """Format ``2022``, ``2022-09`` or ``2022-09-01`` at the precision it was written in."""
    locale = Locale.parse(in_language.replace("-", "_"))
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    if len(parts) == 2:
        return format_date(dt.date(parts[0], parts[1], 1), "MMM y", locale=locale)
    return format_date(dt.date(parts[0], parts[1], parts[2]), "medium", locale=locale)


def format_day(value: dt.date, in_language: str) -> str:
    """Format a full date in the reader's language."""
    return format_date(value, "medium", locale=Locale.parse(in_language.replace("-", "_")))

"""The validator's messages as translatable templates with their values.

A check writes ``N_("the lines add up to {total}, but the total says {stated}",
total=Money(total), stated=Money(stated))``: Babel extracts the template (``N_`` is in the
Makefile's extract keywords), the English text of the finding is the template filled with
the values as Python formats them (so the command line prints what it always printed), and
the site fills the translated template with the same values in the reader's number format.

Values are plain strings (names, field paths and quoted text taken from the datasheet: data,
never translated), numbers (``Num``, ``Money``, ``Nums``) or other messages (fragments such
as a trigger's reason). This module imports no Babel: the labs' runtime wheel ships the
datasheet package without it, so the site passes the locale's number format in.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from string import Formatter

NumberFormat = Callable[[Decimal, str], str]
"""Formats a number with a Babel/CLDR pattern (``#,##0.00``) in the page's locale."""

Translate = Callable[[str], str]


def _same(text: str) -> str:
    return text


@dataclass(frozen=True)
class Markup:
    """How the pieces of a message are written out: ``text`` for the template and numbers
    (HTML-escaped on a page), ``data`` for text quoted from the datasheet (escaped and marked
    English on a page in another language)."""

    text: Translate = _same
    data: Translate = _same


PLAIN = Markup()

_PLAIN_NUMBER = re.compile(r"-?[0-9][0-9,]*(\.[0-9]+)?")


def english_number(value: Decimal, pattern: str) -> str:
    """The pattern's number in English (the default when no locale is given)."""
    decimals = len(pattern.split(".")[1]) if "." in pattern else 0
    grouping = "," if "," in pattern else ""
    return f"{value:{grouping}.{decimals}f}"


def _localise(english: str, number_format: NumberFormat, grouped: bool = True) -> str:
    """Re-write a number printed in English in the locale's format, with the same digits.

    The English text decides precision (``:g``, ``:.2f``...), so every page shows the
    figure the command line shows; only the separators follow the locale. Text that is not a
    plain decimal (``1e-05``, ``inf``) is left as it is.
    """
    if not _PLAIN_NUMBER.fullmatch(english):
        return english
    fraction = english.split(".")[1] if "." in english else ""
    pattern = ("#,##0" if grouped else "0") + (f".{'0' * len(fraction)}" if fraction else "")
    return number_format(Decimal(english.replace(",", "")), pattern)


@dataclass(frozen=True)
class Num:
    """A number and the Python format spec its English text uses (``g``, ``.2f``, ``,``)."""

    value: float | int | Decimal
    spec: str = "g"

    def english(self) -> str:
        return format(self.value, self.spec)

    def localised(self, number_format: NumberFormat) -> str:
        return _localise(self.english(), number_format)


@dataclass(frozen=True)
class Percent:
    """A percentage, ``63.2 %``: the sign belongs to the value, so that a template never
    holds ``% s`` or ``% i``, which gettext tools read as printf conversions and then refuse
    a translation whose words differ (``pybabel compile`` checks them)."""

    value: float | int | Decimal

    def english(self) -> str:
        return f"{Num(self.value).english()} %"

    def localised(self, number_format: NumberFormat) -> str:
        return f"{Num(self.value).localised(number_format)} %"


@dataclass(frozen=True)
class Money:
    """US dollars to the cent: ``$1.23``; a locale changes only the decimal separator."""

    value: Decimal | float

    def english(self) -> str:
        return f"${self.value:.2f}"

    def localised(self, number_format: NumberFormat) -> str:
        return "$" + _localise(f"{self.value:.2f}", number_format, grouped=False)


@dataclass(frozen=True)
class Nums:
    """Numbers shown together (``63.2 / 36.8``, ``1.5, 4.5, 7.5``) with one separator."""

    values: tuple[float | int, ...]
    separator: str = ", "
    spec: str = "g"

    def english(self) -> str:
        return self.separator.join(format(v, self.spec) for v in self.values)

    def localised(self, number_format: NumberFormat) -> str:
        # A list separated by ", " in a locale whose decimal comma is "," would read as one
        # number run together; such lists use "; " there.
        separator = self.separator
        if separator == ", " and number_format(Decimal("1.5"), "0.0") != "1.5":
            separator = "; "
        return separator.join(_localise(format(v, self.spec), number_format) for v in self.values)


class Symbol(str):
    """A unit or other symbol (``klux``, ``mW``): written as it is in every language, so it
    is not marked as English text on a translated page."""

    __slots__ = ()


@dataclass(frozen=True)
class Joined:
    """Several messages shown as one list (``train 80 %, test 20 %``)."""

    parts: tuple[Message, ...]
    separator: str = ", "

    def english(self) -> str:
        return self.separator.join(part.english() for part in self.parts)

    def localised(
        self, gettext: Translate, number_format: NumberFormat, markup: Markup = PLAIN
    ) -> tuple[str, bool]:
        texts = [part.localised(gettext, number_format, markup) for part in self.parts]
        separator = self.separator
        if separator == ", " and number_format(Decimal("1.5"), "0.0") != "1.5":
            separator = "; "
        return markup.text(separator).join(t for t, _ in texts), all(d for _, d in texts)


@dataclass(frozen=True)
class Message:
    """A template with named placeholders (``{total}``) and the value of each."""

    template: str
    values: Mapping[str, object] = field(default_factory=dict)

    def english(self) -> str:
        """The message as the command line prints it."""
        return self.template.format(**{k: _english(v) for k, v in self.values.items()})

    def localised(
        self,
        gettext: Translate,
        number_format: NumberFormat = english_number,
        markup: Markup = PLAIN,
    ) -> tuple[str, bool]:
        """The message in the reader's language, and whether every part was translated.

        A template without a translation (or one whose placeholders do not match, which
        would fail to format) falls back to the English template, and is reported so the page
        can mark it ``lang="en"``.
        """
        if not self.template:
            return "", True  # gettext("") is a catalog's header, not a translation
        translated = gettext(self.template)
        complete = translated != self.template or _language_neutral(self.template)
        if placeholders(translated) != placeholders(self.template):
            translated, complete = self.template, False
        values: dict[str, str] = {}
        for name, value in self.values.items():
            if isinstance(value, Message | Joined):
                values[name], part_complete = value.localised(gettext, number_format, markup)
                complete = complete and part_complete
            elif isinstance(value, Num | Percent | Money | Nums):
                values[name] = markup.text(value.localised(number_format))
            elif isinstance(value, Symbol):
                values[name] = markup.text(value)
            else:
                text = str(value)
                values[name] = markup.data(text) if text else ""
        return markup.text(translated).format(**values), complete


def _english(value: object) -> str:
    if isinstance(value, Num | Percent | Money | Nums | Message | Joined):
        return value.english()
    return str(value)


def _language_neutral(template: str) -> bool:
    """Whether a template has no words to translate (``{name} {share} %``, ``{power} mW``),
    so a catalog rightly gives it back unchanged."""
    words = "".join(text for text, _, _, _ in Formatter().parse(template))
    return re.search(r"[a-z]{3,}", words) is None


def placeholders(template: str) -> set[str]:
    """The names of a template's placeholders (``{total}`` → ``total``)."""
    return {name for _, name, _, _ in Formatter().parse(template) if name}


def N_(template: str, **values: object) -> Message:  # noqa: N802 - the gettext_noop convention
    """Mark ``template`` for extraction and pair it with its values (nothing is translated
    here: the page translates it, in its own language)."""
    return Message(template, values)


EMPTY = Message("")
"""An absent optional fragment (a hint that does not apply)."""

"""Field types shared by every schema that reads contributed text: plain text, localized
text, https links, identifiers and language codes.

They live beside ``errors`` (not inside ``registry``) because the leaf libraries, such as the
datasheet schema, read contributed text too and must refuse the same things.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PlainValidator

from courseware import problem_codes as codes
from courseware.errors import InvalidValue

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
LANGUAGE_CODE_PATTERN = r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$"

_MARKUP = re.compile(r"</?[A-Za-z!?][\w:-]*|&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);")
_ALLOWED_CONTROLS = {"\n", "\t"}


def check_plain_text(value: str) -> str:
    """Refuse markup and control characters: registry text is data, shown escaped."""
    for index, char in enumerate(value):
        if char not in _ALLOWED_CONTROLS and unicodedata.category(char) in {"Cc", "Cf"}:
            if char in {"\u200d", "\u200c"}:
                continue  # joiners are part of some scripts' spelling (Arabic, Indic)
            raise InvalidValue(
                f"control character U+{ord(char):04X} at position {index + 1}; remove it",
                codes.MARKUP_IN_TEXT,
            )
    match = _MARKUP.search(value)
    if match:
        raise InvalidValue(
            f"markup is not allowed in plain text (found {match.group(0)!r}); "
            "write the text without HTML tags or entities",
            codes.MARKUP_IN_TEXT,
        )
    return value


PlainText = Annotated[str, Field(min_length=1), AfterValidator(check_plain_text)]
"""One line or paragraph of text, no markup, no control characters."""

Slug = Annotated[str, Field(pattern=SLUG_PATTERN, min_length=2, max_length=80)]
"""An identifier: lowercase letters, digits and single hyphens."""


def check_language_code(value: str) -> str:
    """Accept a well-formed BCP 47 tag; suggest the code when given a language's name.

    ``langcodes`` is imported here, not at the top: the labs' runtime wheel ships this module
    (the datasheet schema reads plain text with it) but never reads a language code, and
    leaving the import out of its module level keeps ``langcodes[data]`` (about 24 MB of
    language names) out of a student's environment (``labs/runtime_wheel.py`` derives the
    wheel's requirements from module-level imports).
    """
    import langcodes

    if re.match(LANGUAGE_CODE_PATTERN, value) and langcodes.tag_is_valid(value):
        return value
    try:
        suggestion = f"; did you mean {langcodes.find(value).to_tag()!r}?"
    except LookupError:
        suggestion = ""
    message = f"{value!r} is not a language code such as 'en' or 'pt-BR'{suggestion}"
    raise InvalidValue(message, codes.NOT_A_LANGUAGE_CODE)


LanguageCode = Annotated[str, AfterValidator(check_language_code)]
"""A BCP 47 tag as written; whether it is declared in languages.yaml is checked later."""


def check_https_url(value: str) -> str:
    """Accept only absolute https links to a host: no http, javascript:, data: or relative."""
    stripped = value.strip()
    if stripped != value or any(c.isspace() for c in value):
        raise InvalidValue("a link must not contain spaces", codes.BAD_LINK)
    parts = urlsplit(value)
    scheme = parts.scheme.lower()
    if scheme == "http":
        message = f"links must use https; write {'https' + value[4:]!r} if it works"
        raise InvalidValue(message, codes.BAD_LINK)
    if scheme != "https":
        shown = f"{scheme}:" if scheme else "a relative link"
        message = f"{shown} is not allowed; links must be absolute https URLs"
        raise InvalidValue(message, codes.BAD_LINK)
    if not parts.hostname:
        raise InvalidValue("the link has no host name", codes.BAD_LINK)
    return value


HttpsUrl = Annotated[str, AfterValidator(check_https_url)]


def _validate_localized(value: Any) -> str | dict[str, str]:
    if isinstance(value, str):
        if not value.strip():
            raise ValueError("text is empty")
        return check_plain_text(value)
    if isinstance(value, dict) and value:
        result: dict[str, str] = {}
        for code, text in value.items():
            if not isinstance(code, str):
                message = f"{code!r} is not a language code such as 'en' or 'pt-BR'"
                raise InvalidValue(message, codes.NOT_A_LANGUAGE_CODE)
            check_language_code(code)
            if not isinstance(text, str) or not text.strip():
                raise ValueError(f"the {code!r} text must be a non-empty string")
            result[code] = check_plain_text(text)
        return result
    raise ValueError("expected text, or a map of language code to text (en: ..., es: ...)")


LocalizedText = Annotated[
    str | dict[str, str],
    PlainValidator(_validate_localized, json_schema_input_type=str | dict[str, str]),
]
"""Plain text in the source language, or a map of language code to plain text."""


def text_in(text: str | dict[str, str], language: str, source_language: str = "en") -> str:
    """Return the text for ``language``, falling back to the source language, then any."""
    if isinstance(text, str):
        return text
    if language in text:
        return text[language]
    if source_language in text:
        return text[source_language]
    return next(iter(text.values()))


def text_language(text: str | dict[str, str], language: str, source_language: str = "en") -> str:
    """Return the language ``text_in`` actually returns for ``language``."""
    if isinstance(text, str):
        return source_language
    if language in text:
        return language
    if source_language in text:
        return source_language
    return next(iter(text))


class StrictModel(BaseModel):
    """A model that refuses unknown fields, so a misspelt key is reported, not ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True)


_PARTIAL_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


def check_partial_date(value: Any) -> Any:
    """Accept 2022, 2022-09 or 2022-09-01 (as YAML reads them), keeping the precision given.

    Meant as a ``BeforeValidator``: YAML reads ``2022`` as a number and ``2022-09-01`` as a
    date, and both are turned back into the text a contributor wrote.
    """
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool) and 1900 < value < 2200:
        return str(value)
    if isinstance(value, str):
        if not _PARTIAL_DATE.match(value):
            message = f"{value!r} is not a date; write 2022, 2022-09 or 2022-09-01"
            raise InvalidValue(message, codes.NOT_A_DATE)
        if len(value) == 10:
            dt.date.fromisoformat(value)  # rejects 2022-02-30
    return value

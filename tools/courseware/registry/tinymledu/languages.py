"""Read TinyMLedu's free-text languages ("English", "English / Spanish for Latam") into the
language codes declared in ``curriculum/languages.yaml``, and write codes back as names.

Names are looked up with ``langcodes`` (CLDR names in every language), never a hand-made
list. A qualifier such as "for Latam" is not a language; the caller keeps the text as a note.
A language the site does not declare is reported, not written: a file naming it would fail
``courseware validate``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

import langcodes

from courseware.registry.tinymledu.findings import Finding, needs_human, normalised

_SEPARATORS = re.compile(r"\s*(?:/|,|;|&|\+|\b(?:and|or|y|e|et|und)\b)\s*", re.IGNORECASE)
"""Between languages: punctuation, and "and" in the languages the registry's sources use."""
_CODE = re.compile(r"^(?:[a-z]{2,3}|[A-Z]{2,3})$")
"""A bare code, "en" or "EN"; a capitalised word ("Ga", "Ewe") is read as a name."""


@dataclass(frozen=True)
class LanguageReading:
    """The declared codes a language text names, in its order, and what could not be read."""

    codes: tuple[str, ...]
    has_qualifier: bool = False
    """True when the text says more than the codes do (a region, "for Latam")."""
    findings: tuple[Finding, ...] = field(default=())


@dataclass(frozen=True)
class _Part:
    """One language of a combination: its name as written, its tag, and any qualifier."""

    text: str
    tag: str | None
    qualifier: str = ""


def read_languages(
    text: str, declared: Mapping[str, str], field_name: str = "language_instruction"
) -> LanguageReading:
    """Read a TinyMLedu language text.

    Args:
        text: The text as published, markup already removed.
        declared: Code to English name of every language in ``curriculum/languages.yaml``.
        field_name: The TinyMLedu field, for the findings.

    Returns:
        The declared codes named, and findings: one ``normalised`` saying what was read,
        and a ``needs_human`` for each name that is unknown or not declared.
    """
    findings: list[Finding] = []
    codes: list[str] = []
    has_qualifier = False
    for part in _split(text):
        reading = _read_part(part)
        if reading.tag is None:
            findings.append(
                needs_human(field_name, f"{part!r} is not a language name langcodes knows")
            )
            continue
        code = _declared_code(reading.tag, declared)
        if code is None:
            name = langcodes.get(reading.tag).display_name()
            findings.append(
                needs_human(
                    field_name,
                    f"{part!r} is {name} ({reading.tag!r}), which curriculum/languages.yaml "
                    "does not declare; declare it, then import again",
                )
            )
            continue
        has_qualifier = has_qualifier or bool(reading.qualifier) or code != reading.tag
        if code not in codes:
            codes.append(code)
    if codes:
        summary = f"{text!r} → {', '.join(codes)}"
        if has_qualifier:
            summary += " (the qualifier is kept in notes)"
        findings.insert(0, normalised(field_name, summary))
    elif not findings:
        findings.append(needs_human(field_name, "no language given"))
    return LanguageReading(tuple(codes), has_qualifier, tuple(findings))


def write_languages(codes: list[str], declared: Mapping[str, str]) -> str:
    """Write codes as TinyMLedu does: English names joined by " / "."""
    return " / ".join(declared.get(code) or langcodes.get(code).display_name() for code in codes)


def _split(text: str) -> list[str]:
    """Split a combination on separators outside parentheses: "Spanish (Spain, Mexico)"
    names one language."""
    parts: list[str] = []
    depth = 0
    start = 0
    index = 0
    while index < len(text):
        char = text[index]
        depth += char == "("
        depth -= char == ")" and depth > 0
        match = _SEPARATORS.match(text, index) if depth == 0 else None
        if match and match.end() > index and _is_separator(text, match):
            parts.append(text[start:index])
            start = index = match.end()
            continue
        index += 1
    parts.append(text[start:])
    return [part.strip() for part in parts if part.strip()]


def _is_separator(text: str, match: re.Match[str]) -> bool:
    """A word separator ("and", "or") must stand between words, not inside one."""
    word = match.group(0).strip()
    if not word.isalpha():
        return True
    before = text[match.start() - 1] if match.start() > 0 else " "
    return not before.isalnum()


def _read_part(part: str) -> _Part:
    """Find the language a part names and what it adds.

    ``langcodes.find`` forgives extra words ("Spanish for Latam" finds Spanish), so the
    language is the shortest run of leading words that finds the same tag as the whole part;
    the words after it are the qualifier.
    """
    if _CODE.match(part) and langcodes.tag_is_valid(part.lower()):
        return _Part(part, langcodes.standardize_tag(part.lower()))
    whole = _find(part)
    if whole is None:
        return _Part(part, None)
    words = part.split()
    for end in range(1, len(words) + 1):
        if _find(" ".join(words[:end])) == whole:
            return _Part(part, whole, " ".join(words[end:]))
    return _Part(part, whole)


def _find(name: str) -> str | None:
    try:
        return str(langcodes.find(name).to_tag())
    except LookupError:
        return None


def _declared_code(tag: str, declared: Mapping[str, str]) -> str | None:
    """The declared code for a tag: itself, or its base language ("pt-BR" → "pt")."""
    if tag in declared:
        return tag
    base = langcodes.get(tag).language
    return base if base in declared else None

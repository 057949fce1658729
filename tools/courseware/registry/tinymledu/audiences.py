"""Read TinyMLedu's free-text audiences ("Middle and High School Students and Teachers") into
the registry's controlled vocabulary, and write the vocabulary back as words.

Each value has the phrases that name it; a text gets every value it names. Words left over
that name no value ("Researchers") are reported, so a partial reading is never silent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import get_args

from courseware.registry.models import Audience
from courseware.registry.tinymledu.findings import Finding, needs_human, normalised

AUDIENCES: tuple[Audience, ...] = get_args(Audience)
"""The vocabulary, in the order the registry model declares it (and values are listed)."""

_SCHOOL_LEVEL = r"(?:middle|high|elementary|primary|secondary)"
_PHRASES: dict[Audience, re.Pattern[str]] = {
    "everyone": re.compile(r"\b(?:everyone|everybody|anyone|all|general public|public)\b"),
    "k12": re.compile(
        rf"\bk ?12\b|\b{_SCHOOL_LEVEL}(?:(?: and | or |, ){_SCHOOL_LEVEL})* ?schools?\b"
        r"|\bhighschool\b|\bschool (?:students|pupils|children)\b|\bpupils\b|\bchildren\b"
        r"|\bkids\b|\bteenagers\b"
    ),
    "undergraduate": re.compile(r"\bunder ?graduates?\b|\bundergrads?\b|\bbachelor'?s?\b"),
    "graduate": re.compile(
        r"\bgraduates?\b|\bpost ?graduates?\b|\bmaster'?s?\b|\bph ?d\b|\bdoctoral\b"
    ),
    "professional": re.compile(
        r"\bprofessionals?\b|\bengineers?\b|\bindustry\b|\bpractitioners?\b|\bdevelopers?\b"
    ),
    "educators": re.compile(
        r"\bteachers?\b|\beducators?\b|\binstructors?\b|\bfaculty\b|\bprofessors?\b"
        r"|\blecturers?\b"
    ),
}
"""Phrases per value, matched on lower-case text with hyphens and dots read as spaces
("K-12", "Ph.D.", "under-graduate")."""

_READING_ORDER: tuple[Audience, ...] = (
    "undergraduate", "everyone", "k12", "graduate", "professional", "educators",
)  # fmt: skip
""""Undergraduate" holds "graduate", so it is read (and blanked out) first."""

_NEUTRAL = {"students", "student", "and", "or", "the", "of", "for", "with", "in", "interested",
            "levels", "level", "learners", "people", "university", "college"}  # fmt: skip
"""Words that qualify an audience without naming one: left over, they are not reported."""

WORDS: dict[Audience, str] = {
    "everyone": "Everyone",
    "k12": "K-12 Students",
    "undergraduate": "Undergraduate Students",
    "graduate": "Graduate Students",
    "professional": "Professionals",
    "educators": "Educators",
}
"""How each value is written back; ``read_audience`` reads each of these as its value."""


@dataclass(frozen=True)
class AudienceReading:
    """The values a text names, in vocabulary order, and what could not be read."""

    values: tuple[Audience, ...]
    findings: tuple[Finding, ...] = field(default=())


def read_audience(text: str, field_name: str = "audience") -> AudienceReading:
    """Read one TinyMLedu ``audience`` text into vocabulary values.

    Returns:
        The values, with a ``normalised`` finding saying what was read and a
        ``needs_human`` finding when nothing, or not everything, could be read.
    """
    lowered = re.sub(r"[-.]", " ", text.lower())
    found: set[Audience] = set()
    rest = lowered
    for value in _READING_ORDER:
        if _PHRASES[value].search(rest):
            found.add(value)
            rest = _PHRASES[value].sub(" ", rest)
    leftover = [w for w in re.findall(r"[a-z0-9']+", rest) if w not in _NEUTRAL]
    values = tuple(value for value in AUDIENCES if value in found)
    findings: list[Finding] = []
    if values:
        findings.append(normalised(field_name, f"{text!r} → {', '.join(values)}"))
    if not values:
        known = ", ".join(AUDIENCES)
        findings.append(
            needs_human(field_name, f"{text!r} names none of {known}; choose the values by hand")
        )
    elif leftover:
        words = " ".join(dict.fromkeys(leftover))
        findings.append(
            needs_human(field_name, f"{words!r} in {text!r} is not in the vocabulary; check it")
        )
    return AudienceReading(values, tuple(findings))


def write_audience(values: list[Audience]) -> str:
    """Write values as TinyMLedu words: "Undergraduate Students and Graduate Students"."""
    words = [WORDS[value] for value in AUDIENCES if value in values]
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} and {words[-1]}"

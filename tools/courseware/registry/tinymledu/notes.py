"""The notes an imported offering carries for what its fields cannot hold, and reading them
back on export.

An offering's ``notes`` are plain sentences for people. The importer writes a few of them in
fixed forms, so that the exporter can give TinyMLedu back its own words: the audience and
language texts when our values would write them differently, the http form of an address
written here with https, a link or logo address that could not be imported, the logo image
paths (logos are not copied) and the ``4D_Event`` flag. Both directions live in this module
so the forms cannot drift apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

AUDIENCE = "Audience as given by TinyMLedu: "
INSTRUCTION = "Language of instruction as given by TinyMLedu: "
MATERIALS = "Language of materials as given by TinyMLedu: "
HTTP = "TinyMLedu gives this address with http; it is written here with https, check it works: "
FLAG_4D = "TinyMLedu flag 4D_Event: "

_LINK_NOT_IMPORTED = re.compile(
    r"^TinyMLedu link “(?P<label>.*)” was not imported \((?P<why>.*?)\): (?P<url>.*)$"
)
_LOGO = re.compile(r"^TinyMLedu logo of “(?P<name>.*)”: (?P<image>.+)$")
_LOGO_LINK_NOT_IMPORTED = re.compile(
    r"^TinyMLedu logo link of “(?P<name>.*)” was not imported \((?P<why>.*?)\): (?P<url>.*)$"
)


def audience_note(text: str) -> str:
    """Keep an audience text our values would not write back the same."""
    return f"{AUDIENCE}{text}"


def language_note(text: str, *, of_materials: bool) -> str:
    """Keep a language text our codes would not write back the same (a qualifier, a region)."""
    return f"{MATERIALS if of_materials else INSTRUCTION}{text}"


def http_note(original: str) -> str:
    """Keep the http form of an address the offering holds with https."""
    return f"{HTTP}{original}"


def link_not_imported_note(label: str, url: str, reason: str) -> str:
    """Keep a link the offering could not hold (relative with no base URL, not a web link)."""
    return f"TinyMLedu link “{label}” was not imported ({reason}): {url}"


def logo_note(name: str, image: str) -> str:
    """Keep the image path of a partner's logo, which is not copied."""
    return f"TinyMLedu logo of “{name}”: {image}"


def logo_link_not_imported_note(name: str, url: str, reason: str) -> str:
    """Keep a partner's address the organisation could not hold."""
    return f"TinyMLedu logo link of “{name}” was not imported ({reason}): {url}"


def flag_4d_note(value: int | bool) -> str:
    """Keep TinyMLedu's ``4D_Event`` flag, which our fields have no place for."""
    return f"{FLAG_4D}{str(value).lower() if isinstance(value, bool) else value}"


@dataclass(frozen=True)
class TinyMLeduNotes:
    """What an offering's notes keep of its TinyMLedu entry, read back for export."""

    audience: str | None = None
    language_instruction: str | None = None
    language_materials: str | None = None
    http_forms: dict[str, str] = field(default_factory=dict)
    """https address as the offering holds it → the http address TinyMLedu gives."""
    links_not_imported: tuple[tuple[str, str], ...] = ()
    """(label, address) of each link the offering could not hold, in source order."""
    logos: tuple[tuple[str, str], ...] = ()
    """(organisation name, image path) in source order."""
    logo_links_not_imported: tuple[tuple[str, str], ...] = ()
    """(organisation name, address) of partner addresses the offering could not hold."""
    flag_4d: int | bool | None = None


def read_notes(notes: list[str]) -> TinyMLeduNotes:
    """Find the notes written in the forms above; other notes are the offering's own."""
    texts: dict[str, str] = {}
    http_forms: dict[str, str] = {}
    links: list[tuple[str, str]] = []
    logos: list[tuple[str, str]] = []
    logo_links: list[tuple[str, str]] = []
    flag: int | bool | None = None
    for note in notes:
        for prefix in (AUDIENCE, INSTRUCTION, MATERIALS):
            if note.startswith(prefix):
                texts.setdefault(prefix, note[len(prefix) :])
        if note.startswith(HTTP):
            original = note[len(HTTP) :]
            http_forms[f"https{original[len('http') :]}"] = original
        elif note.startswith(FLAG_4D):
            flag = _flag_value(note[len(FLAG_4D) :])
        elif match := _LINK_NOT_IMPORTED.match(note):
            links.append((match["label"], match["url"]))
        elif match := _LOGO.match(note):
            logos.append((match["name"], match["image"]))
        elif match := _LOGO_LINK_NOT_IMPORTED.match(note):
            logo_links.append((match["name"], match["url"]))
    return TinyMLeduNotes(
        audience=texts.get(AUDIENCE),
        language_instruction=texts.get(INSTRUCTION),
        language_materials=texts.get(MATERIALS),
        http_forms=http_forms,
        links_not_imported=tuple(links),
        logos=tuple(logos),
        logo_links_not_imported=tuple(logo_links),
        flag_4d=flag,
    )


def _flag_value(text: str) -> int | bool:
    if text in {"true", "false"}:
        return text == "true"
    return int(text) if text.lstrip("-").isdigit() else 1

"""Write offerings back in the TinyMLedu format, so the existing site can keep reading them.

Where an offering was imported, its notes keep TinyMLedu's own words (see ``notes.py``) and
they are given back: the date as published, the audience and language texts, http
addresses, links that could not be imported, logo paths, the ``4D_Event`` flag. Elsewhere
the words are written from the fields, in forms the importer reads back to the same values.
So importing an export gives the offerings the first import gave.

What TinyMLedu has no field for (description, location, mode, topics, other notes,
translations of the title) is not exported.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable, Mapping

from courseware.registry.models import Offering
from courseware.registry.tinymledu.audiences import write_audience
from courseware.registry.tinymledu.dates import write_date
from courseware.registry.tinymledu.languages import write_languages
from courseware.registry.tinymledu.links import relative_to_base
from courseware.registry.tinymledu.notes import TinyMLeduNotes, read_notes
from courseware.registry.tinymledu.source import SourceEntry, SourceLink, SourceThumbnail
from courseware.textfields import text_in


def export_entries(
    offerings: Iterable[Offering],
    declared_languages: Mapping[str, str],
    source_language: str = "en",
    base_url: str | None = None,
) -> list[SourceEntry]:
    """Turn offerings into TinyMLedu entries, newest first (the order the site lists them).

    Args:
        offerings: The offerings to export, all of one kind.
        declared_languages: Code → English name, to write languages as names.
        source_language: Which text of a translated title to write.
        base_url: The site's address (ending in /); links under it are written relative.
    """
    ordered = sorted(offerings, key=lambda o: o.id)
    ordered.sort(key=_newest_first_key, reverse=True)
    return [
        export_entry(offering, declared_languages, source_language, base_url)
        for offering in ordered
    ]


def export_entry(
    offering: Offering,
    declared_languages: Mapping[str, str],
    source_language: str = "en",
    base_url: str | None = None,
) -> SourceEntry:
    """Turn one offering into a TinyMLedu entry (see the module docstring)."""
    kept = read_notes([text_in(note, source_language) for note in offering.notes])
    links = [
        SourceLink(
            url=kept.http_forms.get(link.url) or relative_to_base(link.url, base_url),
            title=text_in(link.label, source_language),
        )
        for link in offering.links
    ]
    links += [SourceLink(url=url, title=label or None) for label, url in kept.links_not_imported]
    return SourceEntry(
        title=text_in(offering.title, source_language),
        subtitle=text_in(offering.subtitle, source_language) if offering.subtitle else None,
        date=write_date(offering.dates),
        audience=kept.audience or write_audience(list(offering.audience)),
        language_instruction=kept.language_instruction
        or write_languages(offering.language_of_instruction, declared_languages),
        language_materials=kept.language_materials
        or write_languages(offering.language_of_materials, declared_languages),
        links=links,
        thumbnails=_thumbnails(offering, kept, base_url),
        event_4d=kept.flag_4d,
    )


def _thumbnails(
    offering: Offering, kept: TinyMLeduNotes, base_url: str | None
) -> list[SourceThumbnail]:
    logos = list(kept.logos)
    addresses = list(kept.logo_links_not_imported)
    thumbnails = []
    for organization in offering.organizations:
        image = _take(logos, organization.name)
        if organization.url is not None:
            url: str | None = kept.http_forms.get(organization.url) or relative_to_base(
                organization.url, base_url
            )
        else:
            url = _take(addresses, organization.name)
        thumbnails.append(SourceThumbnail(image=image, alt=organization.name, url=url))
    return thumbnails


def _take(pairs: list[tuple[str, str]], name: str) -> str | None:
    """The value of the first pair for ``name``, removed so a second namesake gets its own."""
    for index, (pair_name, value) in enumerate(pairs):
        if pair_name == name:
            del pairs[index]
            return value
    return None


def _newest_first_key(offering: Offering) -> str:
    dates = offering.dates
    if dates.start:
        return dates.start
    return dates.term[-4:] if dates.term else ""


def dump_entries(entries: list[SourceEntry]) -> str:
    """Write entries as the TinyMLedu data files are written: every string double-quoted,
    lists indented, a blank line between entries."""
    if not entries:
        return "[]\n"
    blocks = []
    for entry in entries:
        data = entry.model_dump(by_alias=True, exclude_none=True)
        lines: list[str] = []
        for key, value in data.items():
            lead = "  " if lines else "- "
            if isinstance(value, list):
                if not value:
                    continue
                lines.append(f"{lead}{key}:")
                for item in value:
                    for position, (item_key, item_value) in enumerate(item.items()):
                        mark = "- " if position == 0 else "  "
                        lines.append(f"    {mark}{item_key}: {_scalar(item_value)}")
            else:
                lines.append(f"{lead}{key}: {_scalar(value)}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def _scalar(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    # A JSON string is a YAML double-quoted scalar; line separators are escaped as well,
    # since YAML reads them as line breaks.
    quoted = json.dumps(str(value), ensure_ascii=False)
    return "".join(_escaped(c) for c in quoted)


def _escaped(char: str) -> str:
    if unicodedata.category(char) not in {"Zl", "Zp", "Cc", "Cf"}:
        return char
    code = ord(char)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"

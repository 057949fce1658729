"""Turn one TinyMLedu entry into an ``Offering``, with a finding for every field read.

This is the pure core of the import: no files are read or written here. Each field goes
through its normaliser; what the offering's fields cannot hold goes into its notes (in the
forms of ``notes.py``, so the export can give it back); an entry that cannot make a valid
offering (no date, no audience, no language we declare) is returned without one, and its
findings say why.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from pydantic import ValidationError

from courseware.registry.models import Link, Offering, OfferingKind, Organization
from courseware.registry.tinymledu import notes
from courseware.registry.tinymledu.audiences import read_audience, write_audience
from courseware.registry.tinymledu.dates import DateReading, read_date
from courseware.registry.tinymledu.findings import Finding, needs_human, normalised, warning
from courseware.registry.tinymledu.ids import offering_id
from courseware.registry.tinymledu.languages import read_languages, write_languages
from courseware.registry.tinymledu.links import UrlReading, read_url
from courseware.registry.tinymledu.markup import clean_field
from courseware.registry.tinymledu.source import SourceItem
from courseware.yamlsafe import KeyPath


@dataclass(frozen=True)
class ConvertOptions:
    """What the conversion needs beyond the entry itself."""

    kind: OfferingKind
    declared_languages: Mapping[str, str]
    """Code → English name of every language in ``curriculum/languages.yaml``."""
    base_url: str | None = None
    """The TinyMLedu site's address, to resolve its relative links (checked, ends in /)."""


@dataclass(frozen=True)
class Conversion:
    """An entry, the offering made of it (None when none could be) and the findings."""

    item: SourceItem
    offering: Offering | None
    findings: tuple[Finding, ...]

    @property
    def needs_human(self) -> bool:
        """True when the entry was not converted, or a field could not be read."""
        return self.offering is None or any(f.needs_human for f in self.findings)


class _Entry:
    """The findings and notes gathered while one entry's fields are read."""

    def __init__(self, item: SourceItem) -> None:
        self.item = item
        self.findings: list[Finding] = []
        self.language_notes: list[str] = []
        self.audience_notes: list[str] = []
        self.http_notes: list[str] = []
        self.link_notes: list[str] = []
        self.organization_notes: list[str] = []
        self.flag_notes: list[str] = []

    def add(self, location: KeyPath, findings: list[Finding] | tuple[Finding, ...]) -> None:
        line = self.item.line_of(location)
        self.findings += [dataclasses.replace(f, line=line) for f in findings]

    def notes(self) -> list[str]:
        # Grouped by kind, not by source position: the export moves links it could not
        # import to the end, and the notes must come back in the same order.
        return [
            *self.language_notes,
            *self.audience_notes,
            *self.http_notes,
            *self.link_notes,
            *self.organization_notes,
            *self.flag_notes,
        ]


def convert_entry(item: SourceItem, options: ConvertOptions) -> Conversion:
    """Convert one checked TinyMLedu entry into an offering (see the module docstring)."""
    entry = _Entry(item)
    source = item.entry
    title = _text(entry, "title", source.title)
    subtitle = _text(entry, "subtitle", source.subtitle) if source.subtitle else None
    dates = _dates(entry, source.date)
    audience = _audience(entry, source.audience)
    instruction = _languages(entry, "language_instruction", source.language_instruction, options)
    materials = _languages(entry, "language_materials", source.language_materials, options)
    links = _links(entry, options)
    organizations = _organizations(entry, options)
    if source.event_4d is not None:
        entry.flag_notes.append(notes.flag_4d_note(source.event_4d))
        entry.add(("4D_Event",), [normalised("4D_Event", "kept as a note")])
    if not title:
        entry.add(("title",), [needs_human("title", "the title is empty; give the entry one")])
    if not (title and dates and audience and instruction and materials):
        return Conversion(item, None, tuple(entry.findings))
    try:
        offering = Offering(
            id=offering_id(title, dates.year),
            kind=options.kind,
            title=title,
            subtitle=subtitle or None,
            organizations=organizations,
            dates=dates.to_dates(),
            audience=list(audience),
            language_of_instruction=list(instruction),
            language_of_materials=list(materials),
            links=links,
            notes=entry.notes(),
        )
    except ValidationError as error:  # a normaliser let through what the model refuses
        for detail in error.errors(include_url=False):
            where = ".".join(str(part) for part in detail["loc"])
            entry.add((), [needs_human(where or "entry", str(detail["msg"]))])
        return Conversion(item, None, tuple(entry.findings))
    return Conversion(item, offering, tuple(entry.findings))


def _text(entry: _Entry, field_name: str, value: str | None) -> str:
    text, findings = clean_field(field_name, value or "")
    entry.add((field_name,), findings)
    return text


def _dates(entry: _Entry, value: str | None) -> DateReading | None:
    text = _text(entry, "date", value)
    if not text:
        entry.add(("date",), [needs_human("date", "no date given; add one to the entry")])
        return None
    reading = read_date(text)
    entry.add(("date",), reading.findings)
    return reading


def _audience(entry: _Entry, value: str | None) -> tuple[str, ...]:
    text = _text(entry, "audience", value)
    if not text:
        entry.add(("audience",), [needs_human("audience", "no audience given; add one")])
        return ()
    reading = read_audience(text)
    entry.add(("audience",), reading.findings)
    if reading.values and write_audience(list(reading.values)) != text:
        entry.audience_notes.append(notes.audience_note(text))
    return reading.values


def _languages(
    entry: _Entry, field_name: str, value: str | None, options: ConvertOptions
) -> tuple[str, ...]:
    text = _text(entry, field_name, value)
    if not text:
        entry.add((field_name,), [needs_human(field_name, "no language given; add one")])
        return ()
    reading = read_languages(text, options.declared_languages, field_name)
    entry.add((field_name,), reading.findings)
    if reading.codes and write_languages(list(reading.codes), options.declared_languages) != text:
        of_materials = field_name == "language_materials"
        entry.language_notes.append(notes.language_note(text, of_materials=of_materials))
    return reading.codes


def _links(entry: _Entry, options: ConvertOptions) -> list[Link]:
    links: list[Link] = []
    for index, link in enumerate(entry.item.entry.links):
        where = f"links[{index}]"
        label = _text(entry, f"{where}.title", link.title) if link.title else ""
        reading = read_url(link.url, options.base_url)
        entry.add(("links", index, "url"), _url_findings(f"{where}.url", reading))
        if reading.url is None:
            entry.link_notes.append(
                notes.link_not_imported_note(label, reading.original, reading.reason)
            )
            continue
        if not label:
            label = urlsplit(reading.url).hostname or reading.url
            message = f"no title; labelled with the host name {label!r}"
            entry.add(("links", index), [warning(f"{where}.title", message)])
        if reading.outcome == "upgraded":
            entry.http_notes.append(notes.http_note(reading.original))
        links.append(Link(label=label, url=reading.url))
    return links


def _organizations(entry: _Entry, options: ConvertOptions) -> list[Organization]:
    organizations: list[Organization] = []
    for index, thumbnail in enumerate(entry.item.entry.thumbnails):
        where = f"thumbnails[{index}]"
        name = _text(entry, f"{where}.alt", thumbnail.alt) if thumbnail.alt else ""
        if not name:
            message = "a logo with no alt text names no organisation; not imported, add it by hand"
            entry.add(("thumbnails", index), [needs_human(where, message)])
            continue
        if thumbnail.image:
            entry.organization_notes.append(notes.logo_note(name, thumbnail.image.strip()))
        url = None
        if thumbnail.url:
            reading = read_url(thumbnail.url, options.base_url)
            entry.add(("thumbnails", index, "url"), _url_findings(f"{where}.url", reading))
            url = reading.url
            if reading.url is None:
                entry.organization_notes.append(
                    notes.logo_link_not_imported_note(name, reading.original, reading.reason)
                )
            elif reading.outcome == "upgraded":
                entry.organization_notes.append(notes.http_note(reading.original))
        organizations.append(Organization(name=name, url=url))
    if organizations:
        names = ", ".join(org.name for org in organizations)
        message = f"organizations from the alt texts: {names}; logos not copied (paths in notes)"
        entry.add(("thumbnails",), [normalised("thumbnails", message)])
    return organizations


def _url_findings(field_name: str, reading: UrlReading) -> list[Finding]:
    if reading.outcome == "resolved":
        return [normalised(field_name, f"{reading.original!r} → {reading.url}")]
    if reading.outcome == "upgraded":
        return [
            warning(
                field_name,
                f"{reading.original!r} uses http; written as {reading.url} "
                "(the http form is kept in notes and given back on export); check it works",
            )
        ]
    if reading.outcome in {"relative", "refused"}:
        return [
            needs_human(
                field_name,
                f"{reading.original!r} not imported: {reading.reason}; kept in notes"
                + (
                    " (import with --base-url to resolve it)"
                    if reading.outcome == "relative"
                    else ""
                ),
            )
        ]
    return []

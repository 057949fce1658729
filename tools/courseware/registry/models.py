"""Pydantic models of the registry files: languages and offerings (external courses and
workshops).

Field names are the YAML keys, in snake_case, and are kept close to the TinyMLedu registry
(language of instruction vs. of materials) and schema.org Course/CourseInstance.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, model_validator

from courseware.textfields import (
    HttpsUrl,
    LanguageCode,
    LocalizedText,
    PlainText,
    Slug,
    StrictModel,
    check_partial_date,
)

Audience = Literal["everyone", "k12", "undergraduate", "graduate", "professional", "educators"]
OfferingKind = Literal["course", "workshop"]
Mode = Literal["online", "onsite", "hybrid"]
Direction = Literal["ltr", "rtl"]

_TERM = re.compile(r"^(Spring|Summer|Fall|Autumn|Winter|January|IAP) \d{4}$")


PartialDate = Annotated[str, BeforeValidator(check_partial_date)]
"""An ISO 8601 date at year, month or day precision, as precise as the source is."""


class Language(StrictModel):
    """One language the site speaks (``curriculum/languages.yaml``)."""

    code: LanguageCode
    native_name: PlainText
    english_name: PlainText
    direction: Direction = "ltr"
    source: bool = Field(default=False, description="True for the one source language.")
    translated_by: LocalizedText | None = Field(
        default=None, description="Who translated the site into this language."
    )
    reviewed_by: PlainText | None = Field(
        default=None,
        description="The native-speaking educator who reviewed the translation; absent until "
        "one has, and the status page then says it is not reviewed yet.",
    )


class LanguagesFile(StrictModel):
    """The whole ``curriculum/languages.yaml`` file."""

    languages: list[Language] = Field(min_length=1)


class Organization(StrictModel):
    """An organisation that runs or hosts an offering."""

    name: PlainText
    url: HttpsUrl | None = None


class Link(StrictModel):
    """A labelled https link (website, materials, recordings)."""

    label: LocalizedText
    url: HttpsUrl


class Location(StrictModel):
    """Where an onsite or hybrid offering takes place."""

    city: PlainText | None = None
    country: Annotated[str, Field(pattern=r"^[A-Z]{2}$")] = Field(
        description="ISO 3166-1 alpha-2 country code, such as 'IT' or 'ET'."
    )


class Dates(StrictModel):
    """When an offering runs, as precisely as its source says.

    ``as_published`` keeps the source's own words where they say less than a date (for
    example a month with no year), so nothing is guessed.
    """

    start: PartialDate | None = None
    end: PartialDate | None = None
    term: Annotated[str, Field(pattern=_TERM.pattern)] | None = None
    ongoing: bool = False
    as_published: PlainText | None = None

    @model_validator(mode="after")
    def _coherent(self) -> Dates:
        if not (self.start or self.term or self.as_published):
            raise ValueError("give a start date, a term such as 'Fall 2022', or as_published")
        if self.ongoing and self.end:
            raise ValueError("an ongoing offering has no end date; remove end or ongoing")
        if self.start and self.end and self.end < self.start[: len(self.end)]:
            raise ValueError(f"end {self.end} is before start {self.start}")
        return self


class Offering(StrictModel):
    """An external TinyML course or workshop (``curriculum/offerings/<id>.yaml``)."""

    id: Slug
    kind: OfferingKind
    title: LocalizedText
    subtitle: LocalizedText | None = None
    organizations: list[Organization] = Field(default_factory=list)
    dates: Dates
    audience: list[Audience] = Field(min_length=1)
    language_of_instruction: list[LanguageCode] = Field(min_length=1)
    language_of_materials: list[LanguageCode] = Field(min_length=1)
    location: Location | None = None
    mode: Mode | None = None
    links: list[Link] = Field(default_factory=list)
    description: LocalizedText | None = None
    topics: list[Slug] = Field(default_factory=list)
    notes: list[LocalizedText] = Field(
        default_factory=list, description="What the source said that the fields cannot hold."
    )

"""Read TinyMLedu's free-text dates ("Jan 2021 - Present", "April, June, July 2022",
"Launched 2020-2022", "Fall 2022") into start, end, term and ongoing, and write them back.

Nothing is guessed: a date is only as precise as its text (a year stays a year), a month with
no year is left for a human, and the text itself is always kept in ``dates.as_published``.
The writer is the reader's inverse, so that an exported date reads back the same.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pydantic import ValidationError

from courseware.registry.models import Dates
from courseware.registry.tinymledu.findings import Finding, needs_human, normalised

MONTHS: dict[str, int] = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}  # fmt: skip
"""English month names and the abbreviations the TinyMLedu data uses ("Sept", "Jan")."""

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip

TERMS = {"spring": "Spring", "summer": "Summer", "fall": "Fall", "autumn": "Autumn",
         "winter": "Winter"}  # fmt: skip
"""Academic terms, spelt as ``Dates.term`` accepts them (see registry/models.py)."""

ONGOING_WORDS = {"present", "now", "ongoing", "today", "current"}

_PREFIX = re.compile(r"^(?P<word>launched|since|from|started|starting|offered)(?:\s+in)?\s+")
_ISO = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_RANGE = re.compile(r"\s*(?:-|\bto\b|\buntil\b|\btill\b|\bthrough\b)\s*")
_TOKEN = re.compile(r"[a-z]+|\d+")
_FILLER = {"and", "of", "the", "in"}


@dataclass(frozen=True)
class DateReading:
    """What a TinyMLedu date says, in our fields, and what could not be read."""

    as_published: str
    start: str | None = None
    end: str | None = None
    term: str | None = None
    ongoing: bool = False
    findings: tuple[Finding, ...] = field(default=())

    def to_dates(self) -> Dates:
        """The registry's ``dates`` value (the original text always kept)."""
        return Dates(
            start=self.start,
            end=self.end,
            term=self.term,
            ongoing=self.ongoing,
            as_published=self.as_published,
        )

    @property
    def year(self) -> str | None:
        """The first year the text names, used in ids."""
        if self.start:
            return self.start[:4]
        return self.term[-4:] if self.term else None


@dataclass(frozen=True)
class _Point:
    """One end of a range: as much of a date as its words say."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    term: str | None = None
    is_ongoing: bool = False
    months: tuple[int, ...] = ()
    """Every month named, when a list of months shares one year ("April, June, July 2022")."""

    def iso(self) -> str | None:
        if self.year is None:
            return None
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


class _Unreadable(Exception):
    """The words are not a date this reader knows; the message says which part."""


def read_date(text: str, field_name: str = "date") -> DateReading:
    """Read one TinyMLedu ``date`` string.

    Returns:
        The reading, with a ``normalised`` finding saying what was read, or a
        ``needs_human`` one saying what was not (then only ``as_published`` is set).
    """
    try:
        reading = _read(text)
    except _Unreadable as problem:
        message = f"{text!r}: {problem}; kept as published only, add start or term by hand"
        return DateReading(as_published=text, findings=(needs_human(field_name, message),))
    if reading.start is None and reading.term is None:
        message = f"{text!r} names no year; kept as published only, add start or term by hand"
        return DateReading(as_published=text, findings=(needs_human(field_name, message),))
    summary = _describe(reading)
    return DateReading(
        as_published=text,
        start=reading.start,
        end=reading.end,
        term=reading.term,
        ongoing=reading.ongoing,
        findings=(normalised(field_name, f"{text!r} → {summary}"),),
    )


def _read(text: str) -> DateReading:
    lowered = text.strip().lower().replace("–", "-").replace("—", "-")
    lowered = re.sub(r"(?<=[a-z])\.", "", lowered)  # "Sept." is "Sept"
    since = False
    prefix = _PREFIX.match(lowered)
    if prefix:
        since = prefix.group("word") in {"since", "from", "started", "starting"}
        lowered = lowered[prefix.end() :]
    if _ISO.match(lowered):
        return _checked(DateReading(text, start=lowered, ongoing=since))
    sides = _RANGE.split(lowered)
    if len(sides) > 2 or any(not side.strip() for side in sides):
        raise _Unreadable("not one date or one range of dates")
    if len(sides) == 1:
        point = _point(sides[0])
        return _checked(_single(text, point, since))
    first, last = _point(sides[0]), _point(sides[1])
    return _checked(_range(text, first, last))


def _point(words: str) -> _Point:
    """Read one side of a range: day, month(s), term, year, or a word for "now"."""
    tokens = _TOKEN.findall(words.replace(",", " "))
    if not tokens:
        raise _Unreadable(f"{words.strip()!r} is not a date")
    year = day = None
    months: list[int] = []
    term = None
    is_ongoing = False
    for token in tokens:
        if token.isdigit():
            number = int(token)
            if len(token) == 4 and 1900 < number < 2200 and year is None:
                year = number
            elif len(token) <= 2 and 1 <= number <= 31 and day is None and year is None:
                day = number
            else:
                raise _Unreadable(f"{token!r} is neither a day nor a year")
        elif token in MONTHS:
            months.append(MONTHS[token])
        elif token in TERMS and term is None:
            term = TERMS[token]
        elif token in ONGOING_WORDS:
            is_ongoing = True
        elif token not in _FILLER:
            raise _Unreadable(f"{token!r} is not a month, term or year")
    if is_ongoing and (months or year or term or day):
        raise _Unreadable("'present' cannot share a side of a range with a date")
    if term and (months or day):
        raise _Unreadable("a term cannot share a side of a range with a month or a day")
    if day is not None and len(months) > 1:
        raise _Unreadable("a day cannot go with several months")
    if len(months) != len(set(months)):
        raise _Unreadable("a month is named twice")
    return _Point(
        year=year,
        month=months[0] if len(months) == 1 else None,
        day=day,
        term=term,
        is_ongoing=is_ongoing,
        months=tuple(sorted(months)) if len(months) > 1 else (),
    )


def _single(text: str, point: _Point, since: bool) -> DateReading:
    if point.is_ongoing:
        raise _Unreadable("'present' alone says no start")
    if point.day is not None and point.month is None:
        raise _Unreadable("a day with no month")
    if point.term:
        if point.year is None:
            raise _Unreadable("a term with no year")
        return DateReading(text, term=f"{point.term} {point.year}", ongoing=since)
    if point.months:
        first = _Point(year=point.year, month=point.months[0])
        last = _Point(year=point.year, month=point.months[-1])
        return DateReading(text, start=first.iso(), end=last.iso(), ongoing=False)
    return DateReading(text, start=point.iso(), ongoing=since)


def _range(text: str, first: _Point, last: _Point) -> DateReading:
    if first.is_ongoing or first.months or last.months:
        raise _Unreadable("a range runs from one date to another")
    if last.is_ongoing:
        opening = _single(text, first, since=False)
        if opening.end:
            raise _Unreadable("a range runs from one date to another")
        return DateReading(text, start=opening.start, term=opening.term, ongoing=True)
    if last.year is None:
        raise _Unreadable("the end of the range has no year")
    end_year: int = last.year
    if first.term or last.term:
        # Terms have no agreed months, so a range of terms is read at year precision.
        start_year = first.year if first.year is not None else end_year
        return DateReading(text, start=f"{start_year:04d}", end=f"{end_year:04d}")
    if first.month is None and first.day is not None:
        # "3 - 7 July 2023": the first day borrows the month and year of the last.
        first = _Point(year=last.year, month=last.month, day=first.day)
    if last.month is None and last.day is not None:
        if first.month is None:
            raise _Unreadable("a day with no month")
        # "July 3 - 7, 2023": the last day borrows the month of the first.
        last = _Point(year=last.year, month=first.month, day=last.day)
    if first.year is None:
        if first.month is None:
            raise _Unreadable("the start of the range is not a date")
        # "Nov - Feb 2023" crosses a new year; "Jun - Aug 2022" does not.
        crosses = last.month is not None and first.month > last.month
        start_year = end_year - 1 if crosses else end_year
        first = _Point(year=start_year, month=first.month, day=first.day)
    return DateReading(text, start=first.iso(), end=last.iso())


def _checked(reading: DateReading) -> DateReading:
    """Let the registry's own model judge the values (real days, end not before start)."""
    try:
        Dates(
            start=reading.start,
            end=reading.end,
            term=reading.term,
            ongoing=reading.ongoing,
            as_published=reading.as_published,
        )
    except ValidationError as error:
        message = str(error.errors(include_url=False)[0]["msg"]).removeprefix("Value error, ")
        raise _Unreadable(message) from None
    return reading


def _describe(reading: DateReading) -> str:
    parts = []
    if reading.start:
        parts.append(f"start {reading.start}")
    if reading.end:
        parts.append(f"end {reading.end}")
    if reading.term:
        parts.append(f"term {reading.term}")
    if reading.ongoing:
        parts.append("ongoing")
    return ", ".join(parts)


def write_date(dates: Dates) -> str:
    """Write ``dates`` as TinyMLedu text: the published words when we have them.

    Otherwise the words are built so that ``read_date`` reads them back to the same values.
    """
    if dates.as_published:
        return dates.as_published
    if dates.term:
        return f"{dates.term} - Present" if dates.ongoing else dates.term
    opening = _write_point(dates.start or "")
    if dates.ongoing:
        return f"{opening} - Present"
    if dates.end:
        return f"{opening} - {_write_point(dates.end)}"
    return opening


def _write_point(iso: str) -> str:
    parts = iso.split("-")
    if len(parts) == 1:
        return parts[0]
    month = MONTH_NAMES[int(parts[1]) - 1]
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    return f"{int(parts[2])} {month} {parts[0]}"

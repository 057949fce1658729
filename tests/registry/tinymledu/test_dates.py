"""Reading and writing TinyMLedu's free-text dates."""

from __future__ import annotations

import pytest

from courseware.registry.models import Dates
from courseware.registry.tinymledu.dates import read_date, write_date

READ = [
    # text, start, end, term, ongoing
    ("Launched 2020-2022", "2020", "2022", None, False),
    ("Launched 2021-2022", "2021", "2022", None, False),
    ("Launched in 2021", "2021", None, None, False),
    ("Fall 2022", None, None, "Fall 2022", False),
    ("Autumn 2021", None, None, "Autumn 2021", False),
    ("Jan 2021 - Present", "2021-01", None, None, True),
    ("Sept 2020 - Present", "2020-09", None, None, True),
    ("Sept. 2020 – Present", "2020-09", None, None, True),
    ("Since 2020", "2020", None, None, True),
    ("Fall 2022 - Present", None, None, "Fall 2022", True),
    ("April, June, July 2022", "2022-04", "2022-07", None, False),
    ("June and April 2022", "2022-04", "2022-06", None, False),
    ("March 2025", "2025-03", None, None, False),
    ("2023", "2023", None, None, False),
    ("2022-09", "2022-09", None, None, False),
    ("3 - 7 July 2023", "2023-07-03", "2023-07-07", None, False),
    ("July 3-7, 2023", "2023-07-03", "2023-07-07", None, False),
    ("Jun - Aug 2022", "2022-06", "2022-08", None, False),
    ("Nov - Feb 2023", "2022-11", "2023-02", None, False),
    ("May 2024 to June 2024", "2024-05", "2024-06", None, False),
    ("Spring 2021 - Fall 2022", "2021", "2022", None, False),
]


@pytest.mark.parametrize(("text", "start", "end", "term", "ongoing"), READ)
def test_reads_dates(
    text: str, start: str | None, end: str | None, term: str | None, ongoing: bool
) -> None:
    reading = read_date(text)
    assert (reading.start, reading.end, reading.term, reading.ongoing) == (
        start,
        end,
        term,
        ongoing,
    )
    assert reading.as_published == text
    assert [f.kind for f in reading.findings] == ["normalised"]
    assert reading.findings[0].message.startswith(repr(text))


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("November", "names no year"),
        ("Present", "'present' alone says no start"),
        ("2022-2021", "end 2021 is before start 2022"),
        ("30 Feb 2022", "day is out of range for month"),
        ("2022 academic year", "'academic' is not a month, term or year"),
        ("2020 - 2021 - 2022", "not one date or one range of dates"),
    ],
)
def test_leaves_unreadable_dates_to_a_human(text: str, reason: str) -> None:
    reading = read_date(text)
    assert (reading.start, reading.end, reading.term, reading.ongoing) == (None, None, None, False)
    assert reading.as_published == text
    (finding,) = reading.findings
    assert finding.needs_human
    assert reason in finding.message
    assert reading.to_dates().as_published == text  # still a valid dates value


@pytest.mark.parametrize(("text", "start", "end", "term", "ongoing"), READ)
def test_writing_then_reading_gives_the_same_values(
    text: str, start: str | None, end: str | None, term: str | None, ongoing: bool
) -> None:
    dates = Dates(start=start, end=end, term=term, ongoing=ongoing)
    again = read_date(write_date(dates))
    assert (again.start, again.end, again.term, again.ongoing) == (start, end, term, ongoing)


def test_writes_the_published_words_when_kept() -> None:
    assert write_date(Dates(start="2021-01", ongoing=True, as_published="Jan 2021 - Present")) == (
        "Jan 2021 - Present"
    )
    assert write_date(Dates(start="2023-07-03", end="2023-07-07")) == "3 July 2023 - 7 July 2023"


def test_year_is_the_first_year_named() -> None:
    assert read_date("Sept 2020 - Present").year == "2020"
    assert read_date("Fall 2022").year == "2022"
    assert read_date("November").year is None

"""Tests of courseware.i18n.formatting: durations and sizes in the reader's language."""

from __future__ import annotations

import pytest

from courseware.i18n.catalogs import translator
from courseware.i18n.formatting import format_duration, format_size, list_separator


@pytest.mark.parametrize(
    ("size", "language", "expected"),
    [
        (512, "en", "512 B"),
        (104_926, "en", "105 kB"),
        (1_349_000, "en", "1.3 MB"),
        (1_349_000, "es", "1,3 MB"),
        (12_345_678, "en", "12.3 MB"),
    ],
)
def test_format_size(size: int, language: str, expected: str) -> None:
    assert format_size(size, language) == expected


@pytest.mark.parametrize(
    ("minutes", "expected"), [(45, "45 min"), (60, "1 h"), (95, "1 h 35 min"), (125, "2 h 05 min")]
)
def test_format_duration_in_english(minutes: int, expected: str) -> None:
    assert format_duration(minutes) == expected
    assert format_duration(minutes, translator("en")) == expected


def test_lists_take_the_arabic_comma_in_arabic_and_the_comma_elsewhere() -> None:
    assert list_separator("ar") == "\u060c "
    assert [list_separator(code) for code in ("en", "es", "pt", "fr")] == [", "] * 4

"""Reading TinyMLedu's free-text languages into declared codes."""

from __future__ import annotations

import pytest

from courseware.registry.tinymledu.languages import read_languages, write_languages

from .conftest import DECLARED


@pytest.mark.parametrize(
    ("text", "codes", "has_qualifier"),
    [
        ("English", ("en",), False),
        ("Portuguese", ("pt",), False),
        ("English / Spanish", ("en", "es"), False),
        ("English / Spanish for Latam", ("en", "es"), True),
        ("Spanish (Latin America, Spain)", ("es",), True),
        ("Brazilian Portuguese", ("pt",), True),
        ("English, French & Arabic", ("en", "fr", "ar"), False),
        ("Inglés y Español", ("en", "es"), False),
        ("Español", ("es",), False),
        ("EN", ("en",), False),
        ("English / English", ("en",), False),
    ],
)
def test_reads_names_and_combinations(
    text: str, codes: tuple[str, ...], has_qualifier: bool
) -> None:
    reading = read_languages(text, DECLARED)
    assert reading.codes == codes
    assert reading.has_qualifier is has_qualifier
    assert [f.kind for f in reading.findings] == ["normalised"]


def test_an_undeclared_language_needs_a_human() -> None:
    reading = read_languages("English and German", DECLARED, "language_materials")
    assert reading.codes == ("en",)
    assert [f.kind for f in reading.findings] == ["normalised", "needs_human"]
    human = reading.findings[1]
    assert human.field == "language_materials"
    assert "German ('de')" in human.message
    assert "curriculum/languages.yaml does not declare" in human.message


def test_an_unknown_name_needs_a_human() -> None:
    reading = read_languages("Latam", DECLARED)
    assert reading.codes == ()
    (finding,) = reading.findings
    assert finding.needs_human
    assert "'Latam' is not a language name" in finding.message


def test_writes_english_names_that_read_back() -> None:
    assert write_languages(["en", "es"], DECLARED) == "English / Spanish"
    assert read_languages(write_languages(["pt", "ar"], DECLARED), DECLARED).codes == ("pt", "ar")

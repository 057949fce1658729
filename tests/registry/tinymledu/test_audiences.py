"""Reading TinyMLedu's free-text audiences into the controlled vocabulary."""

from __future__ import annotations

import itertools

import pytest

from courseware.registry.tinymledu.audiences import AUDIENCES, read_audience, write_audience


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Everyone", ("everyone",)),
        ("Undergraduate Students", ("undergraduate",)),
        ("Graduate Students", ("graduate",)),
        ("Undergraduate and Graduate Students", ("undergraduate", "graduate")),
        ("Middle and High School Students and Teachers", ("k12", "educators")),
        ("High School Students and Teachers", ("k12", "educators")),
        ("K-12", ("k12",)),
        ("Ph.D. students", ("graduate",)),
        ("Professionals and Educators", ("professional", "educators")),
    ],
)
def test_reads_free_text_into_several_values(text: str, values: tuple[str, ...]) -> None:
    reading = read_audience(text)
    assert reading.values == values
    assert [f.kind for f in reading.findings] == ["normalised"]


def test_words_outside_the_vocabulary_need_a_human() -> None:
    reading = read_audience("Undergraduate Students and Researchers")
    assert reading.values == ("undergraduate",)
    assert [f.kind for f in reading.findings] == ["normalised", "needs_human"]
    assert "'researchers'" in reading.findings[1].message


@pytest.mark.parametrize("text", ["Students", "Researchers", ""])
def test_text_naming_no_value_needs_a_human(text: str) -> None:
    reading = read_audience(text)
    assert reading.values == ()
    (finding,) = reading.findings
    assert finding.needs_human


def test_every_combination_written_reads_back() -> None:
    for size in range(1, len(AUDIENCES) + 1):
        for values in itertools.combinations(AUDIENCES, size):
            reading = read_audience(write_audience(list(values)))
            assert reading.values == values
            assert not any(f.needs_human for f in reading.findings)
    assert write_audience(["undergraduate", "graduate"]) == (
        "Undergraduate Students and Graduate Students"
    )

"""Stable ids from title and year."""

from __future__ import annotations

from courseware.registry.tinymledu.ids import numbered_id, offering_id, slugify


def test_slug_of_title_then_year() -> None:
    assert offering_id("edX tinyML Specialization", "2020") == "edx-tinyml-specialization-2020"
    assert offering_id("ESE3600: Tiny Machine Learning", "2022") == (
        "ese3600-tiny-machine-learning-2022"
    )


def test_year_not_repeated_when_the_title_has_it() -> None:
    assert offering_id("SciTinyML 2022 Africa", "2022") == "scitinyml-2022-africa"


def test_no_year_and_accents() -> None:
    assert offering_id("Inteligência Artificial", None) == "inteligencia-artificial"
    assert slugify("Universidade Federal de Itajubá (UNIFEI)") == (
        "universidade-federal-de-itajuba-unifei"
    )


def test_titles_without_latin_letters_get_a_stable_id() -> None:
    first = offering_id("تعلم الآلة", "2023")
    assert first == offering_id("تعلم الآلة", "2023")
    assert first.startswith("offering-") and first.endswith("-2023")


def test_long_titles_fit_the_registry() -> None:
    made = offering_id("word " * 40, "2021")
    assert len(made) <= 80 and made.endswith("-2021") and "--" not in made


def test_numbered_ids() -> None:
    assert numbered_id("x-2020", {"x-2020"}) == "x-2020-2"
    assert numbered_id("x-2020", {"x-2020", "x-2020-2"}) == "x-2020-3"

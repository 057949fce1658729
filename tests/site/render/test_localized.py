"""Registry text marked with its own language where it falls back (``site/localized.py``)."""

from __future__ import annotations

from courseware.site.render.localized import (
    heading_attributes,
    in_language,
    language_attributes,
    language_marks,
    localized,
)

TITLE = {"en": "What <TinyML> is", "es": "Qué es TinyML"}


def test_translated_text_is_shown_plain_and_fallback_text_is_marked() -> None:
    assert localized(TITLE, "es", "en") == "Qué es TinyML"
    assert localized(TITLE, "fr", "en") == '<span lang="en">What &lt;TinyML&gt; is</span>'
    assert localized(TITLE, "en", "en") == "What &lt;TinyML&gt; is"


def test_direction_is_declared_only_where_it_turns() -> None:
    assert localized(TITLE, "ar", "en") == (
        '<span lang="en" dir="ltr">What &lt;TinyML&gt; is</span>'
    )
    assert language_marks("en", "ar") == {"lang": "en", "dir": "ltr"}
    assert language_marks("ar", "fr") == {"lang": "ar", "dir": "rtl"}
    assert language_marks("fr", "fr") == {}
    assert language_attributes("en", "pt") == ' lang="en"'


def test_markup_helpers() -> None:
    assert in_language("<b>x</b>", "en", "en") == "<b>x</b>"
    assert in_language("x", "en", "es") == '<span lang="en">x</span>'
    assert heading_attributes("en", "ar") == ' {: lang="en" dir="ltr" }'
    assert heading_attributes("es", "es") == ""

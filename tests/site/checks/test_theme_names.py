"""Theme names in contributed text are refused at their line; in code they are text."""

from __future__ import annotations

from courseware.site.checks.theme_names import check_theme_names


def test_reserved_ids_and_attributes_are_reported_at_their_lines() -> None:
    body = (
        "# Page\n\n## Settings {#__drawer}\n\n"
        '<span data-md-toggle="search">x</span>\n\n'
        "Write `data-md-component=x` in code only.\n\n"
        '```html\n<label for="__search">in a fence</label>\n```\n\n'
        "<label for='__toc'>Contents</label>\n"
    )
    problems = check_theme_names(body, {"page", "__drawer", "settings"}, "pages/a.md", 3)
    assert [(p.line, p.message.split(" is the theme's")[0]) for p in problems] == [
        (5, "id '__drawer'"),
        (7, "attribute data-md-toggle='search'"),
        (15, "attribute for='__toc'"),
    ]
    assert {p.code.code for p in problems} == {"CW-SITE-040"}


def test_python_names_are_not_the_themes() -> None:
    assert check_theme_names("## `__init__` methods\n", {"__init__-methods"}, "m.md", 1) == []

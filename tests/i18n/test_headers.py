"""Translation headers: Markdown front matter and the jupytext header of labs."""

from __future__ import annotations

from pathlib import Path

import jupytext
import pytest

from courseware.i18n.headers import (
    HeaderError,
    TranslationHeader,
    add_translation_header,
    parse_translation_header,
    read_translation_header,
    strip_translation_header,
)

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "translations"
HEADER = TranslationHeader("index.md", "sha256:0123456789abcdef", ("Ana Pérez",))

MARKDOWN_SOURCES = [
    "# Title\n\nText.\n",
    "---\ntitle: A page\n---\n# Title\n",
    "",
]
LAB_SOURCES = [
    (FIXTURE / "labs" / "device-footprint.py").read_text(encoding="utf-8"),
    "# %% [markdown]\n# # Title\n\n# %%\nx = 1\n",
    "# ---\n# title: a lab\n# ---\n\n# %%\nx = 1\n",
]


@pytest.mark.parametrize("source", MARKDOWN_SOURCES)
def test_markdown_header_round_trips(source: str) -> None:
    text = add_translation_header(source, HEADER, "front_matter")
    assert text.startswith("---\n")
    assert parse_translation_header(text, "front_matter") == HEADER
    assert strip_translation_header(text, "front_matter") == source


def test_markdown_header_joins_existing_front_matter() -> None:
    text = add_translation_header("---\ntitle: A page\n---\n# Title\n", HEADER, "front_matter")
    assert text.count("---\n") == 2
    assert "title: A page\n" in text


@pytest.mark.parametrize("source", LAB_SOURCES)
def test_lab_header_round_trips(source: str) -> None:
    text = add_translation_header(source, HEADER, "jupytext")
    assert parse_translation_header(text, "jupytext") == HEADER
    assert strip_translation_header(text, "jupytext") == source


@pytest.mark.parametrize("source", LAB_SOURCES)
def test_lab_header_leaves_the_cells_of_the_notebook_alone(source: str) -> None:
    text = add_translation_header(source, HEADER, "jupytext")
    before = jupytext.reads(source, fmt="py:percent")
    after = jupytext.reads(text, fmt="py:percent")
    assert [(c.cell_type, c.source) for c in after.cells] == [
        (c.cell_type, c.source) for c in before.cells
    ]
    assert after.metadata["courseware"]["source_hash"] == HEADER.source_hash


def test_fixture_lab_translation_is_read_from_its_jupytext_header() -> None:
    header = read_translation_header(FIXTURE / "labs" / "device-footprint.es.py")
    assert header is not None
    assert header.translation_of == "device-footprint.py"


def test_fixture_page_translation_records_its_translator() -> None:
    header = read_translation_header(FIXTURE / "pages" / "index.es.md")
    assert header is not None
    assert (header.translation_of, header.translators) == ("index.md", ("Ana Pérez",))


def test_text_without_a_header_has_none() -> None:
    assert parse_translation_header("# Title\n", "front_matter") is None
    assert parse_translation_header("---\ntitle: A page\n---\n", "front_matter") is None
    assert parse_translation_header("# %%\nx = 1\n", "jupytext") is None
    assert strip_translation_header("# Title\n", "front_matter") == "# Title\n"


def test_broken_front_matter_names_the_line() -> None:
    text = "---\ntranslation_of: index.md\nsource_hash: [unclosed\n---\n# Title\n"
    with pytest.raises(HeaderError) as caught:
        parse_translation_header(text, "front_matter")
    assert caught.value.line >= 3
    assert "not valid YAML" in caught.value.message


def test_stripping_keeps_other_front_matter_and_list_of_translators() -> None:
    text = (
        "---\ntitle: A page\ntranslation_of: index.md\ntranslators:\n  - Ana\n  - Bo\n"
        "source_hash: sha256:0123456789abcdef\n---\n# Title\n"
    )
    assert parse_translation_header(text, "front_matter") == TranslationHeader(
        "index.md", "sha256:0123456789abcdef", ("Ana", "Bo")
    )
    assert strip_translation_header(text, "front_matter") == "---\ntitle: A page\n---\n# Title\n"

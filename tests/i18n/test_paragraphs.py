"""Splitting Markdown into translatable units and assembling it again."""

from __future__ import annotations

from pathlib import Path

import pytest

from courseware.i18n.paragraphs import split_markdown

REPO = Path(__file__).resolve().parents[2]

SAMPLE = """---
title: Sample
---

## What a sensor sees {#sees .answer-key}

A first paragraph that runs
over two lines[^a].

- an item with **bold** text;
- a second item
  that continues.

| Board | Price |
|---|---:|
| PA1 | $14.51 |

```python
print("code is not translated")
```

!!! note "A note's title"

    The note's body.

> A quote.

[^a]: The footnote's text.
"""


def test_each_block_is_one_unit_and_code_markers_and_ids_stay_out() -> None:
    units = split_markdown(SAMPLE).units
    assert [(u.kind, u.text) for u in units] == [
        ("heading", "What a sensor sees"),
        ("paragraph", "A first paragraph that runs\nover two lines[^a]."),
        ("paragraph", "an item with **bold** text;"),
        ("paragraph", "a second item\nthat continues."),
        ("cell", "Board"),
        ("cell", "Price"),
        ("cell", "PA1"),
        ("cell", "$14.51"),
        ("title", "A note's title"),
        ("paragraph", "The note's body."),
        ("paragraph", "A quote."),
        ("footnote", "The footnote's text."),
    ]
    assert units[1].line == 7 and units[1].words == 8  # the footnote marker is no word


def test_assembling_from_the_units_gives_the_document_back_byte_for_byte() -> None:
    document = split_markdown(SAMPLE)
    assert document.assemble(lambda _, unit: unit.text) == SAMPLE


def test_a_translation_keeps_prefixes_on_new_lines_and_one_line_units_on_one_line() -> None:
    document = split_markdown(SAMPLE)
    replacements = {
        "a second item\nthat continues.": "un segundo elemento\nque sigue\ny sigue.",
        "Price": "Precio\nen dólares",
        "What a sensor sees": "Lo que ve un sensor",
    }
    out = document.assemble(lambda _, unit: replacements.get(unit.text, unit.text))
    assert "- un segundo elemento\n  que sigue\n  y sigue.\n" in out
    assert "| Board | Precio en dólares |" in out
    assert "## Lo que ve un sensor {#sees .answer-key}" in out
    assert out.count('print("code is not translated")') == 1


@pytest.mark.parametrize(
    "source",
    sorted(
        str(path.relative_to(REPO))
        for path in [*REPO.glob("modules/*/index.md"), *REPO.glob("pages/*.md")]
        if path.name.count(".") == 1
    ),
)
def test_every_bundled_source_round_trips(source: str) -> None:
    text = (REPO / source).read_text(encoding="utf-8")
    document = split_markdown(text)
    assert document.units, source
    assert document.assemble(lambda _, unit: unit.text) == text

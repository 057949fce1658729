"""Labels of every datasheet field, kept as data in ``field_labels.yaml`` beside this module.

The labels are interface messages: ``extract_labels`` is the Babel extractor that
``babel.cfg`` maps the YAML file to, so ``make i18n-extract`` still puts every label into
``messages.pot`` and the catalogs translate them as before.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Collection, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from courseware.yamlsafe import parse_yaml_text

LABELS_FILE = Path(__file__).parent / "field_labels.yaml"


@functools.cache
def _read_labels(text: str) -> tuple[tuple[str, str, int], ...]:
    """(field name, English label, line) for every entry of a labels file's text."""
    document = parse_yaml_text(text, LABELS_FILE.name)
    data: Mapping[str, Any] = document.data or {}
    entries = []
    for name, label in data.items():
        if not isinstance(label, str):
            raise ValueError(f"{LABELS_FILE.name}:{document.line_of((name,))}: {name}: not text")
        entries.append((name, label, document.line_of((name,))))
    return tuple(entries)


def _entries() -> tuple[tuple[str, str, int], ...]:
    return _read_labels(LABELS_FILE.read_text(encoding="utf-8"))


def field_labels(gettext: Callable[[str], str]) -> dict[str, str]:
    """Return the translated label of every field name of the schema."""
    return {name: gettext(label) for name, label, _ in _entries()}


def extract_labels(
    fileobj: IO[bytes],
    keywords: Mapping[str, Any],
    comment_tags: Collection[str],
    options: Mapping[str, Any],
) -> Iterator[tuple[int, str, str, list[str]]]:
    """Babel extraction method for ``field_labels.yaml``: each label, with its line."""
    for _, label, line in _read_labels(fileobj.read().decode("utf-8")):
        yield line, "gettext", label, []

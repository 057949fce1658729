"""Move a registry document's YAML-held translations into its catalogs, keeping the rest of
the file as written.

Each ``es:`` (``pt:``, ...) entry of a text field's map becomes the translated entry of
that field in ``locale/es/LC_MESSAGES/<document>.po``, and its lines are removed from the
YAML file; nothing else of the file changes (comments, order, quoting, folding): the edit
removes exactly the lines of each moved entry (or, in a one-line ``{en: ..., es: ...}`` map,
the moved pairs), so a map keeps its ``en:`` entry as a one-entry map, which the schema
accepts. In a question bank, the ``translated_from`` hashes of the moved languages go too:
the catalog's fuzzy flag does their work from then on.

A translation that a catalog already holds differently is not moved (and its YAML entry
stays), so nothing anyone wrote is lost; the run says which.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from babel.messages.catalog import Catalog
from pydantic import BaseModel

from courseware.atomic_files import write_atomically
from courseware.i18n.content_catalogs import (
    catalog_path,
    read_catalog,
    template_path,
    write_catalog,
)
from courseware.i18n.registry_catalogs import (
    build_text_template,
    entries_by_context,
    merged_text_catalog,
    source_text,
    text_fields,
)
from courseware.yamlsafe import KeyPath, parse_yaml_text

StaleCheck = Callable[[Any, KeyPath, str], bool]
"""(document data, a text field's location, language) -> whether the YAML translation is
stale (a question bank's ``translated_from`` differs): it is then moved as a fuzzy entry."""


@dataclass
class TextMigration:
    """What migrating one document did."""

    document: str
    moved: dict[str, int] = field(default_factory=dict)
    """Entries moved, by language."""
    written: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    """Why some translations stayed in the YAML (a catalog holds another text)."""


def migrate_text_document(
    root: Path,
    source_path: str,
    model: type[BaseModel],
    source_language: str,
    stale: StaleCheck | None = None,
    only: str | None = None,
) -> TextMigration:
    """Move every YAML-held translation of ``source_path`` into its catalogs (see above);
    ``only`` moves one language's.

    Raises:
        ValueError: the YAML cannot be edited by lines there (see ``remove_entries``).
    """
    result = TextMigration(source_path)
    path = root / source_path
    text = path.read_text(encoding="utf-8")
    document = parse_yaml_text(text, source_path)
    moves: dict[str, list[tuple[KeyPath, str, str, bool]]] = {}
    for found in text_fields(model, document.data):
        if not isinstance(found.value, dict) or source_text(found.value, source_language) is None:
            continue
        for language, translation in found.value.items():
            if language in (source_language, None) or (only and language != only):
                continue
            if isinstance(translation, str):
                is_stale = stale is not None and stale(document.data, found.location, language)
                moves.setdefault(language, []).append(
                    (found.location, found.context, translation, is_stale)
                )
    if not moves:
        return result
    template = build_text_template(source_path, model, document, source_language)
    removed: list[tuple[KeyPath, str]] = []
    for language, entries in sorted(moves.items()):
        catalog = _catalog(root, source_path, language, template)
        by_context = entries_by_context(catalog)
        for location, context, translation, is_stale in entries:
            message = by_context.get(context)
            if message is None:
                continue
            if message.string and message.string != translation:
                result.kept.append(
                    f"{source_path}: {context}: the {language!r} catalog holds another "
                    "translation; the YAML one is kept (choose one, then run this again)"
                )
                continue
            message.string = translation
            if is_stale:
                message.flags.add("fuzzy")
            else:
                message.flags.discard("fuzzy")
            message.previous_id = []
            removed.append((location, language))
            result.moved[language] = result.moved.get(language, 0) + 1
        target = catalog_path(root, source_path, language)
        write_catalog(target, catalog)
        result.written.append(target.relative_to(root).as_posix())
    target = template_path(root, source_path)
    write_catalog(target, template)
    result.written.append(target.relative_to(root).as_posix())
    new_text = remove_entries(text, removed, _moved_hashes(removed))
    write_atomically(path, new_text.encode("utf-8"), durable=False)
    return result


def _catalog(root: Path, source_path: str, language: str, template: Catalog) -> Catalog:
    path = catalog_path(root, source_path, language)
    old = read_catalog(path, language) if path.is_file() else None
    return merged_text_catalog(template, old, language)


def _moved_hashes(removed: list[tuple[KeyPath, str]]) -> list[tuple[KeyPath, str]]:
    """The ``translated_from`` entries of bank items whose translations all moved."""
    by_item: dict[KeyPath, set[str]] = {}
    for location, language in removed:
        if len(location) >= 2 and location[0] == "items":
            by_item.setdefault(tuple(location[:2]), set()).add(language)
    return [
        ((*item, "translated_from"), language)
        for item, langs in by_item.items()
        for language in sorted(langs)
    ]


def remove_entries(
    text: str, removed: list[tuple[KeyPath, str]], hashes: list[tuple[KeyPath, str]]
) -> str:
    """``text`` without the ``language`` keys of the maps at the given locations (and each
    ``translated_from`` map left empty), every other character unchanged.

    Raises:
        ValueError: an entry the edit cannot remove by lines (a key sharing its line with
            another one outside a one-line map); nothing is changed then.
    """
    root_node = yaml.compose(text, Loader=yaml.SafeLoader)  # the Python loader: its marks
    # are character offsets into ``text``
    by_map: dict[KeyPath, set[str]] = {}
    for location, language in [*removed, *hashes]:
        by_map.setdefault(location, set()).add(language)
    edits: list[tuple[int, int, str]] = []
    for location, languages in by_map.items():
        node = _node_at(root_node, location)
        if not isinstance(node, yaml.MappingNode):
            continue
        kept = [(k, v) for k, v in node.value if k.value not in languages]
        gone = [(k, v) for k, v in node.value if k.value in languages]
        if not kept and location[-1] == "translated_from":
            parent = _node_at(root_node, location[:-1])
            pair = next(p for p in parent.value if p[0].value == "translated_from")
            edits.append(_line_span(text, pair[0], pair[1]))
        elif node.flow_style:
            inner = ", ".join(text[k.start_mark.index : v.end_mark.index] for k, v in kept)
            edits.append((node.start_mark.index, node.end_mark.index, "{" + inner + "}"))
        else:
            edits += [_line_span(text, k, v) for k, v in gone]
    new = text
    for start, end, replacement in sorted(edits, reverse=True):
        new = new[:start] + replacement + new[end:]
    return new


def _node_at(node: Any, location: KeyPath) -> Any:
    for part in location:
        if isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if k.value == part), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            node = node.value[part]
        else:
            return None
    return node


def _line_span(text: str, key: yaml.Node, value: yaml.Node) -> tuple[int, int, str]:
    """The whole lines of one ``key: value`` pair (with the value's continuation lines)."""
    start = text.rfind("\n", 0, key.start_mark.index) + 1
    if text[start : key.start_mark.index].strip():
        raise ValueError(
            f"line {key.start_mark.line + 1}: {key.value!r} shares its line with another "
            "entry; put it on a line of its own first"
        )
    last = value.end_mark.index
    while last > key.start_mark.index and text[last - 1].isspace():
        last -= 1
    end = text.find("\n", last)
    return start, len(text) if end < 0 else end + 1, ""

"""Registry catalogs: the translatable text fields of a registry file as gettext entries.

Every ``LocalizedText`` field of a registry document (``modules/<id>/module.yaml``, a
question bank, an answer key, a track, an offering, the topics) is one entry of the
document's catalog, in the layout the Markdown content uses (``content_catalogs``):
``locale/<lang>/LC_MESSAGES/<path without .yaml>.po``, template
``locale/templates/<path without .yaml>.pot``. An entry's ``msgctxt`` is the field's path
built from the ids of the items it sits in (``learning_objectives[explain-the-three-lows].text``,
``items[where-the-model-runs].options[0].text``), so it stays the same when items are
reordered or reworded; its ``msgid`` is the source-language text and ``msgstr`` the
translation. Weblate and Crowdin find these files on their own, and a changed source text
becomes that one entry fuzzy with its previous text as ``#| msgid``.

Which fields are text is read from the document's pydantic model (a field whose type is
``LocalizedText``, however deep in lists, optional values and nested models), so a new text
field is translatable without a list kept here. This module reads no registry file itself:
callers give the model, the parsed document and the source language.
"""

from __future__ import annotations

import copy
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog, Message
from pydantic import BaseModel, PlainValidator

from courseware import problem_codes as codes
from courseware.errors import InvalidValue, Problem
from courseware.i18n.content_catalogs import (
    CATALOG_FOLDER,
    TEMPLATES,
    UNIT_STATES,
    UnitCounts,
    UnitState,
    catalog_path,
    document_name,
    read_catalog_or_problem,
)
from courseware.textfields import check_plain_text
from courseware.yamlsafe import KeyPath, YamlDocument

LOCALIZED_VALIDATOR = "_validate_localized"
"""The name of ``textfields``' LocalizedText validator, by which a text field is recognised."""


KEEP_SOURCE_FLAG = "keep-source"
"""A catalog flag (``#, keep-source``) on an entry whose translation is the source text on
purpose, in the source language: a course's published name, which stays as published."""


@dataclass(frozen=True)
class TextField:
    """One LocalizedText value of a document: where it is, its entry context, its value."""

    location: KeyPath
    context: str
    value: Any


def text_fields(model: type[BaseModel], data: Any) -> list[TextField]:
    """Every LocalizedText value present in ``data`` (a document of ``model``), in file order."""
    return list(_walk_model(model, data, (), ""))


def _walk_model(
    model: type[BaseModel], data: Any, location: KeyPath, context: str
) -> Iterator[TextField]:
    if not isinstance(data, dict):
        return
    for name, info in model.model_fields.items():
        key = info.alias or name
        if key in data:
            inner = f"{context}.{key}" if context else key
            yield from _walk_type(
                info.annotation, list(info.metadata), data[key], (*location, key), inner
            )


def _is_localized(metadata: list[Any]) -> bool:
    return any(
        isinstance(item, PlainValidator)
        and getattr(item.func, "__name__", "") == LOCALIZED_VALIDATOR
        for item in metadata
    )


def _walk_type(
    annotation: Any, metadata: list[Any], value: Any, location: KeyPath, context: str
) -> Iterator[TextField]:
    if _is_localized(metadata):
        yield TextField(location, context, value)
        return
    origin = typing.get_origin(annotation)
    arguments = typing.get_args(annotation)
    if origin is typing.Annotated:
        yield from _walk_type(arguments[0], list(annotation.__metadata__), value, location, context)
    elif origin in (typing.Union, types.UnionType):
        choice = _union_member(arguments, value)
        if choice is not None:
            yield from _walk_type(choice, [], value, location, context)
    elif origin is list and arguments and isinstance(value, list):
        for index, item in enumerate(value):
            item_id = item.get("id") if isinstance(item, dict) else None
            label = item_id if isinstance(item_id, str) and item_id else str(index)
            yield from _walk_type(arguments[0], [], item, (*location, index), f"{context}[{label}]")
    elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield from _walk_model(annotation, value, location, context)


def _union_member(arguments: tuple[Any, ...], value: Any) -> Any | None:
    """The member of a union that ``value`` is: a text field, or the model whose ``Literal``
    fields (a discriminator such as an item's ``type``) all match."""
    for argument in arguments:
        inner = typing.get_args(argument) if typing.get_origin(argument) is typing.Annotated else ()
        if inner and _is_localized(list(argument.__metadata__)):
            return argument
    if not isinstance(value, dict):
        return None
    for argument in arguments:
        if (
            isinstance(argument, type)
            and issubclass(argument, BaseModel)
            and all(
                _literal_matches(info.annotation, value.get(info.alias or name))
                for name, info in argument.model_fields.items()
            )
        ):
            return argument
    return None


def _literal_matches(annotation: Any, value: Any) -> bool:
    if typing.get_origin(annotation) is not typing.Literal:
        return True
    return value in typing.get_args(annotation)


def source_text(value: Any, source_language: str) -> str | None:
    """The source-language text of a LocalizedText value, or None where it has none."""
    if isinstance(value, str):
        return value if value.strip() else None
    if isinstance(value, dict):
        text = value.get(source_language)
        return text if isinstance(text, str) and text.strip() else None
    return None


def catalog_languages(root: Path, source_path: str) -> list[str]:
    """The languages that have a catalog of ``source_path``, in code order."""
    base = root / CATALOG_FOLDER
    if not base.is_dir() or base.is_symlink():
        return []
    found = []
    for folder in sorted(base.iterdir()):
        if folder.name == TEMPLATES or not folder.is_dir() or folder.is_symlink():
            continue
        path = catalog_path(root, source_path, folder.name)
        if path.is_file() and not path.is_symlink():
            found.append(folder.name)
    return found


def build_text_template(
    source_path: str, model: type[BaseModel], document: YamlDocument, source_language: str
) -> Catalog:
    """The template of a registry document: one entry per text field, keyed by its path,
    located at the line of its source-language text."""
    template = Catalog(fuzzy=False, project=document_name(source_path))
    for field in text_fields(model, document.data):
        text = source_text(field.value, source_language)
        if text is not None:
            where = field.location
            if isinstance(field.value, dict):
                where = (*where, source_language)
            line = document.line_of(where)
            template.add(text, context=field.context, locations=[(source_path, line)])
    return template


def merged_text_catalog(template: Catalog, old: Catalog | None, language: str) -> Catalog:
    """``old`` brought up to ``template`` entry by entry, matched by context (the field's
    path), not by text: an unchanged text keeps its translation, a changed one keeps it as
    fuzzy with the previous source as ``#| msgid``, and a field that is gone is kept as
    obsolete. Matching by context is what makes a reworded title one fuzzy entry, never a
    translation moved to another field whose text happens to be similar."""
    catalog = (
        old if old is not None else Catalog(locale=language, project=template.project, fuzzy=False)
    )
    previous = {message.context: message for message in list(catalog) if message.id}
    for message in previous.values():
        catalog.delete(message.id, message.context)
    for entry in template:
        if not entry.id:
            continue
        before = previous.pop(entry.context, None)
        flags = set(before.flags) if before is not None else set()
        string = before.string if before is not None else ""
        previous_id: list[str] = list(before.previous_id or []) if before is not None else []
        if before is not None and before.id != entry.id and string:
            flags.add("fuzzy")
            if not previous_id or not before.fuzzy:
                previous_id = [str(before.id)]
        if not string:
            flags.discard("fuzzy")
            previous_id = []
        if "fuzzy" not in flags:
            previous_id = []
        catalog.add(
            entry.id,
            string,
            locations=entry.locations,
            flags=flags,
            context=entry.context,
            previous_id=previous_id,
            auto_comments=before.auto_comments if before is not None else [],
            user_comments=_own_comments(before),
        )
    for message in previous.values():
        if message.string:
            key: Any = (message.id, message.context)  # Babel's key of an entry with a context
            catalog.obsolete[key] = message
    return catalog


def _own_comments(message: Message | None) -> list[str]:
    """A translator's comments on an entry; Babel's reader returns a fuzzy entry's ``#|``
    lines among them, which ``previous_id`` writes again."""
    if message is None:
        return []
    return [comment for comment in message.user_comments if not comment.startswith("|")]


def entries_by_context(catalog: Catalog) -> dict[str | None, Message]:
    """The catalog's current entries by context."""
    return {message.context: message for message in catalog if message.id}


def entry_state(message: Message | None, text: str) -> UnitState:
    """An entry's state for the current source ``text``: translated only when not fuzzy and
    made from this very text."""
    if message is None or not message.string:
        return "untranslated"
    if message.fuzzy or message.id != text:
        return "fuzzy"
    return "translated"


def count_text_units(template: Catalog, catalog: Catalog | None) -> UnitCounts:
    """Entries (and source words) of a registry document translated, fuzzy, untranslated."""
    units: dict[UnitState, int] = dict.fromkeys(UNIT_STATES, 0)
    words: dict[UnitState, int] = dict.fromkeys(UNIT_STATES, 0)
    by_context = entries_by_context(catalog) if catalog is not None else {}
    for entry in template:
        if not entry.id:
            continue
        state = entry_state(by_context.get(entry.context), str(entry.id))
        units[state] += 1
        words[state] += len(str(entry.id).split())
    return UnitCounts(units, words)


def _shown(root: Path, source_path: str, language: str) -> str:
    return catalog_path(root, source_path, language).relative_to(root).as_posix()


def with_catalog_translations(
    root: Path,
    model: type[BaseModel],
    document: YamlDocument,
    source_language: str,
    languages: list[str] | None = None,
) -> tuple[YamlDocument, list[Problem]]:
    """``document`` with each text field's translations from its catalogs put in, and the
    problems found: unreadable catalogs, catalog text that fails the plain-text checks
    (at the catalog's line), and a language translated both in the YAML map and in a catalog.

    Only translated entries made from the current source text are used; a fuzzy or stale one
    is left out, so the field shows the source text as for any missing translation. An
    entry translated as the very source text and flagged ``keep-source`` (a course's
    published name) counts as translated but is not put in: pages then show it marked with
    the source language, which is what it is (a word that is the same in both languages,
    such as "Transport" in French, has no flag and is the translation). The
    document returned shares the lines of the one given (its data is a copy)."""
    source_path = document.path
    found = catalog_languages(root, source_path) if languages is None else languages
    problems: list[Problem] = []
    fields = text_fields(model, document.data)
    if not found or not fields:
        return document, problems
    data = copy.deepcopy(document.data)
    for language in found:
        if language == source_language:
            continue
        catalog, problem = read_catalog_or_problem(root, source_path, language, shared=True)
        if catalog is None:
            problems += [problem] if problem is not None else []
            continue
        shown = _shown(root, source_path, language)
        by_context = entries_by_context(catalog)
        for field in fields:
            message = by_context.get(field.context)
            text = source_text(field.value, source_language)
            if message is None or not message.string or text is None:
                continue
            if isinstance(field.value, dict) and language in field.value:
                problems.append(_translated_twice(document, field, language, shown, message))
                continue
            translation = str(message.string)
            if entry_state(message, text) != "translated":
                continue
            if translation == text and KEEP_SOURCE_FLAG in message.flags:
                continue  # a published name, kept in the source language and marked so
            try:
                check_plain_text(translation)
            except InvalidValue as error:
                problems.append(
                    Problem(shown, message.lineno, field.context, str(error), code=error.code)
                )
                continue
            _put(data, field.location, language, translation, source_language)
    return YamlDocument(document.path, data, document.lines, document.plain_scalars), problems


def _translated_twice(
    document: YamlDocument, field: TextField, language: str, shown: str, message: Message
) -> Problem:
    file_name = document.path.rsplit("/", 1)[-1]
    text = (
        f"the {language!r} translation is given twice, here and in {shown}:{message.lineno}; "
        f"remove the {language}: entry from {file_name} (its translation is in {shown})"
    )
    line = document.line_of((*field.location, language))
    return Problem(document.path, line, field.context, text, code=codes.TEXT_TRANSLATED_TWICE)


def _put(data: Any, location: KeyPath, language: str, text: str, source_language: str) -> None:
    parent = data
    for part in location[:-1]:
        parent = parent[part]
    value = parent[location[-1]]
    if isinstance(value, str):
        parent[location[-1]] = {source_language: value, language: text}
    elif isinstance(value, dict):
        value[language] = text


def stale_entries(
    root: Path, model: type[BaseModel], document: YamlDocument, source_language: str
) -> list[tuple[str, str, int | None]]:
    """(language, context, catalog line) of every catalog entry of ``document`` whose
    translation was made from another source text (fuzzy, or an msgid that differs)."""
    found = []
    fields = text_fields(model, document.data)
    for language in catalog_languages(root, document.path):
        catalog, _ = read_catalog_or_problem(root, document.path, language, shared=True)
        if catalog is None:
            continue
        by_context = entries_by_context(catalog)
        for field in fields:
            text = source_text(field.value, source_language)
            message = by_context.get(field.context)
            if text is not None and message is not None and entry_state(message, text) == "fuzzy":
                found.append((language, field.context, message.lineno))
    return found


@dataclass(frozen=True)
class TextDocumentUnits:
    """A registry document's text entries counted per target language, for ``translate
    status``: a YAML-held translation counts as translated, a catalog entry by its state."""

    path: str
    counts: dict[str, UnitCounts]
    catalogs: frozenset[str]
    """The languages with a catalog of this document."""


def text_document_units(
    root: Path,
    model: type[BaseModel],
    document: YamlDocument,
    source_language: str,
    languages: list[str],
) -> TextDocumentUnits:
    """Count ``document``'s text entries in each of ``languages``."""
    fields = [
        (found, text)
        for found in text_fields(model, document.data)
        if (text := source_text(found.value, source_language)) is not None
    ]
    with_catalogs = set(catalog_languages(root, document.path))
    counts: dict[str, UnitCounts] = {}
    for language in languages:
        catalog = None
        if language in with_catalogs:
            catalog, _ = read_catalog_or_problem(root, document.path, language, shared=True)
        by_context = entries_by_context(catalog) if catalog is not None else {}
        units: dict[UnitState, int] = dict.fromkeys(UNIT_STATES, 0)
        words: dict[UnitState, int] = dict.fromkeys(UNIT_STATES, 0)
        for found, text in fields:
            in_yaml = isinstance(found.value, dict) and language in found.value
            state = "translated" if in_yaml else entry_state(by_context.get(found.context), text)
            units[state] += 1
            words[state] += len(text.split())
        counts[language] = UnitCounts(units, words)
    return TextDocumentUnits(document.path, counts, frozenset(with_catalogs))

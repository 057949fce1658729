"""The registry's text fields read with their catalogs' translations, and the list of the
registry documents that have catalogs.

Each loader of a registry document validates it through ``validate_translated``: the
translations held in ``locale/<lang>/LC_MESSAGES/<document>.po`` are put into the document's
text fields first (``i18n/registry_catalogs.py``), so the rest of the code sees one
``LocalizedText`` per field whichever place a translation comes from, and the catalog's text
passes the same checks as YAML text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from courseware.errors import Problem
from courseware.i18n.content_catalogs import catalog_path
from courseware.i18n.registry_catalogs import stale_entries, text_fields, with_catalog_translations
from courseware.validation import validate_document
from courseware.yamlsafe import YamlDocument, display_path

ModelT = TypeVar("ModelT", bound=BaseModel)

__all__ = [
    "TextDocument",
    "module_source_language",
    "registry_text_documents",
    "stale_in_catalogs",
    "text_fields",
    "validate_translated",
]


def validate_translated(
    root: Path, model: type[ModelT], document: YamlDocument, source_language: str = "en"
) -> tuple[ModelT | None, list[Problem]]:
    """Validate ``document`` as ``model`` with its catalogs' translations put in."""
    filled, problems = with_catalog_translations(root, model, document, source_language)
    spec, more = validate_document(model, filled)
    return spec, problems + more


def stale_in_catalogs(
    root: Path, model: type[BaseModel], document: YamlDocument, source_language: str = "en"
) -> list[tuple[str, str, str, int | None]]:
    """(catalog file, language, entry context, line) of each translation of ``document``'s
    catalogs made from an earlier source text (fuzzy, or another msgid)."""
    return [
        (
            catalog_path(root, document.path, language).relative_to(root).as_posix(),
            language,
            context,
            line,
        )
        for language, context, line in stale_entries(root, model, document, source_language)
    ]


@dataclass(frozen=True)
class TextDocument:
    """A registry document whose text fields are translated in catalogs."""

    path: str
    """Relative to the project root, such as ``modules/what-is-tinyml/module.yaml``."""
    model: type[BaseModel]
    source_language: str = "en"
    stale: Callable[[Any, tuple[str | int, ...], str], bool] | None = None
    """Whether a YAML-held translation is stale (a question bank's ``translated_from``)."""


def registry_text_documents(root: Path) -> Iterator[TextDocument]:
    """The registry's own documents with text fields (question banks are assess's): each
    module's ``module.yaml`` and ``answers.yaml``, the tracks, offerings and topics."""
    from courseware.registry.answers import ANSWERS_FILE, AnswerKeyFile
    from courseware.registry.load import OFFERINGS_FOLDER
    from courseware.registry.models import Offering
    from courseware.registry.modules import MODULE_FILE, MODULES_FOLDER, ModuleSpec
    from courseware.registry.topics import TOPICS_FILE, TopicsFile
    from courseware.registry.tracks import TRACKS_FOLDER, TrackSpec

    modules = root / MODULES_FOLDER
    for folder in sorted(modules.iterdir()) if modules.is_dir() else []:
        if folder.is_symlink() or not folder.is_dir():
            continue
        in_folder: tuple[tuple[str, type[BaseModel]], ...] = (
            (MODULE_FILE, ModuleSpec),
            (ANSWERS_FILE, AnswerKeyFile),
        )
        for name, model in in_folder:
            path = folder / name
            if path.is_file() and not path.is_symlink():
                yield TextDocument(display_path(path, root), model, module_source_language(folder))
    folders: tuple[tuple[Path, type[BaseModel]], ...] = (
        (TRACKS_FOLDER, TrackSpec),
        (OFFERINGS_FOLDER, Offering),
    )
    for folder, model in folders:
        base = root / folder
        for path in sorted(base.glob("*.yaml")) if base.is_dir() else []:
            if path.is_file() and not path.is_symlink():
                yield TextDocument(display_path(path, root), model)
    topics = root / TOPICS_FILE
    if topics.is_file() and not topics.is_symlink():
        yield TextDocument(TOPICS_FILE.as_posix(), TopicsFile)


def module_source_language(folder: Path) -> str:
    """The ``source_language`` a module folder's ``module.yaml`` declares (``en`` if none)."""
    from courseware.registry.modules import MODULE_FILE
    from courseware.yamlsafe import read_yaml_file

    path = folder / MODULE_FILE
    if not path.is_file():
        return "en"
    document, _ = read_yaml_file(path, folder.parent.parent)
    data = document.data if document is not None else None
    value = data.get("source_language") if isinstance(data, dict) else None
    return value if isinstance(value, str) else "en"

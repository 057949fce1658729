"""Load the whole registry from a project folder, collecting every problem before stopping.

The order matters only for cross-references: languages and topics first (other files name
them), then offerings and modules, then tracks (which name modules). Each file is parsed and
validated on its own so that one broken file never hides the problems of another.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Set
from pathlib import Path

from courseware import problem_codes as codes
from courseware.errors import ContentError, Problem, errors_only
from courseware.registry.answers import load_answer_keys
from courseware.registry.entry_files import load_entry_files
from courseware.registry.glossary import check_glossary_use, load_glossary
from courseware.registry.models import Language, LanguagesFile, Offering
from courseware.registry.modules import broken_module_ids, check_modules, load_modules
from courseware.registry.placeholders import find_placeholders
from courseware.registry.registry import Registry
from courseware.registry.sources import check_module_sources, load_sources
from courseware.registry.topics import check_document_topics, load_topics
from courseware.registry.tracks import load_tracks
from courseware.registry.written_ids import ids_as_written
from courseware.validation import did_you_mean, validate_document
from courseware.yamlsafe import YamlDocument, display_path, read_yaml_file

CONTENT_FOLDERS = ("curriculum", "modules", "labs", "pages", "locale")
"""Folders holding contributed content (``locale`` holds the content catalogs); no symbolic link
may appear anywhere inside them."""

__all__ = [
    "CONTENT_FOLDERS",
    "LANGUAGES_FILE",
    "OFFERINGS_FOLDER",
    "Registry",
    "check_language_codes",
    "find_symlinks",
    "load_languages",
    "load_offerings",
    "load_registry",
]
# ``Registry`` lives in registry/registry.py; it is re-exported here for the callers that
# import it beside ``load_registry``.

LANGUAGES_FILE = Path("curriculum/languages.yaml")
OFFERINGS_FOLDER = Path("curriculum/offerings")


def find_symlinks(root: Path) -> list[Problem]:
    """Report every symbolic link inside the content folders (never followed, never copied)."""
    problems = []
    for folder in CONTENT_FOLDERS:
        base = root / folder
        if base.is_symlink():
            problems.append(_symlink_problem(base, root))
            continue
        if not base.is_dir():
            continue
        for dirpath, dirnames, filenames in os.walk(base, followlinks=False):
            for name in sorted(dirnames + filenames):
                path = Path(dirpath, name)
                if stat.S_ISLNK(path.lstat().st_mode):
                    problems.append(_symlink_problem(path, root))
    return problems


def _symlink_problem(path: Path, root: Path) -> Problem:
    message = "symbolic links are not allowed in content folders; replace it with a real file"
    return Problem(display_path(path, root), None, None, message, code=codes.SYMLINK)


def load_languages(root: Path) -> tuple[list[Language], list[Problem], YamlDocument | None]:
    """Load ``curriculum/languages.yaml``: valid codes, exactly one source language."""
    path = root / LANGUAGES_FILE
    if not path.exists():
        return (
            [],
            [
                Problem(
                    LANGUAGES_FILE.as_posix(),
                    None,
                    None,
                    "file is missing",
                    code=codes.REQUIRED_FILE_MISSING,
                )
            ],
            None,
        )
    document, problems = read_yaml_file(path, root)
    if document is None:
        return [], problems, None
    parsed, problems = validate_document(LanguagesFile, document)
    if parsed is None:
        return [], problems, document
    languages = list(parsed.languages)
    seen: dict[str, int] = {}
    for index, language in enumerate(languages):
        line = document.line_of(("languages", index, "code"))
        if language.code in seen:
            problems.append(
                Problem(
                    document.path,
                    line,
                    f"languages[{index}].code",
                    f"{language.code!r} is declared twice (also item {seen[language.code]})",
                    code=codes.DUPLICATE_LANGUAGE,
                )
            )
        seen[language.code] = index
    sources = [lang.code for lang in languages if lang.source]
    if len(sources) != 1:
        problems.append(
            Problem(
                document.path,
                1,
                "languages",
                f"exactly one language must have source: true (found {len(sources)})",
                code=codes.SOURCE_LANGUAGE_COUNT,
            )
        )
    return languages, problems, document


def load_offerings(
    root: Path, language_codes: Set[str] | None
) -> tuple[list[Offering], list[Problem], dict[str, YamlDocument]]:
    """Load every ``curriculum/offerings/*.yaml``, checking ids and language codes.

    ``language_codes`` is None when languages.yaml itself is broken: then the codes are not
    checked, rather than every code being reported as undeclared.
    """
    files, problems, documents = load_entry_files(
        root, root / OFFERINGS_FOLDER, Offering, "offering"
    )
    offerings: list[Offering] = []
    for file in files:
        offering, document = file.entry, file.document
        if language_codes is not None:
            problems += check_language_codes(offering, document, language_codes)
        offerings.append(offering)
    return offerings, problems, documents


def check_language_codes(
    offering: Offering, document: YamlDocument, declared: Set[str]
) -> list[Problem]:
    """Every language an offering names must be declared in ``curriculum/languages.yaml``."""
    problems = []
    for field_name in ("language_of_instruction", "language_of_materials"):
        for index, code in enumerate(getattr(offering, field_name)):
            if code not in declared:
                problems.append(_undeclared(document, (field_name, index), code, declared))
    for field_name in ("title", "subtitle", "description"):
        text = getattr(offering, field_name)
        if isinstance(text, dict):
            for code in text:
                if code not in declared:
                    problems.append(_undeclared(document, (field_name, code), code, declared))
    return problems


def _undeclared(
    document: YamlDocument, location: tuple[str | int, ...], code: str, declared: Set[str]
) -> Problem:
    dotted = ".".join(str(p) if isinstance(p, str) else f"[{p}]" for p in location)
    dotted = dotted.replace(".[", "[")
    message = (
        f"language {code!r} is not declared in {LANGUAGES_FILE.as_posix()}"
        f"{did_you_mean(code, declared)}"
    )
    return Problem(
        document.path, document.line_of(location), dotted, message, code=codes.UNDECLARED_LANGUAGE
    )


def load_registry(root: Path) -> Registry:
    """Load and validate the whole registry under ``root``.

    Raises:
        ContentError: with every problem of every file when anything is wrong.
    """
    root = root.resolve()
    problems = find_symlinks(root)
    languages, language_problems, languages_doc = load_languages(root)
    problems += language_problems
    # A broken file still declares the ids written in it: files naming them are checked
    # against those, so one wrong field is reported once, not once per file naming it.
    codes = {lang.code for lang in languages} or ids_as_written(
        languages_doc, "languages", language_problems, id_key="code"
    )
    topics, topic_problems, topics_doc = load_topics(root)
    problems += topic_problems
    topic_ids = {topic.id for topic in topics} or ids_as_written(
        topics_doc, "topics", topic_problems
    )
    if topics_doc is None and not topic_problems:
        topic_ids = frozenset()  # no topics file: every topic named is undeclared
    source_code = next((lang.code for lang in languages if lang.source), "en")
    ordered = [source_code, *sorted(code for code in codes or () if code != source_code)]
    glossary, glossary_problems, glossary_doc = load_glossary(root, ordered, source_code)
    problems += glossary_problems + check_glossary_use(root, glossary, ordered, source_code)
    offerings, offering_problems, documents = load_offerings(root, codes)
    problems += offering_problems
    for document in documents.values():
        problems += check_document_topics(document, topic_ids)
    modules, module_problems, module_docs = load_modules(root, codes)
    broken_modules = broken_module_ids(root, modules)
    problems += module_problems + check_modules(
        modules, module_docs, topic_ids, broken=broken_modules
    )
    sources, source_problems, _ = load_sources(root)
    problems += source_problems + check_module_sources(root, modules, module_docs, sources)
    answer_keys, answer_problems, answer_docs = load_answer_keys(root, modules)
    problems += answer_problems
    tracks, track_problems, track_docs = load_tracks(root, modules, codes, broken=broken_modules)
    problems += track_problems
    documents |= module_docs | track_docs | answer_docs
    for document in documents.values():
        problems += find_placeholders(document)
    for extra in (languages_doc, topics_doc, glossary_doc):
        if extra is not None:
            documents[extra.path] = extra
    if errors_only(problems):
        raise ContentError(problems)
    return Registry(
        root=root,
        languages=tuple(languages),
        offerings=tuple(offerings),
        topics=tuple(topics),
        glossary=tuple(glossary),
        modules=tuple(modules),
        tracks=tuple(tracks),
        answer_keys=answer_keys,
        warnings=tuple(p for p in problems if p.severity == "warning"),
        documents=documents,
    )

"""Which pages, modules and labs are translated, stale or missing, per language.

Every translatable source (``pages/<name>.md``, ``modules/<id>/index.md``, ``labs/<id>.py``)
is paired with its translations by file-name suffix (``index.es.md``). A translation is
current when the hash it records equals the hash of its source now; a changed source makes
it stale (shown, never dropped), and one that records no hash is unverified, which counts as
stale. A translation without a source and a suffix that is no declared language are errors.

This reads only files and the declared language codes, not the registry, so that
``courseware translate status`` still works while a module.yaml is broken.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from typing import Any, Literal

from courseware import problem_codes as codes
from courseware.errors import Problem
from courseware.i18n.content_catalogs import UnitCounts, catalog_coverage, catalog_path
from courseware.i18n.hashing import is_valid_hash, source_hash
from courseware.i18n.headers import HeaderError, TranslationHeader, read_translation_header
from courseware.i18n.lab_catalogs import LabProseReader, lab_catalog_coverage
from courseware.i18n.registry_catalogs import TextDocumentUnits
from courseware.problem_reference import REFERENCE_FILE
from courseware.validation import did_you_mean
from courseware.yamlsafe import display_path

Kind = Literal["page", "module", "lab", "text"]
State = Literal["translated", "stale", "missing"]
KINDS: tuple[Kind, ...] = ("page", "module", "lab", "text")
"""``text``: a registry document's text fields (titles, summaries, questions...), translated
in its catalog (``i18n/registry_catalogs.py``)."""
STATES: tuple[State, ...] = ("translated", "stale", "missing")


@dataclass(frozen=True)
class SourceFile:
    """A file in the source language that may be translated."""

    kind: Kind
    name: str
    """The page name, module id or lab id."""
    path: str
    """Relative to the project root, with forward slashes."""

    def translation_path(self, language: str) -> str:
        """Where the translation into ``language`` lives: ``pages/about.es.md``."""
        path = PurePosixPath(self.path)
        return path.with_name(f"{path.stem}.{language}{path.suffix}").as_posix()


@dataclass(frozen=True)
class TranslationEntry:
    """The state of one source in one language."""

    kind: Kind
    name: str
    source: str
    language: str
    path: str
    """The translation's path, whether or not it exists yet."""
    state: State
    reason: str
    """Why it is in this state, in English, for the command line."""
    is_unverified: bool = False
    """Stale because the translation records no usable hash, not because the source changed."""
    recorded_hash: str | None = None
    current_hash: str | None = None
    units: UnitCounts | None = None
    """For a translation kept in a content catalog: its units and words by state."""


@dataclass(frozen=True)
class StateCounts:
    """How many items of one kind are in each state."""

    translated: int = 0
    stale: int = 0
    missing: int = 0

    @property
    def total(self) -> int:
        """All items counted."""
        return self.translated + self.stale + self.missing


@dataclass(frozen=True)
class TranslationReport:
    """Translation states of every source in every target language, and the errors found."""

    source_language: str
    languages: tuple[str, ...]
    """The target languages, in the order of curriculum/languages.yaml."""
    entries: tuple[TranslationEntry, ...]
    problems: tuple[Problem, ...] = ()

    def entries_for(self, language: str, kind: Kind | None = None) -> list[TranslationEntry]:
        """The entries of one language (and one kind), in report order."""
        return [
            entry
            for entry in self.entries
            if entry.language == language and (kind is None or entry.kind == kind)
        ]

    def counts(self, language: str, kind: Kind | None = None) -> StateCounts:
        """Count the entries of one language (and one kind) per state."""
        states = [entry.state for entry in self.entries_for(language, kind)]
        return StateCounts(*(states.count(state) for state in STATES))

    def only(self, language: str) -> TranslationReport:
        """The same report restricted to one language (problems are kept: they are errors)."""
        entries = tuple(entry for entry in self.entries if entry.language == language)
        return replace(self, languages=(language,), entries=entries)


def translation_status(
    root: Path,
    languages: Sequence[str],
    source_language: str,
    lab_prose: LabProseReader | None = None,
    text_documents: Sequence[TextDocumentUnits] = (),
) -> TranslationReport:
    """Pair every source with its translations and say which are translated, stale, missing.

    Args:
        root: The project folder.
        languages: Every declared language code (the source language may be among them).
        source_language: The code of the language sources are written in.
        lab_prose: Reads a lab's prose (this package does not read labs); without it, a lab
            translated by a catalog counts as missing.
        text_documents: The registry documents' text entries, counted by the caller (this
            package reads no registry schema).
    """
    targets = tuple(code for code in languages if code != source_language)
    found = _find_files(root, set(targets), source_language)
    problems = list(found.problems)
    sources = {source.path: source for source in found.sources}
    for translation, (source_path, _) in sorted(found.translations.items()):
        if source_path not in sources:
            problems.append(_orphan(translation, source_path, found.sources))
    entries = []
    for language in targets:
        for source in sorted(found.sources, key=lambda s: (KINDS.index(s.kind), s.name)):
            current = found.hashes.get(source.path)
            entry = _entry(root, source, language, current, found.translations, lab_prose)
            entries.append(entry)
        entries += [_text_entry(root, document, language) for document in text_documents]
    return TranslationReport(
        source_language=source_language,
        languages=targets,
        entries=tuple(entries),
        problems=tuple(sorted(problems)),
    )


def report_as_dict(report: TranslationReport) -> dict[str, Any]:
    """The report as plain data for ``--format json``, grouped by language."""
    languages = []
    for language in report.languages:
        counts = {kind: vars(report.counts(language, kind)) for kind in KINDS}
        entries = [
            {
                key: (vars(value) if isinstance(value, UnitCounts) else value)
                for key, value in vars(entry).items()
                if key != "language"
            }
            for entry in report.entries_for(language)
        ]
        languages.append({"code": language, "counts": counts, "entries": entries})
    return {
        "source_language": report.source_language,
        "languages": languages,
        "problems": [
            {"file": p.file, "line": p.line, "message": p.message, "text": str(p)}
            for p in report.problems
        ],
    }


@dataclass
class _Found:
    sources: list[SourceFile]
    translations: dict[str, tuple[str, str]]
    """Translation path -> (its source's path, its language)."""
    hashes: dict[str, str]
    problems: list[Problem]


def classify(relative: str) -> tuple[Kind, str] | None:
    """Say whether a project-relative path is a translatable file, of which kind and item.

    The item name is the part before any language suffix (``pages/about.es.md`` -> ``about``
    for the page ``about.es``; the caller splits the suffix).
    """
    parts = PurePosixPath(relative).parts
    if len(parts) == 2 and parts[0] == "pages" and parts[1].endswith(".md"):
        return "page", parts[1][: -len(".md")]
    if len(parts) == 3 and parts[0] == "modules" and parts[2].endswith(".md"):
        stem = parts[2][: -len(".md")]
        if stem == "index" or stem.startswith("index."):
            return "module", parts[1]
        return None
    if len(parts) == 2 and parts[0] == "labs" and parts[1].endswith(".py"):
        return "lab", parts[1][: -len(".py")]
    return None


def _candidates(root: Path) -> Iterator[Path]:
    """Every file that may be a source or a translation, links included (they are reported)."""
    for name in ("pages", "labs"):
        base = root / name
        if base.is_dir() and not base.is_symlink():
            yield from (path for path in sorted(base.iterdir()) if not path.is_dir())
    modules = root / "modules"
    if modules.is_dir() and not modules.is_symlink():
        for folder in sorted(modules.iterdir()):
            if folder.is_dir() and not folder.is_symlink():
                yield from sorted(folder.glob("index*.md"))


def _find_files(root: Path, targets: set[str], source_language: str) -> _Found:
    found = _Found(sources=[], translations={}, hashes={}, problems=[])
    _add_problem_reference(root, found)
    for path in _candidates(root):
        relative = display_path(path, root)
        kind_and_name = classify(relative)
        if kind_and_name is None or path.name.startswith((".", "_")):
            continue
        kind, name = kind_and_name
        if path.is_symlink():
            message = "symbolic links are not allowed in content folders; copy the file"
            found.problems.append(Problem(relative, None, None, message, code=codes.SYMLINK))
            continue
        stem, extension = _split_extension(path.name)
        base, dot, suffix = stem.rpartition(".")
        if not dot:
            source = SourceFile(kind=kind, name=name, path=relative)
            found.sources.append(source)
            found.hashes[relative] = source_hash(path)
            continue
        if suffix not in targets:
            found.problems.append(
                _bad_suffix(relative, base, suffix, extension, targets, source_language)
            )
            continue
        source_path = PurePosixPath(relative).with_name(base + extension).as_posix()
        found.translations[relative] = (source_path, suffix)
    return found


def _add_problem_reference(root: Path, found: _Found) -> None:
    """The problem-code reference (``docs/problem-codes.md``, generated by ``make
    problem-codes``) is a page of the site translated only by catalog, so it is a source
    wherever it exists (the courseware repository; a course project usually has none)."""
    path = root / REFERENCE_FILE
    if path.is_file() and not path.is_symlink():
        relative = REFERENCE_FILE.as_posix()
        found.sources.append(SourceFile(kind="page", name=path.stem, path=relative))
        found.hashes[relative] = source_hash(path)


def _split_extension(file_name: str) -> tuple[str, str]:
    stem, _, extension = file_name.rpartition(".")
    return stem, "." + extension


def _entry(
    root: Path,
    source: SourceFile,
    language: str,
    current: str | None,
    translations: dict[str, tuple[str, str]],
    lab_prose: LabProseReader | None = None,
) -> TranslationEntry:
    path = source.translation_path(language)
    missing = TranslationEntry(
        kind=source.kind,
        name=source.name,
        source=source.path,
        language=language,
        path=path,
        state="missing",
        reason=f"not translated yet; run: courseware translate start {source.path} {language}",
        current_hash=current,
    )
    if path not in translations:
        return _catalog_entry(root, source, language, missing, lab_prose) or missing
    try:
        header = read_translation_header(root / path)
    except HeaderError as error:
        return _unverified(missing, f"header line {error.line}: {error.message}", None)
    return _judge(missing, header, current)


def _catalog_entry(
    root: Path,
    source: SourceFile,
    language: str,
    missing: TranslationEntry,
    lab_prose: LabProseReader | None = None,
) -> TranslationEntry | None:
    """The state of a translation kept in a content catalog, or None where there is none.

    It is translated when every unit is; otherwise stale, saying how much is translated."""
    if source.kind == "lab" and lab_prose is None:
        return None
    path = catalog_path(root, source.path, language)
    if not path.is_file() or path.is_symlink():
        return None
    relative = path.relative_to(root).as_posix()
    if lab_prose is not None and source.kind == "lab":
        prose = lab_prose(root, source.path)
        if prose is None:
            reason = f"{source.path} does not load; fix it first (see courseware validate)"
            return replace(missing, path=relative, state="stale", reason=reason)
        counts, problem = lab_catalog_coverage(root, prose, language)
    else:
        text = (root / source.path).read_text(encoding="utf-8", errors="replace")
        counts, problem = catalog_coverage(root, source.path, language, text)
    if counts is None:
        reason = problem.message if problem is not None else "unreadable catalog"
        return replace(missing, path=relative, state="stale", reason=reason, is_unverified=True)
    if counts.percent == 100:
        reason = f"every paragraph translated ({counts.total_units} units)"
        return replace(missing, path=relative, state="translated", reason=reason, units=counts)
    reason = (
        f"{counts.percent} % translated: {counts.units['fuzzy']} units changed in the source "
        f"since, {counts.units['untranslated']} not translated; see: courseware translate "
        f"diff {source.path} {language}"
    )
    return replace(missing, path=relative, state="stale", reason=reason, units=counts)


def _text_entry(root: Path, document: TextDocumentUnits, language: str) -> TranslationEntry:
    """The state of a registry document's texts in ``language``: translated when every entry
    is (in its catalog or its YAML maps), missing when none is and there is no catalog."""
    counts = document.counts.get(language)
    path = catalog_path(root, document.path, language).relative_to(root).as_posix()
    name = PurePosixPath(document.path).with_suffix("").as_posix()
    entry = TranslationEntry(
        kind="text",
        name=name,
        source=document.path,
        language=language,
        path=path,
        state="missing",
        reason=f"not translated yet; run: courseware translate start {document.path} {language}",
        units=counts,
    )
    if counts is None or counts.percent == 100:
        total = counts.total_units if counts is not None else 0
        return replace(entry, state="translated", reason=f"every text translated ({total} units)")
    nothing = counts.units["translated"] == 0 and counts.units["fuzzy"] == 0
    if nothing and language not in document.catalogs:
        return entry
    reason = (
        f"{counts.percent} % translated: {counts.units['fuzzy']} texts changed in the source "
        f"since, {counts.units['untranslated']} not translated; see: courseware translate "
        f"diff {document.path} {language}"
    )
    return replace(entry, state="stale", reason=reason)


def _judge(
    missing: TranslationEntry, header: TranslationHeader | None, current: str | None
) -> TranslationEntry:
    """Turn the entry of an existing translation into translated or stale, saying why."""
    source_name = PurePosixPath(missing.source).name
    if header is None or header.source_hash is None:
        detail = (
            f"no source_hash recorded; compare it with {missing.source}, then record "
            f"source_hash: {current}"
        )
        return _unverified(missing, detail, None)
    recorded = header.source_hash
    if not is_valid_hash(recorded):
        detail = f"source_hash {recorded!r} is not 'sha256:' and 16 hex digits"
        return _unverified(missing, detail, recorded)
    if header.translation_of is not None and header.translation_of != source_name:
        named = header.translation_of
        detail = f"translation_of names {named!r}, but its source is {source_name!r}"
        return _unverified(missing, detail, recorded)
    if recorded != current:
        reason = f"source changed since translation (recorded {recorded}, now {current})"
        return replace(missing, state="stale", reason=reason, recorded_hash=recorded)
    reason = "made from the current source"
    return replace(missing, state="translated", reason=reason, recorded_hash=recorded)


def _unverified(missing: TranslationEntry, detail: str, recorded: str | None) -> TranslationEntry:
    return replace(
        missing,
        state="stale",
        reason=f"unverified: {detail}",
        is_unverified=True,
        recorded_hash=recorded,
    )


def _orphan(translation: str, source_path: str, sources: list[SourceFile]) -> Problem:
    siblings = [
        PurePosixPath(s.path).name
        for s in sources
        if PurePosixPath(s.path).parent == PurePosixPath(source_path).parent
    ]
    hint = did_you_mean(PurePosixPath(source_path).name, siblings)
    message = (
        f"translation of {source_path}, which does not exist{hint}; rename the "
        "translation after its source or delete it"
    )
    return Problem(translation, None, None, message, code=codes.ORPHAN_TRANSLATION)


def _bad_suffix(
    relative: str,
    base: str,
    suffix: str,
    extension: str,
    targets: set[str],
    source_language: str,
) -> Problem:
    if suffix == source_language:
        message = (
            f"{suffix!r} is the source language, which takes no suffix; "
            f"rename it to {base}{extension}"
        )
    else:
        message = (
            f"{suffix!r} is not a language declared in curriculum/languages.yaml"
            f"{did_you_mean(suffix, targets)}; name translations like {base}.es{extension}"
        )
    return Problem(relative, None, None, message, code=codes.TRANSLATION_SUFFIX)

"""Start a translation: copy a source beside itself with a header recording its hash.

The copy is the translator's starting point: the header says which version of the source
it was made from, so that ``courseware translate status`` can tell when the source moves on.
A lab is not copied whole: its translation carries only the lab's text (Markdown cells and
the figures' alt text), written by the labs package's skeleton function, which the caller
passes in (this package does not import the labs package). Nothing is ever overwritten, and
only real files inside the project are read or written.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path, PurePosixPath

from courseware import problem_codes as codes
from courseware.errors import ContentError, Problem, UsageError
from courseware.i18n.hashing import hash_source_bytes
from courseware.i18n.headers import (
    TranslationHeader,
    add_translation_header,
    header_style,
    keep_translatable_lab_keys,
    parse_translation_header,
)
from courseware.i18n.tracking import SourceFile, classify
from courseware.problem_reference import REFERENCE_FILE
from courseware.validation import did_you_mean

MAX_SOURCE_BYTES = 1024 * 1024
"""Pages are capped at 200 KB when the site is built; labs carry a little more prose and
code, so 1 MB refuses only what is certainly not a page, module or lab."""

TRANSLATABLE = "pages/<name>.md, modules/<id>/index.md or labs/<id>.py"

LabSkeleton = Callable[[str, str], str]
"""``(source text, its project-relative path) -> the text of a new lab translation``, such as
:func:`courseware.labs.lab_translation_skeleton`."""


def start_translation(
    root: Path,
    source: Path,
    language: str,
    declared: Sequence[str],
    source_language: str,
    translators: Sequence[str] = (),
    lab_skeleton: LabSkeleton | None = None,
) -> Path:
    """Write the translation of ``source`` into ``language``: its header, then the text to
    translate (for a lab, only its text: ``lab_skeleton`` writes it).

    Args:
        root: The project folder.
        source: The source file, absolute or relative to ``root``.
        language: The language to translate into; declared and not the source language.
        declared: Every declared language code.
        source_language: The code of the language sources are written in.
        translators: Names to record in the header.
        lab_skeleton: Writes a lab translation's text; needed to start one.

    Returns:
        The path of the new translation.

    Raises:
        UsageError: for an undeclared language, the source language, a path that is not a
            translatable source inside the project, a link, or a translation that exists.
        ContentError: when the source is not UTF-8 text or is too large.
    """
    path, relative = check_translation_source(root, source, language, declared, source_language)
    if relative == REFERENCE_FILE.as_posix():
        raise UsageError(
            f"{relative} is generated (make problem-codes) and translated only in a catalog; "
            f"run: courseware translate start {relative} {language}"
        )
    kind, name = classify(relative) or ("page", "")
    target_relative = SourceFile(kind, name, relative).translation_path(language)
    target = path.with_name(PurePosixPath(target_relative).name)
    if target.is_symlink() or target.exists():
        raise UsageError(f"{target_relative} already exists; edit it, or delete it to start again")
    raw = _read_source(path, relative)
    header = TranslationHeader(
        translation_of=path.name,
        source_hash=hash_source_bytes(raw),
        translators=tuple(translators),
    )
    style = header_style(path)
    text = raw.decode("utf-8")
    if style == "jupytext":
        if lab_skeleton is None:
            raise ValueError("starting a lab translation needs lab_skeleton")
        text = keep_translatable_lab_keys(lab_skeleton(text, relative))
    text = add_translation_header(text, header, style)
    if parse_translation_header(text, style, relative) != header:
        message = "its header could not take the translation keys; simplify the header"
        raise ContentError([Problem(relative, 1, None, message, code=codes.TRANSLATION_HEADER)])
    with target.open("x", encoding="utf-8", newline="") as handle:
        handle.write(text)
    return target


def check_translation_source(
    root: Path, source: Path, language: str, declared: Sequence[str], source_language: str
) -> tuple[Path, str]:
    """The source file to translate into ``language`` and its project-relative path.

    Raises:
        UsageError: for an undeclared language, the source language, a path that is not a
            translatable source inside the project, a translation, or a link.
    """
    _check_language(language, declared, source_language)
    path, relative = _confine(root, source)
    if classify(relative) is None and relative != REFERENCE_FILE.as_posix():
        raise UsageError(f"{relative} is not a translatable file; translate {TRANSLATABLE}")
    file_name = PurePosixPath(relative).name
    if file_name.count(".") > 1:
        base = file_name.split(".")[0] + PurePosixPath(relative).suffix
        raise UsageError(f"{relative} is a translation itself; start from its source, {base}")
    if not path.is_file():
        raise UsageError(f"{relative} does not exist; translate {TRANSLATABLE}")
    return path, relative


def _check_language(language: str, declared: Sequence[str], source_language: str) -> None:
    targets = [code for code in declared if code != source_language]
    if language == source_language:
        raise UsageError(
            f"{language!r} is the source language; translate into one of: {', '.join(targets)}"
        )
    if language not in targets:
        raise UsageError(
            f"{language!r} is not a language declared in curriculum/languages.yaml"
            f"{did_you_mean(language, targets)}"
        )


def _confine(root: Path, source: Path) -> tuple[Path, str]:
    """Return the source path and its project-relative form, refusing links and escapes."""
    candidate = Path(os.path.abspath(source if source.is_absolute() else root / source))
    for base in (Path(os.path.abspath(root)), root.resolve()):
        try:
            relative = candidate.relative_to(base)
        except ValueError:
            continue
        current = base
        for part in relative.parts:
            current = current / part
            if current.is_symlink():
                raise UsageError(
                    f"{relative.as_posix()}: symbolic links are not allowed; copy the file"
                )
        return candidate, relative.as_posix()
    raise UsageError(f"{source} is outside the project folder {root}")


def _read_source(path: Path, relative: str) -> bytes:
    size = path.stat().st_size
    if size > MAX_SOURCE_BYTES:
        message = f"file is {size} bytes, over the {MAX_SOURCE_BYTES}-byte limit; split it"
        raise ContentError([Problem(relative, None, None, message, code=codes.FILE_TOO_LARGE)])
    raw = path.read_bytes()
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        problem = Problem(
            relative, line, None, "not UTF-8 text; save it as UTF-8", code=codes.NOT_UTF8
        )
        raise ContentError([problem]) from None
    return raw

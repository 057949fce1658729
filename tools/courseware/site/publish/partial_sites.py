"""Partial sites: some of the languages, built on one machine, merged into the whole site later.

Every language is already its own MkDocs run (``engine/language_builds.py``), so a site is
the source language's tree at the root plus one folder per other language, and nothing in
one language's tree depends on another's build. A CI service can therefore build languages
in separate jobs (``courseware build --languages es,pt --partial OUT``) and a last job puts
the trees together (``courseware merge OUT...``): the same files a single build writes, byte
for byte.

A partial site records, beside its manifest, the languages it holds and the fingerprints of
every language of the sources it was staged from: partials of different commits, two
partials holding one language, or a set missing a language cannot be merged, and each of
those is said in one line.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from courseware.atomic_files import write_atomically
from courseware.errors import BuildError
from courseware.project_paths import SITE_MARKER
from courseware.site.publish.fingerprints import MANIFEST, write_manifest

PARTIAL_MANIFEST = ".courseware-partial.json"
"""In a partial site only: its languages, and the fingerprints of all the project's languages."""


@dataclass(frozen=True)
class PartialSite:
    """One partial site as its record describes it."""

    folder: Path
    languages: tuple[str, ...]
    source_language: str
    all_fingerprints: dict[str, str]
    """Every language of the project, in the registry's order, with its input fingerprint."""


def write_partial_record(
    new_site: Path, languages: Sequence[str], source_language: str, fingerprints: Mapping[str, str]
) -> None:
    """Mark ``new_site`` as a partial site of ``languages``, staged with ``fingerprints``."""
    record = {
        "languages": list(languages),
        "source_language": source_language,
        "fingerprints": dict(fingerprints),
    }
    text = json.dumps(record, indent=1) + "\n"
    write_atomically(new_site / PARTIAL_MANIFEST, text.encode("utf-8"))


def read_partial_site(folder: Path) -> PartialSite:
    """The record of the partial site in ``folder``.

    Raises:
        BuildError: ``folder`` is not a partial site, or its record is unreadable.
    """
    record_path = folder / PARTIAL_MANIFEST
    hint = f"build one with courseware build --languages CODES --partial {folder}"
    if folder.is_symlink() or not record_path.is_file() or record_path.is_symlink():
        raise BuildError(f"{folder}: not a partial site (it has no {PARTIAL_MANIFEST}); {hint}")
    try:
        record = json.loads(record_path.read_text(encoding="utf-8"))
        languages = tuple(str(code) for code in record["languages"])
        source = str(record["source_language"])
        fingerprints = {str(k): str(v) for k, v in dict(record["fingerprints"]).items()}
    except (OSError, ValueError, KeyError, TypeError):
        raise BuildError(f"{record_path}: unreadable partial-site record; {hint}") from None
    return PartialSite(folder, languages, source, fingerprints)


def check_mergeable(partials: Sequence[PartialSite]) -> list[str]:
    """Every reason the partials cannot make one site, one line each (none: they can)."""
    if not partials:
        return ["no partial sites given"]
    first = partials[0]
    problems: list[str] = []
    holder: dict[str, Path] = {}
    for partial in partials:
        if (
            partial.all_fingerprints != first.all_fingerprints
            or partial.source_language != first.source_language
        ):
            problems.append(
                f"{partial.folder}: built from other sources than {first.folder}; build every "
                "partial site from the same commit"
            )
        for code in partial.languages:
            if code in holder:
                problems.append(
                    f"{partial.folder}: language {code} is also in {holder[code]}; give each "
                    "language to one partial site"
                )
            holder.setdefault(code, partial.folder)
    missing = [code for code in first.all_fingerprints if code not in holder]
    if missing:
        problems.append(
            f"no partial site holds {', '.join(missing)}; build them with courseware build "
            f"--languages {','.join(missing)} --partial FOLDER"
        )
    return problems


def assemble_partial_sites(partials: Sequence[PartialSite], new_site: Path) -> None:
    """Copy the partials' trees into ``new_site`` and write the whole site's manifest: what a
    single build writes (the site marker is added by ``swap_into_place``).

    Raises:
        BuildError: when ``check_mergeable`` finds a reason (all of them, one per line).
    """
    problems = check_mergeable(partials)
    if problems:
        raise BuildError("\n".join(problems))
    own_files = {PARTIAL_MANIFEST, MANIFEST, SITE_MARKER}
    new_site.mkdir(parents=True, exist_ok=True)
    for partial in partials:
        for entry in sorted(partial.folder.iterdir()):
            if entry.name in own_files or entry.is_symlink():
                continue
            destination = new_site / entry.name
            try:
                if entry.is_dir():
                    shutil.copytree(entry, destination, symlinks=True)
                else:
                    shutil.copy2(entry, destination)
            except OSError as error:
                raise BuildError(
                    f"{entry}: cannot be merged ({error.strerror or error}); was this partial "
                    "site changed after it was built?"
                ) from None
    write_manifest(new_site, partials[0].all_fingerprints)

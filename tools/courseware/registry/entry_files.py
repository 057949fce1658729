"""Load a folder of one-entry-per-file registry YAML (offerings, tracks): each file parsed and
validated on its own, its id matching its file name and unique across the folder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from pydantic import BaseModel

from courseware import problem_codes as codes
from courseware.errors import Problem
from courseware.registry.text_catalogs import validate_translated
from courseware.yamlsafe import YamlDocument, display_path, read_yaml_file

EntryT = TypeVar("EntryT", bound=BaseModel)


@dataclass(frozen=True)
class EntryFile(Generic[EntryT]):
    """One valid entry, with the file it came from (relative) and its parsed document."""

    relative: str
    document: YamlDocument
    entry: EntryT


def load_entry_files(
    root: Path, folder: Path, model: type[EntryT], noun: str
) -> tuple[list[EntryFile[EntryT]], list[Problem], dict[str, YamlDocument]]:
    """Load every ``folder/*.yaml`` as a ``model``; ``noun`` names the files in messages.

    Symbolic links and folders are skipped here: the registry's symlink check reports links.
    """
    entries: list[EntryFile[EntryT]] = []
    problems: list[Problem] = []
    documents: dict[str, YamlDocument] = {}
    first_file_of_id: dict[str, str] = {}
    paths = sorted(folder.iterdir()) if folder.is_dir() else []
    for path in paths:
        if path.is_symlink() or not path.is_file():
            continue
        relative = display_path(path, root)
        if path.suffix != ".yaml":
            problems.append(
                Problem(
                    relative,
                    None,
                    None,
                    f"{noun} files end in .yaml; rename it",
                    code=codes.STRAY_FILE,
                )
            )
            continue
        document, file_problems = read_yaml_file(path, root)
        problems += file_problems
        if document is None:
            continue
        documents[relative] = document
        entry, file_problems = validate_translated(root, model, document)
        problems += file_problems
        if entry is None:
            continue
        entry_id = str(getattr(entry, "id"))  # noqa: B009 - every entry model has an id
        line = document.line_of(("id",))
        if entry_id != path.stem:
            message = (
                f"{entry_id!r} differs from the file name; "
                f"rename the file to {entry_id}.yaml or change the id"
            )
            problems.append(Problem(relative, line, "id", message, code=codes.ID_MISMATCH))
        if entry_id in first_file_of_id:
            message = (
                f"{entry_id!r} is already used by {first_file_of_id[entry_id]}; ids must be unique"
            )
            problems.append(Problem(relative, line, "id", message, code=codes.DUPLICATE_ID))
        first_file_of_id.setdefault(entry_id, relative)
        entries.append(EntryFile(relative, document, entry))
    return entries, problems, documents

"""Import a TinyMLedu registry file into offering files, one per entry, never overwriting.

This is the import as the CLI runs it: read the languages the project declares, read and
check the source file, convert each entry (``convert.py``), then decide per entry whether to
write it, skip it (a file with its id exists) or write it as a numbered draft, and return
the report of all of it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from courseware.errors import ContentError, UsageError, errors_only
from courseware.registry.load import OFFERINGS_FOLDER, load_languages
from courseware.registry.models import Offering, OfferingKind
from courseware.registry.tinymledu.convert import Conversion, ConvertOptions, convert_entry
from courseware.registry.tinymledu.findings import Finding, needs_human
from courseware.registry.tinymledu.ids import numbered_id
from courseware.registry.tinymledu.links import check_base_url
from courseware.registry.tinymledu.report import EntryOutcome, EntryReport, ImportReport
from courseware.registry.tinymledu.source import read_source
from courseware.registry.tinymledu.writer import offering_yaml, write_new_file
from courseware.validation import validate_document
from courseware.yamlsafe import display_path, read_yaml_file


@dataclass(frozen=True)
class ImportOptions:
    """How to import: the kind of every entry, where to write, what to resolve against."""

    kind: OfferingKind
    root: Path
    """The project folder; its ``curriculum/languages.yaml`` says which languages exist."""
    out: Path | None = None
    """Where to write; ``ROOT/curriculum/offerings`` when None."""
    base_url: str | None = None
    dry_run: bool = False
    force_new: bool = False


def import_tinymledu(source: Path, options: ImportOptions) -> ImportReport:
    """Import every entry of a TinyMLedu file (see the module docstring).

    Raises:
        UsageError: when the base URL is not an absolute https URL.
        ContentError: when the languages file or the source file cannot be read.
    """
    root = options.root.resolve()
    base_url = _base_url(options.base_url)
    declared = declared_languages(root)
    items = read_source(source, root)
    convert_options = ConvertOptions(options.kind, declared, base_url)
    conversions = [convert_entry(item, convert_options) for item in items]
    placement = _Placement(options.out or root / OFFERINGS_FOLDER, root, options)
    entries = tuple(placement.place(conversion) for conversion in conversions)
    shown = items[0].path if items else display_path(source, root)
    return ImportReport(shown, options.kind, options.dry_run, entries)


def declared_languages(root: Path) -> dict[str, str]:
    """Code → English name of the languages ``curriculum/languages.yaml`` declares.

    Raises:
        ContentError: when the file is missing or has errors.
    """
    languages, problems, _ = load_languages(root)
    if errors_only(problems):
        raise ContentError(problems)
    return {language.code: language.english_name for language in languages}


def _base_url(base_url: str | None) -> str | None:
    if base_url is None:
        return None
    try:
        return check_base_url(base_url)
    except ValueError as error:
        raise UsageError(f"--base-url {base_url!r}: {error}") from None


class _Placement:
    """Decides, entry by entry, which file each offering goes to; writes unless dry-running.

    It remembers what this run wrote, so two entries with one id are handled like an entry
    whose id was already on disk.
    """

    def __init__(self, folder: Path, root: Path, options: ImportOptions) -> None:
        self.folder = folder
        self.root = root
        self.options = options
        self.in_run: dict[str, Offering] = {}

    def place(self, conversion: Conversion) -> EntryReport:
        offering = conversion.offering
        if offering is None:
            return self._report(conversion, "not_imported", None, None)
        path = self.folder / f"{offering.id}.yaml"
        if not self._is_taken(offering.id):
            return self._write(conversion, offering, path, "written")
        if self._existing(offering.id) == offering:
            return self._report(conversion, "unchanged", offering.id, path)
        if self.options.force_new:
            draft_id = numbered_id(offering.id, self._taken_ids())
            draft = offering.model_copy(update={"id": draft_id})
            draft_path = self.folder / f"{draft_id}.yaml"
            header = (
                f"Numbered draft: {offering.id}.yaml already exists with other content; "
                "merge the two by hand, then delete one."
            )
            extra = needs_human(
                "id", f"{self._shown(path)} already exists with other content; merge by hand"
            )
            return self._write(conversion, draft, draft_path, "draft", header, extra)
        message = (
            f"{self._shown(path)} already exists with other content; compare them, or import "
            "with --force-new to write this entry as a numbered draft"
        )
        return self._report(conversion, "exists", offering.id, path, needs_human("id", message))

    def _write(
        self,
        conversion: Conversion,
        offering: Offering,
        path: Path,
        outcome: EntryOutcome,
        header: str | None = None,
        extra: Finding | None = None,
    ) -> EntryReport:
        text = offering_yaml(offering, conversion.item.path, conversion.item.line, header)
        if not self.options.dry_run:
            self.folder.mkdir(parents=True, exist_ok=True)
            try:
                write_new_file(path, text)
            except FileExistsError:  # appeared since we looked: never overwrite
                message = f"{self._shown(path)} appeared while importing; nothing written"
                return self._report(
                    conversion, "exists", offering.id, path, needs_human("id", message)
                )
        self.in_run[offering.id] = offering
        return self._report(conversion, outcome, offering.id, path, extra)

    def _report(
        self,
        conversion: Conversion,
        outcome: EntryOutcome,
        offering_id: str | None,
        path: Path | None,
        extra: Finding | None = None,
    ) -> EntryReport:
        findings = conversion.findings
        if extra is not None:
            findings = (*findings, dataclasses.replace(extra, line=conversion.item.line))
        item = conversion.item
        title = item.entry.title.strip() or f"entry {item.index + 1}"
        shown = self._shown(path) if path is not None else None
        return EntryReport(item.path, item.line, title, outcome, offering_id, shown, findings)

    def _is_taken(self, offering_id: str) -> bool:
        path = self.folder / f"{offering_id}.yaml"
        return offering_id in self.in_run or path.exists() or path.is_symlink()

    def _taken_ids(self) -> set[str]:
        on_disk = {p.stem for p in self.folder.glob("*.yaml")} if self.folder.is_dir() else set()
        return on_disk | set(self.in_run)

    def _existing(self, offering_id: str) -> Offering | None:
        """The offering the file with this id holds, when it loads cleanly."""
        if offering_id in self.in_run:
            return self.in_run[offering_id]
        path = self.folder / f"{offering_id}.yaml"
        if path.is_symlink() or not path.is_file():
            return None
        document, _ = read_yaml_file(path, self.root)
        if document is None:
            return None
        offering, _ = validate_document(Offering, document)
        return offering

    def _shown(self, path: Path) -> str:
        return display_path(path.resolve(), self.root)

"""Re-staging for ``courseware serve`` by inputs: after a saved edit of modules' texts only,
make again only what those texts feed (issue 19, item 2).

Re-staging the whole project (reading the registry, running every stager, labs included,
then writing the staged tree) took about ten seconds on the bundled site for the edit of one
paragraph. Here the content folders' files are compared with their state at the last
staging (size, modification time, inode); when every changed file is the existing text of a
module (``modules/<id>/index.md`` or ``index.<lang>.md``, none added or removed):

- the registry is kept, with only what those texts feed in a full load checked again: their
  figure markers (``registry.sources.check_module_sources``) and the exercises their answer
  keys answer (``registry.answers.load_answer_keys``); a module with a content catalog, whose
  languages and coverage the registry derives from its text, takes the full path, and so
  does an answer key that comes out different or any error (the full path reports every
  problem, as a full build does);
- the stagers' parts that read no module text are taken over from the last staging
  (``staging.parts``), the others made again;
- the staged site is checked as a full build checks it, and only the staged files whose
  bytes changed are written.

Anything else (a ``module.yaml``, a lab, a hand page, a catalog, a file added or removed,
``mkdocs.yml``) re-stages everything from a fresh registry, as before. So does the first
staging, and any staging after one that failed. The staged tree is the same, byte for byte,
either way (tests/test_serve_restage.py compares them); the registry's warnings, which serve
does not show, may come in another order.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import re
import time
from collections.abc import Collection
from pathlib import Path

from courseware import problem_codes as codes
from courseware.atomic_files import write_atomically
from courseware.errors import ContentError, errors_only
from courseware.fingerprints import FileStates, file_states
from courseware.i18n.content_catalogs import catalog_path
from courseware.project_paths import STAGED_DOCS_DIR
from courseware.registry.answers import load_answer_keys
from courseware.registry.load import CONTENT_FOLDERS, Registry, load_registry
from courseware.registry.sources import check_module_sources, load_sources
from courseware.site.commands.stage_and_check import checked
from courseware.site.publish import write_staged
from courseware.site.staging import MKDOCS_FILE, SiteParts, collect_site_parts

log = logging.getLogger("courseware.serve")

Snapshot = FileStates

_MODULE_TEXT = re.compile(r"modules/(?P<id>[^/]+)/index(?:\.[A-Za-z-]+)?\.md")

TEXT_CHECK_CODES = frozenset(
    {
        codes.ANSWER_MISSING,
        codes.ANSWER_UNKNOWN_EXERCISE,
        codes.ANSWER_VALUE_PLACEHOLDER,
        codes.ANSWER_FUNCTION_UNKNOWN,
        codes.FOOTNOTE_TEXT_MISSING,
        codes.UNSOURCED_FIGURE,
        codes.UNKNOWN_SOURCE,
        codes.UNSOURCED_KEY_POINT,
    }
)
"""The codes of the registry's problems that a module's text (with its answer key and
key points) decides: those the checks run again here can report."""


def source_snapshot(root: Path) -> Snapshot:
    """Each content file's size, inode and modification time, by path relative to ``root``
    (an editor saves in place or by renaming a new file over the old: either shows)."""
    result: Snapshot = {}
    for name in CONTENT_FOLDERS:
        result.update(file_states(root / name, relative_to=root))
    try:
        status = os.lstat(root / MKDOCS_FILE)
        result[MKDOCS_FILE] = (status.st_size, status.st_ino, status.st_mtime_ns)
    except OSError:
        pass
    return result


def changed_module_texts(before: Snapshot, after: Snapshot) -> frozenset[str] | None:
    """The ids of the modules whose text alone changed between the two snapshots; None when
    anything else changed (or nothing did: then only a full staging can say why)."""
    if before.keys() != after.keys():
        return None
    changed = [path for path, status in after.items() if before[path] != status]
    ids = set()
    for path in changed:
        match = _MODULE_TEXT.fullmatch(path)
        if match is None:
            return None
        ids.add(match["id"])
    return frozenset(ids) or None


def refreshed_registry(registry: Registry, module_ids: Collection[str]) -> Registry | None:
    """``registry`` after edits of the texts of ``module_ids``, when the checks of a full
    load that read those texts can be run again for them alone; None when only a full load
    can tell (see the module docstring)."""
    by_id = {module.id: module for module in registry.modules}
    if any(module_id not in by_id for module_id in module_ids):
        return None
    chosen = [by_id[module_id] for module_id in sorted(module_ids)]
    root = registry.root
    for module in chosen:
        source_path = f"{module.folder}/index.md"
        if module.catalog_languages or any(
            catalog_path(root, source_path, code).exists() for code in registry.language_codes
        ):
            return None
    sources, source_problems, _ = load_sources(root)
    if errors_only(source_problems):
        return None
    problems = check_module_sources(root, chosen, registry.documents, sources)
    keys, key_problems, _ = load_answer_keys(root, chosen)
    problems += key_problems
    for module in chosen:
        if keys.get(module.id) != registry.answer_keys.get(module.id):
            return None
    if errors_only(problems) or any(p.code not in TEXT_CHECK_CODES for p in problems):
        return None
    folders = tuple(f"{module.folder}/" for module in chosen)
    kept = [
        warning
        for warning in registry.warnings
        if not (warning.code in TEXT_CHECK_CODES and warning.file.startswith(folders))
    ]
    new = [problem for problem in problems if problem.severity == "warning"]
    return dataclasses.replace(registry, warnings=(*kept, *new))


@dataclasses.dataclass
class ServeStaging:
    """The last staging of the served project, kept to re-stage the next edit by inputs."""

    root: Path
    registry: Registry | None = None
    parts: SiteParts | None = None
    files: dict[str, bytes] | None = None
    """The staged tree as written, after sanitizing."""
    sources: Snapshot = dataclasses.field(default_factory=dict)
    last_restaged: list[tuple[str, str | None, str | None]] = dataclasses.field(
        default_factory=list
    )
    """The parts the last staging made anew (every part after a full staging)."""
    last_was_full: bool = True

    def stage(self) -> None:
        """Stage the project's current state into ``build/docs``.

        Raises:
            ContentError: every problem of the project, when one is an error (as
                ``stage_and_check`` raises them).
        """
        started = time.perf_counter()
        snapshot = source_snapshot(self.root)
        up_to_date = self.parts is not None and snapshot == self.sources
        if up_to_date and (self.root / STAGED_DOCS_DIR).is_dir():
            return  # a second event for one save: the staged tree is up to date
        changed = None if self.parts is None else changed_module_texts(self.sources, snapshot)
        if changed is not None and self._restage_texts(changed, snapshot):
            elapsed = time.perf_counter() - started
            log.info(
                f"Re-staged {len(self.last_restaged)} part(s) for the text of "
                f"{', '.join(sorted(changed))} in {elapsed:.2f} s"
            )
            return
        self._stage_everything(snapshot)

    def _stage_everything(self, snapshot: Snapshot) -> None:
        self.registry = self.parts = self.files = None
        self.sources = snapshot
        registry = load_registry(self.root)
        parts = collect_site_parts(registry)
        staged = checked(parts.merged(), registry)
        write_staged(staged.files, self.root / STAGED_DOCS_DIR)
        self.registry, self.parts, self.files = registry, parts, staged.files
        self.last_restaged = list(parts.restaged)
        self.last_was_full = True

    def _restage_texts(self, changed: frozenset[str], snapshot: Snapshot) -> bool:
        """Re-stage after edits of the texts of the modules ``changed`` only; False when the
        full path must run instead (nothing written then)."""
        assert self.registry is not None and self.parts is not None and self.files is not None
        docs_dir = self.root / STAGED_DOCS_DIR
        registry = refreshed_registry(self.registry, changed)
        if registry is None or not docs_dir.is_dir():
            return False
        parts = collect_site_parts(registry, previous=self.parts, changed_texts=changed)
        try:
            staged = checked(parts.merged(), registry)
        except ContentError:
            return False  # the full path reports every problem, as a full build does
        if staged.files.keys() != self.files.keys():
            return False
        previous = self.files
        for relative, content in staged.files.items():
            if previous[relative] != content:
                write_atomically(docs_dir / relative, content, durable=False)
        self.registry, self.parts, self.files = registry, parts, staged.files
        self.sources = snapshot
        self.last_restaged = list(parts.restaged)
        self.last_was_full = False
        return True

"""What the labs' headers say, read without running anything: for the teaching kits (durations,
hardware, data files), the teacher's plans, and the checks that a lab and its module agree.

``courseware validate`` reads the headers here too, so a broken header is reported by
``validate``, not only by ``labs run`` or ``build``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from courseware.errors import Problem
from courseware.labs import Lab, discover_lab_paths, load_lab
from courseware.registry.answers import check_answer_functions
from courseware.registry.lab_references import LabReference, check_lab_modules, check_module_labs
from courseware.registry.load import Registry
from courseware.site.render import KitLab
from courseware.site.staging.answer_functions import ANSWER_FUNCTIONS
from courseware.site.staging.lab_catalogs import complete_catalog_titles

_MODULE_LINE = re.compile(r"^#\s*module\s*:")


@dataclass
class LabFacts:
    """The source labs that loaded, and the problems of those that did not."""

    labs: list[Lab] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    """Every source lab on disk, loaded or not (a broken lab is still a lab a module names)."""
    titles: dict[tuple[str, str], str] = field(default_factory=dict)
    """Translated titles by (lab id, language), from the translations' headers."""

    def kit_labs(
        self, registry: Registry, module_id: str, language: str | None = None
    ) -> list[KitLab]:
        """The labs of ``module_id`` in the order its ``module.yaml`` lists them, titled in
        ``language`` where the lab is translated."""
        module = registry.modules_by_id.get(module_id)
        by_id = {lab.id: lab for lab in self.labs if lab.module == module_id}
        order = module.spec.labs if module is not None else sorted(by_id)
        source = registry.source_language.code
        kit_labs = []
        for lab_id in order:
            if lab_id not in by_id:
                continue
            title = self.titles.get((lab_id, language or ""))
            untranslated = language not in (None, source) and title is None
            kit_labs.append(_kit_lab(by_id[lab_id], title, source if untranslated else None))
        return kit_labs

    def references(self) -> list[LabReference]:
        """Where each loaded lab names its module."""
        return [
            LabReference(lab.id, lab.relative_path, _module_line(lab.path), lab.module)
            for lab in self.labs
        ]


def read_lab_facts(root: Path) -> LabFacts:
    """Read the header (and cells) of every source lab under ``root/labs``."""
    facts = LabFacts()
    for path in discover_lab_paths(root):
        lab_id, _, language = path.stem.partition(".")
        if language:
            # A translation: only its title is its own (its problems are stage_labs' to report).
            title = _translated_title(path, root)
            if title is not None:
                facts.titles[(lab_id, language)] = title
            continue
        facts.ids.add(path.stem)
        lab, problems = load_lab(path, root)
        facts.problems += problems
        if lab is not None:
            facts.labs.append(lab)
    for lab in facts.labs:
        for language, title in complete_catalog_titles(root, lab).items():
            facts.titles.setdefault((lab.id, language), title)
    return facts


def check_lab_references(registry: Registry, facts: LabFacts) -> list[Problem]:
    """Modules name existing labs, labs name modules that list them, and answer keys name
    registered answer functions."""
    problems = check_module_labs(registry, facts.ids)
    problems += check_lab_modules(registry, facts.references())
    problems += check_answer_functions(registry.answer_keys, registry.documents, ANSWER_FUNCTIONS)
    return problems


def _translated_title(path: Path, root: Path) -> str | None:
    lab, _ = load_lab(path, root)
    return lab.title if lab is not None else None


def _kit_lab(lab: Lab, title: str | None = None, title_language: str | None = None) -> KitLab:
    return KitLab(
        id=lab.id,
        title=title or lab.title,
        title_language=title_language,
        duration_minutes=lab.duration_minutes,
        hardware=lab.hardware,
        connectivity=lab.connectivity,
        data_files=lab.data_files,
        requirements=lab.requirements,
    )


def _module_line(path: Path) -> int | None:
    """The line of the header's ``module:`` field, for messages."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    return next((n for n, line in enumerate(lines, start=1) if _MODULE_LINE.match(line)), None)

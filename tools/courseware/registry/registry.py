"""The ``Registry`` value: everything the registry holds once it has loaded without errors.

It lives apart from the loader (``registry/load.py``) so that the checks which take a whole
registry can name its type without importing the loader, which imports them.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

from courseware.errors import Problem
from courseware.registry.answers import AnswerKey
from courseware.registry.glossary import GlossaryTerm
from courseware.registry.models import Language, Offering
from courseware.registry.modules import Module
from courseware.registry.topics import Topic
from courseware.registry.tracks import Track
from courseware.yamlsafe import YamlDocument


@dataclass(frozen=True)
class Registry:
    """Everything the registry holds, validated, plus the warnings found while loading."""

    root: Path
    languages: tuple[Language, ...]
    offerings: tuple[Offering, ...]
    topics: tuple[Topic, ...] = ()
    glossary: tuple[GlossaryTerm, ...] = ()
    """The terms of ``curriculum/glossary.yaml`` (``registry/glossary.py``)."""
    modules: tuple[Module, ...] = ()
    tracks: tuple[Track, ...] = ()
    warnings: tuple[Problem, ...] = ()
    answer_keys: dict[str, AnswerKey] = field(default_factory=dict, compare=False, repr=False)
    """Each module's answer key (``modules/<id>/answers.yaml``) by module id, where it has one."""
    documents: dict[str, YamlDocument] = field(default_factory=dict, compare=False, repr=False)
    """The parsed YAML documents by relative path, so later checks can name lines."""

    @property
    def source_language(self) -> Language:
        """The language every page is written in first."""
        return next(lang for lang in self.languages if lang.source)

    @property
    def language_codes(self) -> tuple[str, ...]:
        """Codes of all declared languages, source language first."""
        source = self.source_language.code
        return (source, *[lang.code for lang in self.languages if lang.code != source])

    def language(self, code: str) -> Language:
        """Return the declared language with ``code``."""
        return next(lang for lang in self.languages if lang.code == code)

    @functools.cached_property
    def modules_by_id(self) -> dict[str, Module]:
        """The modules keyed by id, for lookups from tracks and pages."""
        return {module.id: module for module in self.modules}

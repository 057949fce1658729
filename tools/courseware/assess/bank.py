"""Question banks (``modules/<id>/questions.yaml``): schema and loading with line numbers.

A bank holds items that each check one of the module's learning objectives (by its id, see
``courseware.registry.modules.LearningObjective``). The item types are the ones a phone page
can mark by itself or the learner can mark against a model answer: single and multiple
choice, true/false, numeric (value, tolerance, unit), short answer (self-marked) and
ordering. Text is ``LocalizedText`` as in ``module.yaml``; a translation records the hash of
the source text it was made from (``translated_from``), so a changed source is reported.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field, TypeAdapter, ValidationError

from courseware.errors import Problem
from courseware.registry.modules import MODULES_FOLDER, Module
from courseware.registry.text_catalogs import (
    TextDocument,
    module_source_language,
    stale_in_catalogs,
    validate_translated,
)
from courseware.textfields import LanguageCode, LocalizedText, Slug, StrictModel
from courseware.yamlsafe import YamlDocument, display_path, read_yaml_file

BANK_FILE = "questions.yaml"

ShortHash = Annotated[str, Field(pattern=r"^[0-9a-f]{12}$")]
"""The first 12 hex digits of the SHA-256 of an item's source-language text."""


class Choice(StrictModel):
    """One option of a choice item, with the feedback a reader sees on picking it."""

    text: LocalizedText
    correct: bool = False
    feedback: LocalizedText


class Computed(StrictModel):
    """A numeric answer computed by a named function (``courseware.assess.computed``), so it
    follows the module's own numbers and the footprint library instead of being retyped."""

    computed: Slug


class _ItemBase(StrictModel):
    id: Slug
    objective: Slug
    prompt: LocalizedText
    explanation: LocalizedText
    translated_from: dict[LanguageCode, ShortHash] = Field(default_factory=dict)


class SingleChoice(_ItemBase):
    """Exactly one correct option."""

    type: Literal["single"]
    options: list[Choice] = Field(min_length=2, max_length=8)


class MultipleChoice(_ItemBase):
    """Any number of correct options; marked right only when the set chosen is exact."""

    type: Literal["multiple"]
    options: list[Choice] = Field(min_length=2, max_length=8)


class TrueFalse(_ItemBase):
    """A statement that is true or false."""

    type: Literal["true_false"]
    answer: bool


class Numeric(_ItemBase):
    """A number within ``tolerance`` of ``value`` (in ``unit``) is right.

    The unit may be translated (days, días); it is not part of the hash a translation
    records, since a symbol such as Wh reads the same in every language.
    """

    type: Literal["numeric"]
    value: float | Computed
    tolerance: float
    unit: LocalizedText


class ShortAnswer(_ItemBase):
    """Free text the learner marks against the model answer."""

    type: Literal["short_answer"]
    model_answer: LocalizedText


class Ordering(_ItemBase):
    """Steps to put in order; ``steps`` lists them in the right order (pages shuffle them)."""

    type: Literal["ordering"]
    steps: list[LocalizedText] = Field(min_length=2, max_length=8)


Item = Annotated[
    SingleChoice | MultipleChoice | TrueFalse | Numeric | ShortAnswer | Ordering,
    Field(discriminator="type"),
]
ItemType = Literal["single", "multiple", "true_false", "numeric", "short_answer", "ordering"]


class BankSpec(StrictModel):
    """The contents of one ``modules/<id>/questions.yaml``."""

    module: Slug
    items: list[Item] = Field(min_length=1)


@dataclass(frozen=True)
class Bank:
    """A loaded bank with the module it belongs to and its parsed document (for lines)."""

    spec: BankSpec
    module: Module
    document: YamlDocument
    """As written: its maps hold the YAML-held translations only."""
    stale_in_catalogs: tuple[tuple[str, str, str, int | None], ...] = ()
    """(catalog file, language, entry context, line) of each catalog-held translation made
    from an earlier source text: the catalog's fuzziness replaces ``translated_from`` there."""

    @property
    def path(self) -> str:
        """The bank file relative to the project root."""
        return self.document.path

    @property
    def items(self) -> list[Item]:
        """The bank's items in file order."""
        return list(self.spec.items)

    def line_of_item(self, index: int, *field: str | int) -> int:
        """The line of ``items[index]`` (or of one of its fields) in the bank file."""
        return self.document.line_of(("items", index, *field))


def source_texts(item: Item, source_language: str) -> Iterator[str]:
    """Every source-language text of an item, in a fixed order (what a translation follows)."""
    from courseware.textfields import text_in

    def pick(text: str | dict[str, str]) -> str:
        return text_in(text, source_language, source_language)

    yield pick(item.prompt)
    yield pick(item.explanation)
    if isinstance(item, SingleChoice | MultipleChoice):
        for option in item.options:
            yield pick(option.text)
            yield pick(option.feedback)
    elif isinstance(item, ShortAnswer):
        yield pick(item.model_answer)
    elif isinstance(item, Ordering):
        yield from (pick(step) for step in item.steps)


def source_hash(item: Item, source_language: str) -> str:
    """The 12-digit hash a translation records in ``translated_from``."""
    digest = hashlib.sha256("\x1f".join(source_texts(item, source_language)).encode("utf-8"))
    return digest.hexdigest()[:12]


def bank_text_documents(root: Path) -> Iterator[TextDocument]:
    """Every module's question bank, as a document whose texts have catalogs."""
    base = root / MODULES_FOLDER
    for folder in sorted(base.iterdir()) if base.is_dir() else []:
        path = folder / BANK_FILE
        if folder.is_dir() and not folder.is_symlink() and path.is_file() and not path.is_symlink():
            yield TextDocument(
                display_path(path, root),
                BankSpec,
                source := module_source_language(folder),
                partial(yaml_translation_is_stale, source_language=source),
            )


def yaml_translation_is_stale(
    data: Any, location: tuple[str | int, ...], language: str, source_language: str = "en"
) -> bool:
    """Whether the YAML-held ``language`` translation of the item at ``location`` records
    another source than the item's current one (``translated_from``), or none."""
    try:
        raw = data["items"][location[1]]
        item = TypeAdapter(Item).validate_python(raw)
    except (KeyError, IndexError, TypeError, ValidationError):
        return False
    recorded = item.translated_from.get(language)
    return recorded is None or recorded != source_hash(item, source_language)


def bank_path(module: Module) -> str:
    """Where a module's bank lives, relative to the project root."""
    return f"{module.folder}/{BANK_FILE}"


def load_bank(root: Path, module: Module) -> tuple[Bank | None, list[Problem]]:
    """Read and validate one module's bank; ``(None, [])`` when the module has none."""
    path = root / bank_path(module)
    if not path.is_file() or path.is_symlink():
        return None, []
    document, problems = read_yaml_file(path, root)
    if document is None:
        return None, problems
    spec, problems = validate_translated(root, BankSpec, document, module.spec.source_language)
    if spec is None:
        return None, problems
    source = module.spec.source_language
    stale = tuple(stale_in_catalogs(root, BankSpec, document, source))
    return Bank(spec=spec, module=module, document=document, stale_in_catalogs=stale), []


def load_banks(root: Path, modules: list[Module]) -> tuple[dict[str, Bank], list[Problem]]:
    """Load every module's bank, keyed by module id, with every problem found."""
    banks: dict[str, Bank] = {}
    problems: list[Problem] = []
    for module in modules:
        bank, found = load_bank(root, module)
        problems += found
        if bank is not None:
            banks[module.id] = bank
    return banks, problems

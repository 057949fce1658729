"""Checks of a question bank against itself and against its module's objectives.

Errors stop a build: an item citing an unknown objective, a single-choice item without
exactly one correct option, a multiple-choice item with none, repeated options, a negative
tolerance, an unknown computed value, two items sharing an id. Warnings are reported: an
objective with fewer than two items (no parallel pre/post forms can be made from it) and a
translation whose source text changed since it was made (or that records no source).
"""

from __future__ import annotations

from courseware import problem_codes as codes
from courseware.assess.bank import (
    Bank,
    BankSpec,
    Computed,
    Item,
    MultipleChoice,
    Numeric,
    Ordering,
    ShortAnswer,
    SingleChoice,
    source_hash,
)
from courseware.assess.computed import COMPUTED
from courseware.errors import Problem
from courseware.problem_codes import ProblemCode
from courseware.registry.text_catalogs import text_fields
from courseware.textfields import text_in
from courseware.validation import did_you_mean
from courseware.yamlsafe import YamlDocument

MIN_ITEMS_PER_OBJECTIVE = 2
"""Two items are the fewest that can be split between form A and form B."""


def check_bank(bank: Bank, module_document: YamlDocument | None = None) -> list[Problem]:
    """Every problem of one bank; ``module_document`` gives lines for objectives it lacks."""
    problems: list[Problem] = []
    if bank.spec.module != bank.module.id:
        problems.append(
            Problem(
                bank.path,
                bank.document.line_of(("module",)),
                "module",
                f"{bank.spec.module!r} differs from the folder's module {bank.module.id!r}; "
                "write the module's id",
                code=codes.BANK_MODULE_MISMATCH,
            )
        )
    seen_ids: dict[str, int] = {}
    for index, item in enumerate(bank.items):
        if item.id in seen_ids:
            problems.append(
                _at(
                    bank,
                    index,
                    "id",
                    f"{item.id!r} is already the id of items[{seen_ids[item.id]}]",
                    codes.DUPLICATE_ID,
                )
            )
        seen_ids.setdefault(item.id, index)
        problems += _check_item(bank, index, item)
    problems += _check_coverage(bank, module_document)
    source = bank.module.spec.source_language
    for catalog, language, context, line in bank.stale_in_catalogs:
        message = (
            f"the {language!r} translation is stale: the {source!r} text changed since it was "
            f"made; update it, then clear its fuzzy flag (see: courseware translate diff "
            f"{bank.path} {language})"
        )
        problems.append(
            Problem(catalog, line, context, message, "warning", code=codes.TRANSLATION_STALE)
        )
    return problems


def _at(
    bank: Bank,
    index: int,
    field: str,
    message: str,
    code: ProblemCode,
    *,
    warning: bool = False,
) -> Problem:
    parts = field.replace("]", "").replace("[", ".").split(".")
    location = tuple(int(p) if p.isdigit() else p for p in parts if p)
    return Problem(
        bank.path,
        bank.line_of_item(index, *location),
        f"items[{index}].{field}",
        message,
        "warning" if warning else "error",
        code=code,
    )


def _check_item(bank: Bank, index: int, item: Item) -> list[Problem]:
    problems = []
    known = bank.module.spec.objective_ids
    if item.objective not in known:
        hint = did_you_mean(item.objective, known) or (
            f"; the module's objectives are {', '.join(known)}"
            if known
            else "; give the module's learning_objectives ids first"
        )
        problems.append(
            _at(
                bank,
                index,
                "objective",
                f"unknown objective {item.objective!r}{hint}",
                codes.UNKNOWN_OBJECTIVE,
            )
        )
    source = bank.module.spec.source_language
    if isinstance(item, SingleChoice | MultipleChoice):
        correct = sum(1 for option in item.options if option.correct)
        if isinstance(item, SingleChoice) and correct != 1:
            problems.append(
                _at(
                    bank,
                    index,
                    "options",
                    f"a single-choice item needs exactly one correct option, found {correct}; "
                    "mark one with correct: true, or make it type: multiple",
                    codes.CORRECT_OPTION_COUNT,
                )
            )
        if isinstance(item, MultipleChoice) and correct == 0:
            problems.append(
                _at(
                    bank,
                    index,
                    "options",
                    "no option is correct; mark at least one",
                    codes.CORRECT_OPTION_COUNT,
                )
            )
        first: dict[str, int] = {}
        for number, option in enumerate(item.options):
            text = " ".join(text_in(option.text, source, source).casefold().split())
            if text in first:
                problems.append(
                    _at(
                        bank,
                        index,
                        f"options[{number}].text",
                        f"repeats options[{first[text]}]; every option must differ",
                        codes.REPEATED_OPTION,
                    )
                )
            first.setdefault(text, number)
    if isinstance(item, Numeric):
        if item.tolerance < 0:
            problems.append(
                _at(
                    bank,
                    index,
                    "tolerance",
                    f"{item.tolerance:g} is negative; write the allowed error as a positive "
                    f"number (or 0 for an exact answer)",
                    codes.NEGATIVE_TOLERANCE,
                )
            )
        if isinstance(item.value, Computed) and item.value.computed not in COMPUTED:
            problems.append(
                _at(
                    bank,
                    index,
                    "value.computed",
                    f"no computed value {item.value.computed!r}"
                    f"{did_you_mean(item.value.computed, COMPUTED)}",
                    codes.UNKNOWN_COMPUTED_VALUE,
                )
            )
    problems += _check_translations(bank, index, item)
    return problems


def yaml_languages(bank: Bank, index: int) -> set[str]:
    """The languages the YAML maps of ``items[index]`` translate it into, as written (a
    catalog-held translation records no ``translated_from``: its catalog tracks it)."""
    found: set[str] = set()
    for text in text_fields(BankSpec, bank.document.data):
        if text.location[:2] == ("items", index) and isinstance(text.value, dict):
            found |= set(text.value)
    return found


def languages_of(item: Item) -> set[str]:
    """Every language any of the item's texts is written in."""
    texts: list[str | dict[str, str]] = [item.prompt, item.explanation]
    if isinstance(item, SingleChoice | MultipleChoice):
        texts += [text for option in item.options for text in (option.text, option.feedback)]
    elif isinstance(item, ShortAnswer):
        texts.append(item.model_answer)
    elif isinstance(item, Ordering):
        texts += item.steps
    found: set[str] = set()
    for text in texts:
        if isinstance(text, dict):
            found |= text.keys()
    return found


def _check_translations(bank: Bank, index: int, item: Item) -> list[Problem]:
    source = bank.module.spec.source_language
    current = source_hash(item, source)
    problems = []
    for language in sorted(yaml_languages(bank, index) - {source}):
        recorded = item.translated_from.get(language)
        if recorded is None:
            problems.append(
                _at(
                    bank,
                    index,
                    "translated_from",
                    f"the {language!r} text records no source; check it against the "
                    f"{source!r} text, then add translated_from: {{{language}: {current}}}",
                    codes.TRANSLATION_UNRECORDED,
                    warning=True,
                )
            )
        elif recorded != current:
            problems.append(
                _at(
                    bank,
                    index,
                    f"translated_from.{language}",
                    f"the {language!r} translation is stale: the {source!r} text changed "
                    f"since it was made; update the translation, then write {current}",
                    codes.TRANSLATION_STALE,
                    warning=True,
                )
            )
    return problems


def _check_coverage(bank: Bank, module_document: YamlDocument | None) -> list[Problem]:
    counts = {objective: 0 for objective in bank.module.spec.objective_ids}
    for item in bank.items:
        if item.objective in counts:
            counts[item.objective] += 1
    problems = []
    for number, objective in enumerate(bank.module.spec.objectives):
        if objective.id is None or counts[objective.id] >= MIN_ITEMS_PER_OBJECTIVE:
            continue
        if module_document is not None:
            where = module_document.path
            line: int | None = module_document.line_of(("learning_objectives", number, "id"))
        else:
            where, line = bank.path, None
        problems.append(
            Problem(
                where,
                line,
                f"learning_objectives[{number}]",
                f"objective {objective.id!r} has {counts[objective.id]} item"
                f"{'' if counts[objective.id] == 1 else 's'} in {bank.path}; write at least "
                f"{MIN_ITEMS_PER_OBJECTIVE} so parallel pre/post forms are possible",
                "warning",
                code=codes.TOO_FEW_ITEMS,
            )
        )
    return problems

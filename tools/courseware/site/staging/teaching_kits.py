"""Stage each module's teaching kit, ``modules/<id>/teaching``, and the kits' index,
``kits/index``, once per declared language.

The kit is generated from the module's registry data (instructor notes, time, objectives), its
labs' headers, its question bank (``modules/<id>/questions.yaml``, read through
``courseware.assess``: each objective is shown with the questions that check it) and its
answer key, whose computed answers are worked out here with the module's own library and
formatted for each language. A page whose texts are not all in the
reader's language gets the fallback notice, and each untranslated text is marked with its
language.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

from courseware.assess.bank import Item, load_banks
from courseware.assess.kit import check_banks
from courseware.i18n.catalogs import translator
from courseware.i18n.content_catalogs import translated_text
from courseware.registry.answers import AnswerKey, marked_exercises
from courseware.registry.load import Registry
from courseware.registry.modules import Module
from courseware.site.render import (
    KIT_PAGE,
    KITS_INDEX,
    ComputedValue,
    KitExercises,
    bank_texts,
    fallback_notice,
    heading_attributes,
    language_marks,
    markdown_text,
    render_kit_index,
    render_teaching_kit,
)
from courseware.site.staging.answer_functions import (
    ANSWER_FUNCTIONS,
    answer_values,
    formatted_answer,
)
from courseware.site.staging.lab_facts import LabFacts
from courseware.site.staging.staged import StagedFiles
from courseware.textfields import text_in, text_language

Text = str | dict[str, str]


def read_questions(registry: Registry, staged: StagedFiles) -> dict[str, list[Item]]:
    """Every module's bank items by module id, checked as ``courseware assess check`` checks
    them; their problems go to ``staged``, and a bank with an error is left out of the kits
    (the kit then says the module has no bank rather than show a wrong answer)."""
    banks, problems = load_banks(registry.root, list(registry.modules))
    problems += check_banks(registry, banks)
    staged.problems += problems
    broken = {p.file for p in problems if p.severity == "error"}
    return {m: bank.items for m, bank in banks.items() if bank.path not in broken}


def stage_teaching_kits(
    registry: Registry, facts: LabFacts, bank_items: Mapping[str, list[Item]] | None = None
) -> StagedFiles:
    """Stage ``modules/<id>/teaching`` for every module and language, and ``kits/index``.

    Args:
        facts: the labs' headers (durations, hardware, data files).
        bank_items: each module's bank items, already read and checked by the caller (the
            site build reads the banks once, ``staging/assessment.py``, and reports their
            problems there); read here with :func:`read_questions` when not given.
    """
    staged = StagedFiles()
    banks = dict(bank_items) if bank_items is not None else read_questions(registry, staged)
    staged.merge(stage_kits_index(registry, facts, banks))
    values = answer_values(registry.answer_keys, registry.root)
    for module in registry.modules:
        staged.merge(stage_module_kit(registry, module, facts, banks, values))
    return staged


def stage_kits_index(
    registry: Registry, facts: LabFacts, banks: Mapping[str, list[Item]]
) -> StagedFiles:
    """``kits/index`` in every language (from the registry, the labs and the banks)."""
    staged = StagedFiles()
    source = registry.source_language.code
    counts = {module_id: len(items) for module_id, items in banks.items()}
    for language in registry.language_codes:
        by_module = {m.id: facts.kit_labs(registry, m.id, language) for m in registry.modules}
        index = render_kit_index(registry, language, translator(language), by_module, counts)
        staged.add_generated_page(KITS_INDEX, language, source, index)
    return staged


def stage_module_kit(
    registry: Registry,
    module: Module,
    facts: LabFacts,
    banks: Mapping[str, list[Item]],
    values: Mapping[str, float],
) -> StagedFiles:
    """``modules/<id>/teaching`` of ``module`` in every language: the part of
    :func:`stage_teaching_kits` that reads the module's text (its marked exercises).

    Args:
        values: the computed answers (``answer_values``), worked out once for all kits.
    """
    staged = StagedFiles()
    source = registry.source_language.code
    key = registry.answer_keys.get(module.id)
    questions = banks.get(module.id)
    source_marks = marked_exercises(_read(registry.root, module.text_file(source)))
    for language in registry.language_codes:
        gettext = translator(language)
        labs = facts.kit_labs(registry, module.id, language)
        shown_file = module.text_file(language)
        shown_language = language if language in module.languages else source
        shown_text = _read(registry.root, shown_file)
        if language in module.catalog_languages:
            shown_text = translated_text(registry.root, shown_file, shown_text, language)
        exercises = KitExercises(
            shown=marked_exercises(shown_text),
            shown_language=shown_language,
            source=source_marks,
        )
        shown_values = {
            name: ComputedValue(
                formatted_answer(name, value, language),
                ANSWER_FUNCTIONS[name].formula,
                ANSWER_FUNCTIONS[name].note,
                {source: formatted_answer(name, value, source)},
            )
            for name, value in values.items()
        }
        body = render_teaching_kit(
            module,
            registry,
            language,
            gettext,
            labs=labs,
            key=key,
            exercises=exercises,
            values=shown_values,
            questions=questions,
        )
        title = text_in(module.spec.title, language, module.spec.source_language)
        title_language = text_language(module.spec.title, language, source)
        heading = gettext("Teaching kit: {title}").format(title=title)
        page = f"# {markdown_text(heading)}{heading_attributes(title_language, language)}\n\n"
        if language != source and _falls_back(module, key, questions or [], language):
            page += fallback_notice(source, language, gettext) + "\n\n"
        marks = {}
        if title_language != language:
            marks["title_language"] = language_marks(title_language, language)
        staged.add_generated_page(
            f"modules/{module.id}/{KIT_PAGE}", language, source, page + body, **marks
        )
    return staged


def _read(root: Path, relative: str) -> str:
    path = root / relative
    if not path.is_file() or path.is_symlink():
        return ""
    return path.read_text(encoding="utf-8")


def _texts(module: Module, key: AnswerKey | None, questions: Sequence[Item]) -> Iterator[Text]:
    notes = module.spec.instructor
    if notes is not None:
        yield notes.why_assign
        yield notes.where_it_fits
        yield from notes.misconceptions
        yield from notes.discussion_prompts
    yield from module.spec.learning_objectives
    if key is not None:
        for exercise in key.spec.exercises:
            for part in exercise.parts:
                yield part.answer
    yield from bank_texts(questions)


def _falls_back(
    module: Module, key: AnswerKey | None, questions: Sequence[Item], language: str
) -> bool:
    """Whether any of the kit's texts is shown in another language than ``language``."""
    source = module.spec.source_language
    texts = _texts(module, key, questions)
    return any(text_language(text, language, source) != language for text in texts)

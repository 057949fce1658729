"""Stage each module's teaching kit, ``modules/<id>/teaching``, once per declared language.

The kit is generated from the module's registry data (instructor notes, time, objectives), its
labs' headers and its answer key, whose computed answers are worked out here with the
module's own library and formatted for each language. A page whose texts are not all in the
reader's language gets the fallback notice, and each untranslated text is marked with its
language.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

from courseware.i18n.catalogs import translator
from courseware.i18n.content_catalogs import translated_text
from courseware.registry.answers import AnswerKey, marked_exercises
from courseware.registry.load import Registry
from courseware.registry.modules import Module
from courseware.site.render import (
    KIT_PAGE,
    ComputedValue,
    KitExercises,
    fallback_notice,
    heading_attributes,
    language_marks,
    markdown_text,
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


def stage_teaching_kits(
    registry: Registry,
    facts: LabFacts,
    checks: Mapping[str, Mapping[int, Sequence[Text]]] | None = None,
) -> StagedFiles:
    """Stage ``modules/<id>/teaching`` for every module and language.

    Args:
        facts: the labs' headers (durations, hardware, data files).
        checks: per module id, the questions that check each learning objective (by the
            objective's index), from the modules' question banks once they have them.
    """
    staged = StagedFiles()
    source = registry.source_language.code
    values = answer_values(registry.answer_keys, registry.root)
    for module in registry.modules:
        key = registry.answer_keys.get(module.id)
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
                    formatted_answer(name, value, language), ANSWER_FUNCTIONS[name].source
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
                checks=(checks or {}).get(module.id),
            )
            title = text_in(module.spec.title, language, module.spec.source_language)
            title_language = text_language(module.spec.title, language, source)
            heading = gettext("Teaching kit: {title}").format(title=title)
            page = f"# {markdown_text(heading)}{heading_attributes(title_language, language)}\n\n"
            if language != source and _falls_back(module, key, language):
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


def _texts(module: Module, key: AnswerKey | None) -> Iterator[Text]:
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


def _falls_back(module: Module, key: AnswerKey | None, language: str) -> bool:
    """Whether any of the kit's texts is shown in another language than ``language``."""
    source = module.spec.source_language
    return any(text_language(text, language, source) != language for text in _texts(module, key))

"""The learning objectives of a teaching kit, each with the questions of the module's bank that
check it and their answers.

An educator preparing a session wants to see, objective by objective, what the learners will
be asked and what counts as right, without answering the self-check to find out. Under each
objective this lists every bank item that checks it: the question's stem, then its answer in
the form the item type gives it (the right option or options, true or false, the value with
its unit and tolerance, the model answer, the steps in order). Texts are shown in the kit's
language where the bank has it, and otherwise in the module's source language, marked with
``lang``; every bank text is escaped. Numeric values are formatted as the self-check shows
them (``render/quiz.py``), computed ones worked out by ``courseware.assess.computed``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from babel.numbers import format_decimal

from courseware.assess.bank import (
    Item,
    MultipleChoice,
    Numeric,
    Ordering,
    ShortAnswer,
    SingleChoice,
    TrueFalse,
)
from courseware.assess.computed import numeric_value
from courseware.registry.modules import Module
from courseware.site.render.localized import in_language
from courseware.site.render.markdown_text import markdown_text
from courseware.textfields import text_in, text_language

Translate = Callable[[str], str]
Text = str | dict[str, str]

NUMBER_FORMAT = "#,##0.##"
"""The self-check's format for a numeric answer (``render/quiz.py``), so both pages agree."""


def _text(value: Text, language: str, source: str) -> str:
    """Escaped Markdown of a bank text, marked with its language when it falls back."""
    shown = markdown_text(text_in(value, language, source))
    return in_language(shown, text_language(value, language, source), language)


def _number(value: float, language: str) -> str:
    return markdown_text(format_decimal(value, format=NUMBER_FORMAT, locale=language))


def is_symbol(unit: Text) -> bool:
    """Whether a numeric item's unit is a symbol that reads the same in every language
    (``Wh``, ``%``, ``kg CO2e``): written once, or written the same for every language."""
    return isinstance(unit, str) or len(set(unit.values())) == 1


def _unit(unit: Text, language: str, source: str) -> str:
    """A numeric item's unit: a symbol is not marked as the source language's; a unit
    written per language (``days``, ``días``) falls back like any text."""
    if is_symbol(unit):
        return markdown_text(text_in(unit, language, source))
    return _text(unit, language, source)


def _bold(label: str) -> str:
    return f"**{markdown_text(label)}**"


def _answer(item: Item, language: str, source: str, gettext: Translate) -> tuple[str, list[str]]:
    """The answer of ``item``: its labelled line, and the lines of a list below it (the right
    options of a multiple choice, the steps of an ordering), one level down from the line."""
    answer = _bold(gettext("Answer:"))
    if isinstance(item, SingleChoice):
        right = [o for o in item.options if o.correct]
        return f"{answer} " + "; ".join(_text(o.text, language, source) for o in right), []
    if isinstance(item, MultipleChoice):
        right = [o for o in item.options if o.correct]
        answers = _bold(gettext("Right answers:"))
        if not right:
            none = markdown_text(gettext("none of the options"))
            return f"{answers} {none}", []
        return answers, [f"- {_text(o.text, language, source)}" for o in right]
    if isinstance(item, TrueFalse):
        truth = gettext("True") if item.answer else gettext("False")
        return f"{answer} {markdown_text(truth)}", []
    if isinstance(item, Numeric):
        value = _number(numeric_value(item), language)
        unit = _unit(item.unit, language, source)
        tolerance = gettext("accepted within ± {tolerance}").format(
            tolerance=format_decimal(item.tolerance, format=NUMBER_FORMAT, locale=language)
        )
        return f"{answer} {value} {unit} ({markdown_text(tolerance)})", []
    if isinstance(item, ShortAnswer):
        model = _bold(gettext("Model answer:"))
        return f"{model} {_text(item.model_answer, language, source)}", []
    assert isinstance(item, Ordering)
    steps = [f"{n}. {_text(step, language, source)}" for n, step in enumerate(item.steps, 1)]
    return _bold(gettext("Right order:")), steps


def render_objective_checks(
    module: Module,
    items: Sequence[Item] | None,
    language: str,
    gettext: Translate,
) -> str:
    """The kit's numbered learning objectives, each followed by the questions that check it.

    Args:
        items: the module's bank items in file order, or None when it has no bank.
    """
    source = module.spec.source_language
    checked_by = markdown_text(gettext("Checked by:"))
    text = ""
    for number, objective in enumerate(module.spec.objectives, start=1):
        text += f"{number}. {_text(objective.text, language, source)}\n"
        if items is None:
            continue
        checks = [item for item in items if objective.id and item.objective == objective.id]
        if not checks:
            none = markdown_text(gettext("No question of the bank checks this objective yet."))
            text += f"    - {none}\n"
        for item in checks:
            # The answer on the question's own item, after a hard line break (two spaces):
            # a list level saved is width saved on a phone.
            line, below = _answer(item, language, source, gettext)
            text += f"    - {checked_by} {_text(item.prompt, language, source)}  \n"
            text += f"      {line}\n" + "".join(f"        {entry}\n" for entry in below)
    text += "\n"
    if items is None:
        note = gettext(
            "The questions that check each objective will appear here once the module has a "
            "question bank."
        )
        text += markdown_text(note) + "\n\n"
    return text


def bank_texts(items: Sequence[Item]) -> list[Text]:
    """Every text of ``items`` that the kit shows (for its fallback notice)."""
    texts: list[Text] = []
    for item in items:
        texts.append(item.prompt)
        if isinstance(item, SingleChoice | MultipleChoice):
            texts += [option.text for option in item.options if option.correct]
        elif isinstance(item, Numeric) and not is_symbol(item.unit):
            texts.append(item.unit)
        elif isinstance(item, ShortAnswer):
            texts.append(item.model_answer)
        elif isinstance(item, Ordering):
            texts += item.steps
    return texts

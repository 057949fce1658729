"""Moodle XML (https://docs.moodle.org/en/Moodle_XML_format), the question format Moodle's
question bank imports.

Single and multiple choice are ``multichoice`` (multiple: each right option earns an equal
share, each wrong one takes an equal share away, so ticking everything earns nothing);
true/false is ``truefalse``; numeric is ``numerical`` with its tolerance and unit; short
answer is ``essay`` with the model answer as grader information; ordering, which Moodle's
core types lack, is ``matching``, each step matched to its position.
"""

from __future__ import annotations

from collections.abc import Sequence
from xml.etree import ElementTree as ET

from courseware.assess.bank import (
    MultipleChoice,
    Numeric,
    Ordering,
    ShortAnswer,
    SingleChoice,
    TrueFalse,
)
from courseware.assess.computed import numeric_value
from courseware.assess.forms import FormItem


def _text(parent: ET.Element, tag: str, text: str, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    ET.SubElement(element, "text").text = text
    return element


def _fraction(value: float) -> str:
    return f"{value:.5f}".rstrip("0").rstrip(".")


def _answer(parent: ET.Element, fraction: float, text: str, feedback: str | None) -> ET.Element:
    answer = _text(parent, "answer", text, fraction=_fraction(fraction), format="plain_text")
    if feedback is not None:
        _text(answer, "feedback", feedback, format="plain_text")
    return answer


def question_element(entry: FormItem, language: str) -> ET.Element:
    """One ``<question>`` for a bank or form entry, its texts in ``language``."""
    item = entry.item
    kinds = {
        SingleChoice: "multichoice",
        MultipleChoice: "multichoice",
        TrueFalse: "truefalse",
        Numeric: "numerical",
        ShortAnswer: "essay",
        Ordering: "matching",
    }
    question = ET.Element("question", type=kinds[type(item)])
    _text(question, "name", entry.key)
    _text(question, "questiontext", entry.text(item.prompt, language), format="plain_text")
    _text(question, "generalfeedback", entry.text(item.explanation, language), format="plain_text")
    ET.SubElement(question, "defaultgrade").text = "1"
    _text(ET.SubElement(question, "tags"), "tag", entry.objective_key)
    if isinstance(item, SingleChoice | MultipleChoice):
        ET.SubElement(question, "single").text = (
            "true" if isinstance(item, SingleChoice) else "false"
        )
        ET.SubElement(question, "shuffleanswers").text = "1"
        ET.SubElement(question, "answernumbering").text = "abc"
        right = sum(1 for o in item.options if o.correct)
        wrong = len(item.options) - right
        for option in item.options:
            if isinstance(item, SingleChoice):
                fraction = 100.0 if option.correct else 0.0
            else:
                fraction = 100 / right if option.correct else -100 / wrong
            _answer(
                question,
                fraction,
                entry.text(option.text, language),
                entry.text(option.feedback, language),
            )
    elif isinstance(item, TrueFalse):
        _answer(question, 100 if item.answer else 0, "true", None)
        _answer(question, 0 if item.answer else 100, "false", None)
    elif isinstance(item, Numeric):
        answer = _answer(question, 100, repr(numeric_value(item)), None)
        ET.SubElement(answer, "tolerance").text = repr(item.tolerance)
        unit = ET.SubElement(ET.SubElement(question, "units"), "unit")
        ET.SubElement(unit, "multiplier").text = "1"
        ET.SubElement(unit, "unit_name").text = entry.text(item.unit, language)
        ET.SubElement(question, "showunits").text = "3"  # no unit field: only the number is marked
    elif isinstance(item, ShortAnswer):
        ET.SubElement(question, "responseformat").text = "plain"
        ET.SubElement(question, "responsefieldlines").text = "5"
        _text(question, "graderinfo", entry.text(item.model_answer, language), format="plain_text")
    else:
        ET.SubElement(question, "shuffleanswers").text = "1"
        for position, step in enumerate(item.steps, start=1):
            sub = _text(question, "subquestion", entry.text(step, language), format="plain_text")
            _text(sub, "answer", str(position))
    return question


def to_moodle(entries: Sequence[FormItem], category: str, language: str) -> bytes:
    """A ``<quiz>`` document: a category question, then one question per entry."""
    quiz = ET.Element("quiz")
    heading = ET.SubElement(quiz, "question", type="category")
    _text(heading, "category", f"$course$/courseware/{category}/{language}")
    for entry in entries:
        quiz.append(question_element(entry, language))
    ET.indent(quiz)
    return bytes(ET.tostring(quiz, encoding="utf-8", xml_declaration=True))

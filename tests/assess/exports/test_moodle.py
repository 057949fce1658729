"""Moodle XML export: parsed back, every question matches its bank entry in every language."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import pytest

from courseware.assess.bank import (
    MultipleChoice,
    Numeric,
    Ordering,
    ShortAnswer,
    SingleChoice,
    TrueFalse,
)
from courseware.assess.computed import numeric_value
from courseware.assess.exports.moodle import to_moodle
from courseware.assess.forms import bank_entries
from courseware.assess.kit import load_kit

ROOTS = {
    "fixture": Path(__file__).parents[2] / "fixtures" / "assess" / "project",
    "repository": Path(__file__).parents[3],
}
KINDS = {
    SingleChoice: "multichoice",
    MultipleChoice: "multichoice",
    TrueFalse: "truefalse",
    Numeric: "numerical",
    ShortAnswer: "essay",
    Ordering: "matching",
}


def _cases() -> Iterator[Any]:
    for name, root in ROOTS.items():
        for bank in load_kit(root).banks.values():
            for language in bank.module.languages:
                yield pytest.param(bank, language, id=f"{name}-{bank.module.id}-{language}")


@pytest.mark.parametrize(("bank", "language"), list(_cases()))
def test_moodle_xml_parses_back_to_the_bank(bank, language: str) -> None:
    entries = bank_entries(bank)
    quiz = ET.fromstring(to_moodle(entries, bank.module.id, language))
    category, *questions = quiz.findall("question")
    assert category.get("type") == "category"
    assert category.findtext("category/text") == f"$course$/courseware/{bank.module.id}/{language}"
    assert len(questions) == len(entries)
    for question, entry in zip(questions, entries, strict=True):
        item = entry.item
        assert question.get("type") == KINDS[type(item)]
        assert question.findtext("name/text") == entry.key
        assert question.findtext("questiontext/text") == entry.text(item.prompt, language)
        assert question.findtext("generalfeedback/text") == entry.text(item.explanation, language)
        assert question.findtext("tags/tag/text") == entry.objective_key
        answers = question.findall("answer")
        if isinstance(item, SingleChoice | MultipleChoice):
            assert [a.findtext("text") for a in answers] == [
                entry.text(o.text, language) for o in item.options
            ]
            assert [a.findtext("feedback/text") for a in answers] == [
                entry.text(o.feedback, language) for o in item.options
            ]
            fractions = [float(a.get("fraction") or "nan") for a in answers]
            assert sum(f for f in fractions if f > 0) == pytest.approx(100, abs=1e-3)
            assert [f > 0 for f in fractions] == [o.correct for o in item.options]
            single = question.findtext("single")
            assert single == ("true" if isinstance(item, SingleChoice) else "false")
        elif isinstance(item, TrueFalse):
            right = next(a for a in answers if a.get("fraction") == "100")
            assert right.findtext("text") == ("true" if item.answer else "false")
        elif isinstance(item, Numeric):
            assert float(answers[0].findtext("text") or "nan") == numeric_value(item)
            assert float(answers[0].findtext("tolerance") or "nan") == item.tolerance
            assert question.findtext("units/unit/unit_name") == entry.text(item.unit, language)
        elif isinstance(item, ShortAnswer):
            assert question.findtext("graderinfo/text") == entry.text(item.model_answer, language)
        else:
            subquestions = question.findall("subquestion")
            assert [s.findtext("text") for s in subquestions] == [
                entry.text(step, language) for step in item.steps
            ]
            assert [s.findtext("answer/text") for s in subquestions] == [
                str(n) for n in range(1, len(item.steps) + 1)
            ]

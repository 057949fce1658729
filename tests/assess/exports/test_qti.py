"""QTI 1.2 export: parsed back, every item matches its bank entry in every language."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import pytest

from courseware.assess.bank import MultipleChoice, Numeric, Ordering, ShortAnswer, SingleChoice
from courseware.assess.computed import numeric_value
from courseware.assess.exports.qti import NAMESPACE, to_qti
from courseware.assess.forms import bank_entries
from courseware.assess.kit import load_kit

ROOTS = {
    "fixture": Path(__file__).parents[2] / "fixtures" / "assess" / "project",
    "repository": Path(__file__).parents[3],
}
Q = f"{{{NAMESPACE}}}"


def _found(element: ET.Element, tag: str) -> ET.Element:
    child = element.find(f"{Q}{tag}")
    assert child is not None, tag
    return child


def _text(element: ET.Element) -> str:
    found = element.find(f"{Q}material/{Q}mattext")
    assert found is not None and found.text is not None
    return found.text


def _cases() -> Iterator[Any]:
    for name, root in ROOTS.items():
        kit = load_kit(root)
        for bank in kit.banks.values():
            for language in bank.module.languages:
                yield pytest.param(bank, language, id=f"{name}-{bank.module.id}-{language}")


@pytest.mark.parametrize(("bank", "language"), list(_cases()))
def test_qti_parses_back_to_the_bank(bank, language: str) -> None:
    entries = bank_entries(bank)
    root = ET.fromstring(to_qti(entries, bank.module.id, "title", language))
    items = root.findall(f".//{Q}item")
    assert len(items) == len(entries)
    for element, entry in zip(items, entries, strict=True):
        item = entry.item
        assert element.get("ident") == entry.key
        fields = {
            f.findtext(f"{Q}fieldlabel"): f.findtext(f"{Q}fieldentry")
            for f in element.iter(f"{Q}qtimetadatafield")
        }
        assert fields["objective"] == entry.objective_key
        presentation = element.find(f"{Q}presentation")
        assert presentation is not None
        assert _text(presentation) == entry.text(item.prompt, language)
        feedback = {
            f.get("ident"): _text(_found(f, "flow_mat")) for f in element.iter(f"{Q}itemfeedback")
        }
        assert feedback["general_fb"] == entry.text(item.explanation, language)
        scored = [
            [v.text for v in _found(c, "conditionvar").iter(f"{Q}varequal")]
            for c in element.iter(f"{Q}respcondition")
            if c.find(f"{Q}setvar") is not None
        ]
        if isinstance(item, SingleChoice | MultipleChoice):
            labels = presentation.findall(f".//{Q}response_label")
            assert [_text(label) for label in labels] == [
                entry.text(o.text, language) for o in item.options
            ]
            for number, option in enumerate(item.options):
                assert feedback[f"{number}_fb"] == entry.text(option.feedback, language)
            right = [str(n) for n, o in enumerate(item.options) if o.correct]
            if isinstance(item, SingleChoice):
                assert scored == [right]
            else:
                conjunction = element.find(f".//{Q}and")
                assert conjunction is not None
                direct = [v.text for v in conjunction.findall(f"{Q}varequal")]
                assert direct == right
        elif isinstance(item, Numeric):
            low = float(element.findtext(f".//{Q}vargte") or "nan")
            high = float(element.findtext(f".//{Q}varlte") or "nan")
            value = numeric_value(item)
            assert (low, high) == pytest.approx((value - item.tolerance, value + item.tolerance))
            assert fields["unit"] == entry.text(item.unit, language)
        elif isinstance(item, ShortAnswer):
            assert feedback["solution"] == entry.text(item.model_answer, language)
        elif isinstance(item, Ordering):
            labels = presentation.findall(f".//{Q}response_label")
            assert [_text(label) for label in labels] == [
                entry.text(s, language) for s in item.steps
            ]
            assert scored == [[str(n) for n in range(len(item.steps))]]
        else:
            assert scored == [["true" if item.answer else "false"]]

"""IMS QTI 1.2 (``questestinterop``) as Canvas, Blackboard and Brightspace import it.

Reference: IMS Question & Test Interoperability ASI XML Binding 1.2
(https://www.imsglobal.org/question/qtiv1p2/imsqti_asi_bindv1p2.html) and Canvas's
``question_type`` metadata (https://canvas.instructure.com/doc/api/file.quiz_import.html
lists the types). Single and multiple choice and true/false are ``response_lid`` with
``varequal`` scoring; numeric is ``response_str`` with a ``vargte``/``varlte`` range;
short answer is an essay with the model answer as solution feedback; ordering is a
``response_lid`` with ``rcardinality="Ordered"`` (QTI 1.2's ordering; platforms without an
ordering type import it as text).
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

NAMESPACE = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"

QUESTION_TYPES = {
    SingleChoice: "multiple_choice_question",
    MultipleChoice: "multiple_answers_question",
    TrueFalse: "true_false_question",
    Numeric: "numerical_question",
    ShortAnswer: "essay_question",
    Ordering: "ordering_question",
}


def _text(parent: ET.Element, tag: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, tag)
    element.text = text
    return element


def _material(parent: ET.Element, text: str) -> None:
    material = ET.SubElement(parent, "material")
    ET.SubElement(material, "mattext", texttype="text/plain").text = text


def _feedback(parent: ET.Element, ident: str, text: str) -> None:
    feedback = ET.SubElement(parent, "itemfeedback", ident=ident)
    _material(ET.SubElement(feedback, "flow_mat"), text)


def _metadata(item: ET.Element, fields: dict[str, str]) -> None:
    qtimetadata = ET.SubElement(ET.SubElement(item, "itemmetadata"), "qtimetadata")
    for label, entry in fields.items():
        field = ET.SubElement(qtimetadata, "qtimetadatafield")
        _text(field, "fieldlabel", label)
        _text(field, "fieldentry", entry)


def _score_if(processing: ET.Element, condition: ET.Element, feedback: str | None = None) -> None:
    respcondition = ET.SubElement(processing, "respcondition", {"continue": "No"})
    respcondition.append(condition)
    ET.SubElement(respcondition, "setvar", action="Set", varname="SCORE").text = "100"
    if feedback:
        ET.SubElement(respcondition, "displayfeedback", feedbacktype="Response", linkrefid=feedback)


def _equal(ident: str) -> ET.Element:
    element = ET.Element("varequal", respident="response1")
    element.text = ident
    return element


def item_element(entry: FormItem, language: str) -> ET.Element:
    """One ``<item>`` for a bank or form entry, its texts in ``language``."""
    item = entry.item
    element = ET.Element("item", ident=entry.key, title=item.id)
    _metadata(
        element,
        {
            "question_type": QUESTION_TYPES[type(item)],
            "points_possible": "1",
            "objective": entry.objective_key,
        },
    )
    presentation = ET.SubElement(element, "presentation")
    _material(presentation, entry.text(item.prompt, language))
    processing = ET.Element("resprocessing")
    outcomes = ET.SubElement(processing, "outcomes")
    ET.SubElement(
        outcomes, "decvar", maxvalue="100", minvalue="0", varname="SCORE", vartype="Decimal"
    )
    feedbacks: list[tuple[str, str]] = []
    if isinstance(item, SingleChoice | MultipleChoice):
        cardinality = "Single" if isinstance(item, SingleChoice) else "Multiple"
        lid = ET.SubElement(
            presentation, "response_lid", ident="response1", rcardinality=cardinality
        )
        choices = ET.SubElement(lid, "render_choice", shuffle="Yes")
        for number, option in enumerate(item.options):
            label = ET.SubElement(choices, "response_label", ident=str(number))
            _material(label, entry.text(option.text, language))
            feedbacks.append((f"{number}_fb", entry.text(option.feedback, language)))
        if isinstance(item, SingleChoice):
            right = next(n for n, o in enumerate(item.options) if o.correct)
            _score_if(processing, _wrap("conditionvar", _equal(str(right))))
        else:
            both = ET.Element("and")
            for number, option in enumerate(item.options):
                equal = _equal(str(number))
                both.append(equal if option.correct else _wrap("not", equal))
            _score_if(processing, _wrap("conditionvar", both))
        for number, _ in enumerate(item.options):
            shown = ET.SubElement(processing, "respcondition", {"continue": "Yes"})
            shown.append(_wrap("conditionvar", _equal(str(number))))
            ET.SubElement(
                shown, "displayfeedback", feedbacktype="Response", linkrefid=f"{number}_fb"
            )
    elif isinstance(item, TrueFalse):
        lid = ET.SubElement(presentation, "response_lid", ident="response1", rcardinality="Single")
        choices = ET.SubElement(lid, "render_choice")
        for ident in ("true", "false"):
            _material(ET.SubElement(choices, "response_label", ident=ident), ident.capitalize())
        _score_if(processing, _wrap("conditionvar", _equal("true" if item.answer else "false")))
    elif isinstance(item, Numeric):
        value = numeric_value(item)
        response = ET.SubElement(
            presentation, "response_str", ident="response1", rcardinality="Single"
        )
        ET.SubElement(response, "render_fib", fibtype="Decimal")
        condition = ET.Element("conditionvar")
        _text(condition, "vargte", repr(value - item.tolerance)).set("respident", "response1")
        _text(condition, "varlte", repr(value + item.tolerance)).set("respident", "response1")
        _score_if(processing, condition)
        _metadata_unit(element, entry.text(item.unit, language))
    elif isinstance(item, ShortAnswer):
        response = ET.SubElement(
            presentation, "response_str", ident="response1", rcardinality="Single"
        )
        ET.SubElement(response, "render_fib", fibtype="String")
        feedbacks.append(("solution", entry.text(item.model_answer, language)))
    else:
        lid = ET.SubElement(presentation, "response_lid", ident="response1", rcardinality="Ordered")
        choices = ET.SubElement(lid, "render_choice", shuffle="Yes")
        for number, step in enumerate(item.steps):
            _material(
                ET.SubElement(choices, "response_label", ident=str(number)),
                entry.text(step, language),
            )
        condition = ET.Element("conditionvar")
        for number, _ in enumerate(item.steps):
            condition.append(_equal(str(number)))
        _score_if(processing, condition)
    element.append(processing)
    _feedback(element, "general_fb", entry.text(item.explanation, language))
    for ident, text in feedbacks:
        _feedback(element, ident, text)
    return element


def _metadata_unit(element: ET.Element, unit: str) -> None:
    qtimetadata = element.find("itemmetadata/qtimetadata")
    assert qtimetadata is not None
    field = ET.SubElement(qtimetadata, "qtimetadatafield")
    _text(field, "fieldlabel", "unit")
    _text(field, "fieldentry", unit)


def _wrap(tag: str, child: ET.Element) -> ET.Element:
    element = ET.Element(tag)
    element.append(child)
    return element


def to_qti(entries: Sequence[FormItem], ident: str, title: str, language: str) -> bytes:
    """A ``questestinterop`` document: one assessment of one section holding the items."""
    root = ET.Element("questestinterop", xmlns=NAMESPACE)
    assessment = ET.SubElement(root, "assessment", ident=ident, title=title)
    _metadata_lang = ET.SubElement(ET.SubElement(assessment, "qtimetadata"), "qtimetadatafield")
    _text(_metadata_lang, "fieldlabel", "language")
    _text(_metadata_lang, "fieldentry", language)
    section = ET.SubElement(assessment, "section", ident="root_section")
    for entry in entries:
        section.append(item_element(entry, language))
    ET.indent(root)
    return bytes(ET.tostring(root, encoding="utf-8", xml_declaration=True))

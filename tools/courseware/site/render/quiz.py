"""The self-check of a module page, and the pages of a track's pre/post test forms.

The self-check is complete HTML without JavaScript, enhanced by quiz.js.

Every item is a ``<fieldset>`` the reader can answer, followed by a ``<details>`` holding the
answer, the feedback on each option and the explanation, so the page is whole without a
script. ``assets/quiz.js`` adds a check button per item, instant feedback, a score in a live
region and a memory of it in the reader's own browser (localStorage, never sent anywhere).
The script holds no English: every string it shows comes from the ``data-l-*`` attributes
rendered here from the gettext catalogs. Every text from a bank is escaped.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from html import escape

from babel.numbers import format_decimal

from courseware.assess.bank import (
    MultipleChoice,
    Numeric,
    Ordering,
    ShortAnswer,
    SingleChoice,
    TrueFalse,
)
from courseware.assess.codes import VERSION, answer_bits, track_hash
from courseware.assess.computed import numeric_value
from courseware.assess.forms import FORM_LETTERS, Form, FormItem
from courseware.textfields import text_language

Gettext = Callable[[str], str]


def _attribute(value: str) -> str:
    return escape(value, quote=True)


def _shown(entry: FormItem, value: str | dict[str, str], language: str) -> str:
    """Escaped text in ``language``; a fallback to another language is marked as such, so
    screen readers pronounce it right and right-to-left pages keep it left-to-right."""
    text = escape(entry.text(value, language))
    found = text_language(value, language, entry.source_language)
    if found == language:
        return text
    return f'<span lang="{_attribute(found)}" dir="auto">{text}</span>'


def _shown_order(entry: FormItem, count: int) -> list[int]:
    """A fixed shuffle of an item's options or steps, by the item's key, so the page is the
    same on every build and the right option is not always where the bank file put it;
    never the file's own order. Inputs keep the option's number as their value."""
    numbers = list(range(count))

    def key(number: int) -> str:
        return hashlib.sha256(f"{entry.key}/{number}".encode()).hexdigest()

    order = sorted(numbers, key=key)
    return order if order != numbers else numbers[1:] + numbers[:1]


def _radio(name: str, value: str, label: str, *, correct: bool) -> str:
    ident = f"{name}-{value}"
    mark = ' data-correct=""' if correct else ""
    return (
        f'<li><input type="radio" id="{ident}" name="{name}" value="{value}"{mark}>'
        f' <label for="{ident}">{escape(label)}</label></li>'
    )


def _choices(entry: FormItem, name: str, language: str) -> tuple[str, str]:
    item = entry.item
    assert isinstance(item, SingleChoice | MultipleChoice)
    kind = "radio" if isinstance(item, SingleChoice) else "checkbox"
    inputs, feedback = [], []
    for number in _shown_order(entry, len(item.options)):
        option = item.options[number]
        ident = f"{name}-{number}"
        mark = ' data-correct=""' if option.correct else ""
        text = _shown(entry, option.text, language)
        inputs.append(
            f'<li><input type="{kind}" id="{ident}" name="{name}" value="{number}"{mark}>'
            f' <label for="{ident}">{text}</label></li>'
        )
        tick = "✓ " if option.correct else ""
        said = _shown(entry, option.feedback, language)
        feedback.append(f'<li id="{ident}-fb">{tick}{text}: {said}</li>')
    return f"<ul>{''.join(inputs)}</ul>", f"<ul>{''.join(feedback)}</ul>"


def _body_and_answer(
    entry: FormItem, name: str, language: str, gettext: Gettext
) -> tuple[str, str, str]:
    """The answerable part, the answer shown in ``<details>``, and extra data attributes."""
    item = entry.item
    your_answer = escape(gettext("Your answer"))
    if isinstance(item, SingleChoice | MultipleChoice):
        body, answer = _choices(entry, name, language)
        return body, answer, ""
    if isinstance(item, TrueFalse):
        body = "<ul>" + _radio(name, "true", gettext("True"), correct=item.answer)
        body += _radio(name, "false", gettext("False"), correct=not item.answer) + "</ul>"
        truth = gettext("True") if item.answer else gettext("False")
        return body, f"<p>{escape(truth)}</p>", ""
    if isinstance(item, Numeric):
        value = numeric_value(item)
        shown = format_decimal(value, format="#,##0.##", locale=language)
        unit = _shown(entry, item.unit, language)
        body = (
            f'<p><label for="{name}">{your_answer}</label> '
            f'<input type="text" inputmode="decimal" id="{name}" name="{name}" size="8">'
            f" {unit}</p>"
        )
        data = f' data-value="{value!r}" data-tolerance="{item.tolerance!r}"'
        return body, f"<p>{escape(shown)} {unit}</p>", data
    if isinstance(item, ShortAnswer):
        body = (
            f'<p><label for="{name}">{your_answer}</label></p>'
            f'<textarea id="{name}" name="{name}" rows="3"></textarea>'
        )
        right = _radio(f"{name}-self", "right", gettext("I had it right"), correct=True)
        wrong = _radio(f"{name}-self", "wrong", gettext("Not yet"), correct=False)
        legend = escape(gettext("Compare with your answer"))
        self_mark = (
            f'<fieldset class="cw-quiz-self"><legend>{legend}</legend>'
            f"<ul>{right}{wrong}</ul></fieldset>"
        )
        return body, f"<p>{_shown(entry, item.model_answer, language)}</p>{self_mark}", ""
    assert isinstance(item, Ordering)
    options = "".join(f'<option value="{p}">{p}</option>' for p in range(1, len(item.steps) + 1))
    rows = []
    for index in _shown_order(entry, len(item.steps)):
        ident = f"{name}-{index}"
        rows.append(
            f'<li><select id="{ident}" name="{ident}" data-position="{index + 1}">'
            f'<option value=""></option>{options}</select>'
            f' <label for="{ident}">{_shown(entry, item.steps[index], language)}</label></li>'
        )
    hint = escape(gettext("Number the steps in order."))
    body = f"<p>{hint}</p><ul>{''.join(rows)}</ul>"
    steps = "".join(f"<li>{_shown(entry, step, language)}</li>" for step in item.steps)
    return body, f"<ol>{steps}</ol>", ""


def render_item(entry: FormItem, number: int, language: str, gettext: Gettext) -> str:
    """One item: its question, its answer behind ``<details>``, a slot for feedback."""
    item = entry.item
    name = f"q-{entry.module}-{item.id}"
    body, answer, data = _body_and_answer(entry, name, language, gettext)
    prompt = _shown(entry, item.prompt, language)
    explanation = _shown(entry, item.explanation, language)
    summary = escape(gettext("Answer and explanation"))
    return (
        f'<li class="cw-quiz-item" data-item="{_attribute(item.id)}" data-type="{item.type}"'
        f"{data}><fieldset><legend>{number}. {prompt}</legend>{body}"
        '<p class="cw-quiz-feedback" hidden></p></fieldset>'
        f"<details><summary>{summary}</summary>{answer}"
        f"<p>{explanation}</p></details></li>"
    )


def render_quiz(
    quiz_id: str,
    entries: Sequence[FormItem],
    language: str,
    direction: str,
    gettext: Gettext,
) -> str:
    """The self-check section of a module page in ``language`` (``direction``: ltr or rtl)."""
    strings = {
        "check": gettext("Check my answer"),
        "right": gettext("Right."),
        "wrong": gettext("Not quite; see the answer and explanation."),
        "score": gettext("{right} of {total} right"),
        "reset": gettext("Start again"),
    }
    data = "".join(f' data-l-{key}="{_attribute(text)}"' for key, text in strings.items())
    items = "".join(
        render_item(entry, number, language, gettext)
        for number, entry in enumerate(entries, start=1)
    )
    heading = f"self-check-{_attribute(quiz_id)}"
    note = escape(gettext("Your answers and score stay in this browser; nothing is sent."))
    title = escape(gettext("Self-check"))
    return (
        f'<section class="cw-quiz" data-quiz="{_attribute(quiz_id)}" lang="{_attribute(language)}"'
        f' dir="{_attribute(direction)}" aria-labelledby="{heading}"{data}>'
        f'<h2 id="{heading}">{title}</h2><p>{note}</p>'
        f'<ol class="cw-quiz-items">{items}</ol>'
        '<p class="cw-quiz-score" role="status" aria-live="polite"></p></section>'
    )


def _form_item(entry: FormItem, number: int, language: str, gettext: Gettext) -> str:
    """An item of a pre/post form: answerable, its answer not on the page but for marking.

    A choice's code field is the option chosen, so its right option is not marked on the
    page at all; numeric and ordering items keep what quiz.js needs to mark them (the value
    and tolerance, each step's position), since their codes carry the page's mark.
    """
    item = entry.item
    name = f"t-{entry.module}-{item.id}"
    body, _, data = _body_and_answer(entry, name, language, gettext)
    if isinstance(item, SingleChoice | MultipleChoice | TrueFalse):
        body = body.replace(' data-correct=""', "")
    if isinstance(item, ShortAnswer):
        model = _shown(entry, item.model_answer, language)
        right = _radio(f"{name}-self", "right", gettext("I had it right"), correct=True)
        wrong = _radio(f"{name}-self", "wrong", gettext("Not yet"), correct=False)
        legend = escape(gettext("Compare with your answer"))
        body += (
            f'<fieldset class="cw-quiz-self" hidden><legend>{legend}</legend><p>{model}</p>'
            f"<ul>{right}{wrong}</ul></fieldset>"
        )
    prompt = _shown(entry, item.prompt, language)
    return (
        f'<li class="cw-form-item" data-type="{item.type}" data-bits="{answer_bits(item)}"'
        f"{data}><fieldset><legend>{number}. {prompt}</legend>{body}</fieldset></li>"
    )


def render_form(form: Form, language: str, direction: str, gettext: Gettext) -> str:
    """A pre/post test form: the learner answers, then the page shows the result code.

    The code is made in the browser by quiz.js with the layout of
    ``courseware.assess.codes`` (the attributes carry the version, the track's hash, the
    form and each item's field width); nothing is sent. It is shown large, in groups of
    four for reading aloud, with a QR code of it drawn by qr.js. Without JavaScript the
    questions are readable but no code can be made, and the page says so (in a paragraph
    quiz.js hides: the site's sanitizer keeps no ``<noscript>``).
    """
    strings = {
        "finish": gettext("Finish and show my result code"),
        "code": gettext("Your result code: {code}. Hand it in or read it out; it holds no name."),
        "self": gettext("Mark your written answers, then finish again."),
        "pseudonym": gettext("Use up to 7 letters and digits (no I, L, O or U)."),
        "qr": gettext("QR code of your result code"),
    }
    data = "".join(f' data-l-{key}="{_attribute(text)}"' for key, text in strings.items())
    items = "".join(
        _form_item(entry, number, language, gettext)
        for number, entry in enumerate(form.items, start=1)
    )
    pseudonym_label = escape(gettext("A pseudonym you choose (optional, to match your two tests)"))
    no_script = escape(gettext("This test needs JavaScript to make your result code."))
    title = escape(gettext("Form {letter}").replace("{letter}", form.letter))
    return (
        f'<section class="cw-form" lang="{_attribute(language)}" dir="{_attribute(direction)}"'
        f' data-version="{VERSION}" data-track-hash="{track_hash(form.track)}"'
        f' data-form="{FORM_LETTERS.index(form.letter)}" aria-labelledby="cw-form-title"{data}>'
        f'<h2 id="cw-form-title">{title}</h2>'
        f'<p class="cw-form-noscript">{no_script}</p>'
        f'<p><label for="cw-pseudonym">{pseudonym_label}</label> '
        f'<input type="text" id="cw-pseudonym" maxlength="7" autocomplete="off"'
        f' pattern="[0-9A-HJKMNP-TV-Za-hjkmnp-tv-z]*"></p>'
        f'<ol class="cw-form-items">{items}</ol>'
        '<p class="cw-form-code" role="status" aria-live="polite"></p>'
        '<div class="cw-form-result" hidden><p class="cw-form-code-shown" dir="ltr"></p>'
        '<div class="cw-form-qr"></div></div></section>'
    )

"""The pages of the assessment kit: each module's self-check, each track's two test forms,
and what the module and track pages say about them.

A module's self-check is a page of its own (``modules/<id>/self-check``) that the end of the
module page links to, rather than a section of the module page: a module page's HTML is held
to one TCP initial window (14 KB gzip, ``tests/quality/weights.py``), and the largest module
pages already weigh about 11 KB with the 3.5 to 5 KB that a bank's questions, answers and
explanations add. The forms are ``tracks/<id>/form-a`` and ``form-b``; the track page tells
the educator how to give them (A before and B after to half the group, the other way round
to the other half), and the track's offline copy holds them, so a learner can take one on a
phone with no connection.

Scripts are named by ``<script src>`` only: the stager moves them into the page's metadata
(``staging.page_scripts``), and only these pages load ``quiz.js`` (and, on forms, ``qr.js``).

The QR code of a result code is drawn by ``assets/qr.js``, an encoder of our own (byte mode,
error correction level M, versions 1 to 10, the mask chosen by the standard's penalty rules):
the code is made in the learner's browser and never sent, so no Python encoder such as segno
can draw it, and no well-kept JavaScript encoder from a package registry fits a static site
that ships its scripts as plain files, without a JavaScript toolchain. It is proved in
``tests/site/assets/test_qr.py``: for real result codes, and for every version and mask, its
modules equal segno's for the same data, version, level and mask, and zxing-cpp decodes a
Chromium screenshot of the drawn symbol back to the code.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from courseware.assess.forms import Form, FormItem, FormLetter
from courseware.site.render.html import escape
from courseware.site.render.localized import language_attributes
from courseware.site.render.markdown_text import markdown_text
from courseware.site.render.quiz import render_form, render_quiz

Gettext = Callable[[str], str]

SELF_CHECK_PAGE = "self-check"
"""A module's self-check page, beside its ``index.md`` and its teaching kit."""
QUIZ_SCRIPT = "assets/courseware/quiz.js"
QR_SCRIPT = "assets/courseware/qr.js"


def form_page(track_id: str, letter: FormLetter) -> str:
    """The staged name of a track's form, ``tracks/<id>/form-a`` (no ``.md``)."""
    return f"tracks/{track_id}/form-{letter.lower()}"


def _script(path: str) -> str:
    return f'<script src="{escape(path)}"></script>\n'


def render_self_check_link(gettext: Gettext) -> str:
    """The link at the end of a module page to its self-check (a sibling page)."""
    label = gettext("Self-check: questions on this module, with answers and explanations")
    return f'<p class="cw-self-check-link"><a href="{SELF_CHECK_PAGE}/">{escape(label)}</a></p>'


def render_self_check_page(
    module_id: str,
    module_title: str,
    entries: Sequence[FormItem],
    language: str,
    direction: str,
    gettext: Gettext,
    *,
    title_language: str | None = None,
) -> str:
    """The body of ``modules/<id>/self-check`` after its heading: a line that links back to
    the module, the script, and the self-check itself (complete without the script).

    Args:
        title_language: the language ``module_title`` is in, when it is not ``language``
            (the link to the module then says so).
    """
    template = gettext(
        "Questions on the learning objectives of {module}. Answer one and check it; each "
        "answer and its explanation are also under the question."
    )
    marks = language_attributes(title_language or language, language)
    link = f"[{markdown_text(module_title)}](index.md)" + (f"{{:{marks} }}" if marks else "")
    intro = markdown_text(template).replace(r"\{module\}", link)
    quiz = render_quiz(module_id, entries, language, direction, gettext)
    return f"{intro}\n\n{_script(QUIZ_SCRIPT)}\n{quiz}\n"


def render_form_page(form: Form, language: str, direction: str, gettext: Gettext) -> str:
    """The body of a form page after its heading: what the learner does, the scripts, the
    form (``render.quiz.render_form``)."""
    intro = gettext(
        "Answer every question you can, then press the button at the end: the page shows your "
        "result code and a QR code of it, to hand in or read out. Nothing is sent, and the page "
        "works without a connection."
    )
    scripts = _script(QUIZ_SCRIPT) + _script(QR_SCRIPT)
    form_html = render_form(form, language, direction, gettext)
    return f'<p class="cw-form-intro">{escape(intro)}</p>\n\n{scripts}\n{form_html}\n'


def render_track_tests(
    track_id: str, forms: tuple[Form, Form], gettext: Gettext, *, base: str = ""
) -> str:
    """The track page's section on its pre/post test, in Markdown, for the educator.

    Args:
        base: what the form pages' paths start from on this page: ``""`` on the track page
            (``tracks/<id>.md`` links ``<id>/form-a.md``), ``"tracks/"`` on an offline copy's
            home page.
    """
    count = len(forms[0].items)
    heading = gettext("Pre- and post-test")
    about = gettext(
        "Forms A and B test the learning objectives of this track's modules with different "
        "questions, {count} each, the same number for every objective in both. Learners take "
        "them on a phone or a computer, also from the offline copy; each form ends with a "
        "result code, which holds no name."
    ).format(count=count)
    halves = gettext(
        "Give half of the group form A before the track and form B after it, and the other "
        "half form B before and form A after, so that a difference between the forms is not "
        "taken for learning."
    )
    report = gettext(
        "Put the codes of the first test in one text file and those of the second in another, "
        "one a line, and run this command for the gain on each objective:"
    )
    links = "\n".join(
        f"- [{markdown_text(gettext('Form {letter}').replace('{letter}', form.letter))}]"
        f"({base}{form_page(track_id, form.letter).removeprefix('tracks/')}.md)"
        for form in forms
    )
    command = f"courseware assess report first.txt second.txt --track {track_id}"
    return (
        f"## {markdown_text(heading)}\n\n{markdown_text(about)}\n\n{links}\n\n"
        f"{markdown_text(halves)}\n\n{markdown_text(report)}\n\n"
        f"```\n{command}\n```\n"
    )

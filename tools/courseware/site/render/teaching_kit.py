"""The teaching kit of a module (``modules/<id>/teaching``): what an educator preparing a session
needs on one page, and a track's teacher's plan.

The kit holds the instructor notes of ``module.yaml``, a timing plan (the module's teaching and
exercise minutes, then each lab's duration from its header), the materials and hardware the
labs' headers declare, the learning objectives with the questions of the module's bank that
check them and their answers (``render/kit_questions.py``), and the answer key of
``answers.yaml`` with a closing note that says where every answer comes from. Pure: registry
values, bank items and already-computed answer values in, Markdown out; every contributed value
is escaped.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from courseware.assess.bank import Item
from courseware.i18n.formatting import format_duration
from courseware.registry.answers import VALUE_PLACEHOLDER, AnswerKey, MarkedExercise
from courseware.registry.load import Registry
from courseware.registry.modules import Module
from courseware.registry.tracks import Track, syllabus
from courseware.site.render.html import escape
from courseware.site.render.kit_questions import render_objective_checks
from courseware.site.render.localized import heading_attributes, in_language
from courseware.site.render.markdown_text import markdown_text
from courseware.textfields import text_in, text_language

Translate = Callable[[str], str]
Text = str | dict[str, str]

KIT_PAGE = "teaching"
"""The kit's page name inside its module's folder: ``modules/<id>/teaching``."""


@dataclass(frozen=True)
class KitLab:
    """What the kit says about one lab, from its header."""

    id: str
    title: str
    duration_minutes: int
    hardware: str
    connectivity: str
    data_files: tuple[str, ...] = ()
    requirements: tuple[str, ...] = ()
    title_language: str | None = None
    """The title's language when it is not the page's (an untranslated lab), else None."""

    def title_in(self, language: str) -> str:
        """The escaped title, marked with its language when that is not ``language``."""
        return in_language(markdown_text(self.title), self.title_language or language, language)

    @property
    def needs_hardware(self) -> bool:
        return self.hardware.strip().lower() != "none"


@dataclass(frozen=True)
class ComputedValue:
    """A computed answer as the page shows it, and what computed it."""

    shown: str
    formula: str | None
    """What computed it, in code or arithmetic that reads the same in every language."""
    note: str | None = None
    """The English words the formula needs, translated through ``gettext`` on the page."""
    shown_in: Mapping[str, str] = field(default_factory=dict)
    """The value formatted for other languages, by code: an answer whose text falls back to
    the source language shows its number as that language writes it (``7,200`` in English,
    never the Portuguese ``7.200`` inside an English sentence)."""

    def in_language(self, language: str) -> str:
        """The value formatted for ``language`` where known, else as the page shows it."""
        return self.shown_in.get(language, self.shown)


@dataclass(frozen=True)
class KitExercises:
    """The exercises the module's text marks, in the reader's language and in the source."""

    shown: Sequence[MarkedExercise]
    """The marked headings of the text the reader's page shows."""
    shown_language: str
    source: Sequence[MarkedExercise]
    """The marked headings of the source text (titles when the shown text lacks one)."""


def _text(value: Text, language: str, source: str) -> str:
    """Escaped Markdown of a registry text, marked with its language when it falls back."""
    shown = markdown_text(text_in(value, language, source))
    return in_language(shown, text_language(value, language, source), language)


def _heading(level: int, title: str, anchor: str) -> str:
    return f"{'#' * level} {markdown_text(title)} {{#{anchor}}}\n\n"


def _bullets(items: Sequence[str]) -> str:
    return "".join(f"- {item}\n" for item in items) + "\n"


def render_teaching_kit(
    module: Module,
    registry: Registry,
    language: str,
    gettext: Translate,
    *,
    labs: Sequence[KitLab] = (),
    key: AnswerKey | None = None,
    exercises: KitExercises | None = None,
    values: Mapping[str, ComputedValue] | None = None,
    questions: Sequence[Item] | None = None,
) -> str:
    """The Markdown body of a module's teaching kit (after its title).

    Args:
        labs: the module's labs, in the order ``module.yaml`` lists them.
        key: the module's answer key, if it has one.
        exercises: the exercise headings its text marks (titles and anchors for the key).
        values: each computed answer's value, formatted for ``language``, by function name.
        questions: the items of the module's question bank, in file order, or None when it
            has no bank.
    """
    source = module.spec.source_language
    parts = [_contents(gettext), _notes(module, language, gettext)]
    parts.append(_timing(module, labs, gettext))
    parts.append(_materials(labs, language, gettext))
    parts.append(_heading(2, gettext("Learning objectives"), "objectives"))
    parts.append(render_objective_checks(module, questions, language, gettext))
    parts.append(_answers(key, language, source, gettext, exercises, values or {}))
    return "".join(parts)


def _contents(gettext: Translate) -> str:
    back = markdown_text(gettext("Back to the module"))
    links = [
        (gettext("Instructor notes"), "instructor-notes"),
        (gettext("Timing plan"), "timing-plan"),
        (gettext("Materials and hardware"), "materials"),
        (gettext("Learning objectives"), "objectives"),
        (gettext("Answer key"), "answer-key"),
    ]
    items = " · ".join(f"[{markdown_text(label)}](#{anchor})" for label, anchor in links)
    return f"[{back}](index.md)\n\n{items}\n{{: .cw-kit-contents }}\n\n"


def _notes(module: Module, language: str, gettext: Translate) -> str:
    source = module.spec.source_language
    text = _heading(2, gettext("Instructor notes"), "instructor-notes")
    notes = module.spec.instructor
    if notes is None:
        return text + markdown_text(gettext("This module has no instructor notes yet.")) + "\n\n"
    text += _heading(3, gettext("Why assign it"), "why-assign")
    text += _text(notes.why_assign, language, source) + "\n\n"
    text += _heading(3, gettext("Where it fits"), "where-it-fits")
    text += _text(notes.where_it_fits, language, source) + "\n\n"
    if notes.misconceptions:
        text += _heading(3, gettext("Misconceptions to expect"), "misconceptions")
        text += _bullets([_text(m, language, source) for m in notes.misconceptions])
    if notes.discussion_prompts:
        text += _heading(3, gettext("Discussion prompts"), "discussion-prompts")
        text += _bullets([_text(p, language, source) for p in notes.discussion_prompts])
    return text


def _timing(module: Module, labs: Sequence[KitLab], gettext: Translate) -> str:
    time = module.spec.time
    rows = [
        (gettext("Teaching"), time.teaching_minutes),
        (gettext("Exercises"), time.exercises_minutes),
    ]
    rows += [
        (gettext("Lab: {title}").format(title=lab.title), lab.duration_minutes) for lab in labs
    ]
    total = sum(minutes for _, minutes in rows)
    head = f"| {markdown_text(gettext('Part'))} | {markdown_text(gettext('Minutes'))} |\n"
    table = head + "| --- | ---: |\n"
    table += "".join(f"| {markdown_text(label)} | {minutes} |\n" for label, minutes in rows)
    table += (
        f"| **{markdown_text(gettext('Total'))}** | "
        f"**{total}** ({markdown_text(format_duration(total, gettext))}) |\n\n"
    )
    text = _heading(2, gettext("Timing plan"), "timing-plan") + table
    if labs:
        cut = gettext(
            "The module's own time counts its teaching and exercises only; the labs come on "
            "top. When time is short, set the labs as homework or leave them out: the "
            "exercises do not depend on them."
        )
        text += markdown_text(cut) + "\n\n"
    return text


def _materials(labs: Sequence[KitLab], language: str, gettext: Translate) -> str:
    text = _heading(2, gettext("Materials and hardware"), "materials")
    if not labs:
        none = gettext("This module has no labs: the page and a place to discuss are enough.")
        return text + markdown_text(none) + "\n\n"
    connectivity = {
        "none": gettext("no network"),
        "optional": gettext("network optional"),
        "required": gettext("network required"),
    }
    items = []
    for lab in labs:
        hardware = (
            gettext("hardware: {board}").format(board=lab.hardware)
            if lab.needs_hardware
            else gettext("no hardware: a computer with Python, or the lab's page")
        )
        facts = [hardware, connectivity.get(lab.connectivity, lab.connectivity)]
        if lab.data_files:
            facts.append(gettext("data files: {files}").format(files=", ".join(lab.data_files)))
        if lab.requirements:
            facts.append(
                gettext("Python packages: {names}").format(names=", ".join(lab.requirements))
            )
        title = lab.title_in(language)
        details = markdown_text("; ".join(facts))
        items.append(f"[{title}](../../labs/{escape(lab.id)}.md): {details}")
    return text + _bullets(items)


def _answer_text(value: Text, language: str, source: str, computed: ComputedValue | None) -> str:
    shown = text_in(value, language, source)
    written_in = text_language(value, language, source)
    pieces = [_spaced(piece) for piece in shown.split(VALUE_PLACEHOLDER)]
    number = f"**{markdown_text(computed.in_language(written_in))}**" if computed else ""
    return in_language(number.join(pieces), written_in, language)


def _spaced(piece: str) -> str:
    """``markdown_text`` of a piece of text around a value, keeping its outer spaces."""
    lead = " " if piece[:1].isspace() else ""
    trail = " " if piece[-1:].isspace() else ""
    return lead + markdown_text(piece) + trail if piece.strip() else piece


def _exercise_heading(
    exercise_id: str, exercises: KitExercises | None, language: str, source: str
) -> tuple[str, str]:
    """The exercise's heading line in the key (linking to it on the module page), and its
    title as Markdown, marked with its language where it falls back."""
    shown = {e.id: e for e in exercises.shown} if exercises else {}
    fallback = {e.id: e for e in exercises.source} if exercises else {}
    if exercise_id in shown and exercises is not None:
        title, title_language = shown[exercise_id].title, exercises.shown_language
        link = f"index.md#{exercise_id}"
    elif exercise_id in fallback:
        title, title_language, link = fallback[exercise_id].title, source, "index.md"
    else:
        title, title_language, link = exercise_id, source, "index.md"
    heading = (
        f"### [{markdown_text(title)}]({link})"
        f"{heading_attributes(title_language, language) or ''}\n\n"
    )
    return heading, in_language(markdown_text(title), title_language, language)


def _answers(
    key: AnswerKey | None,
    language: str,
    source: str,
    gettext: Translate,
    exercises: KitExercises | None,
    values: Mapping[str, ComputedValue],
) -> str:
    text = _heading(2, gettext("Answer key"), "answer-key")
    if key is None:
        return text + markdown_text(gettext("This module has no answer key yet.")) + "\n\n"
    sources = []
    for exercise in key.spec.exercises:
        heading, title = _exercise_heading(exercise.exercise, exercises, language, source)
        text += heading
        for number, part in enumerate(exercise.parts, start=1):
            computed = values.get(part.computed) if part.computed else None
            text += f"{number}. {_answer_text(part.answer, language, source, computed)}\n"
            if part.computed is None:
                origin = markdown_text(gettext("written in the answer key, from the module's text"))
            elif computed is None:
                origin = markdown_text(
                    gettext("computed by {name}, which gave no value").format(name=part.computed)
                )
            else:
                origin = _computed_origin(part.computed, computed, language, gettext)
            sources.append((title, number, origin))
        text += "\n"
    text += _heading(2, gettext("Where the answers come from"), "answer-sources")
    text += markdown_text(
        gettext(
            "A computed answer is worked out by the project's own library when the site is "
            "built, so it always matches what the labs compute."
        )
    )
    text += "\n\n"
    head = [gettext("Exercise"), gettext("Part"), gettext("Source")]
    text += "| " + " | ".join(markdown_text(h) for h in head) + " |\n| --- | ---: | --- |\n"
    for title, number, origin in sources:
        text += f"| {title} | {number} | {origin} |\n"
    return text + "\n"


ANSWER_SOURCE_LANGUAGE = "en"
"""The language ``staging/answer_functions.py`` writes each function's note in."""

_SLOT = "\x00"


def _computed_origin(name: str, computed: ComputedValue, language: str, gettext: Translate) -> str:
    """``computed by <name>: <formula> (<note>)`` as Markdown: the formula as code, the note
    in the reader's language, or marked as English where no translation exists yet (WCAG
    3.1.2)."""
    template = gettext("computed by {name}: {source}").format(name=name, source=_SLOT)
    parts = []
    if computed.formula:
        parts.append(f"`{computed.formula}`")
    if computed.note:
        translated = gettext(computed.note)
        shown_language = ANSWER_SOURCE_LANGUAGE if translated == computed.note else language
        note = in_language(markdown_text(translated), shown_language, language)
        parts.append(f"({note})" if parts else note)
    return markdown_text(template).replace(_SLOT, " ".join(parts))


def render_teacher_plan(
    track: Track,
    registry: Registry,
    language: str,
    gettext: Translate,
    labs_by_module: Mapping[str, Sequence[KitLab]],
    *,
    module_base: str = "../modules/",
) -> str:
    """A track's teacher's plan: per session, each module's teaching and exercise minutes,
    its labs' durations, and the session's total with labs; then the track's total.

    The syllabus counts a module's own time only (or the track's ``minutes:`` for it); the
    plan adds the labs, which the syllabus leaves out.
    """
    source = registry.source_language.code
    modules = registry.modules_by_id
    rows = syllabus(track, modules)
    text = _heading(2, gettext("Teacher's plan"), "teachers-plan")
    text += markdown_text(
        gettext(
            "For each session: what to teach, the exercises, and the labs, with their minutes. "
            "The teaching kit of each module has its notes, materials and answers."
        )
    )
    text += "\n\n"
    head = [
        gettext("Module or activity"),
        gettext("Teaching"),
        gettext("Exercises"),
        gettext("Labs"),
        gettext("With labs"),
    ]
    grand_total = 0
    for number in sorted({r.session for r in rows}):
        session_rows = [r for r in rows if r.session == number]
        label = gettext("Session {number}").format(number=number)
        title = session_rows[0].session_title
        heading = f"### {markdown_text(label)}"
        if title is not None:
            heading += f": {_text(title, language, source)}"
        text += heading + "\n\n"
        text += "| " + " | ".join(markdown_text(h) for h in head) + " |\n"
        text += "| --- | ---: | ---: | --- | ---: |\n"
        session_total = 0
        for row in session_rows:
            if row.module is None:
                what = _text(row.activity or "", language, source)
                cells = [what, str(row.minutes), "", "", str(row.minutes)]
                session_total += row.minutes
            else:
                module = row.module
                time = module.spec.time
                module_title = _text(module.spec.title, language, source)
                kit = f"{module_base}{module.id}/{KIT_PAGE}.md"
                what = f"[{module_title}]({kit})"
                teaching, exercises = time.teaching_minutes, time.exercises_minutes
                if row.minutes != module.total_minutes:
                    shortened = gettext("{minutes} min in this track").format(minutes=row.minutes)
                    what += f" ({markdown_text(shortened)})"
                labs = labs_by_module.get(module.id, ())
                lab_minutes = sum(lab.duration_minutes for lab in labs)
                lab_cells = ", ".join(
                    f"{lab.title_in(language)} ({lab.duration_minutes})" for lab in labs
                )
                with_labs = row.minutes + lab_minutes
                session_total += with_labs
                cells = [what, str(teaching), str(exercises), lab_cells, str(with_labs)]
            text += "| " + " | ".join(cells) + " |\n"
        grand_total += session_total
        total_label = markdown_text(gettext("Session total with labs"))
        duration = markdown_text(format_duration(session_total, gettext))
        text += f"| **{total_label}** | | | | **{session_total}** ({duration}) |\n\n"
    total = gettext("The whole track with its labs: {duration} ({minutes} minutes).").format(
        duration=format_duration(grand_total, gettext), minutes=grand_total
    )
    return text + f"**{markdown_text(total)}**\n\n"

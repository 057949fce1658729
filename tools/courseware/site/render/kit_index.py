"""The teaching kits' index (``kits/index``): every module's kit on one page, for an educator
choosing what to prepare.

Each item links a module's kit and gives the time its kit plans (teaching, exercises and labs,
the total of the kit's timing plan), how many learning objectives it has and how many
questions of its bank check them. A list, not a table: it reads on a 360 px phone without
scrolling sideways. Built from the registry, so a new module appears here
without anyone editing the page. Pure: Markdown out, every registry value escaped.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from courseware.i18n.formatting import format_duration
from courseware.registry.load import Registry
from courseware.site.render.localized import in_language
from courseware.site.render.markdown_text import markdown_text
from courseware.site.render.teaching_kit import KIT_PAGE, KitLab
from courseware.textfields import text_in, text_language

Translate = Callable[[str], str]

KITS_INDEX = "kits/index"
"""The index's staged page name (``kits/index.md``, ``kits/index.es.md``, ...)."""


def render_kit_index(
    registry: Registry,
    language: str,
    gettext: Translate,
    labs_by_module: Mapping[str, Sequence[KitLab]],
    question_counts: Mapping[str, int],
) -> str:
    """The whole index page in ``language``, its title included.

    Args:
        labs_by_module: each module's labs (their durations count in the kit's time).
        question_counts: how many bank questions each module has, by module id (none for a
            module without a bank).
    """
    source = registry.source_language.code
    title = markdown_text(gettext("Teaching kits"))
    text = f"# {title}\n\n"
    intro = gettext(
        "A teaching kit is what an educator needs to prepare a module: the instructor notes, a "
        "timing plan with the labs, the materials and hardware, the learning objectives with "
        "the questions that check them, and the answer key."
    )
    text += markdown_text(intro) + "\n\n"
    if registry.tracks:
        plans = gettext("For a whole course, every track page has a session-by-session plan.")
        tracks = markdown_text(gettext("All tracks"))
        text += f"{markdown_text(plans)} [{tracks}]"
        text += "(../tracks/index.md)\n\n"
    for module in registry.modules:
        title = text_in(module.spec.title, language, source)
        shown = in_language(
            markdown_text(title), text_language(module.spec.title, language, source), language
        )
        minutes = module.total_minutes + sum(
            lab.duration_minutes for lab in labs_by_module.get(module.id, ())
        )
        facts = gettext(
            "{duration} with labs · objectives: {objectives} · questions: {questions}"
        ).format(
            duration=format_duration(minutes, gettext),
            objectives=len(module.spec.objectives),
            questions=question_counts.get(module.id, 0),
        )
        # <bdi>: a title ending in Latin letters ("... لـ TinyML") would otherwise pull the
        # colon and the duration's first digit into its left-to-right run on an Arabic page.
        link = f"[<bdi>{shown}</bdi>](../modules/{module.id}/{KIT_PAGE}.md)"
        text += f"- {link}: {markdown_text(facts)}\n"
    return text + "\n"

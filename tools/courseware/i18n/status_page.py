"""The site's translation status page: per language, what is translated, stale and missing.

It is the contributors' dashboard (the gap Programming Historian fills by hand with its
translation concordance): a reader who knows a language sees what needs doing and how to
start. File names and ids come from contributors, so they are HTML-escaped here; this
package may not import ``courseware.site``, hence ``html.escape`` directly.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from courseware.i18n.catalogs import Translate
from courseware.i18n.formatting import language_name as cldr_language_name
from courseware.i18n.tracking import KINDS, STATES, Kind, State, TranslationEntry, TranslationReport

LanguageNamer = Callable[[str, str], str]
"""``(code, in_language) -> name``, as :func:`courseware.i18n.formatting.language_name`."""

START_COMMAND = "courseware translate start"


@dataclass(frozen=True)
class TranslationCredit:
    """Who translated a language, and which native-speaking educator reviewed it (if any)."""

    translated_by: str | None = None
    reviewed_by: str | None = None


def render_status_page(
    report: TranslationReport,
    language: str,
    gettext: Translate,
    language_name: LanguageNamer = cldr_language_name,
    credits: Mapping[str, TranslationCredit] | None = None,
) -> str:
    """Return the Markdown body of the status page in ``language`` (the reader's language).

    Args:
        credits: per language code, who translated it and who reviewed it, so a reader knows
            whether a native-speaking educator has checked what they read.
    """
    kinds = _kind_names(gettext)
    states = _state_names(gettext)
    # Babel cannot see gettext calls inside f-strings, so every call stands on its own.
    title = gettext("Translation status")
    how_to_heading = gettext("How to translate")
    parts = [
        f"# {_text(title)}",
        _text(
            gettext(
                "Every page, module and lab is written in {source} first. A translation "
                "records which version of its source it was made from; when the source "
                "changes, the translation is marked stale until a translator updates it."
            ).format(source=language_name(report.source_language, language))
        ),
        f"## {_text(how_to_heading)}",
        _how_to(gettext, _example_command(report, language)),
    ]
    if not report.languages:
        parts.append(_text(gettext("No language other than the source language is declared.")))
    for code in report.languages:
        name = language_name(code, language)
        parts.append(f'## {_text(name)} <span dir="ltr">({_text(code)})</span>')
        parts.append(_credit(credits.get(code) if credits else None, gettext))
        parts.append(_summary_table(report, code, kinds, states, gettext))
        parts.append(_detail_table(report.entries_for(code), kinds, states, gettext))
    return "\n\n".join(parts) + "\n"


def _credit(credit: TranslationCredit | None, gettext: Translate) -> str:
    """Who translated the language, and whether a native-speaking educator has reviewed it."""
    credit = credit or TranslationCredit()
    if credit.translated_by:
        who = gettext("Translated by {translators}.").format(translators=credit.translated_by)
    else:
        who = gettext("No translator is named for this language yet.")
    if credit.reviewed_by:
        review = gettext("Reviewed by {reviewer}, a native-speaking educator.").format(
            reviewer=credit.reviewed_by
        )
    else:
        review = gettext(
            "No native-speaking educator has reviewed this translation yet: read it knowing "
            "that, and tell us what to fix."
        )
    return _text(f"{who} {review}")


def _example_command(report: TranslationReport, language: str) -> str:
    """A start command the reader could run: into their language, for something missing."""
    code = language if language in report.languages else next(iter(report.languages), "es")
    entries = report.entries_for(code)
    missing = [entry for entry in entries if entry.state == "missing"]
    source = (missing or entries)[0].source if entries else "pages/index.md"
    return f"{START_COMMAND} {source} {code}"


def _how_to(gettext: Translate, example: str) -> str:
    return _text(
        gettext(
            "Run {command} with the source file and a language code. It writes a catalog "
            "with one entry per paragraph (locale/<code>/LC_MESSAGES/), which Weblate, Crowdin, "
            "Poedit or Lokalize open; translate each entry. When the source changes, {update} "
            "marks only the changed paragraphs as needing review, and {diff} shows what "
            "changed. {status} counts what is translated, in paragraphs and words."
        )
    ).format(
        command=f'<code dir="ltr">{_text(example)}</code>',
        update=f'<code dir="ltr">{_text("courseware translate update")}</code>',
        diff=f'<code dir="ltr">{_text("courseware translate diff")}</code>',
        status=f'<code dir="ltr">{_text("courseware translate status")}</code>',
    )


def _summary_table(
    report: TranslationReport,
    code: str,
    kinds: dict[Kind, str],
    states: dict[State, str],
    gettext: Translate,
) -> str:
    head = "".join(f'<th scope="col">{_text(states[state])}</th>' for state in STATES)
    rows = []
    for kind in KINDS:
        counts = report.counts(code, kind)
        if kind == "text" and counts.total == 0:
            continue  # the site's report counts no registry texts (their pages show them)
        cells = "".join(f"<td>{getattr(counts, state)}</td>" for state in STATES)
        rows.append(f'<tr><th scope="row">{_text(kinds[kind])}</th>{cells}</tr>')
    total = report.counts(code)
    cells = "".join(f"<td>{getattr(total, state)}</td>" for state in STATES)
    everything = gettext("All")
    rows.append(f'<tr><th scope="row">{_text(everything)}</th>{cells}</tr>')
    return (
        '<table class="courseware-translation-summary">\n'
        f"<thead><tr><td></td>{head}</tr></thead>\n"
        f"<tbody>\n{chr(10).join(rows)}\n</tbody>\n</table>"
    )


def _detail_table(
    entries: list[TranslationEntry],
    kinds: dict[Kind, str],
    states: dict[State, str],
    gettext: Translate,
) -> str:
    if not entries:
        return _text(gettext("There is nothing to translate yet."))
    head = "".join(
        f'<th scope="col">{_text(text)}</th>'
        for text in (gettext("Kind"), gettext("Item"), gettext("File"), gettext("State"))
    )
    rows = []
    for entry in entries:
        detail = _state_detail(entry, states, gettext)
        rows.append(
            f'<tr class="translation-{entry.state}">'
            f"<td>{_text(kinds[entry.kind])}</td>"
            f"<td><code>{_text(entry.name)}</code></td>"  # an id: in no language
            f'<td><code dir="ltr">{_text(entry.path)}</code></td>'
            f"<td>{detail}</td></tr>"
        )
    return (
        '<table class="courseware-translation-status">\n'
        f"<thead><tr>{head}</tr></thead>\n<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>"
    )


def _state_detail(entry: TranslationEntry, states: dict[State, str], gettext: Translate) -> str:
    state = _text(states[entry.state])
    if entry.state != "stale":
        return state
    if entry.is_unverified:
        why = gettext("no source hash recorded, or the header cannot be read")
    else:
        why = gettext("the source changed since it was translated")
    return f"{state} ({_text(why)})"


def _kind_names(gettext: Translate) -> dict[Kind, str]:
    return {
        "page": gettext("Page"),
        "module": gettext("Module"),
        "lab": gettext("Lab"),
        "text": gettext("Registry texts"),
    }


def _state_names(gettext: Translate) -> dict[State, str]:
    return {
        "translated": gettext("Translated"),
        "stale": gettext("Stale"),
        "missing": gettext("Missing"),
    }


_ENTITIES = {ord(c): html.escape(c, quote=True) for c in "&<>\"'"} | {
    ord(c): f"&#{ord(c)};" for c in "\\`*_[]#|"
}
"""HTML's special characters, and Markdown's, as character references (one pass, so a
reference is never escaped twice)."""


def _text(value: object) -> str:
    """Escape text for HTML and keep Markdown from reading ``*`` or ``_`` in it as emphasis."""
    return str(value).translate(_ENTITIES)

"""The generated part of the home page: where educators, students and contributors go next,
and the languages the site speaks.

The hand page ``pages/index.md`` says what the site is; this part, below it, is built from the
registry and the staged site, so its tracks and counts stay current as content is added. Links
are Markdown (MkDocs resolves them to the reader's language), except the language list, whose
links lead out of the reader's language on purpose. Every registry value is escaped.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from courseware.i18n.formatting import format_duration
from courseware.registry.load import Registry
from courseware.site.render.html import attributes, escape
from courseware.site.render.localized import in_language
from courseware.site.render.markdown_text import markdown_text
from courseware.site.render.track_page import TrackDownload, download_label
from courseware.textfields import text_in, text_language

Translate = Callable[[str], str]

ASSEMBLE_ANCHOR = "assemble"
"""The id of the contribute page's section on ``courseware assemble`` (``pages/contribute.md``
sets it on the heading in every language, so one link reaches it in each)."""


@dataclass(frozen=True)
class HomeFacts:
    """What the home page counts and offers, taken from the staged site by the stager."""

    lab_count: int
    datasheet_count: int
    targets: frozenset[str]
    """The link targets the reader's language has (``contribute.md``,
    ``contribute.md#assemble``, ...): a link to a page the project lacks is left out, since
    MkDocs (strict) refuses it."""
    downloads: Mapping[str, TrackDownload] = field(default_factory=dict)
    """Each track's offline copy by track id, once built (a preview has none)."""
    teaching_kits_page: str | None = None
    """The staged page of the teaching kits (such as ``kits/index.md``), once the site has
    them; until then the home page does not mention them."""


def render_home_sections(
    registry: Registry, facts: HomeFacts, language: str, gettext: Translate
) -> str:
    """The Markdown below the introduction of the home page in ``language``."""
    sections = [
        _educators(registry, facts, language, gettext),
        _students(registry, facts, gettext),
        _contributors(facts, gettext),
        _languages(registry, language, gettext),
    ]
    return "\n".join(section for section in sections if section)


def _heading(text: str) -> str:
    return f"## {markdown_text(text)}\n\n"


def _item(facts: HomeFacts, link_text: str, target: str, rest: str = "") -> str:
    """``- [link](target): rest``, the link text and the rest escaped; nothing when the site
    has no ``target``."""
    if target not in facts.targets:
        return ""
    line = f"- [{markdown_text(link_text)}]({target})"
    return line + (f": {markdown_text(rest)}" if rest else "") + "\n"


def _track_name(title: str | dict[str, str], language: str, source: str) -> str:
    """A track's title as Markdown link text, marked with its language where it falls back."""
    shown = markdown_text(text_in(title, language, source))
    return in_language(shown, text_language(title, language, source), language)


def _section(title: str, body: str) -> str:
    """A section under ``title``, or nothing when it has nothing to offer."""
    return _heading(title) + body if body.strip() else ""


def _educators(registry: Registry, facts: HomeFacts, language: str, gettext: Translate) -> str:
    source = registry.source_language.code
    body = ""
    if registry.tracks:
        intro = gettext(
            "Start from a track, a course another educator assembled from the modules, or "
            "assemble your own."
        )
        body += markdown_text(intro) + "\n\n"
    for track in registry.tracks:
        name = _track_name(track.spec.title, language, source)
        minutes = markdown_text(format_duration(track.spec.time_budget_minutes, gettext))
        body += f"- [{name}](tracks/{track.id}.md) ({minutes})\n"
    if registry.tracks:
        body += _item(facts, gettext("All tracks"), "tracks/index.md")
    body += _item(
        facts,
        gettext("Build your own course"),
        f"contribute.md#{ASSEMBLE_ANCHOR}",
        gettext(
            "choose modules, set a time budget, and the builder checks prerequisites, time "
            "and licences."
        ),
    )
    if facts.teaching_kits_page is not None:
        body += _item(
            facts,
            gettext("Teaching kits"),
            facts.teaching_kits_page,
            gettext(
                "for every module: instructor notes, timing with the labs, materials, the "
                "questions that check each objective, and the answers."
            ),
        )
    if registry.tracks:
        body += _item(
            facts,
            gettext("Print a syllabus"),
            "tracks/index.md",
            gettext("every track page prints cleanly on its own, without the site around it."),
        )
    offered = [t for t in registry.tracks if t.id in facts.downloads]
    if offered:
        body += "\n" + markdown_text(
            gettext(
                "Offline copies: download a track once, unzip it and open it in any browser, "
                "without a network."
            )
        )
        body += "\n\n"
        for track in offered:
            name = _track_name(track.spec.title, language, source)
            download = facts.downloads[track.id]
            label = markdown_text(download_label(download, language, gettext))
            body += f"- {name}: [{label}]({download.path})\n"
    return _section(gettext("For educators"), body)


def _count(template: str, count: int) -> str:
    return template.format(count=count)


def _students(registry: Registry, facts: HomeFacts, gettext: Translate) -> str:
    # Counts are shown as "{count} in all", a phrasing that needs no plural form in any of
    # the site's languages (the catalog reader offers gettext only).
    body = ""
    if registry.modules:
        count = len(registry.modules)
        body += _item(
            facts,
            gettext("Teaching modules"),
            "modules/index.md",
            _count(gettext("{count} in all, each with its objectives and time"), count),
        )
    if facts.lab_count:
        body += _item(
            facts,
            gettext("Labs"),
            "labs/index.md",
            _count(gettext("{count} in all, notebooks run with their results"), facts.lab_count),
        )
    body += _item(
        facts,
        gettext("TinyML CO2 footprint calculator"),
        "calculator.md",
        gettext("estimate the carbon footprint of a TinyML device over its life."),
    )
    if facts.datasheet_count:
        body += _item(
            facts,
            gettext("ML sensor datasheets"),
            "sensors/index.md",
            _count(gettext("{count} in all, checked by the validator"), facts.datasheet_count),
        )
    return _section(gettext("For students"), body)


def _contributors(facts: HomeFacts, gettext: Translate) -> str:
    body = ""
    body += _item(
        facts,
        gettext("Add a course or workshop"),
        "contribute.md",
        gettext("the catalog grows from plain files anyone can propose."),
    )
    body += _item(
        facts,
        gettext("Translate"),
        "status.md",
        gettext("see what is translated into each language and what is out of date."),
    )
    return _section(gettext("For contributors"), body)


def language_home(code: str, reader_language: str, source: str) -> str:
    """The relative link from the home page in ``reader_language`` to the home page in
    ``code``: the source language is served at the site root, every other one below it at
    ``<code>/`` (mkdocs-static-i18n's suffix layout)."""
    up = "" if reader_language == source else "../"
    target = "" if code == source else f"{code}/"
    return up + target or "./"


def _languages(registry: Registry, language: str, gettext: Translate) -> str:
    source = registry.source_language.code
    items = []
    reader_direction = registry.language(language).direction
    for code in registry.language_codes:
        entry = registry.language(code)
        marks = {"lang": entry.code, "hreflang": entry.code}
        if entry.direction != reader_direction:
            marks["dir"] = entry.direction
        if entry.code == language:
            marks["aria-current"] = "page"
        href = language_home(entry.code, language, source)
        link = f"<a{attributes({'href': href, **marks})}>{escape(entry.native_name)}</a>"
        items.append(f"<li>{link}</li>")
    return _heading(gettext("Languages")) + f'<ul class="cw-home-languages">{"".join(items)}</ul>\n'

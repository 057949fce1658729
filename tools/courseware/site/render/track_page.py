"""HTML for a track's page: its syllabus with cumulative time, prerequisites, licence and
attributions, wrapped for a print stylesheet, plus schema.org Course JSON-LD.

Educators print syllabi and hand them out, so the page prints cleanly on its own
(``track_print_css``). Every registry value is escaped.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from courseware.i18n.catalogs import plural_translator
from courseware.i18n.formatting import format_duration, format_size, language_name
from courseware.registry.licenses import LICENSES
from courseware.registry.load import Registry
from courseware.registry.tracks import (
    SyllabusRow,
    Track,
    syllabus,
    total_minutes,
    track_attributions,
    track_license,
)
from courseware.site.render.catalog import audience_label
from courseware.site.render.html import attributes, escape, json_ld
from courseware.site.render.localized import in_language, language_attributes, localized
from courseware.site.render.markdown_text import markdown_text
from courseware.site.render.module_page import level_label
from courseware.textfields import text_in, text_language

Translate = Callable[[str], str]


@dataclass(frozen=True)
class TrackDownload:
    """A track's offline copy as the site offers it."""

    path: str
    """Relative to the site root, such as ``bundles/two-hour-workshop-en.zip``."""
    size_bytes: int
    language: str
    """The language the copy is in."""
    zim_path: str | None = None
    """The same copy as a ZIM for Kiwix, relative to the site root, when one was built."""
    zim_size_bytes: int = 0


def download_label(download: TrackDownload, language: str, gettext: Translate) -> str:
    """``Offline copy (English, zip, 1.3 MB)``: readers on metered data see the size first."""
    return gettext("Offline copy ({language}, zip, {size})").format(
        language=language_name(download.language, language),
        size=format_size(download.size_bytes, language),
    )


def render_track_download(
    download: TrackDownload, language: str, gettext: Translate, *, root: str = "../"
) -> str:
    """A Markdown download button for a track page, left out of the printed syllabus.

    Markdown rather than HTML so that MkDocs resolves the link from every language's page.

    Args:
        root: How the staged page reaches the site root (``tracks/<id>.md``: ``../``).
    """
    label = markdown_text(download_label(download, language, gettext))
    hint = markdown_text(
        gettext(
            "Download it once to read the track, its modules and labs without a network: "
            "unzip it and open index.html in any browser."
        )
    )
    return (
        f"[{label}]({root}{download.path}){{: .md-button .cw-no-print }}\n\n"
        f"{hint}\n{{: .cw-no-print }}\n\n" + _zim_download(download, language, gettext, root)
    )


def _zim_download(download: TrackDownload, language: str, gettext: Translate, root: str) -> str:
    """The ZIM beside the zip, for readers whose phone or school server runs Kiwix."""
    if download.zim_path is None:
        return ""
    label = gettext("Offline copy for Kiwix ({language}, ZIM, {size})").format(
        language=language_name(download.language, language),
        size=format_size(download.zim_size_bytes, language),
    )
    hint = gettext(
        "The same copy as a ZIM file: open it in Kiwix on a phone or a computer, or serve it "
        "to a class with kiwix-serve; Kiwix searches it."
    )
    return (
        f"[{markdown_text(label)}]({root}{download.zim_path}){{: .md-button .cw-no-print }}\n\n"
        f"{markdown_text(hint)}\n{{: .cw-no-print }}\n\n"
    )


@dataclass(frozen=True)
class TrackPrint:
    """A track's printed PDF as the site offers it."""

    path: str
    """Relative to the site root, such as ``prints/two-hour-workshop-en-student.pdf``."""
    size_bytes: int
    language: str
    edition: str
    """``student`` or ``teacher``."""
    pages: int


def render_track_prints(
    prints: Sequence[TrackPrint], language: str, gettext: Translate, *, root: str = "../"
) -> str:
    """Markdown links to a track's PDFs, each with its language, edition, pages and size,
    left out of the printed syllabus."""
    if not prints:
        return ""
    ngettext = plural_translator(language)
    editions = {"student": gettext("Student edition"), "teacher": gettext("Teacher's edition")}
    items = []
    for printed in prints:
        template = ngettext(
            "{edition} ({language}, PDF, {count} page, {size})",
            "{edition} ({language}, PDF, {count} pages, {size})",
            printed.pages,
        )
        label = template.format(
            edition=editions.get(printed.edition, printed.edition),
            language=language_name(printed.language, language),
            count=printed.pages,
            size=format_size(printed.size_bytes, language),
        )
        items.append(f"- [{markdown_text(label)}]({root}{printed.path})")
    heading = markdown_text(gettext("Print this track"))
    # md_in_html: the block is Markdown, so MkDocs resolves each language's links.
    return (
        f'<div class="cw-track-prints cw-no-print" markdown>\n\n**{heading}**\n\n'
        + "\n".join(items)
        + "\n\n</div>\n\n"
    )


def _unit_label(unit: str, number: int, gettext: Translate) -> str:
    labels = {
        "session": gettext("Session {number}"),
        "day": gettext("Day {number}"),
        "week": gettext("Week {number}"),
    }
    return labels.get(unit, "{number}").format(number=number)


def _unit_heading(unit: str, gettext: Translate) -> str:
    labels = {"session": gettext("Session"), "day": gettext("Day"), "week": gettext("Week")}
    return labels.get(unit, unit)


def _row_cells(
    row: SyllabusRow, language: str, source: str, module_base: str, gettext: Translate
) -> str:
    if row.module is not None:
        title = localized(row.module.spec.title, language, source)
        what = f'<a href="{escape(module_base)}{escape(row.module.id)}/">{title}</a>'
    else:
        what = localized(row.activity or "", language, source)
    if row.note is not None:
        what += f'<br><span class="cw-note">{localized(row.note, language, source)}</span>'
    cumulative = escape(format_duration(row.cumulative_minutes, gettext))
    return (
        f"<td>{what}</td><td>{row.minutes}</td>"
        f'<td data-minutes="{row.cumulative_minutes}">{cumulative}</td>'
    )


def _syllabus_table(
    track: Track, registry: Registry, language: str, gettext: Translate, module_base: str
) -> str:
    source = registry.source_language.code
    spec = track.spec
    rows = syllabus(track, registry.modules_by_id)
    head = "".join(
        f'<th scope="col">{escape(h)}</th>'
        for h in (
            _unit_heading(spec.schedule_unit, gettext),
            gettext("Module or activity"),
            gettext("Minutes"),
            gettext("Cumulative time"),
        )
    )
    bodies = []
    for number in sorted({r.session for r in rows}):
        session_rows = [r for r in rows if r.session == number]
        title = session_rows[0].session_title
        label = escape(_unit_label(spec.schedule_unit, number, gettext))
        if title is not None:
            session_title = localized(title, language, source)
            label += f'<br><span class="cw-session-title">{session_title}</span>'
        cells = []
        for index, row in enumerate(session_rows):
            html_row = _row_cells(row, language, source, module_base, gettext)
            if index == 0:
                header = f'<th scope="rowgroup" rowspan="{len(session_rows)}">{label}</th>'
                cells.append(f"<tr>{header}{html_row}</tr>")
            else:
                cells.append(f"<tr>{html_row}</tr>")
        bodies.append("<tbody>" + "".join(cells) + "</tbody>")
    used = total_minutes(track, registry.modules_by_id)
    budget = spec.time_budget_minutes
    total = gettext("{used} of a budget of {budget}").format(
        used=format_duration(used, gettext), budget=format_duration(budget, gettext)
    )
    foot = (
        f'<tfoot><tr><th scope="row" colspan="2">{escape(gettext("Total"))}</th>'
        f"<td>{used}</td><td>{escape(total)}</td></tr></tfoot>"
    )
    caption = escape(gettext("Syllabus"))
    return (
        f'<table class="cw-syllabus"><caption>{caption}</caption>'
        f"<thead><tr>{head}</tr></thead>" + "".join(bodies) + foot + "</table>"
    )


def _prerequisites(
    track: Track, registry: Registry, language: str, gettext: Translate, module_base: str
) -> str:
    """What learners should know before the track: assumed modules and uncovered needs."""
    modules = registry.modules_by_id
    source = registry.source_language.code
    placed = set(track.module_ids)
    needed = list(track.spec.assumed_modules)
    for module_id in track.module_ids:
        if module_id in modules:
            needed += [p for p in modules[module_id].spec.prerequisites if p not in placed]
    items = []
    for module_id in dict.fromkeys(needed):
        if module_id in modules:
            title = localized(modules[module_id].spec.title, language, source)
            href = f"{module_base}{module_id}/"
            items.append(f'<li><a href="{escape(href)}">{title}</a></li>')
        else:
            items.append(f"<li>{escape(module_id)}</li>")
    heading = f"<h2>{escape(gettext('Prerequisites'))}</h2>"
    if not items:
        none = gettext("None: the track teaches every prerequisite of its modules.")
        return f"{heading}<p>{escape(none)}</p>"
    intro = gettext("Learners should already know:")
    return f"{heading}<p>{escape(intro)}</p><ul>{''.join(items)}</ul>"


def _license_section(track: Track, registry: Registry, language: str, gettext: Translate) -> str:
    modules = registry.modules_by_id
    source = registry.source_language.code
    heading = "<h2>" + escape(gettext("Licence and attributions")) + "</h2>"
    combined = track_license(track, modules)
    if combined.spdx is None:
        text = gettext("The licences of these modules cannot be combined; see the problems.")
        statement = f"<p>{escape(text)}</p>"
    else:
        terms = LICENSES[combined.spdx]
        link = f'<a rel="license" href="{escape(terms.url)}">{escape(terms.name)}</a>'
        statement = (
            "<p>"
            + escape(gettext("This track is shared under {licence}.")).format(licence=link)
            + "</p>"
        )
    items = []
    for credit in track_attributions(track, modules):
        terms = LICENSES[credit.license]
        # The template is escaped before the values go in: the title may be marked up.
        line = escape(gettext("“{title}” by {authors}, {licence}")).format(
            title=localized(credit.module.spec.title, language, source),
            authors=escape(", ".join(credit.authors)),
            licence=escape(terms.name),
        )
        for adapted in credit.adapted_sources:
            adapted_licence = LICENSES[adapted.license].name if adapted.license else ""
            # The source's title and authors are written in the source language: marked so.
            line += "<br>" + escape(gettext("adapted from “{title}”{by}, {licence}")).format(
                title=in_language(escape(adapted.title), source, language),
                by=f" ({in_language(escape(adapted.authors), source, language)})"
                if adapted.authors
                else "",
                licence=escape(adapted_licence),
            )
        items.append(f"<li>{line}</li>")
    intro = escape(gettext("When you use or share this track, credit:"))
    return f"{heading}{statement}<p>{intro}</p><ul>{''.join(items)}</ul>"


def render_track_page(
    track: Track,
    registry: Registry,
    language: str,
    gettext: Translate,
    *,
    module_base: str = "../../modules/",
) -> str:
    """The body of a track's page at ``tracks/<id>/``, wrapped in ``div.cw-track``.

    Args:
        module_base: How the page reaches module pages (default for ``tracks/<id>/``).
    """
    spec = track.spec
    source = registry.source_language.code
    facts = [
        (gettext("Language"), language_name(spec.language, language)),
        (gettext("Audience"), ", ".join(audience_label(a, gettext) for a in spec.audience)),
        (gettext("Time budget"), format_duration(spec.time_budget_minutes, gettext)),
    ]
    if spec.level is not None:
        facts.insert(2, (gettext("Level"), level_label(spec.level, gettext)))
    summary = ""
    if spec.summary is not None:
        shown = escape(text_in(spec.summary, language, source))
        marks = language_attributes(text_language(spec.summary, language, source), language)
        summary = f'<p class="cw-track-summary"{marks}>{shown}</p>'
    meta = (
        '<dl class="cw-track-facts">'
        + "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in facts)
        + "</dl>"
    )
    parts = [
        f'<div class="cw-track"{attributes({"data-track": spec.id})}>',
        summary,
        meta,
        _syllabus_table(track, registry, language, gettext, module_base),
        _prerequisites(track, registry, language, gettext, module_base),
        _license_section(track, registry, language, gettext),
        "</div>",
    ]
    body = "".join(part for part in parts if part)
    return body + "\n" + json_ld(track_json_ld(track, registry, language))


def track_json_ld(track: Track, registry: Registry, language: str) -> dict[str, Any]:
    """A schema.org Course (a kind of LearningResource) listing its modules as parts."""
    spec = track.spec
    modules = registry.modules_by_id
    source = registry.source_language.code
    combined = track_license(track, modules)
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Course",
        "identifier": spec.id,
        "name": text_in(spec.title, language, source),
        "inLanguage": spec.language,
        "timeRequired": f"PT{total_minutes(track, modules)}M",
        "audience": [{"@type": "EducationalAudience", "educationalRole": a} for a in spec.audience],
        "hasPart": [
            {
                "@type": "LearningResource",
                "identifier": m,
                "name": text_in(modules[m].spec.title, language, source),
                "timeRequired": f"PT{modules[m].total_minutes}M",
            }
            for m in track.module_ids
            if m in modules
        ],
        "isAccessibleForFree": True,
    }
    if spec.summary is not None:
        data["description"] = text_in(spec.summary, language, source)
    if spec.level is not None:
        data["educationalLevel"] = spec.level
    if combined.spdx is not None:
        data["license"] = LICENSES[combined.spdx].url
    return data


def track_print_css() -> str:
    """A print stylesheet for track pages: the syllabus alone, black on white, links spelled out."""
    return """\
@media print {
  .md-header, .md-tabs, .md-sidebar, .md-footer, .md-search, .md-source,
  .md-content__button, .cw-no-print { display: none !important; }
  .md-main__inner, .md-content, .md-content__inner { margin: 0 !important; max-width: none; }
  .cw-track { color: #000; background: #fff; font-size: 11pt; line-height: 1.35; }
  .cw-track table { width: 100%; border-collapse: collapse; }
  .cw-track th, .cw-track td { border: 1px solid #000; padding: 2pt 4pt; vertical-align: top; }
  .cw-track tbody, .cw-track tr, .cw-track li { break-inside: avoid; }
  .cw-track thead { display: table-header-group; }
  .cw-track h2 { break-after: avoid; font-size: 13pt; }
  .cw-track a { color: #000; text-decoration: none; }
  .cw-track a[href^="https:"]::after { content: " (" attr(href) ")"; font-size: 9pt; }
  .cw-track .cw-note { font-style: italic; }
}
"""


def render_track_index(
    registry: Registry,
    language: str,
    gettext: Translate,
    downloads: Mapping[str, TrackDownload],
) -> str:
    """The body of ``tracks/index``: every track with its time budget, and its offline copy
    where ``downloads`` (by track id) has one."""
    source = registry.source_language.code
    title = gettext("Tracks: courses assembled from modules")
    intro = gettext(
        "Each track is a course an educator assembled from the modules, checked for "
        "prerequisites, time and licences. Print a syllabus from its page."
    )
    items = []
    for track in registry.tracks:
        name = markdown_text(text_in(track.spec.title, language, source))
        minutes = markdown_text(format_duration(track.spec.time_budget_minutes, gettext))
        item = f"- [{name}]({track.id}.md) ({minutes})"
        if track.id in downloads:
            label = download_label(downloads[track.id], language, gettext)
            item += f" · [{markdown_text(label)}](../{downloads[track.id].path})"
        items.append(item)
    body = f"# {markdown_text(title)}\n\n{markdown_text(intro)}\n\n"
    return body + "\n".join(items) + "\n"

"""HTML for teaching modules: the card at the top of each module page, and the module index.

Pure functions from registry values to HTML fragments; the site builder puts them into the
staged Markdown pages. Every registry value is escaped. The index is a complete table that
reads without JavaScript; the generic ``assets/courseware/table-filter.js`` (shared with the
catalog) only hides rows that do not match the filter form, using the rows' ``data-topic``,
``data-level``, ``data-time`` and ``data-language`` attributes.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

from courseware.i18n.catalogs import plural_forms
from courseware.i18n.formatting import (
    format_day,
    format_duration,
    language_name,
    list_separator,
)
from courseware.registry.licenses import LICENSES
from courseware.registry.load import Registry
from courseware.registry.modules import Module
from courseware.site.render.catalog import audience_label
from courseware.site.render.html import attributes, escape, json_ld
from courseware.site.render.localized import localized
from courseware.textfields import text_in

Translate = Callable[[str], str]

TIME_LIMITS_MINUTES = (30, 45, 60, 90, 120)
"""The "up to" choices of the index's time filter; a module fits every limit at or above it."""

FILTER_SCRIPT = "assets/courseware/table-filter.js"
"""The shared table filter (owned by the catalog pages), relative to the site root."""


def level_label(level: str, gettext: Translate) -> str:
    """The reader-facing name of a module level."""
    labels = {
        "introductory": gettext("Introductory"),
        "intermediate": gettext("Intermediate"),
        "advanced": gettext("Advanced"),
    }
    return labels.get(level, level)


def life_cycle_label(stage: str, gettext: Translate) -> str:
    """The reader-facing name of a life-cycle stage."""
    labels = {
        "draft": gettext("Draft"),
        "beta": gettext("Beta"),
        "stable": gettext("Stable"),
        "retired": gettext("Retired"),
    }
    return labels.get(stage, stage)


def _text(value: str | dict[str, str], language: str, module: Module) -> str:
    return text_in(value, language, module.spec.source_language)


def _shown(value: str | dict[str, str], language: str, module: Module) -> str:
    """Escaped HTML of a module's field, marked with its language when not translated."""
    return localized(value, language, module.spec.source_language)


def _definition(term: str, html_value: str) -> str:
    return f"<dt>{escape(term)}</dt><dd>{html_value}</dd>"


def _list(items: Iterable[str]) -> str:
    """A ``<ul>`` of already-escaped HTML items."""
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def _prerequisite_links(
    module: Module, registry: Registry, language: str, gettext: Translate
) -> str:
    modules = registry.modules_by_id
    links = []
    for prerequisite in module.spec.prerequisites:
        found = modules.get(prerequisite)
        if found is None:
            links.append(escape(prerequisite))
            continue
        title = _shown(found.spec.title, language, found)
        links.append(f'<a href="../{escape(prerequisite)}/">{title}</a>')
    return _list(links) if links else escape(gettext("None"))


def _languages(codes: Iterable[str], language: str) -> str:
    return escape(list_separator(language).join(language_name(c, language) for c in codes))


def _license_link(spdx: str) -> str:
    terms = LICENSES[spdx]
    return f'<a rel="license" href="{escape(terms.url)}">{escape(terms.name)}</a>'


def render_module_card(
    module: Module, registry: Registry, language: str, gettext: Translate
) -> str:
    """The card shown above a module's text at ``modules/<id>/``, plus its JSON-LD.

    Links: prerequisites as ``../<id>/`` and labs as ``../../labs/<lab-id>/``.
    """
    spec = module.spec
    time = spec.time
    duration = gettext("{total} ({teaching} teaching, {exercises} exercises)").format(
        total=format_duration(time.total_minutes, gettext),
        teaching=format_duration(time.teaching_minutes, gettext),
        exercises=format_duration(time.exercises_minutes, gettext),
    )
    objectives = [_shown(o, language, module) for o in spec.learning_objectives]
    labs = [f'<a href="../../labs/{escape(lab)}/">{escape(lab)}</a>' for lab in spec.labs]
    reviewed = spec.last_reviewed.isoformat()
    rows = [
        _definition(gettext("Time"), escape(duration)),
        _definition(gettext("Level"), escape(level_label(spec.level, gettext))),
        _definition(
            gettext("Audience"),
            escape(
                list_separator(language).join(audience_label(a, gettext) for a in spec.audience)
            ),
        ),
        _definition(
            gettext("Prerequisites"), _prerequisite_links(module, registry, language, gettext)
        ),
        _definition(gettext("Learning objectives"), _list(objectives)),
        _definition(gettext("Labs"), _list(labs) if labs else escape(gettext("None"))),
        _definition(gettext("Languages available"), _languages(module.languages, language)),
        _definition(gettext("Licence"), _license_link(spec.license)),
        _definition(
            gettext("Last reviewed"),
            f'<time datetime="{escape(reviewed)}">'
            f"{escape(format_day(spec.last_reviewed, language))}</time>",
        ),
        _definition(gettext("Status"), escape(life_cycle_label(spec.life_cycle, gettext))),
    ]
    kit = gettext("Teaching kit: notes, timing, materials and answers")
    rows.append(_definition(gettext("For educators"), f'<a href="teaching/">{escape(kit)}</a>'))
    label = attributes({"aria-label": gettext("About this module")})
    card = f'<aside class="cw-module-card"{label}><dl>' + "".join(rows) + "</dl></aside>"
    return card + "\n" + json_ld(module_json_ld(module, registry, language))


def module_json_ld(module: Module, registry: Registry, language: str) -> dict[str, Any]:
    """A schema.org LearningResource (LRMI) describing the module as shown in ``language``."""
    spec = module.spec
    shown = language if language in module.languages else spec.source_language
    topics = {topic.id: topic for topic in registry.topics}
    modules = registry.modules_by_id
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "LearningResource",
        "identifier": spec.id,
        "name": _text(spec.title, language, module),
        "description": _text(spec.summary, language, module),
        "inLanguage": shown,
        "learningResourceType": "module",
        "teaches": [_text(o, language, module) for o in spec.learning_objectives],
        "educationalLevel": spec.level,
        "timeRequired": f"PT{spec.time.total_minutes}M",
        "audience": [{"@type": "EducationalAudience", "educationalRole": a} for a in spec.audience],
        "keywords": [text_in(topics[t].title, language) if t in topics else t for t in spec.topics],
        "license": LICENSES[spec.license].url,
        "author": [{"@type": "Person", "name": a.name} for a in spec.authors],
        "dateModified": spec.last_reviewed.isoformat(),
        "creativeWorkStatus": spec.life_cycle,
        "isAccessibleForFree": True,
    }
    if spec.prerequisites:
        data["competencyRequired"] = [
            _text(modules[p].spec.title, language, modules[p]) if p in modules else p
            for p in spec.prerequisites
        ]
    if spec.based_on:
        data["isBasedOn"] = [
            {"@type": "CreativeWork", "name": s.title, **({"url": s.url} if s.url else {})}
            for s in spec.based_on
        ]
    return data


def _time_limits(minutes: int) -> str:
    return " ".join(str(limit) for limit in TIME_LIMITS_MINUTES if minutes <= limit)


def _select(name: str, label: str, options: Iterable[tuple[str, str]], gettext: Translate) -> str:
    choices = [f'<option value="">{escape(gettext("All"))}</option>']
    choices += [f'<option value="{escape(v)}">{escape(text)}</option>' for v, text in options]
    return (
        f'<label>{escape(label)} <select name="{escape(name)}">{"".join(choices)}</select></label>'
    )


def _filter_form(registry: Registry, language: str, gettext: Translate) -> str:
    """The filter controls; hidden until the shared script enables them."""
    used_topics = {t for m in registry.modules for t in m.spec.topics}
    topics = [(t.id, text_in(t.title, language)) for t in registry.topics if t.id in used_topics]
    levels = [
        (level, level_label(level, gettext))
        for level in ("introductory", "intermediate", "advanced")
        if any(m.spec.level == level for m in registry.modules)
    ]
    times = [
        (str(limit), gettext("Up to {duration}").format(duration=format_duration(limit, gettext)))
        for limit in TIME_LIMITS_MINUTES
    ]
    used_languages = {code for m in registry.modules for code in m.languages}
    languages = [
        (code, language_name(code, language))
        for code in registry.language_codes
        if code in used_languages
    ]
    selects = [
        _select("topic", gettext("Topic"), topics, gettext),
        _select("level", gettext("Level"), levels, gettext),
        _select("time", gettext("Time"), times, gettext),
        _select("language", gettext("Language"), languages, gettext),
    ]
    status = '<p class="cw-filter-status" role="status" aria-live="polite"></p>'
    counted = plural_forms(language, "{shown} of {total} shown", "{shown} of {total} shown")
    data_status = attributes({"data-status": json.dumps(counted, ensure_ascii=False)})
    legend = escape(gettext("Filter the modules"))
    return (
        f'<form class="cw-filter" data-filter-for="#cw-module-index" hidden{data_status}>'
        f"<fieldset><legend>{legend}</legend>" + "".join(selects) + f"</fieldset>{status}</form>"
    )


def _index_row(module: Module, registry: Registry, language: str, gettext: Translate) -> str:
    spec = module.spec
    topics = {topic.id: topic for topic in registry.topics}
    data = attributes(
        {
            "data-topic": " ".join(spec.topics),
            "data-level": spec.level,
            "data-minutes": module.total_minutes,
            "data-time": _time_limits(module.total_minutes),
            "data-language": " ".join(module.languages),
        }
    )
    title = _shown(spec.title, language, module)
    summary = _shown(spec.summary, language, module)
    topic_names = list_separator(language).join(
        localized(topics[t].title, language, "en") if t in topics else escape(t)
        for t in spec.topics
    )
    cells = [
        f'<th scope="row"><a href="{escape(spec.id)}/">{title}</a>'
        f'<br><span class="cw-summary">{summary}</span></th>',
        f"<td>{escape(level_label(spec.level, gettext))}</td>",
        f'<td data-sort="{module.total_minutes}">'
        f"{escape(format_duration(module.total_minutes, gettext))}</td>",
        f"<td>{topic_names}</td>",
        f"<td>{_languages(module.languages, language)}</td>",
    ]
    return f"<tr{data}>" + "".join(cells) + "</tr>"


def render_module_index(registry: Registry, language: str, gettext: Translate) -> str:
    """The module index at ``modules/``: filter form, complete table, and the filter script.

    Retired modules are left out; module pages are linked as ``<id>/``.
    """
    modules = [m for m in registry.modules if m.spec.life_cycle != "retired"]
    headings = [
        gettext("Module"),
        gettext("Level"),
        gettext("Time"),
        gettext("Topics"),
        gettext("Languages"),
    ]
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in headings)
    rows = "".join(_index_row(m, registry, language, gettext) for m in modules)
    caption = escape(gettext("Teaching modules"))
    table = (
        f'<table id="cw-module-index" class="cw-module-index" data-filterable="">'
        f"<caption>{caption}</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )
    script = f'<script src="../{FILTER_SCRIPT}" defer></script>'
    return "\n\n".join([_filter_form(registry, language, gettext), table, script]) + "\n"

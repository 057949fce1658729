"""The catalog of external courses and workshops, and one page per offering.

The catalog is a plain HTML table that reads completely without JavaScript; a small external
script (``assets/courseware/table-filter.js``) hides rows that do not match the filter form.
Every registry value is escaped; JSON-LD describes each offering as a schema.org Course with
a CourseInstance.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from babel.lists import format_list

from courseware.i18n.catalogs import plural_forms
from courseware.i18n.formatting import (
    country_name,
    format_partial_date,
    language_name,
    list_separator,
)
from courseware.registry.models import Dates, Offering
from courseware.site.render.html import attributes, element, escape, json_ld
from courseware.site.render.localized import heading_attributes, localized
from courseware.site.render.markdown_text import markdown_text
from courseware.textfields import text_in, text_language

Translate = Callable[[str], str]


def audience_label(audience: str, gettext: Translate) -> str:
    """The reader-facing name of an audience value."""
    labels = {
        "everyone": gettext("Everyone"),
        "k12": gettext("School students (K-12)"),
        "undergraduate": gettext("Undergraduate students"),
        "graduate": gettext("Graduate students"),
        "professional": gettext("Professionals"),
        "educators": gettext("Educators"),
    }
    return labels.get(audience, audience)


def kind_label(kind: str, gettext: Translate, plural: bool = False) -> str:
    """The reader-facing name of an offering kind."""
    if kind == "course":
        return gettext("Courses") if plural else gettext("Course")
    return gettext("Workshops") if plural else gettext("Workshop")


def mode_label(mode: str, gettext: Translate) -> str:
    """The reader-facing name of a delivery mode."""
    return {
        "online": gettext("Online"),
        "onsite": gettext("On site"),
        "hybrid": gettext("Hybrid"),
    }.get(mode, mode)


def describe_dates(dates: Dates, language: str, gettext: Translate) -> str:
    """Say when an offering runs, as precisely as the registry knows (plain text)."""
    if dates.term:
        text = dates.term
    elif dates.start and dates.ongoing:
        text = gettext("since {start}").format(start=format_partial_date(dates.start, language))
    elif dates.start and dates.end:
        start = format_partial_date(dates.start, language)
        text = f"{start} – {format_partial_date(dates.end, language)}"
    elif dates.start:
        text = format_partial_date(dates.start, language)
    else:
        text = dates.as_published or ""
    return text


def _list(items: Iterable[str], language: str) -> str:
    """Items joined as the reader's language joins a list (``inglés y español``, with the
    Arabic comma in Arabic), from CLDR."""
    shown = list(items)
    return format_list(shown, locale=language.replace("-", "_")) if shown else ""


def _languages(codes: Iterable[str], language: str) -> str:
    return _list((language_name(code, language) for code in codes), language)


def offering_row(offering: Offering, language: str, source: str, gettext: Translate) -> str:
    """One catalog table row; data-* attributes carry the filter values."""
    data = {
        "data-kind": offering.kind,
        "data-audience": " ".join(offering.audience),
        "data-language": " ".join(
            sorted(set(offering.language_of_instruction) | set(offering.language_of_materials))
        ),
    }
    organizations = (
        list_separator(language).join(escape(org.name) for org in offering.organizations) or "—"
    )
    title = localized(offering.title, language, source)
    name = f'<a href="../offerings/{escape(offering.id)}/">{title}</a>'
    if offering.subtitle:
        name += f"<br><small>{localized(offering.subtitle, language, source)}</small>"
    links = "<br>".join(_link(item.url, item.label, language, source) for item in offering.links)
    cells = [
        organizations,
        name,
        escape(describe_dates(offering.dates, language, gettext)),
        escape(_list((audience_label(a, gettext) for a in offering.audience), language)),
        escape(_languages(offering.language_of_instruction, language)),
        escape(_languages(offering.language_of_materials, language)),
        links or "—",
    ]
    return f"<tr{attributes(data)}>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>"


def _link(url: str, label: str | dict[str, str], language: str, source: str) -> str:
    return f'<a href="{escape(url)}" rel="noopener">{localized(label, language, source)}</a>'


def _table(
    offerings: list[Offering], kind: str, language: str, source: str, gettext: Translate
) -> str:
    headings = [
        gettext("Organization"),
        gettext("Name"),
        gettext("Dates"),
        gettext("Audience"),
        gettext("Language of instruction"),
        gettext("Language of materials"),
        gettext("Links"),
    ]
    head = "".join(element("th", h, scope="col") for h in headings)
    rows = "\n".join(offering_row(o, language, source, gettext) for o in offerings)
    label = escape(kind_label(kind, gettext, plural=True))
    return (
        f'<table id="catalog-{kind}" aria-label="{label}" data-filterable="">\n'
        f"<thead><tr>{head}</tr></thead>\n<tbody>\n{rows}\n</tbody>\n</table>"
    )


def _select(name: str, label: str, options: Sequence[tuple[str, str]], gettext: Translate) -> str:
    choices = [f'<option value="">{escape(gettext("All"))}</option>']
    choices += [f'<option value="{escape(v)}">{escape(text)}</option>' for v, text in options]
    return (
        f'<label>{escape(label)} <select name="{escape(name)}">'
        + "".join(choices)
        + "</select></label>"
    )


def filter_form(
    offerings: list[Offering], language: str, gettext: Translate, language_codes: Iterable[str]
) -> str:
    """The filter controls; hidden until the script enables them (useless without it)."""
    audiences = sorted({a for o in offerings for a in o.audience})
    used = {c for o in offerings for c in (*o.language_of_instruction, *o.language_of_materials)}
    languages = [code for code in language_codes if code in used]
    kinds = [(k, kind_label(k, gettext)) for k in ("course", "workshop")]
    audience_choices = [(a, audience_label(a, gettext)) for a in audiences]
    language_choices = [(c, language_name(c, language)) for c in languages]
    selects = [
        _select("kind", gettext("Kind"), kinds, gettext),
        _select("audience", gettext("Audience"), audience_choices, gettext),
        _select("language", gettext("Language"), language_choices, gettext),
    ]
    status = '<p class="cw-filter-status" role="status" aria-live="polite"></p>'
    # gettext calls stay outside f-strings: Babel cannot extract them from inside one.
    shown = json.dumps(
        plural_forms(language, "{shown} of {total} shown", "{shown} of {total} shown"),
        ensure_ascii=False,
    )
    legend = gettext("Filter the catalog")
    return (
        f'<form class="cw-filter" data-filter-for="table[data-filterable]" hidden'
        f"{attributes({'data-status': shown})}>"
        f"<fieldset><legend>{escape(legend)}</legend>"
        + "".join(selects)
        + f"</fieldset>{status}</form>"
    )


def render_catalog_page(
    offerings: Iterable[Offering],
    language: str,
    source: str,
    language_codes: Iterable[str],
    gettext: Translate,
) -> str:
    """The catalog page: an introduction, the filter form, then courses and workshops tables."""
    ordered = sorted(offerings, key=lambda o: (o.kind, text_in(o.title, source).lower()))
    courses = [o for o in ordered if o.kind == "course"]
    workshops = [o for o in ordered if o.kind == "workshop"]
    title = gettext("Catalog of TinyML courses and workshops")
    intro = gettext(
        "Courses and workshops on TinyML run by universities, companies and communities. "
        "Each row says who teaches it, for whom, and in which languages it is taught and its "
        "materials are written."
    )
    parts = [
        f"# {markdown_text(title)}",
        "",
        markdown_text(intro),
        "",
        filter_form(ordered, language, gettext, language_codes),
        "",
        f"## {markdown_text(kind_label('course', gettext, plural=True))}",
        "",
        _table(courses, "course", language, source, gettext),
        "",
        f"## {markdown_text(kind_label('workshop', gettext, plural=True))}",
        "",
        _table(workshops, "workshop", language, source, gettext),
        "",
        '<script src="../assets/courseware/table-filter.js" defer></script>',
        "",
    ]
    return "\n".join(parts)


def offering_json_ld(offering: Offering, source: str) -> dict[str, Any]:
    """schema.org Course with one CourseInstance describing this offering."""
    instance: dict[str, Any] = {"@type": "CourseInstance"}
    if offering.dates.start:
        instance["startDate"] = offering.dates.start
    if offering.dates.end:
        instance["endDate"] = offering.dates.end
    if offering.mode:
        instance["courseMode"] = {"onsite": "onsite", "online": "online", "hybrid": "blended"}[
            offering.mode
        ]
    instance["inLanguage"] = list(offering.language_of_instruction)
    if offering.location:
        place: dict[str, Any] = {"@type": "Place", "address": {"@type": "PostalAddress"}}
        place["address"]["addressCountry"] = offering.location.country
        if offering.location.city:
            place["address"]["addressLocality"] = offering.location.city
        instance["location"] = place
    course: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Course",
        "name": text_in(offering.title, source),
        "inLanguage": list(offering.language_of_materials),
        "availableLanguage": list(offering.language_of_instruction),
        "audience": [{"@type": "Audience", "audienceType": a} for a in offering.audience],
        "hasCourseInstance": [instance],
    }
    if offering.description:
        course["description"] = text_in(offering.description, source)
    if offering.organizations:
        course["provider"] = [
            {"@type": "Organization", "name": org.name, **({"url": org.url} if org.url else {})}
            for org in offering.organizations
        ]
    if offering.links:
        course["url"] = offering.links[0].url
    return course


def render_offering_page(offering: Offering, language: str, source: str, gettext: Translate) -> str:
    """One page per offering: its facts as a definition list, links, notes and JSON-LD."""
    title = text_in(offering.title, language, source)
    facts: list[tuple[str, str]] = [
        (gettext("Kind"), escape(kind_label(offering.kind, gettext))),
        (
            gettext("Organization"),
            list_separator(language).join(
                f'<a href="{escape(org.url)}" rel="noopener">{escape(org.name)}</a>'
                if org.url
                else escape(org.name)
                for org in offering.organizations
            )
            or "—",
        ),
        (gettext("Dates"), escape(describe_dates(offering.dates, language, gettext))),
        (
            gettext("Audience"),
            escape(_list((audience_label(a, gettext) for a in offering.audience), language)),
        ),
        (
            gettext("Language of instruction"),
            escape(_languages(offering.language_of_instruction, language)),
        ),
        (
            gettext("Language of materials"),
            escape(_languages(offering.language_of_materials, language)),
        ),
    ]
    if offering.dates.as_published:
        facts.append((gettext("Dates as published"), escape(offering.dates.as_published)))
    if offering.location:
        place = country_name(offering.location.country, language)
        if offering.location.city:
            place = f"{offering.location.city}, {place}"
        facts.append((gettext("Location"), escape(place)))
    if offering.mode:
        facts.append((gettext("Mode"), escape(mode_label(offering.mode, gettext))))
    rows = "\n".join(f"<dt>{escape(k)}</dt><dd>{v}</dd>" for k, v in facts)
    title_marks = heading_attributes(text_language(offering.title, language, source), language)
    parts = [f"# {markdown_text(title)}{title_marks}", ""]
    if offering.subtitle:
        subtitle = localized(offering.subtitle, language, source)
        parts += [f'<p class="cw-subtitle">{subtitle}</p>', ""]
    if offering.description:
        parts += [f"<p>{localized(offering.description, language, source)}</p>", ""]
    parts += [f'<dl class="cw-facts">\n{rows}\n</dl>', ""]
    if offering.links:
        items = "\n".join(
            f"<li>{_link(item.url, item.label, language, source)}</li>" for item in offering.links
        )
        parts += [f"## {markdown_text(gettext('Links'))}", "", f"<ul>\n{items}\n</ul>", ""]
    if offering.notes:
        items = "\n".join(f"<li>{localized(n, language, source)}</li>" for n in offering.notes)
        parts += [f"## {markdown_text(gettext('Notes'))}", "", f"<ul>\n{items}\n</ul>", ""]
    back = gettext("Back to the catalog")
    parts += [f'<p><a href="../../catalog/">{escape(back)}</a></p>', ""]
    parts += [json_ld(offering_json_ld(offering, source)), ""]
    return "\n".join(parts)

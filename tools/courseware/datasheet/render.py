"""Render a datasheet as a site page: Markdown headings (for the table of contents) around
raw HTML tables, laid out in the paper's four groups, with the validator's findings, the
computed environmental section, the risk profile and a link to the YAML.

Everything taken from the datasheet is HTML-escaped: contributed content is data. Every
label goes through ``gettext`` with a literal string so Babel can extract it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from urllib.parse import quote

from pydantic import BaseModel

from courseware.datasheet.environment import EnvironmentalSection
from courseware.datasheet.findings import Finding, Severity, count_by_severity
from courseware.datasheet.html_tables import (
    Gettext,
    TableRenderer,
    escape,
    escape_markdown,
)
from courseware.datasheet.messages import Markup, NumberFormat, english_number
from courseware.datasheet.risk import RiskProfile
from courseware.datasheet.schema import Datasheet
from courseware.footprint.page import block_headings, english_attributes


def _identity(text: str) -> str:
    return text


Plural = Callable[[str, str, int], str]
"""``ngettext``: the form of a counted string the reader's language asks for."""


def _english_plural(singular: str, plural: str, count: int) -> str:
    return singular if count == 1 else plural


PAGE_CLASS = "cw-datasheet"
"""Class of the page wrapper; the print stylesheet only applies inside it."""

# --- page --------------------------------------------------------------------------------


def _breakable_path(path: str) -> str:
    """``a.b[0]`` escaped, with a line-break opportunity (``<wbr>``) after each dot and before
    each index: a narrow column breaks a field path between its names, not inside them."""
    return escape(path).replace(".", ".<wbr>").replace("[", "<wbr>[")


def _group_blocks(
    sheet: Datasheet, g: Gettext
) -> list[tuple[str, list[tuple[str, BaseModel | None]]]]:
    s, i, a, m = sheet.standard_sensor, sheet.iot, sheet.ai, sheet.ml_sensor
    return [
        (
            g("Standard sensor datasheet components"),
            [
                (g("Description, features and use case"), s.description if s else None),
                (g("Compliance"), s.compliance if s else None),
                (g("Diagram and form factor"), s.form_factor if s else None),
                (g("Communication specification and pinout"), s.communication if s else None),
                (g("Hardware characteristics"), s.hardware if s else None),
            ],
        ),
        (
            g("IoT datasheet components"),
            [
                (g("IoT privacy and security"), i.privacy_security if i else None),
            ],
        ),
        (
            g("AI datasheet components"),
            [
                (g("Dataset characteristics"), a.dataset if a else None),
                (g("Model characteristics"), a.model if a else None),
            ],
        ),
        (
            g("Additional ML sensor datasheet components"),
            [
                (g("End-to-end performance analysis"), m.end_to_end if m else None),
                (g("Environmental impact"), m.environmental_impact if m else None),
            ],
        ),
    ]


@dataclass(frozen=True)
class PageLocale:
    """How a page in one language writes what is not a fixed label: counted strings
    (``ngettext``), numbers (a Babel pattern in the page's locale) and the marks of English
    text (`` lang="en"``, empty on an English page)."""

    ngettext: Plural = _english_plural
    number_format: NumberFormat = english_number
    marks: str = ""


def _finding_message(finding: Finding, g: Gettext, page: PageLocale) -> str:
    """The finding's message cell: translated when the catalog has its template (the data it
    quotes from the datasheet marked as English), else the English text marked as such."""
    if finding.text is None:
        return f"<td{page.marks}>{escape(finding.message)}</td>"
    markup = Markup(escape, lambda data: f"<span{page.marks}>{escape(data)}</span>")
    if not page.marks:
        markup = Markup(escape, escape)
    html, complete = finding.text.localised(g, page.number_format, markup)
    if not complete:
        return f"<td{page.marks}>{escape(finding.message)}</td>"
    return f"<td>{html}</td>"


def _summary(
    counts: Mapping[Severity, int],
    ngettext: Plural,
    number_format: NumberFormat,
    g: Gettext = _identity,
) -> str:
    """``3 errors, 1 warning, 0 notes`` with each count's plural form in the page's language."""

    def count(value: int) -> str:
        return number_format(Decimal(value), "#,##0")

    errors = ngettext("{count} error", "{count} errors", counts["error"])
    warnings = ngettext("{count} warning", "{count} warnings", counts["warning"])
    notes = ngettext("{count} note", "{count} notes", counts["info"])
    # The list's punctuation is the language's too (Arabic writes "،").
    return g("{errors}, {warnings}, {notes}").format(
        errors=errors.format(count=count(counts["error"])),
        warnings=warnings.format(count=count(counts["warning"])),
        notes=notes.format(count=count(counts["info"])),
    )


def _findings_section(
    findings: list[Finding], g: Gettext, page: PageLocale, shows_findings: bool = False
) -> str:
    summary = _summary(count_by_severity(findings), page.ngettext, page.number_format, g)
    heading = g("Validator findings")
    lines = [
        f"## {escape_markdown(heading)}",
        "",
    ]
    if shows_findings:
        purpose = g(
            "This datasheet is re-typed as it was published, without corrections. The findings "
            "below are the published sheet's own inconsistencies and gaps: finding them is the "
            "point of this example."
        )
        lines += [f'<p class="cw-ds-purpose">{escape(purpose)}</p>', ""]
    lines += [
        f'<p class="cw-ds-summary">{escape(summary)}</p>',
        "",
    ]
    if findings:
        head = "".join(
            f'<th scope="col">{escape(h)}</th>'
            for h in (g("Severity"), g("Line"), g("Field"), g("Message"), g("Check"))
        )
        severity_names = {"error": g("error"), "warning": g("warning"), "info": g("note")}
        rows = "".join(
            f'<tr class="cw-ds-{escape(f.severity)}"><td>{escape(severity_names[f.severity])}</td>'
            f"<td>{escape(f.line or '')}</td><td><code>{_breakable_path(f.field)}</code></td>"
            f"{_finding_message(f, g, page)}<td><code>{escape(f.check)}</code></td></tr>"
            for f in findings
        )
        lines += [
            f'<table class="cw-ds-findings"><thead><tr>{head}</tr></thead>'
            f"<tbody>{rows}</tbody></table>",
            "",
        ]
    return "\n".join(lines)


def _environment_section(section: EnvironmentalSection, g: Gettext, marks: str) -> str:
    report = section.report
    headings = block_headings(g)
    head = "".join(
        f'<th scope="col">{escape(h)}</th>' for h in (g("Block"), g("Choice"), g("kg CO2e"))
    )
    computed = g("computed")
    rows = "".join(
        f'<tr><th scope="row">{escape(headings.get(b.key, b.heading))}</th>'
        f"<td>{escape(b.option_label or computed)}</td>"
        f"<td>{escape(f'{b.kg_co2e:.2f}')}</td></tr>"
        for b in report.enabled_blocks
    )
    total = (
        f'<tr><th scope="row">{escape(g("Total"))}</th><td></td>'
        f"<td>{escape(f'{report.total_kg_co2e:.2f}')}</td></tr>"
    )
    use = section.use_stage
    years = g("years")
    facts = (
        f"{use.power_mw:g} mW ({section.power_source}) × {use.duty_cycle:g} × "
        f"{use.lifetime_years:g} {years} = {use.energy_kwh:.3g} kWh × "
        f"{use.grid.kg_co2e_per_kwh:g} kg CO2e/kWh ({use.grid.region}; {use.grid.source})"
    )
    heading, use_stage = g("Computed footprint"), g("Use stage")
    method, coverage = g("Method"), g("Coverage")
    return "\n".join(
        [
            f"#### {escape_markdown(heading)}",
            "",
            f'<table class="cw-ds-rows"><thead><tr>{head}</tr></thead>'
            f"<tbody>{rows}{total}</tbody></table>",
            "",
            f"<p><strong>{escape(use_stage)}:</strong> {escape(facts)}</p>",
            f"<p><strong>{escape(method)}:</strong> "
            f"<span{marks}>{escape(section.method)}</span></p>",
            f"<p><strong>{escape(coverage)}:</strong> "
            f"<span{marks}>{escape(section.coverage)}</span></p>",
            "",
        ]
    )


def _risk_section(risk: RiskProfile, g: Gettext, marks: str) -> str:
    heading, overall = g("Materiality and risk profile"), g("Overall")
    lines = [
        f"## {escape_markdown(heading)}",
        "",
        '<p class="cw-ds-note">'
        + escape(
            g(
                "The five areas come from 'Materiality and Risk in the Age of Pervasive AI "
                "Sensors' (arXiv 2402.11183). The checklist and scores are this project's "
                "operationalisation of those areas, not the paper's own method: each item "
                "scores 0 (documented and mitigated), 1 (documented) or 2 (risky or not "
                "disclosed); an area scores the mean times 50, from 0 (best) to 100 (worst)."
            )
        )
        + "</p>",
        "",
        f'<p class="cw-ds-summary">{escape(overall)}: {risk.overall:.0f} / 100</p>',
        "",
    ]
    head = "".join(
        f'<th scope="col">{escape(h)}</th>'
        for h in (g("Area"), g("Question"), g("Score"), g("Evidence"))
    )
    rows = []
    for area in risk.areas:
        for index, item in enumerate(area.items):
            first = (
                (
                    f'<th scope="rowgroup" rowspan="{len(area.items)}">'
                    f"<span{marks}>{escape(area.title)}</span><br>{area.score:.0f} / 100</th>"
                )
                if index == 0
                else ""
            )
            rows.append(
                f"<tr>{first}<td{marks}>{escape(item.question)}</td><td>{item.score}</td>"
                f"<td{marks}>{escape(item.evidence)}</td></tr>"
            )
    lines += [
        f'<table class="cw-ds-risk"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>",
        "",
    ]
    return "\n".join(lines)


def render_datasheet_page(
    sheet: Datasheet,
    findings: Iterable[Finding],
    risk: RiskProfile | None,
    yaml_download_name: str,
    gettext: Gettext = _identity,
    environment: EnvironmentalSection | None = None,
    language: str = "en",
    ngettext: Plural = _english_plural,
    number_format: NumberFormat = english_number,
) -> str:
    """Return the page body (Markdown with raw HTML) for one datasheet.

    The labels, headings and the validator's messages are in the reader's language (a
    message whose template has no translation stays English); the datasheet's own text and
    the risk checklist are in English, and marked as such on a page in another language.

    Args:
        sheet: the datasheet.
        findings: the validator's findings for it, shown on the page.
        risk: its risk profile, or None to leave the section out.
        yaml_download_name: the file name (relative link) of the YAML shipped beside the page.
        gettext: translates the page's own labels.
        environment: the computed environmental section, when the sheet has a footprint.
        language: the page's language.
        ngettext: chooses the plural form of the findings' counts in the page's language.
        number_format: writes a number with a Babel pattern in the page's locale (the
            numbers in the validator's messages); English when not given.
    """
    g = gettext
    marks = english_attributes(language)
    page = PageLocale(ngettext, number_format, marks)
    r = TableRenderer(g, marks)
    title = sheet.title_page
    name = title.sensor_name if title and title.sensor_name else sheet.id
    found = list(findings)
    # The title stays outside the wrapper: MkDocs takes a page's title from a top-level h1.
    out = [f"# {escape_markdown(name)}", "", f'<div class="{PAGE_CLASS}" markdown="1">', ""]
    if sheet.illustrative:
        out += [
            '<p class="cw-ds-illustrative"><strong>'
            + escape(
                g(
                    "Illustrative example: this datasheet describes no real product and its "
                    "numbers were measured by no one."
                )
            )
            + "</strong></p>",
            "",
        ]
    href = escape(quote(yaml_download_name))
    out += [
        f'<p class="cw-ds-download"><a href="{href}" download>'
        + escape(g("Download the datasheet as YAML"))
        + "</a></p>",
        "",
    ]
    out.append(_findings_section(found, g, page, sheet.purpose == "shows-findings"))
    out += [_heading(2, g("Title page and versioning")), "", r.block(title), ""]
    for group_title, blocks in _group_blocks(sheet, g):
        out += [f"## {escape_markdown(group_title)}", ""]
        for block_title, block in blocks:
            out += [f"### {escape_markdown(block_title)}", "", r.block(block), ""]
    if environment is not None:
        out.append(_environment_section(environment, g, marks))
    extras = [
        (g("Bill of materials"), sheet.bill_of_materials),
        (g("User-study materials"), sheet.user_study_materials),
        (g("Maintenance"), sheet.maintenance),
    ]
    for extra_title, extra in extras:
        if extra is not None:
            out += [f"## {escape_markdown(extra_title)}", "", r.block(extra), ""]
    if sheet.acronyms:
        out += [_heading(2, g("Acronyms")), "", r.rows(list(sheet.acronyms)), ""]
    if risk is not None:
        out.append(_risk_section(risk, g, marks))
    if sheet.notes:
        out += [
            _heading(2, g("Notes on this file")),
            "",
            f"<div{marks}>{r.value(list(sheet.notes))}</div>",
            "",
        ]
    out += ["</div>", ""]
    return "\n".join(out)


@dataclass(frozen=True)
class GalleryEntry:
    """One datasheet in the gallery: its page link, names and finding counts."""

    page_url: str
    sensor_name: str
    sensor_type: str
    datasheet_version: str
    errors: int
    warnings: int
    infos: int
    illustrative: bool = False


def _heading(level: int, text: str) -> str:
    """A Markdown heading of ``text`` (a call, not an f-string, so Babel sees the gettext)."""
    return "#" * level + " " + escape_markdown(text)


def render_gallery_page(entries: Iterable[GalleryEntry], gettext: Gettext = _identity) -> str:
    """Return the gallery page body: every datasheet with its finding counts."""
    g = gettext
    head = "".join(
        f'<th scope="col">{escape(h)}</th>'
        for h in (g("Sensor"), g("Type"), g("Version"), g("Errors"), g("Warnings"), g("Notes"))
    )
    rows = []
    for e in sorted(entries, key=lambda e: e.sensor_name.lower()):
        tag = " <em>(" + escape(g("illustrative")) + ")</em>" if e.illustrative else ""
        rows.append(
            f'<tr><td><a href="{escape(quote(e.page_url, safe="/#"))}">{escape(e.sensor_name)}</a>'
            f"{tag}</td><td>{escape(e.sensor_type)}</td><td>{escape(e.datasheet_version)}</td>"
            f"<td>{e.errors}</td><td>{e.warnings}</td><td>{e.infos}</td></tr>"
        )
    return "\n".join(
        [
            _heading(1, g("ML sensor datasheets")),
            "",
            f'<div class="{PAGE_CLASS}-gallery" markdown="1">',
            "",
            "<p>"
            + escape(
                g(
                    "Datasheets for ML sensors, written as data and checked by the "
                    "validator. Counts are the validator's findings."
                )
            )
            + "</p>",
            "",
            f'<table class="cw-ds-gallery"><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>",
            "",
            "</div>",
            "",
        ]
    )


def datasheet_print_css() -> str:
    """A print stylesheet for datasheet pages only (scoped by the page wrapper class)."""
    return f"""/* Print stylesheet for ML sensor datasheet pages; only affects .{PAGE_CLASS}. */
@media print {{
  body:has(.{PAGE_CLASS}) .md-header,
  body:has(.{PAGE_CLASS}) .md-tabs,
  body:has(.{PAGE_CLASS}) .md-sidebar,
  body:has(.{PAGE_CLASS}) .md-footer,
  body:has(.{PAGE_CLASS}) .md-source-file {{ display: none !important; }}
  body:has(.{PAGE_CLASS}) .md-main__inner,
  body:has(.{PAGE_CLASS}) .md-content {{ margin: 0 !important; max-width: none !important; }}
  .{PAGE_CLASS} {{ font-size: 9.5pt; color: #000; }}
  .{PAGE_CLASS} h1 {{ font-size: 18pt; margin: 0 0 4pt; }}
  .{PAGE_CLASS} h2 {{ font-size: 13pt; border-bottom: 1pt solid #000; break-after: avoid; }}
  .{PAGE_CLASS} h3, .{PAGE_CLASS} h4 {{ font-size: 11pt; break-after: avoid; }}
  .{PAGE_CLASS} table {{ width: 100%; border-collapse: collapse; break-inside: avoid; }}
  .{PAGE_CLASS} th, .{PAGE_CLASS} td {{ border: 0.5pt solid #555; padding: 2pt 4pt;
    vertical-align: top; }}
  .{PAGE_CLASS} .cw-ds-specs td {{ text-align: right; font-variant-numeric: tabular-nums; }}
  .{PAGE_CLASS} .cw-ds-download {{ display: none; }}
  .{PAGE_CLASS} a {{ color: #000; text-decoration: none; }}
  .{PAGE_CLASS} .cw-ds-error td:first-child {{ font-weight: bold; }}
  @page {{ size: A4; margin: 15mm; }}
}}
"""

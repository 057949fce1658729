"""A track's syllabus as plain text, for the terminal (``courseware track show``): one row
per module or activity with cumulative time, then the licence and the credits.

The page's syllabus (``track_page``) and this one read the same syllabus rows from the
registry; this one is in English, for people at a terminal, with ids beside the titles.
"""

from __future__ import annotations

from courseware.i18n.formatting import format_duration
from courseware.registry.licenses import LICENSES
from courseware.registry.load import Registry
from courseware.registry.tracks import (
    Track,
    syllabus,
    total_minutes,
    track_attributions,
    track_license,
)
from courseware.textfields import text_in


def syllabus_text(found: Track, registry: Registry, language: str) -> str:
    """The syllabus as plain text: one row per module or activity, then licence and credits."""
    spec = found.spec
    modules = registry.modules_by_id
    source = registry.source_language.code
    lines = [
        f"{text_in(spec.title, language, source)} ({spec.id})",
        f"Language: {spec.language}  Audience: {', '.join(spec.audience)}  "
        f"Budget: {format_duration(spec.time_budget_minutes)}",
        "",
    ]
    unit = spec.schedule_unit.capitalize()
    rows = [(unit, "Module or activity", "Minutes", "Cumulative")]
    for row in syllabus(found, modules):
        if row.module is not None:
            what = f"{row.module.id}: {text_in(row.module.spec.title, language, source)}"
        else:
            what = text_in(row.activity or "", language, source)
        rows.append(
            (str(row.session), what, str(row.minutes), format_duration(row.cumulative_minutes))
        )
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    widths[1] = min(widths[1], 70)
    for cells in rows:
        what = cells[1] if len(cells[1]) <= 70 else cells[1][:69] + "…"
        lines.append(
            f"{cells[0]:>{widths[0]}}  {what:<{widths[1]}}  {cells[2]:>{widths[2]}}  {cells[3]}"
        )
    used = total_minutes(found, modules)
    left = spec.time_budget_minutes - used
    state = f"{format_duration(left)} left" if left >= 0 else f"{format_duration(-left)} over"
    lines += [
        "",
        f"Total: {format_duration(used)} of {format_duration(spec.time_budget_minutes)} ({state})",
    ]
    if spec.assumed_modules:
        lines.append(f"Assumed known: {', '.join(spec.assumed_modules)}")
    combined = track_license(found, modules)
    if combined.spdx:
        lines.append(
            f"Licence of the assembled track: {LICENSES[combined.spdx].name} "
            f"({LICENSES[combined.spdx].url})"
        )
    else:
        lines.append("Licence: the modules' licences conflict; see courseware validate")
    lines.append("Attributions:")
    for credit in track_attributions(found, modules):
        title = text_in(credit.module.spec.title, language, source)
        lines.append(
            f'  - "{title}" by {", ".join(credit.authors)}, {LICENSES[credit.license].name}'
        )
        for adapted in credit.adapted_sources:
            by = f" by {adapted.authors}" if adapted.authors else ""
            name = LICENSES[adapted.license].name if adapted.license else ""
            lines.append(f'    adapted from "{adapted.title}"{by}, {name}')
    return "\n".join(lines)

"""The problem-code reference: every code of ``courseware.problem_codes`` as one Markdown page.

``problem_codes_markdown`` is pure, so the site can stage the same page it renders here;
``make problem-codes`` writes it to ``docs/problem-codes.md`` in the repository, and a test
checks that the committed file is current.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from courseware.problem_codes import AREAS, CODES, UNCODED, ProblemCode

REFERENCE_FILE = Path("docs/problem-codes.md")
"""Where ``make problem-codes`` writes the reference, relative to the repository root."""


def problem_codes_markdown(codes: Iterable[ProblemCode] | None = None) -> str:
    """Return the reference page: per area, a table of code, slug and summary, then each code
    with an example message (marked as English, which the CLI prints) and its fix.

    Args:
        codes: The entries to list (default: the whole catalogue, in its order).
    """
    entries = list(CODES.values() if codes is None else codes)
    lines = [
        "# Problem codes",
        "",
        "<!-- Generated from tools/courseware/problem_codes.py by `make problem-codes`; "
        "do not edit. -->",
        "",
        "Every problem courseware reports ends with a code and a slug in brackets, such as "
        "`[CW-SCH-002 unknown-field]`. The wording of a message may improve; its code stays. "
        "Search this page for the code to read what it means and how to fix it.",
        "",
    ]
    for area, title in AREAS.items():
        in_area = [entry for entry in entries if entry.area == area]
        if in_area:
            lines += _area_section(area, title, in_area)
    return "\n".join(lines).rstrip() + "\n"


def _area_section(area: str, title: str, entries: Sequence[ProblemCode]) -> list[str]:
    lines = [f"## {title} ({area})", "", "| Code | Slug | Meaning |", "| --- | --- | --- |"]
    lines += [f"| {e.code} | `{e.slug}` | {_cell(e.summary)} |" for e in entries]
    lines.append("")
    for entry in entries:
        shown = entry.example if entry is UNCODED else f"{entry.example} [{entry}]"
        lines += [
            f"### {entry.code} {entry.slug} {{#{code_anchor(entry)}}}",
            "",
            entry.summary,
            "",
            '```{.text lang="en"}',  # printed in English: a reader in any language reads it
            shown,
            "```",
            "",
            f"**Fix:** {entry.fix}",
            "",
        ]
    return lines


def code_anchor(entry: ProblemCode) -> str:
    """The id of a code's heading (``cw-sch-002-unknown-field``), written into the page so
    that it is the same in every language, whatever a translated heading says."""
    return f"{entry.code.lower()}-{entry.slug}"


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return text.replace("|", "\\|")


def write_reference(root: Path) -> Path:
    """Write the reference to ``docs/problem-codes.md`` under ``root``; return its path."""
    target = root / REFERENCE_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(problem_codes_markdown(), encoding="utf-8")
    return target


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m courseware.problem_reference [ROOT]``: what ``make problem-codes`` runs."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    root = Path(arguments[0]) if arguments else Path.cwd()
    print(write_reference(root))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

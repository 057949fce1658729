"""The pre/post report an educator can attach to a grant report: Markdown, HTML and a plot.

Everything shown is computed in ``courseware.assess.statistics``; this module only lays it
out, says which definitions were used, and escapes every text it puts in HTML.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path

from courseware.assess.scoring import LearnerScore
from courseware.assess.statistics import (
    ItemStatistics,
    Matching,
    ObjectiveGain,
    item_statistics,
    match_by_pseudonym,
    objective_gains,
)

DEFINITIONS = (
    "Normalised gain g = (post − pre) / (100 − pre) on class means in percent (Hake 1998), "
    "over learners matched by pseudonym when any are, otherwise over every code of each "
    "test. Mean learner g is the average of per-learner gains (matched learners whose pre "
    "score is below 100). Difficulty p is the proportion right; discrimination is the "
    "corrected point-biserial correlation of the item with the rest of the form, both over "
    "every code of each test."
)


@dataclass(frozen=True)
class PrePostReport:
    """What ``assess report`` computed from a pre-test file and a post-test file."""

    pre_count: int
    post_count: int
    matching: Matching
    gains: tuple[ObjectiveGain, ...]
    pre_items: tuple[ItemStatistics, ...]
    post_items: tuple[ItemStatistics, ...]
    notes: tuple[str, ...]
    """Caveats worth printing, such as learners who took the same form twice."""
    tracks: tuple[str, ...] = ()
    """The tracks the codes belong to (one, when ``--track`` was given)."""


def build_report(pre: Sequence[LearnerScore], post: Sequence[LearnerScore]) -> PrePostReport:
    """Match, compute the gains and item statistics, and collect the caveats."""
    matching = match_by_pseudonym(pre, post)
    notes = [
        f"{a.pseudonym} took form {a.letter} for both tests (pre line {a.line}, post line "
        f"{b.line}); the forms should alternate"
        for a, b in matching.pairs
        if a.letter == b.letter
    ]
    if not matching.pairs:
        notes.append("No pseudonym matched a pre code to a post code; the means are of groups.")
    return PrePostReport(
        len(pre),
        len(post),
        matching,
        tuple(objective_gains(pre, post, matching)),
        tuple(item_statistics(pre)),
        tuple(item_statistics(post)),
        tuple(notes),
        tuple(dict.fromkeys(score.form.track for score in (*pre, *post))),
    )


def _number(value: float | None, digits: int = 1) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def _gain_rows(report: PrePostReport) -> list[list[str]]:
    return [
        [
            g.objective,
            str(g.learners),
            _number(g.pre_mean),
            _number(g.post_mean),
            _number(g.gain, 2),
            _number(g.mean_learner_gain, 2),
        ]
        for g in report.gains
    ]


def _item_rows(report: PrePostReport) -> list[list[str]]:
    rows = []
    for test, items in (("pre", report.pre_items), ("post", report.post_items)):
        rows += [
            [
                test,
                i.item,
                i.objective,
                str(i.learners),
                _number(i.difficulty, 2),
                _number(i.discrimination, 2),
            ]
            for i in items
        ]
    return rows


GAIN_HEADINGS = ["Objective", "Learners", "Pre mean %", "Post mean %", "g", "Mean learner g"]
ITEM_HEADINGS = ["Test", "Item", "Objective", "Learners", "Difficulty p", "Discrimination"]


def _summary(report: PrePostReport) -> str:
    tracks = ", ".join(report.tracks) or "none"
    return (
        f"Track: {tracks}. {report.pre_count} pre-test codes, {report.post_count} post-test codes, "
        f"{len(report.matching.pairs)} learners matched by pseudonym."
    )


def report_markdown(report: PrePostReport, plot_file: str | None = "gains.png") -> str:
    """The report as Markdown (tables escape ``|`` in texts)."""

    def table(headings: list[str], rows: list[list[str]]) -> list[str]:
        def cells(values: list[str]) -> str:
            return "| " + " | ".join(v.replace("|", "\\|") for v in values) + " |"

        return [
            cells(headings),
            "| " + " | ".join("---" for _ in headings) + " |",
            *map(cells, rows),
        ]

    lines = ["# Pre/post test report", "", _summary(report), "", DEFINITIONS, ""]
    lines += ["## Per objective", "", *table(GAIN_HEADINGS, _gain_rows(report)), ""]
    if plot_file:
        lines += [f"![Pre and post means per objective]({plot_file})", ""]
    lines += ["## Per item", "", *table(ITEM_HEADINGS, _item_rows(report)), ""]
    if report.notes:
        lines += ["## Notes", "", *(f"- {note}" for note in report.notes), ""]
    return "\n".join(lines)


def report_html(report: PrePostReport, plot_file: str | None = "gains.png") -> str:
    """The report as a standalone HTML page, every text escaped."""

    def table(headings: list[str], rows: list[list[str]]) -> str:
        head = "".join(f'<th scope="col">{escape(h)}</th>' for h in headings)
        body = "".join(
            "<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in rows
        )
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"

    parts = [
        '<!doctype html><html lang="en"><head><meta charset="utf-8">',
        "<title>Pre/post test report</title></head><body><main>",
        "<h1>Pre/post test report</h1>",
        f"<p>{escape(_summary(report))}</p><p>{escape(DEFINITIONS)}</p>",
        "<h2>Per objective</h2>",
        table(GAIN_HEADINGS, _gain_rows(report)),
    ]
    if plot_file:
        parts.append(f'<img src="{escape(plot_file)}" alt="Pre and post means per objective">')
    parts += ["<h2>Per item</h2>", table(ITEM_HEADINGS, _item_rows(report))]
    if report.notes:
        parts.append(
            "<h2>Notes</h2><ul>" + "".join(f"<li>{escape(n)}</li>" for n in report.notes) + "</ul>"
        )
    parts.append("</main></body></html>\n")
    return "".join(parts)


def plot_gains(report: PrePostReport, path: Path) -> None:
    """Bar chart of pre and post means per objective (matplotlib, no display needed)."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    names = [g.objective for g in report.gains]
    pre = [g.pre_mean or 0.0 for g in report.gains]
    post = [g.post_mean or 0.0 for g in report.gains]
    figure, axes = pyplot.subplots(figsize=(8, 0.5 * len(names) + 1.5))
    positions = range(len(names))
    axes.barh([p - 0.2 for p in positions], pre, height=0.4, label="pre")  # above post once
    axes.barh([p + 0.2 for p in positions], post, height=0.4, label="post")  # inverted
    axes.set_yticks(list(positions), names)
    axes.set_xlim(0, 100)
    axes.set_xlabel("mean % right")
    axes.invert_yaxis()
    axes.legend()
    figure.tight_layout()
    figure.savefig(path, dpi=100)
    pyplot.close(figure)


def write_report(report: PrePostReport, out: Path) -> list[Path]:
    """Write report.md, report.html and gains.png into ``out``; return the paths."""
    out.mkdir(parents=True, exist_ok=True)
    plot = out / "gains.png"
    plot_gains(report, plot)
    markdown = out / "report.md"
    markdown.write_text(report_markdown(report), encoding="utf-8")
    html = out / "report.html"
    html.write_text(report_html(report), encoding="utf-8")
    return [markdown, html, plot]

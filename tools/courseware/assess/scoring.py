"""Turn a file of result codes into per-learner, per-objective scores.

A codes file holds one code per line; blank lines and lines starting with ``#`` are skipped.
A code that cannot be read (bad check symbol, another track or form, an impossible answer) is
reported as one problem with its line number, and every other code is still scored.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from courseware import problem_codes as codes
from courseware.assess.bank import Item, MultipleChoice, SingleChoice, TrueFalse
from courseware.assess.codes import MARKED_RIGHT, CodeError, decode, forms_by_hash
from courseware.assess.forms import Form, FormLetter
from courseware.errors import Problem
from courseware.problem_codes import ProblemCode
from courseware.yamlsafe import decode_text


def is_correct(item: Item, value: int) -> bool:
    """Whether an answer field holds the right answer (a blank is not right)."""
    if isinstance(item, SingleChoice):
        return value > 0 and item.options[value - 1].correct
    if isinstance(item, MultipleChoice):
        width = len(item.options)
        chosen = {i for i in range(width) if value >> (width - 1 - i) & 1}
        return value != 0 and chosen == {i for i, o in enumerate(item.options) if o.correct}
    if isinstance(item, TrueFalse):
        return value == (1 if item.answer else 2)
    return value == MARKED_RIGHT


@dataclass(frozen=True)
class LearnerScore:
    """One learner's scored code: right or wrong per item, percentages per objective."""

    line: int
    pseudonym: str
    form: Form
    correct: tuple[bool, ...]
    """One entry per item of ``form``, in form order."""

    @property
    def letter(self) -> FormLetter:
        """The form's letter."""
        return self.form.letter

    @property
    def by_item(self) -> dict[str, bool]:
        """Right or wrong by ``module/item`` key."""
        return {entry.key: ok for entry, ok in zip(self.form.items, self.correct, strict=True)}

    @property
    def objective_percent(self) -> dict[str, float]:
        """Percentage right per ``module/objective``, in form order."""
        totals: dict[str, list[int]] = {}
        for entry, ok in zip(self.form.items, self.correct, strict=True):
            right, count = totals.setdefault(entry.objective_key, [0, 0])
            totals[entry.objective_key] = [right + ok, count + 1]
        return {key: 100 * right / count for key, (right, count) in totals.items()}

    @property
    def total_percent(self) -> float:
        """Percentage of the form's items answered right."""
        return 100 * sum(self.correct) / len(self.correct) if self.correct else 0.0


def score_codes(
    text: str,
    file_name: str,
    forms: Sequence[Form],
    *,
    track: str | None = None,
    letter: FormLetter | None = None,
) -> tuple[list[LearnerScore], list[Problem]]:
    """Score every code of a codes file's ``text``; report each unreadable one by line.

    Args:
        text: the file's text.
        file_name: the name problems show.
        forms: every form a code may belong to.
        track: when given, codes of other tracks are problems.
        letter: when given, codes of the other form are problems.
    """
    lookup = forms_by_hash(forms)
    scores: list[LearnerScore] = []
    problems: list[Problem] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        try:
            code, form = decode(line, lookup)
        except CodeError as error:
            refusal: tuple[str, ProblemCode] | None = (str(error), codes.UNREADABLE_RESULT_CODE)
        else:
            refusal = _elsewhere(form, track, letter)
        if refusal is not None:
            message, kind = refusal
            problems.append(Problem(file_name, number, None, f"{line}: {message}", code=kind))
            continue
        correct = tuple(
            is_correct(entry.item, value)
            for entry, value in zip(form.items, code.answers, strict=True)
        )
        scores.append(LearnerScore(number, code.pseudonym, form, correct))
    return scores, problems


def _elsewhere(form: Form, track: str | None, letter: str | None) -> tuple[str, ProblemCode] | None:
    """Why a readable code is not one of those being scored, or None."""
    if track is not None and form.track != track:
        return f"the code is from track {form.track!r}, not {track!r}", codes.RESULT_CODE_ELSEWHERE
    if letter is not None and form.letter != letter:
        return f"the code is from form {form.letter}, not {letter}", codes.RESULT_CODE_ELSEWHERE
    return None


def read_codes_file(
    path: Path,
    forms: Sequence[Form],
    *,
    track: str | None = None,
    letter: FormLetter | None = None,
) -> tuple[list[LearnerScore], list[Problem]]:
    """Read and score a codes file (UTF-8; a byte-order mark is accepted)."""
    text, problems = decode_text(path.read_bytes(), str(path))
    if text is None:
        return [], problems
    return score_codes(text, str(path), forms, track=track, letter=letter)


def objective_columns(scores: Sequence[LearnerScore]) -> list[str]:
    """Every ``module/objective`` the scores cover, in the order first met."""
    keys: dict[str, None] = {}
    for score in scores:
        keys.update(dict.fromkeys(score.objective_percent))
    return list(keys)


def scores_csv(scores: Sequence[LearnerScore]) -> str:
    """The table ``assess score`` writes: one row per learner, one column per objective."""
    columns = objective_columns(scores)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["line", "pseudonym", "track", "form", "items", "correct", "percent", *columns])
    for score in scores:
        percent: Mapping[str, float] = score.objective_percent
        writer.writerow(
            [
                score.line,
                score.pseudonym,
                score.form.track,
                score.letter,
                len(score.correct),
                sum(score.correct),
                f"{score.total_percent:.1f}",
                *(f"{percent[c]:.1f}" if c in percent else "" for c in columns),
            ]
        )
    return out.getvalue()

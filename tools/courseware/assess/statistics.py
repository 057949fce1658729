"""Pre/post statistics: normalised gain per objective, and classical item statistics.

Normalised gain is Hake's (R. R. Hake, "Interactive-engagement versus traditional methods",
American Journal of Physics 66, 64, 1998, https://doi.org/10.1119/1.18809): on class means
of percentages, ``g = (post - pre) / (100 - pre)``, undefined when the pre mean is 100. It is
computed over the learners matched by pseudonym when there are any, and over every code of
each test otherwise (then the two means are of different groups, as Hake's were). The
average of per-learner gains is reported beside it, labelled, over matched learners whose
pre score is below 100.

Item statistics are classical test theory: difficulty ``p`` is the proportion of learners
who answered right; discrimination is the corrected point-biserial correlation, between the
item (0/1) and the learner's score on the *other* items of the form, undefined when either
has no variance.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from courseware.assess.scoring import LearnerScore


def hake_gain(pre_percent: float, post_percent: float) -> float | None:
    """Hake's normalised gain of two means in percent; None when ``pre`` is 100."""
    if pre_percent >= 100:
        return None
    return (post_percent - pre_percent) / (100 - pre_percent)


def _mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


@dataclass(frozen=True)
class ObjectiveGain:
    """Pre and post means of one objective, with the gains."""

    objective: str
    learners: int
    """Learners counted: matched pairs, or the smaller of the two groups when unmatched."""
    pre_mean: float | None
    post_mean: float | None
    gain: float | None
    """Hake's g on the class means."""
    mean_learner_gain: float | None
    """The average of per-learner g (matched learners only)."""


@dataclass(frozen=True)
class Matching:
    """Pre and post codes paired by pseudonym, with what could not be paired."""

    pairs: tuple[tuple[LearnerScore, LearnerScore], ...]
    unmatched_pre: tuple[LearnerScore, ...]
    unmatched_post: tuple[LearnerScore, ...]


def match_by_pseudonym(pre: Sequence[LearnerScore], post: Sequence[LearnerScore]) -> Matching:
    """Pair each pseudonym's pre code with its post code; codes without one stay unpaired.

    A pseudonym used twice in one test cannot be paired and is left unmatched.
    """

    def unique(scores: Sequence[LearnerScore]) -> dict[str, LearnerScore]:
        counts: dict[str, int] = {}
        for score in scores:
            if score.pseudonym:
                counts[score.pseudonym] = counts.get(score.pseudonym, 0) + 1
        return {s.pseudonym: s for s in scores if s.pseudonym and counts[s.pseudonym] == 1}

    before, after = unique(pre), unique(post)
    names = [name for name in before if name in after]
    paired = set(names)
    return Matching(
        tuple((before[name], after[name]) for name in names),
        tuple(s for s in pre if s.pseudonym not in paired),
        tuple(s for s in post if s.pseudonym not in paired),
    )


def objective_gains(
    pre: Sequence[LearnerScore], post: Sequence[LearnerScore], matching: Matching
) -> list[ObjectiveGain]:
    """Per objective (in the order first met), the means and gains described above."""
    objectives: dict[str, None] = {}
    for score in (*pre, *post):
        objectives.update(dict.fromkeys(score.objective_percent))
    results = []
    for objective in objectives:
        if matching.pairs:
            pairs = [
                (a.objective_percent[objective], b.objective_percent[objective])
                for a, b in matching.pairs
                if objective in a.objective_percent and objective in b.objective_percent
            ]
            pre_mean = _mean([a for a, _ in pairs])
            post_mean = _mean([b for _, b in pairs])
            learner_gains = [g for a, b in pairs if (g := hake_gain(a, b)) is not None]
            count = len(pairs)
            mean_learner = _mean(learner_gains)
        else:
            before = [
                s.objective_percent[objective] for s in pre if objective in s.objective_percent
            ]
            after = [
                s.objective_percent[objective] for s in post if objective in s.objective_percent
            ]
            pre_mean, post_mean = _mean(before), _mean(after)
            count, mean_learner = min(len(before), len(after)), None
        gain = None
        if pre_mean is not None and post_mean is not None:
            gain = hake_gain(pre_mean, post_mean)
        results.append(ObjectiveGain(objective, count, pre_mean, post_mean, gain, mean_learner))
    return results


@dataclass(frozen=True)
class ItemStatistics:
    """Classical statistics of one item on one test (pre or post)."""

    item: str
    objective: str
    learners: int
    difficulty: float
    """Proportion right, 0 to 1 (higher is easier)."""
    discrimination: float | None
    """Corrected point-biserial correlation; None without variance."""


def _correlation(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    n = len(xs)
    if n < 2:
        return None
    mean_x, mean_y = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mean_x) ** 2 for x in xs)
    syy = sum((y - mean_y) ** 2 for y in ys)
    if sxx == 0 or syy == 0:
        return None
    sxy = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    return sxy / math.sqrt(sxx * syy)


def item_statistics(scores: Sequence[LearnerScore]) -> list[ItemStatistics]:
    """Difficulty and discrimination of every item the scores cover, in form order."""
    rows: dict[str, list[tuple[int, int]]] = {}
    objectives: dict[str, str] = {}
    for score in scores:
        total = sum(score.correct)
        for entry, ok in zip(score.form.items, score.correct, strict=True):
            rows.setdefault(entry.key, []).append((int(ok), total - int(ok)))
            objectives[entry.key] = entry.objective_key
    result = []
    for key, pairs in rows.items():
        item_scores = [float(a) for a, _ in pairs]
        rest = [float(b) for _, b in pairs]
        result.append(
            ItemStatistics(
                key,
                objectives[key],
                len(pairs),
                sum(item_scores) / len(pairs),
                _correlation(item_scores, rest),
            )
        )
    return result

"""A synthetic cohort of result codes for one track, to try ``courseware assess report`` on.

Invented learners, not data: each has an ability, each item a difficulty, and a learner
answers right with the logistic probability of their difference (a one-parameter item
response model); the post-test adds a gain to every ability. Half the group takes form A
first and B second, the other half B then A, as the track page tells educators to do. Seeded,
so the same command writes the same files.

    .venv/bin/python bench/synthetic_cohort.py two-hour-workshop --out /tmp/cohort
    .venv/bin/courseware assess report /tmp/cohort/first.txt /tmp/cohort/second.txt \
        --track two-hour-workshop --out /tmp/cohort/report
"""

from __future__ import annotations

import argparse
import math
import random
from pathlib import Path

from courseware.assess.bank import Item, MultipleChoice, SingleChoice, TrueFalse
from courseware.assess.codes import ALPHABET, MARKED_RIGHT, MARKED_WRONG, encode
from courseware.assess.forms import Form
from courseware.assess.kit import load_kit

REPOSITORY = Path(__file__).resolve().parents[1]


def _field(item: Item, is_right: bool, chooser: random.Random) -> int:
    """The code field of a right or a wrong answer to ``item``."""
    if isinstance(item, SingleChoice):
        numbers = [n for n, o in enumerate(item.options, start=1) if o.correct == is_right]
        return chooser.choice(numbers)
    if isinstance(item, MultipleChoice):
        width = len(item.options)
        right = sum(1 << (width - 1 - n) for n, o in enumerate(item.options) if o.correct)
        if is_right:
            return right
        return chooser.choice([v for v in range(1, 1 << width) if v != right])
    if isinstance(item, TrueFalse):
        return 1 if item.answer == is_right else 2
    return MARKED_RIGHT if is_right else MARKED_WRONG


def _code(
    form: Form, ability: float, difficulty: dict[str, float], name: str, rng: random.Random
) -> str:
    answers = []
    for entry in form.items:
        chance = 1 / (1 + math.exp(difficulty[entry.key] - ability))
        answers.append(_field(entry.item, rng.random() < chance, rng))
    return encode(form, answers, name)


def write_cohort(track: str, out: Path, learners: int = 24, gain: float = 1.2) -> None:
    """Write ``first.txt`` and ``second.txt`` (one code a line) under ``out``."""
    kit = load_kit(REPOSITORY)
    forms = kit.forms[track]
    rng = random.Random(f"{track}/{learners}/{gain}")
    difficulty = {e.key: rng.gauss(0.3, 0.8) for form in forms for e in form.items}
    first, second = [], []
    for number in range(learners):
        name = "".join(rng.choice(ALPHABET) for _ in range(5))
        ability = rng.gauss(-0.4, 1.0)
        before, after = forms if number % 2 == 0 else forms[::-1]
        first.append(_code(before, ability, difficulty, name, rng))
        if rng.random() < 0.85:  # some learners miss the second test
            second.append(_code(after, ability + rng.gauss(gain, 0.4), difficulty, name, rng))
    out.mkdir(parents=True, exist_ok=True)
    (out / "first.txt").write_text("\n".join(first) + "\n", encoding="utf-8")
    (out / "second.txt").write_text("\n".join(second) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("track")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--learners", type=int, default=24)
    arguments = parser.parse_args()
    write_cohort(arguments.track, arguments.out, arguments.learners)


if __name__ == "__main__":
    main()

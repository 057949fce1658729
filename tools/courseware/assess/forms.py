"""Parallel pre/post forms A and B of a track, built from its modules' banks.

For each objective of each module in the track, the items that check it are shuffled with a
generator seeded by the track, module and objective ids (SHA-256, so the split is the same
on every machine and Python version), then dealt alternately to A and B. An odd item out is
left out of both, so the two forms test every objective with the same number of items and
share none. Educators give form A before and B after to half the group, and the other way
round to the other half, so a difference between the forms does not pass for learning.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from courseware.assess.bank import Bank, Item
from courseware.registry.tracks import Track
from courseware.textfields import text_in

FormLetter = Literal["A", "B"]
FORM_LETTERS: tuple[FormLetter, FormLetter] = ("A", "B")


@dataclass(frozen=True)
class FormItem:
    """One item of a form, with the module and objective it comes from."""

    module: str
    item: Item
    source_language: str = "en"

    def text(self, value: str | dict[str, str], language: str) -> str:
        """``value`` in ``language``, falling back to the module's source language."""
        return text_in(value, language, self.source_language)

    @property
    def objective(self) -> str:
        """The objective's id (unique within its module)."""
        return self.item.objective

    @property
    def key(self) -> str:
        """``module/item``: the item's name in reports and exports."""
        return f"{self.module}/{self.item.id}"

    @property
    def objective_key(self) -> str:
        """``module/objective``: the objective's name in reports."""
        return f"{self.module}/{self.item.objective}"


@dataclass(frozen=True)
class Form:
    """One of the two parallel forms of a track's test."""

    track: str
    letter: FormLetter
    items: tuple[FormItem, ...]

    @property
    def objectives(self) -> tuple[str, ...]:
        """The ``module/objective`` keys the form tests, in form order, each once."""
        return tuple(dict.fromkeys(entry.objective_key for entry in self.items))


def _seeded(*parts: str) -> random.Random:
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def build_forms(track: Track, banks: Mapping[str, Bank]) -> tuple[Form, Form]:
    """Forms A and B of ``track``; modules without a bank contribute nothing."""
    dealt: dict[FormLetter, list[FormItem]] = {"A": [], "B": []}
    for module_id in dict.fromkeys(track.module_ids):
        bank = banks.get(module_id)
        if bank is None:
            continue
        for objective in bank.module.spec.objective_ids:
            items = sorted(
                (item for item in bank.items if item.objective == objective),
                key=lambda item: item.id,
            )
            _seeded(track.id, module_id, objective).shuffle(items)
            pairs = len(items) // 2
            source = bank.module.spec.source_language
            dealt["A"] += [FormItem(module_id, i, source) for i in items[0 : 2 * pairs : 2]]
            dealt["B"] += [FormItem(module_id, i, source) for i in items[1 : 2 * pairs : 2]]
    return (
        Form(track.id, "A", tuple(dealt["A"])),
        Form(track.id, "B", tuple(dealt["B"])),
    )


def bank_entries(bank: Bank) -> tuple[FormItem, ...]:
    """Every item of a bank as form entries (what a module's export and self-check show)."""
    source = bank.module.spec.source_language
    return tuple(FormItem(bank.module.id, item, source) for item in bank.items)

"""The repository's own banks: one per module, at least three items per objective, and every
language the module's text exists in covered by its items (or none, for English-only
modules)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from courseware.assess.bank import source_texts
from courseware.assess.checks import languages_of
from courseware.assess.kit import load_kit

REPOSITORY = Path(__file__).parents[2]


def test_every_module_has_a_bank_with_three_items_per_objective() -> None:
    kit = load_kit(REPOSITORY)
    assert sorted(kit.banks) == sorted(m.id for m in kit.registry.modules)
    for bank in kit.banks.values():
        counts = Counter(item.objective for item in bank.items)
        short = {o: counts[o] for o in bank.module.spec.objective_ids if counts[o] < 3}
        assert short == {}, bank.module.id


def test_items_exist_in_every_language_of_their_module() -> None:
    kit = load_kit(REPOSITORY)
    for bank in kit.banks.values():
        translated = set(bank.module.languages) - {bank.module.spec.source_language}
        for item in bank.items:
            assert languages_of(item) >= translated, (bank.module.id, item.id)
            assert all(text.strip() for text in source_texts(item, "en"))


def test_every_track_gets_two_non_empty_forms() -> None:
    kit = load_kit(REPOSITORY)
    for track, (form_a, form_b) in kit.forms.items():
        assert len(form_a.items) == len(form_b.items) > 0, track

"""The repository's own banks: one per module, at least three items per objective, and every
language the module's text exists in covered by its items (or none, for English-only
modules), but for the banks listed as not yet translated."""

from __future__ import annotations

import warnings
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


# Banks whose module text exists in more languages than their items do yet: the four newest
# modules were translated into es, pt, fr and ar before their banks were. A gap not listed
# here fails; a listed gap that is closed fails too, so the list only ever shrinks.
UNTRANSLATED_BANKS: dict[str, set[str]] = {
    module: {"es", "pt", "fr", "ar"} for module in ("teaching-and-assessing-tinyml",)
}


def test_items_exist_in_every_language_of_their_module() -> None:
    kit = load_kit(REPOSITORY)
    gaps: dict[str, set[str]] = {}
    for bank in kit.banks.values():
        translated = set(bank.module.languages) - {bank.module.spec.source_language}
        for item in bank.items:
            missing = translated - languages_of(item)
            if missing:
                gaps.setdefault(bank.module.id, set()).update(missing)
            assert all(text.strip() for text in source_texts(item, "en"))
    assert gaps == UNTRANSLATED_BANKS
    for module, languages in sorted(gaps.items()):
        warnings.warn(
            f"modules/{module}/questions.yaml: items not yet in {', '.join(sorted(languages))}",
            UserWarning,
            stacklevel=1,
        )


def test_every_track_gets_two_non_empty_forms() -> None:
    kit = load_kit(REPOSITORY)
    for track, (form_a, form_b) in kit.forms.items():
        assert len(form_a.items) == len(form_b.items) > 0, track

"""Tests of parallel forms: deterministic, disjoint and balanced per objective."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from courseware.assess.forms import build_forms
from courseware.assess.kit import load_kit

FIXTURES = Path(__file__).parent.parent / "fixtures" / "assess"
REPOSITORY = Path(__file__).parent.parent.parent


def test_forms_share_no_item_and_cover_each_objective_equally() -> None:
    kit = load_kit(REPOSITORY)
    for track, (form_a, form_b) in kit.forms.items():
        keys_a = {entry.key for entry in form_a.items}
        keys_b = {entry.key for entry in form_b.items}
        assert not keys_a & keys_b, track
        count_a = Counter(entry.objective_key for entry in form_a.items)
        count_b = Counter(entry.objective_key for entry in form_b.items)
        assert count_a == count_b, track
        assert count_a, track


def test_every_objective_with_two_items_is_on_both_forms() -> None:
    kit = load_kit(FIXTURES / "project")
    form_a, form_b = kit.forms["pilot"]
    assert form_a.objectives == form_b.objectives == ("alpha/o-one", "alpha/o-two")
    # o-one has 4 items (2 per form); o-two has 2 (1 per form).
    assert [e.objective for e in form_a.items].count("o-one") == 2
    assert [e.objective for e in form_b.items].count("o-two") == 1


def test_the_split_is_the_same_every_time_and_differs_between_tracks() -> None:
    kit = load_kit(FIXTURES / "project")
    tracks = {t.id: t for t in kit.registry.tracks}
    again = build_forms(tracks["pilot"], kit.banks)
    assert again == kit.forms["pilot"]
    assert [e.key for e in kit.forms["pilot"][0].items] == [
        "alpha/is-it-true",
        "alpha/pick-one",
        "alpha/put-in-order",
    ]
    assert kit.forms["rerun"] != kit.forms["pilot"]

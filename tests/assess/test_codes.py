"""Tests of result codes: round trips, Crockford's reading rules, and each refusal."""

from __future__ import annotations

from pathlib import Path

import pytest

from courseware.assess.codes import (
    CodeError,
    check_symbol,
    decode,
    encode,
    forms_by_hash,
    normalise,
    track_hash,
)
from courseware.assess.kit import load_kit

FIXTURES = Path(__file__).parent.parent / "fixtures" / "assess"


@pytest.fixture(scope="module")
def kit():
    return load_kit(FIXTURES / "project")


def test_a_code_round_trips_with_pseudonym_form_and_answers(kit) -> None:
    form_b = kit.forms["pilot"][1]
    code = encode(form_b, [6, 1, 2], "dev")
    result, form = decode(code, forms_by_hash(kit.all_forms))
    assert form is form_b
    assert (result.form, result.pseudonym, result.answers) == ("B", "DEV", (6, 1, 2))
    assert result.track_hash == track_hash("pilot")


def test_codes_read_as_crockford_says(kit) -> None:
    form_a = kit.forms["pilot"][0]
    code = encode(form_a, [1, 1, 1], "ILO")
    assert normalise("ab-cd ef") == "ABCDEF"
    typed = code.lower().replace("1", "l").replace("-", " ")
    result, _ = decode(typed, forms_by_hash(kit.all_forms))
    assert result.pseudonym == "110"


def test_the_check_symbol_catches_a_swap_of_neighbours(kit) -> None:
    code = normalise(encode(kit.forms["pilot"][0], [1, 2, 1], "ANA"))
    data = code[:-1]
    for i in range(len(data) - 1):
        if data[i] != data[i + 1]:
            swapped = data[:i] + data[i + 1] + data[i] + data[i + 2 :]
            assert check_symbol(swapped) != check_symbol(data)


def test_a_pseudonym_must_be_short_and_typeable(kit) -> None:
    with pytest.raises(CodeError, match="at most 7 letters and digits"):
        encode(kit.forms["pilot"][0], [1, 1, 1], "Ana-María")


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (3, "the check symbol does not match"),
        (5, "the code is for form A of a track this project does not have"),
        (6, "answer 1 (alpha/is-it-true) is impossible: neither true nor false"),
        (7, "the code is too short: it ends at answer 2 of 3 (form A of pilot)"),
        (8, "the code is too long for form A of pilot (3 answers)"),
        (9, "symbol 4 'U' is not a code symbol"),
    ],
)
def test_each_bad_code_fixture_is_refused_precisely(kit, line: int, message: str) -> None:
    text = (FIXTURES / "codes" / "bad.txt").read_text(encoding="utf-8").splitlines()[line - 1]
    with pytest.raises(CodeError) as raised:
        decode(text, forms_by_hash(kit.all_forms))
    assert str(raised.value).startswith(message)

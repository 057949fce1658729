"""Result codes: a learner's answers to one form, short enough to read out or type in.

A code is Douglas Crockford's Base32 (https://www.crockford.com/base32.html): digits and
letters without I, L, O and U, read case-insensitively with I and L as 1 and O as 0, hyphens
ignored; it ends in Crockford's check symbol, the value of the data modulo 37 (one of the 32
symbols or ``*~$=U``), which catches every single wrong symbol and every swap of two
neighbours. The data is a string of bits:

    version (3) | track hash (20) | form (1: A=0, B=1) | pseudonym length (3)
    | pseudonym (5 per symbol) | one answer field per item of the form | zero padding

The track hash is the first 20 bits of the SHA-256 of the track id. The pseudonym is
optional, chosen by the learner (at most 7 Base32 symbols), and only matches a pre-test to a
post-test; no name is needed. Answer fields depend on the item (see ``answer_bits``): choice
items keep what was chosen, so distractors can be studied; numeric, short-answer and ordering
items keep the page's (or the learner's own) right/wrong mark.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from courseware.assess.bank import Item, MultipleChoice, SingleChoice, TrueFalse
from courseware.assess.forms import FORM_LETTERS, Form, FormLetter
from courseware.errors import CoursewareError

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CHECK_SYMBOLS = ALPHABET + "*~$=U"
_READ_AS = {"I": "1", "L": "1", "O": "0"}
VERSION = 1
TRACK_HASH_BITS = 20
PSEUDONYM_MAX = 7
GROUP = 4
"""Symbols between hyphens when a code is shown, so it reads like a licence key."""

BLANK = 0
MARKED_RIGHT = 1
MARKED_WRONG = 2
"""The two-bit field of a marked item: 0 blank, 1 right, 2 wrong (3 cannot occur)."""


class CodeError(CoursewareError):
    """A result code that cannot be read; the message says exactly why."""


@dataclass(frozen=True)
class ResultCode:
    """What a code holds: the track's hash, the form, the pseudonym and one field per item."""

    track_hash: int
    form: FormLetter
    pseudonym: str
    answers: tuple[int, ...]


def track_hash(track_id: str) -> int:
    """The 20-bit hash of a track id that codes carry."""
    digest = hashlib.sha256(track_id.encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big") >> (32 - TRACK_HASH_BITS)


def answer_bits(item: Item) -> int:
    """Width of an item's answer field: enough for blank plus every possible answer."""
    if isinstance(item, SingleChoice):
        return len(item.options).bit_length()  # 0 blank, 1..n the option chosen
    if isinstance(item, MultipleChoice):
        return len(item.options)  # one bit per option, option 0 the highest
    return 2  # true/false (0 blank, 1 true, 2 false) or a right/wrong mark


def impossible_answer(item: Item, value: int) -> str | None:
    """Why ``value`` cannot be an answer to ``item``, or None when it can."""
    if isinstance(item, SingleChoice) and value > len(item.options):
        return f"option {value} chosen, but the item has {len(item.options)}"
    if isinstance(item, TrueFalse) and value == 3:
        return "neither true nor false"
    if not isinstance(item, SingleChoice | MultipleChoice | TrueFalse) and value == 3:
        return "neither marked right nor wrong"
    return None


def normalise(text: str) -> str:
    """Upper case, hyphens and spaces dropped, I/L read as 1 and O as 0 (Crockford)."""
    kept = "".join(ch for ch in text.upper() if ch not in "- \t")
    return "".join(_READ_AS.get(ch, ch) for ch in kept)


def check_symbol(data: str) -> str:
    """Crockford's check symbol of ``data`` (already normalised Base32)."""
    value = 0
    for symbol in data:
        value = (value * 32 + ALPHABET.index(symbol)) % 37
    return CHECK_SYMBOLS[value]


def encode(form: Form, answers: Sequence[int], pseudonym: str = "") -> str:
    """The code of ``answers`` (one field value per form item) given on ``form``."""
    name = normalise(pseudonym)
    if len(name) > PSEUDONYM_MAX or any(ch not in ALPHABET for ch in name):
        raise CodeError(f"pseudonym {pseudonym!r}: use at most {PSEUDONYM_MAX} letters and digits")
    if len(answers) != len(form.items):
        raise CodeError(f"{len(answers)} answers for a form of {len(form.items)} items")
    bits = [
        (VERSION, 3),
        (track_hash(form.track), TRACK_HASH_BITS),
        (FORM_LETTERS.index(form.letter), 1),
        (len(name), 3),
        *((ALPHABET.index(ch), 5) for ch in name),
    ]
    for entry, value in zip(form.items, answers, strict=True):
        width = answer_bits(entry.item)
        if not 0 <= value < 1 << width or impossible_answer(entry.item, value):
            raise CodeError(f"{entry.key}: {value} is not an answer to this item")
        bits.append((value, width))
    data = _symbols(bits)
    code = data + check_symbol(data)
    return "-".join(code[i : i + GROUP] for i in range(0, len(code), GROUP))


def _symbols(fields: Sequence[tuple[int, int]]) -> str:
    value, width = 0, 0
    for field, size in fields:
        value, width = (value << size) | field, width + size
    padding = -width % 5
    value <<= padding
    count = (width + padding) // 5
    return "".join(ALPHABET[(value >> (5 * (count - 1 - i))) & 31] for i in range(count))


class _BitReader:
    def __init__(self, data: str) -> None:
        self.value = 0
        for symbol in data:
            self.value = self.value * 32 + ALPHABET.index(symbol)
        self.left = 5 * len(data)

    def read(self, size: int) -> int | None:
        if size > self.left:
            return None
        self.left -= size
        return (self.value >> self.left) & ((1 << size) - 1)

    def rest(self) -> int:
        return self.value & ((1 << self.left) - 1)


def decode(text: str, forms: Mapping[tuple[int, FormLetter], Form]) -> tuple[ResultCode, Form]:
    """Read a code against the forms it may belong to, keyed by (track hash, letter).

    Raises:
        CodeError: with a message naming what is wrong: a symbol outside the alphabet, the
            check symbol, the version, an unknown track, a code too short or too long for its
            form, or an answer the item cannot have.
    """
    code = normalise(text)
    if len(code) < 2:
        raise CodeError("the code is empty or too short")
    for position, symbol in enumerate(code[:-1], start=1):
        if symbol not in ALPHABET:
            raise CodeError(f"symbol {position} {symbol!r} is not a code symbol (0-9, A-Z but U)")
    data, check = code[:-1], code[-1]
    if check not in CHECK_SYMBOLS:
        raise CodeError(f"the last symbol {check!r} cannot be a check symbol")
    if check_symbol(data) != check:
        raise CodeError("the check symbol does not match; a symbol was mistyped or left out")
    reader = _BitReader(data)
    header = [reader.read(3), reader.read(TRACK_HASH_BITS), reader.read(1), reader.read(3)]
    version, hashed, letter_bit, name_length = header
    if version is None or hashed is None or letter_bit is None or name_length is None:
        raise CodeError("the code is too short to name a track and form")
    if version != VERSION:
        raise CodeError(f"version {version} is not one this courseware reads (only {VERSION})")
    letter = FORM_LETTERS[letter_bit]
    form = forms.get((hashed, letter))
    if form is None:
        raise CodeError(f"the code is for form {letter} of a track this project does not have")
    name = ""
    for _ in range(name_length):
        value = reader.read(5)
        if value is None:
            raise CodeError("the code ends inside the pseudonym")
        name += ALPHABET[value]
    answers = []
    for number, entry in enumerate(form.items, start=1):
        field = reader.read(answer_bits(entry.item))
        if field is None:
            raise CodeError(
                f"the code is too short: it ends at answer {number} of {len(form.items)} "
                f"(form {letter} of {form.track})"
            )
        reason = impossible_answer(entry.item, field)
        if reason:
            raise CodeError(f"answer {number} ({entry.key}) is impossible: {reason}")
        answers.append(field)
    if reader.left >= 5 or reader.rest() != 0:
        raise CodeError(
            f"the code is too long for form {letter} of {form.track} "
            f"({len(form.items)} answers); it may be from another version of the form"
        )
    return ResultCode(hashed, letter, name, tuple(answers)), form


def forms_by_hash(forms: Sequence[Form]) -> dict[tuple[int, FormLetter], Form]:
    """Key forms as ``decode`` looks them up."""
    return {(track_hash(form.track), form.letter): form for form in forms}

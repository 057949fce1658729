"""qr.js, the QR encoder of the test form pages, proved against two other implementations.

segno (a well-kept Python encoder) makes the reference symbol for the same text, version,
error correction level (M), mode (byte) and mask: every module must be the same. segno 1.6
adds eight padding bits where the data already end on a codeword boundary (which in byte
mode is always, once the terminator fits), where ISO/IEC 18004 7.4.10 adds none: its issue
#148 (github.com/heuer/segno/issues/148) reports it, and decoders read both the same. The
reference here is segno with that one function as the standard has it. zxing-cpp
(a well-kept decoder) must read a Chromium screenshot of the SVG that qr.js draws back to the
code. The texts are real result codes of the repository's own forms, and texts long enough
to need every version qr.js makes (1 to 10: one block and several, version information from
7 on, a 16-bit length from 10), each with every mask.

qr.js chooses its mask by the four penalty rules evaluated on the whole symbol, format
information included; segno evaluates before adding it, so for some texts the two choose
different masks (both valid). The test gives segno the mask that qr.js chose.
"""

from __future__ import annotations

import gzip
import io
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import segno
import zxingcpp
from PIL import Image

from courseware.assess.codes import answer_bits, encode, impossible_answer
from courseware.assess.forms import Form
from courseware.assess.kit import load_kit

pytestmark = pytest.mark.browser

REPOSITORY = Path(__file__).resolve().parents[3]
SCRIPT = REPOSITORY / "tools" / "courseware" / "site" / "assets" / "qr.js"


def _codes() -> list[str]:
    """Result codes of every form of the repository's tracks, with answers and pseudonyms
    drawn by a seeded generator (the same on every run)."""
    kit = load_kit(REPOSITORY)
    chooser = random.Random(14)
    codes = []
    for form in kit.all_forms:
        for pseudonym in ("", "ANA", "Q7XK2MZ"):
            codes.append(encode(form, _answers(form, chooser), pseudonym))
    return codes


def _answers(form: Form, chooser: random.Random) -> list[int]:
    answers = []
    for entry in form.items:
        values = range(1 << answer_bits(entry.item))
        answers.append(chooser.choice([v for v in values if not impossible_answer(entry.item, v)]))
    return answers


def _standard_padding_bits(buff: Any, version: int, length: int) -> None:
    """segno's ``write_padding_bits`` as ISO/IEC 18004 7.4.10 has it: zeros up to the next
    codeword boundary, none on one (segno issue #148). QR Code only (no Micro QR here)."""
    buff.extend([0] * (-length % 8))


@pytest.fixture(autouse=True)
def standard_segno(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(segno.encoder, "write_padding_bits", _standard_padding_bits)


CODES = _codes()
# The longest text each version holds at level M in byte mode, so every version is made.
VERSION_TEXTS = [
    "".join(random.Random(v).choice("0123456789ABCDEFGHJKMNPQRSTVWXYZ*~$=U") for _ in range(n))
    for v, n in enumerate((14, 26, 42, 62, 84, 106, 122, 152, 180, 213), start=1)
]


@pytest.fixture(scope="module")
def qr_page(browser: Any, serve: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    folder = tmp_path_factory.mktemp("qr")
    (folder / "qr.js").write_bytes(SCRIPT.read_bytes())
    (folder / "index.html").write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>QR</title></head>'
        '<body><main><section class="cw-form" data-l-qr="QR code of your result code">'
        '<div class="cw-form-qr" hidden></div></section></main>'
        '<script src="qr.js"></script></body></html>',
        encoding="utf-8",
    )
    page = browser.new_page()
    page.goto(f"{serve(folder)}/index.html")
    yield page
    page.close()


def _made_by_script(page: Any, text: str, mask: int | None = None) -> dict[str, Any]:
    made = page.evaluate("([text, mask]) => window.coursewareQr.matrix(text, mask)", [text, mask])
    assert made is not None, f"qr.js made no symbol for {text!r}"
    return dict(made)


def _reference(text: str, version: int, mask: int) -> list[list[int]]:
    symbol = segno.make(
        text, error="m", version=version, mode="byte", mask=mask, boost_error=False, micro=False
    )
    return [list(row) for row in symbol.matrix]


def test_every_real_code_is_the_symbol_segno_makes(qr_page: Any) -> None:
    assert len(CODES) == 24 and len({len(code) for code in CODES}) > 3
    versions = set()
    for code in CODES:
        text = code.replace("-", "")
        made = _made_by_script(qr_page, text)
        versions.add(made["version"])
        # segno picks the smallest version for the text too: the two agree on it.
        smallest = segno.make(text, error="m", mode="byte", boost_error=False, micro=False)
        assert made["version"] == smallest.version
        assert made["rows"] == _reference(text, made["version"], made["mask"]), code
    assert versions == {1, 2, 3}  # what the repository's forms need today


@pytest.mark.parametrize("version", range(1, 11))
def test_every_version_and_every_mask_is_the_symbol_segno_makes(qr_page: Any, version: int) -> None:
    text = VERSION_TEXTS[version - 1]
    assert _made_by_script(qr_page, text)["version"] == version
    for mask in range(8):
        made = _made_by_script(qr_page, text, mask)
        assert (made["version"], made["mask"]) == (version, mask)
        assert made["rows"] == _reference(text, version, mask), f"version {version}, mask {mask}"


def test_a_text_too_long_for_version_10_gets_no_symbol(qr_page: Any) -> None:
    assert qr_page.evaluate("window.coursewareQr.matrix('A'.repeat(214))") is None


def test_zxing_reads_the_drawn_symbol_back_from_a_screenshot(qr_page: Any) -> None:
    for code in CODES[::5]:
        qr_page.evaluate(
            "code => document.querySelector('section').dispatchEvent("
            "new CustomEvent('cw-code', {bubbles: true, detail: code}))",
            code,
        )
        svg = qr_page.locator(".cw-form-qr svg")
        assert svg.get_attribute("aria-label") == "QR code of your result code"
        image = Image.open(io.BytesIO(svg.screenshot()))
        found = zxingcpp.read_barcodes(image)
        assert [(r.format, r.text) for r in found] == [
            (zxingcpp.BarcodeFormat.QRCode, code.replace("-", ""))
        ]


def test_the_script_is_small() -> None:
    assert len(gzip.compress(SCRIPT.read_bytes(), 9)) <= 5 * 1024

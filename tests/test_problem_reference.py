"""The problem-code reference: generated from the catalogue, and committed up to date."""

from __future__ import annotations

from pathlib import Path

from courseware import problem_codes as codes
from courseware.problem_codes import CODES
from courseware.problem_reference import (
    REFERENCE_FILE,
    code_anchor,
    main,
    problem_codes_markdown,
)

REPO = Path(__file__).resolve().parents[1]


def test_the_committed_reference_is_current() -> None:
    committed = (REPO / REFERENCE_FILE).read_text(encoding="utf-8")
    assert committed == problem_codes_markdown(), "run `make problem-codes` and commit it"


def test_every_code_has_a_row_an_example_and_a_fix() -> None:
    page = problem_codes_markdown()
    for entry in CODES.values():
        assert f"| {entry.code} | `{entry.slug}` |" in page
        assert f"### {entry.code} {entry.slug} {{#{code_anchor(entry)}}}\n" in page
    section = page.split("### CW-SCH-002 unknown-field {#cw-sch-002-unknown-field}\n", 1)[1].split(
        "\n### ", 1
    )[0]
    assert f"{codes.UNKNOWN_FIELD.example} [CW-SCH-002 unknown-field]" in section
    assert f"**Fix:** {codes.UNKNOWN_FIELD.fix}" in section


def test_areas_appear_in_order_with_only_their_codes() -> None:
    page = problem_codes_markdown([codes.BAD_LINK, codes.SYMLINK])
    assert page.index("## Reading a contributed file (FILE)") < page.index(
        "## A file against its schema (SCH)"
    )
    assert "CW-REG-" not in page and "## Registry" not in page


def test_make_problem_codes_writes_the_file(tmp_path: Path, capsys: object) -> None:
    assert main([str(tmp_path)]) == 0
    assert (tmp_path / REFERENCE_FILE).read_text(encoding="utf-8") == problem_codes_markdown()

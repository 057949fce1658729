"""Writing offering files: safe YAML that reads back, atomically, never over a file."""

from __future__ import annotations

from pathlib import Path

import pytest

from courseware.registry.models import Offering
from courseware.registry.tinymledu.writer import offering_yaml, write_new_file

OFFERING = Offering.model_validate(
    {
        "id": "a-workshop-2022",
        "kind": "workshop",
        "title": "A workshop: “quoted”, with a colon",
        "dates": {"start": "2022", "as_published": "2022"},
        "audience": ["k12", "educators"],
        "language_of_instruction": ["en", "es"],
        "language_of_materials": ["en"],
        "notes": ["TinyMLedu flag 4D_Event: 1", "- starts with a dash # and a hash"],
    }
)


def test_offering_yaml_has_the_header_and_reads_back() -> None:
    text = offering_yaml(OFFERING, "workshops.yaml", 12)
    assert text.splitlines()[:3] == [
        "# yaml-language-server: $schema=../../schema/offering.schema.json",
        "# Imported from the TinyMLedu registry: workshops.yaml, line 12 "
        "(courseware import tinymledu).",
        "id: a-workshop-2022",
    ]
    assert "audience: [k12, educators]" in text
    assert "  start: '2022'" in text  # quoted: a bare 2022 would read as a number


def test_an_extra_header_line() -> None:
    text = offering_yaml(OFFERING, "w.yaml", 1, "Numbered draft: merge by hand.")
    assert text.splitlines()[2] == "# Numbered draft: merge by hand."


def test_write_new_file_never_overwrites(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    write_new_file(path, "first\n")
    with pytest.raises(FileExistsError):
        write_new_file(path, "second\n")
    assert path.read_text("utf-8") == "first\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.yaml"]  # no temporary file left

"""The note forms the importer writes and the exporter reads back."""

from __future__ import annotations

from courseware.registry.tinymledu import notes


def test_every_note_form_reads_back() -> None:
    written = [
        "A note of the offering's own.",
        notes.language_note("English / Spanish for Latam", of_materials=False),
        notes.language_note("Brazilian Portuguese", of_materials=True),
        notes.audience_note("Middle and High School Students and Teachers"),
        notes.http_note("http://www.aau.edu.et/"),
        notes.link_not_imported_note("Website: “main”", "/SciTinyML-22/", "relative"),
        notes.logo_note("Arm", "/assets/images/thumbnails/arm.png"),
        notes.logo_link_not_imported_note("Arm", "/partners/arm", "relative"),
        notes.flag_4d_note(1),
    ]
    kept = notes.read_notes(written)
    assert kept.language_instruction == "English / Spanish for Latam"
    assert kept.language_materials == "Brazilian Portuguese"
    assert kept.audience == "Middle and High School Students and Teachers"
    assert kept.http_forms == {"https://www.aau.edu.et/": "http://www.aau.edu.et/"}
    assert kept.links_not_imported == (("Website: “main”", "/SciTinyML-22/"),)
    assert kept.logos == (("Arm", "/assets/images/thumbnails/arm.png"),)
    assert kept.logo_links_not_imported == (("Arm", "/partners/arm"),)
    assert kept.flag_4d == 1


def test_flag_values_keep_their_type() -> None:
    assert notes.read_notes([notes.flag_4d_note(True)]).flag_4d is True
    assert notes.read_notes([notes.flag_4d_note(0)]).flag_4d == 0
    assert notes.read_notes(["Nothing TinyMLedu-specific."]).flag_4d is None

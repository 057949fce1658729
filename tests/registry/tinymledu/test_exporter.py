"""Exporting offerings in the TinyMLedu format, and the round trip import → export → import."""

from __future__ import annotations

import shutil
from pathlib import Path

from courseware.registry.load import load_registry
from courseware.registry.models import Offering
from courseware.registry.tinymledu import (
    ImportOptions,
    dump_entries,
    export_entries,
    import_tinymledu,
)
from courseware.registry.tinymledu.source import SourceEntry, read_source
from courseware.textfields import text_in
from courseware.validation import validate_document
from courseware.yamlsafe import read_yaml_file

from .conftest import DECLARED, FIXTURES, REPO

SAMPLE = FIXTURES / "full_courses.yml"
WORKSHOPS = FIXTURES / "workshops.yaml"
BASE = "https://tinyml.seas.harvard.edu/"


def _project(root: Path) -> Path:
    (root / "curriculum").mkdir(parents=True)
    shutil.copy(REPO / "curriculum" / "languages.yaml", root / "curriculum" / "languages.yaml")
    return root


def _import(source: Path, root: Path, kind: str, base_url: str | None = None) -> list[Offering]:
    import_tinymledu(
        source,
        ImportOptions(
            kind="course" if kind == "course" else "workshop", root=root, base_url=base_url
        ),
    )
    return sorted(load_registry(root).offerings, key=lambda o: o.id)


def _export(offerings: list[Offering], path: Path, base_url: str | None = None) -> Path:
    path.write_text(dump_entries(export_entries(offerings, DECLARED, "en", base_url)), "utf-8")
    return path


def _entries(path: Path) -> list[SourceEntry]:
    return [item.entry for item in read_source(path, path.parent)]


def _round_trip(tmp_path: Path, source: Path, kind: str, base_url: str | None) -> None:
    first = _import(source, _project(tmp_path / "first"), kind, base_url)
    exported = _export(first, tmp_path / "export.yml", base_url)
    second = _import(exported, _project(tmp_path / "second"), kind, base_url)
    assert second == first
    # The files are the same too, apart from the comment naming where they came from.
    for offering in first:
        name = f"curriculum/offerings/{offering.id}.yaml"
        texts = [
            [line for line in (tmp_path / run / name).read_text("utf-8").splitlines()[2:]]
            for run in ("first", "second")
        ]
        assert texts[0] == texts[1]


def test_round_trip_of_the_sample(tmp_path: Path) -> None:
    _round_trip(tmp_path, SAMPLE, "course", None)


def test_round_trip_of_the_hard_cases_with_a_base_url(tmp_path: Path) -> None:
    _round_trip(tmp_path, WORKSHOPS, "workshop", BASE)


def test_round_trip_of_the_hard_cases_without_a_base_url(tmp_path: Path) -> None:
    _round_trip(tmp_path, WORKSHOPS, "workshop", None)


def test_the_export_of_the_sample_gives_back_the_sample(tmp_path: Path) -> None:
    offerings = _import(SAMPLE, _project(tmp_path / "p"), "course")
    exported = _entries(_export(offerings, tmp_path / "export.yml"))
    original = _entries(SAMPLE)
    assert sorted(exported, key=lambda e: e.title) == sorted(original, key=lambda e: e.title)


def test_the_export_gives_back_the_sites_own_words(tmp_path: Path) -> None:
    offerings = _import(WORKSHOPS, _project(tmp_path / "p"), "workshop", BASE)
    by_title = {e.title: e for e in _entries(_export(offerings, tmp_path / "x.yml", BASE))}
    sci = by_title["SciTinyML 2022 Africa, Asia, and Latam"]  # the <br/> is not restored
    assert sci.date == "April, June, July 2022"
    assert sci.language_instruction == "English / Spanish for Latam"
    assert [(link.url, link.title) for link in sci.links] == [
        ("/SciTinyML-22/", "Website and Materials")
    ]
    assert sci.thumbnails[0].image == "/assets/images/thumbnails/ictp.svg"
    assert sci.event_4d == 1
    crestlex = by_title["CRESTLEX 3.0"]
    assert crestlex.audience == "Middle and High School Students and Teachers"
    assert crestlex.thumbnails[0].url == "http://www.navajotech.edu/"
    assert crestlex.event_4d is None
    # The entry that was not imported is, of course, not exported.
    assert "Maschinelles Lernen auf Mikrocontrollern" not in by_title


def test_the_export_is_in_the_sites_style_newest_first(tmp_path: Path) -> None:
    offerings = _import(SAMPLE, _project(tmp_path / "p"), "course")
    text = dump_entries(export_entries(offerings, DECLARED))
    assert text.startswith(
        '- title: "ESE3600: Tiny Machine Learning"\n'
        '  subtitle: "by the University of Pennsylvania"\n'
        '  date: "Fall 2022"\n'
        '  audience: "Undergraduate Students"\n'
        '  language_instruction: "English"\n'
        '  language_materials: "English"\n'
        "  links:\n"
        '    - url: "https://tinyml.seas.upenn.edu/"\n'
        '      title: "Website and Materials"\n'
        "  thumbnails:\n"
        '    - image: "/assets/images/thumbnails/upenn.png"\n'
        '      alt: "UPenn"\n'
        '      url: "https://www.seas.upenn.edu/"\n'
        "\n- title: "
    )
    titles = [e.title for e in export_entries(offerings, DECLARED)]
    assert titles == [
        "ESE3600: Tiny Machine Learning",
        "UNIFEI IESTI01",
        "Embedded Machine Learning on Coursera",
        "Harvard CS249r",
        "edX tinyML Specialization",
    ]


def test_hand_written_offerings_export_and_import_stably(tmp_path: Path) -> None:
    """Offerings never imported have no TinyMLedu words kept: the export writes its own,
    which the importer reads back to the same values."""
    bundled = []
    for path in sorted((REPO / "curriculum" / "offerings").glob("*.yaml")):
        document, _ = read_yaml_file(path, REPO)
        assert document is not None
        offering, _ = validate_document(Offering, document)
        assert offering is not None
        bundled.append(offering)
    workshops = [o for o in bundled if o.kind == "workshop"]
    exported = _export(workshops, tmp_path / "bundled.yml")
    first = _import(exported, _project(tmp_path / "first"), "workshop")
    assert len(first) == len(workshops)
    for ours in first:
        theirs = next(o for o in workshops if text_in(o.title, "en") == ours.title)
        assert ours.dates.model_copy(update={"as_published": None}) == theirs.dates.model_copy(
            update={"as_published": None}
        )
        assert ours.audience == theirs.audience
        assert ours.language_of_instruction == theirs.language_of_instruction
    again = _export(first, tmp_path / "again.yml")
    assert _import(again, _project(tmp_path / "second"), "workshop") == first


def test_an_empty_export_is_an_empty_list() -> None:
    assert dump_entries([]) == "[]\n"


def test_strings_are_quoted_safely() -> None:
    entry = SourceEntry(title='Say "hi"\u2028now', date="2022", event_4d=True)
    text = dump_entries([entry])
    assert text == '- title: "Say \\"hi\\"\\u2028now"\n  date: "2022"\n  4D_Event: true\n'

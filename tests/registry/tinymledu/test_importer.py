"""Importing TinyMLedu files into offering files: every field of the sample, the hard cases
of the workshops fixture, and the rules that nothing is overwritten."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from courseware.errors import ContentError, UsageError
from courseware.registry.load import load_registry
from courseware.registry.models import Offering
from courseware.registry.tinymledu import ImportOptions, ImportReport, import_tinymledu
from courseware.registry.tinymledu.report import EntryReport
from courseware.validation import validate_document
from courseware.yamlsafe import read_yaml_file

from .conftest import FIXTURES, REPO

SAMPLE = FIXTURES / "full_courses.yml"
WORKSHOPS = FIXTURES / "workshops.yaml"
BASE = "https://tinyml.seas.harvard.edu"

HARVARD_SEAS = "Harvard John A. Paulson School of Engineering and Applied Sciences"
LOGOS = "/assets/images/thumbnails/"

SAMPLE_OFFERINGS: list[dict[str, Any]] = [
    {
        "id": "edx-tinyml-specialization-2020",
        "kind": "course",
        "title": "edX tinyML Specialization",
        "subtitle": "by Harvard University",
        "organizations": [
            {"name": HARVARD_SEAS, "url": "https://www.seas.harvard.edu/"},
            {"name": "edX", "url": "https://www.edx.org/"},
        ],
        "dates": {"start": "2020", "end": "2022", "as_published": "Launched 2020-2022"},
        "audience": ["everyone"],
        "language_of_instruction": ["en"],
        "language_of_materials": ["en"],
        "links": [
            {
                "label": "Course 1-3 Website",
                "url": "https://www.edx.org/professional-certificate/harvardx-tiny-machine-learning",
            },
            {
                "label": "Course 4 Website",
                "url": "https://www.edx.org/course/mlops-for-scaling-tinyml",
            },
            {
                "label": "All Materials",
                "url": "https://github.com/tinyMLx/courseware/tree/master/edX",
            },
            {"label": "All Colabs", "url": "https://github.com/tinyMLx/colabs"},
            {"label": "Arduino Library", "url": "https://github.com/tinyMLx/arduino-library"},
        ],
        "notes": [
            f"TinyMLedu logo of “{HARVARD_SEAS}”: {LOGOS}harvard_seas.svg",
            f"TinyMLedu logo of “edX”: {LOGOS}edX.png",
        ],
    },
    {
        "id": "embedded-machine-learning-on-coursera-2021",
        "kind": "course",
        "title": "Embedded Machine Learning on Coursera",
        "subtitle": "by Edge Impulse",
        "organizations": [
            {"name": "Edge Impulse", "url": "https://www.edgeimpulse.com/"},
            # The source links the Coursera logo to edx.org; the importer keeps what it says.
            {"name": "Coursera", "url": "https://www.edx.org/"},
        ],
        "dates": {"start": "2021", "end": "2022", "as_published": "Launched 2021-2022"},
        "audience": ["everyone"],
        "language_of_instruction": ["en"],
        "language_of_materials": ["en"],
        "links": [
            {
                "label": "Course 1",
                "url": "https://www.coursera.org/learn/introduction-to-embedded-machine-learning",
            },
            {
                "label": "Course 2",
                "url": "https://www.coursera.org/learn/"
                "computer-vision-with-embedded-machine-learning",
            },
            {
                "label": "All Materials",
                "url": "https://github.com/edgeimpulse/courseware-embedded-machine-learning",
            },
        ],
        "notes": [
            f"TinyMLedu logo of “Edge Impulse”: {LOGOS}edgeImpulse.svg",
            f"TinyMLedu logo of “Coursera”: {LOGOS}coursera.png",
        ],
    },
    {
        "id": "ese3600-tiny-machine-learning-2022",
        "kind": "course",
        "title": "ESE3600: Tiny Machine Learning",
        "subtitle": "by the University of Pennsylvania",
        "organizations": [{"name": "UPenn", "url": "https://www.seas.upenn.edu/"}],
        "dates": {"term": "Fall 2022", "as_published": "Fall 2022"},
        "audience": ["undergraduate"],
        "language_of_instruction": ["en"],
        "language_of_materials": ["en"],
        "links": [{"label": "Website and Materials", "url": "https://tinyml.seas.upenn.edu/"}],
        "notes": [f"TinyMLedu logo of “UPenn”: {LOGOS}upenn.png"],
    },
    {
        "id": "unifei-iesti01-2021",
        "kind": "course",
        "title": "UNIFEI IESTI01",
        "subtitle": "TinyML - Machine Learning for Embedding Devices",
        "organizations": [
            {"name": "Universidade Federal de Itajubá (UNIFEI)", "url": "https://unifei.edu.br/"}
        ],
        "dates": {"start": "2021-01", "ongoing": True, "as_published": "Jan 2021 - Present"},
        "audience": ["undergraduate"],
        "language_of_instruction": ["pt"],
        "language_of_materials": ["en"],
        "links": [
            {
                "label": "2022.1 Website and Materials",
                "url": "https://github.com/Mjrovai/UNIFEI-IESTI01-TinyML-2022.1",
            },
            {
                "label": "2021.2 Website and Materials",
                "url": "https://github.com/Mjrovai/UNIFEI-IESTI01-TinyML-2021.2",
            },
            {
                "label": "2021.1 Website and Materials",
                "url": "https://github.com/Mjrovai/UNIFEI-IESTI01-T01-2021.1",
            },
        ],
        "notes": [
            f"TinyMLedu logo of “Universidade Federal de Itajubá (UNIFEI)”: {LOGOS}unifei.png"
        ],
    },
    {
        "id": "harvard-cs249r-2020",
        "kind": "course",
        "title": "Harvard CS249r",
        "subtitle": "Tiny Machine Learning",
        "organizations": [{"name": HARVARD_SEAS, "url": "https://www.seas.harvard.edu/"}],
        "dates": {"start": "2020-09", "ongoing": True, "as_published": "Sept 2020 - Present"},
        "audience": ["graduate"],
        "language_of_instruction": ["en"],
        "language_of_materials": ["en"],
        "links": [
            {
                "label": "2022 Website and Assignments",
                "url": "https://sites.google.com/g.harvard.edu/tinyml/home",
            },
            {
                "label": "2020 Website",
                "url": "https://sites.google.com/g.harvard.edu/tinyml-fall2020/home",
            },
            {
                "label": "2020 Assignments",
                "url": "https://github.com/Harvard-CS249R-Fall2020/assignments",
            },
        ],
        "notes": [f"TinyMLedu logo of “{HARVARD_SEAS}”: {LOGOS}harvard_seas.svg"],
    },
]

SAMPLE_FINDINGS = [
    [
        ("date", 3, "'Launched 2020-2022' → start 2020, end 2022"),
        ("audience", 4, "'Everyone' → everyone"),
        ("language_instruction", 5, "'English' → en"),
        ("language_materials", 6, "'English' → en"),
        (
            "thumbnails",
            18,
            f"organizations from the alt texts: {HARVARD_SEAS}, edX; "
            "logos not copied (paths in notes)",
        ),
    ],
    [
        ("date", 28, "'Launched 2021-2022' → start 2021, end 2022"),
        ("audience", 29, "'Everyone' → everyone"),
        ("language_instruction", 30, "'English' → en"),
        ("language_materials", 31, "'English' → en"),
        (
            "thumbnails",
            39,
            "organizations from the alt texts: Edge Impulse, Coursera; "
            "logos not copied (paths in notes)",
        ),
    ],
    [
        ("date", 49, "'Fall 2022' → term Fall 2022"),
        ("audience", 50, "'Undergraduate Students' → undergraduate"),
        ("language_instruction", 51, "'English' → en"),
        ("language_materials", 52, "'English' → en"),
        (
            "thumbnails",
            56,
            "organizations from the alt texts: UPenn; logos not copied (paths in notes)",
        ),
    ],
    [
        ("date", 63, "'Jan 2021 - Present' → start 2021-01, ongoing"),
        ("audience", 64, "'Undergraduate Students' → undergraduate"),
        ("language_instruction", 65, "'Portuguese' → pt"),
        ("language_materials", 66, "'English' → en"),
        (
            "thumbnails",
            74,
            "organizations from the alt texts: Universidade Federal de Itajubá (UNIFEI); "
            "logos not copied (paths in notes)",
        ),
    ],
    [
        ("date", 81, "'Sept 2020 - Present' → start 2020-09, ongoing"),
        ("audience", 82, "'Graduate Students' → graduate"),
        ("language_instruction", 83, "'English' → en"),
        ("language_materials", 84, "'English' → en"),
        (
            "thumbnails",
            92,
            f"organizations from the alt texts: {HARVARD_SEAS}; logos not copied (paths in notes)",
        ),
    ],
]


def _import(source: Path, project: Path, **options: Any) -> ImportReport:
    kind = options.pop("kind", "workshop" if source == WORKSHOPS else "course")
    return import_tinymledu(source, ImportOptions(kind=kind, root=project, **options))


def _written(project: Path) -> dict[str, Offering]:
    return {o.id: o for o in load_registry(project).offerings}


def _entry(report: ImportReport, title_start: str) -> EntryReport:
    return next(e for e in report.entries if e.title.startswith(title_start))


def _findings(entry: EntryReport) -> list[tuple[str, str, str]]:
    return [(f.kind, f.field, f.message) for f in entry.findings]


# The sample: every field of every entry


def test_sample_imports_every_field_of_every_entry(project: Path) -> None:
    report = _import(SAMPLE, project)
    written = _written(project)  # loading is `courseware validate`: it raises on any error
    expected = [Offering.model_validate(data) for data in SAMPLE_OFFERINGS]
    assert [entry.offering_id for entry in report.entries] == [o.id for o in expected]
    assert [written[o.id] for o in expected] == expected


def test_sample_report(project: Path) -> None:
    report = _import(SAMPLE, project)
    assert not report.needs_human
    assert [e.outcome for e in report.entries] == ["written"] * 5
    assert [e.line for e in report.entries] == [1, 26, 47, 61, 79]
    assert [e.path for e in report.entries] == [
        f"curriculum/offerings/{o['id']}.yaml" for o in SAMPLE_OFFERINGS
    ]
    for entry, expected in zip(report.entries, SAMPLE_FINDINGS, strict=True):
        assert [(f.field, f.line, f.message) for f in entry.findings] == expected
        assert {f.kind for f in entry.findings} == {"normalised"}


def test_written_files_say_where_they_came_from(project: Path) -> None:
    _import(SAMPLE, project)
    text = (project / "curriculum/offerings/harvard-cs249r-2020.yaml").read_text("utf-8")
    lines = text.splitlines()
    assert lines[0] == "# yaml-language-server: $schema=../../schema/offering.schema.json"
    source = SAMPLE.as_posix()
    assert lines[1] == (
        f"# Imported from the TinyMLedu registry: {source}, line 79 (courseware import tinymledu)."
    )
    assert lines[2] == "id: harvard-cs249r-2020"
    assert "audience: [graduate]" in lines


# The hard cases of the workshops fixture


def test_br_in_a_title_is_removed_with_a_warning(project: Path) -> None:
    report = _import(WORKSHOPS, project, base_url=BASE)
    offering = _written(project)["scitinyml-2022-africa-asia-and-latam"]
    assert offering.title == "SciTinyML 2022 Africa, Asia, and Latam"
    entry = _entry(report, "SciTinyML 2022")
    assert (
        "warning",
        "title",
        "markup removed (<br/>): 'SciTinyML 2022 Africa, Asia, and Latam'",
    ) in (_findings(entry))
    second = _written(project)["workshop-on-tinyml-for-sustainable-development-2023"]
    assert second.title == "Workshop on TinyML for Sustainable Development"
    assert second.subtitle == "An ICTP meeting & hands-on school"


def test_several_months_and_qualified_languages(project: Path) -> None:
    report = _import(WORKSHOPS, project, base_url=BASE)
    offering = _written(project)["scitinyml-2022-africa-asia-and-latam"]
    assert offering.dates.model_dump(exclude_defaults=True) == {
        "start": "2022-04",
        "end": "2022-07",
        "as_published": "April, June, July 2022",
    }
    assert offering.language_of_instruction == ["en", "es"]
    assert offering.language_of_materials == ["en", "es"]
    assert offering.notes == [
        "Language of instruction as given by TinyMLedu: English / Spanish for Latam",
        "Language of materials as given by TinyMLedu: English / Spanish for Latam",
        "TinyMLedu logo of “The Abdus Salam International Centre for Theoretical Physics "
        "(ICTP)”: /assets/images/thumbnails/ictp.svg",
        "TinyMLedu logo of “TinyML Foundation”: /assets/images/thumbnails/tinyML.svg",
        "TinyMLedu flag 4D_Event: 1",
    ]
    assert [o.name for o in offering.organizations] == [
        "The Abdus Salam International Centre for Theoretical Physics (ICTP)",
        "TinyML Foundation",  # the trailing spaces of the alt text are gone
    ]
    entry = _entry(report, "SciTinyML 2022")
    assert ("normalised", "4D_Event", "kept as a note") in _findings(entry)
    assert (
        "normalised",
        "language_instruction",
        "'English / Spanish for Latam' → en, es (the qualifier is kept in notes)",
    ) in _findings(entry)


def test_relative_links_resolve_against_the_base_url(project: Path) -> None:
    report = _import(WORKSHOPS, project, base_url=BASE)
    offering = _written(project)["scitinyml-2022-africa-asia-and-latam"]
    assert [(link.label, link.url) for link in offering.links] == [
        ("Website and Materials", "https://tinyml.seas.harvard.edu/SciTinyML-22/")
    ]
    entry = _entry(report, "SciTinyML 2022")
    assert (
        "normalised",
        "links[0].url",
        "'/SciTinyML-22/' → https://tinyml.seas.harvard.edu/SciTinyML-22/",
    ) in _findings(entry)


def test_relative_links_without_base_url_need_a_human(project: Path) -> None:
    report = _import(WORKSHOPS, project)
    offering = _written(project)["crestlex-3-0-2021"]
    assert offering.links == []
    assert (
        "TinyMLedu link “Website and Materials” was not imported "
        "(relative, and no --base-url was given): /CRESTLEX3/"
    ) in offering.notes
    entry = _entry(report, "CRESTLEX")
    (human,) = [f for f in entry.findings if f.needs_human]
    assert (human.field, human.line) == ("links[0].url", 26)
    assert "--base-url" in human.message


def test_audience_with_several_values_keeps_the_original(project: Path) -> None:
    _import(WORKSHOPS, project, base_url=BASE)
    offering = _written(project)["crestlex-3-0-2021"]
    assert offering.audience == ["k12", "educators"]
    assert offering.notes[0] == (
        "Audience as given by TinyMLedu: Middle and High School Students and Teachers"
    )
    # An audience our words write back the same needs no note.
    assert not any(
        isinstance(n, str) and n.startswith("Audience")
        for n in _written(project)["scitinyml-2022-africa-asia-and-latam"].notes
    )


def test_http_links_are_kept_as_https_with_a_warning(project: Path) -> None:
    report = _import(WORKSHOPS, project, base_url=BASE)
    crestlex = _written(project)["crestlex-3-0-2021"]
    assert crestlex.organizations[0].url == "https://www.navajotech.edu/"
    http_note = (
        "TinyMLedu gives this address with http; it is written here with https, "
        "check it works: http://www.navajotech.edu/"
    )
    assert http_note in crestlex.notes
    topics = _written(project)["topics-in-applied-machine-learning-2022"]
    assert topics.links[0].url == (
        "https://www.cnmac.org.br/novo/index.php/CNMAC/conteudo/2022/e_5/0/25"
    )
    entry = _entry(report, "Topics")
    warnings = [(f.field, f.line) for f in entry.findings if f.kind == "warning"]
    assert warnings == [("links[0].url", 40), ("links[1].title", 42)]
    assert not entry.needs_human


def test_a_link_with_no_title_is_labelled_with_its_host(project: Path) -> None:
    _import(WORKSHOPS, project, base_url=BASE)
    topics = _written(project)["topics-in-applied-machine-learning-2022"]
    assert (topics.links[1].label, topics.links[1].url) == (
        "github.com",
        "https://github.com/Mjrovai/CNMAC-22",
    )
    assert topics.audience == ["undergraduate", "graduate"]
    assert topics.language_of_instruction == ["pt"]
    assert "Language of instruction as given by TinyMLedu: Brazilian Portuguese" in topics.notes


def test_day_ranges_and_links_that_are_not_web_links(project: Path) -> None:
    report = _import(WORKSHOPS, project, base_url=BASE)
    offering = _written(project)["workshop-on-tinyml-for-sustainable-development-2023"]
    assert (offering.dates.start, offering.dates.end) == ("2023-07-03", "2023-07-07")
    assert [link.url for link in offering.links] == ["https://indico.ictp.it/event/10822"]
    assert offering.notes == [
        "TinyMLedu link “Contact” was not imported (mailto: is not a web address): "
        "mailto:tinyml@example.org"
    ]
    entry = _entry(report, "Workshop on TinyML")
    assert [f.field for f in entry.findings if f.needs_human] == ["links[1].url"]


def test_a_month_without_year_is_kept_as_published(project: Path) -> None:
    report = _import(WORKSHOPS, project, base_url=BASE)
    offering = _written(project)["artificial-intelligence-in-everyday-life"]
    assert offering.dates.model_dump(exclude_defaults=True) == {"as_published": "November"}
    assert offering.organizations == []
    entry = _entry(report, "Artificial Intelligence")
    assert [(f.field, f.line) for f in entry.findings if f.needs_human] == [
        ("date", 58),
        ("thumbnails[0]", 63),
    ]


def test_an_entry_that_cannot_be_valid_is_not_written(project: Path) -> None:
    report = _import(WORKSHOPS, project, base_url=BASE)
    entry = _entry(report, "Maschinelles")
    assert (entry.outcome, entry.offering_id, entry.path) == ("not_imported", None, None)
    humans = [(f.field, f.line) for f in entry.findings if f.needs_human]
    assert humans == [
        ("audience", 68),
        ("language_instruction", 69),
        ("language_materials", 70),
    ]
    assert "German ('de')" in entry.findings[2].message
    assert report.needs_human
    assert len(_written(project)) == 5


# Never overwrite


def test_importing_again_skips_unchanged_entries(project: Path) -> None:
    _import(SAMPLE, project)
    before = {p.name: p.read_bytes() for p in (project / "curriculum/offerings").iterdir()}
    report = _import(SAMPLE, project)
    assert [e.outcome for e in report.entries] == ["unchanged"] * 5
    assert not report.needs_human
    after = {p.name: p.read_bytes() for p in (project / "curriculum/offerings").iterdir()}
    assert after == before


def test_an_existing_file_with_other_content_is_skipped_and_reported(project: Path) -> None:
    _import(SAMPLE, project)
    path = project / "curriculum/offerings/harvard-cs249r-2020.yaml"
    edited = path.read_text("utf-8").replace(
        "title: Harvard CS249r", "title: Harvard CS249r (edited)"
    )
    path.write_text(edited, encoding="utf-8")
    report = _import(SAMPLE, project)
    entry = _entry(report, "Harvard CS249r")
    assert entry.outcome == "exists"
    (human,) = [f for f in entry.findings if f.needs_human]
    assert (human.field, human.line) == ("id", 79)
    assert "curriculum/offerings/harvard-cs249r-2020.yaml already exists" in human.message
    assert "--force-new" in human.message
    assert path.read_text("utf-8") == edited
    assert report.needs_human


def test_force_new_writes_a_numbered_draft(project: Path) -> None:
    _import(SAMPLE, project)
    path = project / "curriculum/offerings/harvard-cs249r-2020.yaml"
    edited = path.read_text("utf-8").replace("audience: [graduate]", "audience: [everyone]")
    path.write_text(edited, encoding="utf-8")
    report = _import(SAMPLE, project, force_new=True)
    entry = _entry(report, "Harvard CS249r")
    assert (entry.outcome, entry.offering_id) == ("draft", "harvard-cs249r-2020-2")
    draft = project / "curriculum/offerings/harvard-cs249r-2020-2.yaml"
    assert "# Numbered draft: harvard-cs249r-2020.yaml already exists" in draft.read_text("utf-8")
    assert path.read_text("utf-8") == edited
    assert _written(project)["harvard-cs249r-2020-2"].audience == ["graduate"]
    assert report.needs_human


def test_dry_run_writes_nothing(project: Path) -> None:
    report = _import(SAMPLE, project, dry_run=True)
    assert [e.outcome for e in report.entries] == ["written"] * 5
    assert report.dry_run
    assert not (project / "curriculum/offerings").exists()


def test_out_folder(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "elsewhere"
    _import(SAMPLE, project, out=out)
    assert sorted(p.name for p in out.iterdir()) == sorted(
        f"{o['id']}.yaml" for o in SAMPLE_OFFERINGS
    )
    assert not (project / "curriculum/offerings").exists()


def test_no_temporary_files_are_left(project: Path) -> None:
    _import(SAMPLE, project)
    names = [p.name for p in (project / "curriculum/offerings").iterdir()]
    assert all(name.endswith(".yaml") and not name.startswith(".") for name in names)


# Bad input and options


def test_bad_base_url_is_a_usage_error(project: Path) -> None:
    with pytest.raises(UsageError, match="--base-url 'http://example.org'"):
        _import(WORKSHOPS, project, base_url="http://example.org")


def test_a_project_without_languages_is_a_content_error(tmp_path: Path) -> None:
    with pytest.raises(ContentError, match="curriculum/languages.yaml: file is missing"):
        _import(SAMPLE, tmp_path)


def test_a_bad_source_file_writes_nothing(project: Path) -> None:
    with pytest.raises(ContentError) as caught:
        _import(FIXTURES / "bad" / "unknown_key.yml", project)
    assert "unknown field 'audiences'" in str(caught.value)
    assert not (project / "curriculum/offerings").exists()


def test_the_imported_sample_is_comparable_to_the_bundled_offerings(project: Path) -> None:
    """The hand-transcribed files and the import agree where the source is the same."""
    _import(SAMPLE, project)
    imported = _written(project)
    bundled = {}
    for path in sorted((REPO / "curriculum" / "offerings").glob("*.yaml")):
        document, _ = read_yaml_file(path, REPO)
        assert document is not None
        offering, _ = validate_document(Offering, document)
        assert offering is not None
        bundled[offering.id] = offering
    pairs = {
        "edx-tinyml-specialization-2020": "edx-tinyml-specialization",
        "embedded-machine-learning-on-coursera-2021": "coursera-embedded-machine-learning",
        "unifei-iesti01-2021": "unifei-iesti01",
        "harvard-cs249r-2020": "harvard-cs249r",
    }
    for ours, theirs in pairs.items():
        assert imported[ours].dates == bundled[theirs].dates
        assert imported[ours].audience == bundled[theirs].audience
        assert imported[ours].language_of_instruction == bundled[theirs].language_of_instruction
        assert [link.url for link in imported[ours].links] == [
            link.url for link in bundled[theirs].links
        ]

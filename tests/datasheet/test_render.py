"""The page, gallery and print stylesheet: layout, escaping, translatable labels."""

from __future__ import annotations

import re

from tests.datasheet.helpers import SENSORS, load_data, patched

from courseware.datasheet.environment import compute_environment
from courseware.datasheet.render import (
    PAGE_CLASS,
    GalleryEntry,
    datasheet_print_css,
    render_datasheet_page,
    render_gallery_page,
)
from courseware.datasheet.risk import compute_risk_profile
from courseware.datasheet.validate import check_file, validate_datasheet


def _page(patch: dict[str, object], gettext=lambda s: s) -> str:
    loaded = load_data(patched(patch))
    assert loaded.sheet is not None
    findings = validate_datasheet(loaded.sheet, loaded.path, loaded.document)
    return render_datasheet_page(
        loaded.sheet,
        findings,
        compute_risk_profile(loaded.sheet, findings),
        "base.yaml",
        gettext,
        environment=compute_environment(loaded.sheet),
    )


def test_page_follows_the_paper_groups_in_order() -> None:
    page = _page({})
    headings = re.findall(r"^(#{1,4}) (.+)$", page, re.MULTILINE)
    titles = [t for _, t in headings]
    order = [
        "Standard sensor datasheet components",
        "Hardware characteristics",
        "IoT datasheet components",
        "AI datasheet components",
        "Model characteristics",
        "Additional ML sensor datasheet components",
        "Environmental impact",
    ]
    positions = [titles.index(t) for t in order]
    assert positions == sorted(positions)
    assert page.startswith("# ")  # MkDocs takes the page title from a top-level h1
    assert f'\n<div class="{PAGE_CLASS}" markdown="1">\n' in page
    assert page.rstrip().endswith("</div>")


def test_specifications_use_the_conventional_table() -> None:
    page = _page({})
    assert (
        '<th scope="col">Parameter</th><th scope="col">Symbol</th>'
        '<th scope="col">Min</th><th scope="col">Typ</th><th scope="col">Max</th>'
        '<th scope="col">Unit</th>'
    ) in page
    assert "<td>3</td><td>3.3</td><td>3.6</td><td>V</td>" in page


def test_findings_download_risk_and_illustrative_notice_are_shown() -> None:
    page = _page({"title_page.contact": "TBD"})
    assert "placeholder" in page and "1 error," in page
    assert '<a href="base.yaml" download>' in page
    assert "operationalisation" in page and "not the paper&#x27;s own method" in page
    assert "Illustrative example" in page
    assert "Use stage" in page and "declared operating power" in page


def test_finding_field_paths_break_between_names() -> None:
    page = _page({"title_page.contact": "TBD"})
    assert "<code>title_page.<wbr>contact</code>" in page


def test_contributed_text_is_escaped() -> None:
    page = _page(
        {
            "title_page.sensor_name": 'Sensor "A" & *B* [x](y) O\'Brien',
            "standard_sensor.description.summary": "1 < 2 & 3 > 2",
        }
    )
    assert "# Sensor &quot;A&quot; &amp; \\*B\\* \\[x\\](y) O&#x27;Brien" in page
    assert "1 &lt; 2 &amp; 3 &gt; 2" in page
    assert "<script" not in page and "javascript:" not in page


def test_download_name_cannot_break_out_of_the_attribute() -> None:
    loaded = load_data(patched({}))
    assert loaded.sheet is not None
    page = render_datasheet_page(loaded.sheet, [], None, 'x" onclick="alert(1).yaml')
    assert "onclick=" not in page


def test_every_label_goes_through_gettext() -> None:
    page = _page({}, gettext=lambda s: "⟦" + s + "⟧")
    for heading in re.findall(r"^#{2,4} (.+)$", page, re.MULTILINE):
        assert heading.startswith("⟦") and heading.endswith("⟧"), heading
    for label in re.findall(r'<th scope="col">([^<]*)</th>', page):
        assert label.startswith("⟦"), label
    for table in re.findall(r'<table class="cw-ds-fields">.*?</table>', page):
        for label in re.findall(r'<th scope="row">([^<]*)</th>', table):
            assert label.startswith("⟦"), label


def test_published_examples_render() -> None:
    for name in ("pa1-person-detection", "person-sensor"):
        result = check_file(SENSORS / f"{name}.yaml", SENSORS.parents[1])
        assert result.sheet is not None
        page = render_datasheet_page(result.sheet, result.findings, None, f"{name}.yaml")
        assert "timing-feasibility" in page
        assert "Not disclosed" in page


def test_gallery_lists_counts_and_links() -> None:
    page = render_gallery_page(
        [
            GalleryEntry(
                "person-sensor/", "Person Sensor V1.0", "person detection", "Rev. 2", 14, 9, 2
            ),
            GalleryEntry("b/", "<b>Bold</b>", "x", "1", 0, 0, 0, illustrative=True),
        ]
    )
    assert '<a href="person-sensor/">Person Sensor V1.0</a>' in page
    assert "<td>14</td><td>9</td><td>2</td>" in page
    assert "&lt;b&gt;Bold&lt;/b&gt;" in page and "(illustrative)" in page


def test_print_css_is_scoped_to_datasheet_pages() -> None:
    css = datasheet_print_css()
    assert "@media print" in css
    rules = [line for line in css.splitlines() if "{" in line and "@" not in line]
    assert rules and all(PAGE_CLASS in rule for rule in rules)


def test_an_example_kept_to_show_findings_says_so_above_them_in_the_readers_language() -> None:
    from courseware.i18n.catalogs import translator

    result = check_file(SENSORS / "person-sensor.yaml", SENSORS.parents[1])
    assert result.sheet is not None and result.sheet.purpose == "shows-findings"
    english = render_datasheet_page(result.sheet, result.findings, None, "person-sensor.yaml")
    note = english.index("own inconsistencies and gaps: finding them is the point")
    assert english.index("## Validator findings") < note < english.index("cw-ds-summary")
    spanish = render_datasheet_page(
        result.sheet, result.findings, None, "person-sensor.yaml", translator("es"), language="es"
    )
    assert "las incoherencias y lagunas de la propia hoja publicada" in spanish
    assert spanish.index("las incoherencias") < spanish.index("cw-ds-summary")


def test_a_datasheet_without_that_purpose_has_no_such_note() -> None:
    page = _page({})
    assert "Validator findings" in page
    assert "own inconsistencies" not in page

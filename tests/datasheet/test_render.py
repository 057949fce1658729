"""The page, gallery and print stylesheet: layout, escaping, translatable labels."""

from __future__ import annotations

import re
from decimal import Decimal

from tests.datasheet.helpers import SENSORS, load_data, patched

from courseware.datasheet.environment import compute_environment
from courseware.datasheet.findings import Finding, Severity
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


# --- the validator's messages in the reader's language -----------------------------------

PA1 = SENSORS / "pa1-person-detection.yaml"


def _translated_page(language: str) -> tuple[str, list[Finding]]:
    """The bundled PA1 sheet (findings on purpose) as the site stages it in ``language``."""
    from courseware.i18n.catalogs import plural_translator, translator
    from courseware.site.staging.datasheets import number_format

    result = check_file(PA1)
    assert result.sheet is not None
    findings = list(result.findings)
    page = render_datasheet_page(
        result.sheet,
        findings,
        compute_risk_profile(result.sheet, findings),
        "pa1.yaml",
        translator(language),
        environment=compute_environment(result.sheet),
        language=language,
        ngettext=plural_translator(language),
        number_format=number_format(language),
    )
    return page, findings


def _findings_table(page: str) -> str:
    return page[page.index('<table class="cw-ds-findings">') : page.index("</table>")]


def test_spanish_page_shows_every_finding_message_translated_with_decimal_commas() -> None:
    page, findings = _translated_page("es")
    table = _findings_table(page)
    assert findings and all(f.text is not None for f in findings)
    for finding in findings:
        assert finding.message not in table, finding.message
    # Cells of English text would carry the mark; translated ones quote data in spans only.
    assert "<td lang=" not in table
    assert "como máximo 0,45 Hz" in table  # 1 / 2.2 s, as the CLI prints "at most 0.45 Hz"
    assert "0,208-1,149 klux" in table
    assert "63,2 / 36,8 %" in table
    assert "1,5; 4,5; 7,5 m" in table  # a list of decimal-comma numbers is split by ";"
    assert "errores" in page and "advertencias" in page


def test_arabic_page_shows_every_finding_message_translated_in_arabic_number_format() -> None:
    from babel.numbers import format_decimal

    page, findings = _translated_page("ar")
    table = _findings_table(page)
    for finding in findings:
        assert finding.message not in table, finding.message
    assert "<td lang=" not in table
    # Data quoted from the sheet keeps its language and direction inside the Arabic text.
    assert '<span lang="en" dir="ltr">int8</span>' in table
    feasible = format_decimal(Decimal("0.45"), format="#,##0.00", locale="ar")
    assert f"أي {feasible} Hz على الأكثر" in table
    assert "ملاحظة" in page


def test_a_message_without_a_translation_stays_english_and_marked() -> None:
    page, findings = _translated_page("es")
    untranslated = render_datasheet_page(
        check_file(PA1).sheet,  # type: ignore[arg-type]
        findings,
        None,
        "pa1.yaml",
        lambda s: s,
        language="es",
    )
    table = _findings_table(untranslated)
    assert '<td lang="en">only 2 of 13 lines are given' in table


def test_summary_counts_use_the_languages_plural_forms() -> None:
    from courseware.datasheet.render import _summary
    from courseware.i18n.catalogs import plural_translator, translator
    from courseware.site.staging.datasheets import number_format

    counts: dict[Severity, int] = {"error": 1, "warning": 2, "info": 11}
    english = _summary(counts, lambda s, p, n: s if n == 1 else p, number_format("en"))
    assert english == "1 error, 2 warnings, 11 notes"
    assert _summary(counts, plural_translator("fr"), number_format("fr")) == (
        "1 erreur, 2 avertissements, 11 remarques"
    )
    assert _summary(counts, plural_translator("ar"), number_format("ar"), translator("ar")) == (
        "1 خطأ، 2 تحذيران، 11 ملاحظةً"
    )


def _templates() -> set[str]:
    """Every template marked ``N_("...")`` in the datasheet package, read from the source."""
    import ast
    from pathlib import Path

    import courseware.datasheet

    found: set[str] = set()
    for path in Path(courseware.datasheet.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "N_"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.add(node.args[0].value)
    return found


def test_every_template_is_translated_with_the_same_placeholders_in_every_catalog() -> None:
    from courseware.datasheet.messages import placeholders
    from courseware.i18n.catalogs import read_catalog

    templates = _templates()
    assert len(templates) > 100
    for language in ("es", "pt", "fr", "ar"):
        catalog = read_catalog(language)
        for template in templates:
            entry = catalog.get(template)
            assert entry is not None and entry.string, (language, template)
            assert not entry.fuzzy, (language, template)
            assert placeholders(str(entry.string)) == placeholders(template), (language, template)


def test_english_text_of_a_message_is_what_the_cli_printed() -> None:
    from courseware.datasheet.messages import N_, Money, Num, Nums

    message = N_(
        "the lines add up to {total}, but {shares} at most {rate} Hz ({n} features)",
        total=Money(Decimal("1234.5")),
        shares=Nums((63.2, 36.8), " / "),
        rate=Num(1 / 2.2, ".2g"),
        n=Num(27648, ","),
    )
    assert message.english() == (
        "the lines add up to $1234.50, but 63.2 / 36.8 at most 0.45 Hz (27,648 features)"
    )
    from courseware.site.staging.datasheets import number_format

    text, _ = message.localised(lambda s: s, number_format("pt"))
    assert text == (
        "the lines add up to $1234,50, but 63,2 / 36,8 at most 0,45 Hz (27.648 features)"
    )

"""The calculator page of the site: Markdown with raw HTML, and the assets it loads.

The site builder calls :func:`calculator_page_markdown` for the page body and writes the files of
:func:`calculator_assets` beside it. The page works without Python and without a network: the
numbers reach the browser as ``footprint-data.js`` (an external script assigning
``window.COURSEWARE_FOOTPRINT``, generated from the package's data file), and ``calculator.js``
attaches every listener itself, so a Content-Security-Policy without inline scripts is fine.
Without JavaScript the page still shows every option and the totals of the presets and systems,
computed here by the library. Every visible string goes through ``gettext`` with a literal.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from html import escape
from importlib import resources
from typing import Any

from courseware.footprint.catalog import option_slug
from courseware.footprint.data import load_calculator_data
from courseware.footprint.estimate import option_interval
from courseware.footprint.rounding import format_kg
from courseware.footprint.systems import NamedConfiguration, list_named_configurations

Gettext = Callable[[str], str]

ASSET_DIR = "assets/footprint"
DATA_SCRIPT = f"{ASSET_DIR}/footprint-data.js"
CALCULATOR_SCRIPT = f"{ASSET_DIR}/calculator.js"
STYLESHEET = f"{ASSET_DIR}/calculator.css"
DATA_GLOBAL = "COURSEWARE_FOOTPRINT"
AXIS_MIN_KG_CO2E = 0.01
AXIS_MAX_KG_CO2E = 1000.0


def _identity(text: str) -> str:
    return text


DATA_LANGUAGE = "en"
"""The language of the data's own notes (the calculator's README, a datasheet's fields)."""


def english_attributes(language: str) -> str:
    """`` lang="en"`` for English data on a page in ``language`` (empty on an English page),
    with `` dir="ltr"`` on a right-to-left page, so the text keeps its own direction."""
    if language.split("-")[0] == DATA_LANGUAGE:
        return ""
    # Imported here: the labs' runtime wheel ships this module without Babel (11 MB), and
    # only the site's pages in other languages need it.
    from babel import Locale, UnknownLocaleError

    try:
        order = Locale.parse(language.replace("-", "_")).character_order
    except (ValueError, UnknownLocaleError):
        order = "left-to-right"
    turned = ' dir="ltr"' if order == "right-to-left" else ""
    return f' lang="{DATA_LANGUAGE}"{turned}'


def decimal_symbol(language: str | None) -> str:
    """The decimal separator readers of ``language`` write (CLDR, through Babel): ``,`` in
    Spanish, Portuguese and French, ``.`` in English and, by CLDR's default Latin digits,
    Arabic. The calculator shows and accepts it."""
    from babel import Locale, UnknownLocaleError
    from babel.numbers import get_decimal_symbol

    if not language:
        return "."
    try:
        return str(get_decimal_symbol(Locale.parse(language.replace("-", "_"))))
    except (ValueError, UnknownLocaleError):
        return "."


def shown_kg(value: float, language: str | None) -> str:
    """``format_kg`` with the reader's decimal separator: ``0,89`` on a Portuguese page."""
    return format_kg(value).replace(".", decimal_symbol(language))


def block_headings(gettext: Gettext = _identity) -> dict[str, str]:
    """Return the translated heading of every block, by block key."""
    return {
        "ml_training": gettext("ML Training"),
        "casing": gettext("Casing"),
        "processing": gettext("Processing"),
        "pcb": gettext("PCB"),
        "power_supply": gettext("Power Supply"),
        "sensing": gettext("Sensing"),
        "others": gettext("Others"),
        "transport": gettext("Transport"),
        "ui": gettext("Indicator LED UI"),
        "use_stage": gettext("Use-Stage"),
    }


def option_labels(gettext: Gettext = _identity) -> dict[str, str]:
    """Return the translated label of every calculator option, by its English label."""
    return {
        "DenseNet": gettext("DenseNet"),
        "MobileNetV1": gettext("MobileNetV1"),
        "ABS 200g/Steel 20g": gettext("ABS 200g/Steel 20g"),
        "ABS 400g/Steel 80g": gettext("ABS 400g/Steel 80g"),
        "ABS 700g/Steel 300g": gettext("ABS 700g/Steel 300g"),
        "MCU 5 mm²": gettext("MCU 5 mm²"),
        "MCU 10 mm²": gettext("MCU 10 mm²"),
        "MCU 17 mm²": gettext("MCU 17 mm²"),
        "HSL-0 small": gettext("HSL-0 small"),
        "HSL-0 typical": gettext("HSL-0 typical"),
        "HSL-0 large": gettext("HSL-0 large"),
        "Mains powered": gettext("Mains powered"),
        "Li-ion battery (typical)": gettext("Li-ion battery (typical)"),
        "Li-ion battery (large)": gettext("Li-ion battery (large)"),
        "Electret Microphone": gettext("Electret Microphone"),
        "30 mm² CMOS": gettext("30 mm² CMOS"),
        "58 mm² CMOS": gettext("58 mm² CMOS"),
        "HSL-0 Best case": gettext("HSL-0 Best case"),
        "HSL-0 Typical": gettext("HSL-0 Typical"),
        "HSL-0 Worst case": gettext("HSL-0 Worst case"),
        "HSL-1 Best case": gettext("HSL-1 Best case"),
        "HSL-1 Typical": gettext("HSL-1 Typical"),
        "HSL-1 Worst case": gettext("HSL-1 Worst case"),
        "1 LED": gettext("1 LED"),
        "2 LEDs": gettext("2 LEDs"),
        "4 LEDs": gettext("4 LEDs"),
        "Continuous 1mW": gettext("Continuous 1mW"),
    }


def configuration_names(gettext: Gettext = _identity) -> dict[str, str]:
    """Return the translated name of every preset and published system, by key."""
    return {
        "vision": gettext("Vision"),
        "anomaly-detection": gettext("Anomaly Detection"),
        "kws-best": gettext("Keyword spotting, best case"),
        "kws-typical": gettext("Keyword spotting, typical"),
        "ad-typical": gettext("Anomaly detection, typical"),
        "ic-typical": gettext("Image classification, typical"),
        "ic-worst": gettext("Image classification, worst case"),
    }


def reference_names(gettext: Gettext = _identity) -> dict[str, str]:
    """Return the translated name of every reference device, by key."""
    return {
        "apple-watch-s7": gettext("Apple Watch Series 7"),
        "macbook-pro": gettext("MacBook Pro"),
    }


def _script_strings(gettext: Gettext, language: str | None) -> dict[str, str]:
    strings = {
        "custom": gettext("Custom"),
        "bad_custom": gettext(
            "Enter a number of kg CO2e, zero or more (for example {example})."
        ).format(example="0" + decimal_symbol(language) + "25"),
        "decimal": decimal_symbol(language),
        "interval": gettext("Best to worst case: {low} to {high} kg CO2e"),
        "fix_inputs": gettext("Fix the values marked above to see the total."),
        "switched_off": gettext("switched off"),
        "total": gettext("Total"),
        "chart_title": gettext("Footprint of this device beside reference devices"),
        "this_device": gettext("This device"),
        "axis_label": gettext("kg CO2e (log scale)"),
        "chart_alt": gettext(
            "Stacked bar chart on a logarithmic scale: this device, {total} kg CO2e in total, "
            "made of {parts}. Beside it: {references}."
        ),
        "reference_alt": gettext("{name}, {kg} kg CO2e ({ratio} times this device)"),
    }
    strings.update({f"heading:{k}": v for k, v in block_headings(gettext).items()})
    strings.update({f"reference:{k}": v for k, v in reference_names(gettext).items()})
    return strings


def _configuration_id(entry: NamedConfiguration) -> str:
    return f"{entry.kind}:{entry.key}"


def calculator_page_data() -> dict[str, Any]:
    """Return the numbers the browser calculator needs, all from the package's data file.

    Option and custom values, their best/worst bounds and the reference devices are the very
    floats the library uses, so the browser adds up to the same totals.
    """
    data = load_calculator_data()
    blocks = []
    for block in data.blocks:
        options = []
        for option in block.options:
            interval = option_interval(block, option)
            options.append(
                {
                    "slug": option_slug(option),
                    "kg": option.kg_co2e,
                    "low": interval.low_kg_co2e,
                    "high": interval.high_kg_co2e,
                }
            )
        blocks.append({"key": block.key, "options": options})
    configurations = []
    for entry in list_named_configurations():
        settings: dict[str, dict[str, float | str]] = {}
        for result in entry.report.blocks:
            if result.kind == "option":
                spec = data.block(result.key)
                option = next(o for o in spec.options if o.label == result.option_label)
                settings[result.key] = {"option": option_slug(option)}
            else:
                settings[result.key] = {
                    "custom": result.kg_co2e,
                    "low": result.interval.low_kg_co2e,
                    "high": result.interval.high_kg_co2e,
                }
        configurations.append(
            {
                "id": _configuration_id(entry),
                "total_kg_co2e": format_kg(entry.report.total_kg_co2e_raw),
                "blocks": settings,
            }
        )
    return {
        "version": data.schema_version,
        "initial": f"preset:{data.calculator.initial_preset}",
        "blocks": blocks,
        "configurations": configurations,
        "references": [
            {"key": reference.key, "kg": reference.kg_co2e} for reference in data.references
        ],
        "axis": {"min_kg": AXIS_MIN_KG_CO2E, "max_kg": AXIS_MAX_KG_CO2E},
    }


def footprint_data_script() -> bytes:
    """Return ``footprint-data.js``: one assignment of the page data to a global."""
    payload = json.dumps(calculator_page_data(), ensure_ascii=True, sort_keys=True)
    # The JSON is data, never markup; "</" cannot end a script element in an external file,
    # but escaping it keeps the file safe to inline should anyone ever try.
    payload = payload.replace("</", "<\\/")
    header = "/* Generated from courseware/footprint/data/calculator.yaml. Do not edit. */\n"
    return f"{header}window.{DATA_GLOBAL} = {payload};\n".encode()


def _static(name: str) -> bytes:
    return resources.files("courseware.footprint").joinpath("assets", name).read_bytes()


def calculator_assets() -> dict[str, bytes]:
    """Return the files the calculator page loads, by path relative to the site root."""
    return {
        DATA_SCRIPT: footprint_data_script(),
        CALCULATOR_SCRIPT: _static("calculator.js"),
        STYLESHEET: _static("calculator.css"),
    }


def _attr(text: str) -> str:
    return escape(text, quote=True)


def _header_row(labels: list[str]) -> str:
    # Labels arrive translated: gettext calls stay outside f-strings so Babel can extract them.
    cells = "".join('<th scope="col">' + escape(label) + "</th>" for label in labels)
    return "<thead><tr>" + cells + "</tr></thead>"


def _form(gettext: Gettext, language: str | None) -> str:
    data = load_calculator_data()
    headings = block_headings(gettext)
    labels = option_labels(gettext)
    names = configuration_names(gettext)
    entries = list_named_configurations()
    lines = [
        '<form class="fp-form" id="fp-form" hidden>',
        '<p class="fp-start"><label for="fp-start">' + escape(gettext("Start from")) + "</label> ",
        '<select id="fp-start">',
        '<optgroup label="' + _attr(gettext("Calculator presets")) + '">',
    ]
    presets = [e for e in entries if e.kind == "preset"]
    systems = [e for e in entries if e.kind == "system"]
    for entry in presets:
        lines.append(
            f'<option value="{_attr(_configuration_id(entry))}">{escape(names[entry.key])}</option>'
        )
    lines.append("</optgroup>")
    systems_label = gettext("Published systems (README and paper)")
    lines.append('<optgroup label="' + _attr(systems_label) + '">')
    for entry in systems:
        lines.append(
            f'<option value="{_attr(_configuration_id(entry))}">{escape(names[entry.key])}</option>'
        )
    lines += ["</optgroup>", "</select></p>"]
    for block in data.blocks:
        key = block.key
        lines += [
            f'<fieldset class="fp-block" data-block="{key}">',
            f"<legend>{escape(headings[key])}</legend>",
            '<div class="fp-row">',
            f'<label><input type="checkbox" id="fp-on-{key}" checked> '
            + escape(gettext("Count this block"))
            + "</label>",
            f'<label for="fp-opt-{key}">' + escape(gettext("Option")) + "</label>",
            f'<select id="fp-opt-{key}">',
        ]
        for option in block.options:
            label = labels[option.label]
            lines.append(
                f'<option value="{option_slug(option)}" data-label="{_attr(label)}">'
                f"{escape(label)} ({shown_kg(option.kg_co2e, language)})</option>"
            )
        custom = gettext("Custom")
        lines += [
            f'<option value="custom" data-label="{_attr(custom)}">{escape(custom)}</option>',
            "</select>",
            f'<label for="fp-custom-{key}">' + escape(gettext("Custom kg CO2e")) + "</label>",
            f'<input type="text" inputmode="decimal" id="fp-custom-{key}" '
            f'aria-describedby="fp-err-{key}" autocomplete="off">',
            f'<span class="fp-error" id="fp-err-{key}" aria-live="polite"></span>',
            "</div>",
            "</fieldset>",
        ]
    lines.append("</form>")
    return "\n".join(lines)


def _summary(gettext: Gettext) -> str:
    # Above the form and sticky while the form is on screen (calculator.css; div.fp-inputs
    # holds both): on a phone the form is a dozen screens long, and the total stays in sight.
    return (
        '<div class="fp-live" id="fp-live" hidden>'
        '<p class="fp-summary" aria-live="polite">'
        + escape(gettext("Total:"))
        + ' <output id="fp-total" for="fp-form">–</output> '
        + escape(gettext("kg CO2e per device"))
        + '<br><span id="fp-interval"></span></p></div>'
    )


def _without_script(gettext: Gettext) -> str:
    # A plain paragraph, not <noscript>: the sanitizer parses <noscript> content as text (as
    # a browser with scripting on does), so its markup would show as text. The script hides
    # it, and calculator.css hides it where the browser reports scripting.
    message = gettext(
        "The interactive calculator needs JavaScript. The tables below list every "
        "option and the totals of the presets and published systems."
    )
    return '<p class="fp-noscript" id="fp-noscript">' + escape(message) + "</p>"


def _output(gettext: Gettext) -> str:
    return "\n".join(
        [
            '<div class="fp-output" id="fp-output" hidden>',
            '<table id="fp-results">',
            "<caption>" + escape(gettext("Footprint per block")) + "</caption>",
            _header_row(
                [
                    gettext("Block"),
                    gettext("Choice"),
                    gettext("kg CO2e"),
                    gettext("Best to worst case"),
                ]
            ),
            "<tbody></tbody>",
            "<tfoot></tfoot>",
            "</table>",
            '<figure class="fp-chart" id="fp-chart">',
            '<figcaption id="fp-chart-caption"></figcaption>',
            "</figure>",
            '<ul class="fp-legend" id="fp-legend"></ul>',
            "</div>",
        ]
    )


def _totals_table(gettext: Gettext, language: str | None) -> str:
    names = configuration_names(gettext)
    kinds = {"preset": gettext("Calculator preset"), "system": gettext("Published system")}
    rows = [
        '<table class="fp-totals" id="fp-totals">',
        _header_row(
            [
                gettext("Configuration"),
                gettext("Kind"),
                gettext("Total kg CO2e"),
                gettext("Best to worst case"),
                gettext("In the paper"),
            ]
        ),
        "<tbody>",
    ]
    for entry in list_named_configurations():
        interval = entry.report.interval
        paper = gettext("yes") if entry.in_paper else ""
        rows.append(
            f'<tr data-configuration="{_attr(_configuration_id(entry))}">'
            f'<th scope="row">{escape(names[entry.key])}</th>'
            f"<td>{escape(kinds[entry.kind])}</td>"
            f'<td class="fp-number">{shown_kg(entry.report.total_kg_co2e_raw, language)}</td>'
            f'<td class="fp-number">{shown_kg(interval.low_kg_co2e, language)} – '
            f"{shown_kg(interval.high_kg_co2e, language)}</td>"
            f"<td>{escape(paper)}</td></tr>"
        )
    rows += ["</tbody>", "</table>"]
    return "\n".join(rows)


def _options_table(gettext: Gettext, language: str | None) -> str:
    data = load_calculator_data()
    headings = block_headings(gettext)
    labels = option_labels(gettext)
    rows = [
        '<table class="fp-options" id="fp-options">',
        _header_row(
            [
                gettext("Block"),
                gettext("Option"),
                gettext("kg CO2e"),
                gettext("Best to worst case"),
                gettext("Source"),
            ]
        ),
        "<tbody>",
    ]
    # The source notes quote the calculator's code and README: they stay in English.
    marks = english_attributes(language) if language else f' lang="{DATA_LANGUAGE}"'
    for block in data.blocks:
        for option in block.options:
            interval = option_interval(block, option)
            rows.append(
                f'<tr><th scope="row">{escape(headings[block.key])}</th>'
                f"<td>{escape(labels[option.label])}</td>"
                f'<td class="fp-number">{shown_kg(option.kg_co2e, language)}</td>'
                f'<td class="fp-number">{shown_kg(interval.low_kg_co2e, language)} – '
                f"{shown_kg(interval.high_kg_co2e, language)}</td>"
                f"<td{marks}>{escape(option.source)}</td></tr>"
            )
    rows += ["</tbody>", "</table>"]
    return "\n".join(rows)


def calculator_page_markdown(
    gettext: Gettext = _identity, asset_prefix: str = "../", language: str | None = None
) -> str:
    """Return the body of the calculator page (Markdown with raw HTML).

    Args:
        gettext: Translates each visible string (called with literals, for Babel).
        asset_prefix: Relative path from the page to the site root, ending in ``/``.
        language: The page's language; its English parts are marked as English. When it
            is not given, they are marked on every page (without the direction a
            right-to-left page needs).
    """
    i18n = _attr(json.dumps(_script_strings(gettext, language), ensure_ascii=False, sort_keys=True))
    data = load_calculator_data()
    parts = [
        "# " + gettext("TinyML CO2 footprint calculator"),
        gettext(
            "How might you quantify the environmental impact of a TinyML device? This "
            "calculator reproduces the public TinyML CO2 Footprint Calculator: one value per "
            "block (training, casing, processing, board, power supply, sensing, other parts, "
            "transport, indicator LEDs and use), added up per device, in kg CO2e. It also "
            "shows the best-to-worst-case range of each block and compares the device with an "
            "Apple Watch Series 7 and a MacBook Pro."
        ),
        f'<div class="fp-calculator" id="fp-calculator" data-i18n="{i18n}">\n'
        f'<link rel="stylesheet" href="{_attr(asset_prefix + STYLESHEET)}">\n'
        + _without_script(gettext)
        + "\n"
        + '<div class="fp-inputs">\n'
        + _summary(gettext)
        + "\n"
        + _form(gettext, language)
        + "\n</div>\n"
        + _output(gettext)
        + "\n</div>",
        "## " + gettext("Presets and published systems"),
        gettext(
            "The calculator's two presets differ from the systems published in its README and "
            'in the paper "Is TinyML Sustainable?": the presets use mains power and the '
            "smallest casing, the published systems a Li-ion battery."
        ),
        _totals_table(gettext, language),
        "## " + gettext("Options of every block"),
        _options_table(gettext, language),
        "## " + gettext("Sources"),
        gettext(
            "Values: the TinyML CO2 Footprint Calculator (harvard-edge/TinyML-Footprint) and "
            "its README table, after Pirson and Bol (2021) and Dodge et al. (2022). The "
            "best-to-worst-case ranges are the README's hardware specification levels."
        )
        + f" <{data.calculator.url}>",
        f'<script src="{_attr(asset_prefix + DATA_SCRIPT)}"></script>\n'
        f'<script src="{_attr(asset_prefix + CALCULATOR_SCRIPT)}"></script>',
    ]
    return "\n\n".join(parts) + "\n"

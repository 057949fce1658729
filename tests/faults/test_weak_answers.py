"""Weak answers of issue 20 made clear (item 5), each against a project that built cleanly,
as the rest of the fault suite: one bad field reported once, not once per file that names
what it broke; an image beside a module's text on the built page; a new hand page in the
navigation; huge numbers and terminal escapes at the command line.

The table cases run through ``test_faults.test_fault`` (exact ``path:line`` problems, the
exit code, no traceback, the previous site unchanged, no script from content).
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from courseware.cli import cli
from courseware.cli.terminal import printable

HERE = Path(__file__).resolve().parent


def _load(name: str, file: str) -> Any:
    spec = importlib.util.spec_from_file_location(name, HERE / file)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


suite = _load("fault_suite_for_weak_answers", "test_faults.py")
cases: Any = sys.modules["fault_cases"]
Fault = cases.Fault

built = suite.built
project = suite.project
build = suite.build
run_fault = suite.test_fault

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("faults")]

SOURCES = """\
sources:
  - id: example-2024
    kind: speech
    title: A talk that states a figure
"""

INTRO_CITING = (
    "## What this module covers\n\n"
    "The [sensing module](../sensing/index.md#how-sensors-work) follows this one.\n\n"
    "A wake-word model takes 18 kB[^example-2024].\n\n"
    "[^example-2024]: A talk that states a figure.\n"
)

FOLLOW_ON: tuple[Any, ...] = (
    Fault(
        70,
        "one-bad-language-field",
        {"curriculum/languages.yaml": cases.fixture_languages("direction: rtl", "direction: rtll")},
        (
            (
                "curriculum/languages.yaml:25: languages[4].direction: 'rtll' is not one of "
                "ltr, rtl; did you mean 'rtl'?",
                "CW-SCH-005",
            ),
        ),
    ),
    Fault(
        71,
        "one-bad-language-code",
        {"curriculum/languages.yaml": cases.fixture_languages("code: fr", "code: french")},
        (
            (
                "curriculum/languages.yaml:18: languages[3].code: 'french' is not a language code",
                "CW-SCH-011",
            ),
        ),
    ),
    Fault(
        72,
        "one-bad-topic-field",
        {"curriculum/topics.yaml": "topics:\n  - {id: basics, titel: Basics}\n"},
        (
            ("curriculum/topics.yaml:2: topics[0].title: required field is missing", "CW-SCH-003"),
            ("curriculum/topics.yaml:2: topics[0].titel: unknown field 'titel'", "CW-SCH-002"),
        ),
    ),
    Fault(
        73,
        "one-bad-module-field",
        prepare=lambda root: cases.break_module_field(
            root, "intro", "level: introductory", "level: easy"
        ),
        expected=(
            (
                "modules/intro/module.yaml:7: level: 'easy' is not one of introductory, "
                "intermediate, advanced",
                "CW-SCH-005",
            ),
        ),
    ),
    Fault(
        74,
        "module-id-differs-from-its-folder",
        prepare=lambda root: cases.break_module_field(root, "intro", "id: intro", "id: intr"),
        expected=(
            (
                "modules/intro/module.yaml:1: id: 'intr' differs from the folder name 'intro'",
                "CW-REG-006",
            ),
        ),
    ),
    Fault(
        75,
        "one-bad-source-field",
        {"curriculum/sources.yaml": SOURCES, "modules/intro/index.md": INTRO_CITING},
        (
            (
                "curriculum/sources.yaml:3: sources[0].kind: 'speech' is not one of "
                "publication, talk",
                "CW-SCH-005",
            ),
        ),
    ),
    Fault(
        76,
        "a-reference-to-an-id-the-broken-file-does-not-hold",
        {
            "curriculum/languages.yaml": cases.fixture_languages(
                "direction: rtl", "direction: rtll"
            ),
            "curriculum/tracks/short.yaml": "id: short\ntitle: A short course\nlanguage: de\n"
            "audience: [everyone]\ntime_budget_minutes: 120\nsessions:\n"
            "  - title: First steps\n    items:\n      - intro\n      - sensing\n",
        },
        (
            ("curriculum/languages.yaml:25: languages[4].direction: 'rtll'", "CW-SCH-005"),
            (
                "curriculum/tracks/short.yaml:3: language: language 'de' is not declared",
                "CW-REG-004",
            ),
        ),
    ),
    Fault(
        77,
        "svg-beside-a-module-text-is-refused-with-a-fix",
        {
            "modules/intro/wiring.svg": '<svg xmlns="http://www.w3.org/2000/svg">'
            "<script>alert(1)</script></svg>",
            "modules/intro/index.md": "## What this module covers\n\n"
            "![The wiring of the board](wiring.svg)\n",
        },
        (
            (
                "modules/intro/wiring.svg: an SVG beside a module page is not published",
                "CW-SITE-030",
            ),
        ),
    ),
)


@pytest.mark.parametrize("fault", FOLLOW_ON, ids=lambda fault: fault.id)
def test_one_bad_field_is_reported_once(
    fault: Any,
    project: Path,
    built: tuple[Path, dict[str, str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """70-77: the root cause at its line and nothing else (before: 9 to 298 lines)."""
    run_fault(fault, project, built, monkeypatch)


def test_an_image_beside_a_module_text_shows_on_its_page(project: Path) -> None:
    """78: ``modules/intro/diagram.png`` linked as ``diagram.png`` is published beside the
    module page in every language, and the page shows it."""
    png = cases.tiny_png()
    folder = project / "modules" / "intro"
    (folder / "diagram.png").write_bytes(png)
    (folder / "figures").mkdir()
    (folder / "figures" / "board.webp").write_bytes(b"RIFF\0\0\0\0WEBPVP8 ")
    with (folder / "index.md").open("a", encoding="utf-8") as stream:
        stream.write("\n\n![A wiring diagram](diagram.png)\n\n![The board](figures/board.webp)\n")
    code, lines = build(project)
    assert code == 0, lines
    site = project / "site"
    for language in ("", "es/", "ar/"):
        folder = site / f"{language}modules/intro"
        page = (folder / "index.html").read_text(encoding="utf-8")
        # Other languages' pages point at the site's one copy (engine/shared_files.py).
        [diagram] = re.findall(r'<img alt="A wiring diagram" src="([^"]+)"', page)
        [board] = re.findall(r'<img alt="The board" src="([^"]+)"', page)
        assert diagram.endswith("diagram.png") and board.endswith("figures/board.webp")
        assert (folder / diagram).resolve().read_bytes() == png, language
        assert (folder / board).resolve().is_file(), language


def test_a_new_hand_page_is_added_to_the_navigation(project: Path) -> None:
    """79: ``pages/new.md`` that ``mkdocs.yml`` does not place builds (before: MkDocs'
    "not included in the nav" once per language) and is reachable from every page."""
    (project / "pages" / "new.md").write_text("# Workshops near you\n\nA new page.\n", "utf-8")
    (project / "pages" / "new.es.md").write_text("# Talleres\n\nUna página nueva.\n", "utf-8")
    code, lines = build(project)
    assert code == 0, lines
    site = project / "site"
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="new/"' in home and "Workshops near you" in home
    spanish = (site / "es" / "catalog" / "index.html").read_text(encoding="utf-8")
    assert 'href="../new/"' in spanish and "Talleres" in spanish
    assert "Una página nueva." in (site / "es" / "new" / "index.html").read_text("utf-8")
    assert (site / "fr" / "new" / "index.html").is_file()


# Numbers the footprint library cannot print with two decimals (issue 20: a traceback).

HUGE_VALUES = [
    ("--extra", "a=1e200"),
    ("--extra", "a=1e308"),
    ("--extra", "a=-1e200"),
    ("--extra", "a=" + "9" * 400),
    ("--extra", "a=1e21"),
    ("--custom", "processing=1e200"),
]


@pytest.mark.parametrize(("flag", "value"), HUGE_VALUES, ids=[v for _, v in HUGE_VALUES])
def test_a_huge_footprint_value_is_one_line_and_exit_2(flag: str, value: str) -> None:
    """80-85: each overflowing value is refused in one line, exit 2, no traceback."""
    result = CliRunner().invoke(
        cli, ["footprint", "estimate", flag, value, "--allow-credits", "--json"]
    )
    assert result.exit_code == 2, result.output
    assert (
        "Traceback" not in result.output
        and result.exception is None
        or isinstance(result.exception, SystemExit)
    )
    [line] = result.output.strip().splitlines()
    assert line.startswith(f"Error: Invalid value for '{flag}': '{value}': "), line
    assert line.endswith("is too large: give a value below 1e+21 in size"), line


def test_the_largest_value_below_the_limit_is_estimated() -> None:
    """86: just under the limit still gives a report, with two decimals."""
    result = CliRunner().invoke(cli, ["footprint", "estimate", "--extra", "a=9e20", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["total_kg_co2e"] >= 9e20


# Terminal control characters from content are removed from everything the CLI prints.

CONTROLS = {
    "clear-screen": ("\x1b[2J\x1b[Hsafe", "safe"),
    "colour": ("\x1b[31mred\x1b[0m", "red"),
    "hidden-hyperlink": ("\x1b]8;;https://evil.example/\x07click\x1b]8;;\x07", "click"),
    "window-title": ("\x1b]0;owned\x1b\\title", "title"),
    "c1-csi": ("\x9b31mred", "red"),
    "carriage-return": ("paid\rowed", "paidowed"),
    "backspace-and-bell": ("ab\x08\x07c", "abc"),
    "bidi-override": ("Safe \u202egnp.exe", "Safe gnp.exe"),
    "bidi-isolate": ("\u2067evil\u2069", "evil"),
    "nul": ("a\x00b", "ab"),
}


@pytest.mark.parametrize("text,shown", CONTROLS.values(), ids=CONTROLS.keys())
def test_printable_removes_what_a_terminal_would_act_on(text: str, shown: str) -> None:
    """87-96: each kind of sequence is removed whole; tab, newline and Arabic text stay."""
    assert printable(text) == shown
    assert printable("a\tb\nالمختبر") == "a\tb\nالمختبر"


@pytest.fixture
def hostile_import(tmp_path: Path) -> Iterator[Path]:
    """A TinyMLedu workshops file whose title carries escapes of every kind."""
    source = tmp_path / "workshops.yaml"
    source.write_text(
        '- title: "Evil \\e]8;;https://evil.example/\\aclick\\e]8;;\\a \\e[2J\\e[31mred'
        '\\rOver \\u202egnp.exe \\x9b31m"\n'
        '  date: "June 2021"\n  audience: "Everyone"\n'
        '  language_instruction: "English"\n  language_materials: "English"\n'
        '  links:\n    - url: "https://example.org/x/"\n      title: "Website"\n',
        encoding="utf-8",
    )
    yield source


def test_the_import_report_prints_no_terminal_escapes(hostile_import: Path, project: Path) -> None:
    """97: the TinyMLedu import report echoed escape sequences from source titles."""
    result = CliRunner().invoke(
        cli,
        ["import", "tinymledu", str(hostile_import), "--kind", "workshop"]
        + ["--root", str(project), "--dry-run"],
    )
    assert "workshops.yaml:1" in result.output, result.output
    for char in ("\x1b", "\x07", "\x9b", "\r", "\u202e"):
        assert char not in result.output, repr(char)
    assert "Evil click" in result.output

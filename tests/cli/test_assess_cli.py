"""Tests of ``courseware assess`` (check, score, report, export), through click."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree as ET

from click.testing import CliRunner

from courseware.cli import cli

FIXTURES = Path(__file__).parent.parent / "fixtures" / "assess"
PROJECT = str(FIXTURES / "project")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_check_reports_every_bank_problem_and_exits_1() -> None:
    code, _, err = run("assess", "check", "--root", str(FIXTURES / "broken"))
    assert code == 1
    assert "modules/alpha/questions.yaml:38: items[4].tolerance: -0.5 is negative" in err
    assert err.rstrip().endswith("6 problems found.")
    assert run("assess", "check", "--root", PROJECT)[:2] == (
        0,
        "OK: 1 question banks, 6 items, 2 tracks\n",
    )


def test_score_writes_the_csv_and_reports_bad_codes_by_line(tmp_path: Path) -> None:
    out = tmp_path / "scores.csv"
    codes = FIXTURES / "codes" / "bad.txt"
    code, _, err = run(
        "assess", "score", str(codes), "--track", "pilot", "--form", "A", "--out", str(out),
        "--root", PROJECT,
    )  # fmt: skip
    assert code == 1
    assert out.read_text().splitlines()[1] == "2,0K1,pilot,A,3,3,100.0,100.0,100.0"
    refused = [line for line in err.splitlines() if line.startswith(str(codes))]
    assert [line.split(":")[1] for line in refused] == ["3", "4", "5", "6", "7", "8", "9", "10"]


def test_score_refuses_an_unknown_track_as_a_usage_error() -> None:
    code, _, err = run(
        "assess", "score", str(FIXTURES / "codes" / "pre.txt"), "--track", "pilto",
        "--root", PROJECT,
    )  # fmt: skip
    assert code == 2
    assert "unknown track 'pilto'; did you mean 'pilot'?" in err


def test_report_writes_markdown_html_and_plot(tmp_path: Path) -> None:
    pre, post = (str(FIXTURES / "codes" / name) for name in ("pre.txt", "post.txt"))
    code, out, _ = run("assess", "report", pre, post, "--out", str(tmp_path), "--root", PROJECT)
    assert code == 0
    assert out.split() == [str(tmp_path / n) for n in ("report.md", "report.html", "gains.png")]
    assert "| alpha/o-two | 4 | 25.0 | 75.0 | 0.67 | 0.67 |" in (tmp_path / "report.md").read_text()


def test_export_writes_a_bank_and_a_track_form(tmp_path: Path) -> None:
    bank = tmp_path / "alpha.xml"
    code, _, _ = run(
        "assess", "export", "alpha", "--format", "moodle", "--lang", "es", "--out", str(bank),
        "--root", PROJECT,
    )  # fmt: skip
    assert code == 0
    texts = [q.findtext("questiontext/text") for q in ET.parse(bank).getroot()]
    assert "Di por qué." in texts
    code, out, _ = run(
        "assess", "export", "pilot", "--format", "qti", "--form", "B", "--root", PROJECT
    )
    assert code == 0
    assert out.count("<item ") == 3 and 'ident="pilot-form-b"' in out


def test_export_refuses_a_language_the_module_is_not_in() -> None:
    code, _, err = run(
        "assess", "export", "alpha", "--format", "qti", "--lang", "pt", "--root", PROJECT
    )
    assert code == 2
    assert "module 'alpha' exists in en, es, not 'pt'" in err


def test_schema_writes_the_question_bank_schema(tmp_path: Path) -> None:
    import json

    code, _, _ = run("schema", "--root", PROJECT, "--out", str(tmp_path))
    assert code == 0
    schema = json.loads((tmp_path / "questions.schema.json").read_text(encoding="utf-8"))
    kinds = {"SingleChoice", "MultipleChoice", "TrueFalse", "Numeric", "ShortAnswer", "Ordering"}
    assert kinds <= set(schema["$defs"])
    module = json.loads((tmp_path / "module.schema.json").read_text(encoding="utf-8"))
    assert module["properties"]["learning_objectives"]["items"] == {
        "$ref": "#/$defs/LearningObjective"
    }

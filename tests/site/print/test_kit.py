"""The print kit built for real from the print fixture project (English and Arabic, two
modules, a lab with a figure, question banks): Chromium prints every edition, poppler reads
the PDFs back (pdftotext, pdffonts, pdftoppm), pypdf measures the pages, and a rebuild with
the track unchanged prints nothing."""

from __future__ import annotations

import html
import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from courseware.cli import cli
from courseware.i18n.formatting import format_size
from courseware.site import BuildReport, build_site
from courseware.site.print import PAPER_SIZES_MM, PrintedTrack

pytestmark = [pytest.mark.slow, pytest.mark.browser, pytest.mark.xdist_group("site-build")]

REPO = Path(__file__).resolve().parents[3]
FIXTURE = REPO / "tests" / "fixtures" / "print"
TRACK = "printed-course"
_POINTS_PER_MM = 72 / 25.4
_BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _copy_project(destination: Path) -> Path:
    project = destination / "project"
    shutil.copytree(FIXTURE, project)
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    return project


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildReport]:
    project = _copy_project(tmp_path_factory.mktemp("print-site"))
    return project, build_site(project)


def _printed(report: BuildReport, language: str, edition: str) -> PrintedTrack:
    (found,) = [p for p in report.prints if (p.language, p.edition) == (language, edition)]
    return found


def _text(pdf: Path, *pages: int) -> str:
    """pdftotext's text (of ``pages`` when given), bidi control marks removed."""
    command = ["pdftotext", "-enc", "UTF-8"]
    if pages:
        command += ["-f", str(pages[0]), "-l", str(pages[-1])]
    result = subprocess.run([*command, str(pdf), "-"], capture_output=True, check=True)
    return _BIDI_CONTROLS.sub("", result.stdout.decode("utf-8"))


def _in_order(text: str, words: list[str]) -> list[str]:
    """The words not found in ``text`` after the one before them (empty: all in order)."""
    missing, position = [], 0
    for word in words:
        found = text.find(word, position)
        if found < 0:
            missing.append(word)
        else:
            position = found + len(word)
    return missing


def _word_boxes(pdf: Path) -> dict[str, float]:
    """Each word of a PDF (as pdftotext -bbox spells it) and the left edge of its first box."""
    result = subprocess.run(
        ["pdftotext", "-bbox", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True
    )
    boxes: dict[str, float] = {}
    for left, word in re.findall(
        r'<word xMin="([\d.]+)"[^>]*>([^<]*)</word>', result.stdout.decode()
    ):
        boxes.setdefault(html.unescape(word), float(left))
    return boxes


def _site_pdf(project: Path, name: str) -> Path:
    return project / "site" / "prints" / name


def test_the_build_prints_both_editions_in_every_language_the_track_has(built) -> None:
    project, report = built
    wanted = {(TRACK, lang, ed) for lang in ("en", "ar") for ed in ("student", "teacher")}
    assert {(p.track_id, p.language, p.edition) for p in report.prints} == wanted
    for printed in report.prints:
        assert not printed.is_reused
        assert printed.overflows == ()  # nothing wider than the printable width
        assert _site_pdf(project, printed.file_name).read_bytes()[:5] == b"%PDF-"


def test_the_track_page_offers_each_pdf_with_its_size(built) -> None:
    project, report = built
    page = (project / "site" / "tracks" / TRACK / "index.html").read_text(encoding="utf-8")
    for printed in report.prints:
        assert f"prints/{printed.file_name}" in page
        assert format_size(printed.size_bytes, "en") in page
    arabic = (project / "site" / "ar" / "tracks" / TRACK / "index.html").read_text("utf-8")
    assert "نسخة المعلّم" in arabic  # "Teacher's edition"


def test_page_count_and_no_page_wider_than_the_paper(built) -> None:
    project, report = built
    width_pt, height_pt = (size * _POINTS_PER_MM for size in PAPER_SIZES_MM["a4"])
    for printed in report.prints:
        reader = PdfReader(_site_pdf(project, printed.file_name))
        assert len(reader.pages) == printed.pages
        for page in reader.pages:
            assert float(page.mediabox.width) <= width_pt + 0.5
            assert float(page.mediabox.height) <= height_pt + 0.5
    student, teacher = _printed(report, "en", "student"), _printed(report, "en", "teacher")
    # Cover, contents, syllabus, two modules, the lab worksheet, forms A and B at least; the
    # teacher's edition adds the teaching kits.
    assert student.pages >= 8
    assert teacher.pages > student.pages


def test_every_font_is_embedded(built) -> None:
    project, report = built
    for printed in report.prints:
        result = subprocess.run(
            ["pdffonts", str(_site_pdf(project, printed.file_name))],
            capture_output=True,
            check=True,
            text=True,
        )
        rows = result.stdout.splitlines()[2:]
        assert rows, "no fonts listed"
        for row in rows:
            # name type encoding emb sub uni object ID: "emb" is the fourth column from the end.
            assert row.split()[-5] == "yes", row
    arabic = subprocess.run(
        ["pdffonts", str(_site_pdf(project, _printed(report, "ar", "student").file_name))],
        capture_output=True,
        check=True,
        text=True,
    ).stdout
    assert "NotoNaskhArabic" in arabic


def test_the_english_text_comes_out_in_the_order_of_the_track(built) -> None:
    project, report = built
    text = _text(_site_pdf(project, _printed(report, "en", "student").file_name))
    order = ["A printed course", "Contents", "Syllabus", "Sensing the world", "armadillo"]
    order += ["Power on a budget", "Counting the wombat days", "wombat days", "Form A", "Form B"]
    assert _in_order(text, order) == [], text
    assert "(https://example.org/sensors/armadillo)" in text  # a link's address, printed
    assert "Bar chart with one bar, 300 days of battery life at 1 mW." in text  # alt caption
    assert "calibration=" in text  # the long code line wrapped, not cut
    assert "Instructor notes" not in text  # the teaching kits are the teacher's
    teacher = _text(_site_pdf(project, _printed(report, "en", "teacher").file_name))
    assert _in_order(teacher, ["Sensing the world", "Instructor notes", "Power on a budget"]) == []


def test_the_arabic_text_comes_out_in_arabic_and_in_order(built) -> None:
    project, report = built
    text = _text(_site_pdf(project, _printed(report, "ar", "student").file_name))
    order = ["دورة مطبوعة", "المحتويات", "استشعار العالم", "حساس المدرع", "بطارية الكوكا"]
    assert _in_order(text, order) == [], text
    # On the page, the heading reads right to left (its first word rightmost) and the code
    # left to right (pdftotext -bbox gives each word's box; Arabic words in visual order).
    words = _word_boxes(_site_pdf(project, _printed(report, "ar", "student").file_name))
    heading = [words["عن"[::-1]], words["حساس"[::-1]], words["المدرع"[::-1]]]
    assert heading == sorted(heading, reverse=True)
    code = [words["reading"], words["armadillo.read(channel=0,"], words["gain=2)"]]
    assert code == sorted(code)


def test_the_contents_give_the_page_each_part_starts_on(built) -> None:
    project, report = built
    for printed in report.prints:
        pdf = _site_pdf(project, printed.file_name)
        contents = _text(pdf, 2)
        entries = re.findall(r"^(.+?)\s*\n?\s*(\d+)\s*$", contents, re.MULTILINE)
        numbers = [int(n) for n in re.findall(r"^\s*(\d{1,3})\s*$", contents, re.MULTILINE)]
        assert "000" not in contents  # every placeholder filled in
        assert len(numbers) >= 5, contents
        assert numbers == sorted(numbers)
        assert all(3 <= n <= printed.pages for n in numbers)
        assert entries
    student = _site_pdf(project, _printed(report, "en", "student").file_name)
    contents = _text(student, 2)
    lab = re.search(r"Counting the wombat days\s+(\d+)", contents)
    assert lab is not None, contents
    assert "Counting the wombat days" in _text(student, int(lab.group(1)))


def test_a_page_of_the_arabic_pdf_renders_to_png(built, tmp_path: Path) -> None:
    project, report = built
    pdf = _site_pdf(project, _printed(report, "ar", "teacher").file_name)
    prefix = tmp_path / "arabic"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "4", "-l", "4", str(pdf), str(prefix)], check=True
    )
    (image,) = tmp_path.glob("arabic*.png")
    data = image.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(data) > 5_000  # a page with text on it, not a blank one


def test_a_rebuild_with_the_track_unchanged_prints_nothing(built) -> None:
    project, first = built
    stamps = {p.file_name: p.path.stat().st_mtime_ns for p in first.prints}
    # A change outside the track: the site is rebuilt, its PDFs are not printed again.
    page = project / "pages" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    second = build_site(project)
    assert second.prints and all(p.is_reused for p in second.prints)
    assert {p.file_name: p.path.stat().st_mtime_ns for p in second.prints} == stamps
    # And with nothing changed the build does no work at all.
    assert build_site(project).prints == ()


def test_print_command_writes_a_letter_pdf_where_asked(built, tmp_path: Path) -> None:
    project, _ = built
    target = tmp_path / "course.pdf"
    result = CliRunner().invoke(
        cli,
        ["print", TRACK, "--lang", "ar", "--edition", "teacher", "--paper", "letter"]
        + ["--output", str(target), "--root", str(project)],
    )
    assert result.exit_code == 0, result.output
    assert f"Wrote {target}" in result.output
    reader = PdfReader(io.BytesIO(target.read_bytes()))
    width_pt = PAPER_SIZES_MM["letter"][0] * _POINTS_PER_MM
    assert abs(float(reader.pages[0].mediabox.width) - width_pt) < 1


def test_print_command_refuses_to_replace_a_file_that_is_not_a_pdf(built, tmp_path) -> None:
    project, _ = built
    notes = tmp_path / "notes.pdf"
    notes.write_text("my notes", encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["print", TRACK, "--output", str(notes), "--root", str(project)]
    )
    assert result.exit_code == 2
    assert "which is not a PDF" in result.output
    assert notes.read_text(encoding="utf-8") == "my notes"


def test_a_missing_chromium_is_one_line_naming_the_package(built, monkeypatch) -> None:
    project, _ = built
    monkeypatch.setenv("COURSEWARE_CHROMIUM", str(project / "no-such-chromium"))
    shutil.rmtree(project / ".cache" / "prints")  # so the command must print
    result = CliRunner().invoke(cli, ["print", TRACK, "--root", str(project)])
    assert result.exit_code == 1
    assert "apt-get install chromium" in result.output
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1

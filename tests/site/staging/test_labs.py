"""Labs in the built site: executed once and cached, failures stop the build (or publish the
last good output with --keep-going), figures with alt text, translations and fallbacks."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from click.testing import CliRunner

from courseware.cli import cli

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("lab-site")]

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


@pytest.fixture
def lab_project(project: Path) -> Path:
    shutil.copytree(FIXTURES / "labs" / "good" / "labs", project / "labs")
    # The module the labs name (a lab naming an unknown module is an error).
    shutil.copytree(FIXTURES / "labs" / "good" / "modules", project / "modules")
    shutil.copy(FIXTURES / "labs" / "good" / "topics.yaml", project / "curriculum" / "topics.yaml")
    return project


def _build(project: Path, *extra: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["build", "--root", str(project), *extra])
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def _digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_second_build_executes_no_lab_and_pages_show_figures_and_downloads(
    lab_project: Path,
) -> None:
    code, output = _build(lab_project)
    assert code == 0, output
    assert "Labs: 2 executed, 0 cached, 0 failed" in output
    code, output = _build(lab_project)
    assert code == 0, output
    assert "Nothing changed" in output and "executed" not in output
    # Another page changes: the site is rebuilt, the labs come from the cache.
    home = lab_project / "pages" / "index.md"
    home.write_text(home.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    code, output = _build(lab_project)
    assert code == 0, output
    assert "Labs: 0 executed, 2 cached, 0 failed" in output
    page_dir = lab_project / "site" / "labs" / "fit"
    page = (page_dir / "index.html").read_text()
    images = re.findall(r'<img[^>]*alt="([^"]+)"[^>]*src="([^"]+)"|<img[^>]*src="([^"]+)"', page)
    assert 'alt="Scatter plot of five points with a rising fitted line"' in page
    for target in re.findall(r'(?:href|src)="([^"#]+\.(?:ipynb|py|png))"', page):
        assert (page_dir / target).resolve().is_file(), target
    assert images
    assert "Traceback" not in page
    assert "ZeroDivisionError: division by zero" in page  # the tagged cell's expected error


def test_translated_lab_uses_its_prose_and_missing_translation_falls_back(
    lab_project: Path,
) -> None:
    assert _build(lab_project)[0] == 0
    french = (lab_project / "site" / "fr" / "labs" / "fit" / "index.html").read_text()
    assert "Ajuster une droite" in french and "cw-fallback" not in french
    portuguese = (lab_project / "site" / "pt" / "labs" / "fit" / "index.html").read_text()
    assert 'class="cw-notice cw-fallback"' in portuguese and '<div lang="en">' in portuguese


def test_untranslated_lab_marks_only_the_labs_own_text_english(lab_project: Path) -> None:
    assert _build(lab_project)[0] == 0
    page = (lab_project / "site" / "pt" / "labs" / "fit" / "index.html").read_text()
    soup = BeautifulSoup(page, "html.parser")

    def declared(element: Tag) -> str:
        marked = element if element.has_attr("lang") else element.find_parent(lang=True)
        assert isinstance(marked, Tag)
        return str(marked["lang"])

    title, h1 = soup.find("title"), soup.find("h1")
    assert isinstance(title, Tag) and isinstance(h1, Tag)
    assert declared(title) == "en" and declared(h1) == "en"
    # The facts line and the sections on running the lab are the page's, in Portuguese.
    for anchor in ("downloads", "run-it-yourself"):
        heading = soup.find(id=anchor)
        assert isinstance(heading, Tag) and declared(heading) == "pt", anchor
        steps = heading.find_next_sibling(["ol", "ul"])
        assert isinstance(steps, Tag) and declared(steps) == "pt", anchor
        entry = soup.find("a", class_="md-nav__link", href=f"#{anchor}")
        assert isinstance(entry, Tag) and declared(entry) == "pt", anchor
    prose = soup.find("div", attrs={"lang": "en"})
    assert isinstance(prose, Tag) and prose.find("img") is not None


def test_failing_lab_stops_the_build_and_keeps_the_previous_site(lab_project: Path) -> None:
    assert _build(lab_project)[0] == 0
    before = _digest(lab_project / "site")
    shutil.copy(FIXTURES / "labs" / "broken" / "labs" / "raising.py", lab_project / "labs")
    code, output = _build(lab_project)
    assert code == 1
    assert re.search(
        r"labs/raising\.py:\d+ \(cell \d+\): ZeroDivisionError: division by zero", output
    )
    assert _digest(lab_project / "site") == before


def test_keep_going_publishes_the_last_good_output_with_its_date(lab_project: Path) -> None:
    assert _build(lab_project)[0] == 0
    lab = lab_project / "labs" / "hello.py"
    lab.write_text(lab.read_text().replace('print("hello")', 'print("hello")\n1 / 0'))
    code, output = _build(lab_project)
    assert code == 1 and "labs/hello.py:" in output
    code, output = _build(lab_project, "--keep-going")
    assert code == 0, output
    assert "labs/hello.py failed; its last good output was published" in output
    page = (lab_project / "site" / "labs" / "hello" / "index.html").read_text()
    assert "output is from" in page
    assert "ZeroDivisionError" not in page and "Traceback" not in page

"""The acceptance test of lab translations held in catalogs: a change to a code cell of the
footprint lab leaves the site build green, the Spanish and Portuguese pages show the new code's
output with their translated prose, and ``courseware translate status`` still reports both
translated, since a catalog holds only the lab's text and no code."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from click.testing import CliRunner

from courseware.cli import cli

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("lab-site")]

REPO = Path(__file__).resolve().parents[2]
LAB = "device-footprint"
OLD_OUTPUT = 'print(f"Energy over 3 years at 1 mW:'
NEW_OUTPUT = 'print(f"Energy over three years at 1 mW:'


def _states(project: Path) -> dict[str, str]:
    result = CliRunner().invoke(
        cli, ["translate", "status", "--format", "json", "--root", str(project)]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    return {
        entry["path"]: entry["state"]
        for language in report["languages"]
        for entry in language["entries"]
        if entry["kind"] == "lab"
    }


def _module_listing(project: Path, module_id: str, lab_id: str) -> None:
    """The module a copied lab names, listing it: the fixture project has no modules, and a
    lab whose module is unknown or does not list it is an error of its own (CW-REG-040/041)."""
    base = REPO / "tests" / "fixtures" / "faults" / "base" / "modules" / "intro"
    folder = project / "modules" / module_id
    folder.mkdir(parents=True)
    spec = (base / "module.yaml").read_text(encoding="utf-8")
    spec = spec.replace("id: intro", f"id: {module_id}")
    topics = project / "curriculum" / "topics.yaml"
    if not topics.exists():
        shutil.copy(base.parents[1] / "curriculum" / "topics.yaml", topics)
    (folder / "module.yaml").write_text(spec + f"labs: [{lab_id}]\n", encoding="utf-8")
    (folder / "index.md").write_text("# A module\n\nIt lists the lab.\n", encoding="utf-8")


def test_a_code_change_in_the_source_lab_keeps_the_build_green_and_its_translations_current(
    project: Path,
) -> None:
    (project / "labs").mkdir()
    shutil.copy(REPO / "labs" / f"{LAB}.py", project / "labs" / f"{LAB}.py")
    catalogs = {code: f"locale/{code}/LC_MESSAGES/labs/{LAB}.po" for code in ("es", "pt")}
    for catalog in catalogs.values():
        (project / catalog).parent.mkdir(parents=True)
        shutil.copy(REPO / catalog, project / catalog)
    _module_listing(project, "environmental-footprint", LAB)
    assert {_states(project)[catalog] for catalog in catalogs.values()} == {"translated"}
    source = project / "labs" / f"{LAB}.py"
    text = source.read_text(encoding="utf-8")
    assert text.count(OLD_OUTPUT) == 1
    source.write_text(text.replace(OLD_OUTPUT, NEW_OUTPUT), encoding="utf-8")

    result = CliRunner().invoke(cli, ["build", "--root", str(project)])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output

    assert {_states(project)[catalog] for catalog in catalogs.values()} == {"translated"}
    prose = {
        "es": "Diez bloques, una suma",
        "pt": "Dez blocos, uma soma",
    }
    for language, heading in prose.items():
        page = project / "site" / language / "labs" / LAB / "index.html"
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert soup.find(class_="cw-stale") is None, language
        assert soup.find(class_="cw-partial") is None, language
        assert heading in soup.get_text(), language  # the translation's prose
        assert "Energy over three years at 1 mW" in soup.get_text(), (
            language
        )  # the new code's output
        assert "Energy over 3 years" not in soup.get_text(), language
        assert soup.find("div", attrs={"lang": "en"}) is None  # nothing shown untranslated
        link = soup.find("a", href=lambda href: bool(href and href.endswith(".py")))
        assert isinstance(link, Tag), language
        script = (page.parent / str(link["href"])).resolve().read_text(encoding="utf-8")
        assert NEW_OUTPUT in script and heading in script, language  # the merge, downloaded
    english = (project / "site" / "labs" / LAB / "index.html").read_text(encoding="utf-8")
    assert "cw-stale" not in english


def test_a_cell_the_source_gained_shows_in_english_marked_on_the_translated_page(
    project: Path,
) -> None:
    shutil.copytree(REPO / "tests" / "fixtures" / "labs" / "good" / "labs", project / "labs")
    for unused in ("hello.py",):
        (project / "labs" / unused).unlink()
    _module_listing(project, "basics", "fit")
    source = project / "labs" / "fit.py"
    gained = "\n# %% [markdown]\n# A paragraph the French translation does not have yet.\n"
    source.write_text(source.read_text(encoding="utf-8") + gained, encoding="utf-8")
    # The translation also leaves out the opening cell (title and introduction).
    translation = project / "labs" / "fit.fr.py"
    text = translation.read_text(encoding="utf-8")
    start, end = text.index("# %% [markdown] text=1"), text.index("# %% [markdown] text=2")
    translation.write_text(text[:start] + text[end:], encoding="utf-8")

    result = CliRunner().invoke(cli, ["build", "--root", str(project)])
    assert result.exit_code == 0, result.output

    page = project / "site" / "fr" / "labs" / "fit" / "index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    assert isinstance(soup.find(class_="cw-stale"), Tag)
    assert "Une division par zéro" in soup.get_text()  # the translated cells stay
    marked = [div.get_text(" ", strip=True) for div in soup.find_all("div", attrs={"lang": "en"})]
    assert marked == [
        "We fit a line to a few points read from a data file.",
        "A paragraph the French translation does not have yet.",
    ]
    # The page's one title is the translation's, not the source's untranslated heading.
    titles = [h1.get_text(strip=True).rstrip("¶") for h1 in soup.find_all("h1")]
    assert titles == ["Ajuster une droite"]

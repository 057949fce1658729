"""Fault scenarios of issue 20, item 2: one gate for everything published.

Each hostile input is built into a copy of the fault suite's base project, and then no file
of ``site/`` (pages, SVG figures, scripts, the search index, sitemaps, offline zips) may hold
a script, an event handler or a ``javascript:`` URL (``published.assert_nothing_active``),
besides what each scenario checks itself. Numbered after the table of ``cases.py``
(81-86), so that the suite's count takes them in.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from courseware.cli import cli

HERE = Path(__file__).resolve().parent
FIXTURES = HERE.parent / "fixtures"
REPO = HERE.parents[1]


def _load(name: str, file: str) -> Any:
    spec = importlib.util.spec_from_file_location(name, HERE / file)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


cases = sys.modules.get("fault_cases") or _load("fault_cases", "cases.py")
published = _load("fault_published", "published.py")

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("faults")]

SCENARIOS = {
    81: "multi-bom-front-matter",
    82: "multimarkdown-metadata",
    83: "markup-in-a-heading-title",
    84: "theme-reserved-names",
    85: "lab-svg-figure-with-script",
    86: "lab-error-closes-its-fence",
}
"""The scenarios of this file, by number (for the suite's count)."""

_SUMMARY = re.compile(r"^\d+ problems? found\.$")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fault base project, built once."""
    root = tmp_path_factory.mktemp("gate") / "base"
    shutil.copytree(FIXTURES / "project", root)
    shutil.copytree(FIXTURES / "faults" / "base", root, dirs_exist_ok=True)
    (root / "README.md").unlink()
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    result = CliRunner().invoke(cli, ["build", "--root", str(root)])
    assert result.exit_code == 0, result.output
    published.assert_nothing_active(root / "site")
    return root


@pytest.fixture
def project(built: Path, tmp_path: Path) -> Path:
    """A fresh copy of the built base project."""
    root = tmp_path / "project"
    shutil.copytree(built, root, symlinks=True)
    return root


def build(root: Path) -> tuple[int, list[str]]:
    """Run ``courseware build``; the exit code and the printed lines."""
    result = CliRunner().invoke(cli, ["build", "--root", str(root)])
    assert "Traceback" not in result.output, result.output
    lines = [line for line in result.output.splitlines() if line and not _SUMMARY.match(line)]
    return result.exit_code, lines


def problems(lines: list[str]) -> list[str]:
    return [line for line in lines if re.match(r"^[^:]*/[^:]*(?::\d+)?: ", line)]


def _add_lab(project: Path, name: str, text: str) -> None:
    (project / "labs").mkdir(exist_ok=True)
    (project / "labs" / f"{name}.py").write_text(text, encoding="utf-8")
    with (project / "modules" / "intro" / "module.yaml").open("a", encoding="utf-8") as stream:
        stream.write(f"labs: [{name}]\n")


class _Outline(HTMLParser):
    """The headings and links of a page's article."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.headings: list[str] = []
        self.links: list[str] = []
        self.code: list[str] = []
        self._open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6", "code"}:
            self._open.append(tag)
            (self.code if tag == "code" else self.headings).append("")
        if tag == "a":
            self.links.append(dict(attrs).get("href") or "")

    def handle_endtag(self, tag: str) -> None:
        if self._open and self._open[-1] == tag:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        if self._open:
            target = self.code if self._open[-1] == "code" else self.headings
            target[-1] += data


def outline(page: Path) -> _Outline:
    html = page.read_text(encoding="utf-8")
    article = html[html.find('<article class="md-content__inner') :]
    reader = _Outline()
    reader.feed(article[: article.find("</article>")])
    return reader


def test_81_front_matter_behind_several_byte_order_marks_is_checked(project: Path) -> None:
    """Two byte order marks hid front matter from our checks, and MkDocs (which drops one)
    put its title into ``<title>`` before the page's CSP: a script ran. Zero-width spaces and
    word joiners before front matter are invisible prefixes too."""
    (project / "pages" / "contribute.md").write_text(
        "\ufeff\ufeff---\ntitle: '</title><script>alert(81)</script>'\n"
        "description: '\"><script>alert(81)</script>'\n---\n# Contribute\n\nHow to help.\n",
        encoding="utf-8",
    )
    (project / "pages" / "index.md").write_text(
        "\u200b\u2060\ufeff---\ntitle: '<img src=x onerror=alert(81)>'\n---\n# Home\n",
        encoding="utf-8",
    )
    before = published.active_content(project / "site")
    code, lines = build(project)
    assert code == 1, lines
    assert problems(lines) == [
        "pages/contribute.md:2: title: unknown front matter key; allowed: source_hash, "
        "translation_of, translators [CW-SITE-023 front-matter-key]",
        "pages/contribute.md:3: description: unknown front matter key; allowed: source_hash, "
        "translation_of, translators [CW-SITE-023 front-matter-key]",
        "pages/index.md:2: title: unknown front matter key; allowed: source_hash, "
        "translation_of, translators [CW-SITE-023 front-matter-key]",
    ], lines
    assert before == []
    published.assert_nothing_active(project / "site")


def test_82_multimarkdown_metadata_is_page_text(project: Path) -> None:
    """A page without front matter whose first lines read ``Key: value`` gave MkDocs
    MultiMarkdown metadata we never checked: a title printed raw into every page's
    navigation, and ``Template: redirect.html`` with a ``javascript:`` location."""
    (project / "pages" / "index.md").write_text(
        "Title: </span><svg onload=alert(82)></svg>\nTemplate: redirect.html\n"
        "Location: javascript:alert(82)\n\n# Home\n\nWelcome.\n",
        encoding="utf-8",
    )
    code, lines = build(project)
    assert code == 0, lines
    published.assert_nothing_active(project / "site")
    home = (project / "site" / "index.html").read_text(encoding="utf-8")
    assert "Template: redirect.html" in home and 'http-equiv="refresh"' not in home
    assert outline(project / "site" / "index.html").headings[0].rstrip("¶") == "Home"


def test_83_markup_in_a_heading_is_a_plain_title(project: Path) -> None:
    """MkDocs takes a page's title from its first heading with character references decoded:
    ``&lt;img ... onerror=`` became an element in the navigation, header and search index."""
    (project / "pages" / "contribute.md").write_text(
        "# Contribute &lt;img src=x onerror=alert(83)\n\nHow to help.\n", encoding="utf-8"
    )
    code, lines = build(project)
    assert code == 0, lines
    published.assert_nothing_active(project / "site")
    page = (project / "site" / "contribute" / "index.html").read_text(encoding="utf-8")
    assert "Contribute &lt;img src=x onerror=alert(83)" in page


def test_84_ids_and_attributes_the_theme_reserves_are_refused(project: Path) -> None:
    """An element of the content with ``id="__config"`` comes before Material's own, which
    its scripts then never read (search results from content's JSON); ``data-md-*`` makes
    content a theme component, ``for="__drawer"`` a theme toggle."""
    (project / "pages" / "contribute.md").write_text(
        "# Contribute\n\n## Settings {#__drawer}\n\n"
        '<div id="__config">{"base": "javascript:alert(84)"}</div>\n\n'
        '<span data-md-component="search-result">results</span>\n\n'
        '<label for="__search">Search</label>\n\n'
        "Use `data-md-component` only in code, as `id=__config` here.\n",
        encoding="utf-8",
    )
    code, lines = build(project)
    assert code == 1, lines
    start = "pages/contribute.md"
    assert [line.split(" is the theme's own")[0] for line in problems(lines)] == [
        f"{start}:3: id '__drawer'",
        f"{start}:5: id '__config'",
        f"{start}:7: attribute data-md-component='search-result'",
        f"{start}:9: attribute for='__search'",
    ], lines
    assert all(line.endswith("[CW-SITE-040 theme-name]") for line in problems(lines))
    published.assert_nothing_active(project / "site")


HOSTILE_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
    'width="40" height="40" onload="alert(85)">'
    "<script>alert(85)</script>"
    '<circle cx="20" cy="20" r="10" fill="red" onclick="alert(85)"/>'
    '<a xlink:href="javascript:alert(85)"><rect width="5" height="5"/></a>'
    '<foreignObject width="10" height="10"><body xmlns="http://www.w3.org/1999/xhtml">'
    "<script>alert(85)</script></body></foreignObject>"
    '<image href="https://example.org/tracker.png" width="1" height="1"/>'
    '<set attributeName="href" to="javascript:alert(85)"/>'
    "<style>@import url(https://example.org/x.css);</style>"
    "</svg>"
)


def test_85_a_lab_svg_figure_is_published_without_script(project: Path) -> None:
    """A lab's SVG figure is a file of its own: opened directly it ran its script, which no
    page's CSP covers. It is published with only its drawing."""
    body = (
        '# %% alt="A red circle"\nfrom IPython.display import SVG, display\n\n'
        f"display(SVG({HOSTILE_SVG!r}))\n"
    )
    _add_lab(project, "figure", cases.lab("Figure", body))
    code, lines = build(project)
    assert code == 0, lines
    figures = sorted((project / "site").rglob("*.svg"))
    assert figures, "the lab's figure was published"
    for figure in figures:
        text = figure.read_text(encoding="utf-8")
        assert "<circle" in text and 'fill="red"' in text, text
    page = project / "site" / "labs" / "figure" / "index.html"
    assert ".svg" in page.read_text(encoding="utf-8")
    published.assert_nothing_active(project / "site")


def test_86_a_lab_error_message_stays_text(project: Path) -> None:
    """An expected error's message ended its code fence and published a heading and a link;
    it is shown as text, whatever it holds (fences, ``\\r`` line breaks), as printed text is."""
    message = "done\\n```\\n# Injected heading\\r```\\r[a link](https://example.org/evil)"
    body = (
        '# %%\nprint("```\\n# Printed heading\\n[a link](https://example.org/evil)")\n\n'
        f'# %% tags=["raises-exception"]\nraise ValueError("{message}")\n'
    )
    _add_lab(project, "errors", cases.lab("Errors", body))
    code, lines = build(project)
    assert code == 0, lines
    page = outline(project / "site" / "labs" / "errors" / "index.html")
    assert not any("Injected" in h or "Printed" in h for h in page.headings), page.headings
    assert "https://example.org/evil" not in page.links
    assert any("# Injected heading" in code and "[a link]" in code for code in page.code)
    assert any("# Printed heading" in code for code in page.code), page.code
    published.assert_nothing_active(project / "site")

"""The glossary: loading with file:line errors, the check of translations against it, its
TBX and CSV exports, and its page."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from xml.etree import ElementTree

from click.testing import CliRunner
from tests.conftest import copy_project

from courseware.cli import cli
from courseware.i18n.content_catalogs import catalog_path, read_catalog, write_catalog
from courseware.registry.glossary import check_glossary_use, load_glossary
from courseware.registry.load import load_registry
from courseware.site.staging.glossary import stage_glossary

REPO = Path(__file__).resolve().parents[2]
LANGUAGES = ["en", "es", "pt", "fr", "ar"]
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

TERM = """terms:
  - id: microcontroller
    term:
      {en: microcontroller, es: microcontrolador, pt: microcontrolador, fr: microcontrôleur,
       ar: متحكم دقيق}
    matches:
      fr: [microcontrôleurs]
    definition: {en: A chip., es: Un chip., pt: Um chip., fr: "Une <puce>.", ar: شريحة.}
    status: {es: proposed, pt: proposed, fr: approved, ar: proposed}
"""


def test_the_bundled_glossary_loads_without_problems() -> None:
    terms, problems, _ = load_glossary(REPO, LANGUAGES, "en")
    assert problems == [] and len(terms) >= 10
    assert all(set(term.status) == {"es", "pt", "fr", "ar"} for term in terms)


def test_a_missing_language_an_undeclared_one_and_a_repeated_id_are_each_one_line(
    tmp_path: Path,
) -> None:
    project = copy_project("project", tmp_path)
    broken = TERM.replace(", ar: شريحة.", "").replace("ar: proposed", "xx: proposed")
    broken += broken.split("terms:\n", 1)[1]
    (project / "curriculum" / "glossary.yaml").write_text(broken, encoding="utf-8")
    _, problems, _ = load_glossary(project, LANGUAGES, "en")
    shown = [str(p) for p in problems]
    assert any(
        line.startswith("curriculum/glossary.yaml:3: terms.0.term: no 'ar' entry") for line in shown
    ), shown
    assert any("terms.0.status.xx: 'xx' is not a language declared" in line for line in shown)
    second = [n for n, text in enumerate(broken.splitlines(), 1) if "- id:" in text][1]
    assert any(line.startswith(f"curriculum/glossary.yaml:{second}: terms.1.id:") for line in shown)
    assert all("[CW-I18N-006 glossary-entry]" in line for line in shown)


def test_a_translation_not_using_the_glossarys_word_is_a_warning_at_its_line(
    tmp_path: Path,
) -> None:
    project = copy_project("project", tmp_path)
    (project / "curriculum" / "glossary.yaml").write_text(TERM, encoding="utf-8")
    (project / "pages" / "about.md").write_text(
        "The microcontroller runs the model.\n\nTwo Microcontrollers.\n\nNo term here.\n",
        encoding="utf-8",
    )
    runner = CliRunner()
    start = ["translate", "start", str(project / "pages/about.md"), "fr", "--root", str(project)]
    assert runner.invoke(cli, start).exit_code == 0
    path = catalog_path(project, "pages/about.md", "fr")
    catalog = read_catalog(path, "fr")
    strings = {
        "The microcontroller runs the model.": "La puce exécute le modèle.",
        "Two Microcontrollers.": "Deux microcontrôleurs.",
        "No term here.": "Pas de terme ici.",
    }
    for message in catalog:
        if message.id in strings:
            message.string = strings[str(message.id)]
    write_catalog(path, catalog)
    terms, _, _ = load_glossary(project, LANGUAGES, "en")
    warnings = check_glossary_use(project, terms, LANGUAGES, "en")
    assert [(w.file, w.severity) for w in warnings] == [
        ("locale/fr/LC_MESSAGES/pages/about.po", "warning")
    ]
    assert warnings[0].line is not None
    line = path.read_text(encoding="utf-8").splitlines()[warnings[0].line - 1]
    assert line == 'msgid "The microcontroller runs the model."'
    assert "translates 'microcontrôleur'" in warnings[0].message


def test_tbx_and_csv_exports_hold_every_term_in_every_language() -> None:
    runner = CliRunner()
    tbx = runner.invoke(cli, ["translate", "glossary", "--root", str(REPO)])
    assert tbx.exit_code == 0, tbx.output
    root = ElementTree.fromstring(tbx.output.encode("utf-8"))
    terms, _, _ = load_glossary(REPO, LANGUAGES, "en")
    entries = root.findall("./text/body/termEntry")
    assert [e.get("id") for e in entries] == [t.id for t in terms]
    for entry, term in zip(entries, terms, strict=True):
        names = {s.get(XML_LANG): s.findtext("./tig/term") for s in entry.findall("langSet")}
        assert names == term.term
    exported = runner.invoke(
        cli, ["translate", "glossary", "--format", "csv", "--lang", "ar", "--root", str(REPO)]
    )
    rows = list(csv.DictReader(io.StringIO(exported.output)))
    assert [(r["source"], r["target"]) for r in rows] == [
        (t.term["en"], t.term["ar"]) for t in terms
    ]
    refused = runner.invoke(cli, ["translate", "glossary", "--format", "csv", "--root", str(REPO)])
    assert refused.exit_code == 2 and "--format csv needs --lang CODE" in refused.output


def test_the_page_shows_each_language_its_terms_statuses_and_escapes_them(
    tmp_path: Path,
) -> None:
    project = copy_project("project", tmp_path)
    (project / "curriculum" / "glossary.yaml").write_text(TERM, encoding="utf-8")
    staged = stage_glossary(load_registry(project))
    french = staged.files["glossary.fr.md"].decode("utf-8")
    assert "microcontrôleur" in french and "Une &lt;puce&gt;." in french and "relue" in french
    arabic = staged.files["glossary.ar.md"].decode("utf-8")
    assert "متحكم دقيق" in arabic and "مقترحة" in arabic
    assert '<span lang="en" dir="ltr">microcontroller</span>' in arabic
    assert staged.files["downloads/glossary.tbx"].startswith(b"<?xml")

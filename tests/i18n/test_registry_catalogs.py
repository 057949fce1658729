"""The registry's text fields as gettext catalog entries (``i18n/registry_catalogs.py``):
read by the loaders, merged by ``translate update``, counted by ``translate status``, and
moved out of the YAML maps by ``translate migrate --registry`` without losing a text."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from babel.messages.pofile import read_po
from click.testing import CliRunner

from courseware import problem_codes as codes
from courseware.assess.bank import load_banks
from courseware.assess.checks import check_bank
from courseware.cli import cli
from courseware.errors import ContentError
from courseware.i18n.content_catalogs import (
    catalog_path,
    read_catalog,
    template_path,
    write_catalog,
)
from courseware.registry.load import load_registry
from courseware.registry.registry import Registry
from courseware.site.render.localized import localized
from courseware.textfields import text_in

REPO = Path(__file__).resolve().parents[2]
BEFORE = REPO / "tests" / "fixtures" / "registry-yaml-translations"
"""Registry files as they were before their translations moved into catalogs (YAML maps with
es, pt, fr and ar entries, one-line flow maps, ``translated_from`` hashes, comments)."""

MODULE = "modules/what-is-tinyml/module.yaml"
TITLE = "What TinyML is, and why low cost, low power and low connectivity widen access"
LANGUAGES = ("es", "pt", "fr", "ar")


def _repo_copy(tmp_path: Path) -> Path:
    project = tmp_path / "repo"
    for part in ("curriculum", "modules", "pages", "labs", "locale"):
        shutil.copytree(REPO / part, project / part)
    shutil.copy(REPO / "mkdocs.yml", project)
    return project


def _run(project: Path, *arguments: str) -> str:
    result = CliRunner().invoke(cli, [*arguments, "--root", str(project)])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    return result.output


def _texts(registry: Registry) -> dict[str, Any]:
    """Every text field of every registry document, in every language, by document."""
    banks, problems = load_banks(registry.root, list(registry.modules))
    assert problems == []
    found: dict[str, Any] = {}
    for module in registry.modules:
        found[module.metadata_file] = module.spec.model_dump()
    for track in registry.tracks:
        found[track.file] = track.spec.model_dump()
    for offering in registry.offerings:
        found[offering.id] = offering.model_dump()
    found["topics"] = [topic.model_dump() for topic in registry.topics]
    for module_id, key in registry.answer_keys.items():
        found[f"answers {module_id}"] = key.spec.model_dump()
    for module_id, bank in banks.items():
        dumped = bank.spec.model_dump()
        for item in dumped["items"]:
            item.pop("translated_from")  # what the catalogs' fuzziness replaces
        found[f"bank {module_id}"] = dumped
    return found


def test_migration_moves_every_translation_and_loses_no_text(tmp_path: Path) -> None:
    project = _repo_copy(tmp_path)
    documents = sorted(p.relative_to(BEFORE).as_posix() for p in BEFORE.rglob("*.yaml"))
    for relative in documents:
        shutil.copy(BEFORE / relative, project / relative)
        for language in LANGUAGES:
            catalog_path(project, relative, language).unlink()
        template_path(project, relative).unlink()
    before = _texts(load_registry(project))
    spanish = before[MODULE]["title"]
    assert isinstance(spanish, dict) and spanish["es"].startswith("Qué es TinyML")
    output = _run(project, "translate", "migrate", "--registry")
    assert "modules/tinyml-for-the-sdgs/questions.yaml: moved into catalogs" in output
    after = _texts(load_registry(project))
    assert after == before
    for relative in documents:
        old = (BEFORE / relative).read_text(encoding="utf-8")
        new = (project / relative).read_text(encoding="utf-8")
        data = "\n" + "\n".join(
            line for line in new.splitlines() if not line.lstrip().startswith("#")
        )
        for language in LANGUAGES:
            assert f"\n    {language}: " not in data and f", {language}: " not in data, relative
            assert catalog_path(project, relative, language).is_file()
        comments = [line for line in old.splitlines() if line.lstrip().startswith("#")]
        assert [line for line in new.splitlines() if line.lstrip().startswith("#")] == comments
        kept = iter(old.splitlines())
        for line in new.splitlines():  # every line left is one of the old, in order (a
            # one-line map loses its translated pairs)
            if "{en: " in line:
                continue
            assert any(line == candidate for candidate in kept), (relative, line)
    bank = (project / "modules/what-is-tinyml/questions.yaml").read_text(encoding="utf-8")
    assert "\n    translated_from: " not in bank
    assert "0 translations moved" in _run(project, "translate", "migrate", "--registry")
    _run(project, "translate", "update")
    assert "0 catalogs updated" in _run(project, "translate", "update")
    assert _texts(load_registry(project)) == before


def test_a_one_word_change_in_a_title_makes_that_entry_fuzzy_and_shows_english(
    tmp_path: Path,
) -> None:
    project = _repo_copy(tmp_path)
    module = load_registry(project).modules_by_id["what-is-tinyml"]
    assert text_in(module.spec.title, "es").startswith("Qué es TinyML")
    path = project / MODULE
    changed = TITLE.replace("widen access", "broaden access")
    path.write_text(path.read_text(encoding="utf-8").replace(TITLE, changed), encoding="utf-8")
    output = _run(project, "translate", "update")
    for language in LANGUAGES:
        assert f"Updated locale/{language}/LC_MESSAGES/modules/what-is-tinyml/module.po" in output
    po_file = catalog_path(project, MODULE, "es")
    with po_file.open("rb") as handle:
        fuzzy = [m for m in read_po(handle) if m.id and m.fuzzy]
    assert [(m.context, m.id) for m in fuzzy] == [("title", changed)]
    assert f'#| msgid "{TITLE}"' in po_file.read_text(encoding="utf-8")
    module = load_registry(project).modules_by_id["what-is-tinyml"]
    assert text_in(module.spec.title, "es") == changed
    assert text_in(module.spec.summary, "es").startswith("TinyML ejecuta")
    card = localized(module.spec.title, "es", "en")
    assert 'lang="en"' in card and "broaden access" in card
    diff = _run(project, "translate", "diff", MODULE, "es")
    assert f"{MODULE}:5 (title): the source changed since it was translated" in diff
    assert "- widen" in diff and "+ broaden" in diff
    status = json.loads(_run(project, "translate", "status", "--lang", "es", "--format", "json"))
    entry = next(e for e in status["languages"][0]["entries"] if e["source"] == MODULE)
    assert entry["kind"] == "text" and entry["state"] == "stale"
    assert entry["units"]["units"]["fuzzy"] == 1
    assert entry["units"]["words"]["fuzzy"] == len(changed.split())
    # a second update keeps the previous source, and changes nothing
    assert "0 catalogs updated" in _run(project, "translate", "update")
    assert f'#| msgid "{TITLE}"' in po_file.read_text(encoding="utf-8")


def test_status_counts_the_registry_documents_units_and_words(tmp_path: Path) -> None:
    project = _repo_copy(tmp_path)
    status = json.loads(_run(project, "translate", "status", "--format", "json"))
    for language in status["languages"]:
        texts = [e for e in language["entries"] if e["kind"] == "text"]
        assert {e["state"] for e in texts} == {"translated"}, language["code"]
        assert language["counts"]["text"]["translated"] == len(texts)
        module = next(e for e in texts if e["source"] == MODULE)
        catalog = read_catalog(catalog_path(project, MODULE, language["code"]), language["code"])
        assert module["units"]["units"]["translated"] == sum(1 for m in catalog if m.id)
        assert module["units"]["words"]["translated"] == sum(
            len(str(m.id).split()) for m in catalog if m.id
        )
    text = _run(project, "translate", "status", "--lang", "fr")
    assert "  texts " in text


def test_a_translation_in_both_the_yaml_and_the_catalog_is_refused(tmp_path: Path) -> None:
    project = _repo_copy(tmp_path)
    path = project / MODULE
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(f"  en: {TITLE}\n", f"  en: {TITLE}\n  es: Otro título\n"))
    with pytest.raises(ContentError) as raised:
        load_registry(project)
    [problem] = [p for p in raised.value.problems if p.code == codes.TEXT_TRANSLATED_TWICE]
    assert (problem.file, problem.line, problem.field) == (MODULE, 6, "title")
    assert "remove the es: entry from module.yaml" in problem.message
    assert "locale/es/LC_MESSAGES/modules/what-is-tinyml/module.po" in problem.message


def test_catalog_text_is_checked_as_yaml_text_at_its_catalog_line(tmp_path: Path) -> None:
    project = _repo_copy(tmp_path)
    path = catalog_path(project, MODULE, "fr")
    catalog = read_catalog(path, "fr")
    [title] = [m for m in catalog if m.context == "title"]
    title.string = "Ce qu’est <b>TinyML</b>"
    write_catalog(path, catalog)
    line = path.read_text(encoding="utf-8").splitlines().index(f'msgid "{TITLE}"') + 1
    with pytest.raises(ContentError) as raised:
        load_registry(project)
    [problem] = raised.value.problems
    shown = "locale/fr/LC_MESSAGES/modules/what-is-tinyml/module.po"
    assert str(problem).startswith(f"{shown}:{line}: title: markup is not allowed")
    assert problem.code == codes.MARKUP_IN_TEXT


def test_a_changed_question_is_reported_stale_from_its_catalog(tmp_path: Path) -> None:
    project = _repo_copy(tmp_path)
    path = project / "modules/what-is-tinyml/questions.yaml"
    registry = load_registry(project)
    banks, _ = load_banks(project, list(registry.modules))
    prompt = text_in(banks["what-is-tinyml"].items[0].prompt, "en")
    path.write_text(path.read_text(encoding="utf-8").replace(prompt, prompt + " (roughly)"))
    _run(project, "translate", "update")
    banks, _ = load_banks(project, list(load_registry(project).modules))
    bank = banks["what-is-tinyml"]
    stale = [p for p in check_bank(bank) if p.code == codes.TRANSLATION_STALE]
    assert sorted(p.file for p in stale) == sorted(
        f"locale/{code}/LC_MESSAGES/modules/what-is-tinyml/questions.po" for code in LANGUAGES
    )
    assert all(p.severity == "warning" for p in stale)
    assert text_in(bank.items[0].prompt, "es") == prompt + " (roughly)"


def test_start_of_a_module_text_creates_its_registry_catalogs(tmp_path: Path) -> None:
    project = _repo_copy(tmp_path)
    for name in ("module", "questions", "answers"):
        catalog_path(project, f"modules/what-is-tinyml/{name}.yaml", "fr").unlink()
    for whole in (
        project / "modules/what-is-tinyml/index.fr.md",
        catalog_path(project, "modules/what-is-tinyml/index.md", "fr"),
    ):
        whole.unlink(missing_ok=True)
    source = str(project / "modules/what-is-tinyml/index.md")
    output = _run(project, "translate", "start", source, "fr")
    for name in ("module", "questions", "answers"):
        assert f"Wrote locale/fr/LC_MESSAGES/modules/what-is-tinyml/{name}.po" in output
    catalog = read_catalog(catalog_path(project, MODULE, "fr"), "fr")
    assert [m.context for m in catalog if m.id][:3] == [
        "title",
        "summary",
        "learning_objectives[describe-a-tinyml-system].text",
    ]

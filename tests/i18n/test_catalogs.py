"""The interface-string catalogs: ``messages.pot`` matches the code, every declared language's
``.po`` translates every message (not empty, not fuzzy, same ``{placeholders}``), and the
catalogs compile.

Extraction uses Babel's own API with the Makefile's keywords (``gettext`` and ``g``), so this
test and ``make i18n-extract`` agree on what the code asks to translate. A failure names the
message and says which command repairs it.
"""

from __future__ import annotations

import ast
import gettext as gettext_module
import io
import string
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from courseware.i18n.catalogs import DOMAIN, LOCALE_DIR, po_path, read_catalog
from courseware.registry.load import load_languages

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / "tools" / "courseware"
POT = PACKAGE / "i18n" / "messages.pot"
# The Makefile's i18n-extract: Babel's default keywords (ngettext among them) plus
# ``gettext``, ``g``, ``gettext_noop`` and ``plural_forms`` (its 2nd and 3rd arguments are the
# two forms).
KEYWORDS = {
    **DEFAULT_KEYWORDS,
    "gettext": None,
    "g": None,
    "gettext_noop": None,
    "plural_forms": (2, 3),
}
MARKERS = ("gettext", "g")
# babel.cfg's mapping: Python sources, and the datasheet labels kept as YAML data.
METHOD_MAP = [
    ("**.py", "python"),
    ("**/datasheet/field_labels.yaml", "courseware.datasheet.labels.extract_labels"),
]


def _declared_translations() -> list[str]:
    languages, problems, _ = load_languages(REPO)
    assert not problems, problems
    return [language.code for language in languages if not language.source]


TRANSLATIONS = _declared_translations()


def _extracted_ids() -> set[str]:
    """Every message id Babel extracts from the package, as ``make i18n-extract`` does."""
    found = extract_from_dir(
        str(PACKAGE), method_map=METHOD_MAP, keywords=KEYWORDS, comment_tags=()
    )
    return {message if isinstance(message, str) else message[0] for _, _, message, _, _ in found}


def _pot_ids() -> set[str]:
    with POT.open("rb") as handle:
        return {_key(m.id) for m in read_po(handle) if m.id}


def _key(message_id: str | tuple[str, ...] | list[str]) -> str:
    """A message's key in a catalog: its id, or a counted message's singular."""
    return message_id if isinstance(message_id, str) else message_id[0]


def _literal_calls(path: Path) -> list[tuple[int, str]]:
    """``gettext("...")`` and ``g("...")`` calls with a literal, found in the syntax tree."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    calls = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in MARKERS
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            calls.append((node.lineno, node.args[0].value))
    return calls


def _placeholders(text: str) -> list[str]:
    """The ``str.format`` fields of ``text``, sorted (an unbalanced brace is reported as such)."""
    try:
        return sorted(field for _, field, _, _ in string.Formatter().parse(text) if field)
    except ValueError as error:
        return [f"<unparsable: {error}>"]


def _catalog(language: str) -> Catalog:
    assert po_path(language).exists(), (
        f"{po_path(language).relative_to(REPO)} is missing: run "
        f"pybabel init -i {POT.relative_to(REPO)} -d {LOCALE_DIR.relative_to(REPO)} "
        f"-D {DOMAIN} -l {language}, then translate it"
    )
    return read_catalog(language)


def test_pot_lists_exactly_the_messages_in_the_code() -> None:
    extracted, pot = _extracted_ids(), _pot_ids()
    new = sorted(extracted - pot)
    gone = sorted(pot - extracted)
    assert not new and not gone, (
        f"{POT.relative_to(REPO)} is out of date; run make i18n-update.\n"
        f"  in the code, not in the .pot: {new}\n  in the .pot, not in the code: {gone}"
    )


def test_every_marked_string_is_extractable() -> None:
    # Babel's Python extractor cannot see inside f-strings (before Python 3.12), so a
    # gettext call written inside one is shown untranslated in every language.
    extracted = _extracted_ids()
    hidden = [
        f"{path.relative_to(REPO)}:{line}: {text!r}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for line, text in sorted(_literal_calls(path))
        if text not in extracted
    ]
    assert not hidden, (
        "gettext calls Babel does not extract (move each call out of its f-string):\n  "
        + "\n  ".join(hidden)
    )


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_catalog_translates_every_message(language: str) -> None:
    catalog = _catalog(language)
    relative = po_path(language).relative_to(REPO)
    problems = []
    for msgid in sorted(_pot_ids()):
        message = catalog.get(msgid)
        if message is None:
            problems.append(f"missing (run make i18n-update): {msgid!r}")
        elif not message.string or (
            isinstance(message.string, (tuple, list)) and not all(message.string)
        ):
            problems.append(f"not translated: {msgid!r}")
        elif message.fuzzy:
            problems.append(f"fuzzy (check it, then remove the flag): {msgid!r}")
        elif isinstance(message.string, (tuple, list)):
            # A counted form may leave the number out ("نتيجتان", two results); it may not
            # bring a field of its own, and the last form keeps every field.
            wanted = set(_placeholders(msgid))
            for index, form in enumerate(message.string):
                fields = set(_placeholders(str(form)))
                last = index == len(message.string) - 1
                if not fields <= wanted or (last and fields != wanted):
                    problems.append(
                        f"placeholders {sorted(fields)} instead of {sorted(wanted)}: "
                        f"{msgid!r} -> {form!r}"
                    )
        elif _placeholders(msgid) != _placeholders(str(message.string)):
            problems.append(
                f"placeholders {_placeholders(str(message.string))} instead of "
                f"{_placeholders(msgid)}: {msgid!r} -> {message.string!r}"
            )
    assert not problems, f"{relative}:\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_catalog_compiles(language: str) -> None:
    catalog = _catalog(language)
    # pybabel compile (make catalogs) skips a whole catalog whose header is missing or fuzzy.
    assert not catalog.fuzzy, (
        f"{po_path(language).relative_to(REPO)}: the catalog header is missing or fuzzy, so "
        "make catalogs skips the file; restore a header without the fuzzy flag"
    )
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    compiled = gettext_module.GNUTranslations(buffer)
    wrong = [
        _key(m.id)
        for m in catalog
        if m.id and isinstance(m.id, str) and m.string and compiled.gettext(m.id) != str(m.string)
    ]
    choose = gettext_module.c2py(catalog.plural_expr)
    wrong += [
        _key(m.id)
        for m in catalog
        if isinstance(m.id, (tuple, list))
        and m.string
        and any(compiled.ngettext(m.id[0], m.id[1], n) != m.string[choose(n)] for n in range(120))
    ]
    assert not wrong, f"compiled {language} catalog loses translations: {wrong}"
    # pybabel compile also refuses a translation whose printf-style conversions differ from
    # its msgid's ("% is" reads as "% i"): make catalogs then fails, and so does every build.
    checked = [f"{_key(m.id)}: {error}" for m, errors in catalog.check() for error in errors]
    assert not checked, f"{po_path(language).relative_to(REPO)}: " + "; ".join(checked)


def test_spanish_interface_names_languages_in_spanish() -> None:
    from courseware.i18n.catalogs import translator
    from courseware.i18n.formatting import language_name

    assert translator("es")("Language of instruction") == "Idioma de enseñanza"
    assert language_name("pt", "es") == "portugués"


def test_counted_strings_take_each_languages_plural_forms() -> None:
    from courseware.i18n.catalogs import plural_forms, plural_translator

    french = plural_translator("fr")
    assert [french("{count} result", "{count} results", n) for n in (0, 1, 2)] == [
        "{count} résultat",
        "{count} résultat",
        "{count} résultats",
    ]
    arabic = plural_forms("ar", "{count} result", "{count} results")
    assert set(arabic) == {"zero", "one", "two", "few", "many", "other"}
    assert arabic["two"] == "نتيجتان" and arabic["few"] == "{count} نتائج"
    assert plural_forms("en", "{count} result", "{count} results") == {
        "one": "{count} result",
        "other": "{count} results",
    }

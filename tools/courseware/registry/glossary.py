"""The TinyML glossary (``curriculum/glossary.yaml``): terms in every language, and a check that
translations use them.

Translators of one project should write one word for one idea; a glossary that translation
platforms read (``courseware translate glossary`` exports TBX and CSV) is how Weblate,
Crowdin and Poedit help them. Each term records per language whether a native-speaking
educator has reviewed it (``approved``) or not yet (``proposed``), which the glossary page
shows, so that readers are not misled.

The check reads the content catalogs (``i18n/content_catalogs.py``): a translated entry whose
source uses a term (whole words, any case, or one of its ``matches``) but whose translation
uses none of the language's forms, nor the English term kept as a name or a title, is a
warning naming the catalog's line. Matching is by substring in the translation, so that
inflected forms (Arabic's article, plurals) need listing only where they change the stem.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

from pydantic import Field

from courseware import problem_codes as codes
from courseware.errors import Problem
from courseware.i18n.content_catalogs import CATALOG_FOLDER, TEMPLATES, read_catalog_shared
from courseware.textfields import Slug, StrictModel
from courseware.validation import validate_document
from courseware.yamlsafe import YamlDocument, read_yaml_file

GLOSSARY_FILE = Path("curriculum/glossary.yaml")

ReviewStatus = Literal["proposed", "approved"]


class GlossaryTerm(StrictModel):
    """One term: its name in each language, other accepted forms, a definition, a status."""

    id: Slug
    term: dict[str, str] = Field(min_length=1)
    matches: dict[str, list[str]] = Field(default_factory=dict)
    definition: dict[str, str] = Field(min_length=1)
    status: dict[str, ReviewStatus] = Field(default_factory=dict)

    def forms(self, language: str) -> list[str]:
        """The term and its accepted forms in ``language``."""
        main = [self.term[language]] if language in self.term else []
        return main + list(self.matches.get(language, []))


class GlossaryFile(StrictModel):
    """The whole ``curriculum/glossary.yaml`` file."""

    terms: list[GlossaryTerm] = Field(min_length=1)


def load_glossary(
    root: Path, languages: Sequence[str], source_language: str
) -> tuple[list[GlossaryTerm], list[Problem], YamlDocument | None]:
    """Load the glossary; a project without one has no terms. Every declared language must
    have each term, with a status; a code that is not declared is an error."""
    path = root / GLOSSARY_FILE
    if not path.exists() and not path.is_symlink():
        return [], [], None
    document, problems = read_yaml_file(path, root)
    if document is None:
        return [], problems, None
    parsed, problems = validate_document(GlossaryFile, document)
    if parsed is None:
        return [], problems, document
    declared = set(languages)
    seen: set[str] = set()
    for index, term in enumerate(parsed.terms):
        where = ("terms", index)
        if term.id in seen:
            problems.append(_problem(document, (*where, "id"), f"{term.id!r} is declared twice"))
        seen.add(term.id)
        for field in ("term", "matches", "definition", "status"):
            for code in getattr(term, field):
                if code not in declared:
                    message = f"{code!r} is not a language declared in curriculum/languages.yaml"
                    problems.append(_problem(document, (*where, field, code), message))
        for code in languages:
            if code not in term.term or code not in term.definition:
                message = f"no {code!r} entry; give the term and its definition in every language"
                problems.append(_problem(document, (*where, "term"), message))
            if code != source_language and code not in term.status:
                message = f"no status for {code!r}; write {code}: proposed until it is reviewed"
                problems.append(_problem(document, (*where, "status"), message))
    return list(parsed.terms), problems, document


def _problem(document: YamlDocument, where: tuple[str | int, ...], message: str) -> Problem:
    field = ".".join(str(part) for part in where)
    return Problem(
        document.path, document.line_of(where), field, message, code=codes.GLOSSARY_ENTRY
    )


def check_glossary_use(
    root: Path, terms: Sequence[GlossaryTerm], languages: Sequence[str], source_language: str
) -> list[Problem]:
    """Warnings for translated catalog entries that do not use the glossary's terms."""
    if not terms:
        return []
    patterns = [
        (term, re.compile(_source_pattern(term.forms(source_language)), re.IGNORECASE))
        for term in terms
        if term.forms(source_language)
    ]
    problems: list[Problem] = []
    base = root / CATALOG_FOLDER
    for language in languages:
        folder = base / language / "LC_MESSAGES"
        if language in (source_language, TEMPLATES) or not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*.po")):
            if path.is_symlink():
                continue
            try:
                catalog = read_catalog_shared(path, language)
            except (OSError, ValueError):
                continue  # reported where the catalog is read for its page
            shown = path.relative_to(root).as_posix()
            for message in catalog:
                if not message.id or not message.string or message.fuzzy:
                    continue
                translation = _one_line(str(message.string)).casefold()
                source_text = _one_line(str(message.id))
                for term, pattern in patterns:
                    if not pattern.search(source_text):
                        continue
                    accepted = [*term.forms(language), *term.forms(source_language)]
                    if any(_one_line(form).casefold() in translation for form in accepted):
                        continue
                    wanted = term.term.get(language, "")
                    problems.append(
                        Problem(
                            shown,
                            message.lineno,
                            "msgstr",
                            f"the original says {term.term[source_language]!r}, which the "
                            f"glossary (curriculum/glossary.yaml) translates {wanted!r}; use it, "
                            "or add the form used here to the term's matches",
                            severity="warning",
                            code=codes.GLOSSARY_TERM,
                        )
                    )
    return problems


def _one_line(text: str) -> str:
    """``text`` with every run of white space (a line break inside a term) as one space."""
    return " ".join(text.split())


def _source_pattern(forms: list[str]) -> str:
    words = sorted((re.escape(form) for form in forms), key=len, reverse=True)
    return r"(?<!\w)(?:" + "|".join(words) + r")(?!\w)"


def glossary_tbx(terms: Sequence[GlossaryTerm], source_language: str) -> bytes:
    """The glossary as TBX-Basic (ISO 30042, the ``martif`` form that translate-toolkit and
    so Weblate read, and Crowdin imports): a concept per term, a language set per language
    with the term and its definition."""
    from xml.etree import ElementTree as ET

    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    martif = ET.Element("martif", {"type": "TBX-Basic", xml_lang: source_language})
    header = ET.SubElement(ET.SubElement(martif, "martifHeader"), "fileDesc")
    source_desc = ET.SubElement(ET.SubElement(header, "sourceDesc"), "p")
    source_desc.text = f"TinyML courseware glossary ({GLOSSARY_FILE.as_posix()})"
    body = ET.SubElement(ET.SubElement(martif, "text"), "body")
    for term in terms:
        entry = ET.SubElement(body, "termEntry", {"id": term.id})
        for language, name in term.term.items():
            lang_set = ET.SubElement(entry, "langSet", {xml_lang: language})
            if language in term.definition:
                definition = ET.SubElement(lang_set, "descrip", {"type": "definition"})
                definition.text = term.definition[language]
            tig = ET.SubElement(lang_set, "tig")
            ET.SubElement(tig, "term").text = name
            if language in term.status:
                note = ET.SubElement(tig, "termNote", {"type": "administrativeStatus"})
                note.text = (
                    "preferredTerm-admn-sts"
                    if term.status[language] == "approved"
                    else ("admittedTerm-admn-sts")
                )
    ET.indent(martif)
    return bytes(ET.tostring(martif, encoding="utf-8", xml_declaration=True)) + b"\n"


def glossary_csv(terms: Sequence[GlossaryTerm], source_language: str, language: str) -> str:
    """The glossary of one language as the CSV Weblate's and Crowdin's glossaries import:
    ``source``, ``target``, ``explanation`` (the definition in the target language)."""
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["source", "target", "explanation"])
    for term in terms:
        writer.writerow(
            [
                term.term.get(source_language, ""),
                term.term.get(language, ""),
                term.definition.get(language, ""),
            ]
        )
    return buffer.getvalue()

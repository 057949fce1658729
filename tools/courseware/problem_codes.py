"""The catalogue of problem codes: every kind of problem courseware reports, with a stable code.

A message's wording may improve from release to release; its code does not. Contributors can
search for ``CW-REG-012`` in ``docs/problem-codes.md`` (generated from this module by
``make problem-codes``), tools can filter on it, and tests assert it instead of the wording.

A code is ``CW-<AREA>-<NNN>`` followed by a slug that says the same in words. Areas:
``FILE`` (reading any contributed file), ``YAML`` (its syntax), ``SCH`` (a file against its
schema), ``REG`` (registry cross-references), ``LAB`` (lab files and runs), ``I18N``
(translations), ``SITE`` (the pages of the site: links, images, headings, addresses),
``ASSESS`` (question banks and result codes), ``DS`` (the datasheet validator's checks),
``FP`` (footprint inputs) and ``GEN`` (not yet classified). Codes are never reused: a
retired code stays in the catalogue.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

_CODE_FORM = re.compile(r"^CW-(GEN|FILE|YAML|SCH|REG|LAB|I18N|SITE|ASSESS|DS|FP)-\d{3}$")
_SLUG_FORM = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

AREAS: dict[str, str] = {
    "GEN": "Not yet classified",
    "FILE": "Reading a contributed file",
    "YAML": "YAML syntax",
    "SCH": "A file against its schema",
    "REG": "Registry cross-references",
    "LAB": "Lab files and lab runs",
    "I18N": "Translations",
    "SITE": "Site pages: links, images, headings and addresses",
    "ASSESS": "Question banks and result codes",
    "DS": "Datasheet validator checks",
    "FP": "Footprint inputs",
}
"""Each area's heading in the reference, in the order the reference lists them."""


@dataclass(frozen=True, order=True)
class ProblemCode:
    """One kind of problem: its code and slug, what it means, an example and the fix."""

    code: str
    slug: str
    summary: str = dataclasses.field(compare=False)
    example: str = dataclasses.field(compare=False)
    """A message as courseware prints it (without the code, which follows it in brackets)."""
    fix: str = dataclasses.field(compare=False)

    @property
    def area(self) -> str:
        """The area part of the code (``REG`` in ``CW-REG-012``)."""
        return self.code.split("-")[1]

    def __str__(self) -> str:
        return f"{self.code} {self.slug}"


CODES: dict[str, ProblemCode] = {}
"""Every code by its ``CW-...`` id, in the order declared here."""


def _code(code: str, slug: str, summary: str, example: str, fix: str) -> ProblemCode:
    if not _CODE_FORM.match(code) or not _SLUG_FORM.match(slug):
        raise ValueError(f"malformed problem code {code} {slug}")
    if code in CODES or any(entry.slug == slug for entry in CODES.values()):
        raise ValueError(f"problem code {code} or slug {slug} is declared twice")
    entry = ProblemCode(code, slug, summary, example, fix)
    CODES[code] = entry
    return entry


def problem_code(code: str) -> ProblemCode:
    """Return the catalogue entry of ``code`` (as read back from a cache or a JSON report).

    Raises:
        KeyError: when no such code was ever declared.
    """
    return CODES[code]


def code_by_slug(slug: str) -> ProblemCode:
    """Return the catalogue entry whose slug is ``slug`` (a datasheet check's id, say)."""
    for entry in CODES.values():
        if entry.slug == slug:
            return entry
    raise KeyError(slug)


# --- GEN ----------------------------------------------------------------------------------

UNCODED = _code(
    "CW-GEN-000",
    "uncoded",
    "A problem that has not been given its own code yet; it is printed without a code.",
    "pages/about.md: something is wrong",
    "Read the message; it says what to change. (Report it so it gets a code.)",
)

# --- FILE ---------------------------------------------------------------------------------

SYMLINK = _code(
    "CW-FILE-001",
    "symbolic-link",
    "A symbolic link where contributed content must be a real file or folder.",
    "curriculum/offerings/x.yaml: symbolic links are not allowed; copy the file",
    "Replace the link with a copy of the file it points to.",
)
FILE_TOO_LARGE = _code(
    "CW-FILE-002",
    "file-too-large",
    "The file is over the size limit for its kind.",
    "curriculum/offerings/x.yaml: file is 300000 bytes, over the 262144-byte limit; split it",
    "Split the file, or move the bulk (data, images) out of it.",
)
EMPTY_FILE = _code(
    "CW-FILE-003",
    "empty-file",
    "The file has nothing in it but blank lines or comments.",
    "curriculum/offerings/x.yaml:1: file is empty; add the entry or delete the file",
    "Write the entry, or delete the file.",
)
UTF16_FILE = _code(
    "CW-FILE-004",
    "utf16-text",
    "The file is UTF-16 text (as some Windows editors save it); courseware reads UTF-8.",
    "curriculum/offerings/x.yaml:1: file is UTF-16 text (byte order mark at byte 0); "
    "save it as UTF-8",
    "Save the file as UTF-8 (in most editors: Save with encoding, UTF-8).",
)
NUL_BYTE = _code(
    "CW-FILE-005",
    "nul-byte",
    "The file contains a NUL byte, so it is not UTF-8 text.",
    "curriculum/offerings/x.yaml:3: NUL byte at byte 40: not UTF-8 text (UTF-16?); "
    "save the file as UTF-8",
    "Save the file as UTF-8 text; remove any binary content.",
)
NOT_UTF8 = _code(
    "CW-FILE-006",
    "not-utf8",
    "The file's bytes are not valid UTF-8.",
    "curriculum/offerings/x.yaml:4: not UTF-8 text (byte 87); save the file as UTF-8",
    "Save the file as UTF-8 (the line named is where the first bad byte is).",
)

UNSAFE_FILE_NAME = _code(
    "CW-FILE-007",
    "unsafe-file-name",
    "A content file whose name has a character that breaks links or URLs (a space, '#', '?', "
    "'%', a backslash, one Windows refuses) or an invisible one.",
    "pages/my page.md: file name contains a space (use '-' between words); rename it",
    "Rename the file with letters, digits and '-' (the message names the character).",
)

# --- YAML ---------------------------------------------------------------------------------

YAML_SYNTAX = _code(
    "CW-YAML-001",
    "yaml-syntax",
    "The text is not valid YAML.",
    "curriculum/offerings/x.yaml:5: not valid YAML: mapping values are not allowed here",
    "Fix the YAML at that line: indentation, a missing space after ':', or unquoted ': '.",
)
YAML_ALIAS = _code(
    "CW-YAML-002",
    "yaml-alias",
    "A YAML alias (*name); aliases can expand into huge documents, so they are refused.",
    "curriculum/offerings/x.yaml:9: YAML aliases (*org) are not allowed; "
    "write the value out in full",
    "Write the value out in full where the alias was.",
)
YAML_ANCHOR = _code(
    "CW-YAML-003",
    "yaml-anchor",
    "A YAML anchor (&name); anchors only serve aliases, which are refused.",
    "curriculum/offerings/x.yaml:4: YAML anchors (&org) are not allowed; "
    "write the value out in full",
    "Remove the anchor and write each value out in full.",
)
YAML_TAG = _code(
    "CW-YAML-004",
    "yaml-tag",
    "A YAML tag (!!python/..., !!binary, !local); content is plain data only.",
    "curriculum/offerings/x.yaml:6: title: YAML tags (!!python/object) are not allowed; "
    "write plain text, numbers, lists and maps",
    "Remove the tag and write the value as plain text, a number, a list or a mapping.",
)
YAML_MERGE_KEY = _code(
    "CW-YAML-005",
    "yaml-merge-key",
    "A YAML merge key (<<), which copies values from an anchor.",
    "curriculum/offerings/x.yaml:7: YAML merge keys (<<) are not allowed",
    "Write the merged keys out in full.",
)
COMPLEX_KEY = _code(
    "CW-YAML-006",
    "complex-key",
    "A mapping key that is itself a list or a mapping.",
    "curriculum/offerings/x.yaml:3: a key must be a plain name",
    "Use a plain name (snake_case) as the key.",
)
DUPLICATE_KEY = _code(
    "CW-YAML-007",
    "duplicate-key",
    "The same key twice in one mapping (YAML would silently keep the last).",
    "curriculum/offerings/x.yaml:12: title: duplicate key (first given on line 3); keep only one",
    "Keep one of the two and delete the other.",
)
UNREADABLE_SCALAR = _code(
    "CW-YAML-008",
    "unreadable-scalar",
    "A value with an explicit type tag that does not fit it, such as !!int abc.",
    "curriculum/offerings/x.yaml:8: year: 'abc' cannot be read as !!int",
    "Remove the tag, or write a value of that type.",
)

# --- SCH ----------------------------------------------------------------------------------

NOT_A_MAPPING = _code(
    "CW-SCH-001",
    "not-a-mapping",
    "The file's top level is not a mapping of fields.",
    "curriculum/offerings/x.yaml:1: expected a mapping of fields, found list",
    "Write the entry as 'field: value' lines at the top level.",
)
UNKNOWN_FIELD = _code(
    "CW-SCH-002",
    "unknown-field",
    "A field the schema does not know (often a typo).",
    "curriculum/offerings/x.yaml:7: langauge_of_instruction: unknown field "
    "'langauge_of_instruction'; did you mean 'language_of_instruction'?",
    "Rename it to the suggested field, or remove it.",
)
MISSING_FIELD = _code(
    "CW-SCH-003",
    "missing-field",
    "A required field is absent.",
    "curriculum/offerings/x.yaml:1: organizations: required field is missing",
    "Add the field (CONTRIBUTING.md shows a complete entry).",
)
YAML_MISREAD = _code(
    "CW-SCH-004",
    "yaml-misread",
    "YAML 1.1 read an unquoted value as something else (no as false, 0755 as 493, 12:30 as 750).",
    "curriculum/languages.yaml:9: languages[2].code: 'no' was read by YAML as the boolean "
    'false, not text; quote it: "no"',
    "Quote the value as the message shows.",
)
NOT_A_CHOICE = _code(
    "CW-SCH-005",
    "not-a-choice",
    "A value that is not one of the field's allowed choices.",
    "curriculum/offerings/x.yaml:4: kind: 'workshopp' is not one of course, workshop; "
    "did you mean 'workshop'?",
    "Use one of the listed choices.",
)
WRONG_FORM = _code(
    "CW-SCH-006",
    "wrong-form",
    "A text value that does not have the form the field needs (an id, a language code).",
    "curriculum/offerings/x.yaml:2: id: 'MIT 6.5965' is not in the expected form "
    "(lowercase letters, digits and hyphens, like 'mit-6-5965')",
    "Rewrite the value in the form the message describes.",
)
INVALID_VALUE = _code(
    "CW-SCH-007",
    "invalid-value",
    "A value the field's own check refuses; the message says why.",
    "curriculum/offerings/x.yaml:7: language_of_instruction[0]: 'english' is not a "
    "language code; did you mean 'en'?",
    "Change the value as the message says.",
)
WRONG_TYPE = _code(
    "CW-SCH-008",
    "wrong-type",
    "A value of the wrong type: text where a number is needed, a list where text is, ...",
    "curriculum/offerings/x.yaml:5: title: expected text, found a list",
    "Write a value of the type the message names.",
)
OUT_OF_RANGE = _code(
    "CW-SCH-009",
    "out-of-range",
    "A number or a length outside the field's bounds.",
    "modules/sensing/module.yaml:6: duration_minutes: expected greater than 0",
    "Use a value within the bounds the message gives.",
)
SCHEMA_MISMATCH = _code(
    "CW-SCH-010",
    "schema-mismatch",
    "Any other way a value does not fit the schema.",
    "curriculum/offerings/x.yaml:9: dates.start: expected a valid date",
    "Change the value as the message says; the schema (courseware schema) lists the fields.",
)
NOT_A_LANGUAGE_CODE = _code(
    "CW-SCH-011",
    "not-a-language-code",
    "A value that is not a BCP 47 language code (often a language's name).",
    "curriculum/offerings/x.yaml:7: language_of_instruction[0]: 'english' is not a "
    "language code such as 'en' or 'pt-BR'; did you mean 'en'?",
    "Write the code, as the message suggests.",
)
BAD_LINK = _code(
    "CW-SCH-012",
    "bad-link",
    "A link that is not an absolute https URL (http, javascript:, a relative link, spaces).",
    "curriculum/offerings/x.yaml:11: links[0].url: links must use https; write "
    "'https://example.org/course' if it works",
    "Write the full https:// address.",
)
MARKUP_IN_TEXT = _code(
    "CW-SCH-013",
    "markup-in-text",
    "HTML tags, entities or control characters in plain text (text is data, shown escaped).",
    "curriculum/offerings/x.yaml:4: title: markup is not allowed in plain text (found "
    "'<img'); write the text without HTML tags or entities",
    "Write the text without tags, entities or control characters.",
)
NOT_A_DATE = _code(
    "CW-SCH-014",
    "not-a-date",
    "A date that is not 2022, 2022-09 or 2022-09-01.",
    "curriculum/offerings/x.yaml:9: dates.start: 'Sept 2022' is not a date; write 2022, "
    "2022-09 or 2022-09-01",
    "Write the date as a year, a year and month, or a full date; keep other words in as_published.",
)
LICENSE_NOT_ACCEPTED = _code(
    "CW-SCH-015",
    "license-not-accepted",
    "A licence that is not one of the SPDX ids courseware accepts.",
    "modules/sensing/module.yaml:4: license: 'CC-BY-ND-4.0' is not accepted: NoDerivatives "
    "licences forbid the translations and re-timing modules need",
    "Use one of the licences the message lists.",
)

TEMPLATE_PLACEHOLDER = _code(
    "CW-SCH-016",
    "template-placeholder",
    "A placeholder that a 'courseware new' template wrote (TODO...) is still in the file.",
    'curriculum/offerings/x.yaml:3: title: "TODO: the course\'s title" is a placeholder from '
    "the template; replace it with the real value, or delete the line if the field is optional",
    "Write the real value, or delete the line if the field is optional.",
)

# --- REG ----------------------------------------------------------------------------------

REQUIRED_FILE_MISSING = _code(
    "CW-REG-001",
    "required-file-missing",
    "A file the registry needs does not exist (languages.yaml, a module's module.yaml or "
    "index.md).",
    "modules/sensing/module.yaml: file is missing; every module folder needs module.yaml "
    "(see CONTRIBUTING.md)",
    "Create the file; CONTRIBUTING.md shows what goes in it.",
)
DUPLICATE_LANGUAGE = _code(
    "CW-REG-002",
    "duplicate-language",
    "A language declared twice in curriculum/languages.yaml.",
    "curriculum/languages.yaml:14: languages[3].code: 'es' is declared twice (also item 1)",
    "Keep one declaration of the language.",
)
SOURCE_LANGUAGE_COUNT = _code(
    "CW-REG-003",
    "source-language-count",
    "Not exactly one language is marked as the source language.",
    "curriculum/languages.yaml:1: languages: exactly one language must have source: true (found 2)",
    "Mark exactly one language (the one pages are written in first) with source: true.",
)
UNDECLARED_LANGUAGE = _code(
    "CW-REG-004",
    "undeclared-language",
    "A language code that curriculum/languages.yaml does not declare.",
    "curriculum/offerings/x.yaml:7: language_of_instruction[0]: language 'pt-br' is not "
    "declared in curriculum/languages.yaml; did you mean 'pt-BR'?",
    "Use a declared code, or declare the language in curriculum/languages.yaml.",
)
STRAY_FILE = _code(
    "CW-REG-005",
    "stray-file",
    "A file where only folders (or only .yaml files) belong.",
    "curriculum/offerings/notes.txt: offering files end in .yaml; rename it",
    "Move or rename the file as the message says.",
)
ID_MISMATCH = _code(
    "CW-REG-006",
    "id-mismatch",
    "An entry's id differs from its file or folder name.",
    "curriculum/offerings/x.yaml:2: id: 'y' differs from the file name; rename the file to "
    "y.yaml or change the id",
    "Rename the file or folder, or change the id, so that they match.",
)
DUPLICATE_ID = _code(
    "CW-REG-007",
    "duplicate-id",
    "Two entries or topics with the same id.",
    "curriculum/offerings/b.yaml:2: id: 'a' is already used by curriculum/offerings/a.yaml; "
    "ids must be unique",
    "Give one of them another id.",
)
SOURCE_LANGUAGE_TRANSLATION = _code(
    "CW-REG-008",
    "source-language-translation",
    "A module translation file in the module's own source language.",
    "modules/sensing/index.en.md: 'en' is the source language; its text belongs in index.md",
    "Move the text into index.md and delete the file.",
)
SELF_PREREQUISITE = _code(
    "CW-REG-009",
    "self-prerequisite",
    "A module lists itself as a prerequisite.",
    "modules/sensing/module.yaml:9: prerequisites[0]: a module cannot be its own "
    "prerequisite; remove it",
    "Remove the entry.",
)
LICENSE_NOT_ALLOWED = _code(
    "CW-REG-010",
    "license-not-allowed",
    "A module's licence does not keep the terms of the work it adapts.",
    "modules/sensing/module.yaml:4: license: CC-BY-4.0 is not allowed for a module that "
    "adapts 'TinyML course' (CC BY-SA 4.0, based_on[0]); use a licence that keeps its "
    "terms, such as CC-BY-SA-4.0",
    "Use the licence the message suggests, or one stricter.",
)
UNKNOWN_MODULE = _code(
    "CW-REG-011",
    "unknown-module",
    "A module id that no modules/<id>/ folder has.",
    "curriculum/tracks/intro.yaml:8: sessions[0].items[1].module: unknown module 'sensng'; "
    "nearest ids: sensing",
    "Use one of the nearest ids, or add the module.",
)
PREREQUISITE_CYCLE = _code(
    "CW-REG-012",
    "prerequisite-cycle",
    "Modules whose prerequisites form a loop, so no order can teach them.",
    "modules/a/module.yaml:9: prerequisites[0]: prerequisite cycle a -> b -> a; no order "
    "can teach these modules, so remove one of these prerequisites",
    "Remove one prerequisite in the loop.",
)
UNKNOWN_TOPIC = _code(
    "CW-REG-013",
    "unknown-topic",
    "A topic that curriculum/topics.yaml does not declare.",
    "modules/sensing/module.yaml:11: topics[0]: unknown topic 'sensor'; did you mean 'sensors'?",
    "Use a declared topic, or declare it in curriculum/topics.yaml.",
)
UNKNOWN_LAB = _code(
    "CW-REG-014",
    "unknown-lab",
    "A module names a lab that labs/ does not have.",
    "modules/sensing/module.yaml:12: labs[0]: unknown lab 'device-footprints'; did you mean "
    "'device-footprint'?",
    "Use the lab's id (its file name without .py), or add labs/<id>.py.",
)
MODULES_NOT_TRANSLATED = _code(
    "CW-REG-015",
    "modules-not-translated",
    "A track's modules are not all available in the track's language (a warning).",
    "curriculum/tracks/intro.yaml:3: warning: language: 1 module not available in 'es': "
    "sensing; they fall back to 'en' (translations welcome: courseware translate start "
    "modules/<id>/index.md es)",
    "Translate the modules named, or accept the fallback.",
)
RETIRED_MODULE = _code(
    "CW-REG-016",
    "retired-module",
    "A track places a retired module (a warning).",
    "curriculum/tracks/intro.yaml:8: warning: sessions[0].items[0].module: module 'old' is "
    "retired; replace it with a current module",
    "Replace it with a current module.",
)
MODULE_PLACED_TWICE = _code(
    "CW-REG-017",
    "module-placed-twice",
    "A track places the same module twice.",
    "curriculum/tracks/intro.yaml:12: sessions[1].items[0].module: module 'sensing' is "
    "already placed on line 8; remove one of them",
    "Remove one of the two.",
)
PREREQUISITE_ORDER = _code(
    "CW-REG-018",
    "prerequisite-order",
    "A track places a module before one of its prerequisites.",
    "curriculum/tracks/intro.yaml:8: sessions[0].items[0].module: module 'b' is placed "
    "before its prerequisite 'a' (line 12); move 'a' earlier or 'b' later",
    "Reorder the track as the message says.",
)
PREREQUISITE_NOT_IN_TRACK = _code(
    "CW-REG-019",
    "prerequisite-not-in-track",
    "A module's prerequisite is neither in the track nor listed as assumed.",
    "curriculum/tracks/intro.yaml:8: sessions[0].items[0].module: prerequisite 'a' of 'b' "
    "is not in the track; add it before 'b' (courseware assemble --with-prerequisites "
    "does) or list it under assumed_modules",
    "Add the prerequisite before the module, or list it under assumed_modules.",
)
OVER_TIME_BUDGET = _code(
    "CW-REG-020",
    "over-time-budget",
    "A track's modules take longer than its time budget.",
    "curriculum/tracks/intro.yaml:5: time_budget_minutes: the track takes 200 minutes, 20 "
    "over the budget of 180; drop a module, shorten one with minutes:, or raise the budget",
    "Drop or shorten a module, or raise the budget.",
)
LICENSE_CONFLICT = _code(
    "CW-REG-021",
    "license-conflict",
    "A track combines modules whose licences cannot be combined.",
    "curriculum/tracks/intro.yaml:8: sessions[0].items[1].module: licences conflict: "
    "'a' (CC-BY-SA-4.0) and 'b' (CC-BY-NC-4.0) cannot be combined: ShareAlike without "
    "NonCommercial forbids adding NonCommercial terms; drop one or ask for a different "
    "licence",
    "Replace one of the modules, or ask its authors for another licence.",
)
NOT_A_LIST_OF_ENTRIES = _code(
    "CW-REG-022",
    "not-a-list-of-entries",
    "A TinyMLedu file, or one of its items, does not have the shape of that format.",
    "full_courses.yml:1: expected a list of entries (- title: ...), found a mapping",
    "Give the file as TinyMLedu publishes it: a list of entries, each a mapping.",
)

LAB_MODULE_UNKNOWN = _code(
    "CW-REG-040",
    "lab-module-unknown",
    "A lab's header names a module that no modules/<id>/ folder has.",
    "labs/fleet-growth.py:3: module: unknown module 'environmental-footprnt'; nearest ids: "
    "environmental-footprint",
    "Use one of the nearest ids in the lab's header, or add the module.",
)
LAB_NOT_LISTED = _code(
    "CW-REG-041",
    "lab-not-listed",
    "A lab names a module whose labs: list does not include it.",
    "labs/fleet-growth.py:3: module: 'environmental-footprint' does not list this lab; add "
    "fleet-growth to labs: in modules/environmental-footprint/module.yaml",
    "Add the lab to the module's labs: list, or name the module that lists it.",
)
LAB_OF_OTHER_MODULE = _code(
    "CW-REG-042",
    "lab-of-other-module",
    "A module lists a lab whose header names another module.",
    "modules/what-is-tinyml/module.yaml:40: labs[0]: lab 'fleet-growth' belongs to "
    "'environmental-footprint' (labs/fleet-growth.py:3); remove it here or change the lab",
    "List the lab only in the module its header names.",
)
INSTRUCTOR_NOTES_REQUIRED = _code(
    "CW-REG-043",
    "instructor-notes-required",
    "A module in life cycle stable lacks its instructor notes.",
    "modules/what-is-tinyml/module.yaml:85: life_cycle: a stable module needs instructor: "
    "notes (why_assign, where_it_fits, and misconceptions and discussion_prompts where known); "
    "write them, or keep the module in beta",
    "Write the instructor notes, or keep the module in beta.",
)
ANSWER_MISSING = _code(
    "CW-REG-044",
    "answer-missing",
    "An exercise marked as answered in a module's text has no entry in its answer key.",
    "modules/what-is-tinyml/index.md:60: warning: exercise 'battery-life' is marked "
    "{.answer-key} but modules/what-is-tinyml/answers.yaml has no answer for it",
    "Add the exercise to answers.yaml, or remove the .answer-key mark.",
)
ANSWER_UNKNOWN_EXERCISE = _code(
    "CW-REG-045",
    "answer-unknown-exercise",
    "An answer key names an exercise the module's text does not mark.",
    "modules/what-is-tinyml/answers.yaml:3: exercises[0].exercise: no exercise 'batery-life' "
    "is marked in modules/what-is-tinyml/index.md; did you mean 'battery-life'?",
    "Use the id of an exercise heading marked {#id .answer-key}.",
)
ANSWER_FUNCTION_UNKNOWN = _code(
    "CW-REG-046",
    "answer-function-unknown",
    "An answer names a computed: function the answer registry does not have.",
    "modules/what-is-tinyml/answers.yaml:6: exercises[0].parts[0].computed: unknown answer "
    "function 'battery-wh'; did you mean 'battery-energy-wh'?",
    "Use one of the registered answer functions, or write the answer as text.",
)
ANSWER_VALUE_PLACEHOLDER = _code(
    "CW-REG-047",
    "answer-value-placeholder",
    "A computed answer's text lacks {value}, or a written answer has one.",
    "modules/what-is-tinyml/answers.yaml:7: exercises[0].parts[0].answer.es: the text of a "
    "computed answer must show the value with {value}",
    "Put {value} where the computed number goes; only computed answers have it.",
)
UNKNOWN_SOURCE = _code(
    "CW-REG-023",
    "unknown-source",
    "A figure's footnote marker, or a source's derived_from, names no entry of "
    "curriculum/sources.yaml.",
    "modules/sensing/index.md:12: [^trivedi-2012]: 'trivedi-2012' is not an entry of "
    "curriculum/sources.yaml; did you mean 'trivedi-2021'?; add the source there or fix the id",
    "Use the id of an entry of curriculum/sources.yaml, or add the source there.",
)
FOOTNOTE_TEXT_MISSING = _code(
    "CW-REG-024",
    "footnote-text-missing",
    "A footnote marker without its footnote text in the same file, so the page would show it raw.",
    "modules/sensing/index.md:12: [^trivedi-2021]: the marker has no footnote text in this "
    "file, so the page would show it raw; add a line '[^trivedi-2021]: <who, what, where, "
    "year>' at the end",
    "Add the footnote's text ('[^id]: who, what, where, year') at the end of the file.",
)
UNSOURCED_FIGURE = _code(
    "CW-REG-025",
    "unsourced-figure",
    "A figure (a percentage, an amount with a unit, a price, a multiple) in a module's text "
    "with no source marker in its paragraph.",
    "modules/sensing/index.md:14: figure: '88.3%' names no source; mark it with a footnote "
    "whose id is an entry of curriculum/sources.yaml, such as 88.3%[^source-id]",
    "Mark the figure with a footnote whose id is an entry of curriculum/sources.yaml.",
)
UNSOURCED_KEY_POINT = _code(
    "CW-REG-026",
    "unsourced-key-point",
    "A figure in a module's key point that no marked paragraph of the module's text states.",
    "modules/sensing/module.yaml:14: key_points[1]: '88.3%' is not stated with a source "
    "marker in modules/sensing/index.md; source it there, or leave the figure out of the key "
    "point",
    "State the figure with its source marker in the module's text, or leave it out of the "
    "key point.",
)

# --- LAB ----------------------------------------------------------------------------------

LAB_FILE_NAME = _code(
    "CW-LAB-001",
    "lab-file-name",
    "A file in labs/ whose name is not <id>.py or <id>.<lang>.py.",
    "labs/My Lab.py: a lab file is named '<id>.py' or '<id>.<lang>.py' with a lowercase id",
    "Rename the file, for example labs/my-lab.py.",
)
LAB_HEADER_MISSING = _code(
    "CW-LAB-002",
    "lab-header-missing",
    "A lab that does not start with its '# ---' header.",
    "labs/x.py:1: a lab starts with a '# ---' header (title, module, duration_minutes, "
    "connectivity, hardware); see CONTRIBUTING.md",
    "Add the header at the top (CONTRIBUTING.md shows one).",
)
LAB_HEADER_UNCLOSED = _code(
    "CW-LAB-003",
    "lab-header-unclosed",
    "A lab header without its closing '# ---' line.",
    "labs/x.py:1: the header has no closing '# ---' line",
    "Add '# ---' after the header's last line.",
)
LAB_HEADER_EMPTY = _code(
    "CW-LAB-004",
    "lab-header-empty",
    "A lab header with no fields.",
    "labs/x.py:2: the header is empty",
    "Write the header's fields between the two '# ---' lines.",
)
INHERITED_FIELD = _code(
    "CW-LAB-005",
    "inherited-field",
    "A lab translation sets a field it takes from the source lab.",
    "labs/x.es.py:4: module: a translation takes this from the source lab; remove it here",
    "Remove the field from the translation's header.",
)
NOT_JUPYTEXT = _code(
    "CW-LAB-006",
    "not-jupytext",
    "A lab that jupytext cannot read as a percent-format notebook.",
    "labs/x.py: not a jupytext percent-format lab: ...",
    "Mark cells with '# %%' lines (and '# %% [markdown]' for text).",
)
CELL_OPTION = _code(
    "CW-LAB-007",
    "cell-option",
    "A cell marker's alt or caption option of the wrong kind.",
    'labs/x.py:30: alt: alt is a text, or a list of texts (one per figure): # %% alt="..."',
    "Write the option as the message shows.",
)
SOURCE_LAB_MISSING = _code(
    "CW-LAB-008",
    "source-lab-missing",
    "A lab translation whose source lab does not exist.",
    "labs/x.py: a translation needs its source lab labs/x.py; add it first",
    "Add the source lab, or rename the translation after an existing lab.",
)
DATA_FILE_OUTSIDE = _code(
    "CW-LAB-009",
    "data-file-outside",
    "A data file named by a path that leaves labs/.",
    "labs/x.py:8: data_files: '../secret.csv' must be a path inside labs/, like "
    "'data/readings.csv'",
    "Put the file inside labs/ and name it relative to labs/.",
)
DATA_FILE_MISSING = _code(
    "CW-LAB-010",
    "data-file-missing",
    "A data file the header names that does not exist.",
    "labs/x.py:8: data_files: 'data/readings.csv' does not exist in labs/; add it or remove "
    "it from data_files",
    "Add the file, or remove it from data_files.",
)
TRANSLATION_CELL = _code(
    "CW-LAB-011",
    "translation-cell",
    "A cell of a lab translation that cannot be placed in its source lab: no or a repeated "
    "text=N / figure=N, a number the source lacks, code in a translation, or an unreadable "
    "'# %%' line. The cell is left out and the source's text is shown.",
    "labs/x.es.py:12: warning: text=9: the source labs/x.py has 8 Markdown cells",
    "Number the cells as the skeleton of 'courseware translate start' does; see "
    "CONTRIBUTING.md, 'Translating a lab'.",
)
CELL_ERROR = _code(
    "CW-LAB-012",
    "cell-error",
    "A lab cell raised an exception when the lab ran.",
    "labs/x.py:42 (cell 5): ZeroDivisionError: division by zero",
    "Fix the code at that line; run the lab (courseware labs run x) to check.",
)
CELL_TIMEOUT = _code(
    "CW-LAB-013",
    "cell-timeout",
    "A lab cell, or the whole lab, ran longer than its time limit.",
    "labs/x.py:42 (cell 5): TimeoutError: the cell did not finish within 60 s; make it "
    "faster or raise timeout_seconds in the header",
    "Make the cell faster, or raise timeout_seconds in the header.",
)
KERNEL_DIED = _code(
    "CW-LAB-014",
    "kernel-died",
    "The lab's kernel died or did not start.",
    "labs/x.py:42 (cell 5): DeadKernelError: the kernel died (killed by signal 9); if the "
    "lab ran out of memory, note the limit is 2 GiB",
    "Use less memory, or fix what stops the kernel from starting.",
)
MISSING_ERROR = _code(
    "CW-LAB-015",
    "missing-error",
    "A cell tagged raises-exception raised no error.",
    "labs/x.py:42 (cell 5): the cell is tagged raises-exception but raised no error; make "
    "it raise or remove the tag",
    "Make the cell raise, or remove the tag.",
)
OUTPUT_TRUNCATED = _code(
    "CW-LAB-016",
    "output-truncated",
    "A cell printed more than a page shows (a warning).",
    "labs/x.py:42 (cell 5): warning: output truncated: 12000 characters not shown; print less",
    "Print less (a summary, the first rows).",
)
LAB_DEPENDENCY_MISSING = _code(
    "CW-LAB-017",
    "lab-dependency-missing",
    "A package the lab's header requires is not installed for the lab runner.",
    "labs/x.py:1: requirements: 'scipy' is not installed; add it to the project's "
    "dependencies in pyproject.toml and run make again",
    "Add the package to the project's dependencies and reinstall.",
)
LAB_RUNNER_STOPPED = _code(
    "CW-LAB-018",
    "lab-runner-stopped",
    "The process that runs a lab stopped without a result.",
    "labs/x.py:1: the lab runner stopped unexpectedly: MemoryError",
    "Run the lab alone (courseware labs run x) to see what stops it.",
)
ALT_TEXT_MISSING = _code(
    "CW-LAB-019",
    "alt-text-missing",
    "A figure a lab draws has no alt text (or the cell's alt texts do not match its figures).",
    "labs/x.py:30 (cell 4): the figure has no alt text; describe it on the cell's marker "
    'line: # %% alt="What the figure shows"',
    "Describe each figure in the cell marker's alt option, one text per figure.",
)

# --- I18N ---------------------------------------------------------------------------------

TRANSLATION_HEADER = _code(
    "CW-I18N-001",
    "translation-header",
    "A file's header could not take the translation keys.",
    "pages/about.md:1: its header could not take the translation keys; simplify the header",
    "Simplify the file's header (plain 'key: value' lines), then start the translation again.",
)
ORPHAN_TRANSLATION = _code(
    "CW-I18N-002",
    "orphan-translation",
    "A translation whose source file does not exist.",
    "pages/abuot.es.md: translation of pages/abuot.md, which does not exist; did you mean "
    "'about.md'?; rename the translation after its source or delete it",
    "Rename the translation after its source, or delete it.",
)
TRANSLATION_SUFFIX = _code(
    "CW-I18N-003",
    "translation-suffix",
    "A translation file whose language suffix is not a declared language (or is the source "
    "language, which takes no suffix).",
    "pages/about.sp.md: 'sp' is not a language declared in curriculum/languages.yaml; did "
    "you mean 'es'?; name translations like about.es.md",
    "Rename the file with a declared language code.",
)

CATALOG_UNREADABLE = _code(
    "CW-I18N-004",
    "catalog-unreadable",
    "A content catalog (locale/<lang>/LC_MESSAGES/<document>.po) that is not a valid PO file.",
    "locale/es/LC_MESSAGES/pages/about.po:12: not a valid PO file (unterminated string); "
    "fix the entry, or run courseware translate update to rewrite the catalog",
    "Fix the entry the message names; a translation tool (Poedit, Weblate) writes valid files.",
)
TRANSLATED_TWICE = _code(
    "CW-I18N-005",
    "translated-twice",
    "A document translated both in a catalog and in a whole file that is not marked as an "
    "adaptation.",
    "modules/x/index.es.md: modules/x/index.md is also translated in "
    "locale/es/LC_MESSAGES/modules/x/index.po; delete one, or mark the file 'adaptation: true'",
    "Keep one translation: the catalog, or the whole file marked as an adaptation.",
)

GLOSSARY_ENTRY = _code(
    "CW-I18N-006",
    "glossary-entry",
    "A glossary term that lacks a language, names an undeclared one, or is declared twice.",
    "curriculum/glossary.yaml:12: terms.3.term: no 'fr' entry; give the term and its "
    "definition in every language",
    "Give the term, its definition and its review status in every declared language.",
)
GLOSSARY_TERM = _code(
    "CW-I18N-007",
    "glossary-term",
    "A translated paragraph whose original uses a glossary term, but which uses none of the "
    "glossary's forms for its language (a warning).",
    "locale/fr/LC_MESSAGES/modules/x/index.po:40: msgstr: the original says 'datasheet', which "
    "the glossary (curriculum/glossary.yaml) translates 'fiche technique'; use it, or add the "
    "form used here to the term's matches",
    "Use the glossary's word, or add the form used (an inflection) to the term's matches.",
)

TEXT_TRANSLATED_TWICE = _code(
    "CW-I18N-008",
    "text-translated-twice",
    "A registry text (a title, summary, objective, question...) translated into a language "
    "both in its YAML map and in the document's catalog.",
    "modules/x/module.yaml:5: title: the 'es' translation is given twice, here and in "
    "locale/es/LC_MESSAGES/modules/x/module.po:20; remove the es: entry from module.yaml (its "
    "translation is in locale/es/LC_MESSAGES/modules/x/module.po)",
    "Remove the language's entry from the YAML map and keep the catalog's translation.",
)

# --- SITE ---------------------------------------------------------------------------------

URL_COLLISION = _code(
    "CW-SITE-001",
    "url-collision",
    "Two pages that would be published at the same address (foo.md and foo/index.md, names "
    "that differ only in case or in how an accent is encoded, a page the builder generates).",
    "pages/Intro.md: becomes the same address /intro/ as pages/intro.md; rename one of them "
    "(addresses ignore case and accents' encoding)",
    "Rename one of the files.",
)
GENERATED_PAGE_NAME = _code(
    "CW-SITE-002",
    "generated-page-name",
    "A contributed file has the name of a page the builder writes itself.",
    "pages/catalog.md: the builder generates the page catalog.md itself; rename this file",
    "Rename the file.",
)
RENDER_TOO_SLOW = _code(
    "CW-SITE-003",
    "render-too-slow",
    "A page that takes Markdown longer than the time limit to render.",
    "pages/about.md: too slow to render (stopped after 3 seconds); look for long runs of '[' "
    "or '<' and split or simplify the text",
    "Split or simplify the text; long runs of '[' or '<' are the usual cause.",
)
NESTING_TOO_DEEP = _code(
    "CW-SITE-004",
    "nesting-too-deep",
    "Lists or quotes nested deeper than Markdown renders reliably.",
    "pages/about.md:53: nesting too deep (300 levels of lists or quotes); at most 50 levels "
    "render reliably, so flatten the structure",
    "Flatten the structure.",
)
BIDI_CONTROL = _code(
    "CW-SITE-005",
    "bidi-control",
    "An invisible bidirectional control character, which can make text read differently from "
    "what it says.",
    "pages/about.md:3: invisible bidirectional control U+202E (right-to-left override) can "
    "make the text read differently from what it says; remove it",
    "Delete the character (an editor that shows invisible characters helps).",
)
LINK_WITHOUT_TARGET = _code(
    "CW-SITE-006",
    "link-without-target",
    "A link with nothing between its parentheses.",
    "pages/about.md:5: link with no target",
    "Write the page or address the link goes to, or remove the link.",
)
LINK_BACKSLASH = _code(
    "CW-SITE-007",
    "link-backslash",
    "A link or image path written with backslashes.",
    "pages/about.md:11: link 'pages\\\\index.md' has a backslash; use '/'",
    "Write the path with '/'.",
)
ABSOLUTE_LINK = _code(
    "CW-SITE-008",
    "absolute-link",
    "A link or image path that starts with '/', which breaks once the site is published "
    "under a folder.",
    "pages/about.md:7: absolute image '/img/wiring.png' does not work once the site is "
    "published under a folder; write it relative to this page",
    "Write the path relative to the page (../img/wiring.png).",
)
LINK_LEAVES_SITE = _code(
    "CW-SITE-009",
    "link-leaves-site",
    "A link or image path that climbs out of the site's content.",
    "pages/about.md:3: link '../../etc/passwd' leaves the site (the path escapes the content root)",
    "Link to a page of the site, or to a full https:// address.",
)
LINK_TO_FOLDER = _code(
    "CW-SITE-010",
    "link-to-folder",
    "A link to a folder instead of the page file inside it.",
    "pages/about.md:7: link 'modules/' points at a folder; link to the page file "
    "'modules/index.md'",
    "Link to the page file the message names.",
)
BROKEN_LINK = _code(
    "CW-SITE-011",
    "broken-link",
    "A link or image whose target is not in the site.",
    "pages/about.md:3: link 'catalogue.md' does not exist; nearest: catalog.md",
    "Fix the path (the nearest existing pages are listed), or add the missing file.",
)
HTTP_LINK = _code(
    "CW-SITE-012",
    "http-link",
    "A link over plain http (a warning).",
    "pages/about.md:9: warning: link 'http://example.org/' uses http; use https if the site "
    "offers it",
    "Use the https:// address if the site has one.",
)
REMOVED_LINK_SCHEME = _code(
    "CW-SITE-013",
    "removed-link-scheme",
    "A link whose scheme (javascript:, data:, file:, a scheme-relative //host) the published "
    "pages remove (a warning).",
    "pages/about.md:9: warning: link 'javascript:alert(1)': javascript: is removed from "
    "published pages; link to an https address instead",
    "Link to an https:// address instead.",
)
UNKNOWN_ANCHOR = _code(
    "CW-SITE-014",
    "unknown-anchor",
    "A link's '#anchor' that is no heading or id of the page it points at.",
    "pages/about.md:5: anchor '#how-sensor-works' is not a heading or id of "
    "'modules/sensing/index.md'; did you mean #how-sensors-work?",
    "Use the anchor of an existing heading (the nearest are suggested).",
)
SNIPPET_INCLUDE = _code(
    "CW-SITE-015",
    "snippet-include",
    "A snippet include (--8<--), which would read files from the builder's machine.",
    "pages/about.md:3: snippet includes (--8<--) are not enabled; paste the text itself",
    "Paste the text itself.",
)
EMPTY_HEADING = _code(
    "CW-SITE-016",
    "empty-heading",
    "A heading with no text (a warning).",
    "modules/intro/index.md:5: warning: empty heading; give it text or remove it",
    "Give the heading text, or remove it.",
)
SECOND_TITLE = _code(
    "CW-SITE-017",
    "second-title",
    "A second level-1 heading on a page (a warning).",
    "modules/intro/index.md:1: warning: a second level-1 heading; a page has one title, so "
    "use '##' here",
    "Use '##' for the heading.",
)
SKIPPED_HEADING_LEVEL = _code(
    "CW-SITE-018",
    "skipped-heading-level",
    "A heading more than one level below the one before it (a warning).",
    "modules/intro/index.md:3: warning: heading level 4 follows level 1; use ## so no level "
    "is skipped",
    "Use the level the message gives.",
)
IMAGE_ALT_MISSING = _code(
    "CW-SITE-019",
    "image-alt-missing",
    "An image without alt text, so a screen reader cannot say what it shows.",
    "modules/sensing/index.md:3: image '../../assets/x.png' has no alt text; describe what it "
    "shows (or mark it decorative with {.decorative} after the image)",
    "Describe the image in its alt text, or mark it decorative with {.decorative}.",
)
IMAGE_ALT_MEANINGLESS = _code(
    "CW-SITE-020",
    "image-alt-meaningless",
    "Alt text that does not describe the image: 'image', 'picture', its file name (a warning).",
    "modules/sensing/index.md:7: warning: the alt text 'image' does not describe image "
    "'../../assets/x.png'; say what it shows",
    "Say in the alt text what the image shows.",
)
VAGUE_LINK_TEXT = _code(
    "CW-SITE-021",
    "vague-link-text",
    "Link text such as 'click here' or 'here' that does not say where the link goes (a warning).",
    "pages/contribute.md:3: warning: link text 'click here' does not say where the link "
    "goes; describe its target",
    "Write link text that names the target (the catalog, the sensing module).",
)
FRONT_MATTER_UNCLOSED = _code(
    "CW-SITE-022",
    "front-matter-unclosed",
    "A page that starts with '---' but has no closing '---' line.",
    "pages/about.md:1: front matter is not closed by a '---' line",
    "Add the closing '---' line after the front matter, or remove the opening one.",
)
FRONT_MATTER_KEY = _code(
    "CW-SITE-023",
    "front-matter-key",
    "A front matter key a contributed page may not set (the builder writes the page's own "
    "metadata).",
    "pages/contribute.md:2: title: unknown front matter key; allowed: source_hash, "
    "translation_of, translators",
    "Remove the key; the page's title is its first heading.",
)
MODULE_SVG_FIGURE = _code(
    "CW-SITE-030",
    "module-svg-figure",
    "An SVG image beside a module's text: an SVG file can carry scripts, so figures beside "
    "a module page are published as raster images only.",
    "modules/sensing/wiring.svg: an SVG beside a module page is not published (an SVG can "
    "carry scripts); export it as PNG or WebP and link that",
    "Export the figure as PNG or WebP next to index.md and link the new file.",
)
THEME_NAME = _code(
    "CW-SITE-040",
    "theme-name",
    "An id or attribute that the theme (Material) keeps for its own elements: its "
    "configuration, toggles and components, which its scripts find by these names.",
    "pages/about.md:5: id '__config' is the theme's own (Material reads its configuration "
    "from it); choose another id",
    "Rename the id (or the heading it is made from), or remove the data-md-* attribute.",
)

# --- ASSESS -------------------------------------------------------------------------------

BANK_MODULE_MISMATCH = _code(
    "CW-ASSESS-001",
    "bank-module-mismatch",
    "A question bank names another module than the folder it is in.",
    "modules/sensing/questions.yaml:1: module: 'sensors' differs from the folder's module "
    "'sensing'; write the module's id",
    "Write the id of the module whose folder holds the bank.",
)
UNKNOWN_OBJECTIVE = _code(
    "CW-ASSESS-002",
    "unknown-objective",
    "An item names a learning objective its module does not have.",
    "modules/alpha/questions.yaml:5: items[0].objective: unknown objective 'o-three'; the "
    "module's objectives are o-one, o-two",
    "Use the id of one of the module's learning_objectives, or add the objective there.",
)
CORRECT_OPTION_COUNT = _code(
    "CW-ASSESS-003",
    "correct-option-count",
    "A single-choice item without exactly one correct option, or a multiple-choice item "
    "without any.",
    "modules/alpha/questions.yaml:13: items[1].options: a single-choice item needs exactly "
    "one correct option, found 2; mark one with correct: true, or make it type: multiple",
    "Mark the right options with correct: true, or change the item's type.",
)
REPEATED_OPTION = _code(
    "CW-ASSESS-004",
    "repeated-option",
    "Two options of one item with the same text (ignoring case and spacing).",
    "modules/alpha/questions.yaml:31: items[3].options[1].text: repeats options[0]; every "
    "option must differ",
    "Reword or remove one of the two options.",
)
NEGATIVE_TOLERANCE = _code(
    "CW-ASSESS-005",
    "negative-tolerance",
    "A numeric item whose allowed error is negative.",
    "modules/alpha/questions.yaml:38: items[4].tolerance: -0.5 is negative; write the "
    "allowed error as a positive number (or 0 for an exact answer)",
    "Write the tolerance as a positive number, or 0 for an exact answer.",
)
UNKNOWN_COMPUTED_VALUE = _code(
    "CW-ASSESS-006",
    "unknown-computed-value",
    "A numeric item's answer names a computed value courseware does not have.",
    "modules/alpha/questions.yaml:45: items[5].value.computed: no computed value "
    "'days-at-2-mw'; did you mean 'days-at-1-mw'?",
    "Use one of the computed values the message suggests, or write the number itself.",
)
TRANSLATION_UNRECORDED = _code(
    "CW-ASSESS-007",
    "translation-unrecorded",
    "An item has text in a language but records no hash of the source text it translates.",
    "modules/alpha/questions.yaml:50: items[6].translated_from: the 'es' text records no "
    "source; check it against the 'en' text, then add translated_from: {es: 856a58ffba3d}",
    "Check the translation against the source text, then record the hash the message gives.",
)
TRANSLATION_STALE = _code(
    "CW-ASSESS-008",
    "translation-stale",
    "An item's source text changed since a translation of it was made.",
    "modules/alpha/questions.yaml:55: items[6].translated_from.es: the 'es' translation is "
    "stale: the 'en' text changed since it was made; update the translation, then write "
    "856a58ffba3d",
    "Update the translation from the source text, then record the hash the message gives.",
)
TOO_FEW_ITEMS = _code(
    "CW-ASSESS-009",
    "too-few-items",
    "A learning objective with fewer items than two parallel forms need.",
    "modules/alpha/module.yaml:7: learning_objectives[1]: objective 'o-two' has 1 item in "
    "modules/alpha/questions.yaml; write at least 2 so parallel pre/post forms are possible",
    "Write more items for the objective in the module's questions.yaml.",
)
TRACK_HASH_COLLISION = _code(
    "CW-ASSESS-010",
    "track-hash-collision",
    "Two tracks whose ids hash to the same value, so result codes could not tell them apart.",
    "curriculum/tracks/rerun.yaml: id: its result-code hash equals that of 'pilot'; rename "
    "one of the tracks",
    "Rename one of the two tracks.",
)
UNREADABLE_RESULT_CODE = _code(
    "CW-ASSESS-011",
    "unreadable-result-code",
    "A line of a codes file that is not a result code of this project's forms.",
    "codes.txt:3: 7K2QX: the check symbol does not match; a symbol was mistyped or left out",
    "Correct the code from the learner's screen, or remove the line.",
)
RESULT_CODE_ELSEWHERE = _code(
    "CW-ASSESS-012",
    "result-code-elsewhere",
    "A result code from another track, or from the other form, than the file is scored for.",
    "pre.txt:4: 3M8RT0ZK2: the code is from form B, not A",
    "Move the code to the file of its own form and track, or remove the line.",
)

# --- FP -----------------------------------------------------------------------------------

FP_NOT_A_NUMBER = _code(
    "CW-FP-001",
    "not-a-number",
    "A footprint input that is not a number (a boolean, a text).",
    "custom.casing: 'ten' is a string, not a number",
    "Pass a number, in the unit the parameter names.",
)
FP_NOT_FINITE = _code(
    "CW-FP-002",
    "not-finite",
    "A footprint input that is NaN or infinite.",
    "custom.casing: nan is not a finite number",
    "Pass a finite number.",
)
FP_NEGATIVE = _code(
    "CW-FP-003",
    "negative-value",
    "A negative footprint value where none is meaningful (or credits were not allowed).",
    "custom.casing: -1.0 is negative; pass allow_credits=True to count it as a credit",
    "Pass a value of zero or more, or allow credits explicitly.",
)
FP_NOT_POSITIVE = _code(
    "CW-FP-004",
    "not-positive",
    "A footprint input that must be greater than zero.",
    "lifetime_years: must be greater than zero",
    "Pass a value greater than zero.",
)
FP_OUT_OF_RANGE = _code(
    "CW-FP-005",
    "value-out-of-range",
    "A fraction above 1, a count below its minimum, or an interval out of order.",
    "duty_cycle: 1.5 is above 1 (a fraction of time)",
    "Pass a value within the range the message gives.",
)
FP_UNKNOWN_NAME = _code(
    "CW-FP-006",
    "unknown-name",
    "A block, option, preset, system, factor or region that the data does not have.",
    "custom.sensor: unknown block 'sensor'; did you mean 'sensors'?",
    "Use the suggested name, or one the message lists.",
)
FP_WRONG_SHAPE = _code(
    "CW-FP-007",
    "wrong-shape",
    "An argument of the wrong shape: one string where a list is needed, a list where a "
    "mapping is, two arguments that exclude each other.",
    "disabled: expected a list of block names, got a single string",
    "Pass the argument in the shape the message names.",
)

# --- DS -----------------------------------------------------------------------------------

# One code per datasheet validator check; the slug is the check's id (datasheet/checks).

DS_BOM_TOTAL = _code(
    "CW-DS-001",
    "bom-total",
    "BOM total = Σ unit cost × quantity.",
    "curriculum/sensors/x.yaml:325: bill_of_materials.stated_total_usd: the lines add "
    "up to $4.00, but the total says $5.00",
    "Correct the line costs or the stated total so that they agree to the cent.",
)
DS_ENVIRONMENT_BREAKDOWN = _code(
    "CW-DS-002",
    "environment-breakdown",
    "Footprint breakdown re-adds to the total and 100 %.",
    "curriculum/sensors/x.yaml:299: ml_sensor.environmental_impact.breakdown: the "
    "blocks add up to 1.00 kg CO2e, but the total is 2 kg CO2e (more than 2% apart)",
    "Correct the blocks or the total so that they re-add (within 2 %).",
)
DS_ENVIRONMENT_COVERAGE = _code(
    "CW-DS-003",
    "environment-coverage",
    "Footprint coverage matches the BOM lines.",
    "curriculum/sensors/x.yaml:300: "
    "ml_sensor.environmental_impact.coverage.bom_lines_total: 3 BOM lines stated, but "
    "the bill of materials has 1",
    "State the BOM line counts the bill of materials actually has.",
)
DS_OFFLINE_METRICS = _code(
    "CW-DS-004",
    "offline-metrics",
    "Offline FP/FN rates agree with the confusion matrix.",
    "curriculum/sensors/x.yaml:248: warning: "
    "ai.model.offline_metrics[0].false_positive_percent: int8: 10 % stated, but the "
    "confusion matrix gives 20 %",
    "Recompute the rates from the confusion matrix, or correct the matrix.",
)
DS_DEMOGRAPHIC_SHARES = _code(
    "CW-DS-005",
    "demographic-shares",
    "Demographic shares are whole numbers of people.",
    "curriculum/sensors/x.yaml:288: ml_sensor.end_to_end.demographics[0].buckets: "
    "gender shares 63.2 / 36.8 % are not whole numbers of the 40 people declared; they "
    "fit 38 people",
    "Give shares that are whole numbers of the people declared, or correct the count.",
)
DS_POWER_IDENTITY = _code(
    "CW-DS-006",
    "power-identity",
    "Operating voltage × current ≈ stated power.",
    "curriculum/sensors/x.yaml:149: warning: standard_sensor.hardware.operating_power: "
    "3.3 V × 3 mA = 10 mW, but the stated power is 100 mW",
    "Correct the voltage, the current or the stated power.",
)
DS_TIMING_FEASIBILITY = _code(
    "CW-DS-007",
    "timing-feasibility",
    "Claimed update rate ≤ 1 / inference time.",
    "curriculum/sensors/x.yaml:58: "
    "standard_sensor.description.interface.update_modes[0].rate: continuous: 1 Hz "
    "claimed, but the networks take 2200 ms per output, at most 0.45 Hz",
    "Claim a rate the inference time allows, or give the real inference time.",
)
DS_DATASET_SPLITS = _code(
    "CW-DS-008",
    "dataset-splits",
    "Dataset splits are named once and add up to 100 %.",
    "curriculum/sensors/x.yaml:207: ai.dataset.splits: the splits add up to 110 % "
    "(train 80 %, test 30 %); one share is named twice or described differently in two "
    "places",
    "Name each split once, with shares that add up to 100 %.",
)
DS_UNITS = _code(
    "CW-DS-009",
    "units",
    "Every number has an unambiguous, known unit.",
    "curriculum/sensors/x.yaml:235: ai.model.networks[0].peak_ram.unit: unit 'Kb' is "
    "ambiguous: it could mean kilobits (write kbit) or kilobytes (write kB)",
    "Write an unambiguous unit from the table (kbit or kB, not Kb).",
)
DS_UNIT_KIND = _code(
    "CW-DS-010",
    "unit-kind",
    "Each named quantity has a unit of the right kind.",
    "curriculum/sensors/x.yaml:147: standard_sensor.hardware.operating_current.unit: "
    "operating_current is a current, but 'mW' measures power",
    "Use a unit of the quantity's kind (mA for a current, kB for a size).",
)
DS_RANGE_ORDER = _code(
    "CW-DS-011",
    "range-order",
    "min ≤ typ ≤ max.",
    "curriculum/sensors/x.yaml:139: standard_sensor.hardware.operating_voltage: min "
    "4.0, typ 3.3, max 3.6 are not in order",
    "Put the values in order: min ≤ typ ≤ max.",
)
DS_MONK_SKIN_TONE_RANGE = _code(
    "CW-DS-012",
    "monk-skin-tone-range",
    "Monk Skin Tone values lie in 1-10.",
    "curriculum/sensors/x.yaml:290: "
    "ml_sensor.end_to_end.demographics[0].buckets[0].scale_min: MST 0 is outside the "
    "Monk Skin Tone scale (1-10)",
    "Use Monk Skin Tone values 1-10.",
)
DS_I2C_ADDRESS_RANGE = _code(
    "CW-DS-013",
    "i2c-address-range",
    "A 7-bit I2C address lies in 0x08-0x77.",
    "curriculum/sensors/x.yaml:109: standard_sensor.communication.i2c_address: 0xc4 is "
    "outside the 7-bit range 0x08-0x77; 0xc4 looks like the 8-bit form of 0x62",
    "Give the 7-bit address (the 8-bit form shifted right by one).",
)
DS_PERCENT_RANGE = _code(
    "CW-DS-014",
    "percent-range",
    "Percentages lie in 0-100.",
    "curriculum/sensors/x.yaml:209: ai.dataset.splits[0].share_percent: 120 % is outside 0-100",
    "Give a percentage between 0 and 100.",
)
DS_NAMED_FORMATS = _code(
    "CW-DS-015",
    "named-formats",
    "Format names match their pixel counts (QVGA = 320×240).",
    "curriculum/sensors/x.yaml:138: warning: "
    "standard_sensor.hardware.sensors[0].effective_pixels.format_name: QVGA is 320 × "
    "240, not 320 × 320",
    "Use the format name that matches the pixel counts, or none.",
)
DS_INPUT_FEATURES = _code(
    "CW-DS-016",
    "input-features",
    "Input features = height × width × channels.",
    "curriculum/sensors/x.yaml:226: ai.model.networks[0].input.features: 27,648 "
    "features stated, but 1 × 32 × 3 = 96",
    "Give features = height × width × channels.",
)
DS_STATED_VALUES = _code(
    "CW-DS-017",
    "stated-values",
    "The same quantity has the same value everywhere.",
    "curriculum/sensors/x.yaml:88: standard_sensor.description.statements[0]: "
    "Description gives max 100 kbit/s, but standard_sensor.communication.max_data_rate "
    "says 400 kbit/s",
    "Give the same value in every place, or say why they differ.",
)
DS_DIMENSIONS_DRAWING = _code(
    "CW-DS-018",
    "dimensions-drawing",
    "Stated dimensions match the drawing.",
    "curriculum/sensors/x.yaml:93: standard_sensor.form_factor.dimensions: 25 × 25 × 8 "
    "mm stated, but the drawing shows 50.8 × 24.9 × 7.9 mm",
    "Make the stated dimensions match the drawing's.",
)
DS_OUTPUT_SEMANTICS = _code(
    "CW-DS-019",
    "output-semantics",
    "The confidence has one range in every section.",
    "curriculum/sensors/x.yaml:265: ml_sensor.end_to_end.metric: the evaluation's mean "
    "confidence runs 0-1, but the interface outputs confidence 0-255; use one scale",
    "Use one confidence scale in the interface and the evaluation.",
)
DS_MODALITIES_COVERED = _code(
    "CW-DS-020",
    "modalities-covered",
    "Every sensing part's modality is in the privacy label.",
    "curriculum/sensors/x.yaml:135: standard_sensor.hardware.sensors[1]: a part sensing "
    "audio is fitted, but the privacy label has no audio data practice; declare it or "
    "mark the part physically_disabled",
    "Declare a data practice for the modality, or mark the part physically_disabled.",
)
DS_STORAGE_CLAIMS = _code(
    "CW-DS-021",
    "storage-claims",
    "Storage claims agree with the interface's persistence.",
    "curriculum/sensors/x.yaml:182: "
    "iot.privacy_security.data_practices[0].stored_on_device: 'No device storage', but "
    "the interface keeps data on the device: Threshold (default 60)",
    "Say what the device stores, or remove the persistent registers from the claim.",
)
DS_IDENTITY_DISCLOSURE = _code(
    "CW-DS-022",
    "identity-disclosure",
    "Identity inference is declared where it happens.",
    "curriculum/sensors/x.yaml:188: iot.privacy_security.data_use.inferred: a network "
    "identifies people, but the label says \"Whether the machine's vibration is "
    'anomalous"',
    "Declare the identity inference in the label and the dataset.",
)
DS_DEBUG_PORTS = _code(
    "CW-DS-023",
    "debug-ports",
    "Debug ports are declared with their production state.",
    "curriculum/sensors/x.yaml:129: warning: "
    "standard_sensor.communication.debug_ports[0]: SWD is 'enabled' in production, yet "
    "the label says raw data never leaves the module; state how the port is closed",
    "State how each debug port is closed in production.",
)
DS_UPDATE_POLICY = _code(
    "CW-DS-024",
    "update-policy",
    "No security updates needs a lifetime and a disclosure route.",
    "curriculum/sensors/x.yaml:189: warning: iot.privacy_security.supported_lifetime: "
    "'No security updates', so this must be stated (found 'Not disclosed')",
    "State the supported lifetime and a vulnerability disclosure route.",
)
DS_VERSION_BINDING = _code(
    "CW-DS-025",
    "version-binding",
    "End-to-end results are bound to versions.",
    "curriculum/sensors/x.yaml:252: ml_sensor.end_to_end.version_binding: the results "
    "are not bound to: model_version",
    "Name the hardware, firmware and model versions the results are for.",
)
DS_TESTED_ENVELOPE = _code(
    "CW-DS-026",
    "tested-envelope",
    "Every claimed operating range was tested.",
    "curriculum/sensors/x.yaml:69: standard_sensor.description.operating_envelope[0]: "
    "temperature: a range is claimed but no tested range is given",
    "Give the tested range for each claimed operating range.",
)
DS_NEGATIVES_INCLUDED = _code(
    "CW-DS-027",
    "negatives-included",
    "The evaluation includes target-absent trials.",
    "curriculum/sensors/x.yaml:260: ml_sensor.end_to_end.includes_absent_trials: only "
    "target-present trials were measured, so false positives (per hour) are unknown; "
    "add absent trials",
    "Add target-absent trials to the evaluation.",
)
DS_METRIC_CLAIM = _code(
    "CW-DS-028",
    "metric-claim",
    "The metric is named for what it measures.",
    "curriculum/sensors/x.yaml:270: ml_sensor.end_to_end.metric.called_in_text: the "
    "text calls it 'accuracy', but the figures show 'recall'",
    "Call the metric by what it measures (recall, precision, mean confidence).",
)
DS_CONDITION_LABELS = _code(
    "CW-DS-029",
    "condition-labels",
    "Condition labels match between text and figures.",
    "curriculum/sensors/x.yaml:277: ml_sensor.end_to_end.conditions[0].figure_levels: "
    "temperature: the text gives 0, 25, 50 °C, the figures 0, 20, 50",
    "Use the same condition levels in the text and the figures.",
)
DS_POPULATION = _code(
    "CW-DS-030",
    "population",
    "Subgroups are large enough to report.",
    "curriculum/sensors/x.yaml:289: warning: "
    "ml_sensor.end_to_end.demographics[0].buckets[0]: gender 'a': about 6 people, under "
    "10; report a confidence interval",
    "Report a confidence interval for small groups, or test more people.",
)
DS_DISPARITY_QUANTIFIED = _code(
    "CW-DS-031",
    "disparity-quantified",
    "Disparities are numbers with a direction.",
    "curriculum/sensors/x.yaml:286: warning: ml_sensor.end_to_end.disparities[0]: "
    "gender: give gap_percent and direction",
    "Give the gap in percentage points and which group fares worse.",
)
DS_UNITS_TESTED = _code(
    "CW-DS-032",
    "units-tested",
    "Several identical units were tested.",
    "curriculum/sensors/x.yaml:259: info: ml_sensor.end_to_end.units_tested: test "
    "several identical units to show unit-to-unit variation (tested 1)",
    "Test several identical units.",
)
DS_USE_PHASE_POWER = _code(
    "CW-DS-033",
    "use-phase-power",
    "Use-phase power equals the declared operating power.",
    "curriculum/sensors/x.yaml:292: ml_sensor.environmental_impact.use_phase_power_mw: "
    "the use stage assumes 1 mW, but the declared operating power is 10 mW",
    "Use the declared operating power in the footprint's use stage.",
)
DS_ENVIRONMENT_METHOD = _code(
    "CW-DS-034",
    "environment-method",
    "Footprint method, coverage and end of life stated.",
    "curriculum/sensors/x.yaml:285: warning: "
    "ml_sensor.environmental_impact.end_of_life: say how to recycle or dispose of the "
    "module",
    "State the footprint method, its coverage and the end of life.",
)
DS_COMPLIANCE_EVIDENCE = _code(
    "CW-DS-035",
    "compliance-evidence",
    "Compliance claims carry evidence and scope.",
    "curriculum/sensors/x.yaml:89: warning: standard_sensor.compliance.regulations[0]: "
    "RoHS: add the declaration, certificate or rationale behind the claim",
    "Add the declaration, certificate or rationale, and its scope.",
)
DS_REVISION_HYGIENE = _code(
    "CW-DS-036",
    "revision-hygiene",
    "The change log ends at this revision.",
    "curriculum/sensors/x.yaml:20: warning: title_page.change_log[1].version: the last "
    "change is '1.1', but this is '1.2'; add an entry for it",
    "Add a change-log entry for this revision.",
)
DS_ACRONYMS = _code(
    "CW-DS-037",
    "acronyms",
    "Acronyms used are defined.",
    "curriculum/sensors/x.yaml:1: info: acronyms: 9 acronyms used but not defined: BOM, "
    "BY, CACM, CC, RAM, RoHS, SWD, TFLite, TinyML",
    "Define each acronym under acronyms.",
)
DS_FOOTPRINT_CONFIG = _code(
    "CW-DS-038",
    "footprint-config",
    "The footprint configuration computes, and matches.",
    "curriculum/sensors/x.yaml:291: ml_sensor.environmental_impact.footprint: "
    "options.sensing: unknown option for block sensing: 'Nope'; known: 'Electret "
    "Microphone', '30 mm² CMOS', '58 mm² CMOS'",
    "Use known blocks and options (the message lists them), and matching totals.",
)
DS_BLOCKS_PRESENT = _code(
    "CW-DS-039",
    "blocks-present",
    "All ten paper blocks and the title page are present.",
    "curriculum/sensors/x.yaml:35: standard_sensor.compliance: the block 'Compliance "
    "and certification' is missing",
    "Add the missing block.",
)
DS_REQUIRED_FIELDS = _code(
    "CW-DS-040",
    "required-fields",
    "Required ([R]) fields are filled.",
    "curriculum/sensors/x.yaml:5: title_page.maintainer: required field is empty; give "
    "the value or write 'Not disclosed'",
    "Give the value, or write 'Not disclosed'.",
)
DS_CONDITIONAL_FIELDS = _code(
    "CW-DS-041",
    "conditional-fields",
    "Conditional ([C]) fields are filled when triggered.",
    "curriculum/sensors/x.yaml:192: ai.dataset.demographic_coverage: required because "
    "the sensor observes people; give the value or write 'Not disclosed'",
    "Give the value, or write 'Not disclosed'.",
)
DS_PLACEHOLDERS = _code(
    "CW-DS-042",
    "placeholders",
    "No placeholders (TBD, TODO, 'here' without a link).",
    "curriculum/sensors/x.yaml:13: title_page.contact: placeholder 'TBD'; give the real "
    "value or write 'Not disclosed'",
    "Give the real value, or write 'Not disclosed'.",
)
DS_DISCLOSURE_COUNT = _code(
    "CW-DS-043",
    "disclosure-count",
    "Count of 'Not disclosed' / 'Unknown' answers.",
    "curriculum/sensors/x.yaml:1: info: 1 fields answered 'Not disclosed', 'Unknown' or "
    "'Unsure' (1 in all; warning above 10)",
    "Answer more fields; each 'Not disclosed' counts against the sheet.",
)

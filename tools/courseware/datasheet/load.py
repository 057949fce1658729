"""Read a datasheet file into the typed model, reporting bad YAML, wrong types and unknown
fields as findings with their ``file:line`` (all of them in one run)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from courseware import problem_codes as codes
from courseware.datasheet.findings import Finding, finding_from_problem
from courseware.datasheet.schema import Datasheet
from courseware.validation import validate_document
from courseware.yamlsafe import YamlDocument, YamlProblem, parse_yaml_text, read_yaml_file


@dataclass(frozen=True)
class LoadedDatasheet:
    """A datasheet file as read: the model (None when it could not be built), the parsed
    document (for line numbers) and the problems found while loading."""

    path: str
    sheet: Datasheet | None
    document: YamlDocument | None
    findings: tuple[Finding, ...]


def load_datasheet(path: Path, root: Path | None = None) -> LoadedDatasheet:
    """Read ``path`` (shown relative to ``root``, default the current folder)."""
    base = root if root is not None else Path.cwd()
    document, problems = read_yaml_file(path, base)
    shown = document.path if document is not None else (problems[0].file if problems else str(path))
    if document is None:
        return LoadedDatasheet(shown, None, None, tuple(map(finding_from_problem, problems)))
    return _validated(document, expected_id=path.stem)


def parse_datasheet(text: str, path: str) -> LoadedDatasheet:
    """Parse datasheet YAML text shown as ``path`` (used by tests and the site)."""
    try:
        document = parse_yaml_text(text, path)
    except YamlProblem as problem:
        finding = finding_from_problem(problem.problem(path))
        return LoadedDatasheet(path, None, None, (finding,))
    return _validated(document, expected_id=Path(path).stem)


def _validated(document: YamlDocument, expected_id: str) -> LoadedDatasheet:
    sheet, problems = validate_document(Datasheet, document)
    findings = [finding_from_problem(p) for p in problems]
    if sheet is not None and sheet.id != expected_id:
        findings.append(
            Finding(
                "file-name",
                "error",
                document.path,
                document.line_of(("id",)),
                "id",
                f"{sheet.id!r} differs from the file name; rename the file to {sheet.id}.yaml "
                "or change the id",
                code=codes.ID_MISMATCH,
            )
        )
    return LoadedDatasheet(document.path, sheet, document, tuple(findings))

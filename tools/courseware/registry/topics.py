"""The controlled topic vocabulary (``curriculum/topics.yaml``) and checks against it.

Modules and offerings name topics so that educators can filter and assemble by subject; a
free-text tag list drifts into near-duplicates ("sdg", "sdgs", "sustainable-development"),
so every topic must be declared once, with a title readers see.
"""

from __future__ import annotations

from collections.abc import Sequence, Set
from pathlib import Path

from pydantic import Field

from courseware import problem_codes as codes
from courseware.errors import Problem
from courseware.registry.text_catalogs import validate_translated
from courseware.textfields import LocalizedText, Slug, StrictModel
from courseware.validation import did_you_mean
from courseware.yamlsafe import KeyPath, YamlDocument, dotted_field, read_yaml_file

TOPICS_FILE = Path("curriculum/topics.yaml")


class Topic(StrictModel):
    """One subject modules and offerings can be filed under."""

    id: Slug
    title: LocalizedText
    description: LocalizedText | None = None


class TopicsFile(StrictModel):
    """The whole ``curriculum/topics.yaml`` file."""

    topics: list[Topic] = Field(min_length=1)


def load_topics(root: Path) -> tuple[list[Topic], list[Problem], YamlDocument | None]:
    """Load the vocabulary; a missing file is fine for a project that names no topics.

    Returns:
        The topics, the problems found and the parsed document (for its lines).
    """
    path = root / TOPICS_FILE
    if not path.exists() and not path.is_symlink():
        return [], [], None
    document, problems = read_yaml_file(path, root)
    if document is None:
        return [], problems, None
    parsed, problems = validate_translated(root, TopicsFile, document)
    if parsed is None:
        return [], problems, document
    seen: dict[str, int] = {}
    for index, topic in enumerate(parsed.topics):
        if topic.id in seen:
            problems.append(
                Problem(
                    document.path,
                    document.line_of(("topics", index, "id")),
                    f"topics[{index}].id",
                    f"{topic.id!r} is declared twice (first as item {seen[topic.id]})",
                    code=codes.DUPLICATE_ID,
                )
            )
        seen.setdefault(topic.id, index)
    return list(parsed.topics), problems, document


def check_topic_references(
    topics: Sequence[str], document: YamlDocument, location: KeyPath, known: Set[str] | None
) -> list[Problem]:
    """Report every topic in ``topics`` (found at ``location`` in ``document``) not declared.

    Args:
        topics: The topic ids as written, in order.
        document: The file they were read from, for lines.
        location: Where the list sits in the file, such as ``("topics",)``.
        known: The declared topic ids; None when ``topics.yaml`` is too broken to say (the
            references are then not checked: each would only repeat its error).
    """
    if known is None:
        return []
    problems = []
    for index, topic in enumerate(topics):
        if topic in known:
            continue
        where = (*location, index)
        if known:
            hint = did_you_mean(topic, known) or f"; known topics: {', '.join(sorted(known))}"
        else:
            hint = f"; declare it in {TOPICS_FILE.as_posix()}"
        problems.append(
            Problem(
                document.path,
                document.line_of(where),
                dotted_field(where),
                f"unknown topic {topic!r}{hint}",
                code=codes.UNKNOWN_TOPIC,
            )
        )
    return problems


def check_document_topics(document: YamlDocument, known: Set[str] | None) -> list[Problem]:
    """Check the top-level ``topics`` list of any registry file, as written.

    Reads the raw data so that it works for files of every kind, even those whose other
    fields are invalid (their topics are still worth reporting in the same run).
    """
    data = document.data
    topics = data.get("topics") if isinstance(data, dict) else None
    if not isinstance(topics, list) or not all(isinstance(t, str) for t in topics):
        return []
    return check_topic_references(topics, document, ("topics",), known)

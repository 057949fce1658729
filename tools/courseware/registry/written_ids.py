"""The ids a registry list file declares, read as written when the file has errors, so that
the files naming them are checked without reporting what is only a follow-on error.

One wrong field in ``curriculum/languages.yaml`` (``direction: rtll``) used to make the file
count as declaring no language at all, and every offering, module and track then reported
each language it names as undeclared: 167 lines for one typo in this repository. The same
held for ``topics.yaml``, ``sources.yaml`` and a module whose ``module.yaml`` is invalid (every
track and prerequisite naming it said "unknown module"). The root cause is reported once, at
its line; a reference is still reported when it names an id the file does not declare even as
written, and when even the ids cannot be read, references to the file are not checked at all
until it is fixed (as a compiler stops checking names after a broken declaration).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from courseware.errors import Problem
from courseware.yamlsafe import YamlDocument


def ids_as_written(
    document: YamlDocument | None, list_key: str, problems: Iterable[Problem], id_key: str = "id"
) -> frozenset[str] | None:
    """The ``id_key`` of every item of the list ``list_key`` in ``document``, as written.

    Args:
        document: the parsed file, or None when it could not be read.
        list_key: the top-level list the ids sit in (``languages``, ``topics``).
        problems: the file's own problems; an id they call invalid makes the ids untrusted.
        id_key: the field naming each item (``code`` for languages).

    Returns:
        The ids, or None when they cannot be trusted: the file is unreadable, is not a
        mapping holding that list, or one of its problems is about an id itself.
    """
    if document is None or not isinstance(document.data, dict):
        return None
    items = document.data.get(list_key)
    if not isinstance(items, list):
        return None
    own_id = re.compile(rf"^{re.escape(list_key)}(\[\d+\](\.{re.escape(id_key)})?)?$")
    for problem in problems:
        if problem.file == document.path and (problem.field is None or own_id.match(problem.field)):
            return None
    ids = [item.get(id_key) for item in items if isinstance(item, dict)]
    if len(ids) != len(items) or not all(isinstance(value, str) for value in ids):
        return None
    return frozenset(str(value) for value in ids)

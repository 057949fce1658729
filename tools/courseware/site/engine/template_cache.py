"""Keep compiled theme templates in memory for every MkDocs run of one process.

MkDocs makes a new Jinja environment for every build, so each language's run compiled
Material's templates again: about a quarter of a second per language, for identical
templates. Jinja's bytecode cache hook keys each compiled template by its name and a hash of
its source, so an edited template (``courseware serve``) is compiled afresh, never served
stale.
"""

from __future__ import annotations

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


class MemoryBytecodeCache(BytecodeCache):
    """Compiled templates by Jinja's bucket key (template name and source hash)."""

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        """Fill ``bucket`` with the compiled template, if this process has compiled it."""
        compiled = self._compiled.get(bucket.key)
        if compiled is not None:
            bucket.bytecode_from_string(compiled)

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Remember a template Jinja has just compiled."""
        self._compiled[bucket.key] = bucket.bytecode_to_string()


COMPILED_TEMPLATES = MemoryBytecodeCache()
"""One per process: the language builds a worker runs one after another share it."""

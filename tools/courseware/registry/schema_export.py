"""Export JSON Schema for registry files, so contributors' editors validate as they type.

Each file can point at its schema with a first-line comment that the YAML language server
understands: ``# yaml-language-server: $schema=../../schema/offering.schema.json``.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from courseware.registry.models import LanguagesFile, Offering
from courseware.registry.modules import ModuleSpec
from courseware.registry.topics import TopicsFile
from courseware.registry.tracks import TrackSpec

SCHEMAS: dict[str, type[BaseModel]] = {
    "languages": LanguagesFile,
    "offering": Offering,
    "module": ModuleSpec,
    "track": TrackSpec,
    "topics": TopicsFile,
}
"""Schema file stem to model; other packages' models are added by their own registration."""


def register_schema(name: str, model: type[BaseModel]) -> None:
    """Add a model whose schema ``courseware schema`` should write (used by other packages)."""
    SCHEMAS[name] = model


def write_schemas(out: Path) -> list[Path]:
    """Write ``<name>.schema.json`` for every registered model; return the paths written."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, model in sorted(SCHEMAS.items()):
        schema = model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        path = out / f"{name}.schema.json"
        path.write_text(json.dumps(schema, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        written.append(path)
    return written

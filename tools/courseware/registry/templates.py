"""Commented templates for new registry entries; writing one never overwrites a file."""

from __future__ import annotations

import re
from pathlib import Path

from courseware.errors import UsageError
from courseware.textfields import SLUG_PATTERN

OFFERING_TEMPLATE = """\
# yaml-language-server: $schema=../../schema/offering.schema.json
# A TinyML course or workshop run by someone else. Fields marked (optional) may be deleted.
# Replace every value that starts with TODO (and every TODO link): `courseware validate`
# refuses them until you do. Check it with: courseware validate
id: {id}                      # must equal the file name, lowercase-with-hyphens
kind: course                  # course or workshop
title: "TODO: the course's title"  # or a map: {{en: ..., es: ...}}
organizations:                # (optional) who runs it
  - name: "TODO: the university or company"
    url: https://example.org/TODO  # (optional) https only
dates:                        # give start (2022, 2022-09 or 2022-09-01), a term, or both
  as_published: "TODO: when it runs, in its organisers' words; or replace this line by start:"
  # start: "2022-09"
  # end: "2022-12"
  # term: Fall 2022
  # ongoing: true             # still running; then no end date
audience: [everyone]          # everyone, k12, undergraduate, graduate, professional, educators
language_of_instruction: [en] # codes from curriculum/languages.yaml
language_of_materials: [en]
# location: {{city: Trieste, country: IT}}   # (optional) ISO 3166 country code
# mode: online                # (optional) online, onsite or hybrid
links:                        # (optional)
  - label: Website
    url: https://example.org/TODO
# (optional) plain text, no HTML; for a long text write "description: >-" and indent below
description: "TODO: one or two sentences on what the course teaches."
"""


def write_offering_template(root: Path, offering_id: str) -> Path:
    """Write a commented offering template for ``offering_id``.

    Raises:
        UsageError: when the id is not a slug or the file already exists.
    """
    if not re.match(SLUG_PATTERN, offering_id):
        raise UsageError(
            f"ID {offering_id!r} must be lowercase letters, digits and hyphens, like 'mit-6s965'"
        )
    path = root / "curriculum" / "offerings" / f"{offering_id}.yaml"
    if path.exists() or path.is_symlink():
        raise UsageError(f"{path} already exists; nothing was written")
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as handle:
        handle.write(OFFERING_TEMPLATE.format(id=offering_id))
    return path

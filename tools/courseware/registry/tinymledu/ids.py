"""Make an offering's id from its title and year, the same id every time it is imported.

Stable ids are what lets a re-import recognise an entry it already wrote (and skip it), and
what makes importing an export give back the same files.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

MAX_ID_LENGTH = 80
"""The registry's ``Slug`` type allows 80 characters (registry/models.py via textfields)."""


def slugify(text: str) -> str:
    """Lower-case ASCII words joined by hyphens: "Itajubá (UNIFEI)" → "itajuba-unifei"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def offering_id(title: str, year: str | None) -> str:
    """Return the id for an entry: its title's slug, then its year unless the title has it.

    A title with no Latin letters or digits (an Arabic title, say) has no slug; its id is
    made from a hash of the title so it stays stable.
    """
    slug = slugify(title)
    if len(slug) < 2:  # the registry's ids have at least two characters
        slug = "offering-" + hashlib.sha256(title.encode("utf-8")).hexdigest()[:8]
    suffix = f"-{year}" if year and year not in slug.split("-") else ""
    room = MAX_ID_LENGTH - len(suffix)
    if len(slug) > room:
        slug = slug[:room].rsplit("-", 1)[0] if "-" in slug[:room] else slug[:room]
    return f"{slug}{suffix}"


def numbered_id(base: str, taken: set[str]) -> str:
    """The first of ``base-2``, ``base-3``... not in ``taken`` (for ``--force-new`` drafts)."""
    number = 2
    while True:
        suffix = f"-{number}"
        candidate = f"{base[: MAX_ID_LENGTH - len(suffix)].rstrip('-')}{suffix}"
        if candidate not in taken:
            return candidate
        number += 1

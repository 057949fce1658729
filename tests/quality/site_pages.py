"""The pages the quality checks visit, and the real site they are built from.

One page per page type per language: the table below maps each page type to one URL path of
the site as the repository's own content builds it. A new page type is one more row.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import copy_bundled_content

from courseware.site import build_site

REPO = Path(__file__).resolve().parents[2]

# Page type → path under a language's root. Ids are the repository's own content: a renamed
# module or lab fails here with the missing path named, rather than silently testing less.
PAGE_TYPES: dict[str, str] = {
    "home": "",
    "catalog": "catalog/",
    "offering": "offerings/mit-6s965/",
    "module index": "modules/",
    "module": "modules/what-is-tinyml/",
    "self-check": "modules/what-is-tinyml/self-check/",
    "teaching kit": "modules/what-is-tinyml/teaching/",
    "teaching kits": "kits/",
    "track index": "tracks/",
    "track": "tracks/two-hour-workshop/",
    "test form": "tracks/two-hour-workshop/form-a/",
    "lab index": "labs/",
    "lab": "labs/fleet-growth/",
    "datasheet gallery": "sensors/",
    "datasheet": "sensors/person-sensor/",
    "calculator": "calculator/",
    "status": "status/",
    "contribute": "contribute/",
}
# Language code → its root in the site (mkdocs-static-i18n, English at the root).
LANGUAGES: dict[str, str] = {"en": "", "es": "es/", "pt": "pt/", "fr": "fr/", "ar": "ar/"}


@dataclass(frozen=True)
class SitePage:
    """One page of the table in one language."""

    page_type: str
    language: str

    @property
    def path(self) -> str:
        """The URL path below the site root, e.g. ``fr/modules/what-is-tinyml/``."""
        return LANGUAGES[self.language] + PAGE_TYPES[self.page_type]

    @property
    def id(self) -> str:
        """A test id: ``module-fr``."""
        return f"{self.page_type.replace(' ', '-')}-{self.language}"

    def file(self, site: Path) -> Path:
        """The built HTML file of this page."""
        return site / self.path / "index.html"


ALL_PAGES = [SitePage(kind, language) for language in LANGUAGES for kind in PAGE_TYPES]


def build_real_site(workdir: Path) -> Path:
    """Copy the repository's content into ``workdir`` and build it; return the site folder.

    The copy keeps the build from touching the working tree that others use; the lab and print
    caches of the repository are copied along, so unchanged labs are not run again nor
    unchanged tracks printed again.
    """
    project = copy_bundled_content(workdir / "project")
    for name in ("labs", "prints"):  # executed labs, printed tracks
        cache = REPO / ".cache" / name
        if cache.is_dir():
            shutil.copytree(cache, project / ".cache" / name)
    return build_site(project).site_dir

"""Where a project keeps what the builder writes, relative to the project root.

Named once so that the build, the serve and bundle commands, the caches and the tests agree;
all of it is generated and git-ignored (``build/``, ``.cache/``, ``site/``).
"""

from __future__ import annotations

from pathlib import Path

SITE_DIR = Path("site")
"""The published site (``courseware build``'s default output)."""
SITE_MARKER = ".courseware-site"
"""A file in every site the builder writes: a folder holding it may be replaced by a build;
a non-empty folder without it is someone's files, never replaced."""

SOURCE_DIRS = (
    Path("curriculum"),
    Path("modules"),
    Path("labs"),
    Path("pages"),
    Path("locale"),
    Path("docs"),
    Path("tools"),
    Path("tests"),
    Path("bench"),
    Path(".git"),
)
"""The folders of a project that hold what people wrote: no output is ever written there
(except the files ``curriculum import`` and ``new`` add by design, never overwriting)."""

BUILD_DIR = Path("build")
STAGED_DOCS_DIR = BUILD_DIR / "docs"
"""The staged Markdown tree, every language by suffix (MkDocs' ``docs_dir``)."""
SERVE_CONFIG_FILE = BUILD_DIR / "mkdocs.serve.yml"
SERVE_SITE_DIR = BUILD_DIR / "serve-site"
BUNDLES_OUT_DIR = BUILD_DIR / "bundles"
"""Where ``courseware bundle`` writes a track's zip by default."""
PRINTS_OUT_DIR = BUILD_DIR / "prints"
"""Where ``courseware print`` writes a track's PDF by default."""

CACHE_DIR = Path(".cache")
LAB_CACHE_DIR = CACHE_DIR / "labs"
BUNDLE_CACHE_DIR = CACHE_DIR / "bundles"
PRINT_CACHE_DIR = CACHE_DIR / "prints"
"""Printed tracks (PDF) and the key of what each was printed from."""
CHECK_CACHE_FILE = CACHE_DIR / "content-checks.json"
LAST_BUILD_FILE = CACHE_DIR / "last-build.json"
RUNTIME_WHEEL_CACHE_DIR = CACHE_DIR / "labs-runtime"
"""The labs' runtime wheel, one folder per fingerprint of what it holds."""
BUILD_LOCK_FILE = CACHE_DIR / "build.lock"
GENERATED_DIRS = (CACHE_DIR, STAGED_DOCS_DIR, SERVE_SITE_DIR, BUNDLES_OUT_DIR, PRINTS_OUT_DIR)
"""Folders the builder fills itself: a site written into one would be overwritten."""


def language_docs_dir(code: str) -> Path:
    """The staged tree of one language's own MkDocs run (``build/docs-<code>``)."""
    return BUILD_DIR / f"docs-{code}"

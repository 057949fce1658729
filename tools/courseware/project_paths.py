"""Where a project keeps what the builder writes, relative to the project root.

Named once so that the build, the serve and bundle commands, the caches and the tests agree;
all of it is generated and git-ignored (``build/``, ``.cache/``, ``site/``).
"""

from __future__ import annotations

from pathlib import Path

SITE_DIR = Path("site")
"""The published site (``courseware build``'s default output)."""

BUILD_DIR = Path("build")
STAGED_DOCS_DIR = BUILD_DIR / "docs"
"""The staged Markdown tree, every language by suffix (MkDocs' ``docs_dir``)."""
SERVE_CONFIG_FILE = BUILD_DIR / "mkdocs.serve.yml"
SERVE_SITE_DIR = BUILD_DIR / "serve-site"
BUNDLES_OUT_DIR = BUILD_DIR / "bundles"
"""Where ``courseware bundle`` writes a track's zip by default."""

CACHE_DIR = Path(".cache")
LAB_CACHE_DIR = CACHE_DIR / "labs"
BUNDLE_CACHE_DIR = CACHE_DIR / "bundles"
CHECK_CACHE_FILE = CACHE_DIR / "content-checks.json"
LAST_BUILD_FILE = CACHE_DIR / "last-build.json"
RUNTIME_WHEEL_CACHE_DIR = CACHE_DIR / "labs-runtime"
"""The labs' runtime wheel, one folder per fingerprint of what it holds."""
BUILD_LOCK_FILE = CACHE_DIR / "build.lock"


def language_docs_dir(code: str) -> Path:
    """The staged tree of one language's own MkDocs run (``build/docs-<code>``)."""
    return BUILD_DIR / f"docs-{code}"

"""Run MkDocs (Material + mkdocs-static-i18n) over a staged tree, strictly, in process:
one language of the site, or one offline copy.

The project's ``mkdocs.yml`` holds the theme and Markdown settings; the plugin list comes
from ``mkdocs_config``. A failed run reports MkDocs' own warnings, not just "Aborted".
"""

from __future__ import annotations

import logging
import os
import shutil
import signal
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from courseware.errors import BuildError, CoursewareError
from courseware.registry.load import Registry
from courseware.site.engine.mkdocs_config import courseware_plugin, language_plugin_config

log = logging.getLogger("courseware.serve")

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's end-of-life banner, once per build


class WarningCollector(logging.Handler):
    """Keeps MkDocs' warnings so a failed build can show them, not just "Aborted"."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def collect_warnings() -> Iterator[WarningCollector]:
    """Collect the warnings MkDocs logs inside the ``with`` block."""
    collector = WarningCollector()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    try:
        yield collector
    finally:
        logger.removeHandler(collector)


def run_mkdocs(root: Path, docs_dir: Path, site_dir: Path, **settings: Any) -> str | None:
    """Build ``docs_dir`` into ``site_dir`` with the project's ``mkdocs.yml`` and
    ``settings`` on top, strictly; return None, or what went wrong with MkDocs' warnings.

    Reports rather than raises: the language runs happen in worker processes.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, MkDocsException

    with collect_warnings() as collector:
        try:
            config = load_config(
                config_file=str(root / "mkdocs.yml"),
                docs_dir=str(docs_dir),
                site_dir=str(site_dir),
                strict=True,
                **settings,
            )
            build(config)
        except (Abort, MkDocsException, OSError) as error:
            details = "\n".join(f"  {message}" for message in collector.messages)
            return f"{error}\n{details}".rstrip()
    return None


def build_one_language(
    root: Path, registry: Registry, docs_dir: Path, site_dir: Path, language: str
) -> str | None:
    """Build one language of the staged tree into ``site_dir``; return an error message or
    None. Runs in a worker process, so it reports rather than raises."""
    from courseware.site.engine.page_cache import PAGE_CACHE_DIR

    plugins = language_plugin_config(registry, language, str(root / PAGE_CACHE_DIR))
    failure = run_mkdocs(root, docs_dir, site_dir, plugins=plugins)
    return None if failure is None else f"MkDocs could not build the {language!r} pages: {failure}"


OFFLINE_VALIDATION = {
    "nav": {"omitted_files": "warn", "not_found": "warn", "absolute_links": "warn"},
    # Pages link to pages outside the copy (the catalog, say); the site build has already
    # checked every link strictly, and the copy unlinks those (``offline_hooks``).
    "links": {
        "not_found": "info",
        "anchors": "info",
        "absolute_links": "info",
        "unrecognized_links": "info",
    },
}


def build_offline_copy(
    root: Path, language: str, nav: list[Any], docs_dir: Path, site_dir: Path, name: str
) -> None:
    """Build one offline copy (``name``, for messages) with the project's theme settings,
    strictly, in process.

    No i18n plugin (one language) and no search plugin (``render.offline_search`` replaces
    it); the courseware plugin's ``offline_language`` does the rest.

    Raises:
        BuildError: listing MkDocs' warnings when the build fails.
    """
    failure = run_mkdocs(
        root,
        docs_dir,
        site_dir,
        plugins=[courseware_plugin(offline_language=language)],
        nav=nav,
        not_in_nav="",
        validation=OFFLINE_VALIDATION,
        use_directory_urls=True,
    )
    if failure is not None:
        raise BuildError(f"MkDocs could not build the offline copy {name}: {failure}")


def serve_until_interrupted(
    config_file: Path,
    dev_addr: str,
    watched: list[str],
    prepare: Callable[[], None],
    staged_dir: Path | None = None,
) -> None:
    """Serve with live reload (``engine.live_server``), rebuilding when ``watched`` change.

    MkDocs' own ``serve`` command, made robust: ``prepare`` runs before every build (it puts
    back ``build/`` when someone removed it while serving), a failed build is shown in the
    browser instead of holding its requests, and the site is built into a temporary folder
    outside the project, so removing ``build/`` never takes the served site away.

    Args:
        config_file: the serving configuration (``build/mkdocs.serve.yml``).
        dev_addr: ``host:port`` to serve on.
        watched: the project's source folders and files; the staged tree is ours, not watched.
        prepare: called before each build; raises ``CoursewareError`` for content problems.
        staged_dir: the staged tree ``prepare`` writes; given, a change that only edits
            pages' Markdown re-renders just those pages (``engine.warm_render``), the rest
            rebuilds the site.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, MkDocsException
    from mkdocs.livereload import _serve_url

    from courseware.site.engine.live_server import CoursewareServer, read_source_404
    from courseware.site.engine.warm_render import WarmSite, recording, snapshot

    site_dir = Path(tempfile.mkdtemp(prefix="courseware-serve-"))
    host, _, port = dev_addr.rpartition(":")
    serve_url = _serve_url(host, int(port), "/")
    server: CoursewareServer

    warm = [WarmSite()]
    staged = [snapshot(staged_dir) if staged_dir is not None else {}]

    def builder() -> None:
        """One build; never raises: a failure becomes the page the browser gets."""
        with collect_warnings() as collector:
            try:
                started = time.perf_counter()
                prepare()
                log.info(f"Staged the project in {time.perf_counter() - started:.2f} s")
                if _render_warm(warm[0], staged, staged_dir):
                    server.failure = None
                    return
                config = load_config(
                    config_file=str(config_file), site_dir=str(site_dir), strict=False
                )
                config.site_url = serve_url
                warm[0] = WarmSite()
                with recording(warm[0]):
                    build(config, serve_url=serve_url)
            except CoursewareError as error:
                warm[0] = WarmSite()
                server.failure = str(error)
            except (Abort, MkDocsException, OSError) as error:
                warm[0] = WarmSite()
                details = "\n".join(collector.messages)
                server.failure = f"{error}\n{details}".strip()
            else:
                server.failure = None
        if server.failure is not None:
            log.error("The site could not be built; the browser shows why:\n%s", server.failure)

    server = CoursewareServer(
        builder=builder,
        host=host,
        port=int(port),
        root=str(site_dir),
        source_404=read_source_404(site_dir),
    )
    previous = signal.signal(signal.SIGTERM, _interrupt)  # a stopped server cleans up too
    progress = logging.StreamHandler()  # how long staging and re-rendering took, per edit
    progress.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    log.addHandler(progress)
    log.setLevel(logging.INFO)
    log.propagate = False
    try:
        builder()
        for path in watched:
            server.watch(path)
        try:
            server.serve()  # type: ignore[no-untyped-call]
        except KeyboardInterrupt:
            log.info("Shutting down...")
        finally:
            server.shutdown()
    finally:
        log.removeHandler(progress)
        log.propagate = True
        signal.signal(signal.SIGTERM, previous)
        shutil.rmtree(site_dir, ignore_errors=True)


def _render_warm(warm: Any, staged: list[Any], staged_dir: Path | None) -> bool:
    """Re-render only the changed pages when that shows the change (``warm_render``);
    False when a full build must run. ``staged`` holds the last snapshot, updated here."""
    from courseware.site.engine.warm_render import snapshot

    if staged_dir is None:
        return False
    before, after = staged[0], snapshot(staged_dir)
    staged[0] = after
    sources = warm.changed_pages(before, after)
    if sources is None:
        return False
    started = time.perf_counter()
    try:
        rendered = warm.render(sources)
    except Exception as error:  # any surprise: the full build shows the change correctly
        log.info(f"Re-rendering the changed pages failed ({error}); rebuilding the site")
        return False
    if rendered:
        elapsed = time.perf_counter() - started
        log.info(f"Re-rendered {len(sources)} changed page(s) in {elapsed:.2f} s")
    return bool(rendered)


def _interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt

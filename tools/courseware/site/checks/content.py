"""The content linter that runs over the staged tree before MkDocs, naming source lines.

MkDocs' strict mode catches broken links without lines, and misses the rest: URL
collisions, missing alt text, skipped headings, pages that take minutes to render or crash
it. Every contributed page (hand pages and module texts, and the fallback copies staged
from them) is checked here, and each problem names the contributed file and line.
"""

from __future__ import annotations

from courseware import problem_codes as codes
from courseware.errors import Problem
from courseware.project_paths import CHECK_CACHE_FILE
from courseware.registry.load import Registry
from courseware.site.checks.cache import CheckCache
from courseware.site.checks.links import check_link
from courseware.site.checks.markdown_scan import (
    MarkdownScan,
    check_bidi_overrides,
    check_structure,
    scan_markdown,
)
from courseware.site.checks.parallel import map_on_every_core
from courseware.site.checks.paths import check_content_files, check_url_collisions
from courseware.site.checks.render_limits import (
    MAX_NESTING_LEVELS,
    RENDER_LIMIT_SECONDS,
    MarkdownSettings,
    deepest_nesting,
    markdown_settings,
    render_all,
    render_ids,
    strip_front_matter,
)
from courseware.site.checks.theme_names import check_theme_names
from courseware.site.staging import LineMap, StagedFiles, locate


def check_staged_content(staged: StagedFiles, registry: Registry) -> list[Problem]:
    """Every problem of the contributed content of ``staged``, errors and warnings."""
    problems = check_content_files(registry.root)
    problems += check_url_collisions(staged.files, staged.sources, registry.language_codes)
    pages_text = {p: staged.files[p].decode("utf-8") for p in staged.sources if p in staged.files}
    texts = {path: strip_front_matter(text) for path, text in pages_text.items()}
    maps: dict[str, LineMap] = {}
    for path, text in pages_text.items():
        source = staged.sources[path]
        line_map = locate(text, source)
        if line_map is not None:
            maps[path] = line_map
        elif source.body.strip():
            message = f"the builder generates the page {path} itself; rename this file"
            problems.append(
                Problem(source.source, None, None, message, code=codes.GENERATED_PAGE_NAME)
            )
    for source in {s.source: s for s in staged.sources.values()}.values():
        problems += check_bidi_overrides(source.body, source.source, source.first_line)
    settings = markdown_settings(registry.root)
    cache = CheckCache(registry.root / CHECK_CACHE_FILE, settings)
    pages = _ContentPages(staged, texts, maps, settings, cache)
    problems += pages.render_each_source_once()
    for source_file, path in pages.first_page.items():
        ids = pages.anchors.get(path)
        if ids is not None:
            contributed = staged.sources[path]
            problems += check_theme_names(
                contributed.body, ids, source_file, contributed.first_line
            )
    scanned = [p for p in pages.first_page.values() if maps[p].source not in pages.failed]
    scans = _scan_all([texts[path] for path in scanned], cache)
    for path, scan in zip(scanned, scans, strict=True):
        line_map = maps[path]
        problems += check_structure(scan, line_map.source, line_map.to_source)
        for link in scan.links:
            line = line_map.to_source(link.line)
            if line is not None:
                problems += check_link(
                    link, path, staged.files, pages.anchors_of, line_map.source, line
                )
    cache.save()
    return sorted(set(problems), key=lambda p: (p.file, p.line or 0, p.message))


def _scan_all(texts: list[str], cache: CheckCache) -> list[MarkdownScan]:
    """The scan of each text: from the cache, or scanned now on every core."""
    scans = [cache.scan(text) for text in texts]
    missing = [index for index, scan in enumerate(scans) if scan is None]
    fresh = map_on_every_core(scan_markdown, [texts[index] for index in missing])
    fresh_by_index = dict(zip(missing, fresh, strict=True))
    for index, scan in fresh_by_index.items():
        cache.store_scan(texts[index], scan)
    return [scan or fresh_by_index[index] for index, scan in enumerate(scans)]


class _ContentPages:
    """Renders pages for the time limit and for their anchors, each at most once."""

    def __init__(
        self,
        staged: StagedFiles,
        texts: dict[str, str],
        maps: dict[str, LineMap],
        settings: MarkdownSettings,
        cache: CheckCache,
    ) -> None:
        self.cache = cache
        self.staged = staged
        self.texts = texts
        self.maps = maps
        self.settings = settings
        self.failed: set[str] = set()
        self.anchors: dict[str, frozenset[str] | None] = {}
        self.first_page: dict[str, str] = {}
        """Contributed file → the first staged page holding it. Fallback pages copy their
        source's text into a page of the same folder, so checking them again finds nothing
        new; only the first is rendered and scanned."""
        for path, line_map in maps.items():
            self.first_page.setdefault(line_map.source, path)

    def render_each_source_once(self) -> list[Problem]:
        """Render one staged page per contributed file under the time limit."""
        problems: list[Problem] = []
        to_render = []
        for source, path in self.first_page.items():
            contributed = self.staged.sources[path]
            depth, line = deepest_nesting(contributed.body)
            if depth > MAX_NESTING_LEVELS:
                problems.append(_too_deep(source, contributed.first_line + line - 1, depth))
                self.failed.add(source)
            else:
                to_render.append(path)
        cached = {path: self.cache.render(self.texts[path]) for path in to_render}
        missing = [path for path in to_render if cached[path] is None]
        for path, fresh in zip(
            missing, render_all([self.texts[p] for p in missing], self.settings), strict=True
        ):
            self.cache.store_render(self.texts[path], fresh)
            cached[path] = fresh
        for path in to_render:
            result = cached[path]
            assert result is not None
            source = self.maps[path].source
            if result.failure is None:
                self.anchors[path] = result.ids
                continue
            self.failed.add(source)
            if result.failure == "deep":
                _, line = deepest_nesting(self.staged.sources[path].body)
                problems.append(_too_deep(source, self.staged.sources[path].first_line + line - 1))
            else:
                message = (
                    f"too slow to render (stopped after {RENDER_LIMIT_SECONDS:g} seconds); "
                    "look for long runs of '[' or '<' and split or simplify the text"
                )
                problems.append(Problem(source, None, None, message, code=codes.RENDER_TOO_SLOW))
        return problems

    def anchors_of(self, page: str) -> frozenset[str] | None:
        """The ids of a staged page; None for one whose contributed text failed to render."""
        if page not in self.anchors:
            line_map = self.maps.get(page)
            if line_map is not None and line_map.source in self.failed:
                self.anchors[page] = None
            else:
                text = self.texts.get(page)
                if text is None:
                    text = strip_front_matter(self.staged.files[page].decode("utf-8"))
                self.anchors[page] = render_ids(text, self.settings)
        return self.anchors[page]


def _too_deep(source: str, line: int, depth: int | None = None) -> Problem:
    levels = f" ({depth} levels of lists or quotes)" if depth else ""
    message = (
        f"nesting too deep{levels}; at most {MAX_NESTING_LEVELS} levels render reliably, "
        "so flatten the structure"
    )
    return Problem(source, line, None, message, code=codes.NESTING_TOO_DEEP)

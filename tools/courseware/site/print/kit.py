"""Printed tracks: one PDF per track, language and edition, cached on what it is printed from.

Where screens, power or data are scarce, teachers print. A site build prints every track in
each language it has (``track_print_languages``), as a student edition and a teacher's
edition, and the track pages offer them with their size. A PDF's cache key is the printed
document itself (every page's text and figures, the stylesheet), the paper, our code and
the installed packages, so an unchanged track is never printed again and Chromium is not
even started when nothing changed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections.abc import Callable, Iterator, Mapping
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from courseware.atomic_files import write_atomically
from courseware.fingerprints import Fingerprint
from courseware.registry.load import Registry
from courseware.registry.tracks import Track
from courseware.site.print.chromium import chromium_browser, in_own_thread, print_pdf
from courseware.site.print.document import (
    ProjectInputs,
    build_document,
    document_sources,
    read_project_inputs,
    stylesheet,
)
from courseware.site.print.front_pages import EDITIONS, Edition, Paper
from courseware.site.render import TrackPrint
from courseware.site.staging import read_mkdocs_yml

PRINTS_FOLDER = "prints"
"""Where the site offers the PDFs (``prints/<track>-<language>-<edition>.pdf``)."""
_FORMAT = "courseware-print-1"
"""Part of every cache key: change it when how a document is printed changes."""


@dataclass(frozen=True)
class PrintedTrack:
    """One track printed to a PDF on disk."""

    track_id: str
    language: str
    edition: Edition
    paper: Paper
    path: Path
    size_bytes: int
    pages: int
    is_reused: bool
    """True when the cached PDF was still current and Chromium did not print."""
    overflows: tuple[str, ...] = ()
    """Elements that were wider than the page when it was printed (empty when none)."""

    @property
    def file_name(self) -> str:
        """``<track>-<language>-<edition>.pdf`` (``-letter`` before ``.pdf`` on Letter)."""
        return print_file_name(self.track_id, self.language, self.edition, self.paper)


def print_file_name(track_id: str, language: str, edition: Edition, paper: Paper = "a4") -> str:
    """The PDF's name: A4 is the default paper, Letter is named."""
    suffix = "" if paper == "a4" else f"-{paper}"
    return f"{track_id}-{language}-{edition}{suffix}.pdf"


def track_print_languages(track: Track, registry: Registry) -> tuple[str, ...]:
    """The languages a track is printed in: its own, then every declared language in which
    each of its modules has its own text (a PDF of fallback pages would help nobody)."""
    modules = [registry.modules_by_id[m] for m in track.module_ids if m in registry.modules_by_id]
    languages = [track.spec.language]
    for code in registry.language_codes:
        if modules and all(code in module.languages for module in modules):
            languages.append(code)
    return tuple(dict.fromkeys(languages))


def printed_on() -> dt.date:
    """Today, or the day of ``SOURCE_DATE_EPOCH`` (the reproducible-builds convention): the
    cover's date and the PDF's. Builds on several machines (partial builds) give the same
    PDFs on the same day, or always with ``SOURCE_DATE_EPOCH`` set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()


class _LazyBrowser:
    """Starts Chromium on first use only: a build whose PDFs are all current starts none."""

    def __init__(self, stack: ExitStack) -> None:
        self._stack = stack
        self._browser: Any = None

    def get(self) -> Any:
        if self._browser is None:
            self._browser = self._stack.enter_context(chromium_browser())
        return self._browser


@contextmanager
def lazy_chromium() -> Iterator[Callable[[], Any]]:
    """A function returning a Chromium to print with, started on its first call and closed
    when the block ends."""
    with ExitStack() as stack:
        yield _LazyBrowser(stack).get


def print_track(
    registry: Registry,
    staged_files: Mapping[str, bytes],
    track: Track,
    language: str,
    edition: Edition,
    paper: Paper,
    cache_dir: Path,
    browser: Callable[[], Any],
    inputs: ProjectInputs | None = None,
) -> PrintedTrack:
    """Print (or reuse from ``cache_dir``) ``track`` in ``language`` and ``edition``.

    Args:
        staged_files: the site's staged tree, as ``collect_site_files`` returns it.
        browser: returns the Chromium to print with (started on first call).
        inputs: the labs' headers and question banks, if already read.

    Raises:
        BuildError: Chromium is missing or fails; the cached PDF, if any, is left as it was.
    """
    sources = document_sources(staged_files, registry, track, language, edition, inputs)
    fingerprint = Fingerprint(_FORMAT).add_json([track.id, language, edition, paper])
    fingerprint.add_text(stylesheet()).add_json(
        read_mkdocs_yml(registry.root).get("markdown_extensions")
    )
    for name, content in sources.parts():
        fingerprint.add_text(name).add_bytes(content)
    key = fingerprint.add_code().add_packages().hexdigest()
    name = print_file_name(track.id, language, edition, paper)
    pdf_path = cache_dir / name
    key_path = cache_dir / f"{name}.key"
    pages_path = cache_dir / f"{name}.pages"
    is_current = (
        pdf_path.is_file()
        and key_path.is_file()
        and pages_path.is_file()
        and key_path.read_bytes() == key.encode()
        and pages_path.read_bytes().isdigit()
    )
    overflows: tuple[str, ...] = ()
    if is_current:
        pages = int(pages_path.read_bytes())
    else:
        day = printed_on()
        document = build_document(sources, registry, paper)
        dated = dataclasses.replace(document, html=document.dated_html(day))
        printed = print_pdf(browser(), dated, paper, day)
        key_path.unlink(missing_ok=True)
        write_atomically(pdf_path, printed.data)
        write_atomically(pages_path, str(printed.pages).encode())
        write_atomically(key_path, key.encode())
        pages, overflows = printed.pages, printed.overflows
    return PrintedTrack(
        track_id=track.id,
        language=language,
        edition=edition,
        paper=paper,
        path=pdf_path,
        size_bytes=pdf_path.stat().st_size,
        pages=pages,
        is_reused=is_current,
        overflows=overflows,
    )


def _wanted(registry: Registry) -> Iterator[tuple[Track, str, Edition]]:
    for track in registry.tracks:
        for language in track_print_languages(track, registry):
            for edition in EDITIONS:
                yield track, language, edition


def build_track_prints(
    registry: Registry, staged_files: Mapping[str, bytes], cache_dir: Path
) -> tuple[PrintedTrack, ...]:
    """Every track in every language it has, both editions, on A4; one Chromium for all
    (started only when a PDF is out of date)."""

    inputs = read_project_inputs(registry)

    def print_all() -> tuple[PrintedTrack, ...]:
        with lazy_chromium() as browser:
            return tuple(
                print_track(
                    registry,
                    staged_files,
                    track,
                    language,
                    edition,
                    "a4",
                    cache_dir,
                    browser,
                    inputs,
                )
                for track, language, edition in _wanted(registry)
            )

    return in_own_thread(print_all)


def offer_prints(
    prints: tuple[PrintedTrack, ...],
) -> tuple[dict[str, bytes], dict[str, list[TrackPrint]]]:
    """The PDFs as site files under ``prints/``, and what each track page offers (by track id)."""
    files: dict[str, bytes] = {}
    offered: dict[str, list[TrackPrint]] = {}
    for printed in prints:
        relative = f"{PRINTS_FOLDER}/{printed.file_name}"
        files[relative] = printed.path.read_bytes()
        offered.setdefault(printed.track_id, []).append(
            TrackPrint(
                relative, printed.size_bytes, printed.language, printed.edition, printed.pages
            )
        )
    return files, offered

"""Offline copies built for real from the bundle fixture project: what a copy holds, that it
reaches no other origin and every link resolves, that the site offers each track's copy with
its size, that unchanged copies are reused, and that zips are reproducible."""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

from courseware.i18n.formatting import format_size
from courseware.registry.load import load_registry
from courseware.site import BuildReport, build_site, bundle_track
from courseware.site.offline import build_bundle
from courseware.site.staging import collect_site_files

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("site-build")]

REPO = Path(__file__).resolve().parents[3]
FIXTURE = REPO / "tests" / "fixtures" / "bundle"


def _copy_project(destination: Path) -> Path:
    project = destination / "project"
    shutil.copytree(FIXTURE, project)
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    return project


def _unzip(path: Path, destination: Path) -> Path:
    with zipfile.ZipFile(path) as archive:
        archive.extractall(destination)
    (folder,) = destination.iterdir()
    return folder


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildReport]:
    project = _copy_project(tmp_path_factory.mktemp("bundle-site"))
    return project, build_site(project)


@pytest.fixture(scope="module")
def copy(built: tuple[Path, BuildReport], tmp_path_factory: pytest.TempPathFactory) -> Path:
    project, _ = built
    zip_path = project / "site" / "bundles" / "short-course-en.zip"
    return _unzip(zip_path, tmp_path_factory.mktemp("unzipped"))


def _files(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


class _References(HTMLParser):
    """Every ``src`` and ``href`` of a page, with the tag it is on."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("src", "href") and value is not None:
                self.found.append((tag, name, value))


def _references(page: Path) -> list[tuple[str, str, str]]:
    parser = _References()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.found


def test_site_build_makes_one_bundle_per_track_in_its_language(
    built: tuple[Path, BuildReport],
) -> None:
    project, report = built
    assert {(b.track_id, b.language) for b in report.bundles} == {
        ("short-course", "en"),
        ("curso-corto", "es"),
    }
    for bundle in report.bundles:
        offered = project / "site" / "bundles" / bundle.file_name
        assert offered.read_bytes() == bundle.path.read_bytes()
        assert bundle.size_bytes == offered.stat().st_size
        print(f"{bundle.file_name}: {bundle.size_bytes} bytes, {bundle.pages} pages")


def _offered(page: Path, file_name: str) -> bytes:
    """The bytes a page's download link for ``file_name`` leads to (it must lead somewhere)."""
    (href,) = {url for _, _, url in _references(page) if url.endswith(f"bundles/{file_name}")}
    return (page.parent / href).read_bytes()


def test_track_pages_and_index_offer_the_bundle_with_its_size(
    built: tuple[Path, BuildReport],
) -> None:
    project, report = built
    bundles = {b.track_id: b for b in report.bundles}
    english, spanish = bundles["short-course"], bundles["curso-corto"]
    site = project / "site"
    page = site / "tracks" / "short-course" / "index.html"
    assert _offered(page, english.file_name) == english.path.read_bytes()
    label = f"Offline copy (English, zip, {format_size(english.size_bytes, 'en')})"
    assert label in page.read_text()
    page = site / "es" / "tracks" / "curso-corto" / "index.html"
    assert _offered(page, spanish.file_name) == spanish.path.read_bytes()
    assert f"zip, {format_size(spanish.size_bytes, 'es')})" in page.read_text()
    for index in (site / "tracks" / "index.html", site / "es" / "tracks" / "index.html"):
        for bundle in report.bundles:
            assert _offered(index, bundle.file_name) == bundle.path.read_bytes()
    assert 'href="short-course/"' in (site / "tracks" / "index.html").read_text()


def test_bundle_holds_the_track_its_modules_and_lab_and_nothing_else(copy: Path) -> None:
    files = _files(copy)
    pages = {name for name in files if name.endswith(".html")}
    assert pages == {
        "index.html",
        "modules/intro/index.html",
        "modules/footprint/index.html",
        "modules/basics/index.html",
        "modules/intro/teaching/index.html",
        "modules/footprint/teaching/index.html",
        "modules/basics/teaching/index.html",
        "labs/bundle-lab/index.html",
        "calculator/index.html",
        "search/index.html",
    }
    assert {"labs/bundle-lab/bundle-lab.ipynb", "labs/bundle-lab/bundle-lab.py"} <= files
    assert json.loads((copy / "labs/bundle-lab/bundle-lab.ipynb").read_text())["cells"]
    assert not [name for name in files if re.search(r"lunr|workers/|\.map$|sitemap", name)]
    home = (copy / "index.html").read_text()
    assert "A short course" in home and "cw-syllabus" in home
    assert 'lang="en"' in home


def test_bundle_reaches_no_other_origin_and_every_link_resolves(copy: Path) -> None:
    files = _files(copy)
    problems = []
    for page in sorted(copy.rglob("*.html")):
        here = page.relative_to(copy).parent
        for tag, attribute, url in _references(page):
            where = f"{page.relative_to(copy)}: <{tag} {attribute}={url!r}>"
            if re.match(r"^[a-z]+:|^//", url):
                if tag != "a" or url.startswith("//"):
                    problems.append(f"{where} loads from another origin")
                continue
            path = url.split("#")[0].split("?")[0]
            if not path:
                continue
            target = (here / path).as_posix()
            resolved = Path(copy, target).resolve().relative_to(copy.resolve()).as_posix()
            if path.endswith("/") or resolved not in files:
                problems.append(f"{where} does not name a file of the copy")
    for stylesheet in copy.rglob("*.css"):
        if re.search(r"url\(\s*['\"]?(https?:)?//", stylesheet.read_text()):
            problems.append(f"{stylesheet.relative_to(copy)} loads from another origin")
    assert problems == []


def test_links_to_pages_outside_the_copy_keep_their_text(copy: Path) -> None:
    module = (copy / "modules" / "footprint" / "index.html").read_text()
    assert '<a rel="noopener">the catalog of courses</a>' in module
    assert '<a href="../../calculator/index.html" rel="noopener">the calculator</a>' in module
    assert 'href="../../labs/bundle-lab/index.html"' in module


def test_search_index_covers_the_copy_and_nothing_else(copy: Path) -> None:
    script = (copy / "assets" / "courseware" / "search-index.js").read_text()
    entries = json.loads(script.removeprefix("window.cwSearchIndex = ").removesuffix(";\n"))
    text = " ".join(f"{entry['t']} {entry['x']}" for entry in entries).lower()
    assert {"capybara", "pangolin", "wombat", "quokka"} <= set(re.findall(r"[a-z]+", text))
    assert "narwhal" not in text
    locations = {entry["l"].split("#")[0] for entry in entries}
    assert "labs/bundle-lab/index.html" in locations
    assert "search/index.html" not in locations
    for location in locations:
        assert (copy / location).is_file()


def test_rebuild_reuses_unchanged_bundles_and_rebuilds_changed_ones(
    built: tuple[Path, BuildReport], tmp_path: Path
) -> None:
    source, first = built
    project = tmp_path / "project"
    shutil.copytree(source, project)
    again = build_site(project)
    assert all(bundle.is_reused for bundle in again.bundles)
    before = {b.track_id: b.path.read_bytes() for b in first.bundles}
    assert {b.track_id: b.path.read_bytes() for b in again.bundles} == before
    text = project / "modules" / "footprint" / "index.md"
    text.write_text(text.read_text() + "\nA new **echidna** paragraph.\n")
    changed = {b.track_id: b for b in build_site(project).bundles}
    assert not changed["short-course"].is_reused
    assert changed["curso-corto"].is_reused
    assert (
        "echidna"
        in zipfile.ZipFile(changed["short-course"].path)
        .read("short-course-en/modules/footprint/index.html")
        .decode()
    )


def test_bundles_are_reproducible(
    built: tuple[Path, BuildReport], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    project, _ = built
    registry = load_registry(project)
    staged = collect_site_files(registry)
    track = next(t for t in registry.tracks if t.id == "short-course")
    first = build_bundle(registry, staged.files, track, "en", tmp_path / "one")
    second = build_bundle(registry, staged.files, track, "en", tmp_path / "two")
    assert not first.is_reused and not second.is_reused
    assert first.path.read_bytes() == second.path.read_bytes()
    with zipfile.ZipFile(first.path) as archive:
        assert archive.namelist() == sorted(archive.namelist())
        assert {info.date_time for info in archive.infolist()} == {(2023, 11, 14, 22, 13, 20)}


def test_a_bundle_in_another_language_falls_back_honestly(
    built: tuple[Path, BuildReport], tmp_path: Path
) -> None:
    project, _ = built
    bundle = bundle_track(project, "short-course", "ar", tmp_path / "ar.zip")
    assert bundle.path == tmp_path / "ar.zip" and bundle.language == "ar"
    copy = _unzip(bundle.path, tmp_path / "unzipped")
    assert copy.name == "short-course-ar"
    home = (copy / "index.html").read_text()
    assert 'lang="ar"' in home and 'dir="rtl"' in home
    footprint = (copy / "modules" / "footprint" / "index.html").read_text()
    assert "cw-fallback" in footprint and '<div dir="ltr" lang="en">' in footprint


def test_track_pages_offer_the_zim_beside_the_zip(built: tuple[Path, BuildReport]) -> None:
    project, report = built
    assert {(z.track_id, z.language, z.format) for z in report.zims} == {
        ("short-course", "en", "zim"),
        ("curso-corto", "es", "zim"),
    }
    zims = {z.track_id: z for z in report.zims}
    for zim in report.zims:
        assert zim.path.read_bytes()[:4] == b"ZIM\x04"
        print(f"{zim.file_name}: {zim.size_bytes} bytes, {zim.pages} pages")
    site = project / "site"
    page = site / "tracks" / "short-course" / "index.html"
    english = zims["short-course"]
    assert _offered(page, english.file_name) == english.path.read_bytes()
    size = format_size(english.size_bytes, "en")
    assert f"Offline copy for Kiwix (English, ZIM, {size})" in page.read_text()
    page = site / "es" / "tracks" / "curso-corto" / "index.html"
    spanish = zims["curso-corto"]
    assert _offered(page, spanish.file_name) == spanish.path.read_bytes()
    size = format_size(spanish.size_bytes, "es")
    assert f"Copia sin conexión para Kiwix (español, ZIM, {size})" in page.read_text()


def test_a_rebuild_with_nothing_changed_writes_no_zim(
    built: tuple[Path, BuildReport], tmp_path: Path
) -> None:
    source, _ = built
    project = tmp_path / "project"
    shutil.copytree(source, project)
    cached = sorted((project / ".cache" / "bundles").glob("*.zim*"))
    assert [path.name for path in cached] == [
        "curso-corto-es.zim",
        "curso-corto-es.zim.key",
        "short-course-en.zim",
        "short-course-en.zim.key",
    ]
    written = [*cached, *(project / "site").rglob("*.zim")]
    before = {path: path.stat().st_mtime_ns for path in written}
    report = build_site(project)
    assert all(zim.is_reused for zim in report.zims)
    assert {path: path.stat().st_mtime_ns for path in written} == before
    text = project / "modules" / "intro" / "index.es.md"
    text.write_text(text.read_text() + "\nUn párrafo sobre el **ornitorrinco**.\n")
    changed = {z.track_id: z for z in build_site(project).zims}
    assert changed["short-course"].is_reused
    assert not changed["curso-corto"].is_reused


def test_a_zim_written_again_from_the_same_sources_changes_no_language_fingerprint(
    built: tuple[Path, BuildReport], tmp_path: Path
) -> None:
    # As on another machine (a partial build in its own CI job): no cached ZIM, no record of
    # the last build. libzim writes new random identifiers, so the bytes differ; the site's
    # fingerprints, which partial builds compare, must not.
    from courseware.site.publish import previous_fingerprints

    source, first = built
    project = tmp_path / "project"
    shutil.copytree(source, project)
    before = previous_fingerprints(project / "site")
    for path in (project / ".cache" / "bundles").glob("*.zim*"):
        path.unlink()
    (project / ".cache" / "last-build.json").unlink()
    again = build_site(project)
    assert again.zims and not any(zim.is_reused for zim in again.zims)
    old = {zim.track_id: zim.path.read_bytes() for zim in first.zims}
    assert all(zim.path.read_bytes() != old[zim.track_id] for zim in again.zims)
    assert previous_fingerprints(project / "site") == before
    assert again.languages is not None and again.languages.built == ()

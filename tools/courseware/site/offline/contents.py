"""Choose what an offline copy of a track holds, from the site's staged tree.

A copy is one track in one language: a home page that is the track's syllabus, the track's
modules (and the prerequisites its syllabus links) with their teaching kits and self-checks,
their labs with the executed notebook and source downloads, the track's pre/post test forms
(so a learner can take one on a phone with no connection), the footprint calculator, and a
search page. Pages come from the same staged tree as the site, so untranslated modules fall
back to the source language with the same notice, and nothing is staged twice.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType
from typing import Any

from courseware.i18n.catalogs import translator
from courseware.registry.load import Registry
from courseware.registry.tracks import Track
from courseware.site.render import (
    KIT_PAGE,
    SEARCH_PAGE,
    SEARCH_SCRIPT,
    SELF_CHECK_PAGE,
    escape,
    form_page,
    markdown_text,
    render_track_page,
    render_track_tests,
    search_page,
)
from courseware.site.staging import StagedFiles, load_site_assessment
from courseware.textfields import text_in

CALCULATOR_PAGE = "calculator.md"


@dataclass(frozen=True)
class BundleContents:
    """The staged tree of one offline copy and its navigation."""

    track_id: str
    language: str
    files: Mapping[str, bytes]
    """Relative path to content: a docs folder for MkDocs, without language suffixes."""
    nav: tuple[Any, ...]
    module_ids: tuple[str, ...]
    lab_ids: tuple[str, ...]

    @property
    def pages(self) -> int:
        """How many pages the copy has."""
        return sum(1 for name in self.files if name.endswith(".md"))


def split_language(relative: str, codes: Collection[str]) -> tuple[str, str | None]:
    """``labs/x.es.ipynb`` → (``labs/x.ipynb``, ``es``); a file without a suffix → (it, None)."""
    folder, slash, name = relative.rpartition("/")
    stem, dot, extension = name.rpartition(".")
    base, language_dot, code = stem.rpartition(".")
    if dot and language_dot and code in codes:
        return f"{folder}{slash}{base}.{extension}", code
    return relative, None


def files_in_language(
    files: Mapping[str, bytes], language: str, codes: Collection[str]
) -> dict[str, bytes]:
    """The staged tree as mkdocs-static-i18n builds it for ``language`` (suffix structure):
    ``x.<language>.ext`` stands in for ``x.ext``, other languages' files are left out."""
    chosen: dict[str, bytes] = {}
    localized: set[str] = set()
    for relative, content in sorted(files.items()):
        base, code = split_language(relative, codes)
        if code == language:
            chosen[base] = content
            localized.add(base)
        elif code is None and base not in localized:
            chosen[base] = content
    return chosen


def bundle_module_ids(track: Track, registry: Registry) -> tuple[str, ...]:
    """The track's modules in teaching order, then the prerequisites its syllabus links
    (assumed modules and prerequisites outside the track), so every link on it works."""
    modules = registry.modules_by_id
    placed = [m for m in track.module_ids if m in modules]
    needed = list(track.spec.assumed_modules)
    for module_id in placed:
        needed += modules[module_id].spec.prerequisites
    extra = [m for m in dict.fromkeys(needed) if m in modules and m not in placed]
    return (*dict.fromkeys(placed), *extra)


def _is_lab_file(relative: str, lab_ids: Collection[str], language: str) -> bool:
    """A lab page, or a file in its folder: figures and the ``.ipynb`` and ``.py`` downloads
    (``labs/<id>/`` for the source language, ``labs/<id>-<language>/`` for the others, as
    ``staging.labs`` stages them)."""
    folder, _, rest = relative.removeprefix("labs/").partition("/")
    if not relative.startswith("labs/"):
        return False
    if not rest:
        return folder.removesuffix(".md") in lab_ids and folder.endswith(".md")
    return any(folder in (lab, f"{lab}-{language}") for lab in lab_ids)


def _is_offered_wheel(relative: str, tree: Mapping[str, bytes], lab_ids: Collection[str]) -> bool:
    """The labs' runtime wheel (``labs/<name>.whl``), when a lab page of the copy offers it."""
    if not (relative.startswith("labs/") and relative.endswith(".whl")):
        return False
    link = relative.removeprefix("labs/").encode()
    return any(link in tree.get(f"labs/{lab}.md", b"") for lab in lab_ids)


def _wanted(
    relative: str,
    module_ids: Collection[str],
    lab_ids: Collection[str],
    language: str,
    track_id: str,
) -> bool:
    if relative.startswith("assets/") or relative == CALCULATOR_PAGE:
        return True
    if relative.startswith(f"tracks/{track_id}/"):
        return True  # the track's pre/post test forms
    if relative.startswith("modules/") and relative.split("/")[1] in module_ids:
        return relative.count("/") >= 2
    return _is_lab_file(relative, lab_ids, language)


def home_page(track: Track, registry: Registry, language: str) -> str:
    """The copy's home page: the track's syllabus, with a word on what the copy is, and the
    educator's note on its pre/post test when it has one."""
    gettext = translator(language)
    source = registry.source_language.code
    title = text_in(track.spec.title, language, source)
    note = gettext(
        "This is an offline copy of this track: its syllabus, modules and labs, readable "
        "without a network. Pages outside the track are not included."
    )
    search = gettext("Search this copy")
    page = (
        f"# {markdown_text(title)}\n\n"
        f'<p class="cw-notice cw-offline" role="note">{escape(note)}</p>\n\n'
        f"[{markdown_text(search)}]({SEARCH_PAGE})\n\n"
        + render_track_page(track, registry, language, gettext, module_base="modules/")
    )
    forms = load_site_assessment(registry).forms.get(track.id)
    if forms is not None:
        page += "\n\n" + render_track_tests(track.id, forms, gettext, base="tracks/")
    return page


def _navigation(
    files: Mapping[str, bytes],
    module_ids: Collection[str],
    lab_ids: Collection[str],
    gettext: Any,
    track_id: str,
) -> tuple[Any, ...]:
    modules = [f"modules/{m}/index.md" for m in module_ids if f"modules/{m}/index.md" in files]
    labs = [f"labs/{lab}.md" for lab in lab_ids if f"labs/{lab}.md" in files]
    kits = [f"modules/{m}/{KIT_PAGE}.md" for m in module_ids]
    kits = [kit for kit in kits if kit in files]
    checks = [f"modules/{m}/{SELF_CHECK_PAGE}.md" for m in module_ids]
    checks = [check for check in checks if check in files]
    forms = [f"{form_page(track_id, letter)}.md" for letter in ("A", "B")]
    forms = [form for form in forms if form in files]
    nav: list[Any] = ["index.md"]
    if modules:
        nav.append({gettext("Teaching modules"): modules})
    if checks:
        nav.append({gettext("Self-checks"): checks})
    if forms:
        nav.append({gettext("Pre- and post-test"): forms})
    if kits:
        nav.append({gettext("Teaching kits"): kits})
    if labs:
        nav.append({gettext("Labs"): labs})
    if CALCULATOR_PAGE in files:
        nav.append(CALCULATOR_PAGE)
    nav.append(SEARCH_PAGE)
    return tuple(nav)


def search_script() -> bytes:
    """The search page's script (shipped inside the package, no framework)."""
    return (resources.files("courseware.site.offline") / "bundle_search.js").read_bytes()


def bundle_contents(
    staged_files: Mapping[str, bytes], registry: Registry, track: Track, language: str
) -> BundleContents:
    """Everything one offline copy holds, taken from the site's staged tree.

    Args:
        staged_files: the site's staged tree (``StagedFiles.files``), every language.
        language: a declared language; the copy is in this language throughout.
    """
    gettext = translator(language)
    tree = files_in_language(staged_files, language, registry.language_codes)
    module_ids = bundle_module_ids(track, registry)
    modules = registry.modules_by_id
    lab_ids = tuple(dict.fromkeys(lab for m in module_ids for lab in modules[m].spec.labs))
    staged = StagedFiles()
    staged.files = {
        name: content
        for name, content in tree.items()
        if _wanted(name, module_ids, lab_ids, language, track.id)
        or _is_offered_wheel(name, tree, lab_ids)
    }
    staged.add_generated_page("index", language, language, home_page(track, registry, language))
    staged.add_generated_page("search", language, language, search_page(gettext, language))
    staged.add_file(SEARCH_SCRIPT, search_script())
    return BundleContents(
        track_id=track.id,
        language=language,
        files=MappingProxyType(dict(sorted(staged.files.items()))),
        nav=_navigation(staged.files, module_ids, lab_ids, gettext, track.id),
        module_ids=module_ids,
        lab_ids=lab_ids,
    )

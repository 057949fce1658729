"""Output paths that cannot destroy: where a command may write what it generates.

A build replaces its site folder whole (``publish/swap.py`` exchanges it with the new site),
so ``courseware build --site-dir pages`` once replaced the project's pages with the built site,
and ``--site-dir .`` the whole project, ``.git`` included. Every output option goes through
one of these checks first; each refusal is one line saying why and what to choose instead.

A site folder may be new, empty, or a site the builder wrote before: every site holds
:data:`~courseware.project_paths.SITE_MARKER` (sites written before the marker existed hold
the build manifest, ``.courseware-build.json``, which is also accepted).
"""

from __future__ import annotations

import os
from pathlib import Path

from courseware.project_paths import GENERATED_DIRS, SITE_MARKER, SOURCE_DIRS

EARLIER_SITE_MARKER = ".courseware-build.json"
"""The manifest every site has held since languages were built apart
(``site/publish/fingerprints.py``'s ``MANIFEST``): a site built before the marker has it."""

SITE_SUGGESTION = "choose a new folder such as site/"


class RefusedOutput(ValueError):
    """An output path a command must not write to; the message is the reason, one line."""


def _absolute(path: Path) -> Path:
    """``path`` made absolute without following links (``..`` folded as the shell would)."""
    return Path(os.path.abspath(path))


def _shown(root: Path, path: Path, folder: bool = True) -> str:
    """``path`` as a user reads it: relative to the project where it is inside."""
    if path == root:
        return "the project folder"
    try:
        relative = path.relative_to(root).as_posix()
    except ValueError:
        return str(path)
    return f"{relative}/" if folder else relative


def _holder(root: Path, target: Path) -> tuple[Path, str] | None:
    """The source or generated folder ``target`` is (or is inside), and what it holds."""
    for source in SOURCE_DIRS:
        if target == root / source or root / source in target.parents:
            return root / source, "holds the project's sources"
    for generated in GENERATED_DIRS:
        folder = root / generated
        if target == folder or folder in target.parents:
            return folder, "the builder fills itself"
        if target in folder.parents:
            return target, "holds folders the builder fills itself"
    return None


def _not_a_link(root: Path, given: Path, what: str, advice: str) -> Path:
    """``given``, unless it is a symbolic link (an output is never written through one)."""
    if given.is_symlink():
        raise RefusedOutput(
            f"refusing to write {what} through {_shown(root, given, folder=False)}, a "
            f"symbolic link; {advice}"
        )
    return given


def check_site_folder(root: Path, folder: Path) -> None:
    """Refuse a site folder whose replacement would lose something.

    Refused: a symbolic link; the project folder or any folder above it; a folder holding
    sources (``project_paths.SOURCE_DIRS``) or inside one; a folder the builder fills itself;
    a non-empty folder that is not a site the builder wrote.

    Raises:
        RefusedOutput: why, in one line.
    """
    root = root.resolve()
    given = _not_a_link(root, _absolute(folder), "the site", "give the folder it points to")
    target = given.resolve()
    if target == root:
        raise RefusedOutput(
            "refusing to write the site into the project folder itself, which the site would "
            f"replace (.git included); {SITE_SUGGESTION}"
        )
    if target in root.parents:
        raise RefusedOutput(
            f"refusing to write the site into a folder that holds the project; {SITE_SUGGESTION}"
        )
    holder = _holder(root, target)
    if holder is not None:
        place, holds = holder
        inside = "" if place == target else f", inside {_shown(root, place)}"
        which = f"{inside}, which" if inside else ", which"
        raise RefusedOutput(
            f"refusing to write the site into {_shown(root, target)}{which} {holds}; "
            f"{SITE_SUGGESTION}"
        )
    if target.is_dir() and not is_earlier_site(target) and any(target.iterdir()):
        raise RefusedOutput(
            f"refusing to replace {_shown(root, target)}, which is not empty and is not a site "
            f"courseware build wrote (it has no {SITE_MARKER}); {SITE_SUGGESTION}, or empty "
            "this one"
        )


def is_earlier_site(folder: Path) -> bool:
    """True when ``folder`` holds a site the builder wrote (its marker, or its manifest)."""
    return any(
        (folder / name).is_file() and not (folder / name).is_symlink()
        for name in (SITE_MARKER, EARLIER_SITE_MARKER)
    )


def check_output_file(root: Path, path: Path, kind: str, suggestion: str) -> None:
    """Refuse an output file (a zip, a ZIM) written through a link, into sources, or over
    another kind of file.

    Args:
        kind: what is written, for the message ("zip", "zim", "PDF"); an existing file is
            replaced only when it is one.
        suggestion: a path to offer instead (relative to the project).

    Raises:
        RefusedOutput: why, in one line.
    """
    root = root.resolve()
    given = _not_a_link(root, _absolute(path), f"the {kind}", "give the real path")
    target = given.parent.resolve() / given.name
    holder = _holder(root, target)
    if holder is not None and holder[1] == "holds the project's sources":
        raise RefusedOutput(
            f"refusing to write the {kind} into {_shown(root, holder[0])}, which holds the "
            f"project's sources; choose a path such as {suggestion}"
        )
    if target.is_file() and kind in _MAGIC and not _starts_like(target, _MAGIC[kind]):
        raise RefusedOutput(
            f"refusing to replace {_shown(root, target, folder=False)}, which is not a {kind}; "
            f"choose a path such as {suggestion}"
        )


_MAGIC: dict[str, tuple[bytes, ...]] = {
    "zip": (b"PK\x03\x04", b"PK\x05\x06"),
    "zim": (b"ZIM\x04",),
    "PDF": (b"%PDF",),
}
"""How the files an output may replace begin: the zip and PDF specifications' signatures, a
ZIM's magic number 72173914 (https://wiki.openzim.org/wiki/ZIM_file_format)."""


def _starts_like(path: Path, signatures: tuple[bytes, ...]) -> bool:
    with path.open("rb") as handle:
        start = handle.read(4)
    return any(start.startswith(signature) for signature in signatures)


def check_folder_in_project(root: Path, folder: Path, kind: str, suggestion: str) -> None:
    """Refuse an output folder outside the project (or above it), or a symbolic link: for
    commands that add files to the project by design (never overwriting).

    Raises:
        RefusedOutput: why, in one line.
    """
    root = root.resolve()
    given = _not_a_link(root, _absolute(folder), kind, "give the real folder")
    target = given.resolve()
    if root not in target.parents:
        raise RefusedOutput(
            f"refusing to write {kind} into {_shown(root, target)}, which is not a folder "
            f"inside the project; choose a folder such as {suggestion}"
        )


def check_page_file(path: Path, source: Path) -> None:
    """Refuse a rendered page's output that would replace its own source, go through a link,
    or replace a file that is not Markdown (``datasheet render --out``).

    Raises:
        RefusedOutput: why, in one line.
    """
    given = _absolute(path)
    if given.is_symlink():
        raise RefusedOutput(
            f"refusing to write the page through {path}, a symbolic link; give the real path"
        )
    if given.exists() and given.resolve() == source.resolve():
        raise RefusedOutput(
            f"refusing to replace {path}, the file being rendered; choose a .md path"
        )
    if given.is_file() and given.suffix != ".md":
        raise RefusedOutput(
            f"refusing to replace {path}, which is not a Markdown (.md) file; choose a .md path"
        )

"""``courseware merge``: put partial sites, built apart, together into the whole site.

The partials' trees are copied into a temporary folder beside the site and swapped into
place as a build's would be, so a failed merge leaves the previous site as it was, and the
output folder is checked like a build's (never a folder of sources or the project).
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path

from courseware.errors import BuildError
from courseware.output_folders import RefusedOutput, check_site_folder
from courseware.project_paths import BUILD_LOCK_FILE, SITE_DIR
from courseware.site.publish import (
    assemble_partial_sites,
    build_lock,
    read_partial_site,
    remove_stale_temporaries,
    swap_into_place,
    temporary_site_dir,
)


def merge_partial_sites(root: Path, partial_dirs: Sequence[Path], site_dir: Path | None) -> Path:
    """Merge ``partial_dirs`` into ``site_dir`` (default ``root/site``); return the site folder.

    Raises:
        BuildError: a folder is not a partial site, the partials are of different sources,
            hold one language twice or miss one (every reason, one line each), or the site
            folder is one a build must not replace.
    """
    target = site_dir or root / SITE_DIR
    try:
        check_site_folder(root, target)
    except RefusedOutput as refused:
        raise BuildError(f"{target}: {refused}") from None
    root = root.resolve()
    target = target.resolve()
    problems: list[str] = []
    partials = []
    for folder in partial_dirs:
        try:
            partials.append(read_partial_site(folder.resolve()))
        except BuildError as error:
            problems.append(str(error))
        if folder.resolve() == target:
            problems.append(f"{folder}: a partial site cannot also be the merged site")
    if problems:
        raise BuildError("\n".join(problems))
    with build_lock(root / BUILD_LOCK_FILE):
        remove_stale_temporaries(target)
        new_site = temporary_site_dir(target)
        try:
            assemble_partial_sites(partials, new_site)
            swap_into_place(new_site, target)
        finally:
            if new_site.exists():
                shutil.rmtree(new_site, ignore_errors=True)
    return target

"""Offline copies as zip and as ZIM: what the ZIM adds to a build, and each file's size.

For every track of a project (default: this repository) in each language asked for (default:
the track's own, the one the site build offers), builds the copy once with MkDocs, then
writes it as a zip and as a ZIM (metadata, illustration, full-text index), timing each step.
In a site build the two formats share the MkDocs run, so the time a ZIM adds is its own
column. Labs come from the project's lab cache (run ``courseware build`` first, or they are
executed here).

    .venv/bin/python bench/offline_formats.py
    .venv/bin/python bench/offline_formats.py --all-languages --json
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from courseware.registry.load import load_registry
from courseware.site.commands.stage_and_check import stage_and_check
from courseware.site.engine import build_offline_copy
from courseware.site.offline.contents import bundle_contents
from courseware.site.offline.zim import write_zim
from courseware.site.offline.zim_metadata import copy_illustration, track_zim_metadata
from courseware.site.offline.zip import zip_folder
from courseware.site.publish import write_staged

REPO = Path(__file__).resolve().parent.parent


def measure(root: Path, all_languages: bool) -> list[dict[str, object]]:
    """One row per track and language: seconds for MkDocs, the zip and the ZIM; bytes of each."""
    registry = load_registry(root)
    staged = stage_and_check(registry)
    rows: list[dict[str, object]] = []
    for track in registry.tracks:
        languages = registry.language_codes if all_languages else (track.spec.language,)
        for language in languages:
            contents = bundle_contents(staged.files, registry, track, language)
            with tempfile.TemporaryDirectory(prefix="bench-offline-") as temporary:
                folder = Path(temporary)
                site_dir = folder / f"{track.id}-{language}"
                start = time.perf_counter()
                write_staged(contents.files, folder / "docs")
                build_offline_copy(
                    root, language, list(contents.nav), folder / "docs", site_dir, track.id
                )
                built = time.perf_counter()
                zipped = zip_folder(site_dir, site_dir.name)
                zip_done = time.perf_counter()
                metadata = track_zim_metadata(registry, track, language)
                zim = write_zim(
                    site_dir,
                    metadata,
                    copy_illustration(site_dir),
                    not_indexed=("search/index.html",),
                )
                zim_done = time.perf_counter()
            rows.append(
                {
                    "track": track.id,
                    "language": language,
                    "pages": contents.pages,
                    "mkdocs_s": round(built - start, 2),
                    "zip_s": round(zip_done - built, 2),
                    "zim_s": round(zim_done - zip_done, 2),
                    "zip_bytes": len(zipped),
                    "zim_bytes": len(zim),
                }
            )
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=REPO)
    parser.add_argument("--all-languages", action="store_true", help="every declared language")
    parser.add_argument("--json", action="store_true", help="print the rows as JSON")
    arguments = parser.parse_args()
    rows = measure(arguments.root.resolve(), arguments.all_languages)
    if arguments.json:
        print(json.dumps(rows, indent=2))
        return 0
    print("| track | language | pages | MkDocs s | zip s | ZIM s | zip bytes | ZIM bytes |")
    print("|---|---|---|---|---|---|---|---|")
    for row in rows:
        print(
            f"| {row['track']} | {row['language']} | {row['pages']} | {row['mkdocs_s']} "
            f"| {row['zip_s']} | {row['zim_s']} | {row['zip_bytes']:,} | {row['zim_bytes']:,} |"
        )
    total = sum(float(str(row["zim_s"])) for row in rows)
    print(f"\nZIM writing in all: {total:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

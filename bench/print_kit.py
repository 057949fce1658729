"""The print kit: how long a cold build spends printing the repository's tracks, and a warm one.

Stages the repository's site (labs from its cache), then prints every PDF a build prints
(each track in each language it has, both editions) into an empty cache, and once more with
the cache full, where nothing is printed. Prints one row per PDF: pages, size, widest page.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from pypdf import PdfReader

from courseware.registry.load import load_registry
from courseware.site.print import build_track_prints
from courseware.site.staging import collect_site_files

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    registry = load_registry(REPO)
    staged = collect_site_files(registry)
    with tempfile.TemporaryDirectory(prefix="courseware-bench-print-") as cache:
        start = time.perf_counter()
        printed = build_track_prints(registry, staged.files, Path(cache))
        cold_s = time.perf_counter() - start
        start = time.perf_counter()
        again = build_track_prints(registry, staged.files, Path(cache))
        warm_s = time.perf_counter() - start
        print("| track | language | edition | pages | bytes | widest page (pt) |")
        print("| --- | --- | --- | ---: | ---: | ---: |")
        for result in printed:
            widest = max(float(page.mediabox.width) for page in PdfReader(result.path).pages)
            print(
                f"| {result.track_id} | {result.language} | {result.edition} | {result.pages} "
                f"| {result.size_bytes:,} | {widest:.1f} |"
            )
    reused = sum(result.is_reused for result in again)
    print(f"\ncold: {cold_s:.1f} s for {len(printed)} PDFs ({cold_s / len(printed):.1f} s each)")
    print(f"warm: {warm_s:.1f} s, {reused} of {len(again)} reused, none printed")


if __name__ == "__main__":
    main()

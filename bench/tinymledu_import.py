"""TinyMLedu import time against the file's size, up to 6,000 entries (under the 256 KB file
limit): the ratio between sizes shows whether the import stays linear (twice the entries, about
twice the time).

Entries are generated (a title and a date each) and imported with ``--dry-run`` into a copy
of the repository's languages, in-process, so start-up is not counted.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from courseware.registry.tinymledu.importer import ImportOptions, import_tinymledu

REPO = Path(__file__).resolve().parents[1]


def write_entries(path: Path, count: int) -> None:
    """A TinyMLedu file of ``count`` minimal entries."""
    path.write_text("".join(f'- title: "Course {i}"\n  date: "2022"\n' for i in range(count)))


def time_import(root: Path, count: int, repeat: int) -> float:
    """Median seconds of ``repeat`` dry-run imports of ``count`` entries."""
    source = root / f"entries-{count}.yml"
    write_entries(source, count)
    options = ImportOptions(kind="course", root=root, dry_run=True)
    import_tinymledu(source, options)  # warm: imports and caches of the first call
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        import_tinymledu(source, options)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[750, 1500, 3000, 6000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "curriculum").mkdir()
        shutil.copy(REPO / "curriculum" / "languages.yaml", root / "curriculum")
        print("| entries | seconds | ms per entry | time ratio to the previous size |")
        print("|---:|---:|---:|---:|")
        previous = None
        for count in args.sizes:
            seconds = time_import(root, count, args.repeat)
            ratio = f"{seconds / previous:.2f}x" if previous else ""
            print(f"| {count} | {seconds:.2f} | {1000 * seconds / count:.2f} | {ratio} |")
            previous = seconds


if __name__ == "__main__":
    main()

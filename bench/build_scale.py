"""Build speed at scale: `courseware build` against a default MkDocs build of the same pages.

For each size it generates a synthetic project (bench/synthetic_project.py: N modules with
pages of realistic length, N/10 offerings, every page translated into L languages), then
measures in one run:

- `courseware build`, cold (labs: none in the synthetic project, so "labs cached" holds);
- a default `mkdocs build` with Material and mkdocs-static-i18n over the same staged pages
  (automatic navigation, default features, the i18n plugin's defaults);
- the MkDocs floor (bench/mkdocs_floor.py): bare Material with `navigation.prune` and search
  over each language's tree, languages in parallel, none of our checks or plugins; what any
  build that renders these pages with MkDocs on this machine costs at least;
- `courseware build` again with nothing changed;
- `courseware build` after one translated page changed.

On a shared two-core machine single runs of the same command differ by 10 to 20 % (and a
rebuild right after the default build of 1000 modules, which writes 1.3 GB, by far more),
so the two rebuilds are always the median of three runs, and with `--repeat K` the cold
build, the default build and the floor are each run K times (a fresh project for every cold
build) and their medians reported.

Usage: python bench/build_scale.py [--sizes 100 1000] [--languages 5] [--repeat K] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic_project import generate_project  # noqa: E402

BENCH = Path(__file__).resolve().parent
REPOSITORY = BENCH.parent
BIN = Path(sys.executable).parent
REBUILD_RUNS = 3
"""Rebuilds are cheap next to cold builds, so each is always the median of this many runs
(a different page changed each time)."""


def _timed(command: list[str], cwd: Path) -> float:
    # Flush what earlier runs wrote (a default build of 1000 modules writes 1.3 GB) so that
    # its write-back does not land in this run's time.
    os.sync()
    started = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}")
    return elapsed


def _default_config(project: Path, languages: list[str]) -> Path:
    """A default MkDocs + Material + mkdocs-static-i18n configuration over the staged pages."""
    entries = "\n".join(
        f"        - locale: {code}\n          name: {code}\n          build: true"
        + ("\n          default: true" if index == 0 else "")
        for index, code in enumerate(languages)
    )
    config = project / "default-mkdocs.yml"
    config.write_text(
        "site_name: Default build\n"
        "docs_dir: build/docs\n"
        "theme:\n  name: material\n"
        "markdown_extensions: [tables, attr_list, md_in_html, admonition, toc]\n"
        "plugins:\n  - search\n  - i18n:\n      docs_structure: suffix\n      languages:\n"
        f"{entries}\n",
        encoding="utf-8",
    )
    return config


def measure(size: int, languages: int, workdir: Path, repeat: int = 1) -> dict[str, float]:
    codes = ["en", "es", "pt", "fr", "ar"][:languages]
    project = workdir / f"n{size}"
    courseware = [str(BIN / "courseware"), "build", "--root", str(project)]
    default_command = [str(BIN / "mkdocs"), "build", "-q", "-d", str(workdir / "default")]
    floor_command = [sys.executable, str(BENCH / "mkdocs_floor.py"), str(project)]
    floor_command += [str(workdir / "floor"), *codes]
    ours_runs, default_runs, floor_runs = [], [], []
    for _ in range(repeat):
        generate_project(project, REPOSITORY, size, max(1, size // 10), languages)
        ours_runs.append(_timed(courseware, project))
        config = _default_config(project, codes)
        default_runs.append(_timed([*default_command, "-f", str(config)], project))
        floor_runs.append(_timed(floor_command, project))
    ours = statistics.median(ours_runs)
    default = statistics.median(default_runs)
    floor = statistics.median(floor_runs)
    pages = sum(1 for _ in (project / "build" / "docs").rglob("*.md"))
    warm = statistics.median(_timed(courseware, project) for _ in range(REBUILD_RUNS))
    one_page_runs = []
    for module in range(3, 3 + REBUILD_RUNS):
        changed = project / "modules" / f"module-{module:04d}" / f"index.{codes[-1]}.md"
        changed.write_text(changed.read_text(encoding="utf-8") + "\nOne more sentence.\n")
        one_page_runs.append(_timed(courseware, project))
    one_page = statistics.median(one_page_runs)
    return {
        "modules": size,
        "languages": languages,
        "pages": pages,
        "courseware_s": ours,
        "default_mkdocs_s": default,
        "ratio": ours / default,
        "mkdocs_floor_s": floor,
        "floor_ratio": floor / default,
        "warm_no_change_s": warm,
        "one_page_change_s": one_page,
        "courseware_ms_per_page": 1000 * ours / pages,
        "default_ms_per_page": 1000 * default / pages,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--languages", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=1, help="runs per cold measurement")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="courseware-bench-") as folder:
        rows = []
        for size in args.sizes:
            workdir = Path(folder, f"size-{size}")
            rows.append(measure(size, args.languages, workdir, max(1, args.repeat)))
            shutil.rmtree(workdir, ignore_errors=True)
    if args.json:
        print(json.dumps(rows, indent=2))
        return
    print(
        "| modules | pages | courseware (s) | default MkDocs (s) | ratio | MkDocs floor (s) | "
        "floor ratio | ms/page ours | ms/page default | no change (s) | one page changed (s) |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        print(
            f"| {row['modules']} | {row['pages']} | {row['courseware_s']:.1f} | "
            f"{row['default_mkdocs_s']:.1f} | {row['ratio']:.2f}x | "
            f"{row['mkdocs_floor_s']:.1f} | {row['floor_ratio']:.2f}x | "
            f"{row['courseware_ms_per_page']:.1f} | {row['default_ms_per_page']:.1f} | "
            f"{row['warm_no_change_s']:.2f} | {row['one_page_change_s']:.1f} |"
        )


if __name__ == "__main__":
    main()

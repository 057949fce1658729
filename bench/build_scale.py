"""Build speed at scale: `courseware build` against a default MkDocs build of the same pages.

For each size it generates a synthetic project (bench/synthetic_project.py: N modules with
pages of realistic length, N/10 offerings, every page translated into L languages), then
measures in one run:

- `courseware build`, cold (labs: none in the synthetic project, so "labs cached" holds);
- a default `mkdocs build` with Material and mkdocs-static-i18n over the same staged pages
  (automatic navigation, default features, the i18n plugin's defaults);
- `courseware build` again with nothing changed;
- `courseware build` after one translated page changed.

Usage: python bench/build_scale.py [--sizes 100 1000] [--languages 5] [--json]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic_project import generate_project  # noqa: E402

REPOSITORY = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def _timed(command: list[str], cwd: Path) -> float:
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


def measure(size: int, languages: int, workdir: Path) -> dict[str, float]:
    project = generate_project(
        workdir / f"n{size}", REPOSITORY, size, max(1, size // 10), languages
    )
    courseware = [str(BIN / "courseware"), "build", "--root", str(project)]
    ours = _timed(courseware, project)
    pages = sum(1 for _ in (project / "build" / "docs").rglob("*.md"))
    codes = ["en", "es", "pt", "fr", "ar"][:languages]
    default_site = workdir / f"default-{size}"
    default = _timed(
        [
            str(BIN / "mkdocs"),
            "build",
            "-q",
            "-f",
            str(_default_config(project, codes)),
            "-d",
            str(default_site),
        ],
        project,
    )
    warm = _timed(courseware, project)
    changed = project / "modules" / "module-0003" / f"index.{codes[-1]}.md"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nOne more sentence.\n")
    one_page = _timed(courseware, project)
    return {
        "modules": size,
        "languages": languages,
        "pages": pages,
        "courseware_s": ours,
        "default_mkdocs_s": default,
        "ratio": ours / default,
        "warm_no_change_s": warm,
        "one_page_change_s": one_page,
        "courseware_ms_per_page": 1000 * ours / pages,
        "default_ms_per_page": 1000 * default / pages,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--languages", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="courseware-bench-") as folder:
        rows = [measure(size, args.languages, Path(folder)) for size in args.sizes]
        shutil.rmtree(folder, ignore_errors=True)
    if args.json:
        print(json.dumps(rows, indent=2))
        return
    print(
        "| modules | pages | courseware (s) | default MkDocs (s) | ratio | ms/page ours | "
        "ms/page default | no change (s) | one page changed (s) |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        print(
            f"| {row['modules']} | {row['pages']} | {row['courseware_s']:.1f} | "
            f"{row['default_mkdocs_s']:.1f} | {row['ratio']:.2f}x | "
            f"{row['courseware_ms_per_page']:.1f} | {row['default_ms_per_page']:.1f} | "
            f"{row['warm_no_change_s']:.2f} | {row['one_page_change_s']:.1f} |"
        )


if __name__ == "__main__":
    main()

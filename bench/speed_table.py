"""Issue 19's acceptance table in one run: edit-to-reload, the cold, one-page and no-change
builds against the default MkDocs build, the site's size before and after, and the bytes a
language switch fetches.

It runs the benchmarks that measure each figure, as subprocesses, reads their JSON and
prints one table with the issue's targets:

- `bench/serve_edit.py --browser --json`: from a saved edit of one module to a real Chromium
  showing the reloaded page, under `courseware serve` of the bundled site;
- `bench/build_scale.py --json` at each `--sizes`: a cold `courseware build`, a default
  `mkdocs build` (Material + mkdocs-static-i18n) of the same pages, then a rebuild with
  nothing changed and one after one page changed;
- `bench/site_size.py --json`: the bundled site's size (`du -sb`) and what Chromium fetches,
  gzip, beyond the new page's HTML when a reader switches from English to Spanish.

"Before" for the site's size is the figure issue 19 gives for the site before its work
(about 40 MB); CHANGELOG.md records 77.8 MB measured with `du -sb` before the shared-files
change. The machine's cores and load average are printed with the table: on a shared
machine the absolute times move with the load, the ratios much less.

Usage: python bench/speed_table.py [--sizes 100 1000] [--repeat K] [--skip-serve]
    [--site-dir SITE] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ISSUE_BEFORE_BYTES = 40_000_000
"""The bundled site's size before issue 19's work, as the issue states it ("today's 40 MB")."""
MEASURED_BEFORE_BYTES = 77_800_000
"""The same, as measured with ``du -sb`` before the shared-files change (CHANGELOG.md)."""
# Issue 19's targets.
EDIT_TO_RELOAD_S = 1.0
COLD_RATIO = {100: 0.35, 1000: 0.10}
"""Cold build against the default build, at 100 and 1,000 modules × 5 languages."""
ONE_PAGE_OF_COLD = 0.05
"""A one-page rebuild against the cold build, at 1,000 modules."""
SIZE_RATIO = 1 / 3
SWITCH_BYTES = 15_000
"""A language switch, gzip, beyond the new page's HTML."""


def _run_json(arguments: list[str]) -> Any:
    """Run ``bench/<script> ...`` and return the JSON it printed (the whole of stdout)."""
    command = [sys.executable, str(BENCH / arguments[0]), *arguments[1:]]
    result = subprocess.run(command, cwd=BENCH.parent, capture_output=True, text=True)
    if result.returncode != 0:
        return {"error": (result.stderr or result.stdout).strip().splitlines()[-20:]}
    output = result.stdout.strip()
    start = min((i for i in (output.find("{"), output.find("[")) if i >= 0), default=-1)
    try:
        return json.loads(output[start:]) if start >= 0 else {"error": ["no JSON printed"]}
    except ValueError:
        return {"error": output.splitlines()[-20:]}


def measure(options: argparse.Namespace) -> dict[str, Any]:
    results: dict[str, Any] = {"cores": os.cpu_count(), "load_at_start": os.getloadavg()}
    if not options.skip_serve:
        results["serve"] = _run_json(["serve_edit.py", "--browser", "--json"])
    scale = ["build_scale.py", "--json", f"--repeat={options.repeat}", "--sizes"]
    results["builds"] = _run_json([*scale, *map(str, options.sizes)])
    size = ["site_size.py", "--json"]
    if options.site_dir:
        size += ["--site-dir", str(options.site_dir)]
    results["site"] = _run_json(size)
    results["load_at_end"] = os.getloadavg()
    return results


def _row(figure: str, measured: str, target: str, met: bool | None) -> str:
    verdict = "n/a" if met is None else ("met" if met else "not met")
    return f"| {figure} | {measured} | {target} | {verdict} |"


def table(results: dict[str, Any]) -> list[str]:
    lines = ["| figure | measured | target | |", "|---|---:|---:|---|"]
    serve = results.get("serve")
    if isinstance(serve, dict) and "error" not in serve:
        shown = serve.get("edit_to_browser_median_s", serve.get("edit_to_http_median_s"))
        lines.append(
            _row(
                f"edit → browser reloaded ({serve.get('site')} site, median)",
                f"{shown} s",
                f"{EDIT_TO_RELOAD_S} s",
                shown is not None and shown <= EDIT_TO_RELOAD_S,
            )
        )
    elif serve is not None:
        lines.append(_row("edit → browser reloaded", "failed", "1 s", None))
    builds = results.get("builds")
    for row in builds if isinstance(builds, list) else []:
        size = row["modules"]
        default = row["default_mkdocs_s"]
        cold_target = COLD_RATIO.get(size)
        label = f"{size} modules × {row['languages']} languages ({row['pages']} pages)"
        lines.append(
            _row(
                f"cold build / default MkDocs, {label}",
                f"{row['ratio']:.2f}× ({row['courseware_s']:.1f} s / {default:.1f} s)",
                f"≤ {cold_target:.2f}×" if cold_target else "",
                None if cold_target is None else row["ratio"] <= cold_target,
            )
        )
        lines.append(
            _row(
                f"MkDocs floor / default, {size} modules",
                f"{row['floor_ratio']:.2f}× ({row['mkdocs_floor_s']:.1f} s)",
                "",
                None,
            )
        )
        one_page = row["one_page_change_s"]
        lines.append(
            _row(
                f"one page changed / default, {size} modules",
                f"{one_page / default:.3f}× ({one_page:.1f} s)",
                "",
                None,
            )
        )
        of_cold = one_page / row["courseware_s"]
        lines.append(
            _row(
                f"one page changed / cold build, {size} modules",
                f"{of_cold:.3f}×",
                f"≤ {ONE_PAGE_OF_COLD:.2f}×" if size == 1000 else "",
                of_cold <= ONE_PAGE_OF_COLD if size == 1000 else None,
            )
        )
        no_change = row["warm_no_change_s"]
        lines.append(
            _row(
                f"no change / default, {size} modules",
                f"{no_change / default:.3f}× ({no_change:.2f} s)",
                "",
                None,
            )
        )
    if isinstance(builds, dict):
        lines.append(_row("builds", "failed: " + " ".join(builds["error"][-2:]), "", None))
    site = results.get("site")
    if isinstance(site, dict) and "site" in site:
        after = site["site"]["bytes"]["site"]
        ratio = after / ISSUE_BEFORE_BYTES
        lines.append(
            _row(
                "bundled site, before (issue 19's figure) → after (du -sb)",
                f"{ISSUE_BEFORE_BYTES / 1e6:.0f} MB → {after / 1e6:.1f} MB ({ratio:.2f}×)",
                "≤ 0.33×",
                ratio <= SIZE_RATIO,
            )
        )
        measured = after / MEASURED_BEFORE_BYTES
        lines.append(
            _row(
                "bundled site, before (measured, CHANGELOG) → after",
                f"{MEASURED_BEFORE_BYTES / 1e6:.1f} MB → {after / 1e6:.1f} MB ({measured:.2f}×)",
                "≤ 0.33×",
                measured <= SIZE_RATIO,
            )
        )
        switches = site["site"]["switches"]
        worst = max((row["beyond_html_bytes"] for row in switches), default=0)
        lines.append(
            _row(
                f"language switch en → es, gzip beyond the HTML (worst of {len(switches)})",
                f"{worst / 1000:.1f} KB",
                f"≤ {SWITCH_BYTES / 1000:.0f} KB",
                worst <= SWITCH_BYTES,
            )
        )
    elif site is not None:
        lines.append(_row("site size and language switch", "failed", "", None))
    load = ", ".join(f"{value:.1f}" for value in results["load_at_end"])
    lines.append("")
    lines.append(f"{results['cores']} cores; load average at the end: {load}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--repeat", type=int, default=1, help="runs per cold measurement")
    parser.add_argument("--skip-serve", action="store_true", help="leave out edit-to-reload")
    parser.add_argument("--site-dir", type=Path, help="a built bundled site to weigh")
    parser.add_argument("--json", action="store_true")
    options = parser.parse_args()
    results = measure(options)
    if options.json:
        print(json.dumps(results, indent=1))
        return
    print("\n".join(table(results)))
    for name in ("serve", "builds", "site"):
        found = results.get(name)
        if isinstance(found, dict) and "error" in found:
            print(f"\n{name} failed:\n" + "\n".join(found["error"]))


if __name__ == "__main__":
    main()

"""`make bench`: run every benchmark in turn and print its table.

Speed is measured here, never asserted in tests; the closing notes report these figures as
ratios. Each benchmark is its own script and can be run alone with its own options.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent

BENCHMARKS = [
    ("Footprint: vectorized against one by one", ["footprint.py"]),
    ("Labs: cold, warm and after a prose edit", ["labs.py"]),
    ("Page weight against the budgets", ["page_weight.py"]),
    ("TinyMLedu import against the file's size", ["tinymledu_import.py"]),
    ("Build speed, 100 modules, median of 3", ["build_scale.py", "--sizes=100", "--repeat=3"]),
    ("Build speed, 1000 modules", ["build_scale.py", "--sizes", "1000"]),
    ("Offline copies: zip and ZIM, per track", ["offline_formats.py"]),
    ("Print kit: a cold build's printing, and a warm one", ["print_kit.py"]),
    ("Site size and a language switch", ["site_size.py"]),
    ("Issue 19's table: reload, build ratios, size, switch", ["speed_table.py", "--sizes=100"]),
]


def main() -> int:
    failed = 0
    for title, command in BENCHMARKS:
        print(f"\n## {title}\n", flush=True)
        script = BENCH / command[0]
        if not script.exists():
            print(f"({script.name} is missing)")
            failed += 1
            continue
        result = subprocess.run([sys.executable, str(script), *command[1:]], cwd=BENCH.parent)
        failed += result.returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

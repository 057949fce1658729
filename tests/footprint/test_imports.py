"""The core library stays light: no matplotlib, no MkDocs, no CLI when it is imported."""

from __future__ import annotations

import subprocess
import sys

CHECK = (
    "import sys, courseware.footprint; "
    "bad = [m for m in sys.modules if m.split('.')[0] in "
    "{'matplotlib', 'mkdocs', 'material', 'click'} or m.startswith('courseware.cli') "
    "or m in {'courseware.footprint.plot', 'courseware.footprint.page'}]; "
    "print(','.join(sorted(bad)))"
)


def test_importing_the_library_imports_no_matplotlib_mkdocs_or_cli() -> None:
    result = subprocess.run(
        [sys.executable, "-c", CHECK], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_public_api_is_documented_and_typed() -> None:
    import inspect

    import courseware.footprint as footprint

    for name in footprint.__all__:
        item = getattr(footprint, name)
        assert inspect.getdoc(item), name
        if inspect.isfunction(item):
            assert "return" in item.__annotations__, name

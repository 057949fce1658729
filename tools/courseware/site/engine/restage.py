"""How ``courseware serve`` re-stages the project before each rebuild without the engine
importing the command: the command registers its function here, the plugin calls it.

MkDocs serves in this process and reloads the plugin with every configuration load, so the
function is kept at module level, not on the plugin.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from courseware.errors import BuildError

Restage = Callable[[Path], None]

_registered: list[Restage] = []


def register_restage(function: Restage) -> None:
    """Make ``function`` the one called before every rebuild while serving."""
    _registered[:] = [function]


def restage(root: Path) -> None:
    """Re-stage the project at ``root`` with the registered function.

    Raises:
        BuildError: when nothing registered one (the plugin's ``restage_root`` was set
            outside ``courseware serve``).
    """
    if not _registered:
        raise BuildError("restage_root is set only by `courseware serve`; run that instead")
    _registered[0](root)

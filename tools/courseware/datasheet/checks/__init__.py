"""The validator's checks, one module per theme (structure, values, arithmetic,
consistency, evaluation, lifecycle); importing this package registers them all."""

from __future__ import annotations

from courseware.datasheet.checks import (  # noqa: F401 - imported to register the checks
    arithmetic,
    consistency,
    evaluation,
    lifecycle,
    structure,
    values,
)
from courseware.datasheet.checks.registry import CHECKS, Check, CheckContext, Hit

__all__ = ["CHECKS", "Check", "CheckContext", "Hit"]

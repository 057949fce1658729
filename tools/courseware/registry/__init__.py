"""The curriculum registry: schema, loading with line numbers, and cross-reference checks."""

from courseware.registry.registry import Registry

__all__ = ["Registry"]

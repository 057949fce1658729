"""courseware: an open courseware and curriculum site builder for TinyML education."""

__version__ = "0.1.0"

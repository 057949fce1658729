"""What the command line prints is text, never terminal commands: escape sequences, control
characters and bidirectional overrides from content are removed on the way out.

Titles, file names, lab errors and import sources are text that someone else wrote; printed
as they are, ``ESC ] 8 ;`` makes a hidden link, ``ESC [ 2 J`` clears the screen, a carriage
return overwrites what was printed before it on the line, and U+202E turns ``gnp.exe`` into
what reads as ``exe.png``. The command group (``cli/__init__.py``) wraps standard output and
standard error in :class:`PrintableStream` for the whole run, so every ``click.echo``, click's
own usage errors and any ``print`` pass through :func:`printable`, the one place that decides.
"""

from __future__ import annotations

import re
from typing import Any, TextIO

_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves, clearing the screen
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC: window titles, hyperlinks (to BEL or ST)
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC strings (to ST)
    r"|\x1b[ -/]*[0-~]?"  # any other escape (and a lone ESC)
    r"|\x9b[0-?]*[ -/]*[@-~]"  # the one-character C1 CSI
)
"""Escape sequences as ECMA-48 (5th edition, 1991) defines them, removed whole so that no
parameters are left behind as stray text."""

_CONTROL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f"  # C0 (but tab and newline), DEL, C1
    "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"  # bidirectional marks and overrides
)
"""Control characters a terminal acts on, and the bidirectional formatting characters of
Unicode Standard Annex 9 (section 2: explicit formatting and implicit marks)."""


def printable(text: str) -> str:
    """``text`` without terminal escape sequences, control characters (but tab and newline)
    and bidirectional overrides, so that it prints as what it says."""
    if text.isprintable():
        return text
    return _CONTROL.sub("", _ESCAPE_SEQUENCE.sub("", text))


class PrintableStream:
    """A text stream that writes :func:`printable` text to ``stream``.

    It has no ``buffer``: click then writes text to it rather than bytes around it.
    """

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        if not isinstance(text, str):
            raise TypeError("PrintableStream writes text")
        cleaned = printable(text)
        try:
            self._stream.write(cleaned)
        except UnicodeEncodeError:  # a terminal that cannot show every character
            encoding = getattr(self._stream, "encoding", None) or "ascii"
            self._stream.write(cleaned.encode(encoding, "backslashreplace").decode(encoding))
        return len(text)

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        if name == "buffer":
            raise AttributeError(name)
        return getattr(self._stream, name)

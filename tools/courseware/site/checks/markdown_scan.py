"""Read a page's headings, links and images with their lines, and check what axe cannot.

MkDocs names no lines, and a built page no longer says which image had no alt text
(``![](x.png)`` becomes ``alt=""``, which axe takes for decorative). The scan uses
markdown-it-py, a linear parser, over the staged page; the checks here are the ones that
need the source: alt text, heading order, descriptive link text, snippet includes and
bidirectional overrides.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

from markdown_it import MarkdownIt
from markdown_it.token import Token

from courseware import problem_codes as codes
from courseware.errors import Problem
from courseware.problem_codes import ProblemCode

MEANINGLESS_ALT = {
    "image", "img", "picture", "pic", "photo", "figure", "fig", "graphic", "icon",
    "screenshot", "alt", "alt text", "placeholder", "untitled",
    "no description has been provided for this image",  # nbconvert's default
}  # fmt: skip
"""Alt texts that describe nothing (pegboard's img_alt_text, plus nbconvert's default)."""

VAGUE_LINK_TEXT = {
    "here", "click here", "click", "this", "this link", "this page", "link", "more",
    "read more", "learn more", "go", "page",
}  # fmt: skip
"""Link texts that do not say where they lead (pegboard's descriptive-link list)."""

BIDI_OVERRIDES = {"\u202a", "\u202b", "\u202d", "\u202e"}
"""Embeddings and overrides reorder what readers see against what the text says ("Trojan
Source"); isolates and marks (U+2066-U+2069, U+200E/F) stay allowed for right-to-left text."""
_ANY_BIDI_OVERRIDE = re.compile("[" + "".join(sorted(BIDI_OVERRIDES)) + "]")

_ADMONITION = re.compile(r"(?P<indent>[ \t]*)(?:!!!|\?\?\?\+?)[ \t]")
_DECORATIVE = re.compile(r"\A\{[^}]*(?:\.decorative|role=\"?presentation)")
_SNIPPET = re.compile(r"^[ \t]*-{1,3}8<-{1,3}", re.M)

Locate = Callable[[int], int | None]
"""Maps a staged line to the contributed file's line (None for generated lines)."""


@dataclass(frozen=True)
class Heading:
    """A Markdown heading (``#`` or underlined)."""

    line: int
    level: int
    text: str


@dataclass(frozen=True)
class Link:
    """A Markdown link or image, or an HTML ``<img>`` (which has ``alt`` None if absent)."""

    line: int
    target: str
    text: str | None
    is_image: bool
    is_html: bool = False
    is_decorative: bool = False


@dataclass(frozen=True)
class MarkdownScan:
    """What a page contains, in order, each with its staged line."""

    headings: tuple[Heading, ...]
    links: tuple[Link, ...]
    snippet_lines: tuple[int, ...]


def scan_markdown(text: str) -> MarkdownScan:
    """Scan a staged page (front matter already blanked out)."""
    parser = MarkdownIt("commonmark").enable("table")
    # See links as written: markdown-it drops javascript: links and percent-encodes the rest.
    parser.validateLink = lambda url: True  # type: ignore[method-assign]
    parser.normalizeLink = lambda url: url  # type: ignore[method-assign]
    tokens = parser.parse(_unindent_admonitions(text))
    headings: list[Heading] = []
    links: list[Link] = []
    snippets: list[int] = []
    for index, token in enumerate(tokens):
        start = token.map[0] + 1 if token.map else 1
        if token.type == "heading_open":
            inline = tokens[index + 1]
            headings.append(Heading(start, int(token.tag[1:]), _plain(inline.children or [])))
        elif token.type == "inline":
            links += _inline_links(token.children or [], start)
            snippets += [start + token.content.count("\n", 0, m.start()) for m in _snippets(token)]
        elif token.type == "html_block":
            links += _html_images(token.content, start)
    return MarkdownScan(tuple(headings), tuple(links), tuple(snippets))


def _snippets(token: Token) -> Iterator[re.Match[str]]:
    return _SNIPPET.finditer(token.content)


def _unindent_admonitions(text: str) -> str:
    """Admonition bodies are indented four spaces, which CommonMark reads as code; unindent
    them (same number of lines) so their links and headings are checked too."""
    lines = text.split("\n")
    body_indent: int | None = None
    for number, line in enumerate(lines):
        if body_indent is not None:
            if not line.strip():
                continue
            if line.startswith(" " * body_indent):
                lines[number] = line[4:]
                continue
            body_indent = None
        match = _ADMONITION.match(line)
        if match:
            body_indent = len(match.group("indent")) + 4
            lines[number] = ""
    return "\n".join(lines)


def _plain(children: Sequence[Token]) -> str:
    return "".join(c.content for c in children if c.type in {"text", "code_inline"}).strip()


def _inline_links(children: Sequence[Token], first_line: int) -> list[Link]:
    links: list[Link] = []
    line = first_line
    open_link: tuple[int, str, list[str]] | None = None
    for index, child in enumerate(children):
        if child.type in {"softbreak", "hardbreak"}:
            line += 1
        elif child.type == "link_open":
            open_link = (line, str(child.attrGet("href") or ""), [])
        elif child.type == "link_close" and open_link is not None:
            start, href, parts = open_link
            links.append(Link(start, href, "".join(parts).strip(), is_image=False))
            open_link = None
        elif child.type == "image":
            following = children[index + 1] if index + 1 < len(children) else None
            decorative = bool(following and _DECORATIVE.match(following.content))
            src = str(child.attrGet("src") or "")
            links.append(Link(line, src, child.content.strip(), True, is_decorative=decorative))
            if open_link is not None:
                open_link[2].append(child.content)
        elif child.type == "html_inline":
            links += _html_images(child.content, line)
        elif open_link is not None and child.type in {"text", "code_inline"}:
            open_link[2].append(child.content)
    return links


def _html_images(html: str, first_line: int) -> list[Link]:
    finder = _ImageFinder()
    finder.feed(html)
    finder.close()
    return [
        Link(first_line + offset, src, alt, is_image=True, is_html=True, is_decorative=decorative)
        for offset, src, alt, decorative in finder.images
    ]


class _ImageFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.images: list[tuple[int, str, str | None, bool]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "img":
            return
        values = dict(attrs)
        decorative = values.get("role") in {"presentation", "none"} or "aria-hidden" in values
        alt = values.get("alt")
        self.images.append((self.getpos()[0] - 1, values.get("src") or "", alt, decorative))


def check_structure(scan: MarkdownScan, source: str, locate: Locate) -> list[Problem]:
    """Alt text, heading order, link text and snippets of the contributed lines of a page.

    Generated headings (a module page's title) count as context for heading order, but only
    contributed lines are reported.
    """
    problems = _check_headings(scan.headings, source, locate)
    for link in scan.links:
        line = locate(link.line)
        if line is None:
            continue
        if link.is_image:
            problems += _check_alt(link, source, line)
        else:
            problems += _check_link_text(link, source, line)
    for staged_line in scan.snippet_lines:
        line = locate(staged_line)
        if line is not None:
            message = "snippet includes (--8<--) are not enabled; paste the text itself"
            problems.append(Problem(source, line, None, message, code=codes.SNIPPET_INCLUDE))
    return problems


def _check_headings(headings: Sequence[Heading], source: str, locate: Locate) -> list[Problem]:
    problems = []
    previous = 1
    titles = 0
    for heading in headings:
        line = locate(heading.line)
        titles += heading.level == 1
        if line is not None:
            if not heading.text:
                message = "empty heading; give it text or remove it"
                problems.append(_warning(source, line, message, codes.EMPTY_HEADING))
            if heading.level == 1 and titles > 1:
                message = "a second level-1 heading; a page has one title, so use '##' here"
                problems.append(_warning(source, line, message, codes.SECOND_TITLE))
            elif heading.level > previous + 1:
                message = (
                    f"heading level {heading.level} follows level {previous}; "
                    f"use {'#' * (previous + 1)} so no level is skipped"
                )
                problems.append(_warning(source, line, message, codes.SKIPPED_HEADING_LEVEL))
        previous = heading.level
    return problems


def _check_alt(link: Link, source: str, line: int) -> list[Problem]:
    if link.is_decorative:
        return []
    alt = (link.text or "").strip()
    if not alt:
        message = (
            f"image {_shown(link.target)} has no alt text; describe what it shows "
            "(or mark it decorative with {.decorative} after the image)"
        )
        return [Problem(source, line, None, message, code=codes.IMAGE_ALT_MISSING)]
    name = posixpath.basename(unquote(urlsplit(link.target).path))
    if alt.lower() in MEANINGLESS_ALT or alt in {name, posixpath.splitext(name)[0]} - {""}:
        message = f"the alt text {alt!r} does not describe image {_shown(link.target)}"
        message += "; say what it shows"
        return [_warning(source, line, message, codes.IMAGE_ALT_MEANINGLESS)]
    return []


def _check_link_text(link: Link, source: str, line: int) -> list[Problem]:
    text = " ".join((link.text or "").split())
    normalised = text.lower().strip(" .:!?")
    if normalised in VAGUE_LINK_TEXT or len(text) == 1:
        message = f"link text {text!r} does not say where the link goes; describe its target"
        return [_warning(source, line, message, codes.VAGUE_LINK_TEXT)]
    return []


def check_bidi_overrides(body: str, source: str, first_line: int) -> list[Problem]:
    """Refuse bidirectional embedding and override characters in contributed Markdown."""
    problems: list[Problem] = []
    if _ANY_BIDI_OVERRIDE.search(body) is None:
        return problems  # one scan of the text, not a set per line
    for offset, text_line in enumerate(body.split("\n")):
        for char in BIDI_OVERRIDES.intersection(text_line):
            name = unicodedata.name(char, "control")
            message = (
                f"invisible bidirectional control U+{ord(char):04X} ({name.lower()}) can make "
                "the text read differently from what it says; remove it"
            )
            problems.append(
                Problem(source, first_line + offset, None, message, code=codes.BIDI_CONTROL)
            )
    return problems


def _shown(target: str) -> str:
    return repr(target) if target else "(no file)"


def _warning(source: str, line: int, message: str, code: ProblemCode) -> Problem:
    return Problem(source, line, None, message, severity="warning", code=code)

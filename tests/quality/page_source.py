"""Checks of the built HTML that axe cannot make: alt text that says something, headings that
do not skip levels, link text that tells where a link goes.

axe passes ``alt=""`` (decorative) and any non-empty alt, such as nbconvert's "No description has
been provided for this image"; it passes link text such as "here"; its heading-order rule is a
best practice outside the WCAG tags the suite runs. Each function returns the problems it found
as lines for a failure message, empty when the page is fine.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from bs4 import BeautifulSoup, Tag

# Alt text that names the kind of thing, or a tool's placeholder, rather than what it shows.
PLACEHOLDER_ALT = {
    "image", "img", "picture", "photo", "figure", "chart", "graph", "plot", "png", "output",
    "diagram", "icon", "screenshot", "untitled", "alt",
    "no description has been provided for this image",  # nbconvert's default
}  # fmt: skip
FILE_NAME = re.compile(r"^[\w\-. ]+\.(png|jpe?g|gif|svg|webp|avif)$", re.IGNORECASE)

# Link text that makes sense only with the sentence around it (WCAG 2.4.4), per language.
VAGUE_LINK_TEXT = {
    # en
    "here", "click here", "click", "this", "this page", "link", "more", "read more", "go",
    "learn more", "details",
    # es
    "aquí", "aqui", "haz clic aquí", "haga clic aquí", "clic aquí", "más", "leer más", "enlace",
    "ver más",
    # pt
    "clique aqui", "mais", "leia mais", "saiba mais", "ver mais",
    # fr
    "ici", "cliquez ici", "plus", "lire la suite", "en savoir plus", "lien",
    # ar
    "هنا", "اضغط هنا", "انقر هنا", "المزيد", "اقرأ المزيد", "رابط",
}  # fmt: skip
# Markdown's permalinks ("¶" after each heading) sit inside the heading they point to; their
# purpose is that heading's ("link to this section"), which is determined from context.
PERMALINK_CLASS = "headerlink"


def parse(html: str) -> BeautifulSoup:
    """The page as a tree."""
    return BeautifulSoup(html, "html.parser")


def alt_text_problems(soup: BeautifulSoup) -> list[str]:
    """Images without alt text, or whose alt is a placeholder or a file name."""
    problems = []
    for image in soup.find_all("img"):
        src = str(image.get("src", ""))
        alt = image.get("alt")
        if alt is None:
            problems.append(f"<img src={src!r}> has no alt attribute")
            continue
        text = " ".join(str(alt).split()).lower().rstrip(".")
        if not text:
            problems.append(f"<img src={src!r}> has an empty alt (a figure needs a description)")
        elif text in PLACEHOLDER_ALT or FILE_NAME.match(text) or text == PurePosixPath(src).name:
            problems.append(f"<img src={src!r}> has alt {alt!r}, which does not say what it shows")
    return problems


def heading_problems(soup: BeautifulSoup) -> list[str]:
    """Headings that go down more than one level (h2 → h4), or a page not opening with h1."""
    problems = []
    previous = 0
    for heading in soup.find_all(re.compile(r"^h[1-6]$")):
        level = int(heading.name[1])
        text = " ".join(heading.get_text(" ").split())[:60]
        if previous == 0 and level != 1:
            problems.append(f"the first heading is h{level} ({text!r}), not h1")
        elif level > previous + 1:
            problems.append(f"h{previous} is followed by h{level} ({text!r})")
        previous = level
    return problems


def link_text_problems(soup: BeautifulSoup) -> list[str]:
    """Links with no text, or whose text says nothing out of context ("here", "more")."""
    problems = []
    for link in soup.find_all("a", href=True):
        if PERMALINK_CLASS in (link.get("class") or []):
            continue
        name = accessible_name(link)
        if not name:
            problems.append(f"<a href={link['href']!r}> has no text")
        elif name.lower().rstrip(".…:") in VAGUE_LINK_TEXT:
            problems.append(f"<a href={link['href']!r}> says only {name!r}")
    return problems


def accessible_name(link: Tag) -> str:
    """What a screen reader announces for a link: aria-label, else its text and image alts."""
    label = link.get("aria-label")
    if isinstance(label, str) and label.strip():
        return label.strip()
    parts = [link.get_text(" ")]
    parts += [str(image.get("alt", "")) for image in link.find_all("img")]
    title = link.get("title")
    text = " ".join(" ".join(parts).split())
    return text or (title.strip() if isinstance(title, str) else "")

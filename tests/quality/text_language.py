"""Which language a stretch of page text is in, told by its most common words (a heuristic).

axe checks that ``<html lang>`` is a valid code, not that it matches the text. The check here
reads the built HTML instead: it cuts each page into blocks of text (a paragraph, a list item,
a table cell, a heading, a link, a label...), gives each block the language it declares (the
``lang`` of its nearest ancestor, so ``<div lang="en">`` around a fallback page counts), and
guesses the language the block is actually written in:

- Arabic against the Latin-script languages by script: a block whose letters are mostly Arabic
  is Arabic.
- English, Spanish, Portuguese and French by their function words ("the", "of", "and"; "el",
  "los", "y"; "do", "não", "em"; "les", "des", "et"): short, frequent words that every
  sentence uses and few names or terms contain. A block is judged only when it holds at least
  ``MIN_FUNCTION_WORDS`` of them, so names, numbers, code and short labels ("TinyML
  Courseware", "kg CO2e") are never judged, as WCAG 3.1.2 exempts proper names and technical
  terms.

A block is a mismatch when the guessed language wins clearly: at least twice the declared
language's count of function words. Spanish and Portuguese share many short words ("de",
"que", "para"), so the lists keep the words that tell them apart and the margin absorbs the rest.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from bs4 import BeautifulSoup, Tag
from bs4.element import NavigableString

# Hand-picked from the most frequent words of each language; shared words are kept only where
# they are frequent in both and the distinctive ones outnumber them.
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        "the of and to is are was in that for with this these those it its be by from or "
        "an not what how which when you your can will has have their they we our than".split()
    ),
    "es": frozenset(
        "el los las del y en un una por con para es son se lo al como más su sus este esta "
        "estos estas qué cómo cuando muy también pero sin sobre entre hay ya".split()
    ),
    "pt": frozenset(
        "o os do da dos das e em um uma por com para é são se ao como mais seu sua este esta "
        "isso não no na nos nas pelo pela também mas sem sobre entre há já".split()
    ),
    "fr": frozenset(
        "le les des du et est un une pour que qui dans au aux ce cette ces sur par pas ne "
        "avec son sa ses sont il elle nous vous leur plus comme mais sans entre".split()
    ),
}
MIN_FUNCTION_WORDS = 3
MARGIN = 2.0
ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")

# Text in these elements is code, formulas or graphics: in no natural language.
NEUTRAL = {"script", "style", "code", "pre", "kbd", "samp", "svg", "math", "template", "var"}
# Elements whose text is read as one unit; text is grouped by the nearest one of them.
BLOCKS = {
    "p", "li", "td", "th", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "caption",
    "figcaption", "blockquote", "label", "legend", "summary", "button", "option", "a", "title",
    "div", "section", "article", "header", "footer", "nav", "main", "aside", "body", "form",
}  # fmt: skip
ATTRIBUTES = ("alt", "title", "aria-label", "placeholder")


@dataclass(frozen=True)
class TextBlock:
    """A stretch of text, the language its markup declares, and where it is."""

    text: str
    declared: str
    where: str


@dataclass(frozen=True)
class Mismatch:
    """A block whose words say it is in ``written`` although its markup declares otherwise."""

    block: TextBlock
    written: str


def primary_subtag(code: str) -> str:
    """``pt-BR`` → ``pt``: the function-word lists are per language, not per region."""
    return code.split("-")[0].lower()


def guess_language(text: str) -> tuple[str | None, dict[str, int]]:
    """The language ``text`` is written in, or None when it holds too little prose to tell.

    Returns:
        the guess, and the count of function words (or, for Arabic, of Arabic words) per
        language, for messages.
    """
    arabic, latin = len(ARABIC.findall(text)), len(LATIN.findall(text))
    words = [w.lower() for w in WORD.findall(text)]
    counts = {lang: sum(w in known for w in words) for lang, known in FUNCTION_WORDS.items()}
    counts["ar"] = sum(1 for w in words if ARABIC.search(w))
    if arabic > latin:
        return ("ar" if counts["ar"] >= MIN_FUNCTION_WORDS else None), counts
    best = max(FUNCTION_WORDS, key=lambda lang: counts[lang])
    return (best if counts[best] >= MIN_FUNCTION_WORDS else None), counts


def is_mismatch(text: str, declared: str) -> str | None:
    """The language ``text`` is clearly written in when that is not ``declared``, else None."""
    declared = primary_subtag(declared)
    guess, counts = guess_language(text)
    if guess is None or guess == declared:
        return None
    if guess == "ar" or declared == "ar":
        return guess
    return guess if counts[guess] >= MARGIN * counts.get(declared, 0) else None


def text_blocks(html: str) -> Iterator[TextBlock]:
    """The text of a page, cut into blocks, each with the language it declares."""
    soup = BeautifulSoup(html, "html.parser")
    root = soup.find("html")
    if not isinstance(root, Tag):
        return
    yield from _blocks(root, str(root.get("lang", "")), "html")


def _blocks(element: Tag, declared: str, where: str) -> Iterator[TextBlock]:
    parts: list[str] = []
    for attribute in ATTRIBUTES:
        value = element.get(attribute)
        if isinstance(value, str) and value.strip():
            yield TextBlock(value.strip(), declared, f"{where}[{attribute}]")
    for child in element.children:
        if isinstance(child, NavigableString):
            if type(child) is NavigableString:  # not a comment, doctype or CDATA
                parts.append(str(child))
            continue
        if not isinstance(child, Tag) or child.name in NEUTRAL:
            continue
        own = child.get("lang")
        child_lang = own if isinstance(own, str) and own else declared
        child_where = _describe(child, where)
        if child.name in BLOCKS or child_lang != declared:
            yield from _blocks(child, child_lang, child_where)
        else:
            inline = list(_blocks(child, child_lang, child_where))
            for block in inline:
                if block.where == child_where:
                    parts.append(block.text)
                else:
                    yield block
    text = " ".join(" ".join(parts).split())
    if text:
        yield TextBlock(text, declared, where)


def _describe(element: Tag, parent: str) -> str:
    """A short CSS-like path for messages: ``main > article > p.cw-notice``."""
    label = element.name
    if element.get("id"):
        label += f"#{element['id']}"
    elif element.get("class"):
        label += "." + ".".join(element["class"])
    trail = parent.split(" > ")[-2:]
    return " > ".join([*trail, label])


def mismatches(blocks: Iterable[TextBlock]) -> list[Mismatch]:
    """The blocks whose words are clearly in another language than the one they declare."""
    found = []
    for block in blocks:
        written = is_mismatch(block.text, block.declared)
        if written:
            found.append(Mismatch(block, written))
    return found

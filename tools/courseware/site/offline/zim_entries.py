"""The entries of a ZIM as python-libzim (GPL-3.0-or-later, the optional extra ``zim``) wants
them: imported only by ``offline.zim`` when it writes a file, so the package loads without it."""

from __future__ import annotations

from libzim.writer import ContentProvider, Hint, IndexData, Item, StringProvider

from courseware.site.offline.zim import PageText


class PageIndex(IndexData):  # type: ignore[misc, unused-ignore]  # libzim has no py.typed
    """What libzim's full-text index and title suggestions take from one page."""

    def __init__(self, text: PageText) -> None:
        super().__init__()
        self.text = text

    def has_indexdata(self) -> bool:
        return bool(self.text.title or self.text.text)

    def get_title(self) -> str:
        return self.text.title

    def get_content(self) -> str:
        return self.text.text

    def get_keywords(self) -> str:
        return ""

    def get_wordcount(self) -> int:
        return len(self.text.text.split())

    def get_geoposition(self) -> tuple[float, float] | None:
        return None


class FileEntry(Item):  # type: ignore[misc, unused-ignore]
    """One file of the copy at its relative path; a page (``text`` given) is a front article,
    listed in search and suggestions."""

    def __init__(
        self, path: str, content: bytes, mimetype: str, text: PageText | None, compress: bool
    ) -> None:
        super().__init__()
        self.path = path
        self.content = content
        self.mimetype = mimetype
        self.text = text
        self.compress = compress

    def get_path(self) -> str:
        return self.path

    def get_title(self) -> str:
        return self.text.title if self.text else ""

    def get_mimetype(self) -> str:
        return self.mimetype

    def get_contentprovider(self) -> ContentProvider:
        return StringProvider(self.content)

    def get_hints(self) -> dict[Hint, int]:
        return {Hint.FRONT_ARTICLE: self.text is not None, Hint.COMPRESS: self.compress}

    def get_indexdata(self) -> IndexData | None:
        # None (not the default, which parses any HTML entry, navigation included) keeps
        # files and the copy's search page out of the index.
        return PageIndex(self.text) if self.text else None

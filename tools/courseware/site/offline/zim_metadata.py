"""The metadata of a track's ZIM, from the registry, ``mkdocs.yml`` and the built copy.

Kiwix lists a ZIM in its library by this metadata (https://wiki.openzim.org/wiki/Metadata):
a title, an ISO 639-3 language, a description of at most 80 characters (the whole summary
goes in LongDescription, at most 4000), the creators of the content and the publisher of the
file, a date, a name stable across editions (https://wiki.openzim.org/wiki/ZIM_Naming_Convention:
``{project}_{lang}_{selection}``, lowercase ``[a-z0-9.-]`` parts) and a 48×48 PNG illustration.
"""

from __future__ import annotations

import datetime
import io
import os
import re
from importlib import resources
from pathlib import Path

import langcodes

from courseware.errors import BuildError
from courseware.i18n.catalogs import translator
from courseware.registry.load import Registry
from courseware.registry.tracks import Track
from courseware.site.offline.zim import ILLUSTRATION_SIZE, ZimMetadata
from courseware.site.staging import read_mkdocs_yml
from courseware.textfields import text_in

DESCRIPTION_MAX_CHARS = 80
LONG_DESCRIPTION_MAX_CHARS = 4000
"""The limits of ``Description`` and ``LongDescription`` (https://wiki.openzim.org/wiki/Metadata)."""
DEFAULT_PUBLISHER = "courseware"
"""The publisher when ``mkdocs.yml`` names no ``site_name``."""

_ICON_LINK = re.compile(r'<link rel="icon" href="(?P<href>[^"]+)"')
_NAME_PART = re.compile(r"[^a-z0-9.-]+")


def zim_language(code: str) -> str:
    """The ISO 639-3 code the ZIM format wants for a BCP 47 tag: ``es`` → ``spa``,
    ``pt-BR`` → ``por`` (langcodes' ``to_alpha3``, whose codes for living languages are
    ISO 639-3's)."""
    return str(langcodes.Language.get(code).to_alpha3())


def zim_name(project: str, language: str, track_id: str) -> str:
    """``tinyml-courseware_en_two-hour-workshop``: each part lowercase, runs of other
    characters turned into one ``-``, since ``_`` separates the parts."""
    parts = (_NAME_PART.sub("-", part.lower()).strip("-") for part in (project, language, track_id))
    return "_".join(parts)


def shorten(text: str, limit: int) -> str:
    """``text`` cut at the last word that fits in ``limit`` characters, with ``…``."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.") + "…"


def zim_date() -> str:
    """Today in UTC, or ``SOURCE_DATE_EPOCH``'s day (reproducible-builds.org) when it is set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    now = (
        datetime.datetime.fromtimestamp(int(epoch), datetime.UTC)
        if epoch.isdigit()
        else datetime.datetime.now(datetime.UTC)
    )
    return now.date().isoformat()


def track_zim_metadata(registry: Registry, track: Track, language: str) -> ZimMetadata:
    """The metadata of ``track``'s copy in ``language`` (the illustration is taken from the
    built copy by :func:`copy_illustration`)."""
    source = registry.source_language.code
    title = text_in(track.spec.title, language, source)
    summary = text_in(track.spec.summary, language, source) if track.spec.summary else ""
    if not summary:
        gettext = translator(language)
        summary = gettext("Syllabus, modules and labs, readable offline")
    config = read_mkdocs_yml(registry.root)
    site_name = config.get("site_name")
    publisher = site_name.strip() if isinstance(site_name, str) and site_name.strip() else ""
    modules = registry.modules_by_id
    authors = dict.fromkeys(
        author.name
        for module_id in track.module_ids
        if module_id in modules
        for author in modules[module_id].spec.authors
    )
    description = shorten(summary, DESCRIPTION_MAX_CHARS)
    return ZimMetadata(
        name=zim_name(publisher or DEFAULT_PUBLISHER, language, track.id),
        title=title,
        language=zim_language(language),
        description=description,
        long_description=(
            shorten(summary, LONG_DESCRIPTION_MAX_CHARS) if description != summary else None
        ),
        creator=", ".join(authors) or publisher or DEFAULT_PUBLISHER,
        publisher=publisher or DEFAULT_PUBLISHER,
        date=zim_date(),
    )


def copy_illustration(folder: Path) -> bytes:
    """The copy's icon (the favicon its home page links) as a 48×48 PNG, for Kiwix's library.

    An icon Pillow cannot read (an SVG favicon) is replaced by Material's own favicon, which
    the theme ships as a PNG.
    """
    home = (folder / "index.html").read_text(encoding="utf-8", errors="replace")
    match = _ICON_LINK.search(home)
    icon = (folder / match.group("href")).resolve() if match else None
    if icon is not None and icon.is_file() and folder.resolve() in icon.parents:
        png = _square_png(icon.read_bytes())
        if png is not None:
            return png
    material = resources.files("material") / "templates" / "assets" / "images" / "favicon.png"
    png = _square_png(material.read_bytes())
    if png is None:
        raise BuildError("Material's favicon.png cannot be read: reinstall mkdocs-material")
    return png


def _square_png(data: bytes) -> bytes | None:
    """The image scaled to fit 48×48, centred on a transparent square; None if unreadable."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as opened:
            image = opened.convert("RGBA")
    except (UnidentifiedImageError, OSError, ValueError):
        return None
    scale = ILLUSTRATION_SIZE / max(image.width, image.height)
    size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
    image = image.resize(size, Image.Resampling.LANCZOS)
    canvas = Image.new("RGBA", (ILLUSTRATION_SIZE, ILLUSTRATION_SIZE), (0, 0, 0, 0))
    canvas.paste(image, ((ILLUSTRATION_SIZE - size[0]) // 2, (ILLUSTRATION_SIZE - size[1]) // 2))
    buffer = io.BytesIO()
    canvas.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()

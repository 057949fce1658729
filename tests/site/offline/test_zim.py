"""The ZIM writer on a small built copy, read back with libzim's own reader: entries and
their types, metadata, the illustration, the main page, and the full-text index built from
each page's article (not its navigation); the metadata taken from the registry; and the one
line a user without the optional extra sees."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from libzim.reader import Archive
from libzim.search import Query, Searcher
from PIL import Image

from courseware.registry.load import load_registry
from courseware.site.offline import zim_language
from courseware.site.offline.zim import ZimMetadata, entry_mimetype, page_text, write_zim
from courseware.site.offline.zim_metadata import (
    copy_illustration,
    shorten,
    track_zim_metadata,
    zim_name,
)

REPO = Path(__file__).resolve().parents[3]

_PAGE = """<!doctype html><html lang="en"><head><title>{title} - Site</title>
<link rel="icon" href="{root}icon.png"><script>var hidden = "scriptword";</script></head>
<body><nav class="md-nav"><a href="{root}index.html">Navigationword</a></nav>
<article class="md-content__inner md-typeset"><h1 id="t">{title}<a class="headerlink"
href="#t">¶</a></h1><p>{text}</p><ul><li>one</li><li>two</li></ul></article></body></html>
"""


def _copy(folder: Path) -> Path:
    pages = {
        "index.html": ("A short course", "Welcome.", ""),
        "modules/footprint/index.html": ("Footprint", "Estimate the wombat factor.", "../../"),
        "search/index.html": ("Search", "Type a word: wombat.", "../"),
    }
    for relative, (title, text, root) in pages.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_PAGE.format(title=title, text=text, root=root), encoding="utf-8")
    Image.new("RGBA", (96, 64), (200, 30, 30, 255)).save(folder / "icon.png")
    (folder / "labs").mkdir()
    (folder / "labs" / "lab.ipynb").write_text('{"cells": []}', encoding="utf-8")
    return folder


def _metadata(**changes: str | None) -> ZimMetadata:
    values: dict[str, str | None] = {
        "name": "tinyml-courseware_en_short-course",
        "title": "A short course",
        "language": "eng",
        "description": "Two modules and a lab",
        "long_description": None,
        "creator": "Ada Example",
        "publisher": "TinyML Courseware",
        "date": "2026-12-04",
    }
    values.update(changes)
    return ZimMetadata(**values)  # type: ignore[arg-type]


def _search(archive: Archive, words: str) -> list[str]:
    search = Searcher(archive).search(Query().set_query(words))
    return list(search.getResults(0, search.getEstimatedMatches()))


def test_page_text_is_the_articles_title_and_text_without_navigation_or_scripts() -> None:
    html = _PAGE.format(title="Footprint", text="Estimate <b>the</b> wombat.", root="")
    assert page_text(html).title == "Footprint"
    assert page_text(html).text == "Estimate the wombat. one two"
    assert page_text("<title>Only a title</title><p>x</p>").title == "Only a title"


@pytest.mark.parametrize(
    ("path", "mimetype"),
    [
        ("index.html", "text/html"),
        ("assets/a.js", "application/javascript"),
        ("labs/x/x.ipynb", "application/x-ipynb+json"),
        ("labs/x/x.py", "text/x-python"),
        ("labs/runtime.whl", "application/zip"),
        ("fonts/a.woff2", "font/woff2"),
        ("unknown.zzz", "application/octet-stream"),
    ],
)
def test_entry_types_do_not_depend_on_the_machine(path: str, mimetype: str) -> None:
    assert entry_mimetype(path) == mimetype


def test_languages_are_iso_639_3_from_langcodes() -> None:
    codes = {code: zim_language(code) for code in ("en", "es", "pt", "fr", "ar", "pt-BR")}
    assert codes == {
        "en": "eng",
        "es": "spa",
        "pt": "por",
        "fr": "fra",
        "ar": "ara",
        "pt-BR": "por",
    }


def test_names_follow_the_openzim_convention_and_descriptions_fit() -> None:
    assert zim_name("TinyML Courseware", "pt-BR", "two_hour") == "tinyml-courseware_pt-br_two-hour"
    text = "A two-hour introductory workshop, with no hardware needed: what TinyML is, and more"
    short = shorten(text, 80)
    assert len(short) <= 80 and short.endswith("…") and text.startswith(short[:-1])
    assert shorten("Short enough", 80) == "Short enough"


def test_zim_holds_the_copy_its_metadata_illustration_and_main_page(tmp_path: Path) -> None:
    folder = _copy(tmp_path / "copy")
    illustration = copy_illustration(folder)
    with Image.open(io.BytesIO(illustration)) as image:
        assert (image.format, image.size) == ("PNG", (48, 48))
    long = "A long summary. " * 10
    data = write_zim(
        folder,
        _metadata(long_description=long),
        illustration,
        not_indexed={"search/index.html"},
    )
    assert data[:4] == b"ZIM\x04"
    (tmp_path / "copy.zim").write_bytes(data)
    archive = Archive(tmp_path / "copy.zim")
    assert archive.check()
    assert archive.main_entry.get_item().path == "index.html"
    keys = set(archive.metadata_keys) - {"Counter", "Illustration_48x48@1"}
    metadata = {key: bytes(archive.get_metadata(key)).decode() for key in keys}
    assert metadata == {
        "Name": "tinyml-courseware_en_short-course",
        "Title": "A short course",
        "Language": "eng",
        "Description": "Two modules and a lab",
        "LongDescription": long,
        "Creator": "Ada Example",
        "Publisher": "TinyML Courseware",
        "Date": "2026-12-04",
        "Tags": "_ftindex:yes;_pictures:yes;_videos:no;_details:yes",
    }
    assert bytes(archive.get_metadata("Illustration_48x48@1")) == illustration
    assert bytes(archive.get_illustration_item(48).content) == illustration
    page = archive.get_entry_by_path("modules/footprint/index.html").get_item()
    assert (page.title, page.mimetype) == ("Footprint", "text/html")
    notebook = archive.get_entry_by_path("labs/lab.ipynb").get_item()
    assert notebook.mimetype == "application/x-ipynb+json"
    assert bytes(notebook.content) == b'{"cells": []}'


def test_full_text_index_finds_article_words_and_not_navigation(tmp_path: Path) -> None:
    folder = _copy(tmp_path / "copy")
    data = write_zim(
        folder, _metadata(), copy_illustration(folder), not_indexed={"search/index.html"}
    )
    (tmp_path / "copy.zim").write_bytes(data)
    archive = Archive(tmp_path / "copy.zim")
    assert archive.has_fulltext_index and archive.has_title_index
    assert _search(archive, "wombat") == ["modules/footprint/index.html"]
    assert _search(archive, "footprint") == ["modules/footprint/index.html"]
    assert _search(archive, "navigationword") == []
    assert _search(archive, "scriptword") == []


def test_metadata_of_a_fixture_track_comes_from_the_registry(tmp_path: Path) -> None:
    registry = load_registry(REPO / "tests" / "fixtures" / "bundle")
    track = next(t for t in registry.tracks if t.id == "short-course")
    metadata = track_zim_metadata(registry, track, "es")
    assert metadata.language == "spa"
    assert metadata.title == "A short course"  # the track has no Spanish title
    assert metadata.description == "Two modules and a lab, for the offline bundle tests."
    assert metadata.long_description is None
    assert metadata.creator == "Ada Example"
    assert metadata.publisher == "courseware"  # the fixture has no mkdocs.yml
    assert metadata.name == "courseware_es_short-course"


def test_bundle_without_the_zim_extra_says_so_in_one_line(tmp_path: Path) -> None:
    # libzim hidden as if it were not installed: the import fails as it would then.
    script = (
        "import sys; sys.modules['libzim'] = None; sys.modules['libzim.writer'] = None\n"
        "from courseware.cli import main\n"
        "sys.argv = ['courseware', *sys.argv[1:]]\n"
        "main()\n"
    )
    project = REPO / "tests" / "fixtures" / "bundle"
    out = tmp_path / "copy.zim"
    arguments = ["bundle", "short-course", "--format", "zim", "--root", str(project)]
    result = subprocess.run(
        [sys.executable, "-c", script, *arguments, "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert result.stderr == (
        "Error: the ZIM format needs python-libzim (GPL-3.0), an optional extra: "
        "pip install 'courseware[zim]'\n"
    )
    assert not out.exists()

"""The track page's offer of its printed PDFs: each with its edition, language, pages and
size in the reader's language, as Markdown links MkDocs resolves, left out of the print."""

from __future__ import annotations

import markdown

from courseware.i18n.catalogs import translator
from courseware.site.render import TrackPrint, render_track_prints

PRINTS = [
    TrackPrint("prints/t-en-student.pdf", 857_068, "en", "student", 36),
    TrackPrint("prints/t-en-teacher.pdf", 999_958, "en", "teacher", 44),
]


def test_each_pdf_is_offered_with_its_edition_pages_and_size() -> None:
    html = markdown.markdown(
        render_track_prints(PRINTS, "en", translator("en")), extensions=["md_in_html"]
    )
    assert html.startswith('<div class="cw-track-prints cw-no-print">')
    assert '<a href="../prints/t-en-student.pdf">Student edition (English, PDF, 36 pages' in html
    assert "edition (English, PDF, 44 pages, 1,000 kB)</a>" in html


def test_the_labels_are_in_the_readers_language() -> None:
    text = render_track_prints(PRINTS, "ar", translator("ar"))
    html = markdown.markdown(text, extensions=["md_in_html"])
    assert "نسخة المعلّم (الإنجليزية، PDF، 44 صفحة" in html


def test_a_track_without_pdfs_offers_nothing() -> None:
    assert render_track_prints([], "en", translator("en")) == ""

"""The print kit: each track as a PDF per language and edition, printed by Chromium."""

from courseware.site.print.chromium import (
    PrintedPdf,
    chromium_browser,
    chromium_path,
    in_own_thread,
    print_pdf,
)
from courseware.site.print.document import (
    DocumentSources,
    PrintDocument,
    build_document,
    document_sources,
)
from courseware.site.print.front_pages import (
    EDITIONS,
    PAPER_SIZES_MM,
    Edition,
    Paper,
    edition_label,
)
from courseware.site.print.kit import (
    PRINTS_FOLDER,
    PrintedTrack,
    build_track_prints,
    lazy_chromium,
    offer_prints,
    print_file_name,
    print_track,
    track_print_languages,
)

__all__ = [
    "EDITIONS",
    "PAPER_SIZES_MM",
    "DocumentSources",
    "PRINTS_FOLDER",
    "Edition",
    "Paper",
    "PrintDocument",
    "PrintedPdf",
    "PrintedTrack",
    "build_document",
    "build_track_prints",
    "document_sources",
    "chromium_browser",
    "chromium_path",
    "edition_label",
    "in_own_thread",
    "lazy_chromium",
    "offer_prints",
    "print_file_name",
    "print_pdf",
    "print_track",
    "track_print_languages",
]

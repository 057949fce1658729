"""Import and export of the TinyMLedu registry format (the TinyMLedu website's
``_data/materials/full_courses.yml`` and ``workshops.yaml``).

``import_tinymledu`` reads such a file into one offering file per entry and returns an
``ImportReport`` saying, per entry and field, what was normalised and what needs a human;
``export_entries`` and ``dump_entries`` write offerings back in that format. One concern per
module: ``source`` (the file's shape), ``dates``, ``languages``, ``audiences``, ``links``,
``markup``, ``ids`` (the normalisers), ``notes`` (what the fields cannot hold), ``convert``
(one entry), ``writer`` (offering files), ``importer``, ``exporter``, ``report``.
"""

from courseware.registry.tinymledu.exporter import dump_entries, export_entries
from courseware.registry.tinymledu.importer import (
    ImportOptions,
    declared_languages,
    import_tinymledu,
)
from courseware.registry.tinymledu.report import EntryReport, ImportReport, render_report

__all__ = [
    "EntryReport",
    "ImportOptions",
    "ImportReport",
    "declared_languages",
    "dump_entries",
    "export_entries",
    "import_tinymledu",
    "render_report",
]

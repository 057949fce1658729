"""Datasheets for ML sensors (arXiv 2306.08848): the schema, a validator that returns
findings, the environmental section computed by ``courseware.footprint``, a materiality and
risk profile, and a Markdown renderer for the site.

A leaf library: it imports only ``courseware.errors``, ``yamlsafe``, ``validation``,
``textfields`` and ``footprint``, never MkDocs or the command line.

    >>> from pathlib import Path
    >>> from courseware.datasheet import check_file
    >>> result = check_file(Path("curriculum/sensors/person-sensor.yaml"))  # doctest: +SKIP
"""

from courseware.datasheet.environment import EnvironmentalSection, compute_environment
from courseware.datasheet.findings import Finding, count_by_severity, has_errors
from courseware.datasheet.load import LoadedDatasheet, load_datasheet, parse_datasheet
from courseware.datasheet.render import (
    GalleryEntry,
    datasheet_print_css,
    render_datasheet_page,
    render_gallery_page,
)
from courseware.datasheet.risk import RiskProfile, compute_risk_profile
from courseware.datasheet.schema import Datasheet
from courseware.datasheet.template import write_datasheet_template
from courseware.datasheet.validate import (
    CheckedDatasheet,
    all_checks,
    check_file,
    validate_datasheet,
)

__all__ = [
    "CheckedDatasheet",
    "Datasheet",
    "EnvironmentalSection",
    "Finding",
    "GalleryEntry",
    "LoadedDatasheet",
    "RiskProfile",
    "all_checks",
    "check_file",
    "compute_environment",
    "compute_risk_profile",
    "count_by_severity",
    "datasheet_print_css",
    "has_errors",
    "load_datasheet",
    "parse_datasheet",
    "render_datasheet_page",
    "render_gallery_page",
    "validate_datasheet",
    "write_datasheet_template",
]

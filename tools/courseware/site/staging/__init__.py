"""Stagers, each returning its part of the staged tree (files, sources, problems), and collect."""

from courseware.site.staging.assessment import SiteAssessment, load_site_assessment
from courseware.site.staging.collect import collect_site_files, site_stylesheet
from courseware.site.staging.curriculum import stage_tracks
from courseware.site.staging.front_matter import split_front_matter
from courseware.site.staging.hand_pages import MAX_PAGE_BYTES
from courseware.site.staging.home_page import restage_home_page
from courseware.site.staging.lab_catalogs import read_lab_prose
from courseware.site.staging.lab_facts import LabFacts, check_lab_references, read_lab_facts
from courseware.site.staging.parts import SiteParts, collect_site_parts
from courseware.site.staging.project_settings import MKDOCS_FILE, read_mkdocs_yml
from courseware.site.staging.source_map import LineMap, StagedSource, locate
from courseware.site.staging.staged import LabSummary, StagedFiles

__all__ = [
    "MAX_PAGE_BYTES",
    "MKDOCS_FILE",
    "LabFacts",
    "LabSummary",
    "LineMap",
    "SiteAssessment",
    "SiteParts",
    "StagedFiles",
    "StagedSource",
    "check_lab_references",
    "collect_site_files",
    "collect_site_parts",
    "load_site_assessment",
    "locate",
    "read_lab_facts",
    "read_lab_prose",
    "read_mkdocs_yml",
    "restage_home_page",
    "site_stylesheet",
    "split_front_matter",
    "stage_tracks",
]

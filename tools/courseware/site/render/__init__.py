"""Pure producers of the HTML and Markdown fragments pages are made of; no I/O."""

from courseware.site.render.assessment_pages import (
    SELF_CHECK_PAGE,
    form_page,
    render_form_page,
    render_self_check_link,
    render_self_check_page,
    render_track_tests,
)
from courseware.site.render.catalog import render_catalog_page, render_offering_page
from courseware.site.render.glossary_page import GLOSSARY_DOWNLOAD, render_glossary_page
from courseware.site.render.home_page import (
    ASSEMBLE_ANCHOR,
    HomeFacts,
    language_home,
    render_home_sections,
)
from courseware.site.render.html import attributes, element, escape, json_ld
from courseware.site.render.kit_index import KITS_INDEX, render_kit_index
from courseware.site.render.kit_questions import bank_texts, render_objective_checks
from courseware.site.render.lab_index import render_lab_index
from courseware.site.render.localized import (
    heading_attributes,
    in_language,
    language_attributes,
    language_marks,
    localized,
)
from courseware.site.render.markdown_text import markdown_text
from courseware.site.render.module_page import render_module_card, render_module_index
from courseware.site.render.notices import (
    fallback_notice,
    partly_translated_notice,
    stale_notice,
    text_direction,
    wrap_in_language,
)
from courseware.site.render.offline_search import (
    INDEX_SCRIPT,
    SEARCH_PAGE,
    SEARCH_SCRIPT,
    SearchEntry,
    index_script,
    page_entries,
    search_page,
)
from courseware.site.render.quiz import render_form, render_quiz
from courseware.site.render.syllabus_text import syllabus_text
from courseware.site.render.teaching_kit import (
    KIT_PAGE,
    ComputedValue,
    KitExercises,
    KitLab,
    render_teacher_plan,
    render_teaching_kit,
)
from courseware.site.render.theme_names import is_reserved_attribute, is_reserved_id
from courseware.site.render.track_page import (
    TrackDownload,
    TrackPrint,
    download_label,
    render_track_download,
    render_track_index,
    render_track_page,
    render_track_prints,
    track_print_css,
)
from courseware.site.render.translated_document import TranslatedDocument, translated_document

__all__ = [
    "GLOSSARY_DOWNLOAD",
    "render_glossary_page",
    "is_reserved_attribute",
    "is_reserved_id",
    "KIT_PAGE",
    "KITS_INDEX",
    "ComputedValue",
    "KitExercises",
    "KitLab",
    "render_teacher_plan",
    "render_teaching_kit",
    "ASSEMBLE_ANCHOR",
    "INDEX_SCRIPT",
    "HomeFacts",
    "SEARCH_PAGE",
    "SEARCH_SCRIPT",
    "SELF_CHECK_PAGE",
    "SearchEntry",
    "TrackDownload",
    "TrackPrint",
    "attributes",
    "bank_texts",
    "download_label",
    "element",
    "escape",
    "fallback_notice",
    "form_page",
    "partly_translated_notice",
    "heading_attributes",
    "in_language",
    "index_script",
    "json_ld",
    "language_home",
    "language_attributes",
    "language_marks",
    "localized",
    "markdown_text",
    "page_entries",
    "render_catalog_page",
    "render_form",
    "render_form_page",
    "render_home_sections",
    "render_kit_index",
    "render_lab_index",
    "render_module_card",
    "render_module_index",
    "render_objective_checks",
    "render_offering_page",
    "render_quiz",
    "render_self_check_link",
    "render_self_check_page",
    "render_track_download",
    "render_track_index",
    "render_track_page",
    "render_track_prints",
    "render_track_tests",
    "search_page",
    "stale_notice",
    "syllabus_text",
    "text_direction",
    "track_print_css",
    "translated_document",
    "TranslatedDocument",
    "wrap_in_language",
]

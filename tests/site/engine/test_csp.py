"""The pages' policy is written by the template from ``engine.csp`` (one policy for the meta
tag and for serve's headers, which ``tests/faults/test_serve.py`` checks)."""

from __future__ import annotations

from pathlib import Path

from courseware.site.engine.csp import DOCUMENT_POLICY, PAGE_POLICY, policy_for

TEMPLATE = Path(__file__).resolve().parents[3] / "tools/courseware/site/overrides/main.html"


def test_the_pages_meta_tag_takes_the_policy_from_the_plugin() -> None:
    text = TEMPLATE.read_text(encoding="utf-8")
    assert '<meta http-equiv="Content-Security-Policy" content="{{ courseware_csp or' in text
    assert "default-src 'none'" in text  # without the plugin, nothing is allowed


def test_pages_and_scripts_get_the_page_policy_other_documents_nothing() -> None:
    assert policy_for("text/html; charset=utf-8") == PAGE_POLICY
    assert policy_for("application/javascript") == PAGE_POLICY
    assert policy_for("image/svg+xml") == DOCUMENT_POLICY
    assert policy_for("application/json") == DOCUMENT_POLICY
    assert "script-src 'self'" in PAGE_POLICY and "sandbox" in DOCUMENT_POLICY

"""An offline copy holds its track's pre/post test forms and its modules' self-checks, lists
them in its navigation, and its home page gives the educator's instructions with links that
work inside the copy (tests/fixtures/assess: two tracks of one module)."""

from __future__ import annotations

from pathlib import Path

from courseware.i18n.catalogs import translator
from courseware.registry.load import load_registry
from courseware.site.offline.contents import bundle_contents
from courseware.site.staging import StagedFiles
from courseware.site.staging.assessment import (
    load_site_assessment,
    stage_self_checks,
    stage_test_forms,
)

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "assess" / "project"


def test_a_copy_holds_its_own_tracks_forms_and_the_self_checks_in_its_language() -> None:
    registry = load_registry(FIXTURE)
    assessment = load_site_assessment(registry)
    staged = StagedFiles()
    staged.merge(stage_self_checks(registry, assessment))
    staged.merge(stage_test_forms(registry, assessment))
    pilot = next(track for track in registry.tracks if track.id == "pilot")
    contents = bundle_contents(staged.files, registry, pilot, "es")
    forms = ["tracks/pilot/form-a.md", "tracks/pilot/form-b.md"]
    assert [name for name in contents.files if name.startswith("tracks/")] == forms
    assert contents.files[forms[0]] == staged.files["tracks/pilot/form-a.es.md"]
    assert (
        contents.files["modules/alpha/self-check.md"]
        == (staged.files["modules/alpha/self-check.es.md"])
    )
    gettext = translator("es")
    assert {gettext("Pre- and post-test"): forms} in contents.nav
    assert {gettext("Self-checks"): ["modules/alpha/self-check.md"]} in contents.nav
    home = contents.files["index.md"].decode("utf-8")
    assert "[Forma A](tracks/pilot/form-a.md)" in home
    assert "[Forma B](tracks/pilot/form-b.md)" in home

"""``courseware serve`` re-renders only the edited page (issue 19, item 2), and what it
serves then is what a full build serves: a real server on 127.0.0.1, real MkDocs, real HTTP.

The reference is a second ``courseware serve`` started on the edited project, whose first
build is a full one. The two differ only where serving differs by design: the port in the
site's URL and the live-reload script's epoch and request number, which are normalised.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.faults.test_serve import Served, _free_port, _poll, _start

from courseware.site.engine.csp import PAGE_POLICY

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("serve")]

MODULE_TEXT = Path("modules") / "intro" / "index.md"
MODULE_PAGE = "/modules/intro/"
RELOAD_TAG = re.compile(r'<script src="/livereload\.js\?epoch=\d+&amp;request=\d+"></script>')


@pytest.fixture
def edited(tmp_path: Path) -> Iterator[Served]:
    yield from _start(tmp_path / "warm")


def _normalised(served: Served, path: str) -> str:
    status, _, body = served.get(path)
    assert status == 200, (path, body[:500])
    body = RELOAD_TAG.sub("<script reload>", body)
    return body.replace(f"127.0.0.1:{served.port}", "127.0.0.1:PORT")


def _language_paths(served: Served) -> list[str]:
    """The module's page in every language the site has (a fallback page included)."""
    _, _, body = served.get(MODULE_PAGE)
    prefixes = sorted(set(re.findall(r'hreflang="([a-z]{2})"', body)))
    paths = [MODULE_PAGE] + [f"/{code}{MODULE_PAGE}" for code in prefixes]
    return [path for path in paths if served.get(path)[0] == 200]


def test_an_edited_module_page_is_re_rendered_alone_and_equals_a_full_build(
    edited: Served, tmp_path: Path
) -> None:
    source = edited.root / MODULE_TEXT
    marker = "Edited while serving, re-rendered warm."
    source.write_text(source.read_text(encoding="utf-8") + f"\n{marker}\n", encoding="utf-8")
    assert _poll(lambda: marker in edited.get(MODULE_PAGE)[2]), edited.output()
    assert _poll(lambda: "Re-rendered " in edited.output()), edited.output()
    # Re-staged by inputs: the edited module's parts only, not the whole project.
    restaged = r"Re-staged \d+ part\(s\) for the text of intro in"
    assert re.search(restaged, edited.output()), edited.output()
    paths = _language_paths(edited)
    assert len(paths) > 1, paths
    warm = {path: _normalised(edited, path) for path in paths + ["/modules/", "/"]}
    assert all(marker in warm[path] for path in paths)

    reference_root = tmp_path / "reference"
    reference_root.mkdir()
    shutil.copytree(edited.root, reference_root / "project", ignore=_generated)
    for full in _start_on(reference_root / "project", tmp_path / "reference-run"):
        for path, body in warm.items():
            assert body == _normalised(full, path), path


def test_a_title_change_reaches_every_page_that_shows_it(edited: Served, tmp_path: Path) -> None:
    """Other pages (listings, track pages, every page's navigation) show a module's title:
    after a changed title every page of the language is re-rendered warm, and each is then
    what a full build serves."""
    source = edited.root / "modules" / "intro" / "module.yaml"
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("title: Module intro", "title: A retitled module"), "utf-8")
    assert _poll(lambda: "A retitled module" in edited.get(MODULE_PAGE)[2]), edited.output()
    assert _poll(lambda: "A retitled module" in edited.get("/modules/")[2]), edited.output()
    assert _poll(lambda: "Re-rendered " in edited.output()), edited.output()
    paths = [MODULE_PAGE, "/modules/", "/", "/modules/sensing/"]
    warm = {path: _normalised(edited, path) for path in paths}
    reference_root = tmp_path / "reference"
    reference_root.mkdir()
    shutil.copytree(edited.root, reference_root / "project", ignore=_generated)
    for full in _start_on(reference_root / "project", tmp_path / "reference-run"):
        for path, body in warm.items():
            assert body == _normalised(full, path), path


def test_the_built_site_policy_has_no_live_reload(edited: Served) -> None:
    """Serving loads the poller as a same-origin file; the pages' own policy is the site's,
    with no 'unsafe-inline' and no live-reload allowance."""
    _, headers, body = edited.get(MODULE_PAGE)
    [meta] = re.findall(r'http-equiv="Content-Security-Policy" content="([^"]+)"', body)
    [scripts] = [part for part in html.unescape(meta).split(";") if "script-src" in part]
    assert scripts.split() == ["script-src", "'self'"], scripts
    assert "livereload" not in meta and html.unescape(meta) == PAGE_POLICY
    assert headers["content-security-policy"] == PAGE_POLICY
    assert re.search(r'<script src="/livereload\.js\?epoch=\d+', body)


def _generated(directory: str, names: list[str]) -> list[str]:
    return [name for name in names if name in ("build", "site", ".cache")]


def _start_on(root: Path, work: Path) -> Iterator[Served]:
    """``courseware serve`` on ``root`` as ``_start`` runs it on the fixture project."""
    work.mkdir()
    port = _free_port()
    log = work / "serve.log"
    with log.open("wb") as stream:
        process = subprocess.Popen(
            [sys.executable, "-c", "from courseware.cli import cli; cli()", "serve"]
            + ["--root", str(root), "--dev-addr", f"127.0.0.1:{port}"],
            stdout=stream,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    served = Served(root, port, process, log)

    def answers() -> bool:
        try:
            return process.poll() is not None or served.get("/")[0] == 200
        except OSError:
            return False

    try:
        assert _poll(answers) and process.poll() is None, served.output()
        yield served
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=60)

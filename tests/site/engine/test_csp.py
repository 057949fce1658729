"""``courseware serve`` sends the Content-Security-Policy with every response: the pages'
policy for pages and scripts, a policy under which nothing runs for an SVG or JSON file."""

from __future__ import annotations

import threading
import urllib.request
from pathlib import Path

import mkdocs.commands.serve as mkdocs_serve

from courseware.site.engine.csp import DOCUMENT_POLICY, PAGE_POLICY, policy_on_every_response


def _headers(url: str) -> dict[str, str]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return {name.lower(): value for name, value in response.getheaders()}


def test_every_response_of_the_serve_server_carries_the_policy(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<html><body>Home</body></html>", encoding="utf-8")
    (tmp_path / "figure.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', "utf-8")
    (tmp_path / "search.json").write_text("{}", encoding="utf-8")
    (tmp_path / "app.js").write_text("var x = 1;", encoding="utf-8")
    original = mkdocs_serve.__dict__["LiveReloadServer"]
    with policy_on_every_response():
        server = mkdocs_serve.__dict__["LiveReloadServer"](
            builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path)
        )
    assert mkdocs_serve.__dict__["LiveReloadServer"] is original  # restored after the block
    server.server_bind()
    server.server_activate()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        assert _headers(base)["content-security-policy"] == PAGE_POLICY
        assert _headers(base + "app.js")["content-security-policy"] == PAGE_POLICY
        assert _headers(base + "figure.svg")["content-security-policy"] == DOCUMENT_POLICY
        assert _headers(base + "search.json")["content-security-policy"] == DOCUMENT_POLICY
        try:
            urllib.request.urlopen(base + "missing.html", timeout=10)
        except urllib.error.HTTPError as error:
            assert error.code == 404
            assert error.headers["Content-Security-Policy"] in {PAGE_POLICY, DOCUMENT_POLICY}
    finally:
        server.shutdown()
        server.server_close()


def test_the_pages_carry_the_same_policy_in_their_meta_tag() -> None:
    template = Path(__file__).resolve().parents[3] / "tools/courseware/site/overrides/main.html"
    assert '<meta http-equiv="Content-Security-Policy" content="{{ courseware_csp or' in (
        template.read_text(encoding="utf-8")
    )
    assert (
        "script-src 'self'" in PAGE_POLICY
        and "'unsafe-inline'" not in PAGE_POLICY.split("style-src")[0]
    )

"""The server of ``courseware serve``: MkDocs' live-reload server, with the answers a
browser must get from it.

MkDocs' ``LiveReloadServer`` answers a NUL in the URL with a 500 and a traceback, holds every
request while the last rebuild failed ("the server will appear stuck until build errors are
resolved"), sends no Content-Security-Policy (our pages carry it as a ``<meta>`` tag, which a
directly opened SVG or text file does not have), and serves whichever ``404.html`` the last
language wrote. Here:

- a URL with malformed percent-encoding, bytes that are not UTF-8 or a control character
  (NUL included) is a 400, answered at once and logged in one line;
- while the content is invalid every page request gets a page listing the problems, each
  ``file:line: field: message``, at once; the next good build serves the site again;
- every response, MkDocs' and http.server's own error responses included, carries the
  site's Content-Security-Policy for its type (``engine.csp.policy_for``) and
  ``X-Content-Type-Options: nosniff``;
- a not-found page is the source language's ``404.html``;
- any other failure is a 500 with one log line, never a traceback in the browser;
- the live-reload script is a file of the site's own origin (``/livereload.js``), not the
  inline script MkDocs injects, which the policy (and our pages' own ``<meta>``) blocks;
- a watched folder is polled as often as its size allows (``polling_interval``): MkDocs
  polls every half second, which was half of the time from a saved edit to the reload on
  the bundled site; a small folder is polled every tenth of a second, one of thousands of
  files (1,000 modules) still every half second, so polling never takes much of a core.
"""

from __future__ import annotations

import html
import logging
import os
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any
from urllib.parse import unquote_to_bytes

from mkdocs.livereload import _SCRIPT_TEMPLATE, LiveReloadServer, _Handler, _timestamp

from courseware.site.engine.csp import policy_for

log = logging.getLogger("mkdocs.livereload")

NOSNIFF = ("X-Content-Type-Options", "nosniff")
"""A file is what its Content-Type says (an SVG is never sniffed into a page)."""

LIVE_RELOAD_SCRIPT = "/livereload.js"
_RELOAD_QUERY = re.compile(r"epoch=(\d{1,20})&request=(\d{1,20})")
_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_CONTROL_BYTES = re.compile(rb"[\x00-\x1f\x7f]")

StartResponse = Callable[..., Any]

FASTEST_POLL = 0.1
SLOWEST_POLL = 0.5
"""Seconds between two polls of a watched folder (MkDocs' own interval is the slowest)."""
FILES_PER_SECOND = 10_000
"""Files a poll may stat per second of interval: a poll costs a few microseconds a file."""


def polling_interval(path: str) -> float:
    """How often to poll ``path``: its number of files over ``FILES_PER_SECOND``, between
    ``FASTEST_POLL`` and ``SLOWEST_POLL`` (counting stops once the slowest is reached)."""
    enough = int(SLOWEST_POLL * FILES_PER_SECOND)
    count = 0
    for _dirpath, _dirnames, filenames in os.walk(path):
        count += len(filenames)
        if count >= enough:
            break
    return min(SLOWEST_POLL, max(FASTEST_POLL, count / FILES_PER_SECOND))


def bad_url_reason(raw_path: str) -> str | None:
    """Why the request path ``raw_path`` (as sent, before decoding) is not a URL of a page,
    or None when it is one."""
    path = raw_path.split("?", 1)[0].split("#", 1)[0]
    if _PERCENT.search(path):
        return "malformed percent-encoding"
    if not path.isascii() or not path.isprintable():
        return "characters that must be percent-encoded"
    decoded = unquote_to_bytes(path)
    if _CONTROL_BYTES.search(decoded):
        return "a control character"
    try:
        decoded.decode("utf-8")
    except UnicodeDecodeError:
        return "bytes that are not UTF-8"
    return None


class _CoursewareHandler(_Handler):
    """Keeps the path as the browser sent it, and puts the security headers on the
    responses http.server writes itself (its ``send_error`` for a malformed request line)."""

    def get_environ(self) -> dict[str, Any]:
        environ: dict[str, Any] = super().get_environ()
        environ["courseware.raw_path"] = self.path
        return environ

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        self._sending_error = True
        super().send_error(code, message, explain)

    def end_headers(self) -> None:
        if getattr(self, "_sending_error", False):
            self.send_header("Content-Security-Policy", policy_for("text/html"))
            self.send_header(*NOSNIFF)
        super().end_headers()


class CoursewareServer(LiveReloadServer):
    """MkDocs' live-reload server with clear answers (see the module docstring)."""

    def __init__(self, *args: Any, source_404: Callable[[], bytes | None], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.RequestHandlerClass = _CoursewareHandler
        self.failure: str | None = None
        """What the last build reported, while it failed; the page shown instead."""
        self.error_handler = lambda code: source_404() if code == 404 else None

    def watch(self, path: str, func: None = None, *, recursive: bool = True) -> None:
        """Watch ``path`` polled at its own interval (:func:`polling_interval`): watchdog's
        observer gives each folder scheduled its own emitter, made with the observer's
        timeout at that moment (``BaseObserver._timeout``; left alone if it ever goes)."""
        if hasattr(self.observer, "_timeout") and os.path.isdir(path):
            self.observer._timeout = polling_interval(path)
        super().watch(path, func, recursive=recursive)

    def serve_request(self, environ: dict[str, Any], start_response: StartResponse) -> Any:
        def respond(status: str, headers: list[tuple[str, str]], *exc_info: Any) -> Any:
            content_type = next((v for n, v in headers if n.lower() == "content-type"), "")
            names = {"content-security-policy", NOSNIFF[0].lower()}
            kept = [(name, value) for name, value in headers if name.lower() not in names]
            kept += [("Content-Security-Policy", policy_for(content_type)), NOSNIFF]
            return start_response(status, kept, *exc_info)

        return super().serve_request(environ, respond)

    def _serve_request(
        self, environ: dict[str, Any], start_response: StartResponse
    ) -> Iterable[bytes] | None:
        raw_path = environ.get("courseware.raw_path", environ.get("PATH_INFO", "/"))
        reason = bad_url_reason(raw_path)
        if reason is not None:
            log.warning(f"400: the URL has {reason}: {raw_path[:200]!r}")
            return _page(start_response, "400 Bad Request", "Bad request", f"The URL has {reason}.")
        path = environ.get("PATH_INFO", "/")
        if path == LIVE_RELOAD_SCRIPT:
            return _reload_script(start_response, environ.get("QUERY_STRING", ""))
        failure = self.failure
        if failure is not None and not path.startswith("/livereload/") and _is_page(path):
            page = _page(
                start_response,
                "500 Internal Server Error",
                "The site could not be built",
                "Fix these problems and save; this page then shows the site again.",
                failure.splitlines(),
            )
            return [self._inject_js_into_html(page[0], self._visible_epoch)]
        try:
            result: Iterable[bytes] | None = super()._serve_request(environ, start_response)
        except Exception as error:  # a request must never show a traceback
            log.error(f"500 for {path[:200]!r}: {type(error).__name__}: {error}")
            return _page(
                start_response,
                "500 Internal Server Error",
                "Server error",
                f"{type(error).__name__}: {error}",
            )
        return result

    def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
        """Load MkDocs' live-reload poller as a same-origin script, which the policy allows."""
        tag = f'<script src="{LIVE_RELOAD_SCRIPT}?epoch={epoch}&amp;request={_timestamp()}">'
        end = content.rfind(b"</body>")
        end = len(content) if end < 0 else end
        return content[:end] + tag.encode() + b"</script>" + content[end:]


def _reload_script(start_response: StartResponse, query: str) -> list[bytes]:
    """MkDocs' poller for the page that asked (its epoch and request number, digits only)."""
    match = _RELOAD_QUERY.fullmatch(query)
    if match is None:
        return _page(start_response, "400 Bad Request", "Bad request", "The URL has no epoch.")
    script = _SCRIPT_TEMPLATE.substitute(epoch=int(match[1]), request_id=int(match[2]))
    body = script.encode("utf-8")
    start_response(
        "200 OK",
        [
            ("Content-Type", "application/javascript; charset=utf-8"),
            ("Content-Length", str(len(body))),
            ("Cache-Control", "no-store"),
        ],
    )
    return [body]


def _is_page(path: str) -> bool:
    name = path.rsplit("/", 1)[-1]
    return not name or name.endswith(".html") or "." not in name


def _page(
    start_response: StartResponse,
    status: str,
    title: str,
    text: str,
    lines: Iterable[str] = (),
) -> list[bytes]:
    """A small HTML page, everything in it escaped (problem lines quote content)."""
    items = "".join(f"<li><code>{html.escape(line)}</code></li>\n" for line in lines if line)
    body = (  # Content-Length is left out: the live-reload script may still be added
        f'<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title></head>\n"
        f"<body>\n<h1>{html.escape(title)}</h1>\n<p>{html.escape(text)}</p>\n"
        + (f"<ul>\n{items}</ul>\n" if items else "")
        + "</body>\n</html>\n"
    ).encode("utf-8")
    start_response(status, [("Content-Type", "text/html; charset=utf-8")])
    return [body]


def read_source_404(site_dir: Path) -> Callable[[], bytes | None]:
    """The source language's not-found page in ``site_dir``, read when it is needed."""

    def read() -> bytes | None:
        page = site_dir / "404.html"
        try:
            return page.read_bytes()
        except OSError:
            return None

    return read

"""The Content-Security-Policy of the site: one policy for every page (a ``<meta>`` tag the
theme template writes) and, where a server can send headers (``courseware serve``), for
every response.

A static host sends no header of ours, which is why every published SVG is also cleaned
(``sanitize_svg``): a ``<meta>`` policy inside an SVG is not honoured.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

PAGE_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'"
)
"""No inline script or handler, nothing from another origin. Inline styles stay allowed:
Material sets some through ``style`` attributes."""

DOCUMENT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; sandbox"
"""For a response that is not a page nor a script (an SVG or a JSON file opened directly):
nothing runs, nothing loads but images. Scripts keep the page policy, since a worker's
policy is the one its script was sent with (Material's search worker fetches the index)."""

StartResponse = Callable[..., Any]
App = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]


def policy_for(content_type: str) -> str:
    """The policy header for a response of ``content_type``."""
    kind = content_type.split(";", 1)[0].strip().lower()
    if kind in {"text/html", "application/javascript", "text/javascript", ""}:
        return PAGE_POLICY
    return DOCUMENT_POLICY


def with_policy(app: App) -> App:
    """The WSGI application ``app`` with a Content-Security-Policy header on every response."""

    def application(environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        def start(status: str, headers: list[tuple[str, str]], *args: Any) -> Any:
            content_type = next(
                (value for name, value in headers if name.lower() == "content-type"), ""
            )
            headers = [(n, v) for n, v in headers if n.lower() != "content-security-policy"]
            headers.append(("Content-Security-Policy", policy_for(content_type)))
            return start_response(status, headers, *args)

        return app(environ, start)

    return application


@contextmanager
def policy_on_every_response() -> Iterator[None]:
    """Within the block, ``mkdocs serve``'s server sends the policy with every response.

    ``mkdocs.commands.serve`` makes its ``LiveReloadServer`` itself; the class it names is
    replaced, for the block, by one whose WSGI application adds the header. (MkDocs' live
    reload injects an inline script, which the pages' policy already blocks.)
    """
    import mkdocs.commands.serve as mkdocs_serve
    from mkdocs.livereload import LiveReloadServer

    class PolicyServer(LiveReloadServer):
        def set_app(self, application: Any) -> None:
            super().set_app(with_policy(application))

    original = mkdocs_serve.__dict__["LiveReloadServer"]
    setattr(mkdocs_serve, "LiveReloadServer", PolicyServer)  # noqa: B010
    try:
        yield
    finally:
        setattr(mkdocs_serve, "LiveReloadServer", original)  # noqa: B010

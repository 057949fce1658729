"""The Content-Security-Policy of the site: one policy for every page (a ``<meta>`` tag the
theme template writes, from :data:`PAGE_POLICY`, which the plugin gives the templates) and,
where a server can send headers (``courseware serve``, ``engine.live_server``), for every
response.

A static host sends no header of ours, which is why every published SVG is also cleaned
(``sanitize_svg``): a ``<meta>`` policy inside an SVG is not honoured.
"""

from __future__ import annotations

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


def policy_for(content_type: str) -> str:
    """The policy header for a response of ``content_type``."""
    kind = content_type.split(";", 1)[0].strip().lower()
    if kind in {"text/html", "application/javascript", "text/javascript", ""}:
        return PAGE_POLICY
    return DOCUMENT_POLICY

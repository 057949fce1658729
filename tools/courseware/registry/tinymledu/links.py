"""Make TinyMLedu's link addresses into the absolute https links the registry accepts.

The TinyMLedu site links its own pages by relative address ("/SciTinyML-22/") and some
partners by plain http. Our registry holds only absolute https links, so a relative address
is resolved against the site's base URL when one is given, an http one is written with https
(and a warning: the upgraded address may not answer), and anything else is left for a human.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal
from urllib.parse import urljoin, urlsplit

from courseware.textfields import check_https_url

UrlOutcome = Literal["https", "resolved", "upgraded", "relative", "refused"]
"""``https``: kept as written. ``resolved``: a relative address joined to the base URL.
``upgraded``: http written as https. ``relative``: relative with no base URL to resolve it.
``refused``: not a web address the registry can hold (mailto:, javascript:, spaces...)."""


@dataclass(frozen=True)
class UrlReading:
    """A source address, the https link made of it (None when none could be), and how."""

    original: str
    url: str | None
    outcome: UrlOutcome
    reason: str = ""
    """Why ``url`` is None, in words for the report and the note."""


def check_base_url(base_url: str) -> str:
    """Return the base URL with a trailing slash, so "/x" and "x" both join under it.

    Raises:
        ValueError: when it is not an absolute https URL.
    """
    check_https_url(base_url)
    return base_url if base_url.endswith("/") else f"{base_url}/"


def read_url(address: str, base_url: str | None) -> UrlReading:
    """Read one address from a TinyMLedu ``url`` field."""
    address = address.strip()
    parts = urlsplit(address)
    scheme = parts.scheme.lower()
    if not address:
        return UrlReading(address, None, "refused", "the address is empty")
    if scheme == "https":
        return _checked(address, address, "https")
    if scheme == "http":
        return _checked(address, f"https{address[len('http') :]}", "upgraded")
    if scheme:
        return UrlReading(address, None, "refused", f"{scheme}: is not a web address")
    if address.startswith("//"):
        return _checked(address, f"https:{address}", "resolved")
    if base_url is None:
        return UrlReading(address, None, "relative", "relative, and no --base-url was given")
    return _checked(address, urljoin(base_url, address.lstrip("/")), "resolved")


def _checked(original: str, url: str, outcome: UrlOutcome) -> UrlReading:
    try:
        check_https_url(url)
    except ValueError as error:
        return UrlReading(original, None, "refused", str(error))
    return UrlReading(original, url, outcome)


def relative_to_base(url: str, base_url: str | None) -> str:
    """Write a link under ``base_url`` back as the site-relative address TinyMLedu uses."""
    if base_url and url.startswith(base_url):
        return "/" + url[len(base_url) :]
    return url

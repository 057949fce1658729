"""Licences of teaching material, and what licence a remix of several of them must carry.

Tracks combine modules, and modules adapt other people's material. Creative Commons 4.0
licences decide what the result may be: NonCommercial (NC) terms travel into the remix,
ShareAlike (SA) fixes the remix's licence, and CC BY-SA with any NC material cannot be
combined at all. NoDerivatives licences are not offered: a module must allow translation and
re-timing, which are adaptations. Sources: the Creative Commons licence compatibility chart
(https://wiki.creativecommons.org/wiki/ShareAlike_compatibility) and the licence deeds linked
in ``LICENSES``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Annotated

from pydantic import AfterValidator

from courseware import problem_codes as codes
from courseware.errors import InvalidValue
from courseware.validation import did_you_mean


@dataclass(frozen=True)
class LicenseTerms:
    """One licence we accept for teaching material, with the terms that matter when mixing."""

    spdx: str
    name: str
    url: str
    is_noncommercial: bool
    is_sharealike: bool
    needs_attribution: bool


LICENSES: dict[str, LicenseTerms] = {
    terms.spdx: terms
    for terms in (
        LicenseTerms(
            "CC0-1.0",
            "CC0 1.0",
            "https://creativecommons.org/publicdomain/zero/1.0/",
            is_noncommercial=False,
            is_sharealike=False,
            needs_attribution=False,
        ),
        LicenseTerms(
            "CC-BY-4.0",
            "CC BY 4.0",
            "https://creativecommons.org/licenses/by/4.0/",
            is_noncommercial=False,
            is_sharealike=False,
            needs_attribution=True,
        ),
        LicenseTerms(
            "CC-BY-SA-4.0",
            "CC BY-SA 4.0",
            "https://creativecommons.org/licenses/by-sa/4.0/",
            is_noncommercial=False,
            is_sharealike=True,
            needs_attribution=True,
        ),
        LicenseTerms(
            "CC-BY-NC-4.0",
            "CC BY-NC 4.0",
            "https://creativecommons.org/licenses/by-nc/4.0/",
            is_noncommercial=True,
            is_sharealike=False,
            needs_attribution=True,
        ),
        LicenseTerms(
            "CC-BY-NC-SA-4.0",
            "CC BY-NC-SA 4.0",
            "https://creativecommons.org/licenses/by-nc-sa/4.0/",
            is_noncommercial=True,
            is_sharealike=True,
            needs_attribution=True,
        ),
    )
}
"""SPDX identifier to terms; SPDX ids from https://spdx.org/licenses/."""


def check_license_id(value: str) -> str:
    """Accept an SPDX id from ``LICENSES``; suggest the nearest one otherwise."""
    if value in LICENSES:
        return value
    suggestion = did_you_mean(value.replace(" ", "-"), LICENSES)
    if "ND" in value.upper().split("-"):
        reason = "NoDerivatives licences forbid the translations and re-timing modules need"
        message = f"{value!r} is not accepted: {reason}{suggestion}"
        raise InvalidValue(message, codes.LICENSE_NOT_ACCEPTED)
    raise InvalidValue(
        f"{value!r} is not a licence we accept; use one of {', '.join(LICENSES)}{suggestion}",
        codes.LICENSE_NOT_ACCEPTED,
    )


LicenseId = Annotated[str, AfterValidator(check_license_id)]
"""An SPDX licence identifier from ``LICENSES``."""


@dataclass(frozen=True)
class LicenseConflict:
    """Two licensed works that cannot be part of one remix, and why."""

    first: str
    first_license: str
    second: str
    second_license: str

    @property
    def message(self) -> str:
        """Why the two cannot be combined."""
        return (
            f"{self.first!r} ({self.first_license}) and {self.second!r} "
            f"({self.second_license}) cannot be combined: ShareAlike without NonCommercial "
            "forbids adding NonCommercial terms; drop one or ask for a different licence"
        )


@dataclass(frozen=True)
class CombinedLicense:
    """The licence a remix must carry (None when its parts conflict) and the conflicts."""

    spdx: str | None
    conflicts: tuple[LicenseConflict, ...]


def combine_licenses(works: Iterable[tuple[str, str]]) -> CombinedLicense:
    """Find the least restrictive licence a remix of ``works`` may carry.

    Args:
        works: (name, SPDX id) pairs, for example (module id, module licence).

    Returns:
        The resulting licence and every conflicting pair, naming both works.
    """
    pairs = [(name, LICENSES[spdx]) for name, spdx in works if spdx in LICENSES]
    if not pairs:
        return CombinedLicense("CC0-1.0", ())
    by_sa = [(n, t) for n, t in pairs if t.is_sharealike and not t.is_noncommercial]
    noncommercial = [(n, t) for n, t in pairs if t.is_noncommercial]
    conflicts = tuple(
        LicenseConflict(sa_name, sa.spdx, nc_name, nc.spdx)
        for sa_name, sa in by_sa
        for nc_name, nc in noncommercial
    )
    if conflicts:
        return CombinedLicense(None, conflicts)
    if all(not t.needs_attribution for _, t in pairs):
        return CombinedLicense("CC0-1.0", ())
    is_nc = bool(noncommercial)
    is_sa = any(t.is_sharealike for _, t in pairs)
    spdx = "CC-BY" + ("-NC" if is_nc else "") + ("-SA" if is_sa else "") + "-4.0"
    return CombinedLicense(spdx, ())


def may_relicense(own: str, required: str) -> bool:
    """Whether a work licensed ``own`` satisfies a remix that requires ``required``."""
    combined = combine_licenses([("own", own), ("required", required)])
    return combined.spdx == own

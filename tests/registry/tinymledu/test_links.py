"""Making TinyMLedu addresses into absolute https links."""

from __future__ import annotations

import pytest

from courseware.registry.tinymledu.links import check_base_url, read_url, relative_to_base

BASE = "https://tinyml.seas.harvard.edu/"


def test_keeps_https() -> None:
    reading = read_url("https://www.ictp.it/", BASE)
    assert (reading.url, reading.outcome) == ("https://www.ictp.it/", "https")


def test_resolves_relative_links_against_the_base_url() -> None:
    assert read_url("/SciTinyML-22/", BASE).url == "https://tinyml.seas.harvard.edu/SciTinyML-22/"
    assert read_url("CRESTLEX3/", BASE).outcome == "resolved"
    assert read_url("//example.org/x", None).url == "https://example.org/x"


def test_a_relative_link_without_base_url_is_not_imported() -> None:
    reading = read_url("/SciTinyML-22/", None)
    assert (reading.url, reading.outcome) == (None, "relative")
    assert "--base-url" in reading.reason


def test_upgrades_http() -> None:
    reading = read_url("http://www.aau.edu.et/", None)
    assert (reading.url, reading.outcome) == ("https://www.aau.edu.et/", "upgraded")
    assert reading.original == "http://www.aau.edu.et/"


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("mailto:someone@example.org", "mailto: is not a web address"),
        ("javascript:alert(1)", "javascript: is not a web address"),
        ("https://example.org/a b", "must not contain spaces"),
        ("", "empty"),
    ],
)
def test_refuses_what_is_not_a_web_link(address: str, reason: str) -> None:
    reading = read_url(address, BASE)
    assert (reading.url, reading.outcome) == (None, "refused")
    assert reason in reading.reason


def test_base_url_must_be_https_and_gets_a_slash() -> None:
    assert check_base_url("https://tinyml.seas.harvard.edu") == BASE
    with pytest.raises(ValueError, match="https"):
        check_base_url("http://tinyml.seas.harvard.edu")


def test_links_under_the_base_url_are_written_relative() -> None:
    assert relative_to_base(f"{BASE}SciTinyML-22/", BASE) == "/SciTinyML-22/"
    assert relative_to_base("https://www.ictp.it/", BASE) == "https://www.ictp.it/"
    assert relative_to_base(f"{BASE}x", None) == f"{BASE}x"

"""The MkDocs plugin list of every run, computed from the registry.

The project's ``mkdocs.yml`` holds the theme and Markdown settings; the plugins are computed
here because the languages (the i18n plugin's, and the search plugin's stemmers) come from
``curriculum/languages.yaml``, the one place languages are declared. Each plugin is built
by its own function and named, never patched by its position in a list.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from courseware.registry.load import Registry

PluginEntry = dict[str, dict[str, Any]]


def search_plugin(codes: Sequence[str]) -> PluginEntry:
    """MkDocs' search with the stemmers of ``codes`` (lunr falls back to English for a
    language it has no stemmer for)."""
    return {"search": {"lang": list(codes)}}


def i18n_plugin(languages: list[dict[str, Any]]) -> PluginEntry:
    """mkdocs-static-i18n over the suffix structure (``x.md``, ``x.es.md``)."""
    return {
        "i18n": {
            "docs_structure": "suffix",
            "fallback_to_default": True,
            "reconfigure_material": True,
            # Its search de-duplication is quadratic and gives the same index for this
            # layout (measured: 43 % of a 1000-page build in three languages).
            "reconfigure_search": False,
            "languages": languages,
        }
    }


def courseware_plugin(**options: Any) -> PluginEntry:
    """Our plugin (``engine.plugin``) with ``options`` (see ``engine.config``)."""
    return {"courseware": options}


def _i18n_language(registry: Registry, code: str, *, is_default: bool) -> dict[str, Any]:
    return {
        "locale": code,
        "name": registry.language(code).native_name,
        "default": is_default,
        "build": True,
    }


def plugin_config(registry: Registry, **courseware: Any) -> list[PluginEntry | str]:
    """The plugin list of a single run over every language (``courseware serve``): search
    with every declared language, i18n with the source language first, ours.

    Args:
        courseware: options for our plugin, such as ``restage_root``.
    """
    source = registry.source_language.code
    codes = sorted(registry.language_codes, key=lambda code: code != source)
    languages = [_i18n_language(registry, code, is_default=code == source) for code in codes]
    ours: PluginEntry | str = courseware_plugin(**courseware) if courseware else "courseware"
    return [search_plugin(registry.language_codes), i18n_plugin(languages), ours]


def language_plugin_config(
    registry: Registry, language: str, render_cache: str | None = None
) -> list[PluginEntry | str]:
    """The plugin list for building one language on its own (see ``language_builds``).

    Args:
        render_cache: the folder of converted pages the run reuses (``engine.page_cache``);
            left out of the languages' fingerprints, since it changes no page.
    """
    cache = {"render_cache": render_cache} if render_cache else {}
    return [
        search_plugin([language]),
        i18n_plugin([_i18n_language(registry, language, is_default=True)]),
        courseware_plugin(
            language=language,
            source_language=registry.source_language.code,
            languages=[
                {"code": code, "name": registry.language(code).native_name}
                for code in registry.language_codes
            ],
            **cache,
        ),
    ]

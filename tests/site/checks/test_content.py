"""Unit tests of the pre-MkDocs content checks: line mapping, scans, limits, names, YAML."""

from __future__ import annotations

from courseware import problem_codes as codes
from courseware.site.checks.markdown_scan import check_structure, scan_markdown
from courseware.site.checks.paths import check_file_name, check_url_collisions
from courseware.site.checks.render_limits import (
    MarkdownSettings,
    RenderResult,
    deepest_nesting,
    render_all,
)
from courseware.site.staging.source_map import StagedSource, locate
from courseware.yamlsafe import YamlProblem, decode_text, parse_yaml_text


def test_staged_lines_map_back_to_the_contributed_file() -> None:
    text = "---\ntranslators: [Ana]\n---\n\n# Home\n\n[x](y.md)\n"
    body = text[text.index("\n# Home") :]
    source = StagedSource.of("pages/index.md", text, body)
    staged = "---\ncourseware: {}\n---\n\n# Title\n\n<p>card</p>\n\n" + body.strip() + "\n"
    line_map = locate(staged, source)
    assert line_map is not None
    assert line_map.to_source(9) == 5  # "# Home"
    assert line_map.to_source(11) == 7  # the link
    assert line_map.to_source(5) is None  # the generated title


def test_scan_checks_alt_headings_and_link_text_with_lines() -> None:
    page = "# T\n\n### Skip\n\n![](a.png)\n\n[here](b.md)\n\n!!! note\n    ![figure](c.png)\n"
    problems = check_structure(scan_markdown(page), "p.md", lambda line: line)
    assert [(p.file, p.line, p.severity, p.code) for p in problems] == [
        ("p.md", 3, "warning", codes.SKIPPED_HEADING_LEVEL),
        ("p.md", 5, "error", codes.IMAGE_ALT_MISSING),
        ("p.md", 7, "warning", codes.VAGUE_LINK_TEXT),
        ("p.md", 10, "warning", codes.IMAGE_ALT_MEANINGLESS),
    ]
    # The hints are the point: the level to use, how to mark a decorative image.
    assert problems[0].message.endswith("use ## so no level is skipped")
    assert "{.decorative}" in problems[1].message


def test_nesting_is_measured_linearly_and_slow_pages_are_stopped() -> None:
    nested = "\n".join("    " * depth + "- x" for depth in range(60))
    assert deepest_nesting(nested) == (60, 51)
    assert deepest_nesting("> " * 3 + "quote\n```\n" + "> " * 80 + "\n```\n")[0] == 3
    [slow, fast] = render_all(["[" * 50_000, "# Hi\n"], MarkdownSettings(), 0.5)
    assert slow.failure == "slow"
    assert fast.failure is None and fast.ids == {"hi"}


def test_file_names_and_collisions() -> None:
    assert check_file_name("fine-name_1.md", "pages/fine-name_1.md") == []
    [problem] = check_file_name("a#b.md", "pages/a#b.md")
    assert (problem.file, problem.code) == ("pages/a#b.md", codes.UNSAFE_FILE_NAME)
    assert "'#', which starts a link's anchor" in problem.message
    [hidden] = check_file_name("a\u200bb.md", "pages/a\\u200bb.md")
    assert hidden.code is codes.UNSAFE_FILE_NAME and "U+200B" in hidden.message
    sources = {"About.md": StagedSource("pages/About.md", "# A", 1)}
    [collision] = check_url_collisions(["About.md", "about/index.md"], sources, ["en", "es"])
    assert (collision.file, collision.code) == ("pages/About.md", codes.URL_COLLISION)
    assert "the same address /about/ as the generated page about/index.md" in collision.message


def test_yaml_tags_utf16_and_bom() -> None:
    try:
        parse_yaml_text('run: !!python/object/apply:os.system ["touch x"]\n', "f.yaml")
    except YamlProblem as problem:
        assert (problem.line, problem.field_name, problem.code) == (1, "run", codes.YAML_TAG)
        assert "!!python/object/apply:os.system" in problem.message
    else:
        raise AssertionError("the tag was accepted")
    assert decode_text(b"\xef\xbb\xbfid: x\n", "f.yaml") == ("id: x\n", [])
    text, [utf16_problem] = decode_text("id: x\n".encode("utf-16"), "f.yaml")
    assert text is None and (utf16_problem.file, utf16_problem.line) == ("f.yaml", 1)
    assert utf16_problem.code is codes.UTF16_FILE


def test_outside_the_main_thread_pages_render_in_a_worker_process() -> None:
    """``mkdocs serve`` rebuilds in a thread, where the alarm signal is not available."""
    import threading

    results: list[RenderResult] = []
    worker = threading.Thread(
        target=lambda: results.extend(render_all(["[" * 50_000, "# Hi\n"], MarkdownSettings(), 1))
    )
    worker.start()
    worker.join()
    [slow, fast] = results
    assert slow.failure == "slow"
    assert fast.ids == {"hi"}

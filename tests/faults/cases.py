"""The fault scenarios the builder must survive, one tiny fixture each.

Each case writes a few files into a copy of a project that built cleanly, and lists the
problem lines ``courseware build`` must print (each an exact ``path:line``, the start of the
message and the problem code it ends with; every printed problem must be listed) and the
exit code. Cases whose expected behaviour is to build with warnings, or to sanitise, exit 0.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

SENTINEL = "SENTINEL-created"
"""A file the hostile inputs try to create in the project; it must never exist."""

Prepare = Callable[[Path], None]

Expected = tuple[str, str]
"""The start of a printed problem and the code the line must end with (``CW-SITE-011``)."""


@dataclass(frozen=True)
class Fault:
    """One scenario: the files to write, the problems expected, the exit code."""

    number: int
    name: str
    files: dict[str, str | bytes] = field(default_factory=dict)
    expected: tuple[Expected, ...] = ()
    exit_code: int = 1
    prepare: Prepare | None = None
    """Anything files cannot express: links, removals, directories."""
    options: tuple[str, ...] = ()
    """Options added to ``courseware build --root ROOT``, run from inside the project (so a
    relative path is taken from there, as a user typing in the project would)."""
    says: tuple[str, ...] = ()
    """Lines the build must print besides the problems (a refused option's one line)."""

    @property
    def id(self) -> str:
        return f"{self.number:02d}-{self.name}"


OFFERING = """\
id: {id}
kind: workshop
title: {title}
dates: {{start: '2023'}}
audience: [everyone]
language_of_instruction: [en]
language_of_materials: [en]
"""


def offering(offering_id: str, title: str = "A workshop", extra: str = "") -> str:
    """A valid offering file (plus ``extra`` lines)."""
    return OFFERING.format(id=offering_id, title=title) + extra


def alias_bomb() -> str:
    lines = ["id: bomb", 'a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 9):
        refs = ", ".join([f"*a{level - 1}"] * 9)
        lines.append(f"a{level}: &a{level} [{refs}]")
    return "\n".join(lines) + "\n"


def _symlinks(root: Path) -> None:
    os.symlink("/etc/passwd", root / "pages" / "passwd.md")
    os.symlink("/etc", root / "modules" / "intro" / "etc")
    os.symlink(".", root / "pages" / "loop")
    os.symlink("nowhere.md", root / "pages" / "dangling.md")


def _cycle(root: Path, modules: tuple[str, str]) -> None:
    first, second = modules
    _append(root / "modules" / first / "module.yaml", f"prerequisites: [{second}]\n")
    _append(root / "modules" / second / "module.yaml", f"prerequisites: [{first}]\n")


def _stale_temporaries(root: Path) -> None:
    for name in (".site.tmp-site-99999", ".site.old-site-99999"):
        (root / name).mkdir()
        (root / name / "index.html").write_text("half a site", encoding="utf-8")


def _git_folder(root: Path) -> None:
    (root / ".git").mkdir()
    (root / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")


def _site_link(root: Path) -> None:
    os.symlink("site", root / "published")


def _nested(levels: int) -> str:
    return "# Deep\n\n" + "\n".join("    " * depth + "- item" for depth in range(levels)) + "\n"


def lab(title: str, body: str) -> str:
    header = (
        f"# ---\n# title: {title}\n# module: intro\n# duration_minutes: 1\n"
        "# connectivity: none\n# hardware: none\n# ---\n\n"
    )
    return header + body


NFC = unicodedata.normalize("NFC", "café")
NFD = unicodedata.normalize("NFD", "café")
SYMLINK_MESSAGE = "symbolic links are not allowed in content folders; replace it with a real file"
BIG = 5 * 1024 * 1024
HUGE = offering("huge", "x" * (10 * 1024 * 1024))

FAULTS: tuple[Fault, ...] = (
    Fault(
        1,
        "yaml-syntax",
        {"curriculum/offerings/broken.yaml": "id: broken\nkind: workshop\ntitle: [unclosed\n"},
        (("curriculum/offerings/broken.yaml:4: not valid YAML", "CW-YAML-001"),),
    ),
    Fault(
        2,
        "duplicate-key",
        {"curriculum/offerings/twice.yaml": offering("twice") + "title: Again\n"},
        (
            (
                "curriculum/offerings/twice.yaml:8: title: duplicate key (first given on line 3); "
                "keep only one",
                "CW-YAML-007",
            ),
        ),
    ),
    Fault(
        3,
        "unknown-key",
        {"curriculum/offerings/typo.yaml": offering("typo") + "titel: Typo\n"},
        (
            (
                "curriculum/offerings/typo.yaml:8: titel: unknown field 'titel'; "
                "did you mean 'title'?",
                "CW-SCH-002",
            ),
        ),
    ),
    Fault(
        4,
        "yaml11-coercion",
        {
            "curriculum/offerings/coerced.yaml": offering("coerced").replace(
                "title: A workshop", "title: 1.10"
            )
        },
        (
            (
                "curriculum/offerings/coerced.yaml:3: title: '1.10' was read by YAML as the number "
                '1.1, not text; quote it: "1.10"',
                "CW-SCH-004",
            ),
        ),
    ),
    Fault(
        5,
        "alias-bomb",
        {"curriculum/offerings/bomb.yaml": alias_bomb()},
        (
            (
                "curriculum/offerings/bomb.yaml:2: YAML anchors (&a0) are not allowed; "
                "write the value out in full",
                "CW-YAML-003",
            ),
        ),
    ),
    Fault(
        6,
        "recursive-alias",
        {"curriculum/offerings/loop.yaml": "id: loop\nitems: &a [*a]\n"},
        (
            (
                "curriculum/offerings/loop.yaml:2: YAML anchors (&a) are not allowed; "
                "write the value out in full",
                "CW-YAML-003",
            ),
        ),
    ),
    Fault(
        7,
        "python-tag",
        {
            "curriculum/offerings/tag.yaml": offering("tag")
            + f'notes: !!python/object/apply:os.system ["touch {SENTINEL}"]\n',
        },
        (
            (
                "curriculum/offerings/tag.yaml:8: notes: YAML tags "
                "(!!python/object/apply:os.system) are not allowed",
                "CW-YAML-004",
            ),
        ),
    ),
    Fault(
        8,
        "ten-megabyte-title",
        {"curriculum/offerings/huge.yaml": HUGE},
        (
            (
                f"curriculum/offerings/huge.yaml: file is {len(HUGE)} bytes, over the "
                "262144-byte limit",
                "CW-FILE-002",
            ),
        ),
    ),
    Fault(
        9,
        "encodings-markdown",
        {
            "pages/about.md": "\ufeff# About\n\nA page saved with a byte order mark.\n",
            "pages/utf16.md": "# UTF-16\n".encode("utf-16"),
            "pages/latin.md": "# Latin\n\nCaf\u00e9\n".encode("latin-1"),
        },
        (
            ("pages/latin.md:3: not UTF-8 text (byte 12); save the file as UTF-8", "CW-FILE-006"),
            ("pages/utf16.md:1: file is UTF-16 text (byte order mark at byte 0)", "CW-FILE-004"),
        ),
    ),
    Fault(
        9,
        "encodings-yaml",
        {
            "curriculum/offerings/bom.yaml": "\ufeff" + offering("bom"),
            "curriculum/offerings/wide.yaml": offering("wide").encode("utf-16-le"),
        },
        (
            (
                "curriculum/offerings/wide.yaml:1: NUL byte at byte 1: not UTF-8 text (UTF-16?)",
                "CW-FILE-005",
            ),
        ),
    ),
    Fault(
        10,
        "same-id-twice",
        {"curriculum/offerings/zz-copy.yaml": offering("unifei-iesti01")},
        (
            (
                "curriculum/offerings/zz-copy.yaml:1: id: 'unifei-iesti01' differs from the "
                "file name",
                "CW-REG-006",
            ),
            (
                "curriculum/offerings/zz-copy.yaml:1: id: 'unifei-iesti01' is already used by "
                "curriculum/offerings/unifei-iesti01.yaml; ids must be unique",
                "CW-REG-007",
            ),
        ),
    ),
    Fault(
        11,
        "unknown-module",
        {
            "curriculum/tracks/short.yaml": "id: short\ntitle: A short course\nlanguage: en\n"
            "audience: [everyone]\ntime_budget_minutes: 120\nsessions:\n"
            "  - title: First steps\n    items:\n      - intro\n      - sensnig\n"
        },
        (
            (
                "curriculum/tracks/short.yaml:10: sessions[0].items[1].module: unknown module "
                "'sensnig'; nearest ids: sensing",
                "CW-REG-011",
            ),
        ),
    ),
    Fault(
        12,
        "prerequisite-cycle",
        prepare=lambda root: _cycle(root, ("intro", "sensing")),
        expected=(
            (
                "curriculum/tracks/short.yaml:9: sessions[0].items[0].module: modules intro, "
                "sensing "
                "are in the prerequisite cycle intro → sensing → intro",
                "CW-REG-012",
            ),
            (
                "modules/intro/module.yaml:18: prerequisites[0]: prerequisite cycle "
                "intro → sensing → intro",
                "CW-REG-012",
            ),
        ),
    ),
    Fault(
        13,
        "not-a-mapping",
        {
            "curriculum/offerings/list.yaml": "- id: list\n- kind: workshop\n",
            "curriculum/offerings/empty.yaml": "# nothing here yet\n",
        },
        (
            (
                "curriculum/offerings/empty.yaml:1: file is empty; add the entry or delete "
                "the file",
                "CW-FILE-003",
            ),
            (
                "curriculum/offerings/list.yaml:1: expected a mapping of fields, found list",
                "CW-SCH-001",
            ),
        ),
    ),
    Fault(
        14,
        "markup-in-metadata",
        {
            "curriculum/offerings/xss.yaml": offering("xss", "'<img src=x onerror=alert(1)>'")
            + "description: '\"><script>alert(5)</script>'\n"
        },
        (
            (
                "curriculum/offerings/xss.yaml:3: title: markup is not allowed in plain text",
                "CW-SCH-013",
            ),
            (
                "curriculum/offerings/xss.yaml:8: description: markup is not allowed in plain text",
                "CW-SCH-013",
            ),
        ),
    ),
    Fault(
        15,
        "unsafe-url-schemes",
        {
            "curriculum/offerings/urls.yaml": offering("urls")
            + "links:\n  - {label: Run, url: 'javascript:alert(1)'}\n"
            "  - {label: Data, url: 'data:text/html,hi'}\n"
            "  - {label: Plain, url: 'http://example.org/'}\n"
        },
        (
            (
                "curriculum/offerings/urls.yaml:9: links[0].url: javascript: is not allowed",
                "CW-SCH-012",
            ),
            ("curriculum/offerings/urls.yaml:10: links[1].url: data: is not allowed", "CW-SCH-012"),
            ("curriculum/offerings/urls.yaml:11: links[2].url: links must use https", "CW-SCH-012"),
        ),
    ),
    Fault(
        16,
        "invisible-characters-in-metadata",
        {
            "curriculum/offerings/bidi.yaml": offering("bidi", "'Safe \u202egnp.exe'")
            + "subtitle: 'Zero\u200bwidth'\n"
        },
        (
            (
                "curriculum/offerings/bidi.yaml:3: title: control character U+202E at position 6",
                "CW-SCH-013",
            ),
            (
                "curriculum/offerings/bidi.yaml:8: subtitle: control character U+200B at "
                "position 5",
                "CW-SCH-013",
            ),
        ),
    ),
    Fault(
        16,
        "invisible-characters-in-content",
        {
            "pages/evil\u202egnp.md": "# Evil\n",
            "pages/about.md": "# About\n\nPay \u202e01$ only.\n",
        },
        (
            ("pages/about.md:3: invisible bidirectional control U+202E", "CW-SITE-005"),
            (
                "pages/evil\\u202egnp.md: file name contains the invisible character U+202E",
                "CW-FILE-007",
            ),
        ),
    ),
    Fault(
        17,
        "paths-escaping-the-site",
        {
            "pages/about.md": "# About\n\n[passwd](../../etc/passwd)\n\n"
            "[encoded](..%2f..%2f..%2fetc/passwd)\n\n![root](/etc/passwd)\n\n"
            "[windows](C:\\Windows\\win.ini)\n\n[back](pages\\index.md)\n"
        },
        (
            ("pages/about.md:3: link '../../etc/passwd' leaves the site", "CW-SITE-009"),
            ("pages/about.md:5: link '..%2f..%2f..%2fetc/passwd' leaves the site", "CW-SITE-009"),
            ("pages/about.md:7: absolute image '/etc/passwd' does not work", "CW-SITE-008"),
            (
                "pages/about.md:9: warning: link 'C:\\\\Windows\\\\win.ini': c: is removed",
                "CW-SITE-013",
            ),
            ("pages/about.md:11: link 'pages\\\\index.md' has a backslash", "CW-SITE-007"),
        ),
    ),
    Fault(
        18,
        "symbolic-links",
        prepare=_symlinks,
        expected=(
            (f"modules/intro/etc: {SYMLINK_MESSAGE}", "CW-FILE-001"),
            (f"pages/dangling.md: {SYMLINK_MESSAGE}", "CW-FILE-001"),
            (f"pages/loop: {SYMLINK_MESSAGE}", "CW-FILE-001"),
            (f"pages/passwd.md: {SYMLINK_MESSAGE}", "CW-FILE-001"),
        ),
    ),
    Fault(
        19,
        "missing-lab-and-image",
        prepare=lambda root: _append(root / "modules" / "intro" / "module.yaml", "labs: [nolab]\n"),
        files={"pages/about.md": "# About\n\n![A wiring diagram](wiring.png)\n"},
        expected=(
            ("modules/intro/module.yaml:18: labs[0]: unknown lab 'nolab'", "CW-REG-014"),
            ("pages/about.md:3: image 'wiring.png' does not exist", "CW-SITE-011"),
        ),
    ),
    Fault(
        20,
        "url-collisions",
        {
            "pages/modules.md": "# Modules\n",
            "pages/Intro.md": "# Intro\n",
            "pages/intro.md": "# intro\n",
            f"pages/{NFC}.md": "# Caf\u00e9\n",
            f"pages/{NFD}.md": "# Cafe\u0301\n",
        },
        (
            ("pages/Intro.md: becomes the same address /intro/ as pages/intro.md", "CW-SITE-001"),
            (f"pages/{NFD}.md: becomes the same address /{NFC}/ as pages/{NFC}.md", "CW-SITE-001"),
            (
                "pages/modules.md: becomes the same address /modules/ as the generated page "
                "modules/index.md",
                "CW-SITE-001",
            ),
        ),
    ),
    Fault(
        21,
        "file-names",
        {
            "pages/my page.md": "# Mine\n",
            "pages/c#.md": "# C sharp\n",
            "pages/why?.md": "# Why\n",
            "pages/100%.md": "# All\n",
            "modules/intro/tab\tname.txt": "notes\n",
        },
        (
            (
                "modules/intro/tab\\u0009name.txt: file name contains the invisible character "
                "U+0009",
                "CW-FILE-007",
            ),
            ("pages/100%.md: file name contains '%'", "CW-FILE-007"),
            ("pages/c#.md: file name contains '#'", "CW-FILE-007"),
            ("pages/my page.md: file name contains a space", "CW-FILE-007"),
            ("pages/why?.md: file name contains '?'", "CW-FILE-007"),
        ),
    ),
    Fault(
        22,
        "oversized-files",
        {
            "modules/intro/figure.png": b"\x89PNG" + b"\0" * BIG,
            "modules/intro/readings.csv": b"t,v\n" * (BIG // 4),
        },
        (
            (
                f"modules/intro/readings.csv: file is {BIG} bytes, over the 1048576-byte limit; "
                "host it elsewhere",
                "CW-FILE-002",
            ),
            (
                f"modules/intro/figure.png: file is {BIG + 4} bytes, over the 307200-byte limit; "
                "compress",
                "CW-FILE-002",
            ),
        ),
    ),
    Fault(
        23,
        "raw-html-is-sanitised",
        {
            "pages/contribute.md": "# Contribute\n\n<script>document.title='pwned'</script>\n\n"
            '<img src="x.png" alt="A sensor" onerror="alert(1)">\n\n'
            '<iframe src="https://example.org"></iframe>\n\n'
            "<style>body{display:none}</style>\n\n"
            '<a href="javascript:alert(3)">Run the script</a>\n\n'
            '<p onclick="alert(4)">A paragraph that clicks.</p>\n'
        },
        (),
        exit_code=0,
    ),
    Fault(
        24,
        "malformed-front-matter",
        {
            "pages/about.md": "---\ntranslation_of: [unclosed\n---\n# About\n",
            "pages/contribute.md": "---\ntitle: Hello\n---\n# Contribute\n",
        },
        (
            ("pages/about.md:3: not valid YAML", "CW-YAML-001"),
            ("pages/contribute.md:2: title: unknown front matter key", "CW-SITE-023"),
        ),
    ),
    Fault(
        25,
        "broken-links-anchors-images",
        {
            "pages/about.md": "# About\n\nSee the [catalogue](catalogue.md).\n\n"
            "The [sensing module](modules/sensing/index.md#how-sensor-works) explains it.\n\n"
            "A [folder link](modules/) and a [bad anchor](#nowhere).\n\n"
            "![The wiring of the board](img/wiring.png)\n"
        },
        (
            (
                "pages/about.md:3: link 'catalogue.md' does not exist; nearest: catalog.md",
                "CW-SITE-011",
            ),
            (
                "pages/about.md:5: anchor '#how-sensor-works' is not a heading or id of "
                "'modules/sensing/index.md'; did you mean #how-sensors-work?",
                "CW-SITE-014",
            ),
            (
                "pages/about.md:7: anchor '#nowhere' is not a heading or id of this page",
                "CW-SITE-014",
            ),
            (
                "pages/about.md:7: link 'modules/' points at a folder; link to the page file "
                "'modules/index.md'",
                "CW-SITE-010",
            ),
            ("pages/about.md:9: image 'img/wiring.png' does not exist", "CW-SITE-011"),
        ),
    ),
    Fault(
        26,
        "image-without-alt",
        {
            "modules/sensing/index.md": "## How sensors work\n\n![](../../assets/x.png)\n\n"
            '<img src="../../assets/y.png">\n\n![image](../../assets/x.png)\n'
        },
        (
            (
                "modules/sensing/index.md:3: image '../../assets/x.png' does not exist",
                "CW-SITE-011",
            ),
            (
                "modules/sensing/index.md:3: image '../../assets/x.png' has no alt text",
                "CW-SITE-019",
            ),
            (
                "modules/sensing/index.md:5: image '../../assets/y.png' has no alt text",
                "CW-SITE-019",
            ),
            (
                "modules/sensing/index.md:7: image '../../assets/x.png' does not exist",
                "CW-SITE-011",
            ),
            (
                "modules/sensing/index.md:7: warning: the alt text 'image' does not describe",
                "CW-SITE-020",
            ),
        ),
    ),
    Fault(
        27,
        "heading-order",
        {"modules/intro/index.md": "# A second title\n\n#### Too deep\n\n## \n\nText.\n"},
        (
            ("modules/intro/index.md:1: warning: a second level-1 heading", "CW-SITE-017"),
            ("modules/intro/index.md:3: warning: heading level 4 follows level 1", "CW-SITE-018"),
            ("modules/intro/index.md:5: warning: empty heading", "CW-SITE-016"),
        ),
        exit_code=0,
    ),
    Fault(
        28,
        "link-text",
        {
            "pages/contribute.md": "# Contribute\n\nFor the catalog [click here](catalog.md).\n\n"
            "More [here](catalog.md), or [x](catalog.md).\n"
        },
        (
            (
                "pages/contribute.md:3: warning: link text 'click here' does not say where",
                "CW-SITE-021",
            ),
            ("pages/contribute.md:5: warning: link text 'here' does not say where", "CW-SITE-021"),
            ("pages/contribute.md:5: warning: link text 'x' does not say where", "CW-SITE-021"),
        ),
        exit_code=0,
    ),
    Fault(
        29,
        "quadratic-brackets",
        {"pages/about.md": "# About\n\n" + "[" * 50_000 + "\n"},
        (("pages/about.md: too slow to render (stopped after 3 seconds)", "CW-SITE-003"),),
    ),
    Fault(
        30,
        "nesting-300-levels",
        {"pages/about.md": _nested(300)},
        (("pages/about.md:53: nesting too deep (300 levels of lists or quotes)", "CW-SITE-004"),),
    ),
    Fault(
        31,
        "snippet-include",
        {"pages/about.md": '# About\n\n--8<-- "../../secret.txt"\n', "secret.txt": "TOPSECRET"},
        (("pages/about.md:3: snippet includes (--8<--) are not enabled", "CW-SITE-015"),),
    ),
    Fault(
        46,
        "orphan-and-unknown-locale",
        {"pages/about.es.md": "# Acerca de\n", "pages/index.xx.md": "# ?\n"},
        (
            (
                "pages/about.es.md: translation of pages/about.md, which does not exist",
                "CW-I18N-002",
            ),
            (
                "pages/index.xx.md: 'xx' is not a language declared in curriculum/languages.yaml",
                "CW-I18N-003",
            ),
        ),
    ),
    Fault(
        47,
        "interrupted-build-leftovers",
        {"curriculum/offerings/typo.yaml": offering("typo") + "titel: Typo\n"},
        (("curriculum/offerings/typo.yaml:8: titel: unknown field 'titel'", "CW-SCH-002"),),
        prepare=_stale_temporaries,
    ),
    Fault(
        53,
        "site-dir-into-sources",
        options=("--site-dir", "pages"),
        says=(
            "Error: --site-dir pages: refusing to write the site into pages/, which holds the "
            "project's sources; choose a new folder such as site/",
        ),
        exit_code=2,
    ),
    Fault(
        54,
        "site-dir-the-project-itself",
        options=("--site-dir", "."),
        says=(
            "Error: --site-dir .: refusing to write the site into the project folder itself, "
            "which the site would replace (.git included); choose a new folder such as site/",
        ),
        exit_code=2,
        prepare=_git_folder,
    ),
    Fault(
        55,
        "site-dir-above-the-project",
        options=("--site-dir", ".."),
        says=(
            "Error: --site-dir ..: refusing to write the site into a folder that holds the "
            "project; choose a new folder such as site/",
        ),
        exit_code=2,
    ),
    Fault(
        56,
        "site-dir-inside-sources",
        options=("--site-dir", "modules/intro/site"),
        says=(
            "Error: --site-dir modules/intro/site: refusing to write the site into "
            "modules/intro/site/, inside modules/, which holds the project's sources; choose "
            "a new folder such as site/",
        ),
        exit_code=2,
    ),
    Fault(
        57,
        "site-dir-a-folder-of-other-files",
        {"notes/plan.txt": "my notes\n"},
        options=("--site-dir", "notes"),
        says=(
            "Error: --site-dir notes: refusing to replace notes/, which is not empty and is not "
            "a site courseware build wrote (it has no .courseware-site); choose a new folder "
            "such as site/, or empty this one",
        ),
        exit_code=2,
    ),
    Fault(
        58,
        "site-dir-a-symbolic-link",
        options=("--site-dir", "published"),
        says=(
            "Error: --site-dir published: refusing to write the site through published, a "
            "symbolic link; give the folder it points to",
        ),
        exit_code=2,
        prepare=_site_link,
    ),
    Fault(
        59,
        "damaged-cache-records",
        {
            "pages/index.md": "# Home\n\nA change, so the caches are read.\n",
            ".cache/last-build.json": '{"fingerprint": "ab',
            ".cache/content-checks.json": '{"entries": [1, 2',
            ".cache/bundles/short-en.zip.key": b"\x00\xff half",
        },
        exit_code=0,
    ),
)


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


# Labs that try to leave their sandbox (issue 20). Each attempt prints one line,
# ``name: blocked <error>`` or ``name: ESCAPED <result>``; with ``fail_at_end`` the lab then
# raises, so that a build stops and must leave the site as it was.

SURVIVOR_SECONDS = "4242.5"
"""A ``sleep`` length no other process uses: a process that outlived its lab is found by
it in ``/proc``."""

ESCAPE_ATTEMPTS = 11
"""The attempts :func:`escape_lab` makes (each prints one line)."""

_LAB_HEADER = (
    "# ---\n# title: {title}\n# module: {module}\n# duration_minutes: 1\n"
    "# connectivity: none\n# hardware: none\n# ---\n\n"
)

_ATTEMPT = """\
# %%
import os
import signal
import socket
import subprocess
import sys

escapes = []


def attempt(name, action):
    try:
        result = action()
    except BaseException as error:
        print(f"{name}: blocked {type(error).__name__}")
    else:
        escapes.append(name)
        print(f"{name}: ESCAPED {result!r}")

"""

_END = """
# %%
if escapes:
    raise RuntimeError("ESCAPED: " + ", ".join(escapes))
1 / 0
"""


def escape_lab(
    project: Path,
    secret: Path,
    unix_socket: str,
    abstract_socket: str,
    *,
    module: str = "basics",
    fail_at_end: bool = False,
) -> str:
    """A lab that tries to read, write, outlive, signal and connect outside itself.

    The builder's pid and process group are this process's: the lab is built in-process.
    """
    cache = project / ".cache" / "labs" / "entries"
    site = project / "site"
    body = f"""
# %%
attempt("read-secret", lambda: open({str(secret)!r}).read())
attempt("read-hostname", lambda: open("/etc/hostname").read())
attempt("read-project", lambda: os.listdir({str(project)!r}))
attempt("read-cache", lambda: os.listdir({str(cache)!r}))

# %%
attempt("write-project", lambda: open({str(project / SENTINEL)!r}, "w").write("x"))
attempt("write-cache", lambda: open({str(cache / "poison.ipynb")!r}, "w").write("x"))
attempt("write-site", lambda: open({str(site / "index.html")!r}, "a").write("poisoned"))


# %%
def double_fork():
    if os.fork() == 0:
        os.setsid()
        if os.fork() == 0:
            os.execvp("sleep", ["sleep", "{SURVIVOR_SECONDS}"])
        os._exit(0)
    os.wait()
    return "started"


subprocess.Popen(["setsid", "sleep", "{SURVIVOR_SECONDS}"], start_new_session=True)
print("survive:", double_fork())

# %%
attempt("signal-builder", lambda: os.kill({os.getpid()}, signal.SIGTERM))
attempt("signal-builder-group", lambda: os.killpg({os.getpgrp()}, signal.SIGTERM))


# %%
def connect(address):
    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    client.settimeout(2)
    client.connect(address)
    client.sendall(b"reached")
    return "connected"


attempt("unix-socket", lambda: connect({unix_socket!r}))
attempt("abstract-socket", lambda: connect({abstract_socket!r}))
"""
    lab_text = _LAB_HEADER.format(title="Escape", module=module) + _ATTEMPT + body
    return lab_text + (_END if fail_at_end else "")


def fork_lab(*, module: str = "basics", fail_at_end: bool = False) -> str:
    """A lab that starts processes until the system refuses (up to 2000)."""
    body = """
# %%
children = []


def fork_many():
    while len(children) < 2000:
        children.append(subprocess.Popen(["sleep", "30"]))
    return len(children)


attempt("fork-many", fork_many)
for child in children:
    child.kill()
    child.wait()
print("started before the limit:", len(children) < 2000)
"""
    lab_text = _LAB_HEADER.format(title="Forks", module=module) + _ATTEMPT + body
    return lab_text + (_END if fail_at_end else "")


def memory_lab(*, module: str = "basics", fail_at_end: bool = False) -> str:
    """A lab whose four children take 512 MiB each: under a per-process limit of 1 GiB,
    twice a 1 GiB limit for the whole lab."""
    body = """
# %%
HOG = "b = b'x' * (512 * 1024**2); import time; time.sleep(3)"


def allocate_across_children():
    children = [subprocess.Popen([sys.executable, "-c", HOG]) for _ in range(4)]
    codes = [child.wait() for child in children]
    if codes != [0, 0, 0, 0]:
        raise MemoryError(f"exit codes {codes}")
    return codes


attempt("memory-across-children", allocate_across_children)
"""
    lab_text = _LAB_HEADER.format(title="Memory", module=module) + _ATTEMPT + body
    return lab_text + (_END if fail_at_end else "")


def survivors() -> list[int]:
    """Processes still sleeping the escape lab's sleep, anywhere on the machine."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if SURVIVOR_SECONDS.encode() in command:
            found.append(int(entry.name))
    return found


# Weak answers of issue 20, item 5 (``test_weak_answers.py``): one bad field reported once,
# an image beside a module's text, a new hand page.

_PROJECT_FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "project"


def fixture_languages(old: str, new: str) -> str:
    """The fixture project's ``curriculum/languages.yaml`` with ``old`` replaced by ``new``."""
    text = (_PROJECT_FIXTURE / "curriculum" / "languages.yaml").read_text(encoding="utf-8")
    assert old in text, old
    return text.replace(old, new, 1)


def tiny_png() -> bytes:
    """A valid 1×1 PNG (signature, IHDR, IDAT, IEND), made here rather than checked in."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\x00\x80\xff"))
        + chunk(b"IEND", b"")
    )


def break_module_field(root: Path, module: str, old: str, new: str) -> None:
    """Replace ``old`` by ``new`` in ``modules/<module>/module.yaml`` and make the other
    fixture module depend on it, so a track, a prerequisite and the module all name it."""
    path = root / "modules" / module / "module.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    other = "sensing" if module == "intro" else "intro"
    _append(root / "modules" / other / "module.yaml", f"prerequisites: [{module}]\n")

"""Tests of the pre/post report on the fixture cohort, against gains computed by hand.

The cohort (tests/fixtures/assess/codes/pre.txt and post.txt, track ``pilot``) is four
matched learners, one anonymous pre code and one unmatched post code. Per objective, in
percent right (o-one has two items per form, o-two one):

    learner  form pre/post  o-one pre  o-one post  o-two pre  o-two post
    ANA      A / B          0          100         0          100
    BEN      A / B          50         100         0          0
    CAI      B / A          50         50          100        100
    DEV      B / A          100        100         0          100

o-one: pre mean 50, post mean 87.5, g = (87.5 - 50) / (100 - 50) = 0.75; per-learner g:
ANA 1, BEN 1, CAI 0, DEV left out (pre 100), mean 2/3.
o-two: pre mean 25, post mean 75, g = (75 - 25) / (100 - 25) = 2/3; per-learner g: ANA 1,
BEN 0, CAI left out (pre 100), DEV 1, mean 2/3.

Post-test item statistics of form A (CAI 1 0 1, DEV 1 1 1, EVE 0 0 0):
is-it-true: p = 2/3; item (1, 1, 0) against rest (1, 2, 0): r = 1 / sqrt(2/3 * 2) = 0.866.
pick-one: p = 1/3; item (0, 1, 0) against rest (2, 2, 0): r = (2/3) / sqrt(2/3 * 8/3) = 0.5.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from courseware.assess.kit import load_kit
from courseware.assess.report import build_report, report_markdown, write_report
from courseware.assess.scoring import read_codes_file
from courseware.assess.statistics import hake_gain

FIXTURES = Path(__file__).parent.parent / "fixtures" / "assess"


@pytest.fixture(scope="module")
def cohort():
    kit = load_kit(FIXTURES / "project")
    pre, _ = read_codes_file(FIXTURES / "codes" / "pre.txt", kit.all_forms)
    post, _ = read_codes_file(FIXTURES / "codes" / "post.txt", kit.all_forms)
    return kit, pre, post


def test_hake_gain_is_undefined_at_a_full_pre_score() -> None:
    assert hake_gain(40, 70) == pytest.approx(0.5)
    assert hake_gain(100, 100) is None


def test_gains_per_objective_match_the_hand_computation(cohort) -> None:
    _, pre, post = cohort
    report = build_report(pre, post)
    assert [p.pseudonym for p, _ in report.matching.pairs] == ["ANA", "BEN", "CA1", "DEV"]
    assert [s.line for s in report.matching.unmatched_pre] == [7]
    assert [s.pseudonym for s in report.matching.unmatched_post] == ["EVE"]
    one, two = report.gains
    assert (one.objective, one.learners) == ("alpha/o-one", 4)
    assert (one.pre_mean, one.post_mean) == (50.0, 87.5)
    assert one.gain == pytest.approx(0.75)
    assert one.mean_learner_gain == pytest.approx(2 / 3)
    assert (two.objective, two.pre_mean, two.post_mean) == ("alpha/o-two", 25.0, 75.0)
    assert two.gain == pytest.approx(2 / 3)
    assert two.mean_learner_gain == pytest.approx(2 / 3)
    assert report.notes == ()


def test_item_difficulty_and_discrimination_match_the_hand_computation(cohort) -> None:
    _, pre, post = cohort
    items = {i.item: i for i in build_report(pre, post).post_items}
    assert items["alpha/is-it-true"].difficulty == pytest.approx(2 / 3)
    assert items["alpha/is-it-true"].discrimination == pytest.approx(3**0.5 / 2)
    assert items["alpha/pick-one"].difficulty == pytest.approx(1 / 3)
    assert items["alpha/pick-one"].discrimination == pytest.approx(0.5)
    assert items["alpha/pick-one"].learners == 3


def test_a_learner_given_the_same_form_twice_is_noted(cohort, tmp_path: Path) -> None:
    kit, _, post = cohort
    again = tmp_path / "pre.txt"
    again.write_text(FIXTURES.joinpath("codes", "post.txt").read_text().splitlines()[1] + "\n")
    pre, _ = read_codes_file(again, kit.all_forms)
    report = build_report(pre, post)
    assert report.notes == (
        "ANA took form B for both tests (pre line 1, post line 2); the forms should alternate",
    )


def test_the_report_files_hold_the_tables_and_the_plot(cohort, tmp_path: Path) -> None:
    _, pre, post = cohort
    paths = write_report(build_report(pre, post), tmp_path / "out")
    assert [p.name for p in paths] == ["report.md", "report.html", "gains.png"]
    assert paths[2].read_bytes().startswith(b"\x89PNG")
    markdown = paths[0].read_text(encoding="utf-8")
    assert "| alpha/o-one | 4 | 50.0 | 87.5 | 0.75 | 0.67 |" in markdown
    assert (
        "Track: pilot. 5 pre-test codes, 5 post-test codes, 4 learners matched by pseudonym."
        in markdown
    )
    soup = BeautifulSoup(paths[1].read_text(encoding="utf-8"), "html.parser")
    rows = [[td.get_text() for td in tr.find_all("td")] for tr in soup.find_all("tr")]
    assert ["alpha/o-two", "4", "25.0", "75.0", "0.67", "0.67"] in rows
    image = soup.find("img")
    assert image is not None and image["alt"] == "Pre and post means per objective"


def test_unmatched_groups_fall_back_to_group_means(cohort) -> None:
    _, pre, post = cohort
    anonymous = [s for s in pre if not s.pseudonym]
    report = build_report(anonymous, post)
    first = report.gains[0]
    assert first.pre_mean == 100.0
    assert first.post_mean == pytest.approx((100 + 100 + 50 + 100 + 0) / 5)
    assert first.gain is None and first.mean_learner_gain is None
    assert "No pseudonym matched" in report_markdown(report)

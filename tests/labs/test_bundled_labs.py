"""The project's own labs (``labs/*.py``): headers the engine accepts, every import declared
as a requirement, alt text on every figure, and a clean run through the real engine."""

from __future__ import annotations

import ast
import re
import sys
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path

import pytest
import yaml
from nbformat import NotebookNode

from courseware.labs import Lab, LabRun, execute_labs, read_lab, render_lab
from courseware.labs.notebooks import read_notebook

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("labs")]

REPO = Path(__file__).resolve().parents[2]
BUNDLED = {
    "device-footprint": "environmental-footprint",
    "fleet-growth": "environmental-footprint",
    "sensor-datasheet": "ml-sensor-datasheets",
    "data-to-microcontroller": "from-data-to-microcontroller",
}
"""Lab id to the module that lists it."""

_FIGURE_CALL = re.compile(r"\bplt\.show\(\)|\bplot_footprint\(")
_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<file>[^)]+\.(?:png|svg|jpe?g))\)")


def bundled_labs() -> list[Lab]:
    return [read_lab(REPO / "labs" / f"{lab_id}.py", REPO) for lab_id in BUNDLED]


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, LabRun]]:
    """The bundled labs executed once, in real kernels, with a cache of their own."""
    cache_dir = tmp_path_factory.mktemp("labs-cache")
    yield {run.lab.id: run for run in execute_labs(bundled_labs(), REPO, cache_dir, force=True)}


def imported_distributions(lab: Lab) -> set[str]:
    """Distributions that provide the top-level modules the lab's code cells import."""
    modules: set[str] = set()
    for cell in lab.code_cells:
        for node in ast.walk(ast.parse(cell.source)):
            if isinstance(node, ast.Import):
                modules.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                modules.add(node.module.split(".")[0])
    providers = metadata.packages_distributions()
    third_party = modules - set(sys.stdlib_module_names)
    return {providers[module][0].lower() for module in third_party}


@pytest.mark.parametrize("lab_id", BUNDLED)
def test_the_header_names_its_module_and_needs_no_network_or_hardware(lab_id: str) -> None:
    lab = read_lab(REPO / "labs" / f"{lab_id}.py", REPO)
    assert lab.module == BUNDLED[lab_id]
    assert (lab.connectivity, lab.hardware) == ("none", "none")
    module = yaml.safe_load((REPO / "modules" / lab.module / "module.yaml").read_text("utf-8"))
    assert lab_id in module["labs"]


@pytest.mark.parametrize("lab_id", BUNDLED)
def test_every_imported_distribution_is_a_declared_requirement(lab_id: str) -> None:
    lab = read_lab(REPO / "labs" / f"{lab_id}.py", REPO)
    declared = {requirement.lower() for requirement in lab.requirements}
    assert {"courseware", "matplotlib"} <= declared
    assert imported_distributions(lab) == declared


@pytest.mark.parametrize("lab_id", BUNDLED)
def test_every_cell_that_draws_a_figure_has_alt_text(lab_id: str) -> None:
    lab = read_lab(REPO / "labs" / f"{lab_id}.py", REPO)
    drawing = [cell for cell in lab.code_cells if _FIGURE_CALL.search(cell.source)]
    assert drawing, "each lab draws at least one figure"
    for cell in drawing:
        assert cell.alt_texts, f"labs/{lab_id}.py:{cell.marker_line}: figure without alt text"
        assert all(len(text.split()) >= 15 for text in cell.alt_texts)


@pytest.mark.parametrize("lab_id", BUNDLED)
def test_the_lab_runs_cleanly_and_its_page_shows_every_figure_with_its_alt_text(
    lab_id: str, runs: dict[str, LabRun]
) -> None:
    run = runs[lab_id]
    assert run.status == "executed", [str(problem) for problem in run.problems]
    assert run.problems == ()
    page = render_lab(run.lab, run)
    assert page.problems == ()
    images = _IMAGE.findall(page.markdown)
    drawing = [cell for cell in run.lab.code_cells if _FIGURE_CALL.search(cell.source)]
    assert len(images) == len(drawing)
    expected_alts = {" ".join(cell.alt_texts[0].split()) for cell in drawing}
    assert {alt.replace("\\", "") for alt, _ in images} == expected_alts
    for _, file in images:
        assert page.files[file].startswith(b"\x89PNG")
    assert "Traceback" not in page.markdown
    assert not [output for output in _all_outputs(run) if output.output_type == "error"]


def test_the_datasheet_lab_shows_findings_before_and_after_fixing(
    runs: dict[str, LabRun],
) -> None:
    outputs = _outputs(runs["sensor-datasheet"])
    assert "errors: 5, warnings: 4, infos: 1" in outputs
    assert "data/vibration-sensor-draft.yaml:206: ml_sensor.environmental_impact" in outputs
    assert "the use stage assumes 1 mW, but the declared operating power is 10 mW" in outputs
    assert "errors: 0, warnings: 0, infos: 0" in outputs
    assert "Power: 10 mW (declared operating power)" in outputs


def test_the_growth_lab_reproduces_the_seed_table(runs: dict[str, LabRun]) -> None:
    outputs = _outputs(runs["fleet-growth"])
    for devices, linear, exponential in [
        ("50,000,000,000", 2041, 2032),
        ("100,000,000,000", 2067, 2036),
        ("250,000,000,000", 2144, 2043),
        ("1,000,000,000,000", 2531, 2053),
    ]:
        row = f"{devices:>18} {linear:>13} {linear:>6} {exponential:>18} {exponential:>6}"
        assert row in outputs


def test_the_footprint_lab_reproduces_the_published_totals(runs: dict[str, LabRun]) -> None:
    outputs = _outputs(runs["device-footprint"])
    for name, total in [
        ("Keyword spotting, best case", "0.89"),
        ("Image classification, typical", "3.41"),
        ("Image classification, worst case", "7.06"),
    ]:
        assert re.search(rf"{name} +system +yes +{total} +{total}", outputs)
    assert "/ worst system 7.06 kg = 4.8x" in outputs
    assert "/ best system  0.89 kg = 38.2x" in outputs


def _all_outputs(run: LabRun) -> list[NotebookNode]:
    """Every output of every code cell of the executed notebook, in order."""
    assert run.notebook_path is not None
    notebook = read_notebook(run.notebook_path)
    return [
        output
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.get("outputs", [])
    ]


def _outputs(run: LabRun) -> str:
    """The text every code cell printed, in order."""
    return "".join(output.get("text", "") for output in _all_outputs(run))


def test_the_pipeline_lab_quantises_without_losing_accuracy_and_fits_the_example_budget(
    runs: dict[str, LabRun],
) -> None:
    outputs = _outputs(runs["data-to-microcontroller"])
    accuracy = re.search(r"test accuracy: float (\d+\.\d)%, int8 (\d+\.\d)%", outputs)
    assert accuracy is not None
    float_percent, int_percent = (float(value) for value in accuracy.groups())
    assert float_percent > 80
    assert abs(float_percent - int_percent) <= 2
    # 304 weights at one byte, 20 int32 biases, 30 normalisation constants and 5 float scales.
    assert "model in flash: float32 1,416 bytes, int8 524 bytes (2.7x smaller)" in outputs
    assert "MACs per inference: 304 (15x16 + 16x4)" in outputs
    assert "raw-sample network: 4,864 MACs" in outputs
    assert "flash: 524 of 262,144 bytes (0.20%); fits: True" in outputs
    assert "RAM:   771 of 65,536 bytes (1.18%); fits: True" in outputs
    # The example budget is labelled as such wherever it is printed.
    assert "example board (illustrative figures, not a real product)" in outputs
    bits = dict(re.findall(r"(\d) bits: test accuracy (\d+\.\d)%", outputs))
    assert float(bits["8"]) == int_percent
    assert float(bits["2"]) < float(bits["4"]) <= float(bits["8"])

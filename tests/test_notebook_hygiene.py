"""Every committed notebook is named, run and saved the way the project requires."""

import json
import os
import re
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
VALID_NBVAL_TAGS = {"nbval-ignore-output", "nbval-skip", "nbval-check-output", "nbval-raise", "raises-exception"}
MACHINE_PATHS = [p for p in {str(ROOT), str(ROOT.parent), os.path.expanduser("~"), tempfile.gettempdir(), "/work", "/home/", "/Users/"} if len(p) > 1]


def load(path):
    return json.loads(path.read_text("utf-8"))


def test_there_are_notebooks():
    assert NOTEBOOKS, "notebooks/ holds no notebook"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_name_is_numbered_snake_case(path):
    assert re.fullmatch(r"\d{2}_[a-z0-9_]+\.ipynb", path.name)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_kernelspec_is_python3(path):
    assert load(path)["metadata"]["kernelspec"]["name"] == "python3"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_execution_counts_run_one_to_n(path):
    counts = [c.get("execution_count") for c in load(path)["cells"] if c["cell_type"] == "code"]
    assert counts == list(range(1, len(counts) + 1)), "run Kernel > Restart and Run All before committing"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_outputs_have_no_errors_widgets_or_machine_paths(path):
    for cell in load(path)["cells"]:
        for output in cell.get("outputs", []):
            text = json.dumps(output)
            assert output["output_type"] != "error", f"error output saved in a cell of {path.name}"
            assert "application/vnd.jupyter.widget-view+json" not in text, "widget output saved"
            for machine_path in MACHINE_PATHS:
                assert machine_path not in text, f"output shows a path of this machine: {machine_path}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_only_valid_nbval_tags(path):
    for cell in load(path)["cells"]:
        for tag in cell.get("metadata", {}).get("tags", []):
            if tag.startswith("nbval") or tag == "raises-exception":
                assert tag in VALID_NBVAL_TAGS, f"unknown nbval tag {tag!r}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_no_nltk_download_and_no_progress_bars(path):
    for cell in load(path)["cells"]:
        source = "".join(cell["source"])
        assert "nltk.download(" not in source
        for output in cell.get("outputs", []):
            assert "it/s]" not in json.dumps(output), "progress bar saved in an output"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_teaching_structure(path):
    markdown = "\n".join("".join(c["source"]) for c in load(path)["cells"] if c["cell_type"] == "markdown").lower()
    for heading in ("question", "learning objectives", "time", "prerequisites", "exercises", "key points"):
        assert heading in markdown, f"{path.name} lacks a '{heading}' section"

"""The whole notebook series runs on corpora that are not the seeds (issue 12).

Two corpora: the invented layouts shipped in ``tests/fixtures/other_layouts`` (four articles, no
manifest: always runs) and 20 real Wikinews articles from MEANTIME written as a user's folder
(only when ``../shared`` is present). Each notebook is executed with papermill through
:func:`analysis_helpers.report.run_notebooks`, as ``analysis-helpers notebooks`` does.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from analysis_helpers import paths
from analysis_helpers.report import NO_ANNOTATIONS, run_notebooks, series_notebooks

pytest.importorskip("papermill")

FIXTURE = Path(__file__).parent / "fixtures" / "other_layouts"


def _outputs(notebook: Path) -> list[dict]:
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    return [o for c in cells if c["cell_type"] == "code" for o in c.get("outputs", [])]


def _text_of(output: dict) -> str:
    if "text" in output:
        return "".join(output["text"])
    return "".join(output.get("data", {}).get("text/plain", ""))


def _saved_figure_names(notebook: Path) -> set[str]:
    """Figure names the notebook's source saves (``save_figure(fig, "NN_name", ...)``)."""
    import re

    source = "".join("".join(c["source"]) for c in json.loads(notebook.read_text(encoding="utf-8"))["cells"])
    return set(re.findall(r"""(?:save_figure|plot_[a-z_]+)\([^)]*?["'](\d\d_[a-z0-9_]+)["']""", source))


def _check_series(executed: list[Path], out: Path) -> None:
    assert [p.name for p in executed] == [p.name for p in series_notebooks()]
    for notebook in executed:
        outputs = _outputs(notebook)
        errors = [o for o in outputs if o["output_type"] == "error"]
        assert not errors, f"{notebook.name}: {errors[0]['ename']}: {errors[0]['evalue']}"
        assert (out / notebook.with_suffix(".html").name).is_file()
    written = {p.stem for p in (out / "figures").glob("*.png")}
    svgs = {p.stem for p in (out / "figures").glob("*.svg")}
    assert written and written == svgs
    for notebook in series_notebooks():
        expected = _saved_figure_names(notebook)
        assert expected <= written, f"{notebook.name}: figures not written: {sorted(expected - written)}"


def _repository_figures() -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in paths.figures_dir().glob("*")}


def test_series_runs_on_the_fixture_corpus(tmp_path):
    before = _repository_figures()
    out = tmp_path / "report"
    executed = run_notebooks(FIXTURE, out)
    _check_series(executed, out)
    for notebook in executed:
        text = "\n".join(_text_of(o) for o in _outputs(notebook))
        if "NO_ANNOTATIONS" in notebook.read_text(encoding="utf-8"):  # the notebook has an evaluation section
            assert NO_ANNOTATIONS in text, f"{notebook.name} did not say its evaluation was skipped"
    assert _repository_figures() == before, "the repository's figures/ was written"


def test_series_runs_on_real_wikinews_articles(tmp_path):
    shared = paths.shared_dir()
    folder = shared / "data" / "timeline" / "meantime_en" if shared else None
    if folder is None or not folder.is_dir():
        pytest.skip("../shared/data/timeline/meantime_en is not present")
    from analysis_helpers.evaluation.meantime import read_meantime, write_meantime_folder

    split = pd.read_csv(paths.annotations_dir() / "meantime" / "split.csv")
    dev = set(split.loc[split["half"] == "dev", "doc_id"])
    docs = [d for d in read_meantime(folder) if d.doc_id in dev][::3][:20]
    corpus = write_meantime_folder(docs, tmp_path / "wikinews")
    out = tmp_path / "report"
    _check_series(run_notebooks(corpus, out), out)

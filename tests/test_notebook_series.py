"""The whole notebook series runs on corpora that are not the seeds (issue 12).

Two corpora: the invented layouts shipped in ``tests/fixtures/other_layouts`` (four articles, no
manifest: always runs) and 20 real Wikinews articles from MEANTIME written as a user's folder
(only when ``../shared`` is present). Every notebook of the series is executed on each corpus with
papermill through :func:`analysis_helpers.report.run_notebooks`, as ``analysis-helpers notebooks``
does, one notebook per test, so that ``make test`` can run them on several cores (each notebook
opens the corpus itself; none reads another's output).

Each run sees a project folder of its own (``ANALYSIS_HELPERS_ROOT``: the repository's folders
linked, an empty ``figures/``), so that "the repository's figures/ is never written" is checked
exactly, even while nbval runs the seed notebooks (which do write ``figures/``) beside it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

from analysis_helpers import paths
from analysis_helpers.report import NO_ANNOTATIONS, run_notebooks, series_notebooks

pytest.importorskip("papermill")

FIXTURE = Path(__file__).parent / "fixtures" / "other_layouts"
SERIES = series_notebooks()


def _outputs(notebook: Path) -> list[dict]:
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    return [o for c in cells if c["cell_type"] == "code" for o in c.get("outputs", [])]


def _text_of(output: dict) -> str:
    if "text" in output:
        return "".join(output["text"])
    return "".join(output.get("data", {}).get("text/plain", ""))


def _saved_figure_names(notebook: Path) -> set[str]:
    """Figure names the notebook's source saves (``save_figure(fig, "NN_name", ...)``)."""
    source = "".join("".join(c["source"]) for c in json.loads(notebook.read_text(encoding="utf-8"))["cells"])
    return set(re.findall(r"""(?:save_figure|plot_[a-z_]+)\([^)]*?["'](\d\d_[a-z0-9_]+)["']""", source))


@pytest.fixture()
def own_project_root(tmp_path, monkeypatch) -> Path:
    """A project folder with the repository's folders linked and an empty ``figures/``, as ANALYSIS_HELPERS_ROOT.

    The papermill kernels inherit the variable. ``../shared`` is linked beside it when present.
    """
    real = paths.project_root()
    root = tmp_path / "project" / real.name
    root.mkdir(parents=True)
    for entry in real.iterdir():
        if entry.name not in {"figures", "build"}:
            (root / entry.name).symlink_to(entry)
    (root / "figures").mkdir()
    if paths.shared_dir() is not None:
        (root.parent / "shared").symlink_to(paths.shared_dir())
    monkeypatch.setenv(paths.ROOT_ENV_VAR, str(root))
    return root


def _run_and_check(notebook: Path, corpus: Path, out: Path, root: Path) -> Path:
    """Execute one notebook of the series on ``corpus`` into ``out``; check errors, HTML and figures."""
    executed = run_notebooks(corpus, out, only=[notebook.name[:2]])
    assert [p.name for p in executed] == [notebook.name]
    target = executed[0]
    errors = [o for o in _outputs(target) if o["output_type"] == "error"]
    assert not errors, f"{notebook.name}: {errors[0]['ename']}: {errors[0]['evalue']}"
    assert target.with_suffix(".html").is_file()
    written = {p.stem for p in (out / "figures").glob("*.png")}
    assert written == {p.stem for p in (out / "figures").glob("*.svg")}
    expected = _saved_figure_names(notebook)
    assert expected <= written, f"{notebook.name}: figures not written: {sorted(expected - written)}"
    assert not list((root / "figures").iterdir()), f"{notebook.name} wrote the repository's figures/"
    return target


def test_the_series_is_every_numbered_notebook_and_each_saves_figures():
    assert [p.name[:2] for p in SERIES] == sorted({p.name[:2] for p in SERIES}) and len(SERIES) >= 6
    assert all(_saved_figure_names(notebook) for notebook in SERIES)


@pytest.mark.parametrize("notebook", SERIES, ids=lambda p: p.stem)
def test_series_runs_on_the_fixture_corpus(notebook, tmp_path, own_project_root):
    executed = _run_and_check(notebook, FIXTURE, tmp_path / "report", own_project_root)
    if "NO_ANNOTATIONS" in notebook.read_text(encoding="utf-8"):  # the notebook has an evaluation section
        text = "\n".join(_text_of(o) for o in _outputs(executed))
        assert NO_ANNOTATIONS in text, f"{notebook.name} did not say its evaluation was skipped"


@pytest.fixture(scope="module")
def wikinews_corpus(tmp_path_factory) -> Path:
    """20 dev-half MEANTIME Wikinews articles written as a user's folder (skips without ../shared)."""
    shared = paths.shared_dir()
    folder = shared / "data" / "timeline" / "meantime_en" if shared else None
    if folder is None or not folder.is_dir():
        pytest.skip("../shared/data/timeline/meantime_en is not present")
    from analysis_helpers.evaluation.meantime import read_meantime, write_meantime_folder

    split = pd.read_csv(paths.annotations_dir() / "meantime" / "split.csv")
    dev = set(split.loc[split["half"] == "dev", "doc_id"])
    docs = [d for d in read_meantime(folder) if d.doc_id in dev][::3][:20]
    return write_meantime_folder(docs, tmp_path_factory.mktemp("wikinews") / "wikinews")


@pytest.mark.parametrize("notebook", SERIES, ids=lambda p: p.stem)
def test_series_runs_on_real_wikinews_articles(notebook, wikinews_corpus, tmp_path, own_project_root):
    _run_and_check(notebook, wikinews_corpus, tmp_path / "report", own_project_root)

"""pytest configuration shared by the unit tests and nbval.

nbval compares every stored text output of every notebook (strict mode). A few
output types cannot be compared as text and are skipped here: HTML renderings
of DataFrames (their text/plain twin is compared instead), images (the figure
files are checked byte for byte by tests/test_figures.py), and stderr (library
warnings differ between machines).

``make test`` runs in parallel (``pytest -n auto --dist loadgroup --no-loadscope-reorder``):
:func:`pytest_collection_modifyitems` below says which tests must share a worker and hands out the
longest first.
"""

import os

import pytest

# nbval starts each kernel in the notebook's folder: a relative PYTHONPATH (``PYTHONPATH=src pytest``)
# would point the kernel at notebooks/src and silently test the installed package instead.
if os.environ.get("PYTHONPATH"):
    os.environ["PYTHONPATH"] = os.pathsep.join(
        os.path.abspath(entry) for entry in os.environ["PYTHONPATH"].split(os.pathsep) if entry)

SKIPPED_OUTPUT_TYPES = ("text/html", "image/png", "image/svg+xml", "application/javascript", "stderr")


def pytest_collectstart(collector):
    """Tell nbval which output types to leave out of the comparison."""
    if getattr(collector, "path", None) is not None and collector.path.suffix == ".ipynb":
        collector.skip_compare += SKIPPED_OUTPUT_TYPES


def _test_file(item) -> str:
    return item.nodeid.split("::", 1)[0]


def _is_series_run(item) -> bool:
    """A run of the notebook series on another corpus (tests/test_notebook_series.py): one papermill kernel each."""
    return _test_file(item).endswith("test_notebook_series.py")


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist turns xdist_group marks into groups
def pytest_collection_modifyitems(config, items):
    """Group the notebook cells for ``--dist loadgroup`` and put the longest units first.

    One group per notebook: nbval runs a notebook's cells in one kernel, in order. Every other test
    is a unit of its own (a module- or session-scoped fixture is then computed at most once per
    worker). Order: the runs of the notebook series, then the notebooks, then the unit tests as
    collected, so that the short unit tests fill both workers at the end. Without xdist the marks
    are inert and only the order changes.
    """
    for item in items:
        if _test_file(item).endswith(".ipynb"):
            item.add_marker(pytest.mark.xdist_group(_test_file(item)))
    items.sort(key=lambda item: 0 if _is_series_run(item) else 1 if _test_file(item).endswith(".ipynb") else 2)

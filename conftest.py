"""pytest configuration shared by the unit tests and nbval.

nbval compares every stored text output of every notebook (strict mode). A few
output types cannot be compared as text and are skipped here: HTML renderings
of DataFrames (their text/plain twin is compared instead), images (the figure
files are checked byte for byte by tests/test_figures.py), and stderr (library
warnings differ between machines).

``make test`` runs in parallel (``pytest -n auto``): :func:`pytest_xdist_make_scheduler` below keeps
each notebook's cells on one worker, and :func:`pytest_collection_modifyitems` hands out the longest
units first.
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


def _test_file(nodeid: str) -> str:
    return nodeid.split("::", 1)[0]


def _is_series_run(item) -> bool:
    """A run of the notebook series on another corpus (tests/test_notebook_series.py): one papermill kernel each."""
    return _test_file(item.nodeid).endswith("test_notebook_series.py")


def pytest_collection_modifyitems(config, items):
    """Put the longest units first: the runs of the notebook series, then the notebooks, then the unit tests.

    Under pytest-xdist the short unit tests then fill both workers at the end; without it only the
    order changes.
    """
    items.sort(key=lambda item: 0 if _is_series_run(item) else 1 if _test_file(item.nodeid).endswith(".ipynb") else 2)


@pytest.hookimpl(optionalhook=True)  # a pytest-xdist hook: ignored when xdist is not installed
def pytest_xdist_make_scheduler(config, log):
    """Hand out each notebook's cells as one unit and every other test on its own, in collection order.

    nbval runs a notebook's cells in one kernel, in order, so they must stay on one worker. (xdist's
    own ``--dist loadgroup`` marks groups by rewriting node ids, which pytest 9.2 no longer allows.)
    """
    if config.getoption("dist") not in ("load", "loadscope", "loadfile", "loadgroup"):
        return None
    from xdist.scheduler import LoadScopeScheduling

    class NotebookScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            file = _test_file(nodeid)
            return file if file.endswith(".ipynb") else nodeid

    config.option.loadscopereorder = False  # keep the order of pytest_collection_modifyitems
    return NotebookScheduling(config, log)

"""pytest configuration shared by the unit tests and nbval.

nbval compares every stored text output of every notebook (strict mode). A few
output types cannot be compared as text and are skipped here: HTML renderings
of DataFrames (their text/plain twin is compared instead), images (the figure
files are checked byte for byte by tests/test_figures.py), and stderr (library
warnings differ between machines).
"""

import os

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

"""environment.yml must list the same dependencies as pyproject.toml."""

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _normalise(requirement: str) -> tuple[str, str]:
    """('name', 'specifier') with the name lower-cased and '_' as '-', spaces removed."""
    requirement = requirement.replace(" ", "")
    match = re.match(r"([A-Za-z0-9_.\-]+)(.*)", requirement)
    assert match, requirement
    return match.group(1).lower().replace("_", "-"), match.group(2)


def pyproject_requirements() -> set[tuple[str, str]]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    reqs = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        reqs.extend(extra)
    return {_normalise(r) for r in reqs}


def environment_requirements() -> set[tuple[str, str]]:
    reqs = set()
    for line in (ROOT / "environment.yml").read_text("utf-8").splitlines():
        item = re.match(r"^\s*-\s+([^#]+?)\s*$", line)
        if not item or item.group(1) in ("pip", "pip:", "conda-forge") or item.group(1).startswith(("-e", "python")):
            continue
        reqs.add(_normalise(item.group(1)))
    return reqs


def test_environment_yml_mirrors_pyproject():
    in_pyproject, in_env = pyproject_requirements(), environment_requirements()
    assert in_pyproject - in_env == set(), "in pyproject.toml but not environment.yml"
    assert in_env - in_pyproject == set(), "in environment.yml but not pyproject.toml"


def test_environment_installs_the_project_last():
    lines = [l.strip() for l in (ROOT / "environment.yml").read_text("utf-8").splitlines() if l.strip().startswith("- ")]
    assert lines[-1] == "- -e ."


def test_output_shaping_libraries_are_pinned_to_a_minor_range():
    pins = dict(pyproject_requirements())
    for name in ("pandas", "numpy", "matplotlib", "scikit-learn"):
        match = re.fullmatch(r">=(\d+)\.(\d+),<(\d+)\.(\d+)", pins[name])
        assert match, f"{name} is not pinned as >=X.Y,<X.Y+1: {pins[name]!r}"
        low_major, low_minor, high_major, high_minor = map(int, match.groups())
        assert (high_major, high_minor) == (low_major, low_minor + 1), name

"""save_figure writes PNG and SVG that are byte-identical on re-run."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from analysis_helpers.plots.style import save_figure, use_house_style  # noqa: E402


def draw():
    use_house_style()
    fig, ax = plt.subplots()
    ax.bar(["000", "001", "002"], [3, 1, 2])
    ax.set_title("Blocks by article")
    return fig


def test_figures_are_byte_identical_on_rerun(tmp_path):
    first = [p.read_bytes() for p in save_figure(draw(), "00_test", folder=tmp_path / "a")]
    second = [p.read_bytes() for p in save_figure(draw(), "00_test", folder=tmp_path / "b")]
    plt.close("all")
    assert first == second
    assert first[0].startswith(b"\x89PNG") and b"<svg" in first[1]
    assert b"<dc:date>" not in first[1]


def test_figure_names_must_be_numbered_snake_case(tmp_path):
    with pytest.raises(ValueError, match="NN_snake_case"):
        save_figure(draw(), "Blocks Figure", folder=tmp_path)
    plt.close("all")

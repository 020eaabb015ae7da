"""The teaching kit: exercises with hints and solutions, student copies, handouts."""

import json
from pathlib import Path

import nbformat
import pytest

from analysis_helpers.handouts import exercises, handout_html, is_solution, student_copy, write_student_copies

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def read(path):
    return nbformat.read(path, as_version=4)


def has_solutions(notebook) -> bool:
    return any(is_solution(cell) for cell in notebook.cells)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_exercise_has_a_hint_and_a_solution(path):
    notebook = read(path)
    if not has_solutions(notebook):
        pytest.skip(f"{path.name} has no solution-tagged cell yet (not converted to the teaching format)")
    found = exercises(notebook)
    assert found, f"{path.name}: no '### N. Title' exercise after '## Exercises'"
    assert [e.number for e in found] == list(range(1, len(found) + 1)), "exercises are numbered 1..n"
    for exercise in found:
        assert exercise.has_hint, f"{path.name} exercise {exercise.number} has no *Hint:*"
        assert exercise.has_solution, f"{path.name} exercise {exercise.number} has no solution cell"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_solution_cells_run_under_nbval(path):
    """nbval executes every stored code cell and compares its output: a solution cell must be executed,
    not skipped, and free of errors, so that the notebook test runs every solution."""
    for cell in read(path).cells:
        if is_solution(cell) and cell.cell_type == "code":
            tags = set(cell.metadata.get("tags", []))
            assert not tags & {"nbval-skip", "raises-exception"}, f"{path.name}: a solution cell is skipped"
            assert cell.execution_count is not None, f"{path.name}: a solution cell was not executed"
            assert all(o.output_type != "error" for o in cell.outputs), f"{path.name}: a solution cell fails"


def test_student_copies_have_no_solutions_and_no_outputs(tmp_path):
    written = write_student_copies(tmp_path, NOTEBOOKS)
    assert [p.name for p in written] == [p.name for p in NOTEBOOKS]
    for original, copy_path in zip(NOTEBOOKS, written):
        copy = read(copy_path)
        assert not any(is_solution(cell) for cell in copy.cells), copy_path.name
        for cell in copy.cells:
            if cell.cell_type == "code":
                assert cell.outputs == [] and cell.execution_count is None, copy_path.name
        assert "*Answer" not in json.dumps([c.source for c in copy.cells]), "answer paragraphs left in"
        kept = [c.source for c in read(original).cells if not is_solution(c) and c.cell_type == "code"]
        assert [c.source for c in copy.cells if c.cell_type == "code"] == kept, "every other code cell is kept"
        hints_before = sum(e.has_hint for e in exercises(read(original)))
        assert sum(e.has_hint for e in exercises(copy)) == hints_before


def _tiny_notebook():
    notebook = nbformat.v4.new_notebook()
    long_line = "x = " + " + ".join(f"value_{i}" for i in range(60))
    code = nbformat.v4.new_code_cell(long_line, execution_count=1)
    code.outputs = [nbformat.v4.new_output("stream", name="stdout", text="printed sentence\n")]
    answer = nbformat.v4.new_code_cell("secret_answer = 42", execution_count=2)
    answer.metadata["tags"] = ["solution"]
    notebook.cells = [nbformat.v4.new_markdown_cell("# Title\n\n## Exercises\n\n**1. Try.** Do it.\n\n*Hint:* look."),
                      code, answer, nbformat.v4.new_markdown_cell("## Key points\n\n- one")]
    return notebook


def test_exercise_inventory_reads_hint_and_solution():
    (exercise,) = exercises(_tiny_notebook())
    assert (exercise.number, exercise.title, exercise.has_hint, exercise.has_solution) == (1, "Try", True, True)


def test_student_copy_of_an_invented_notebook():
    notebook = _tiny_notebook()
    notebook.cells.insert(3, nbformat.v4.new_markdown_cell("*Answer.* It is 42.\n\n**2. Next.** More.\n\n*Hint:* again."))
    copy = student_copy(notebook)
    assert "secret_answer" not in json.dumps(copy) and "It is 42" not in json.dumps(copy)
    assert "**2. Next.** More." in json.dumps(copy) and "*Hint:* again." in json.dumps(copy)
    assert all(c.get("outputs", []) == [] for c in copy.cells if c.cell_type == "code")


def test_handout_html_wraps_code_and_leaves_out_solutions_and_code_in_prose_version():
    notebook = _tiny_notebook()
    full = handout_html(notebook, "tiny", with_code=True)
    prose = handout_html(notebook, "tiny", with_code=False)
    assert "white-space: pre-wrap" in full and "break-inside: avoid" in full
    assert "secret_answer" not in full and "secret_answer" not in prose
    assert "value_59" in full and "value_59" not in prose
    assert "printed sentence" in prose


def test_handout_pdf_when_weasyprint_is_installed(tmp_path):
    pytest.importorskip("weasyprint", reason="PDF handouts need the optional 'handouts' extra")
    from analysis_helpers.handouts import write_pdf

    target = write_pdf(handout_html(_tiny_notebook(), "tiny"), tmp_path / "tiny.pdf")
    assert target.read_bytes()[:5] == b"%PDF-"

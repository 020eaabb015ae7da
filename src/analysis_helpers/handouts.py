"""The teaching kit: student copies of the notebooks and print-ready handouts.

- :func:`student_copy`: a notebook without its ``solution``-tagged cells, outputs cleared (hints,
  which are in the exercise text, stay).
- :func:`exercises`: the exercises of a notebook, each with whether it has a hint and a solution.
- :func:`handout_html`: an executed notebook as one HTML page styled for print (code wrapped, tables
  scaled to the page, no page break between a cell and its output), with or without the code.
- :func:`write_pdf`: that page as PDF with WeasyPrint (an optional dependency: ``pip install
  ".[handouts]"``).

Command line (``make student``, ``make handouts``)::

    python -m analysis_helpers.handouts student build/student
    python -m analysis_helpers.handouts handouts build/handouts
"""

from __future__ import annotations

import argparse
import copy
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import nbformat

from .report import series_notebooks

#: Cell tag of a worked solution (code or markdown); student copies and handouts leave these out.
SOLUTION_TAG = "solution"
_EXERCISE = re.compile(r"^(?:###\s+(\d+)\.\s*(.+?)$|\*\*(\d+)\.\s*(.+?)\*\*)", re.MULTILINE)
_HINT = re.compile(r"\*Hint[:.]?\*|\*Hint:", re.IGNORECASE)


def is_solution(cell) -> bool:
    """True for a cell tagged ``solution``."""
    return SOLUTION_TAG in cell.get("metadata", {}).get("tags", [])


_ANSWER = re.compile(r"^\*Answer\b.*?(?=^\*\*\d+\.|^#|\Z)", re.MULTILINE | re.DOTALL)


def without_answers(markdown: str) -> str:
    """``markdown`` without its ``*Answer.*`` paragraphs (up to the next exercise, heading or the end)."""
    return _ANSWER.sub("", markdown).strip("\n")


def _drop_solutions(notebook):
    kept = copy.deepcopy(notebook)
    kept.cells = [cell for cell in kept.cells if not is_solution(cell)]
    for cell in kept.cells:
        if cell.cell_type == "markdown":
            cell.source = without_answers(cell.source)
    kept.cells = [c for c in kept.cells if c.cell_type != "markdown" or c.source.strip()]
    return kept


def student_copy(notebook):
    """A copy of ``notebook`` (nbformat node) without solution cells, ``*Answer.*`` paragraphs, outputs
    and execution counts."""
    student = _drop_solutions(notebook)
    for cell in student.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
            cell.metadata.pop("execution", None)
    return student


@dataclass(frozen=True)
class Exercise:
    """One exercise of a notebook: its number and title, and whether a hint and a solution follow it."""

    number: int
    title: str
    has_hint: bool
    has_solution: bool
    solution_cells: int


def exercises(notebook) -> list[Exercise]:
    """The exercises after the notebook's ``## Exercises`` heading.

    An exercise starts at a markdown heading ``### N. Title`` (or a line ``**N. Title.**``); its hint is an ``*Hint:*`` paragraph
    in the same cell, and its solution the ``solution``-tagged cells that follow before the next
    exercise or the key points.
    """
    found: list[dict] = []
    in_exercises = False
    for cell in notebook.cells:
        source = cell.source if isinstance(cell.source, str) else "".join(cell.source)
        if cell.cell_type == "markdown" and re.search(r"^##\s+Exercises", source, re.MULTILINE):
            in_exercises = True
        if not in_exercises:
            continue
        if cell.cell_type == "markdown" and re.search(r"^##\s+Key points", source, re.MULTILINE) and not is_solution(cell):
            break
        if is_solution(cell):
            if found:
                found[-1]["solutions"] += 1
            continue
        if cell.cell_type == "markdown":
            for match in _EXERCISE.finditer(source):
                rest = source[match.end():]
                following = _EXERCISE.search(rest)
                body = rest[:following.start()] if following else rest
                found.append({"number": int(match.group(1) or match.group(3)),
                              "title": (match.group(2) or match.group(4)).strip(" ."),
                              "hint": bool(_HINT.search(body)), "solutions": 0})
    return [Exercise(e["number"], e["title"], e["hint"], e["solutions"] > 0, e["solutions"]) for e in found]


def write_student_copies(out_dir, notebooks=None) -> list[Path]:
    """Write ``OUT/NN_name.ipynb`` student copies of the series (or of ``notebooks``)."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for path in notebooks or series_notebooks():
        target = out / Path(path).name
        nbformat.write(student_copy(nbformat.read(path, as_version=4)), target)
        written.append(target)
    return written


#: Print style of the handouts: A4, wrapped code, tables scaled to the page, cells kept with their output.
PRINT_CSS = """
@page { size: A4; margin: 15mm 13mm 16mm 13mm;
        @bottom-center { content: counter(page) " / " counter(pages); font-size: 8pt; color: #666; } }
html { font-family: "DejaVu Sans", sans-serif; font-size: 9.5pt; line-height: 1.4; color: #111; }
body { margin: 0; }
h1 { font-size: 16pt; margin: 0 0 6pt 0; } h2 { font-size: 13pt; margin: 12pt 0 4pt 0; }
h3 { font-size: 11pt; } h1, h2, h3 { break-after: avoid; }
.anchor-link, .prompt { display: none; }
p, li { orphans: 3; widows: 3; }
pre, code { font-family: "DejaVu Sans Mono", monospace; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; word-break: break-word; font-size: 7.6pt;
      line-height: 1.3; margin: 0; }
.cell { margin: 0 0 6pt 0; }
.code_cell { break-inside: avoid; }
.code_cell .input { break-after: avoid; }
.input_area { background: #f3f5f8; border-left: 2pt solid #1b6ca8; padding: 3pt 5pt; }
.output_wrapper { padding: 3pt 0 0 0; }
.output_stdout pre, .output_text pre { border-left: 2pt solid #bbb; padding-left: 5pt; color: #222; }
.output_png { break-inside: avoid; text-align: center; }
table { border-collapse: collapse; font-size: 7pt; max-width: 100%; margin: 3pt 0; }
tr { break-inside: avoid; }
th, td { border-bottom: 0.4pt solid #ccc; padding: 1pt 3pt; text-align: right; vertical-align: top; }
td { max-width: 62mm; overflow-wrap: anywhere; }
th { overflow-wrap: break-word; }
thead th { border-bottom: 0.8pt solid #333; }
img { max-width: 100%; height: auto; break-inside: avoid; }
blockquote { border-left: 2pt solid #999; margin: 0 0 0 4pt; padding-left: 6pt; color: #333; }
"""


def _printable(notebook, with_code: bool):
    """Solution cells dropped; without code: inputs removed and only figures and printed text kept."""
    printable = _drop_solutions(notebook)
    printable.cells = [c for c in printable.cells if "parameters" not in c.get("metadata", {}).get("tags", [])]
    if not with_code:
        for cell in printable.cells:
            if cell.cell_type == "code":
                cell.outputs = [o for o in cell.get("outputs", [])
                                if (o.get("output_type") == "stream" and o.get("name") == "stdout")
                                or "image/png" in o.get("data", {})]
        printable.cells = [c for c in printable.cells if c.cell_type == "markdown" or c.get("outputs")]
    for cell in printable.cells:
        if cell.cell_type == "code":
            for output in cell.get("outputs", []):
                data = output.get("data", {})
                if "image/png" in data:  # the PNG alone; its text twin would print "<Figure ...>"
                    output["data"] = {"image/png": data["image/png"]}
    return printable


def handout_html(notebook, title: str, with_code: bool = True) -> str:
    """A notebook (executed, nbformat node) as one self-contained HTML page for print."""
    from nbconvert import HTMLExporter
    from pygments.formatters import HtmlFormatter

    exporter = HTMLExporter(template_name="basic", exclude_input=not with_code,
                            exclude_input_prompt=True, exclude_output_prompt=True)
    body, _ = exporter.from_notebook_node(_printable(notebook, with_code))
    # column names such as passages_earlier may wrap after an underscore, so wide tables fit the page
    body = re.sub(r"(<th[^>]*>)([^<]*)(</th>)", lambda m: m.group(1) + m.group(2).replace("_", "_\u200b") + m.group(3),
                  body)
    highlight = HtmlFormatter(style="default").get_style_defs(".highlight")
    return (f"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title>\n"
            f"<style>{highlight}\n{PRINT_CSS}</style></head>\n<body>\n{body}\n</body></html>\n")


def write_pdf(html: str, target: Path) -> Path:
    """Render ``html`` to ``target`` with WeasyPrint (raises ImportError with instructions when missing)."""
    try:
        import weasyprint
    except (ImportError, OSError) as error:  # OSError: the Pango library is missing
        raise ImportError(
            "PDF handouts need WeasyPrint and the Pango library: pip install -e \".[handouts]\" "
            "(Debian/Ubuntu: apt-get install libpango-1.0-0 libpangoft2-1.0-0). "
            f"The HTML handouts were written. ({error})") from error
    weasyprint.HTML(string=html).write_pdf(target)
    return target


def write_handouts(out_dir, notebooks=None, pdf: bool = True) -> list[Path]:
    """Write ``NN_name.html`` (prose, code, outputs) and ``NN_name_prose.html`` (prose and figures, no
    code) for every notebook of the series, with a PDF of each when ``pdf``; solutions are left out.

    The notebooks are read as stored (executed, with their outputs), so no cell is run.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for path in notebooks or series_notebooks():
        notebook = nbformat.read(path, as_version=4)
        stem = Path(path).stem
        for suffix, with_code in (("", True), ("_prose", False)):
            html = handout_html(notebook, stem, with_code=with_code)
            target = out / f"{stem}{suffix}.html"
            target.write_text(html, encoding="utf-8")
            written.append(target)
            if pdf:
                written.append(write_pdf(html, target.with_suffix(".pdf")))
    return written


def main(argv=None) -> int:
    """``python -m analysis_helpers.handouts {student,handouts} OUT``."""
    parser = argparse.ArgumentParser(prog="python -m analysis_helpers.handouts", description=__doc__.split("\n")[0])
    parser.add_argument("what", choices=["student", "handouts"])
    parser.add_argument("out", type=Path)
    parser.add_argument("--no-pdf", dest="pdf", action="store_false", help="handouts: HTML only")
    args = parser.parse_args(argv)
    try:
        if args.what == "student":
            written = write_student_copies(args.out)
        else:
            written = write_handouts(args.out, pdf=args.pdf)
    except ImportError as error:
        print(f"analysis-helpers: {error}", file=sys.stderr)
        return 2
    print(f"{len(written)} files written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

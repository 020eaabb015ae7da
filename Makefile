# Two entry points, each safe as the first command after cloning:
#   make figures   set up .venv if missing, execute every notebook, regenerate figures/
#   make test      set up .venv if missing, run the unit tests and nbval on every notebook
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: figures test setup lab benchmarks bench-scale clean student handouts report

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test,notebooks]"
	touch $(STAMP)

setup: $(STAMP)

figures: $(STAMP)
	mkdir -p build/executed figures
	$(BIN)/python -m jupyter nbconvert --to notebook --execute --ExecutePreprocessor.timeout=600 \
		--output-dir build/executed notebooks/[0-9][0-9]_*.ipynb
	@echo "figures/ regenerated; executed copies of the notebooks are in build/executed/"

# -n auto: one worker per core; conftest.py keeps each notebook's cells on one worker
test: $(STAMP)
	$(BIN)/python -m pytest -n auto

lab: $(STAMP)
	$(BIN)/python -m jupyter lab notebooks/

benchmarks: $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[evaluation]"
	for script in benchmarks/bench_*.py; do $(BIN)/python $$script || exit 1; done

# the scale benchmark alone (benchmarks/results/scale.md): every size of the scale issue before and after,
# the Dask per-worker rate and 100,000 articles on 2 cores; about 2 hours on an idle 2-core machine
bench-scale: $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[evaluation,dask]"
	PYTHONPATH=src $(BIN)/python benchmarks/bench_scale.py --sizes 500,2000,4000,8000 --dask-size 2000 --big 100000

# The whole notebook series on a folder of your own: make report CORPUS=path/to/articles [OUT=build/report]
# (executed notebooks, HTML copies and figures in OUT; the repository's figures/ is never touched).
OUT ?= build/report
report: $(STAMP)
	@test -n "$(CORPUS)" || { echo "make report: give the folder of articles, e.g. make report CORPUS=path/to/articles" >&2; exit 2; }
	$(BIN)/analysis-helpers notebooks "$(CORPUS)" --out "$(OUT)"

# Student copies: solution cells removed, outputs cleared, hints kept.
student: $(STAMP)
	$(BIN)/python -m analysis_helpers.handouts student build/student
	@echo "student copies of the notebooks are in build/student/"

# Print-ready handouts (HTML and PDF, with code and prose-and-figures only) from the stored notebooks.
# PDF needs WeasyPrint (installed here) and the Pango library of the system.
handouts: $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[handouts]"
	@$(BIN)/python -c "import weasyprint" 2>/dev/null || { echo "make handouts: WeasyPrint cannot load. It needs the Pango library: apt-get install libpango-1.0-0 libpangoft2-1.0-0 (macOS: brew install pango), then run make handouts again." >&2; exit 2; }
	$(BIN)/python -m analysis_helpers.handouts handouts build/handouts
	@echo "handouts (HTML and PDF) are in build/handouts/"

clean:
	rm -rf $(VENV) build

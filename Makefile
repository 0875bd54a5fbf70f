# The two commands a new user needs:  `make book`  and  `make test`.
# Both create .venv and install requirements.txt on first use.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export PATH := $(CURDIR)/$(VENV)/bin:$(PATH)
export HF_HUB_OFFLINE := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1

SUBMISSIONS ?= submissions
OUT ?= _grading/run

.PHONY: install book test notebooks release grade demo mutants bench clean

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	set -o pipefail; $(PY) -m pip install -q -r requirements.txt -e . 2>&1 | { grep -v "is ignored: it is neither" || true; }
	$(PY) -c "import torch, nbgrader, jupyter_book, llmcourse"  # fail here, not later, if the install broke
	touch $@

install: $(STAMP)

## The main job: build the HTML book into _build/html (executing the pages' code).
book: $(STAMP)
	jupyter-book build . -W -n --keep-going
	@echo
	@echo "Book built. Open file://$(CURDIR)/_build/html/index.html"

## The whole suite: nbval on every reference notebook, the grading round trip, mutants, the book.
test: $(STAMP)
	$(PY) -m pytest -n 2 --dist loadscope --nbval-lax -q tests solutions

## Regenerate the student notebooks (notebooks/) from the nbgrader sources (solutions/).
notebooks release: $(STAMP)
	$(PY) -m autograder release

## Grade a folder of <student_id>/<chapter>/<chapter>.ipynb:  make grade SUBMISSIONS=path [OUT=dir]
grade: $(STAMP)
	$(PY) -m autograder grade $(SUBMISSIONS) --out $(OUT)

## Grade the bundled sample submissions (reference, blank, typical mistakes).
demo: $(STAMP)
	$(PY) -m autograder demo

## Show that every mutant loses points and every correct alternative keeps them.
mutants: $(STAMP)
	$(PY) -m autograder mutants

## Timing table: plain execution vs autograding, per chapter.
bench: $(STAMP)
	$(PY) -m autograder bench

clean:
	rm -rf _build _grading

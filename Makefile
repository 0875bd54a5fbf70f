# The two commands a new user needs:  `make book`  and  `make test`.
# Both create .venv and install requirements.txt on first use.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export PATH := $(CURDIR)/$(VENV)/bin:$(PATH)
export HF_HUB_OFFLINE := 1
export LLMCOURSE_GRADING := self-check   # the source notebooks' hidden tests judge themselves (llmcourse/judging.py)
export PIP_DISABLE_PIP_VERSION_CHECK := 1

SUBMISSIONS ?= submissions
OUT ?= _grading/run

.PHONY: install browser book test check notebooks release grade demo mutants bench bench-book corpus wheel clean

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	set -o pipefail; $(PY) -m pip install -q -r requirements.txt -e . 2>&1 | { grep -v "is ignored: it is neither" || true; }
	$(PY) -c "import torch, nbgrader, jupyter_book, llmcourse"  # fail here, not later, if the install broke
	touch $@

install: $(STAMP)

## The main job: build the HTML book into _build/html (executing the pages' code). The build also
## publishes the notebooks' helper package as _build/html/_static/llmcourse-<version>-py3-none-any.whl.
book: $(STAMP)
	jupyter-book build . -W -n --keep-going
	@echo
	@echo "Book built. Open file://$(CURDIR)/_build/html/index.html"
	@ls _build/html/_static/llmcourse-*.whl

## The llmcourse wheel alone, where the book build publishes it (_build/html/_static/).
wheel: $(STAMP)
	$(PY) -c "from autograder.launch import build_wheel; print(build_wheel('_build/html/_static'))"

## Maintainers: a new frozen snapshot of the book's text, the corpus the notebooks and the
## tokenization, embeddings and RAG pages read (ADD=chapter lets a new chapter in; DROP=... leaves one
## out). `python -m llmcourse.corpus status` shows what changed since the last one.
corpus: $(STAMP)
	$(PY) -m llmcourse.corpus freeze $(if $(ADD),--add $(ADD)) $(if $(DROP),--drop $(DROP))

## Headless Chromium for the browser tests (Debian packages; installing needs root, as in CI).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing Debian's chromium for the browser tests"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver) >/dev/null \
	      || echo "could not install chromium: the browser tests will be skipped"; \
	  else echo "chromium not found (sudo apt-get install chromium chromium-driver): the browser tests will be skipped"; fi; }

## The whole suite: nbval on every reference notebook, the grading round trip, mutants, the
## book build and its browser checks, and every command of the instructor guide.
test: $(STAMP) browser
	$(PY) -m pytest -n 2 --dist loadfile --nbval-lax -q tests solutions

## The fast tier for everyday work (a few minutes): unit tests of the helpers and the grader,
## the chapter contract, the static checks. `make test` still runs everything.
check: $(STAMP)
	$(PY) -m pytest -n 2 -q tests --ignore=tests/test_grader_adversarial.py --ignore=tests/test_grader_fuzz.py \
	  --ignore=tests/test_book.py --ignore=tests/test_instructor_guide.py --ignore=tests/test_mutants.py \
	  -k "not sample_submissions"

## Regenerate the student notebooks (notebooks/) from the nbgrader sources (solutions/).
notebooks release: $(STAMP)
	$(PY) -m autograder release

## Grade a folder of <student_id>/<chapter>/<chapter>.ipynb:  make grade SUBMISSIONS=path [OUT=dir]
grade: $(STAMP)
	$(PY) -m autograder grade $(SUBMISSIONS) --out $(OUT) $(if $(SCHEDULER),--scheduler $(SCHEDULER))

## Grade the bundled sample submissions (reference, blank, typical mistakes).
demo: $(STAMP)
	$(PY) -m autograder demo

## Show that every mutant loses points and every correct alternative keeps them.
mutants: $(STAMP)
	$(PY) -m autograder mutants

## Timing table: plain execution vs autograding, per chapter.
bench: $(STAMP)
	$(PY) -m autograder bench

## Book build times: a cold build in a fresh copy, and a cached rebuild after a one-page edit.
bench-book: $(STAMP)
	$(PY) -m autograder bench --book

clean:
	rm -rf _build _grading

"""The grading command reports each broken submission in one clear line, grades the rest,
and never modifies a submission."""
from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from autograder.notebooks import reference_submission, student_path, with_replacements

CHAPTER = "transformers"


def _tree_digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def graded_class(tmp_path_factory):
    subs = tmp_path_factory.mktemp("class")

    def put(student, nb=None, name=f"{CHAPTER}.ipynb", raw=None, chapter=CHAPTER):
        folder = subs / student / chapter
        folder.mkdir(parents=True)
        if raw is not None:
            (folder / name).write_text(raw)
        else:
            nbformat.write(nb, str(folder / name))

    put("good", reference_submission(CHAPTER))
    put("malformed", raw='{"cells": [ this is not json')
    put("not-a-notebook", raw='{"hello": "world"}')
    put("wrong-name", nbformat.read(str(student_path(CHAPTER)), as_version=4), name="Untitled.ipynb")
    put("other-chapter", reference_submission(CHAPTER), chapter="not-a-chapter")
    crash = "import os\n\n\ndef causal_mask(t_q, t_k=None, device=None):\n    return None\n\n\nos._exit(3)\n"
    put("kernel-dies", with_replacements(reference_submission(CHAPTER), crash))
    loop = "def causal_mask(t_q, t_k=None, device=None):\n    return None\n\n\nwhile True:\n    pass\n"
    put("infinite-loop", with_replacements(reference_submission(CHAPTER), loop))
    before = _tree_digest(subs)

    out = tmp_path_factory.mktemp("workspace") / "ws"
    run = subprocess.run([sys.executable, "-m", "autograder", "grade", str(subs), "--out", str(out),
                          "--cell-timeout", "10"], capture_output=True, text=True, timeout=900,
                         cwd=Path(__file__).resolve().parent.parent)
    return subs, out, before, run


def _line(run, student):
    lines = [ln for ln in run.stdout.splitlines() if ln.startswith(f"{student}/")]
    assert len(lines) == 1, f"expected one status line for {student}, got {lines}\n{run.stdout}\n{run.stderr[-2000:]}"
    return lines[0]


def test_grading_command_succeeds_and_writes_a_row_per_submission(graded_class):
    _, out, _, run = graded_class
    assert run.returncode == 0, run.stderr[-3000:]
    rows = (out / "grades.csv").read_text().strip().splitlines()
    assert len(rows) == 1 + 7, rows


def test_good_submission_is_graded_in_full(graded_class):
    line = _line(graded_class[3], "good")
    assert "graded 44/44" in line


@pytest.mark.parametrize("student, expected", [
    ("malformed", "malformed — transformers.ipynb is not a valid notebook"),
    ("not-a-notebook", "malformed — transformers.ipynb is not a valid notebook"),
    ("wrong-name", "missing — expected transformers/transformers.ipynb; found Untitled.ipynb"),
    ("other-chapter", "unknown-chapter — not a chapter of this course"),
    ("kernel-dies", "error — the kernel died"),
    ("infinite-loop", "a cell ran longer than the 10 s limit"),
])
def test_bad_submission_gets_one_clear_line(graded_class, student, expected):
    assert expected in _line(graded_class[3], student)


def test_submissions_are_never_modified(graded_class):
    subs, _, before, _ = graded_class
    assert _tree_digest(subs) == before

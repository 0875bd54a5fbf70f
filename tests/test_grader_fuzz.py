"""Fuzzing the class run: malformed notebooks (wrong types at every level of the JSON and of the
nbgrader metadata, huge and deep structures, odd Unicode), odd names and trees, graded in ONE run
beside a reference. The run must finish, the reference must keep full marks, and every fuzzed
submission must get exactly one row with a known status.

A bounded number of cases runs in CI; `FUZZ_CASES=200 pytest tests/test_grader_fuzz.py` runs more.
"""
from __future__ import annotations

import copy
import csv
import json
import os
import random
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from autograder.notebooks import reference_submission, student_path
from autograder.result import STATUSES

CHAPTER = "kv_cache"
FULL = 35.0
REPO = Path(__file__).resolve().parent.parent
CASES = int(os.environ.get("FUZZ_CASES", "24"))

ODD_TEXT = ["", "\u202e\u0645\u0631\u062d\u0628\u0627", "\u200b" * 50, "\U0001f600" * 10, "\ud800",
            "a\x00b", "=1+1", "x" * 100_000, "\n" * 1000, "<script>alert(1)</script>"]
ODD_VALUES = [None, 0, -1, 1.5, float("nan"), True, "", [], {}, [[[]]], {"a": {"b": {}}}, "x" * 10_000]


def _deep(depth: int):
    value = []
    for _ in range(depth):
        value = [value]
    return value


def _mutations(rng: random.Random, nb: dict) -> dict:
    """One random structural mutation of a notebook's JSON."""
    nb = copy.deepcopy(nb)
    cells = nb["cells"]
    graded = [c for c in cells if c.get("metadata", {}).get("nbgrader")]
    cell = rng.choice(graded)
    kind = rng.randrange(14)
    if kind == 0:
        nb["cells"] = rng.choice(ODD_VALUES[:9])
    elif kind == 1:
        cells[rng.randrange(len(cells))] = rng.choice(ODD_VALUES)
    elif kind == 2:
        cell["source"] = rng.choice([1, None, {"a": 1}, [1, 2], _deep(50)])
    elif kind == 3:
        cell["metadata"] = rng.choice([[], "meta", None, 3])
    elif kind == 4:
        cell["metadata"]["nbgrader"] = rng.choice(ODD_VALUES)
    elif kind == 5:
        cell["metadata"]["nbgrader"]["grade_id"] = rng.choice(ODD_VALUES + ODD_TEXT)
    elif kind == 6:
        cell["metadata"]["nbgrader"]["points"] = rng.choice(ODD_VALUES + ["10", 1e300, -5])
    elif kind == 7:
        cell["metadata"]["nbgrader"][rng.choice(["grade", "solution", "locked"])] = rng.choice(ODD_VALUES)
    elif kind == 8:
        cell["cell_type"] = rng.choice(["raw", "markdown", "python", 7, None])
    elif kind == 9:
        nb["metadata"] = rng.choice([{"kernelspec": {"name": rng.choice(ODD_TEXT)}}, [], None,
                                     {"autograder": {"flags": ["forged"], "tests": {"x": {"passed": True}}}}])
    elif kind == 10:
        cell["source"] = rng.choice(ODD_TEXT)
    elif kind == 11:
        nb["nbformat"] = rng.choice([3, 5, "4", None, 4])
    elif kind == 12:
        cells.extend(copy.deepcopy(graded) * rng.choice([1, 3]))  # duplicated grade ids
    else:
        cell.setdefault("outputs", []).append(rng.choice([{"output_type": "stream", "name": "stdout",
                                                            "text": rng.choice(ODD_TEXT)}, _deep(30), "out"]))
    return nb


def _write(folder: Path, text: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{CHAPTER}.ipynb").write_text(text, encoding="utf-8", errors="surrogatepass")


@pytest.fixture(scope="module")
def fuzzed(tmp_path_factory):
    rng = random.Random(20261202)
    subs = tmp_path_factory.mktemp("fuzz")
    reference = json.loads(nbformat.writes(reference_submission(CHAPTER)))
    blank = json.loads(nbformat.writes(nbformat.read(str(student_path(CHAPTER)), as_version=4)))
    nbformat.write(reference_submission(CHAPTER), str(_dir(subs / "reference" / CHAPTER)))
    students = ["reference"]
    for i in range(CASES):
        student = f"fuzz-{i:03d}"
        students.append(student)
        base = blank if i % 3 else reference
        _write(subs / student / CHAPTER, json.dumps(_mutations(rng, base), allow_nan=True))
    # Odd bytes, names and trees.
    odd = {"fuzz-bytes": b"\xff\xfe\x00garbage", "fuzz-empty": b"", "fuzz-deep-json": b"[" * 100_000,
           "fuzz-huge-number": b'{"cells": [], "nbformat": 1' + b"0" * 5000 + b"}"}
    for student, data in odd.items():
        (subs / student / CHAPTER).mkdir(parents=True)
        (subs / student / CHAPTER / f"{CHAPTER}.ipynb").write_bytes(data)
        students.append(student)
    (subs / "fuzz-file-as-chapter").mkdir()
    (subs / "fuzz-file-as-chapter" / CHAPTER).write_text("not a folder")
    (subs / "fuzz-notebook-folder" / CHAPTER / f"{CHAPTER}.ipynb").mkdir(parents=True)
    (subs / "fuzz unicode \u00e9\u202e name" / CHAPTER).mkdir(parents=True)
    nbformat.write(reference_submission(CHAPTER), str(subs / "fuzz unicode \u00e9\u202e name" / CHAPTER / f"{CHAPTER}.ipynb"))
    (subs / "fuzz-fifo" / CHAPTER).mkdir(parents=True)
    os.mkfifo(subs / "fuzz-fifo" / CHAPTER / f"{CHAPTER}.ipynb")
    students += ["fuzz-file-as-chapter", "fuzz-notebook-folder", "fuzz unicode \u00e9\u202e name", "fuzz-fifo"]
    out = tmp_path_factory.mktemp("fuzz-ws") / "ws"
    run = subprocess.run([sys.executable, "-m", "autograder", "grade", str(subs), "--out", str(out), "--workers", "2",
                          "--cell-timeout", "30", "--notebook-timeout", "180"],
                         capture_output=True, text=True, timeout=2400, cwd=REPO)
    rows = list(csv.DictReader((out / "grades.csv").open(encoding="utf-8"))) if (out / "grades.csv").is_file() else []
    return dict(run=run, rows=rows, students=students)


def _dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path / f"{CHAPTER}.ipynb"


def test_the_run_finishes(fuzzed):
    assert fuzzed["run"].returncode == 0, fuzzed["run"].stderr[-3000:]


def test_the_reference_keeps_full_marks(fuzzed):
    rows = {r["student_id"]: r for r in fuzzed["rows"]}
    assert rows["reference"]["status"] == "graded" and float(rows["reference"]["autograded_score"]) == FULL, rows["reference"]
    odd = [r for r in fuzzed["rows"] if "unicode" in r["student_id"]]
    assert odd and odd[0]["status"] == "graded" and float(odd[0]["autograded_score"]) == FULL, odd


def test_every_submission_gets_a_known_status(fuzzed):
    statuses = {r["student_id"]: r["status"] for r in fuzzed["rows"]}
    for student in fuzzed["students"]:
        matches = [s for sid, s in statuses.items() if sid == student or sid.startswith(student[:8])]
        assert matches, f"no row for {student!r}:\n{fuzzed['run'].stdout[-2000:]}"
    assert set(statuses.values()) <= set(STATUSES), statuses
    # A fuzzed notebook is never graded above the reference, and errors say why.
    for row in fuzzed["rows"]:
        assert float(row["autograded_score"]) <= FULL, row
        if row["status"] != "graded":
            assert row["message"], row

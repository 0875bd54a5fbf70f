"""Adversarial grading: one submission per attack and per kind of bad input, graded together
in one run of the instructor's command (sandboxed, 2 workers). Each test asserts the exact
outcome: status, score, and whether the submission is flagged for review.

Chapter `quantization` (41 autograded points) is used because it is the fastest to run.
"""
from __future__ import annotations

import csv
import hashlib
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import nbformat
import pytest

from autograder.notebooks import reference_submission, student_path

CHAPTER = "quantization"
FULL = 41.0
REPO = Path(__file__).resolve().parent.parent


def _tree_digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _reference():
    return reference_submission(CHAPTER)


def _blank():
    return nbformat.read(str(student_path(CHAPTER)), as_version=4)


def _with_cell(nb, source, after="setup"):
    """Insert a student-added code cell right after the cell with grade_id `after`."""
    index = next(i for i, c in enumerate(nb.cells)
                 if c.get("metadata", {}).get("nbgrader", {}).get("grade_id") == after)
    nb.cells.insert(index + 1, nbformat.v4.new_code_cell(source))
    return nb


def _cell(nb, grade_id):
    return next(c for c in nb.cells if c.get("metadata", {}).get("nbgrader", {}).get("grade_id") == grade_id)


def _edit_tests(nb):
    for cell in nb.cells:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if meta.get("grade") and not meta.get("solution") and cell.cell_type == "code":
            cell.source = "pass  # tests? what tests?"
    return nb


def _delete_cell(nb, grade_id):
    nb.cells = [c for c in nb.cells if c.get("metadata", {}).get("nbgrader", {}).get("grade_id") != grade_id]
    return nb


def _strip_metadata(nb, grade_id):
    _cell(nb, grade_id).metadata.pop("nbgrader")
    return nb


def _retype(nb, grade_id):
    index = nb.cells.index(_cell(nb, grade_id))
    old = nb.cells[index]
    new = nbformat.v4.new_markdown_cell(old.source)
    new.metadata = old.metadata
    nb.cells[index] = new
    return nb


ALWAYS_EQUAL = '''
class Anything(float):
    def __eq__(self, other): return True
    def __ne__(self, other): return False
    def __bool__(self): return True
    def __getattr__(self, name): return Anything()
    def __call__(self, *a, **k): return Anything()
    def __iter__(self): return iter([Anything(), Anything(), Anything()])
    def __getitem__(self, key): return Anything()
    def __torch_function__(self, *a, **k): return Anything()
for _name in ["absmax_quantize", "asymmetric_quantize", "asymmetric_dequantize", "groupwise_quantize_int4",
              "groupwise_dequantize", "bits_per_weight", "nf4_levels", "nf4_roundtrip", "double_quant_overhead",
              "gptq_quantize", "awq_scale_search", "model_memory_gb"]:
    globals()[_name] = lambda *a, **k: Anything()
'''

# student -> (notebook factory or raw text, file name)
ATTACKS = {
    "reference": lambda: _reference(),
    "blank": lambda: _blank(),
    "edit-tests": lambda: _edit_tests(_blank()),
    "delete-test": lambda: _delete_cell(_reference(), "model_memory_gb_real_models"),
    "strip-metadata": lambda: _strip_metadata(_reference(), "model_memory_gb_real_models"),
    "retype-test": lambda: _retype(_reference(), "model_memory_gb_real_models"),
    "patch-checks": lambda: _with_cell(_reference(), "check_close = check_equal = check_shape = "
                                                     "check_type = check_true = lambda *a, **k: None"),
    "patch-module": lambda: _with_cell(_reference(), "import llmcourse.checks as _c\n"
                                                     "_c.check_close.__code__ = (lambda *a, **k: None).__code__"),
    "patch-torch": lambda: _with_cell(_reference(), "torch.allclose = lambda *a, **k: True"),
    "always-equal": lambda: _with_cell(_blank(), ALWAYS_EQUAL, after="model_memory_gb"),
    "swallow-errors": lambda: _with_cell(_blank(), "get_ipython().set_custom_exc((BaseException,), "
                                                   "lambda *a, **k: None)"),
    "hook-cells": lambda: _with_cell(_blank(), "def _hook(info):\n    pass\n"
                                               "get_ipython().events.register('pre_run_cell', _hook)"),
    "exit-early": lambda: _with_cell(_reference(), "import os\nos._exit(0)", after="model_memory_gb"),
    "segfault": lambda: _with_cell(_reference(), "import ctypes\nctypes.string_at(0)"),
    "infinite-loop": lambda: _with_cell(_reference(), "while True:\n    pass"),
    "memory-bomb": lambda: _with_cell(_reference(), "hog = []\nwhile True:\n    hog.append(bytearray(2**28))"),
    "fork-bomb": lambda: _with_cell(_reference(), "import os\nfor _ in range(10_000):\n    try:\n"
                                                  "        if os.fork() == 0:\n            import time; time.sleep(600)\n"
                                                  "    except OSError:\n        break"),
    "huge-output": lambda: _with_cell(_reference(), "for _ in range(200_000):\n    print('x' * 100)"),
    "snoop": lambda: _with_cell(_reference(), (
        "import os, glob\n"
        f"print('repo visible:', sorted(os.listdir({str(REPO)!r})))\n"
        f"print('solutions visible:', os.path.exists({str(REPO / 'solutions')!r}))\n"
        "print('gradebooks:', [p for d in ('/tmp', '/work', '/root', '/home', '/srv', '/run')\n"
        "                      for p in glob.glob(d + '/**/gradebook.db', recursive=True)][:3])\n"
        "print('home:', os.listdir(os.path.expanduser('~')))")),
    "network": lambda: _with_cell(_reference(), (
        "import socket\ntry:\n    socket.create_connection(('1.1.1.1', 80), timeout=3)\n    print('NETWORK OPEN')\n"
        "except OSError as e:\n    print('network blocked:', type(e).__name__)")),
    "write-outside": lambda: _with_cell(_reference(), (
        "import os\nfor path in [" + repr(str(REPO / "README.md")) + ", '../escaped.txt', '/etc/escaped']:\n"
        "    try:\n        open(path, 'a').write('pwned')\n        print('WROTE', path)\n"
        "    except OSError as e:\n        print('blocked', path, type(e).__name__)")),
}
RAW = {
    "malformed": ('{"cells": [ this is not json', f"{CHAPTER}.ipynb"),
    "wrong-name": (None, "Untitled.ipynb"),
}


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    subs = tmp_path_factory.mktemp("class")
    for student, factory in ATTACKS.items():
        folder = subs / student / CHAPTER
        folder.mkdir(parents=True)
        nbformat.write(factory(), str(folder / f"{CHAPTER}.ipynb"))
    for student, (raw, name) in RAW.items():
        folder = subs / student / CHAPTER
        folder.mkdir(parents=True)
        if raw is None:
            nbformat.write(_blank(), str(folder / name))
        else:
            (folder / name).write_text(raw)
    other = subs / "other-chapter" / CHAPTER
    other.mkdir(parents=True)
    nbformat.write(reference_submission("decoding"), str(other / f"{CHAPTER}.ipynb"))
    extra = subs / "extra-files" / CHAPTER
    extra.mkdir(parents=True)
    nbformat.write(_reference(), str(extra / f"{CHAPTER}.ipynb"))
    (extra / "notes.txt").write_text("scratch")
    (extra / "checkpoint.pt").write_bytes(b"\0" * 1000)
    before = _tree_digest(subs)
    repo_before = hashlib.sha256((REPO / "README.md").read_bytes()).hexdigest()

    out = tmp_path_factory.mktemp("ws") / "ws"
    cmd = [sys.executable, "-m", "autograder", "grade", str(subs), "--out", str(out), "--workers", "2",
           "--cell-timeout", "15", "--notebook-timeout", "240", "--memory-mb", "3072",
           "--max-output-kb", "256"]
    run = subprocess.run(cmd, capture_output=True, text=True, timeout=1500, cwd=REPO)
    rows = {r["student_id"]: r for r in csv.DictReader((out / "grades.csv").open())} \
        if (out / "grades.csv").is_file() else {}
    return dict(subs=subs, out=out, run=run, rows=rows, before=before, repo_before=repo_before, cmd=cmd)


def _row(graded, student):
    assert student in graded["rows"], f"no grades.csv row for {student}:\n{graded['run'].stdout[-3000:]}\n{graded['run'].stderr[-3000:]}"
    return graded["rows"][student]


def _autograded_text(graded, student) -> str:
    """Everything the submission's cells printed (outputs only, not the code)."""
    path = graded["out"] / "autograded" / student / CHAPTER / f"{CHAPTER}.ipynb"
    nb = nbformat.read(str(path), as_version=4)
    texts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            texts.append(out.get("text", "") + out.get("ename", "") + " " + out.get("evalue", ""))
    return "\n".join(texts)


def test_command_succeeds_with_one_line_per_submission(graded):
    run = graded["run"]
    assert run.returncode == 0, run.stderr[-3000:]
    assert len(graded["rows"]) == len(ATTACKS) + len(RAW) + 2
    for student in graded["rows"]:
        assert sum(ln.startswith(f"{student}/") for ln in run.stdout.splitlines()) == 1, student


# (student, status, autograded score, flagged?)
EXPECTED = [
    ("reference", "graded", FULL, False),
    ("blank", "graded", 0.0, False),
    ("edit-tests", "graded", 0.0, True),          # originals re-run; edits flagged
    ("delete-test", "graded", FULL - 3, True),    # the deleted test scores 0
    ("strip-metadata", "graded", FULL - 3, True),
    ("retype-test", "graded", FULL, True),        # nbgrader restores the cell type and runs it
    ("patch-checks", "graded", 0.0, True),        # every test after the patch is voided
    ("patch-module", "graded", 0.0, True),
    ("patch-torch", "graded", 0.0, True),
    ("always-equal", "graded", 0.0, True),
    ("swallow-errors", "graded", 0.0, True),
    ("hook-cells", "graded", 0.0, True),
    ("exit-early", "error", 0.0, True),
    ("segfault", "error", 0.0, True),
    ("huge-output", "graded", FULL, False),
    ("snoop", "graded", FULL, True),
    ("network", "graded", FULL, True),
    ("write-outside", "graded", FULL, True),
    ("extra-files", "graded", FULL, False),
]


@pytest.mark.parametrize("student, status, score, flagged", EXPECTED, ids=[e[0] for e in EXPECTED])
def test_exact_outcome(graded, student, status, score, flagged):
    row = _row(graded, student)
    assert row["status"] == status, row
    assert float(row["autograded_score"]) == score, row
    assert (row["flagged"] == "yes") == flagged, row


@pytest.mark.parametrize("student, status, words", [
    ("malformed", "malformed", "is not a valid notebook"),
    ("wrong-name", "missing", f"expected {CHAPTER}/{CHAPTER}.ipynb; found Untitled.ipynb"),
    ("other-chapter", "wrong-chapter", "is the notebook of chapter decoding"),
    ("exit-early", "error", "the kernel died"),
    ("segfault", "error", "the kernel died"),
    ("extra-files", "graded", "ignored extra files (only quantization.ipynb is graded): checkpoint.pt, notes.txt"),
])
def test_bad_input_gets_a_clear_status(graded, student, status, words):
    row = _row(graded, student)
    assert row["status"] == status and words in row["message"], row


def test_infinite_loop_is_interrupted_and_the_rest_graded(graded):
    row = _row(graded, "infinite-loop")
    assert row["status"] == "graded" and float(row["autograded_score"]) == FULL, row
    assert "a cell ran longer than the 15 s limit" in row["message"], row


def test_memory_bomb_hits_the_memory_limit_and_the_rest_is_graded(graded):
    row = _row(graded, "memory-bomb")
    assert row["status"] == "graded" and float(row["autograded_score"]) == FULL, row
    assert "MemoryError" in _autograded_text(graded, "memory-bomb")


def test_fork_bomb_hits_the_process_limit_and_the_rest_is_graded(graded):
    row = _row(graded, "fork-bomb")
    assert row["status"] == "graded" and float(row["autograded_score"]) == FULL, row
    assert row["flagged"] == "yes" and "forks the process" in row["flags"], row


def test_huge_output_is_capped(graded):
    path = graded["out"] / "autograded" / "huge-output" / CHAPTER / f"{CHAPTER}.ipynb"
    assert path.stat().st_size < 2 * 2**20, path.stat().st_size
    assert "was dropped" in _autograded_text(graded, "huge-output")


def test_sandbox_hides_the_course_and_the_network(graded):
    text = _autograded_text(graded, "snoop")
    assert "solutions visible: False" in text and "gradebooks: []" in text, text[-3000:]
    assert "repo visible: ['.venv', 'book', 'llmcourse']" in text.replace("\\'", "'")
    assert "network blocked" in _autograded_text(graded, "network")


def test_writes_outside_the_submission_are_blocked(graded):
    text = _autograded_text(graded, "write-outside")
    assert "WROTE" not in text and text.count("blocked") >= 3, text[-2000:]
    assert hashlib.sha256((REPO / "README.md").read_bytes()).hexdigest() == graded["repo_before"]
    assert not (graded["subs"] / "write-outside" / "escaped.txt").exists()


def test_flags_name_the_reason(graded):
    flags = {s: _row(graded, s)["flags"] for s, *_ in EXPECTED}
    assert "cell edited" in flags["edit-tests"]
    assert "test cell missing" in flags["delete-test"] and "test cell missing" in flags["strip-metadata"]
    assert "cell type changed" in flags["retype-test"]
    assert "check_close is not the course's check_close" in flags["patch-checks"]
    assert "llmcourse.checks was modified" in flags["patch-module"]
    assert "torch comparison functions were modified" in flags["patch-torch"]
    assert "defines __eq__" in flags["always-equal"]
    assert "custom exception handler" in flags["swallow-errors"]
    assert "cell-execution hook" in flags["hook-cells"]
    assert "exits the kernel" in flags["exit-early"]


def test_feedback_never_shows_hidden_tests(graded):
    for student in ("reference", "blank", "patch-checks"):
        html = (graded["out"] / "feedback" / student / CHAPTER / f"{CHAPTER}.html").read_text()
        assert "BEGIN HIDDEN TESTS" not in html and "_ref_gptq" not in html
        assert "grader epilogue" not in html and "grader-seal" not in html


def test_submissions_are_never_modified(graded):
    assert _tree_digest(graded["subs"]) == graded["before"]


def test_report_has_item_analysis(graded):
    html = (graded["out"] / "report.html").read_text()
    assert "score distribution" in html and "pass rate per test" in html
    assert "Most common failures" in html and "Flagged for manual review" in html
    assert html.count("data:image/png;base64,") >= 1


def test_rerun_is_idempotent_and_resumes(graded):
    out = graded["out"]
    state = out / "state"
    (state / f"blank__{CHAPTER}.json").unlink()     # as if the run had stopped before this one
    run = subprocess.run(graded["cmd"], capture_output=True, text=True, timeout=900, cwd=REPO)
    assert run.returncode == 0, run.stderr[-2000:]
    assert sum("(already graded; unchanged)" in ln for ln in run.stdout.splitlines()) == len(ATTACKS) + 1 - 1
    rows = {r["student_id"]: r for r in csv.DictReader((out / "grades.csv").open())}
    assert {k: (v["status"], v["autograded_score"]) for k, v in rows.items()} == \
        {k: (v["status"], v["autograded_score"]) for k, v in graded["rows"].items()}
    from nbgrader.api import Gradebook
    with Gradebook(f"sqlite:///{out / 'gradebook.db'}") as gb:
        subs = gb.assignment_submissions(CHAPTER)
        names = sorted(s.student.id for s in subs)
        assert len(names) == len(set(names)), "a submission was counted twice"
        assert gb.find_submission(CHAPTER, "reference").code_score == FULL


def test_zip_of_a_class_is_graded(tmp_path):
    archive = tmp_path / "class.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr(f"class/alice/{CHAPTER}/{CHAPTER}.ipynb", nbformat.writes(_reference()))
        zf.writestr(f"class/bob/{CHAPTER}/{CHAPTER}.ipynb", '{"broken"')
        zf.writestr("../evil.txt", "zip slip")
    run = subprocess.run([sys.executable, "-m", "autograder", "grade", str(archive), "--out", str(tmp_path / "ws")],
                         capture_output=True, text=True, timeout=600, cwd=REPO)
    assert run.returncode == 0, run.stderr[-2000:]
    assert f"alice/{CHAPTER}: graded 41/41" in run.stdout and f"bob/{CHAPTER}: malformed" in run.stdout
    assert not (tmp_path / "evil.txt").exists()


def test_refuses_without_a_sandbox_unless_told(tmp_path, monkeypatch):
    import autograder.grade as g
    monkeypatch.setattr(g, "sandbox_probe", lambda: (False, "no sandbox on darwin"))
    (tmp_path / "subs").mkdir()
    with pytest.raises(g.SandboxUnavailable, match="no sandbox on darwin.*--unsafe-no-sandbox"):
        g.grade(tmp_path / "subs", tmp_path / "ws", echo=lambda _: None)
    assert g.grade(tmp_path / "subs", tmp_path / "ws2", echo=lambda _: None, unsafe_no_sandbox=True) == []


def test_static_scan_is_quiet_on_every_reference_solution():
    from autograder.config import chapters
    from autograder.tamper import scan
    from autograder.worker import student_code
    import tempfile
    for chapter in chapters():
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "nb.ipynb"
            nbformat.write(reference_submission(chapter), str(path))
            assert scan(student_code(path)) == [], chapter


def test_result_files_are_json(graded):
    for path in (graded["out"] / "state").glob("*.json"):
        json.loads(path.read_text())

"""Adversarial grading: one submission per attack and per kind of bad input, graded together in
one run of the instructor's command (sandboxed, 2 workers). Each test asserts the exact outcome:
status, score, and whether the submission is flagged for review.

Chapter `kv_cache` (35 autograded points) is used: it is fast and has every kind of test
(numbers, tensors against a model, stateful classes). Scores are decided by the judge outside
the student's process, so an attack inside the kernel can only lose points. Where an attack
would need to be *seen* (reading solutions/, the network, writing outside), the submission is
blank except for code that defines a correct `kv_cache_bytes` only if the breach worked: a
breach shows as points.
"""
from __future__ import annotations

import csv
import hashlib
import json
import shutil
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import nbformat
import pytest

from autograder.notebooks import read, reference_submission, source_path, strip_markers, student_path

CHAPTER = "kv_cache"
FULL = 35.0
REPO = Path(__file__).resolve().parent.parent


def _tree_digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.is_symlink()}


def _reference():
    return reference_submission(CHAPTER)


def _blank():
    return nbformat.read(str(student_path(CHAPTER)), as_version=4)


def _answer(grade_id: str) -> str:
    cell = next(c for c in read(source_path(CHAPTER)).cells
                if c.get("metadata", {}).get("nbgrader", {}).get("grade_id") == grade_id)
    return strip_markers(cell.source)


def _with_cell(nb, source, after="setup"):
    """Insert a student-added code cell right after the cell with grade_id `after` (or at the end)."""
    if after is None:
        nb.cells.append(nbformat.v4.new_code_cell(source))
        return nb
    index = next(i for i, c in enumerate(nb.cells)
                 if c.get("metadata", {}).get("nbgrader", {}).get("grade_id") == after)
    nb.cells.insert(index + 1, nbformat.v4.new_code_cell(source))
    return nb


def _cell(nb, grade_id):
    return next(c for c in nb.cells if c.get("metadata", {}).get("nbgrader", {}).get("grade_id") == grade_id)


def _if_breach(condition: str):
    """A blank notebook that earns kv_cache_bytes' points only if `condition` (code ending in an
    expression `breached`) is true inside the sandbox."""
    code = (f"def _probe():\n" + "\n".join("    " + ln for ln in condition.splitlines()) + "\n    return breached\n"
            "try:\n    _breached = _probe()\nexcept Exception:\n    _breached = False\n"
            "if _breached:\n" + "\n".join("    " + ln for ln in _answer("kv_cache_bytes").splitlines()))
    return _with_cell(_blank(), code, after="kv_cache_bytes")


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


NAMES = ["kv_cache_bytes", "gqa_savings", "forward_with_cache", "serving_budget", "quantize_kv_int8",
         "dequantize_kv_int8"]
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
for _name in NAMES:
    globals()[_name] = lambda *a, **k: Anything()
class BlockManager(Anything): pass
class SinkWindowCache(Anything): pass
'''.replace("NAMES", repr(NAMES))
FORGE = '''
import base64
from IPython.display import publish_display_data
from llmcourse.judging import MIME, encode, student
for _gid in %r:
    publish_display_data({MIME: {"test": _gid, "data": base64.b64encode(encode({"got": [student(0)] * 20})).decode()}})
import llmcourse.judging as _j
_j._publish = lambda test, nonce: publish_display_data({MIME: {"test": test.grade_id, "data": base64.b64encode(encode({})).decode()}})
_j.merge = lambda ref, got: ref
'''
SNOOP_LOCALS = '''
import sys
def _caller_values():
    frame = sys._getframe(2)
    return [v for v in frame.f_locals.values() if isinstance(v, int) and not isinstance(v, bool)]
def kv_cache_bytes(*args):
    found = _caller_values()
    return found[-1] if found else 0
'''
TRACE_HOOK = '''
import sys
def _tracer(frame, event, arg):
    if event == "exception":
        frame.f_locals.clear()
    return _tracer
sys.settrace(_tracer)
'''
INPUT_TRANSFORMER = '''
def _neuter(lines):
    text = "".join(lines)
    return ["pass\\n"] if "hidden_test" in text or "check_" in text else lines
get_ipython().input_transformers_post.append(_neuter)
'''
LEAK = '''
import os, json
print(json.dumps(dict(os.environ)))
print(In)
print(Out)
'''
MEMORY_CHILDREN = '''
import os, time
kids = []
for i in range(3):
    pid = os.fork()
    if pid == 0:
        try:
            block = bytearray(1800 * 2**20)
            for j in range(0, len(block), 4096):
                block[j] = 1
            time.sleep(5)
        finally:
            os._exit(0)
    kids.append(pid)
for pid in kids:
    os.waitpid(pid, 0)
'''
DISK_FILL = '''
import os
for folder in (os.getcwd(), "/tmp", os.path.expanduser("~")):
    try:
        with open(os.path.join(folder, "filler.bin"), "wb") as f:
            for _ in range(400):
                f.write(b"\\0" * 2**20)
                f.flush()
    except OSError:
        pass
    for i in range(2000):
        try:
            with open(os.path.join(folder, f"small-{i}.bin"), "wb") as f:
                f.write(b"\\0" * 2**20)
        except OSError:
            break
'''
LOG_FILL = '''
import os
for fd in (1, 2):
    for _ in range(100):
        try:
            os.write(fd, b"x" * 2**20)
        except OSError:
            break
'''
IPC_WRITE = '''
import os
from ipykernel.connect import get_connection_file
folder = os.path.dirname(get_connection_file())
for name in ("pwned-ipc", "../pwned-ipc"):
    try:
        open(os.path.join(folder, name), "w").write("x")
    except OSError:
        pass
try:
    os.chmod(folder, 0o777)
except OSError:
    pass
'''
UNINTERRUPTIBLE = '''
import time
while True:
    try:
        time.sleep(1)
    except KeyboardInterrupt:
        pass
'''
HIDDEN_IDS = ["kv_cache_bytes_real_configs", "kv_cache_bytes_matches_transformers", "gqa_savings_cases",
              "forward_with_cache_decode_32", "forward_with_cache_chunks", "block_manager_trace",
              "block_manager_limits", "serving_budget_cases", "sink_window_cache_every_step",
              "int8_kv_error_bounds", "int8_kv_memory_and_attention"]

# student -> notebook factory
ATTACKS = {
    "reference": _reference,
    "blank": _blank,
    "edit-tests": lambda: _edit_tests(_blank()),
    "delete-test": lambda: _delete_cell(_reference(), "serving_budget_cases"),
    "strip-metadata": lambda: _strip_metadata(_reference(), "serving_budget_cases"),
    "retype-test": lambda: _retype(_reference(), "serving_budget_cases"),
    "patch-checks": lambda: _with_cell(_blank(), "check_close = check_equal = check_shape = "
                                                 "check_type = check_true = lambda *a, **k: None"),
    "patch-private-helper": lambda: _with_cell(_blank(), "import llmcourse.checks as _c\n"
                                                         "_c._fail = lambda *a, **k: None"),
    "patch-torch": lambda: _with_cell(_blank(), "torch.allclose = lambda *a, **k: True"),
    "shadow-builtin": lambda: _with_cell(_blank(), "import builtins\nbuiltins.isinstance = lambda *a: True"),
    "always-equal": lambda: _always_equal(),
    "swallow-errors": lambda: _with_cell(_blank(), "get_ipython().set_custom_exc((BaseException,), "
                                                   "lambda *a, **k: None)"),
    "hook-cells": lambda: _with_cell(_blank(), "def _hook(result):\n    result.error_in_exec = None\n"
                                               "get_ipython().events.register('post_run_cell', _hook)"),
    "trace-hook": lambda: _with_cell(_blank(), TRACE_HOOK),
    "input-transformer": lambda: _with_cell(_blank(), INPUT_TRANSFORMER),
    "exec-constant": lambda: _with_cell(_blank(), "exec('import sys\\nsys.settrace(lambda *a: None)')"),
    "forge-observations": lambda: _with_cell(_blank(), FORGE % HIDDEN_IDS),
    "snoop-caller": lambda: _with_cell(_blank(), SNOOP_LOCALS, after="kv_cache_bytes"),
    "huge-observation": lambda: _with_cell(
        _blank(), "def kv_cache_bytes(*a):\n    return list(range(5_000_000))", after="kv_cache_bytes"),
    "deep-observation": lambda: _with_cell(
        _blank(), "def kv_cache_bytes(*a):\n    x = []\n    for _ in range(5000):\n        x = [x]\n    return x",
        after="kv_cache_bytes"),
    "leak-secrets": lambda: _with_cell(_reference(), LEAK, after=None),
    "exit-early": lambda: _with_cell(_reference(), "import os\nos._exit(0)"),
    "segfault": lambda: _with_cell(_reference(), "import ctypes\nctypes.string_at(0)"),
    "infinite-loop": lambda: _with_cell(_reference(), "while True:\n    pass"),
    "uninterruptible": lambda: _with_cell(_reference(), UNINTERRUPTIBLE, after=None),
    "memory-bomb": lambda: _with_cell(_reference(), "hog = []\nwhile True:\n    hog.append(bytearray(2**28))"),
    "memory-children": lambda: _with_cell(_reference(), MEMORY_CHILDREN, after=None),
    "fork-bomb": lambda: _with_cell(_reference(), "import os\nfor _ in range(10_000):\n    try:\n"
                                                  "        if os.fork() == 0:\n            import time; time.sleep(600)\n"
                                                  "    except OSError:\n        break", after=None),
    "disk-fill": lambda: _with_cell(_reference(), DISK_FILL, after=None),
    "log-fill": lambda: _with_cell(_reference(), LOG_FILL, after=None),
    "ipc-write": lambda: _with_cell(_reference(), IPC_WRITE, after=None),
    "huge-output": lambda: _with_cell(_reference(), "for _ in range(200_000):\n    print('x' * 100)"),
    "snoop-solutions": lambda: _if_breach(
        f"import os, glob\nbreached = os.path.exists({str(REPO / 'solutions')!r}) or bool(\n"
        "    [p for d in ('/tmp', '/work', '/root', '/home', '/srv', '/run')\n"
        "     for p in glob.glob(d + '/**/gradebook.db', recursive=True)])"),
    "network": lambda: _if_breach("import socket\nsocket.create_connection(('1.1.1.1', 80), timeout=3)\n"
                                  "breached = True"),
    "write-outside": lambda: _if_breach(
        "breached = False\nfor path in [" + repr(str(REPO / "README.md")) + ", " + repr(str(REPO / "escaped.txt"))
        + ", '/etc/escaped', '/root/escaped', '/work/escaped']:\n"
        "    try:\n        open(path, 'a').write('')\n        breached = True\n    except OSError:\n        pass"),
    "read-secrets": lambda: _if_breach(
        "import os\nbreached = any(k.startswith(('AUTOGRADER', 'GITHUB', 'AWS', 'NBGRADER', 'OPENAI')) "
        "or 'SECRET' in k for k in os.environ)"),
    "claims-a-role": lambda: _claims_a_role(),
}


def _always_equal():
    """Every answer cell replaced by look-alikes that equal anything."""
    import ast
    from autograder.notebooks import is_solution
    nb = _with_cell(_blank(), ALWAYS_EQUAL.split("for _name in")[0])
    for cell in nb.cells:
        if cell.cell_type == "code" and is_solution(cell):
            lines = []
            for node in ast.parse(cell.source).body:
                if isinstance(node, ast.ClassDef):
                    lines.append(f"class {node.name}(Anything):\n    pass")
                elif isinstance(node, ast.FunctionDef):
                    lines.append(f"def {node.name}(*a, **k):\n    return Anything()")
            cell.source = "\n".join(lines)
    return nb


def _claims_a_role():
    nb = _reference()
    cell = nbformat.v4.new_code_cell("print('mine')")
    cell.metadata["nbgrader"] = {"grade": True, "grade_id": '=HYPERLINK("http://evil.example","x")',
                                 "locked": True, "points": 100, "solution": False, "schema_version": 3}
    nb.cells.append(cell)
    return nb


def _bad_metadata():
    nb = _reference()
    _cell(nb, "kv_cache_bytes").metadata["nbgrader"]["points"] = "lots"
    return nb


def _not_utf8():
    nb = _reference()
    _cell(nb, "kv_cache_bytes").metadata["nbgrader"]["grade_id"] = "kv_cache_bytes\udcff"
    return nb


# (student, status, autograded score, flagged?)
EXPECTED = [
    ("reference", "graded", FULL, False),
    ("blank", "graded", 0.0, False),
    ("edit-tests", "graded", 0.0, True),            # originals re-run; edits flagged
    ("delete-test", "graded", FULL, True),          # nbgrader puts the test back
    ("strip-metadata", "graded", FULL, True),
    ("retype-test", "graded", FULL, True),
    ("patch-checks", "graded", 0.0, True),          # checks run in the grader: patching is moot
    ("patch-private-helper", "graded", 0.0, True),
    ("patch-torch", "graded", 0.0, True),
    ("shadow-builtin", "graded", 0.0, True),
    ("always-equal", "graded", 0.0, True),          # look-alikes arrive as opaque objects
    ("swallow-errors", "graded", 0.0, True),
    ("hook-cells", "graded", 0.0, True),
    ("trace-hook", "graded", 0.0, True),
    ("input-transformer", "graded", 0.0, True),
    ("exec-constant", "graded", 0.0, True),
    ("forge-observations", "graded", 0.0, True),    # forged or emptied observations are worth nothing
    ("snoop-caller", "graded", 0.0, True),          # the caller holds inputs, never expected values
    ("huge-observation", "graded", 0.0, False),
    ("deep-observation", "graded", 0.0, False),
    ("leak-secrets", "graded", FULL, False),
    ("exit-early", "graded", 0.0, True),            # the kernel's death costs the tests after it
    ("segfault", "graded", 0.0, True),
    ("infinite-loop", "graded", FULL, False),       # interrupted; the rest graded
    ("uninterruptible", "graded", FULL, True),      # stopped at the notebook limit, after the tests
    ("memory-bomb", "graded", FULL, False),
    ("memory-children", "graded", FULL, True),
    ("fork-bomb", "graded", FULL, True),
    ("disk-fill", "graded", FULL, False),
    ("log-fill", "graded", FULL, False),
    ("ipc-write", "graded", FULL, True),            # flagged for the "../" path
    ("huge-output", "graded", FULL, False),
    ("snoop-solutions", "graded", 0.0, True),
    ("network", "graded", 0.0, True),               # flagged for opening sockets; blocked all the same
    ("write-outside", "graded", 0.0, False),
    ("read-secrets", "graded", 0.0, True),          # flagged for mentioning the grader's names
    ("claims-a-role", "graded", FULL, True),
    ("extra-files", "graded", FULL, False),
]
NOTEBOOK_TIMEOUT = 150


def _host_sample() -> tuple[int, int]:
    """(available memory, free disk of the workspace's file system), in bytes."""
    info = dict(line.split(":", 1) for line in Path("/proc/meminfo").read_text().splitlines())
    available = int(info["MemAvailable"].split()[0]) * 1024
    return available, shutil.disk_usage("/tmp").free


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    subs = tmp_path_factory.mktemp("class")
    for student, factory in ATTACKS.items():
        folder = subs / student / CHAPTER
        folder.mkdir(parents=True)
        nbformat.write(factory(), str(folder / f"{CHAPTER}.ipynb"))
    raw = {"malformed": ('{"cells": [ this is not json', f"{CHAPTER}.ipynb"),
           "wrong-name": (nbformat.writes(_blank()), "Untitled.ipynb"),
           "bad-metadata": (nbformat.writes(_bad_metadata()), f"{CHAPTER}.ipynb"),
           "not-unicode": (json.dumps(_not_utf8()), f"{CHAPTER}.ipynb")}
    for student, (text, name) in raw.items():
        folder = subs / student / CHAPTER
        folder.mkdir(parents=True)
        (folder / name).write_text(text, errors="surrogatepass")
    other = subs / "other-chapter" / CHAPTER
    other.mkdir(parents=True)
    nbformat.write(reference_submission("decoding"), str(other / f"{CHAPTER}.ipynb"))
    extra = subs / "extra-files" / CHAPTER
    nbformat.write(_reference(), str(extra / f"{CHAPTER}.ipynb")) if extra.mkdir(parents=True) is None else None
    (extra / "notes.txt").write_text("scratch")
    (extra / "checkpoint.pt").write_bytes(b"\0" * 1000)
    link = subs / "symlink" / CHAPTER
    link.mkdir(parents=True)
    (link / f"{CHAPTER}.ipynb").symlink_to(source_path(CHAPTER))
    deep = subs / "deep-tree" / CHAPTER
    deep.mkdir(parents=True)
    nbformat.write(_reference(), str(deep / f"{CHAPTER}.ipynb"))
    nested = deep
    for _ in range(40):
        nested = nested / "d"
    nested.mkdir(parents=True)
    formula = subs / '=cmd|" -C calc"!A0' / CHAPTER
    formula.mkdir(parents=True)
    nbformat.write(_blank(), str(formula / f"{CHAPTER}.ipynb"))
    before = _tree_digest(subs)
    repo_before = hashlib.sha256((REPO / "README.md").read_bytes()).hexdigest()

    out = tmp_path_factory.mktemp("ws") / "ws"
    cmd = [sys.executable, "-m", "autograder", "grade", str(subs), "--out", str(out), "--workers", "2",
           "--cell-timeout", "15", "--notebook-timeout", str(NOTEBOOK_TIMEOUT), "--memory-mb", "3072",
           "--max-output-kb", "256", "--tmpfs-mb", "128"]
    samples, stop = [], threading.Event()

    def sample():
        while not stop.is_set():
            samples.append(_host_sample())
            time.sleep(0.5)
    start = _host_sample()
    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    run = subprocess.run(cmd, capture_output=True, text=True, timeout=2400, cwd=REPO)
    stop.set()
    sampler.join()
    rows = {r["student_id"]: r for r in csv.DictReader((out / "grades.csv").open(encoding="utf-8"))} \
        if (out / "grades.csv").is_file() else {}
    host = {"start": start, "min_memory": min(s[0] for s in samples), "min_disk": min(s[1] for s in samples)}
    print(f"\nhost during the attacks: available memory {start[0] / 2**30:.1f} GiB at start, "
          f"{host['min_memory'] / 2**30:.1f} GiB at least; free disk {start[1] / 2**30:.1f} GiB at start, "
          f"{host['min_disk'] / 2**30:.1f} GiB at least")
    return dict(subs=subs, out=out, run=run, rows=rows, before=before, repo_before=repo_before, cmd=cmd, host=host)


def _row(graded, student):
    assert student in graded["rows"], f"no grades.csv row for {student}:\n{graded['run'].stdout[-3000:]}\n{graded['run'].stderr[-3000:]}"
    return graded["rows"][student]


def _state(graded, student) -> dict:
    from autograder.grade import _safe_name
    return json.loads((graded["out"] / "state" / f"{_safe_name(student)}__{_safe_name(CHAPTER)}.json").read_text())


def test_command_succeeds_with_one_line_per_submission(graded):
    run = graded["run"]
    assert run.returncode == 0, run.stderr[-3000:]
    assert len(graded["rows"]) == len(ATTACKS) + 9
    for student in graded["rows"]:
        assert sum(ln.startswith(f"{student}/") or ln.startswith(f"'{student}/") for ln in run.stdout.splitlines()) <= 1


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
    ("bad-metadata", "malformed", "broken nbgrader cell metadata"),
    ("not-unicode", "malformed", "is not a valid notebook"),
    ("symlink", "malformed", "is a symbolic link"),
    ("deep-tree", "malformed", "folders nested deeper than"),
    ("exit-early", "graded", "the kernel stopped before the end of the notebook"),
    ("segfault", "graded", "the kernel stopped before the end of the notebook"),
    ("uninterruptible", "graded", "the notebook ran out of time"),
    ("infinite-loop", "graded", "a cell ran longer than the time limit"),
    ("extra-files", "graded", f"ignored extra files (only {CHAPTER}.ipynb is graded): checkpoint.pt, notes.txt"),
])
def test_bad_input_gets_a_clear_status(graded, student, status, words):
    row = _row(graded, student)
    assert row["status"] == status and words in row["message"], row


def test_flags_name_the_reason(graded):
    flags = {s: _row(graded, s)["flags"] for s, *_ in EXPECTED}
    assert "edited by the student" in flags["edit-tests"]
    assert "test cell missing" in flags["delete-test"] and "test cell missing" in flags["strip-metadata"]
    assert "cell_type changed" in flags["retype-test"] or "cell type" in flags["retype-test"], flags["retype-test"]
    assert "redefines the course's check_close" in flags["patch-checks"]
    assert "patching a module" in flags["patch-private-helper"] and "patching a module" in flags["patch-torch"]
    assert "patching a module or the builtins" in flags["shadow-builtin"]
    assert "defines __eq__" in flags["always-equal"]
    assert "custom exception handler" in flags["swallow-errors"]
    assert "cell-execution hook" in flags["hook-cells"]
    assert "trace hook" in flags["trace-hook"] and "in exec of a string" in flags["exec-constant"]
    assert "input_transformers_post" in flags["input-transformer"]
    assert "observation channel" in flags["forge-observations"]
    assert "_getframe" in flags["snoop-caller"]
    assert "the kernel did not finish the notebook (died" in flags["exit-early"]
    assert "notebook-timeout" in flags["uninterruptible"]
    assert "claims a role the course never gave" in flags["claims-a-role"]


def test_judge_messages_explain_failures(graded):
    failures = _state(graded, "always-equal")["result"]["failures"]
    assert any("not plain data" in m for m in failures.values()), failures
    failures = _state(graded, "blank")["result"]["failures"]
    assert all("NotImplementedError" in m for m in failures.values()), failures
    huge = _state(graded, "huge-observation")["result"]["failures"]["kv_cache_bytes_real_configs"]
    assert "could not" in huge or "raised" in huge or "expected" in huge, huge


def test_memory_is_contained_per_sandbox(graded):
    peak = _state(graded, "memory-children")["result"]["peak_memory_mb"]
    if peak is not None:  # recorded where the sandbox has a memory cgroup (as root on Linux)
        assert peak <= 3072 + 16, peak
    start, least = graded["host"]["start"][0], graded["host"]["min_memory"]
    # Two sandboxes of at most 3 GiB each, plus the grader: never the 3 x 1.8 GiB the children asked for on top.
    assert start - least < 8 * 2**30, (start, least)


def test_disk_is_contained_per_sandbox(graded):
    start, least = graded["host"]["start"][1], graded["host"]["min_disk"]
    assert start - least < 1 * 2**30, (start, least)


def test_kernel_cannot_write_into_its_connection_folder_or_keep_files(graded):
    assert not list(Path("/tmp").glob("agk*/pwned-ipc")) and not Path("/tmp/pwned-ipc").exists()


def test_worker_logs_are_never_written_by_kernels(graded):
    for log in (graded["out"] / "jobs").glob("worker-*.log"):
        assert log.stat().st_size < 2**20, (log, log.stat().st_size)


def test_huge_output_is_capped(graded):
    path = graded["out"] / "autograded" / "huge-output" / CHAPTER / f"{CHAPTER}.ipynb"
    assert path.stat().st_size < 2 * 2**20, path.stat().st_size


def test_writes_outside_the_submission_are_blocked(graded):
    assert hashlib.sha256((REPO / "README.md").read_bytes()).hexdigest() == graded["repo_before"]
    assert not (graded["subs"] / "write-outside" / "escaped.txt").exists()


def test_feedback_shows_no_hidden_test_no_secret_and_nothing_printed(graded):
    nonce = (graded["out"] / "state" / "seed").read_text().strip()
    source = read(source_path(CHAPTER))
    hidden_lines = [ln.strip() for c in source.cells for ln in c.source.splitlines()
                    if c.cell_type == "code" and len(ln.strip()) > 30 and "hidden_test" not in ln]
    for student in ("reference", "blank", "leak-secrets", "forge-observations", "snoop-caller"):
        html = (graded["out"] / "feedback" / student / CHAPTER / f"{CHAPTER}.html").read_text()
        assert "BEGIN HIDDEN TESTS" not in html and nonce not in html and "LLMCOURSE_GRADING" not in html
        assert "@observe.judge" not in html and "def observe(seed)" not in html
        assert "HOME" not in html or "/tmp/home" not in html
    html = (graded["out"] / "feedback" / "leak-secrets" / CHAPTER / f"{CHAPTER}.html").read_text()
    assert not [ln for ln in hidden_lines if ln in html and "check_" in ln][:1]


def test_csv_cells_never_start_a_formula(graded):
    with (graded["out"] / "grades.csv").open(encoding="utf-8") as f:
        for row in csv.reader(f):
            for cell in row:
                assert not cell.startswith(("=", "+", "@", "-", "\t", "\r")), row
    row = _row(graded, "claims-a-role")
    assert row["flags"].startswith("'=HYPERLINK") or "=HYPERLINK" not in row["flags"][:1]


def test_submissions_are_never_modified(graded):
    assert _tree_digest(graded["subs"]) == graded["before"]


def test_report_has_item_analysis(graded):
    html = (graded["out"] / "report.html").read_text()
    assert "score distribution" in html and "pass rate per test" in html
    assert "Most common failures" in html and "Flagged for manual review" in html
    assert "<script" not in html.lower().replace("<script type='math", "")


def test_rerun_is_idempotent_and_resumes(graded):
    from autograder.grade import _safe_name
    out = graded["out"]
    (out / "state" / f"{_safe_name('blank')}__{_safe_name(CHAPTER)}.json").unlink()  # as if the run had stopped
    kept = len(list((out / "state").glob("*.json")))
    run = subprocess.run(graded["cmd"], capture_output=True, text=True, timeout=900, cwd=REPO)
    assert run.returncode == 0, run.stderr[-2000:]
    reused = [ln for ln in run.stdout.splitlines() if "(already graded; unchanged)" in ln]
    assert len(reused) == kept >= len(EXPECTED) - 2, (len(reused), kept)
    assert any(ln.startswith("blank/") and "already" not in ln for ln in run.stdout.splitlines())
    rows = {r["student_id"]: r for r in csv.DictReader((out / "grades.csv").open(encoding="utf-8"))}
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
    assert f"alice/{CHAPTER}: graded {FULL:g}/{FULL:g}" in run.stdout and f"bob/{CHAPTER}: malformed" in run.stdout
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
    from autograder.notebooks import is_solution
    from autograder.tamper import scan
    for chapter in chapters():
        cells = [(str(i), c.source) for i, c in enumerate(reference_submission(chapter).cells)
                 if c.cell_type == "code" and is_solution(c)]
        assert scan(cells) == [], chapter


def test_result_files_are_json(graded):
    for path in (graded["out"] / "state").glob("*.json"):
        json.loads(path.read_text())

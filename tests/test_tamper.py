"""Fast unit tests of the judge's data channel, the static scan, the sanitisers and the sandbox
command (the end-to-end attacks are in tests/test_grader_adversarial.py)."""
from __future__ import annotations

import json

import numpy as np
import pytest
import torch

from autograder.grade import csv_cell
from autograder.result import SubmissionResult, clean_text
from autograder.tamper import scan
from llmcourse.checks import CheckFailure
from llmcourse.judging import (HiddenTest, ObservationError, Opaque, Student, check_raised, decode,
                               encode, merge, raised, student)


def test_observations_round_trip_with_exact_types():
    obs = {"i": 3, "f": 2.5, "nan": float("nan"), "inf": float("-inf"), "b": True, "s": "x", "n": None,
           "t": (1, 2), "l": [1, [2]], "set": {1, 2}, "d": {(1, 2): "k"}, "by": b"\x00\xff",
           "bf16": torch.ones(2, 3, dtype=torch.bfloat16), "i8": torch.arange(4, dtype=torch.int8),
           "scalar": torch.tensor(1.5), "np": np.arange(3), "npf": np.float32(1.25), "dt": torch.float16,
           "size": torch.Size([2, 3]), "st": student([torch.zeros(2), 4])}
    back = decode(encode(obs))
    assert type(back["i"]) is int and type(back["f"]) is float and back["b"] is True
    assert back["nan"] != back["nan"] and back["inf"] == float("-inf")
    assert back["t"] == (1, 2) and type(back["t"]) is tuple and back["set"] == {1, 2}
    assert back["d"] == {(1, 2): "k"} and back["by"] == b"\x00\xff" and back["dt"] is torch.float16
    assert back["bf16"].dtype == torch.bfloat16 and back["i8"].dtype == torch.int8
    assert back["scalar"].shape == () and float(back["scalar"]) == 1.5
    assert isinstance(back["np"], np.ndarray) and back["npf"].dtype == np.float32
    assert back["size"] == (2, 3) and isinstance(back["st"], Student)


def test_objects_that_are_not_plain_data_arrive_as_opaque():
    class AlwaysEqual(float):
        def __eq__(self, other):
            return True

    back = decode(encode({"x": student(AlwaysEqual(1.0)), "y": student(object())}))
    assert back["x"].value == Opaque(f"{AlwaysEqual.__module__}.{AlwaysEqual.__qualname__}")
    assert isinstance(back["y"].value, Opaque)


@pytest.mark.parametrize("data", [b"", b"garbage", b"\xff" * 8 + b"{}", encode({"a": 1})[:-3]])
def test_malformed_observations_raise_observation_error(data):
    with pytest.raises(ObservationError):
        decode(data)


def test_hostile_json_tags_raise_observation_error():
    from safetensors.torch import save
    for tree in ({"$dtype": "os.system"}, {"$tensor": "t9"}, {"$np": "object", "v": 1},
                 {"$unknown": 1}, {"$float": "1e999"}):
        with pytest.raises(ObservationError):
            decode(save({}, metadata={"observation": json.dumps(tree)}))


def test_too_deep_observations_are_refused():
    deep = []
    for _ in range(200):
        deep = [deep]
    with pytest.raises(ObservationError):
        encode(deep)


def test_merge_takes_the_skeleton_from_the_reference():
    ref = {"inputs": [1, 2], "got": [student(10), student(20)]}
    got = {"inputs": [999, 999], "got": [student(11), student(21)]}
    assert merge(ref, got) == {"inputs": [1, 2], "got": [11, 21]}
    with pytest.raises(CheckFailure, match="could not observe"):
        merge(ref, {"inputs": [1, 2], "got": [student(11)]})  # a shorter list cannot pass by zip


def _test(judge):
    test = HiddenTest("t", lambda seed: None)
    test.judge_fn = judge
    return test


def test_verdict_reports_student_errors_and_wrong_forms():
    def judge(got, ref):
        assert got["v"] + 0 == ref["v"], "wrong"
    test = _test(judge)
    ref = decode(encode({"v": student(1)}))
    test.verdict(decode(encode({"v": student(1)})), ref)
    with pytest.raises(CheckFailure, match="raised NotImplementedError"):
        test.verdict(decode(encode({"$error": "NotImplementedError: "})), ref)
    with pytest.raises(CheckFailure, match="could not be checked"):
        test.verdict(decode(encode({"v": student("text")})), ref)
    with pytest.raises(AssertionError, match="wrong"):
        test.verdict(decode(encode({"v": student(2)})), ref)


def test_check_raised():
    def bad():
        raise KeyError("k")
    check_raised(raised(bad).value, LookupError, name="x")  # a subclass counts
    with pytest.raises(CheckFailure, match="returned normally"):
        check_raised(raised(lambda: 1).value, ValueError, name="x")
    with pytest.raises(CheckFailure, match="raised KeyError"):
        check_raised(raised(bad).value, ValueError, name="x")


@pytest.mark.parametrize("code, reason", [
    ("torch.allclose = lambda *a, **k: True", "patching a module"),
    ("check_close = print", "redefines the course's check_close"),
    ("get_ipython().set_custom_exc((Exception,), None)", "custom exception handler"),
    ("class A:\n    def __eq__(self, o):\n        return True", "defines __eq__"),
    ("import os\nos._exit(0)", "exits the kernel"),
    ("import ctypes", "imports ctypes"),
    ("open('/srv/gradebook.db')", "mentions 'gradebook'"),
    ("setattr(np, 'allclose', None)", "patching a module"),
    ("get_ipython().events.register('pre_run_cell', print)", "cell-execution hook"),
    ("exec(base64.b64decode(s))", "computed code"),
    ("exec('import sys\\nsys.settrace(None)')", "in exec of a string: installs a trace hook"),
    ("eval(\"__import__('ctypes')\")", ""),
    ("get_ipython().input_transformers_post.append(f)", "input_transformers_post"),
    ("from IPython.display import publish_display_data\npublish_display_data({})", "observation channel"),
])
def test_static_scan_flags_tampering(code, reason):
    found = scan([("answer", code)])
    assert found and any(reason in f for f in found), found


def test_static_scan_ignores_ordinary_code():
    code = ("import math\nimport torch\n\ndef softmax(x, dim=-1):\n    z = x - x.max(dim, keepdim=True).values\n"
            "    return z.exp() / z.exp().sum(dim, keepdim=True)\nresult = {'a': 1}\nresult['a'] += 1\n")
    assert scan([("answer", code)]) == []


@pytest.mark.parametrize("text", ["=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "\t=1", "\r=1"])
def test_csv_cells_never_start_a_formula(text):
    assert csv_cell(text).startswith("'")


def test_text_from_submissions_is_made_printable():
    weird = "a\udcffb\x1b[31mc\u202ed"
    cleaned = clean_text(weird)
    cleaned.encode("utf-8")  # no lone surrogates left
    assert "\x1b" not in cleaned and "\u202e" not in cleaned
    result = SubmissionResult("s\udcff", "ch", "graded", flags=["\udcff=1"])
    result.line().encode("utf-8")


def test_sandbox_command_binds_the_gpu_only_when_asked(monkeypatch):
    from autograder import sandbox
    from autograder.settings import GraderSettings
    monkeypatch.setattr(sandbox, "gpu_device_nodes", lambda: ["/dev/nvidia0", "/dev/nvidiactl", "/dev/nvidia-uvm"])
    plain = sandbox.sandboxed_command(["python"], GraderSettings(), 0, None)
    gpu = sandbox.sandboxed_command(["python"], GraderSettings(gpu=True), 0, None)
    assert "--dev-bind" not in plain
    binds = [gpu[i + 1] for i, a in enumerate(gpu) if a == "--dev-bind"]
    assert binds == ["/dev/nvidia0", "/dev/nvidiactl", "/dev/nvidia-uvm"]
    assert gpu.index("--dev") < gpu.index("--dev-bind")  # a minimal /dev plus those nodes only
    env = sandbox.kernel_environment(GraderSettings(), "student:x")
    assert env["CUDA_VISIBLE_DEVICES"] == "" and "CUDA_VISIBLE_DEVICES" not in \
        {k for k, v in sandbox.kernel_environment(GraderSettings(gpu=True), "s").items() if v == ""}


def test_kernel_environment_is_an_allowlist(monkeypatch):
    from autograder import sandbox
    from autograder.settings import GraderSettings
    monkeypatch.setenv("OPENAI_API_KEY", "sk-secret")
    monkeypatch.setenv("GITHUB_TOKEN", "ghp-secret")
    monkeypatch.setenv("AUTOGRADER_REFERENCE_CACHE", "/somewhere")
    env = sandbox.kernel_environment(GraderSettings(), "student:n")
    assert not any("secret" in v or v == "/somewhere" for v in env.values())
    assert set(env) <= set(sandbox.KERNEL_ENV_ALLOWED) | {
        "OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS", "NUMEXPR_NUM_THREADS", "HOME", "TMPDIR",
        "MPLCONFIGDIR", "MPLBACKEND", "HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_HUB_DISABLE_PROGRESS_BARS",
        "PYTHONDONTWRITEBYTECODE", "JUPYTER_RUNTIME_DIR", "IPYTHONDIR", "LLMCOURSE_GRADING"}


def test_settings_come_from_nbgrader_config(tmp_path, monkeypatch):
    from autograder.__main__ import _settings
    (tmp_path / "nbgrader_config.py").write_text("c = get_config()\nc.GraderSettings.memory_mb = 1234\n")
    monkeypatch.chdir(tmp_path)

    class Args:
        cell_timeout_s = 7
    settings = _settings(Args())
    assert settings.memory_mb == 1234 and settings.cell_timeout_s == 7


@pytest.mark.parametrize("code", ["import sklearn.linear_model", "from scipy.special import comb",
                                  "from sklearn import linear_model as lm", "__import__('scipy.stats')",
                                  "exec('import sklearn')"])
def test_static_scan_flags_libraries_the_rules_forbid(code):
    found = scan([("answer bradley_terry", code)], forbidden_libraries={"sklearn", "scipy"})
    assert any("rules forbid" in f for f in found), found


def test_static_scan_allows_libraries_the_rules_do_not_name():
    assert scan([("answer", "import numpy as np\nfrom collections import Counter")],
                forbidden_libraries={"sklearn", "scipy"}) == []
    assert scan([("answer", "import sklearn")]) == []          # no list: nothing is forbidden


def test_submission_scan_reads_the_forbidden_list_from_the_released_notebook(tmp_path):
    """The list comes from the course's own release (notebook metadata `llmcourse`), never from the
    submission, and only cells the student wrote are scanned."""
    import copy

    import nbformat

    from autograder.notebooks import forbidden_libraries, student_path
    from autograder.worker import ScanSubmission, findings

    release = nbformat.read(student_path("evaluation"), as_version=4)
    assert {"sacrebleu", "rouge_score", "torchmetrics", "sklearn", "scipy"} <= forbidden_libraries(release)
    submission = copy.deepcopy(release)
    submission.metadata["llmcourse"] = {"forbidden_in_answers": []}          # a student's edit changes nothing
    answer = next(c for c in submission.cells if c.get("metadata", {}).get("nbgrader", {}).get("grade_id") == "bradley_terry")
    answer.source = "from sklearn.linear_model import LogisticRegression\n" + answer.source
    path = tmp_path / "release.ipynb"
    nbformat.write(release, path)
    nb, _ = ScanSubmission(release_notebook=str(path)).preprocess(submission, {})
    flags = findings(nb)["flags"]
    assert any("sklearn.linear_model" in f and "rules forbid" in f for f in flags), flags
    nb, _ = ScanSubmission(release_notebook=str(path)).preprocess(copy.deepcopy(release), {})
    assert findings(nb)["flags"] == []                                         # the course's own cells pass

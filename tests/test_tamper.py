"""Fast unit tests of the grader's tamper defences (the end-to-end attacks are in
tests/test_grader_adversarial.py)."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from autograder.tamper import (CHECK_NAMES, EPILOGUE_MARK, SEAL_PREFIX, _DIGEST_SOURCE, _EPILOGUE,
                               check_code_digests, scan, seal)


def test_check_digests_are_the_same_in_another_process():
    here = check_code_digests()
    code = "import json; from autograder.tamper import check_code_digests; print(json.dumps(check_code_digests()))"
    there = json.loads(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                      check=True, env={"PYTHONHASHSEED": "123", "PATH": ""}).stdout)
    assert here == there and set(here) == set(CHECK_NAMES)


def test_epilogue_compiles_and_seals_a_clean_namespace():
    source = _EPILOGUE.format(mark=EPILOGUE_MARK, key="k", gid="t", digests=check_code_digests(),
                              tamper="TAMPER:", seal=SEAL_PREFIX, digest_source=_DIGEST_SOURCE)
    compile(source, "<epilogue>", "exec")
    assert seal("k", "t") != seal("k", "u") != seal("j", "t")


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
])
def test_static_scan_flags_tampering(code, reason):
    found = scan([("answer", code)])
    assert any(reason in f for f in found), found


def test_static_scan_ignores_ordinary_code():
    code = ("import math\nimport torch\n\ndef softmax(x, dim=-1):\n    z = x - x.max(dim, keepdim=True).values\n"
            "    return z.exp() / z.exp().sum(dim, keepdim=True)\nresult = {'a': 1}\nresult['a'] += 1\n")
    assert scan([("answer", code)]) == []

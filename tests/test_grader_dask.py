"""Grading on a real Dask cluster on this machine: a scheduler and two one-thread workers on
127.0.0.1, each with its own folder. The grades must equal the local pool's row for row; a worker
killed mid-run costs nothing; a worker running other course files is refused."""
from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("distributed")

from autograder.cluster import start_local_cluster, start_worker, stop  # noqa: E402
from autograder.samples import demo_class  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
SEED = "dask-test"


def _grade(subs: Path, out: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "autograder", "grade", str(subs), "--out", str(out),
                           "--seed", SEED, *extra], capture_output=True, text=True, timeout=1500, cwd=REPO)


def _rows(out: Path) -> list[dict]:
    with (out / "grades.csv").open(encoding="utf-8") as f:
        return sorted(csv.DictReader(f), key=lambda r: (r["student_id"], r["chapter"]))


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    folder = tmp_path_factory.mktemp("dask")
    address, procs = start_local_cluster(2, folder)
    yield address, procs, folder
    stop(procs)


@pytest.fixture(scope="module")
def klass(tmp_path_factory):
    return demo_class(tmp_path_factory.mktemp("class") / "subs", students=4)


def test_dask_grades_equal_the_local_pool(cluster, klass, tmp_path):
    address, _, _ = cluster
    local = _grade(klass, tmp_path / "local", "--workers", "2")
    assert local.returncode == 0, local.stderr[-2000:]
    remote = _grade(klass, tmp_path / "dask", "--scheduler", address)
    assert remote.returncode == 0, remote.stderr[-2000:]
    assert _rows(tmp_path / "dask") == _rows(tmp_path / "local")
    assert len(_rows(tmp_path / "dask")) == 12
    assert (tmp_path / "dask" / "feedback" / "student01" / "kv_cache" / "kv_cache.html").is_file()


def test_a_worker_killed_mid_run_costs_nothing(cluster, klass, tmp_path):
    address, procs, folder = cluster
    out = tmp_path / "ws"
    run = subprocess.Popen([sys.executable, "-m", "autograder", "grade", str(klass), "--out", str(out),
                            "--seed", SEED, "--scheduler", address], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True, cwd=REPO)
    victim = procs[1]
    deadline = time.time() + 600
    while time.time() < deadline and not list((out / "state").glob("*.json")):
        time.sleep(0.5)
    os.killpg(victim.pid, signal.SIGKILL)  # the worker and its sandbox, mid-run
    stdout, stderr = run.communicate(timeout=1500)
    procs[1] = start_worker(address, folder / "worker-1b")  # for the tests after this one
    assert run.returncode == 0, stderr[-2000:]
    rows = _rows(out)
    assert len(rows) == 12 and all(r["status"] == "graded" for r in rows), rows
    from nbgrader.api import Gradebook
    with Gradebook(f"sqlite:///{out / 'gradebook.db'}") as gb:
        for chapter in ("decoding", "kv_cache", "quantization"):
            names = [s.student.id for s in gb.assignment_submissions(chapter)]
            assert len(names) == len(set(names)) == 4, (chapter, names)


def test_a_worker_with_other_course_files_is_refused(tmp_path, klass):
    from autograder.config import copy_working_tree
    copy = tmp_path / "other-course"
    copy_working_tree(copy)
    with (copy / "autograder" / "worker.py").open("a") as f:
        f.write("\n# a different commit\n")
    env = dict(os.environ, PYTHONPATH=str(copy))
    address, procs = start_local_cluster(1, tmp_path / "cluster", env=env)
    try:
        run = _grade(klass, tmp_path / "ws", "--scheduler", address)
    finally:
        stop(procs)
    assert run.returncode == 2
    assert "refusing to grade on a mixed cluster" in run.stderr and "other course files" in run.stderr, run.stderr

"""Every command in the instructor guide (book/instructors.md) runs, in order, and does
what the guide says. The guide's `$ ` lines in ```console blocks are the script."""
from __future__ import annotations

import csv
import os
import re
import shutil
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from autograder.config import copy_working_tree

REPO = Path(__file__).resolve().parent.parent
GUIDE = REPO / "book" / "instructors.md"
SERVER = re.compile(r"\bjupyter lab\b")


def guide_commands() -> list[str]:
    blocks = re.findall(r"```console\n(.*?)```", GUIDE.read_text(), flags=re.S)
    return [line[2:].strip() for block in blocks for line in block.splitlines() if line.startswith("$ ")]


def _copy_course(dest: Path) -> None:
    """A copy of the working tree (tracked and untracked, not ignored), sharing the venv."""
    copy_working_tree(dest)
    (dest / ".venv").symlink_to(REPO / ".venv")


def _run(script: str, cwd: Path, env: dict) -> None:
    done = subprocess.run(["bash", "-c", "set -euo pipefail\n" + script], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, f"guide commands failed:\n{script}\n--- stdout ---\n{done.stdout[-3000:]}\n--- stderr ---\n{done.stderr[-3000:]}"


def _check_server(command: str, cwd: Path, env: dict, exports: str) -> None:
    port = re.search(r"--port[ =](\d+)", command).group(1)
    env = dict(env, JUPYTER_TOKEN="guide-test")
    command = command.replace("(cd _grading/run && ", "").rstrip(")")
    if os.geteuid() == 0:  # CI runs as root, which Jupyter refuses without this flag
        command += " --allow-root"
    server = subprocess.Popen(["bash", "-c", f"{exports}\nexec {command}"],
                              cwd=cwd / "_grading" / "run", env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        request = urllib.request.Request(f"http://127.0.0.1:{port}/formgrader",
                                         headers={"Authorization": "token guide-test"})
        deadline, page, url = time.time() + 90, None, None
        while time.time() < deadline and page is None:
            try:
                with urllib.request.urlopen(request, timeout=5) as r:
                    page, url = r.read().decode(errors="replace"), r.geturl()
            except OSError:
                time.sleep(1)
        assert page is not None, "JupyterLab did not start in the grading workspace"
        assert "/formgrader" in url and "login" not in url, f"the formgrader was not served: ended at {url}"
        assert "nbgrader formgrade" in page, "the page served is not the formgrader"
        api = urllib.request.Request(f"http://127.0.0.1:{port}/formgrader/api/assignments",
                                     headers={"Authorization": "token guide-test"})
        with urllib.request.urlopen(api, timeout=10) as r:
            assignments = r.read().decode()
        assert '"transformers"' in assignments, f"the formgrader does not know the graded chapter: {assignments[:300]}"
    finally:
        os.killpg(server.pid, 15)
        server.wait(timeout=30)


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git to copy the course")
def test_every_guide_command_runs(tmp_path):
    commands = guide_commands()
    assert len(commands) >= 10, commands
    course = tmp_path / "course"
    _copy_course(course)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MAKE", "MFLAGS"))}
    env["PATH"] = f"{course / '.venv' / 'bin'}:{env['PATH']}"

    exports, pending = "", []
    for command in commands:
        if SERVER.search(command):
            _run(exports + "\n".join(pending), course, env)
            pending = []
            _check_server(command, course, env, exports)
        else:
            pending.append(command)
            if command.startswith("export "):
                exports += command + "\n"
    _run(exports + "\n".join(pending), course, env)

    with open(course / "_grading" / "run" / "grades.csv") as f:
        rows = list(csv.DictReader(f))
    assert [(r["chapter"], r["status"]) for r in rows] == [("transformers", "graded")], rows
    assert float(rows[0]["autograded_score"]) == 0  # the student submitted the untouched notebook
    assert (course / "_grading" / "run" / "final_grades.csv").is_file()
    student = rows[0]["student_id"]
    assert (course / "_grading" / "run" / "feedback" / student / "transformers" / "transformers.html").is_file()
    demo_ws = course / "_grading" / "demo" / "workspace"
    with open(demo_ws / "grades.csv") as f:
        demo = list(csv.DictReader(f))
    assert len(demo) == 30 and all(r["status"] == "graded" for r in demo), demo
    assert all(r["autograded_score"] == r["autograded_max"] for r in demo if r["student_id"] == "student01")
    assert all(float(r["autograded_score"]) == 0 for r in demo if r["student_id"] == "student02")
    assert all(r["flagged"] == "yes" for r in demo if r["student_id"] == "student03")  # the cheater
    assert "pass rate per test" in (demo_ws / "report.html").read_text()

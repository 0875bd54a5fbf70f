"""Grading on a Dask `distributed` cluster (`python -m autograder grade ... --scheduler tcp://HOST:8786`).

A task is one job (a submission, or a chapter's reference observations). What travels:

- to the worker: the job, the submission's bytes, the chapter's nbgrader template (gradebook and
  release notebook) and, for a submission, the reference observations as data;
- back to the driver: the typed result record, and the worker's nbgrader folders (submitted,
  autograded, feedback) with its one-submission gradebook, as one tar archive.

The worker grades exactly as the local pool does (`autograder.worker.grade_one`: its own sandbox
slot and limits). It needs the course itself (the same commit, for the judges in the source
notebooks and for computing reference observations); the sandbox hides `solutions/` from student
code there as here. Only the driver writes the gradebook, grades.csv, the feedback and the
report. A worker that dies loses only its in-flight task: Dask runs it again elsewhere, up to
the scheduler's `allowed-failures`, after which the submission gets the status `error` with the
reason. At start-up the driver compares every worker's fingerprint (course files and package
versions) with its own and refuses to mix them.
"""
from __future__ import annotations

import hashlib
import io
import json
import os
import sys
import tarfile
import tempfile
import time
from pathlib import Path

from autograder.config import REPO

FINGERPRINTED = ("autograder", "llmcourse", "solutions")
PACKAGES = ("torch", "numpy", "nbgrader", "nbclient", "transformers", "faiss-cpu", "safetensors", "dask",
            "distributed")


class ClusterMismatch(RuntimeError):
    """A worker runs other course files or package versions than the driver."""


def fingerprint() -> dict:
    """The course files' digest and the package versions of this process (driver or worker)."""
    from importlib.metadata import PackageNotFoundError, version

    digest = hashlib.sha256()
    for folder in FINGERPRINTED:
        for path in sorted((REPO / folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix in (".py", ".ipynb"):
                digest.update(str(path.relative_to(REPO)).encode() + b"\0" + path.read_bytes())
    versions = {}
    for name in PACKAGES:
        try:
            versions[name] = version(name)
        except PackageNotFoundError:
            versions[name] = None
    versions["python"] = sys.version.split()[0]
    return {"course": digest.hexdigest(), "versions": versions}


def check_workers(client) -> int:
    """Refuse a cluster whose workers differ from the driver; return the number of workers."""
    mine = fingerprint()
    theirs = client.run(fingerprint)
    if not theirs:
        raise ClusterMismatch("the cluster has no workers")
    problems = []
    for worker, fp in sorted(theirs.items()):
        if fp["course"] != mine["course"]:
            problems.append(f"{worker} runs other course files (digest {fp['course'][:12]}, "
                            f"the driver's is {mine['course'][:12]}): deploy the same course commit")
        diff = {k: (v, mine["versions"].get(k)) for k, v in fp["versions"].items() if mine["versions"].get(k) != v}
        if diff:
            problems.append(f"{worker} has other package versions: " +
                            ", ".join(f"{k} {w} (driver {d})" for k, (w, d) in sorted(diff.items())))
    if problems:
        raise ClusterMismatch("refusing to grade on a mixed cluster:\n  " + "\n  ".join(problems))
    return len(theirs)


# --------------------------------------------------------------------------- worker side
_SLOT: list = []


def _slot() -> int:
    """This Dask worker process's sandbox slot, claimed once for its lifetime."""
    if not _SLOT:
        from autograder.sandbox import claim_slots
        _SLOT.append(claim_slots(1)[0])
    return _SLOT[0][0]


def _pack(folder: Path) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        if folder.exists():
            tar.add(str(folder), arcname=".")
    return buffer.getvalue()


def _unpack(data: bytes, dest: Path) -> None:
    dest.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
        tar.extractall(dest, filter="data")  # no links out, no absolute paths, no devices


def run_remote(payload: dict) -> dict:
    """A Dask task: run one job on this worker and return plain data."""
    from autograder import worker
    from autograder.result import SubmissionResult
    from autograder.settings import GraderSettings

    job = dict(payload["job"])
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="ag-dask-") as tmp:
        tmp = Path(tmp)
        job["slot"] = _slot()
        if job["kind"] == "reference":
            out = tmp / "reference.json"
            worker.compute_reference(job["chapter"], GraderSettings.from_dict(job["settings"]), job["slot"],
                                     job["nonce"], out, job["sandbox"])
            return {"reference": out.read_text(), "wall_seconds": time.monotonic() - started}
        (tmp / "in").mkdir()
        notebook = tmp / "in" / f"{job['chapter']}.ipynb"
        notebook.write_bytes(payload["notebook"])
        _unpack(payload["template"], tmp / "template")
        (tmp / "reference.json").write_text(payload["reference"])
        job.update(notebook=str(notebook), workdir=str(tmp / "work"), reference=str(tmp / "reference.json"),
                   template_db=str(tmp / "template" / "gradebook.db"), template_release=str(tmp / "template" / "release"))
        try:
            result = worker.grade_one(job).to_dict()
        except Exception as exc:  # noqa: BLE001 - reported per submission
            result = SubmissionResult(job["student"], job["chapter"], "error",
                                      message=f"the grader failed on this submission: {type(exc).__name__}: {exc}"[:400]).to_dict()
        course = tmp / "work" / "course"
        result["wall_seconds"] = time.monotonic() - started
        return {"result": result, "course": _pack(course) if result["status"] == "graded" else b""}


# --------------------------------------------------------------------------- driver side
class DaskPool:
    """The WorkerPool interface (`run_all(jobs)` yields `(job, raw result)`) on a Dask cluster."""

    def __init__(self, scheduler: str, workspace: Path, retries: int = 2):
        self.scheduler, self.workspace, self.retries = scheduler, workspace, retries

    def __enter__(self) -> "DaskPool":
        from distributed import Client
        self.client = Client(self.scheduler, timeout="30s")
        self.n = check_workers(self.client)
        self._shared: dict = {}
        return self

    def __exit__(self, *exc) -> None:
        self.client.close()

    def _payload(self, job: dict) -> dict:
        if job["kind"] == "reference":
            return {"job": job}
        chapter = job["chapter"]
        if chapter not in self._shared:  # sent to the cluster once per chapter, not per submission
            template = _pack(Path(job["template_release"]).parent)
            reference = Path(job["reference"]).read_text()
            self._shared[chapter] = self.client.scatter([template, reference], hash=False)
        template, reference = self._shared[chapter]
        return {"job": job, "notebook": Path(job["notebook"]).read_bytes(), "template": template,
                "reference": reference}

    def run_all(self, jobs: list[dict]):
        from distributed import as_completed

        futures = {}
        for job in jobs:
            key = f"grade-{job['kind']}-{hashlib.sha256(json.dumps(job, sort_keys=True).encode()).hexdigest()[:16]}"
            futures[self.client.submit(run_remote, self._payload(job), key=key, pure=False,
                                       retries=self.retries)] = job
        for future in as_completed(futures):
            job = futures[future]
            try:
                raw = future.result()
            except Exception as exc:  # noqa: BLE001 - e.g. KilledWorker after the retries
                yield job, {"status": "error", "message": (
                    f"grading failed on the cluster after {self.retries + 1} attempt(s): "
                    f"{type(exc).__name__}: {str(exc)[:200]}")}
                continue
            if job["kind"] == "reference":
                path = Path(job["out"])
                tmp = path.with_suffix(".tmp")
                tmp.write_text(raw["reference"])
                os.replace(tmp, path)
                yield job, {"kind": "reference"}
                continue
            if raw.get("course"):
                _unpack(raw["course"], Path(job["workdir"]) / "course")
            result = raw["result"]
            result["wall_seconds"] = raw["result"].get("wall_seconds", 0.0)
            yield job, result


def start_local_cluster(n_workers: int, folder: Path, env: dict | None = None, python: str | None = None):
    """A scheduler and `n_workers` one-thread workers on 127.0.0.1 (for tests and benchmarks).
    Returns (address, [scheduler process, worker processes...])."""
    import socket
    import subprocess

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    python = python or sys.executable
    env = dict(env or os.environ)
    address = f"tcp://127.0.0.1:{port}"
    folder.mkdir(parents=True, exist_ok=True)
    procs = [subprocess.Popen([python, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port",
                               str(port), "--no-dashboard"], env=env, stdout=subprocess.DEVNULL, cwd=str(folder),
                              stderr=open(folder / "scheduler.log", "wb"), start_new_session=True)]
    for i in range(n_workers):
        procs.append(start_worker(address, folder / f"worker-{i}", env=env, python=python))
    from distributed import Client
    deadline = time.time() + 120
    while True:
        try:
            with Client(address, timeout="5s") as client:
                if len(client.scheduler_info()["workers"]) >= n_workers:
                    break
        except OSError:
            pass
        if time.time() > deadline:
            raise RuntimeError("the local Dask cluster did not start")
        time.sleep(1)
    return address, procs


def start_worker(address: str, folder: Path, env: dict | None = None, python: str | None = None):
    import subprocess
    folder.mkdir(parents=True, exist_ok=True)
    return subprocess.Popen([python or sys.executable, "-m", "distributed.cli.dask_worker", address,
                             "--nthreads", "1", "--nworkers", "1", "--no-dashboard",
                             "--local-directory", str(folder), "--death-timeout", "60"],
                            env=dict(env or os.environ), stdout=subprocess.DEVNULL, cwd=str(folder),
                            stderr=open(folder / "worker.log", "wb"), start_new_session=True)


def stop(procs) -> None:
    import signal
    for proc in procs:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
    for proc in procs:
        try:
            proc.wait(timeout=20)
        except Exception:  # noqa: BLE001
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


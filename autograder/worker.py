"""Grade ONE submission in a private nbgrader course folder; the kernel runs in the sandbox.

    python -m autograder.worker JOB.json

The job names the submission (read only), a private folder, the chapter's template (release
notebook and a gradebook with the assignment), the worker slot (sandbox uid) and the limits.
The worker writes RESULT.json beside the job and never touches the submission. It runs in its
own process, so a crash, a memory blow-up or a kill by the parent's notebook time limit cannot
harm the other submissions.
"""
from __future__ import annotations

import json
import os
import shutil
import sys
import time
import warnings
from pathlib import Path

import nbformat

from autograder.config import SOLUTIONS, apply_course_config
from autograder.sandbox import Limits, sandbox_uid
from autograder.tamper import FINDINGS, scan

AUTOGRADE = ["nbgrader.preprocessors.ClearOutput", "nbgrader.preprocessors.DeduplicateIds",
             "nbgrader.preprocessors.OverwriteKernelspec", "nbgrader.preprocessors.OverwriteCells",
             "nbgrader.preprocessors.CheckCellMetadata"]
RUN = ["autograder.tamper.SealTests", "autograder.worker.CappedExecute", "autograder.tamper.RecordingVerifySeals",
       "nbgrader.preprocessors.IgnorePattern", "nbconvert.preprocessors.ClearMetadataPreprocessor",
       "nbgrader.preprocessors.LimitOutput", "nbgrader.preprocessors.SaveAutoGrades",
       "nbgrader.preprocessors.AssignLatePenalties", "nbgrader.preprocessors.CheckCellMetadata"]


def _capped_execute():
    from nbgrader.preprocessors import Execute
    from traitlets import Integer

    class CappedExecute(Execute):
        """nbgrader's Execute with an output budget per cell, enforced as messages arrive (so a
        print loop cannot exhaust the grader's memory), and tamper findings kept."""
        max_output_bytes = Integer(512 * 1024).tag(config=True)

        def output(self, outs, msg, display_id, cell_index):
            used = self._used.get(cell_index, 0)
            size = len(json.dumps(msg.get("content", {}), default=str))
            self._used[cell_index] = used + size
            if used + size > self.max_output_bytes:
                if not self._capped.get(cell_index):
                    self._capped[cell_index] = True
                    outs.append(nbformat.v4.new_output(
                        "stream", name="stdout",
                        text=f"\n[grader: output beyond {self.max_output_bytes // 1024} KB was dropped]\n"))
                return None
            return super().output(outs, msg, display_id, cell_index)

        def preprocess(self, nb, resources=None, km=None):
            self._used, self._capped = {}, {}
            return super().preprocess(nb, resources, km=km)

    return CappedExecute


def __getattr__(name):  # CappedExecute is built lazily (nbgrader is slow to import)
    if name == "CappedExecute":
        return _capped_execute()
    raise AttributeError(name)


def grade_one(job: dict) -> dict:
    from nbgrader.api import Gradebook
    from nbgrader.apps import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory
    from traitlets.config import Config

    t0 = time.perf_counter()
    warnings.filterwarnings("ignore")
    # The client declares a kernel dead after one missed heartbeat (1 s by default). On a loaded
    # machine grading in parallel that misfires; a real death is still seen within 10 s.
    from jupyter_client.channels import HBChannel
    HBChannel.time_to_dead = 10.0
    limits = Limits(**job["limits"])
    student, chapter = job["student"], job["chapter"]
    root = Path(job["workdir"])
    course = root / "course"
    if root.exists():
        shutil.rmtree(root)
    course.mkdir(parents=True)
    shutil.copyfile(job["template_db"], course / "gradebook.db")
    shutil.copytree(job["template_release"], course / "release" / chapter)
    submitted = course / "submitted" / student / chapter
    submitted.mkdir(parents=True)
    shutil.copyfile(job["notebook"], submitted / f"{chapter}.ipynb")
    sandbox = root / "sandbox"
    sandbox.mkdir()
    shutil.copyfile(job["notebook"], sandbox / f"{chapter}.ipynb")  # the kernel's private copy
    if os.geteuid() == 0:
        uid = sandbox_uid(job["slot"])
        for path in (root, sandbox):
            os.chown(path, uid, uid)
        os.chown(sandbox / f"{chapter}.ipynb", uid, uid)
    os.chmod(root, 0o755)

    config = Config()
    apply_course_config(config, root=course, source=SOLUTIONS, release=course / "release")
    config.Autograde.sanitize_preprocessors = AUTOGRADE
    config.Autograde.autograde_preprocessors = RUN
    config.Execute.timeout = limits.cell_timeout_s
    config.Execute.startup_timeout = 120
    config.Execute.kernel_manager_class = ("autograder.sandbox.SandboxKernelManager" if job["sandbox"]
                                           else "jupyter_client.manager.AsyncKernelManager")
    config.CappedExecute.timeout = limits.cell_timeout_s
    config.CappedExecute.max_output_bytes = limits.max_output_kb * 1024
    config.SandboxKernelManager.sandbox_workdir = str(sandbox)
    config.SandboxKernelManager.sandbox_limits = job["limits"]
    config.SandboxKernelManager.sandbox_slot = str(job["slot"])
    config.SealTests.key = job["key"]
    config.VerifySeals.key = job["key"]
    config.RecordingVerifySeals.key = job["key"]
    config.LimitOutput.max_lines = 400
    api = NbGraderAPI(coursedir=CourseDirectory(config=config), config=config)

    # VerifySeals reports through nbconvert's resources, which nbgrader does not return.
    found = FINDINGS
    found.clear()
    static_flags = structure_flags(Path(job["notebook"]), course / "release" / chapter / f"{chapter}.ipynb")
    static_flags += scan(student_code(Path(job["notebook"])), allowed_imports=set(job.get("allowed_imports", [])))
    started = time.perf_counter()
    outcome = api.autograde(chapter, student)
    seconds = time.perf_counter() - started
    result = {"student": student, "chapter": chapter, "seconds": seconds, "flags": list(static_flags),
              "tests": {}, "failures": {}, "success": bool(outcome["success"])}
    if not outcome["success"]:
        result["error"] = f"{outcome.get('log') or ''}\n{outcome.get('error') or ''}"[-4000:]
        return result

    autograded = course / "autograded" / student / chapter / f"{chapter}.ipynb"
    nb = nbformat.read(str(autograded), as_version=4)
    for index, cell in enumerate(nb.cells):
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type != "code":
            continue
        errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
        if meta.get("grade") and not meta.get("solution") and errors:
            result["failures"][meta["grade_id"]] = f"{errors[-1].get('ename')}: {errors[-1].get('evalue', '')}"[:600]
        if any(o.get("ename") == "CellTimeoutError" for o in errors):
            result.setdefault("timeouts", []).append(meta.get("grade_id", f"cell {index}"))
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        sub = gb.find_submission(chapter, student)
        for notebook in sub.notebooks:
            for grade in notebook.grades:
                if grade.cell.cell_type == "code":
                    result["tests"][grade.cell.name] = [float(grade.auto_score or 0), float(grade.max_score)]
        result["score"] = float(sub.code_score)
        result["max_score"] = float(sub.max_code_score)
        result["written_max"] = float(sub.max_written_score)
    result["flags"] = [f"{f['test']}: {f['reason']}" for f in found] + result["flags"]
    result["timing"] = {"setup": started - t0, "autograde": seconds}
    t_fb = time.perf_counter()
    if job.get("feedback", True):
        fb = api.generate_feedback(chapter, student)
        if not fb["success"]:
            result["feedback_error"] = (fb.get("error") or "")[-500:]
    result["timing"]["feedback"] = time.perf_counter() - t_fb
    result["timing"]["after_autograde"] = time.perf_counter() - started - seconds
    return result


def student_code(notebook: Path) -> list[tuple[str, str]]:
    """(label, source) of every code cell the student wrote: answer cells and added cells."""
    try:
        nb = nbformat.read(str(notebook), as_version=4)
    except Exception:
        return []
    out = []
    for i, cell in enumerate(nb.cells):
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if cell.cell_type != "code":
            continue
        if meta.get("solution"):
            out.append((meta.get("grade_id", f"cell {i}"), cell.source))
        elif not meta:
            out.append((f"added cell {i}", cell.source))
    return out


def structure_flags(submitted: Path, release: Path) -> list[str]:
    """Test cells deleted, stripped of their metadata, retyped or edited in the submission."""
    sub = nbformat.read(str(submitted), as_version=4)
    rel = nbformat.read(str(release), as_version=4)
    by_id = {c.metadata.get("nbgrader", {}).get("grade_id"): c for c in sub.cells
             if c.get("metadata", {}).get("nbgrader", {}).get("grade_id")}
    flags = []
    for cell in rel.cells:
        meta = cell.metadata.get("nbgrader", {})
        gid = meta.get("grade_id")
        if not gid or not (meta.get("grade") or meta.get("locked")) or meta.get("solution"):
            continue
        mine = by_id.get(gid)
        if mine is None:
            flags.append(f"{gid}: test cell missing (deleted, or its metadata stripped); it scores 0")
        elif mine.cell_type != cell.cell_type:
            flags.append(f"{gid}: cell type changed to {mine.cell_type}")
        elif mine.source.strip() != cell.source.strip():
            flags.append(f"{gid}: cell edited by the student (the original was run instead)")
    return flags


def main(job_path: str) -> int:
    """Grade one job and write result.json beside it."""
    job = json.loads(Path(job_path).read_text())
    try:
        result = grade_one(job)
    except Exception as exc:  # reported per submission by the parent
        import traceback
        result = {"student": job["student"], "chapter": job["chapter"], "success": False,
                  "error": f"{type(exc).__name__}: {exc}\n{traceback.format_exc()[-3000:]}"}
    tmp = Path(job_path).with_name("result.json.tmp")
    tmp.write_text(json.dumps(result, indent=1))
    os.replace(tmp, Path(job_path).with_name("result.json"))
    return 0


def serve() -> int:
    """Persistent worker: grade the job files named on stdin, one per line, answering "done".

    Keeping the worker alive saves importing nbgrader and loading the feedback templates for
    every submission; each submission still gets a fresh sandboxed kernel of its own."""
    # The protocol gets a private copy of stdout; everything else (kernels, nbgrader's logging)
    # writes to stderr, which the parent sends to the worker's log.
    protocol = os.fdopen(os.dup(1), "w", buffering=1)
    os.dup2(2, 1)
    for line in sys.stdin:
        path = line.strip()
        if not path:
            continue
        main(path)
        protocol.write(f"done {path}\n")
    return 0


if __name__ == "__main__":
    sys.exit(serve() if sys.argv[1:] == ["--serve"] else main(sys.argv[1]))

"""Grade a folder of submissions laid out as <student_id>/<chapter>/<chapter>.ipynb.

The submissions folder is only read: each notebook is validated, then copied into a fresh
nbgrader workspace where it is autograded, so nothing the grader or the student's code does
can alter the originals. Every submission gets one status line; a broken one never stops
the others. Outputs, in the workspace:

    grades.csv                                   one row per (student, chapter)
    feedback/<student>/<chapter>/<chapter>.html  per-student feedback
"""
from __future__ import annotations

import csv
import hashlib
import json
import os
import secrets
import shutil
import sys
import time
import warnings
from dataclasses import asdict, dataclass, field
from pathlib import Path

import nbformat
from traitlets.config import Config

from autograder.config import CELL_TIMEOUT_S, REPO, apply_course_config, chapters
from autograder.sandbox import Limits, claim_slots, probe as sandbox_probe, sandbox_uid

CSV_FIELDS = ["student_id", "chapter", "status", "autograded_score", "autograded_max",
              "written_max", "flagged", "flags", "message"]


@dataclass
class Result:
    student_id: str
    chapter: str
    status: str                    # graded | missing | malformed | unknown-chapter | error
    autograded_score: float = 0.0
    autograded_max: float = 0.0
    written_max: float = 0.0
    message: str = ""
    seconds: float = 0.0           # wall time of autograding this submission
    failed_tests: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)        # reasons to review by hand (tampering)
    tests: dict = field(default_factory=dict)              # grade_id -> [score, max]
    failures: dict = field(default_factory=dict)           # grade_id -> "Error: message"

    def line(self) -> str:
        head = f"{self.student_id}/{self.chapter}: {self.status}"
        if self.status == "graded":
            head += f" {self.autograded_score:g}/{self.autograded_max:g} autograded points"
            if self.written_max:
                head += f" (+{self.written_max:g} written, to grade by hand)"
        line = f"{head}{' — ' + self.message if self.message else ''}"
        if self.flags:
            line += f" [FLAGGED for review: {len(self.flags)} reason(s); first: {self.flags[0]}]"
        return line


def _ensure_tools_on_path() -> None:
    # nbgrader runs `alembic` as a subprocess; make sure this interpreter's scripts are found.
    bindir = str(Path(sys.executable).parent)
    if bindir not in os.environ.get("PATH", "").split(os.pathsep):
        os.environ["PATH"] = bindir + os.pathsep + os.environ.get("PATH", "")


def _explain_failure(outcome: dict, limits) -> str:
    cell_timeout = getattr(limits, "cell_timeout_s", limits)
    """One clear line for a submission nbgrader could not run to the end."""
    text = f"{outcome.get('log') or ''}\n{outcome.get('error') or ''}"
    if "DeadKernelError" in text or "Kernel died" in text or "died before replying" in text:
        return ("the kernel died while running the notebook (a crash, os._exit(), a fork bomb, or "
                "running out of memory), so it could not be graded; it scores 0")
    if "CellTimeoutError" in text or "timed out" in text:
        return f"a cell ran longer than the {cell_timeout} s limit (an infinite loop?), so it could not be graded"
    errors = [ln.strip() for ln in text.splitlines() if "Error" in ln or "Exception" in ln]
    return (errors[-1] if errors else _first_line(text))[:300]


def _first_line(text: str, limit: int = 300) -> str:
    lines = [ln.strip() for ln in (text or "").strip().splitlines() if ln.strip()]
    return (lines[-1] if lines else "unknown error")[:limit]


def find_submissions(folder: Path, known: list[str]) -> tuple[list[tuple[str, str, Path]], list[Result]]:
    """Valid (student, chapter, notebook) triples, and a Result for every problem found."""
    valid, problems = [], []
    for student_dir in sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")):
        student = student_dir.name
        chapter_dirs = sorted(p for p in student_dir.iterdir() if p.is_dir() and not p.name.startswith("."))
        if not chapter_dirs:
            problems.append(Result(student, "-", "missing",
                                   message="no <chapter>/ folder in this submission"))
        for chapter_dir in chapter_dirs:
            chapter = chapter_dir.name
            if chapter not in known:
                problems.append(Result(student, chapter, "unknown-chapter",
                                       message=f"not a chapter of this course (chapters: {', '.join(known)})"))
                continue
            notebook = chapter_dir / f"{chapter}.ipynb"
            if not notebook.is_file():
                found = sorted(p.name for p in chapter_dir.glob("*.ipynb"))
                problems.append(Result(student, chapter, "missing", message=(
                    f"expected {chapter}/{chapter}.ipynb; found "
                    f"{', '.join(found) if found else 'no notebook'}")))
                continue
            try:
                nb = nbformat.read(str(notebook), as_version=4)
                nbformat.validate(nb)
            except Exception as exc:  # malformed JSON or not a notebook at all
                problems.append(Result(student, chapter, "malformed",
                                       message=f"{notebook.name} is not a valid notebook: {_first_line(str(exc), 200)}"))
                continue
            ids = _grade_ids(nb)
            if ids and not ids & _chapter_ids(chapter):
                owner = [c for c in known if ids & _chapter_ids(c)]
                if owner:
                    problems.append(Result(student, chapter, "wrong-chapter", message=(
                        f"{notebook.name} is the notebook of chapter {owner[0]}, not {chapter}: "
                        f"submit it as {owner[0]}/{owner[0]}.ipynb")))
                    continue
            valid.append((student, chapter, notebook))
    return valid, problems


def _grade_ids(nb) -> set[str]:
    return {c.get("metadata", {}).get("nbgrader", {}).get("grade_id") for c in nb.cells} - {None, "setup"}


_IDS: dict[str, set[str]] = {}


def _chapter_ids(chapter: str) -> set[str]:
    if chapter not in _IDS:
        from autograder.config import SOLUTIONS
        _IDS[chapter] = _grade_ids(nbformat.read(str(SOLUTIONS / chapter / f"{chapter}.ipynb"), as_version=4))
    return _IDS[chapter]


def grade(submissions: Path, workspace: Path, cell_timeout: int = CELL_TIMEOUT_S,
          feedback: bool = True, echo=print, *, limits: Limits | None = None,
          workers: int | None = None, unsafe_no_sandbox: bool = False, fresh: bool = False,
          progress: bool = False) -> list[Result]:
    """Autograde every submission under `submissions` (a folder or a .zip) into `workspace`.

    Each submission is graded by its own worker process, in parallel (`workers`, default: the
    number of CPU cores), with its kernel in the sandbox. Results are merged into the
    workspace's gradebook by this process alone (one writer). A finished submission is
    recorded in workspace/state/; running again skips it unless its notebook changed, so an
    interrupted run resumes where it stopped and nothing is counted twice.
    """
    from nbgrader.apps import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory

    _ensure_tools_on_path()
    warnings.filterwarnings("ignore", module="nbgrader")  # SQLAlchemy chatter from nbgrader's gradebook
    limits = limits or Limits(cell_timeout_s=cell_timeout)
    submissions, workspace = Path(submissions).resolve(), Path(workspace).resolve()
    if not submissions.exists():
        raise FileNotFoundError(f"submissions not found: {submissions}")
    if workspace == submissions or submissions in workspace.parents:
        raise ValueError("the workspace must lie outside the submissions folder")
    use_sandbox = not unsafe_no_sandbox
    if use_sandbox:
        ok, why = sandbox_probe()
        if not ok:
            raise SandboxUnavailable(
                f"refusing to grade untrusted submissions without a sandbox: {why}. "
                "Pass --unsafe-no-sandbox only if you trust every submission.")
    if fresh and workspace.exists():
        shutil.rmtree(workspace)
    workspace.mkdir(parents=True, exist_ok=True)
    if submissions.is_file():
        submissions = _unzip(submissions, workspace / "unzipped")

    _write_workspace_config(workspace, limits.cell_timeout_s)
    config = Config()
    apply_course_config(config, root=workspace)
    config.Execute.timeout = limits.cell_timeout_s
    api = NbGraderAPI(coursedir=CourseDirectory(config=config), config=config)

    valid, results = find_submissions(submissions, chapters())
    for problem in results:
        echo(problem.line())

    templates = workspace / "templates"
    for chapter in sorted({c for _, c, _ in valid}):
        _prepare_chapter(api, workspace, templates, chapter)

    state = workspace / "state"
    state.mkdir(exist_ok=True)
    todo, done = [], []
    for student, chapter, notebook in valid:
        digest = hashlib.sha256(notebook.read_bytes()).hexdigest()
        record = state / f"{student}__{chapter}.json"
        if record.is_file():
            saved = json.loads(record.read_text())
            if saved.get("sha256") == digest:
                done.append(Result(**saved["result"]))
                continue
        todo.append((student, chapter, notebook, digest))
    for result in done:
        echo(result.line() + "  (already graded; unchanged)")
    results += done

    extras = {(s_, c_): sorted(p.name for p in nb.parent.iterdir() if p != nb and not p.name.startswith("."))
              for s_, c_, nb in valid}
    key = secrets.token_hex(16)
    n_workers = max(1, min(workers or os.cpu_count() or 1, len(todo) or 1))
    bar = _progress(len(todo)) if progress else None
    for job, raw in _run_parallel(todo, workspace, limits, n_workers, key, use_sandbox, feedback):
        result = _to_result(job, raw, limits)
        ignored = extras.get((job["student"], job["chapter"]))
        if ignored:
            note = f"ignored extra files (only {job['chapter']}.ipynb is graded): {', '.join(ignored[:10])}"
            result.message = f"{result.message}; {note}" if result.message else note
        if raw.get("success"):
            _merge(workspace, job, raw)
        shutil.rmtree(job["workdir"], ignore_errors=True)  # merged; the private copies can go
        record = state / f"{job['student']}__{job['chapter']}.json"
        tmp = record.with_suffix(".tmp")
        tmp.write_text(json.dumps({"sha256": job["sha256"], "result": asdict(result), "raw": raw}))
        os.replace(tmp, record)
        results.append(result)
        if bar is not None:
            bar.update(1)
            bar.write(result.line())
        else:
            echo(result.line())
    if bar is not None:
        bar.close()

    _write_csv(workspace / "grades.csv", results)
    try:
        from autograder.report import write_report
        write_report(workspace, results)
    except Exception as exc:  # the report is a convenience; grades.csv is the record
        echo(f"(item-analysis report failed: {type(exc).__name__}: {exc})")
    return results


class SandboxUnavailable(RuntimeError):
    """No sandbox on this machine, and the instructor did not accept the risk explicitly."""


def _progress(total: int):
    from tqdm import tqdm
    return tqdm(total=total, unit="submission", desc="grading", file=sys.stderr, dynamic_ncols=True)


def _unzip(archive: Path, dest: Path) -> Path:
    """Extract a class zip safely (no absolute paths, no '..', no links, bounded size)."""
    import zipfile

    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    total = 0
    with zipfile.ZipFile(archive) as zf:
        for info in zf.infolist():
            name = Path(info.filename)
            if name.is_absolute() or ".." in name.parts or info.is_dir():
                continue
            total += info.file_size
            if total > 2 * 2**30:
                raise ValueError(f"{archive} expands to more than 2 GB; refusing to extract it")
            target = dest / name
            target.parent.mkdir(parents=True, exist_ok=True)
            with zf.open(info) as src, open(target, "wb") as out:
                shutil.copyfileobj(src, out)
    roots = [p for p in dest.iterdir() if p.is_dir() and not p.name.startswith(("_", "."))]
    # A zip of one top folder (e.g. "submissions/") holding the students: descend into it.
    if len(roots) == 1 and all(c.is_dir() for c in roots[0].iterdir()) and \
            not any(c.name in chapters() for c in roots[0].iterdir()):
        return roots[0]
    return dest


def _prepare_chapter(api, workspace: Path, templates: Path, chapter: str) -> None:
    """Generate the assignment once in the central gradebook, and a template for the workers."""
    target = templates / chapter
    if (target / "gradebook.db").is_file():
        return
    outcome = api.generate_assignment(chapter, force=True)
    if not outcome["success"]:
        raise RuntimeError(f"could not prepare chapter {chapter}: {_first_line(outcome.get('error', ''))}")
    target.mkdir(parents=True, exist_ok=True)
    shutil.copytree(workspace / "release" / chapter, target / "release", dirs_exist_ok=True)
    tmp = target / "gradebook.db.tmp"
    shutil.copyfile(workspace / "gradebook.db", tmp)
    os.replace(tmp, target / "gradebook.db")


def _run_parallel(todo, workspace: Path, limits: Limits, n_workers: int, key: str,
                  use_sandbox: bool, feedback: bool):
    """Grade the submissions on n_workers persistent worker processes; yield (job, result).

    A worker that overruns the per-submission limit is killed with its whole process group
    (the sandboxed kernel included) and replaced by a fresh one."""
    import selectors
    import subprocess

    pending = list(todo)
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    logs = workspace / "jobs"
    logs.mkdir(exist_ok=True)

    def spawn(slot):
        log = open(logs / f"worker-{slot}.log", "ab")
        proc = subprocess.Popen([sys.executable, "-m", "autograder.worker", "--serve"], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=log, env=env, cwd=str(workspace),
                                start_new_session=True, text=True, bufsize=1)
        log.close()
        return proc

    slots = claim_slots(n_workers)
    workers = {slot: spawn(slot) for slot, _ in slots}
    busy: dict[int, tuple] = {}   # slot -> (job, started)
    selector = selectors.DefaultSelector()
    for slot, proc in workers.items():
        selector.register(proc.stdout, selectors.EVENT_READ, slot)

    def dispatch(slot):
        """Send the next pending submission to the idle worker in `slot`."""
        if not pending:
            return
        student, chapter, notebook, digest = pending.pop(0)
        jobdir = workspace / "jobs" / f"{student}__{chapter}"
        if jobdir.exists():
            shutil.rmtree(jobdir, ignore_errors=True)
        jobdir.mkdir(parents=True)
        job = {"student": student, "chapter": chapter, "notebook": str(notebook), "sha256": digest,
               "workdir": str(jobdir / "work"), "slot": slot, "limits": asdict(limits), "key": key,
               "sandbox": use_sandbox, "feedback": feedback,
               "template_db": str(workspace / "templates" / chapter / "gradebook.db"),
               "template_release": str(workspace / "templates" / chapter / "release")}
        (jobdir / "job.json").write_text(json.dumps(job))
        workers[slot].stdin.write(f"{jobdir / 'job.json'}\n")
        workers[slot].stdin.flush()
        busy[slot] = (job, time.monotonic())

    try:
        for slot in list(workers):
            dispatch(slot)
        while pending or busy:
            for selected, _ in selector.select(timeout=0.5):
                slot = selected.data
                line = workers[slot].stdout.readline()
                if slot not in busy:
                    continue
                job, started = busy[slot]
                if line.startswith("done "):
                    path = Path(job["workdir"]).parent / "result.json"
                    raw = json.loads(path.read_text()) if path.is_file() else {
                        "success": False, "error": "the grading worker wrote no result"}
                else:  # the worker itself died (EOF): replace it
                    raw = {"success": False, "error": "the grading worker exited unexpectedly"}
                    selector.unregister(workers[slot].stdout)
                    workers[slot] = spawn(slot)
                    selector.register(workers[slot].stdout, selectors.EVENT_READ, slot)
                raw["wall_seconds"] = time.monotonic() - started
                _kill_sandbox_leftovers(slot)
                del busy[slot]
                dispatch(slot)  # keep the worker busy while this process merges the result
                yield job, raw
            for slot, (job, started) in list(busy.items()):
                if time.monotonic() - started > limits.notebook_timeout_s:
                    selector.unregister(workers[slot].stdout)
                    _kill_group(workers[slot])
                    _kill_sandbox_leftovers(slot)
                    workers[slot] = spawn(slot)
                    selector.register(workers[slot].stdout, selectors.EVENT_READ, slot)
                    del busy[slot]
                    dispatch(slot)
                    yield job, {"success": False, "killed": True,
                                "wall_seconds": time.monotonic() - started,
                                "error": (f"the notebook ran longer than the {limits.notebook_timeout_s} s "
                                          "limit for a whole submission, so it was stopped")}
    finally:
        for proc in workers.values():
            try:
                proc.stdin.close()
            except OSError:
                pass
        for slot, proc in workers.items():
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                _kill_group(proc)
            _kill_sandbox_leftovers(slot)
        for _, handle in slots:
            handle.close()


def _kill_group(proc) -> None:
    import signal
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            proc.wait(timeout=5)
            return
        except Exception:
            continue


def _kill_sandbox_leftovers(slot: int) -> None:
    """Kill anything still running as this slot's sandbox uid (a daemonised fork bomb, say)."""
    if os.geteuid() != 0:
        return
    import signal
    uid = sandbox_uid(slot)
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if entry.stat().st_uid == uid:
                    os.kill(int(entry.name), signal.SIGKILL)
            except (OSError, ProcessLookupError):
                pass


def _to_result(job: dict, raw: dict, limits: Limits) -> Result:
    student, chapter = job["student"], job["chapter"]
    if not raw.get("success"):
        if raw.get("killed"):
            message = raw["error"]
        else:
            message = _explain_failure({"error": raw.get("error", "")}, limits)
        return Result(student, chapter, "error", message=message, seconds=raw.get("wall_seconds", 0.0),
                      flags=raw.get("flags", []))
    failed = sorted(name for name, (score, top) in raw["tests"].items() if score < top)
    result = Result(student, chapter, "graded", autograded_score=raw["score"],
                    autograded_max=raw["max_score"], written_max=raw["written_max"],
                    seconds=raw.get("seconds", 0.0), failed_tests=failed, flags=raw.get("flags", []),
                    tests=raw["tests"], failures=raw.get("failures", {}))
    notes = []
    if raw.get("timeouts"):
        notes.append(f"a cell ran longer than the {limits.cell_timeout_s} s limit and was interrupted "
                     f"(an infinite loop?): {', '.join(raw['timeouts'])}")
    if failed:
        notes.append("lost points on: " + ", ".join(failed))
    if raw.get("feedback_error"):
        notes.append("feedback failed: " + _first_line(raw["feedback_error"]))
    if raw.get("ignored_files"):
        notes.append("ignored extra files: " + ", ".join(raw["ignored_files"]))
    result.message = "; ".join(notes)
    return result


def _merge(workspace: Path, job: dict, raw: dict) -> None:
    """Copy one worker's grades, autograded notebook and feedback into the central workspace.

    Only this (parent) process writes the central gradebook. Merging again replaces the
    previous record, so a resumed or repeated run never double-counts."""
    from nbgrader.api import Gradebook, MissingEntry

    student, chapter = job["student"], job["chapter"]
    course = Path(job["workdir"]) / "course"
    for kind in ("submitted", "autograded", "feedback"):
        src = course / kind / student / chapter
        dst = workspace / kind / student / chapter
        if dst.exists():
            shutil.rmtree(dst)
        if src.exists():
            shutil.copytree(src, dst)
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as worker_gb, \
            Gradebook(f"sqlite:///{workspace / 'gradebook.db'}") as gb:
        gb.update_or_create_student(student)
        try:
            gb.remove_submission(chapter, student)
        except MissingEntry:
            pass
        theirs = worker_gb.find_submission(chapter, student)
        gb.add_submission(chapter, student, timestamp=theirs.timestamp)
        for notebook in theirs.notebooks:
            for grade in notebook.grades:
                mine = gb.find_grade(grade.name, notebook.name, chapter, student)
                mine.auto_score = grade.auto_score
                mine.needs_manual_grade = grade.needs_manual_grade
            for comment in notebook.comments:
                mine = gb.find_comment(comment.name, notebook.name, chapter, student)
                mine.auto_comment = comment.auto_comment
        gb.db.commit()


def _write_workspace_config(workspace: Path, cell_timeout: int) -> None:
    """Make the workspace a course directory that nbgrader's own commands (formgrader for the
    written answers, generate_feedback, export) understand when run inside it."""
    (workspace / "nbgrader_config.py").write_text(
        "# Written by `python -m autograder grade`: run nbgrader commands from this folder.\n"
        "import sys\n"
        "from pathlib import Path\n\n"
        f"sys.path.insert(0, {str(REPO)!r})\n"
        "from autograder.config import apply_course_config  # noqa: E402\n\n"
        "c = get_config()  # noqa: F821\n"
        "apply_course_config(c, root=Path(__file__).resolve().parent)\n"
        f"c.Execute.timeout = {cell_timeout}\n"
        "c.ExportPlugin.to = 'final_grades.csv'  # totals incl. hand-graded answers; grades.csv is ours\n")


def _write_csv(path: Path, results: list[Result]) -> None:
    with path.open("w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=CSV_FIELDS)
        writer.writeheader()
        for r in sorted(results, key=lambda r: (r.student_id, r.chapter)):
            row = {k: getattr(r, k) for k in CSV_FIELDS if hasattr(r, k)}
            row["flagged"] = "yes" if r.flags else ""
            row["flags"] = " | ".join(r.flags)
            writer.writerow(row)

"""Grade a folder of submissions laid out as <student_id>/<chapter>/<chapter>.ipynb.

The flow, for one class run:

1. **Discover** (read only): every <student>/<chapter> folder becomes one record. Symlinks,
   devices and other special files, trees too deep or too large, files that are not notebooks,
   notebooks whose nbgrader metadata or text is broken: each gets its own status and reason.
2. **Prepare** each chapter once: nbgrader's `generate_assignment` (the gradebook entries and
   the release notebook), and the **reference observations**: the source notebook run with the
   run's seed in a sandboxed kernel that never saw student code.
3. **Grade** each valid submission on a pool of persistent worker processes (one per core,
   `concurrent.futures` threads driving them, with a timer per submission). A worker grades in a
   private nbgrader folder, its kernel in the sandbox, and decides the score itself from the
   observations (`autograder.worker`).
4. **Merge** (this process alone writes): the worker's grades into the central gradebook, the
   autograded notebook and feedback into the workspace, and a state record per submission, so a
   re-run resumes and nothing is counted twice.
5. **Write** `grades.csv` (text from submissions sanitised; no cell can start a formula) and the
   item-analysis report.

A failure in any step of one submission becomes that submission's status; the run goes on.
"""
from __future__ import annotations

import csv
import hashlib
import json
import os
import queue
import secrets
import shutil
import stat
import subprocess
import sys
import threading
import time
import warnings
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path

import nbformat
from traitlets.config import Config

from autograder.config import SOLUTIONS, apply_course_config, chapters
from autograder.result import SubmissionResult, clean_text
from autograder.sandbox import claim_slots, kill_slot, probe as sandbox_probe, remove_tree
from autograder.settings import GraderSettings

Result = SubmissionResult  # the name the rest of the course uses
CSV_FIELDS = ["student_id", "chapter", "status", "autograded_score", "autograded_max",
              "written_max", "flagged", "flags", "message"]
MAX_NOTEBOOK_BYTES = 32 * 2**20
MAX_TREE_DEPTH = 8          # below a student's folder
MAX_TREE_ENTRIES = 2000     # files and folders in one student's folder
TIMER_MARGIN_S = 120        # the driver's timer: the worker's own notebook limit plus this


class SandboxUnavailable(RuntimeError):
    """No sandbox on this machine, and the instructor did not accept the risk explicitly."""


# --------------------------------------------------------------------------- discovery
def _walk(folder: Path, depth_limit: int, entry_limit: int):
    """Iterative walk that never follows links: yields (path, lstat, depth); raises ValueError
    when the tree is deeper or larger than allowed."""
    stack, count = [(folder, 0)], 0
    while stack:
        current, depth = stack.pop()
        with os.scandir(current) as it:
            for entry in sorted(it, key=lambda e: e.name):
                count += 1
                if count > entry_limit:
                    raise ValueError(f"more than {entry_limit} files and folders")
                st = entry.stat(follow_symlinks=False)
                yield Path(entry.path), st, depth + 1
                if stat.S_ISDIR(st.st_mode):
                    if depth + 1 >= depth_limit:
                        raise ValueError(f"folders nested deeper than {depth_limit} levels")
                    stack.append((Path(entry.path), depth + 1))


def _special(st) -> str | None:
    if stat.S_ISLNK(st.st_mode):
        return "a symbolic link"
    if not (stat.S_ISREG(st.st_mode) or stat.S_ISDIR(st.st_mode)):
        return "a device, socket or other special file"
    return None


def find_submissions(folder: Path, known: list[str]) -> tuple[list[tuple[str, str, Path, list[str]]], list[SubmissionResult]]:
    """Valid (student, chapter, notebook, ignored extra files), and a record for every problem."""
    valid, problems = [], []
    try:
        students = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        raise FileNotFoundError(f"cannot read the submissions folder {folder}: {exc}") from None
    for entry in students:
        if entry.name.startswith("."):
            continue
        student = entry.name
        try:
            problem = _special(entry.stat(follow_symlinks=False))
            if problem:
                problems.append(SubmissionResult(student, "-", "malformed", message=f"{student} is {problem}; refused"))
                continue
            if not entry.is_dir(follow_symlinks=False):
                continue
            valid_, problems_ = _student_submissions(Path(entry.path), student, known)
            valid += valid_
            problems += problems_
        except Exception as exc:  # noqa: BLE001 - one student's folder never stops the class
            problems.append(SubmissionResult(student, "-", "malformed",
                                             message=f"could not read this student's folder: {type(exc).__name__}: {exc}"))
    return valid, problems


def _student_submissions(student_dir: Path, student: str, known: list[str]):
    valid, problems = [], []
    try:
        tree = list(_walk(student_dir, MAX_TREE_DEPTH, MAX_TREE_ENTRIES))
    except ValueError as exc:
        return [], [SubmissionResult(student, "-", "malformed", message=f"the submission folder has {exc}; refused")]
    chapter_dirs = [(p, st) for p, st, depth in tree if depth == 1 and not p.name.startswith(".")]
    special = [(p, why) for p, st, _ in tree if (why := _special(st))]
    if not [p for p, st in chapter_dirs if stat.S_ISDIR(st.st_mode)]:
        problems.append(SubmissionResult(student, "-", "missing", message="no <chapter>/ folder in this submission"))
    for chapter_dir, st in chapter_dirs:
        chapter = chapter_dir.name
        bad = [(p, why) for p, why in special if p == chapter_dir or chapter_dir in p.parents]
        if bad:
            path, why = bad[0]
            problems.append(SubmissionResult(student, chapter, "malformed", message=(
                f"{path.relative_to(student_dir)} is {why}; submissions may hold only plain files and folders")))
            continue
        if not stat.S_ISDIR(st.st_mode):
            continue
        if chapter not in known:
            problems.append(SubmissionResult(student, chapter, "unknown-chapter",
                                             message=f"not a chapter of this course (chapters: {', '.join(known)})"))
            continue
        notebook = chapter_dir / f"{chapter}.ipynb"
        if not notebook.is_file():
            found = sorted(p.name for p in chapter_dir.glob("*.ipynb"))
            problems.append(SubmissionResult(student, chapter, "missing", message=(
                f"expected {chapter}/{chapter}.ipynb; found {', '.join(found) if found else 'no notebook'}")))
            continue
        why = validate_notebook(notebook, chapter, known)
        if why:
            status, message = why
            problems.append(SubmissionResult(student, chapter, status, message=message))
            continue
        extras = sorted(str(p.relative_to(chapter_dir)) for p, st2, _ in tree
                        if chapter_dir in p.parents and p != notebook and stat.S_ISREG(st2.st_mode)
                        and not p.name.startswith("."))
        valid.append((student, chapter, notebook, extras))
    return valid, problems


def validate_notebook(path: Path, chapter: str, known: list[str]) -> tuple[str, str] | None:
    """(status, reason) when the notebook cannot be graded as this chapter; None when it can."""
    if path.stat().st_size > MAX_NOTEBOOK_BYTES:
        return "malformed", f"{path.name} is larger than {MAX_NOTEBOOK_BYTES // 2**20} MB"
    try:
        raw = path.read_bytes()
        nb = nbformat.reads(raw.decode("utf-8"), as_version=4)
        nbformat.validate(nb)
        json.dumps(nb, ensure_ascii=False).encode("utf-8")  # lone surrogates and the like
    except RecursionError:
        return "malformed", f"{path.name} is nested too deeply to be a notebook"
    except Exception as exc:  # noqa: BLE001 - malformed JSON, not a notebook, bad text
        return "malformed", f"{path.name} is not a valid notebook: {_first_line(str(exc), 200)}"
    try:
        for cell in nb.cells:
            meta = cell.get("metadata", {}).get("nbgrader")
            if meta is not None:
                if not isinstance(meta, dict):
                    raise ValueError("a cell's nbgrader metadata is not an object")
                gid = meta.get("grade_id")
                if gid is not None and (not isinstance(gid, str) or len(gid) > 200 or not gid.isprintable()):
                    raise ValueError("a cell's grade_id is not a short printable string")
                for flag in ("grade", "solution", "locked", "task"):
                    if flag in meta and type(meta[flag]) is not bool:
                        raise ValueError(f"a cell's nbgrader '{flag}' is not true or false")
                points = meta.get("points", 0)
                if type(points) not in (int, float) or not 0 <= points < 1e6:
                    raise ValueError("a cell's nbgrader 'points' is not a number of points")
                if type(meta.get("schema_version", 3)) is not int:
                    raise ValueError("a cell's nbgrader 'schema_version' is not an integer")
        # Roles (which cell is a test or an answer) are restored from the course when grading.
    except Exception as exc:  # noqa: BLE001
        return "malformed", f"{path.name} has broken nbgrader cell metadata: {_first_line(str(exc), 200)}"
    ids = _grade_ids(nb)
    if ids and not ids & _chapter_ids(chapter):
        owner = [c for c in known if ids & _chapter_ids(c)]
        if owner:
            return "wrong-chapter", (f"{path.name} is the notebook of chapter {owner[0]}, not {chapter}: "
                                     f"submit it as {owner[0]}/{owner[0]}.ipynb")
    return None


def _grade_ids(nb) -> set[str]:
    return {c.get("metadata", {}).get("nbgrader", {}).get("grade_id") for c in nb.cells} - {None, "setup"}


_IDS: dict[str, set[str]] = {}


def _chapter_ids(chapter: str) -> set[str]:
    if chapter not in _IDS:
        _IDS[chapter] = _grade_ids(nbformat.read(str(SOLUTIONS / chapter / f"{chapter}.ipynb"), as_version=4))
    return _IDS[chapter]


def _first_line(text: str, limit: int = 300) -> str:
    lines = [ln.strip() for ln in (text or "").strip().splitlines() if ln.strip()]
    return clean_text(lines[-1] if lines else "unknown error", limit)


# --------------------------------------------------------------------------- the run
def grade(submissions: Path, workspace: Path, settings: GraderSettings | None = None, *,
          echo=print, fresh: bool = False, progress: bool = False, **overrides) -> list[SubmissionResult]:
    """Autograde every submission under `submissions` (a folder or a .zip) into `workspace`."""
    from nbgrader.apps import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory

    settings = settings or GraderSettings()
    for name, value in overrides.items():
        setattr(settings, name, value)
    _ensure_tools_on_path()
    warnings.filterwarnings("ignore", module="nbgrader")
    submissions, workspace = Path(submissions).resolve(), Path(workspace).resolve()
    if not submissions.exists():
        raise FileNotFoundError(f"submissions not found: {submissions}")
    if workspace == submissions or submissions in workspace.parents:
        raise ValueError("the workspace must lie outside the submissions folder")
    use_sandbox = not settings.unsafe_no_sandbox
    if use_sandbox:
        ok, why = sandbox_probe()
        if not ok:
            raise SandboxUnavailable(
                f"refusing to grade untrusted submissions without a sandbox: {why}. "
                "Pass --unsafe-no-sandbox only if you trust every submission.")
    if fresh and workspace.exists():
        remove_tree(workspace)
    workspace.mkdir(parents=True, exist_ok=True)
    if submissions.is_file():
        submissions = _unzip(submissions, workspace / "unzipped")
    state = workspace / "state"
    state.mkdir(exist_ok=True)
    nonce = _run_nonce(state, settings.seed)

    _write_workspace_config(workspace, settings)
    config = Config()
    apply_course_config(config, root=workspace)
    api = NbGraderAPI(coursedir=CourseDirectory(config=config), config=config)

    valid, results = find_submissions(submissions, chapters())
    for problem in results:
        echo(problem.line())

    todo, done = [], []
    for student, chapter, notebook, extras in valid:
        try:
            digest = hashlib.sha256(notebook.read_bytes()).hexdigest()
            saved = _load_state(state, student, chapter)
            if saved and saved.get("sha256") == digest and saved.get("nonce") == nonce:
                done.append(SubmissionResult.from_dict(saved["result"]))
            else:
                todo.append((student, chapter, notebook, extras, digest))
        except Exception as exc:  # noqa: BLE001
            results.append(SubmissionResult(student, chapter, "error", message=f"could not read it: {exc}"))
    for result in done:
        echo(result.line() + "  (already graded; unchanged)")
    results += done

    n_workers = max(1, min(settings.workers or os.cpu_count() or 1, max(1, len(todo))))
    chapter_problem: dict[str, str] = {}
    needed = sorted({c for _, c, _, _, _ in todo})
    if settings.scheduler:
        from autograder.cluster import DaskPool
        pool_context = DaskPool(settings.scheduler, workspace)
    else:
        pool_context = WorkerPool(n_workers, workspace)
    with pool_context as pool:
        references = {}
        for chapter in needed:
            try:
                _prepare_chapter(api, workspace, chapter)
            except Exception as exc:  # noqa: BLE001
                chapter_problem[chapter] = f"the course could not prepare chapter {chapter}: {exc}"
        reference_jobs = {chapter: _reference_job(workspace, chapter, settings, nonce, use_sandbox)
                          for chapter in needed if chapter not in chapter_problem}
        for chapter, outcome in pool.run_all([j for j in reference_jobs.values() if j is not None]):
            pass
        for chapter, job in reference_jobs.items():
            path = workspace / "reference" / f"{chapter}.json"
            problem = _reference_problem(path, job, nonce)
            if problem:
                chapter_problem[chapter] = problem
                echo(f"chapter {chapter}: {problem}")
            references[chapter] = path

        jobs = []
        for student, chapter, notebook, extras, digest in todo:
            if chapter in chapter_problem:
                results.append(SubmissionResult(student, chapter, "error", message=chapter_problem[chapter]))
                continue
            jobs.append(_submission_job(workspace, student, chapter, notebook, extras, digest, settings,
                                        nonce, use_sandbox, references[chapter]))
        bar = _progress(len(jobs)) if progress else None
        for job, raw in pool.run_all(jobs):
            result = _merge_result(workspace, state, job, raw, nonce)
            results.append(result)
            if bar is not None:
                bar.update(1)
                bar.write(result.line())
            else:
                echo(result.line())
        if bar is not None:
            bar.close()

    try:
        _write_csv(workspace / "grades.csv", results)
    except Exception as exc:  # noqa: BLE001
        echo(f"(grades.csv could not be written: {type(exc).__name__}: {exc})")
    try:
        from autograder.report import write_report
        write_report(workspace, results)
    except Exception as exc:  # noqa: BLE001 - the report is a convenience; grades.csv is the record
        echo(f"(item-analysis report failed: {type(exc).__name__}: {exc})")
    return results


def _run_nonce(state: Path, seed: str) -> str:
    """The run's seed for hidden-test inputs: given, or drawn once and kept (owner-only)."""
    if seed:
        return seed
    path = state / "seed"
    if path.is_file():
        return path.read_text().strip()
    value = secrets.token_hex(16)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(value)
    return value


def _load_state(state: Path, student: str, chapter: str) -> dict | None:
    record = state / f"{_safe_name(student)}__{_safe_name(chapter)}.json"
    try:
        return json.loads(record.read_text())
    except (OSError, ValueError):
        return None


def _safe_name(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    keep = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in text)[:60]
    return f"{keep}-{digest}"


def _ensure_tools_on_path() -> None:
    # nbgrader runs `alembic` as a subprocess; make sure this interpreter's scripts are found.
    bindir = str(Path(sys.executable).parent)
    if bindir not in os.environ.get("PATH", "").split(os.pathsep):
        os.environ["PATH"] = bindir + os.pathsep + os.environ.get("PATH", "")


def _progress(total: int):
    from tqdm import tqdm
    return tqdm(total=total, unit="submission", desc="grading", file=sys.stderr, dynamic_ncols=True)


def _unzip(archive: Path, dest: Path) -> Path:
    """Extract a class zip safely (no absolute paths, no '..', no links, bounded size)."""
    import zipfile

    remove_tree(dest)
    dest.mkdir(parents=True)
    total = 0
    with zipfile.ZipFile(archive) as zf:
        for info in zf.infolist():
            name = Path(info.filename)
            if name.is_absolute() or ".." in name.parts or info.is_dir() or len(name.parts) > 12:
                continue
            if stat.S_ISLNK(info.external_attr >> 16):
                continue
            total += info.file_size
            if total > 2 * 2**30:
                raise ValueError(f"{archive} expands to more than 2 GB; refusing to extract it")
            target = dest / name
            target.parent.mkdir(parents=True, exist_ok=True)
            with zf.open(info) as src, open(target, "wb") as out:
                shutil.copyfileobj(src, out)
    roots = [p for p in dest.iterdir() if p.is_dir() and not p.name.startswith(("_", "."))]
    if len(roots) == 1 and all(c.is_dir() for c in roots[0].iterdir()) and \
            not any(c.name in chapters() for c in roots[0].iterdir()):
        return roots[0]
    return dest


def _prepare_chapter(api, workspace: Path, chapter: str) -> None:
    """Generate the assignment once in the central gradebook, and a template for the workers."""
    target = workspace / "templates" / chapter
    if (target / "gradebook.db").is_file():
        return
    outcome = api.generate_assignment(chapter, force=True)
    if not outcome["success"]:
        raise RuntimeError(_first_line(outcome.get("error", "")))
    target.mkdir(parents=True, exist_ok=True)
    shutil.copytree(workspace / "release" / chapter, target / "release", dirs_exist_ok=True)
    tmp = target / "gradebook.db.tmp"
    shutil.copyfile(workspace / "gradebook.db", tmp)
    os.replace(tmp, target / "gradebook.db")


def _reference_key(chapter: str, settings: GraderSettings, nonce: str) -> str:
    import torch
    source = (SOLUTIONS / chapter / f"{chapter}.ipynb").read_bytes()
    parts = [hashlib.sha256(source).hexdigest(), nonce, torch.__version__, str(settings.gpu)]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


def _reference_job(workspace: Path, chapter: str, settings: GraderSettings, nonce: str,
                   use_sandbox: bool) -> dict | None:
    """A job that computes the chapter's reference observations, or None when they are cached."""
    folder = workspace / "reference"
    folder.mkdir(exist_ok=True)
    key = _reference_key(chapter, settings, nonce)
    path = folder / f"{chapter}.json"
    if _cached_reference(path, key):
        return None
    cache = os.environ.get("AUTOGRADER_REFERENCE_CACHE")
    if cache and _cached_reference(Path(cache) / f"{chapter}-{key}.json", key):
        shutil.copyfile(Path(cache) / f"{chapter}-{key}.json", path)
        return None
    jobdir = workspace / "jobs" / f"reference__{chapter}"
    remove_tree(jobdir)
    jobdir.mkdir(parents=True)
    return {"kind": "reference", "chapter": chapter, "key": key, "out": str(path), "nonce": nonce,
            "settings": settings.to_dict(), "sandbox": use_sandbox, "jobdir": str(jobdir),
            "timeout": settings.notebook_timeout_s + TIMER_MARGIN_S}


def _cached_reference(path: Path, key: str) -> bool:
    try:
        record = json.loads(path.read_text())
    except (OSError, ValueError):
        return False
    return record.get("key") == key and not record.get("problems")


def _reference_problem(path: Path, job: dict | None, nonce: str) -> str | None:
    try:
        record = json.loads(path.read_text())
    except (OSError, ValueError):
        return "the reference solutions could not be run to compute the expected observations"
    if job is not None:
        record["key"] = job["key"]
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(record))
        os.replace(tmp, path)
        cache = os.environ.get("AUTOGRADER_REFERENCE_CACHE")
        if cache and not record.get("problems"):
            Path(cache).mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, Path(cache) / f"{job['chapter']}-{job['key']}.json")
    if record.get("problems"):
        return "the reference solutions fail their own hidden tests: " + "; ".join(record["problems"])[:500]
    return None


def _submission_job(workspace, student, chapter, notebook, extras, digest, settings, nonce,
                    use_sandbox, reference) -> dict:
    jobdir = workspace / "jobs" / f"{_safe_name(student)}__{chapter}"
    remove_tree(jobdir)
    jobdir.mkdir(parents=True)
    return {"kind": "submission", "student": student, "chapter": chapter, "notebook": str(notebook),
            "sha256": digest, "extras": extras, "jobdir": str(jobdir), "workdir": str(jobdir / "work"),
            "settings": settings.to_dict(), "nonce": nonce, "sandbox": use_sandbox,
            "reference": str(reference), "timeout": settings.notebook_timeout_s + TIMER_MARGIN_S,
            "template_db": str(workspace / "templates" / chapter / "gradebook.db"),
            "template_release": str(workspace / "templates" / chapter / "release")}


class WorkerPool:
    """Persistent worker processes, one per claimed sandbox slot, driven by a thread pool.

    Each job is handed to an idle worker; a timer per job kills a worker that overruns (with its
    whole process group and sandbox) and starts a fresh one in its slot."""

    def __init__(self, n: int, workspace: Path):
        self.n, self.workspace = n, workspace

    def __enter__(self) -> "WorkerPool":
        self.slots = claim_slots(self.n)
        self.idle: queue.Queue = queue.Queue()
        self.procs: dict[int, subprocess.Popen] = {}
        for slot, _ in self.slots:
            self.procs[slot] = self._spawn(slot)
            self.idle.put(slot)
        self.executor = ThreadPoolExecutor(self.n)
        return self

    def _spawn(self, slot: int) -> subprocess.Popen:
        logs = self.workspace / "jobs"
        logs.mkdir(exist_ok=True)
        with open(logs / f"worker-{slot}.log", "ab") as log:
            return subprocess.Popen([sys.executable, "-m", "autograder.worker", "--serve"],
                                    stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log,
                                    cwd=str(self.workspace), start_new_session=True, text=True, bufsize=1)

    def _run(self, job: dict) -> dict:
        slot = self.idle.get()
        try:
            job = dict(job, slot=slot)
            path = Path(job["jobdir"]) / "job.json"
            path.write_text(json.dumps(job))
            started = time.monotonic()
            proc = self.procs[slot]
            timer = threading.Timer(job["timeout"], _kill_group, [proc])
            timer.start()
            try:
                proc.stdin.write(f"{path}\n")
                proc.stdin.flush()
                line = proc.stdout.readline()
            except (OSError, ValueError):
                line = ""
            finally:
                timer.cancel()
            result_path = path.with_name("result.json")
            if line.startswith("done ") and result_path.is_file():
                raw = json.loads(result_path.read_text())
            else:
                killed = time.monotonic() - started >= job["timeout"] - 1
                raw = {"status": "error", "message": (
                    f"grading took longer than {job['timeout']} s, so it was stopped" if killed else
                    "the grading worker exited unexpectedly")}
                _kill_group(proc)
                kill_slot(slot)
                self.procs[slot] = self._spawn(slot)
            raw["wall_seconds"] = time.monotonic() - started
            return raw
        finally:
            self.idle.put(slot)

    def run_all(self, jobs: list[dict]):
        """Yield (job, raw result) as the jobs finish."""
        futures = {self.executor.submit(self._run, job): job for job in jobs}
        for future in as_completed(futures):
            job = futures[future]
            try:
                raw = future.result()
            except Exception as exc:  # noqa: BLE001
                raw = {"status": "error", "message": f"the grading pool failed: {type(exc).__name__}: {exc}"}
            yield job, raw

    def __exit__(self, *exc) -> None:
        self.executor.shutdown(wait=True)
        for proc in self.procs.values():
            try:
                proc.stdin.close()
            except OSError:
                pass
        for slot, proc in self.procs.items():
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                _kill_group(proc)
            kill_slot(slot)
        for _, handle in self.slots:
            handle.close()


def _kill_group(proc) -> None:
    import signal
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(proc.pid, sig)
        except (ProcessLookupError, PermissionError):
            return
        try:
            proc.wait(timeout=5)
            return
        except Exception:  # noqa: BLE001
            continue


def _merge_result(workspace: Path, state: Path, job: dict, raw: dict, nonce: str) -> SubmissionResult:
    """Turn a worker's raw result into the record, merge it and save the state; never raises."""
    student, chapter = job["student"], job["chapter"]
    try:
        raw = dict(raw, student_id=student, chapter=chapter)
        result = SubmissionResult.from_dict(raw)
        result.timing["wall"] = raw.get("wall_seconds", 0.0)
        if job.get("extras"):
            result.notes.append(f"ignored extra files (only {chapter}.ipynb is graded): {', '.join(job['extras'][:10])}")
        if result.status == "graded":
            result.finish()
            _merge(workspace, job)
        elif job.get("extras"):
            result.message = f"{result.message}; {result.notes[-1]}".strip("; ")
        record = state / f"{_safe_name(student)}__{_safe_name(chapter)}.json"
        tmp = record.with_suffix(".tmp")
        tmp.write_text(json.dumps({"sha256": job["sha256"], "nonce": nonce, "result": result.to_dict()}))
        os.replace(tmp, record)
    except Exception as exc:  # noqa: BLE001
        result = SubmissionResult(student, chapter, "error",
                                  message=f"could not record the result: {type(exc).__name__}: {exc}")
    finally:
        remove_tree(Path(job["jobdir"]) / "work")
    return result


def _merge(workspace: Path, job: dict) -> None:
    """Copy one worker's grades, autograded notebook and feedback into the central workspace.

    Only this (parent) process writes the central gradebook. Merging again replaces the
    previous record, so a resumed or repeated run never double-counts."""
    from nbgrader.api import Gradebook, MissingEntry

    student, chapter = job["student"], job["chapter"]
    course = Path(job["workdir"]) / "course"
    for kind in ("submitted", "autograded", "feedback"):
        src = course / kind / student / chapter
        dst = workspace / kind / student / chapter
        remove_tree(dst)
        if src.exists():
            shutil.copytree(src, dst, symlinks=True)
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


def _write_workspace_config(workspace: Path, settings: GraderSettings) -> None:
    """Make the workspace a course directory that nbgrader's own commands (formgrader for the
    written answers, generate_feedback, export) understand when run inside it."""
    (workspace / "nbgrader_config.py").write_text(
        "# Written by `python -m autograder grade`: run nbgrader commands from this folder.\n"
        "from pathlib import Path\n\n"
        "from autograder.config import apply_course_config\n\n"
        "c = get_config()  # noqa: F821\n"
        "apply_course_config(c, root=Path(__file__).resolve().parent)\n"
        f"c.Execute.timeout = {settings.cell_timeout_s}\n"
        "c.ExportPlugin.to = 'final_grades.csv'  # totals incl. hand-graded answers; grades.csv is ours\n")


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "|", "%")


def csv_cell(value) -> str:
    """A CSV cell that no spreadsheet reads as a formula (OWASP's rule: prefix a quote)."""
    text = clean_text(value, 4000).replace("\n", " ")
    return "'" + text if text.lstrip().startswith(_FORMULA_START) else text


def _write_csv(path: Path, results: list[SubmissionResult]) -> None:
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=CSV_FIELDS)
        writer.writeheader()
        for r in sorted(results, key=lambda r: (r.student_id, r.chapter)):
            row = {"student_id": r.student_id, "chapter": r.chapter, "status": r.status,
                   "autograded_score": f"{r.autograded_score:g}", "autograded_max": f"{r.autograded_max:g}",
                   "written_max": f"{r.written_max:g}", "flagged": "yes" if r.flags else "",
                   "flags": " | ".join(r.flags), "message": r.message}
            for key in ("student_id", "chapter", "flags", "message", "status"):
                row[key] = csv_cell(row[key])
            writer.writerow(row)
    os.replace(tmp, path)

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
import os
import shutil
import sys
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from traitlets.config import Config

from autograder.config import CELL_TIMEOUT_S, REPO, apply_course_config, chapters

CSV_FIELDS = ["student_id", "chapter", "status", "autograded_score", "autograded_max",
              "written_max", "message"]


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

    def line(self) -> str:
        head = f"{self.student_id}/{self.chapter}: {self.status}"
        if self.status == "graded":
            head += f" {self.autograded_score:g}/{self.autograded_max:g} autograded points"
            if self.written_max:
                head += f" (+{self.written_max:g} written, to grade by hand)"
        return f"{head}{' — ' + self.message if self.message else ''}"


def _ensure_tools_on_path() -> None:
    # nbgrader runs `alembic` as a subprocess; make sure this interpreter's scripts are found.
    bindir = str(Path(sys.executable).parent)
    if bindir not in os.environ.get("PATH", "").split(os.pathsep):
        os.environ["PATH"] = bindir + os.pathsep + os.environ.get("PATH", "")


def _explain_failure(outcome: dict, cell_timeout: int) -> str:
    """One clear line for a submission nbgrader could not run to the end."""
    text = f"{outcome.get('log') or ''}\n{outcome.get('error') or ''}"
    if "DeadKernelError" in text or "Kernel died" in text:
        return ("the kernel died while running the notebook (a crash, os._exit(), or running out "
                "of memory), so it could not be graded")
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
            valid.append((student, chapter, notebook))
    return valid, problems


def grade(submissions: Path, workspace: Path, cell_timeout: int = CELL_TIMEOUT_S,
          feedback: bool = True, echo=print) -> list[Result]:
    """Autograde every submission under `submissions` into `workspace`; return one Result each."""
    from nbgrader.apps import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory

    _ensure_tools_on_path()
    warnings.filterwarnings("ignore", module="nbgrader")  # SQLAlchemy chatter from nbgrader's gradebook
    submissions, workspace = Path(submissions).resolve(), Path(workspace).resolve()
    if not submissions.is_dir():
        raise FileNotFoundError(f"submissions folder not found: {submissions}")
    if workspace == submissions or submissions in workspace.parents:
        raise ValueError("the workspace must lie outside the submissions folder")
    if workspace.exists():
        shutil.rmtree(workspace)
    workspace.mkdir(parents=True)

    _write_workspace_config(workspace, cell_timeout)
    config = Config()
    apply_course_config(config, root=workspace)
    config.Execute.timeout = cell_timeout
    coursedir = CourseDirectory(config=config)
    api = NbGraderAPI(coursedir=coursedir, config=config)

    valid, results = find_submissions(submissions, chapters())
    for problem in results:
        echo(problem.line())

    for chapter in sorted({c for _, c, _ in valid}):
        outcome = api.generate_assignment(chapter, force=True)
        if not outcome["success"]:
            raise RuntimeError(f"could not prepare chapter {chapter}: {_first_line(outcome.get('error', ''))}")

    for student, chapter, notebook in valid:
        target = workspace / "submitted" / student / chapter
        target.mkdir(parents=True)
        shutil.copyfile(notebook, target / notebook.name)  # only the notebook: extra files stay behind
        started = time.perf_counter()
        outcome = api.autograde(chapter, student)
        elapsed = time.perf_counter() - started
        if not outcome["success"]:
            result = Result(student, chapter, "error", message=_explain_failure(outcome, cell_timeout))
        else:
            result = _scores(workspace, chapter, student)
            timeouts = _timed_out_cells(workspace / "autograded" / student / chapter / f"{chapter}.ipynb")
            if timeouts:
                note = (f"a cell ran longer than the {cell_timeout} s limit and was interrupted "
                        f"(an infinite loop?): {', '.join(timeouts)}")
                result.message = f"{note}; {result.message}" if result.message else note
            if feedback:
                fb = api.generate_feedback(chapter, student)
                if not fb["success"]:
                    result.message = "feedback failed: " + _first_line(fb.get("error", ""))
        result.seconds = elapsed
        results.append(result)
        echo(result.line())

    _write_csv(workspace / "grades.csv", results)
    return results


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


def _scores(workspace: Path, chapter: str, student: str) -> Result:
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{workspace / 'gradebook.db'}") as gb:
        sub = gb.find_submission(chapter, student)
        failed = sorted(g.cell.name for nb in sub.notebooks for g in nb.grades
                        if g.cell.cell_type == "code" and g.auto_score is not None
                        and g.auto_score < g.max_score)
        result = Result(student, chapter, "graded", autograded_score=float(sub.code_score),
                        autograded_max=float(sub.max_code_score), written_max=float(sub.max_written_score),
                        failed_tests=failed)
    if failed:
        result.message = "lost points on: " + ", ".join(failed)
    return result


def _timed_out_cells(autograded: Path) -> list[str]:
    """Cells (by grade_id, else position) that nbgrader interrupted for exceeding the time limit."""
    if not autograded.is_file():
        return []
    nb = nbformat.read(str(autograded), as_version=4)
    return [cell.metadata.get("nbgrader", {}).get("grade_id", f"cell {i}")
            for i, cell in enumerate(nb.cells) if cell.cell_type == "code"
            and any(o.get("ename") == "CellTimeoutError" for o in cell.get("outputs", []))]


def _write_csv(path: Path, results: list[Result]) -> None:
    with path.open("w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=CSV_FIELDS)
        writer.writeheader()
        for r in sorted(results, key=lambda r: (r.student_id, r.chapter)):
            writer.writerow({k: getattr(r, k) for k in CSV_FIELDS})

"""One place for the nbgrader settings and the course's paths."""
from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SOLUTIONS = REPO / "solutions"
NOTEBOOKS = REPO / "notebooks"
EXERCISE_QA = REPO / "exercise_qa"           # per-chapter mutants, alternatives and benchmarks
MUTANTS = EXERCISE_QA / "mutants"
ALTERNATIVES = EXERCISE_QA / "alternatives"
BENCHMARKS = EXERCISE_QA / "benchmarks"
GRADING = REPO / "_grading"

COURSE_ID = "llm-interviews"
CODE_STUB = "# YOUR CODE HERE\nraise NotImplementedError()"
# The nbgrader exchange (release / fetch / submit / collect on one machine or a JupyterHub).
DEFAULT_EXCHANGE = "/srv/nbgrader/exchange"


def copy_working_tree(dest: Path) -> None:
    """Copy the repository's tracked and untracked-but-not-ignored files to `dest`, keeping
    modification times (so the venv's install stamp stays newer than requirements.txt)."""
    import shutil
    import subprocess

    files = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=REPO,
                           capture_output=True, text=True, check=True).stdout.splitlines()
    for name in files:
        if (REPO / name).is_file():
            (Path(dest) / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, Path(dest) / name)


def chapters() -> list[str]:
    """Every chapter with an nbgrader source notebook solutions/<chapter>/<chapter>.ipynb."""
    return sorted(p.parent.name for p in SOLUTIONS.glob("*/*.ipynb")
                  if p.stem == p.parent.name)


def apply_course_config(c, root: Path, source: Path = SOLUTIONS, release: Path | None = None) -> None:
    """Fill an nbgrader traitlets config `c` for a course rooted at `root`.

    The source notebooks always come from `source`; everything nbgrader writes (gradebook,
    submissions, autograded copies, feedback) stays under `root`.
    """
    root = Path(root).resolve()
    c.CourseDirectory.root = str(root)
    c.CourseDirectory.course_id = COURSE_ID
    c.CourseDirectory.source_directory = str(source)
    c.CourseDirectory.release_directory = str(release or (NOTEBOOKS if root == REPO else root / "release"))
    grading = GRADING if root == REPO else root
    c.CourseDirectory.submitted_directory = str(grading / "submitted")
    c.CourseDirectory.autograded_directory = str(grading / "autograded")
    c.CourseDirectory.feedback_directory = str(grading / "feedback")
    c.CourseDirectory.db_url = f"sqlite:///{grading / 'gradebook.db'}"
    c.ClearSolutions.code_stub = {"python": CODE_STUB}
    c.ClearSolutions.text_stub = "YOUR ANSWER HERE"
    from autograder.settings import GraderSettings
    c.Execute.timeout = GraderSettings().cell_timeout_s
    c.Execute.interrupt_on_timeout = True
    c.GenerateAssignment.force = True
    c.Exchange.root = os.environ.get("NBGRADER_EXCHANGE", DEFAULT_EXCHANGE)
    # Feedback shows scores and check messages, never the hidden tests' code.
    c.GenerateFeedback.preprocessors = ["nbgrader.preprocessors.GetGrades",
                                        "autograder.feedback.StudentSafeFeedback",
                                        "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor"]
    grading.mkdir(parents=True, exist_ok=True)

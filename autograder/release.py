"""Generate the student notebooks (notebooks/) from the nbgrader sources (solutions/).

nbgrader writes each student version; then every one gets the launch cell and the run-locally
line of autograder/launch.py, so it runs on Colab, Binder, a JupyterHub or a laptop."""
from __future__ import annotations

import warnings
from pathlib import Path

import nbformat
from traitlets.config import Config

from autograder.config import GRADING, NOTEBOOKS, apply_course_config, chapters
from autograder.grade import _ensure_tools_on_path
from autograder.launch import add_launch_cells


def release(dest: Path = NOTEBOOKS, workspace: Path = GRADING / "release-db",
            only: list[str] | None = None) -> list[Path]:
    """Write dest/<chapter>/<chapter>.ipynb for every chapter; return the paths written."""
    from nbgrader.apps import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory

    _ensure_tools_on_path()
    warnings.filterwarnings("ignore", module="nbgrader")
    workspace.mkdir(parents=True, exist_ok=True)
    config = Config()
    apply_course_config(config, root=workspace, release=Path(dest).resolve())
    api = NbGraderAPI(coursedir=CourseDirectory(config=config), config=config)
    written = []
    for chapter in only or chapters():
        outcome = api.generate_assignment(chapter, force=True)
        if not outcome["success"]:
            raise RuntimeError(f"generate_assignment {chapter} failed:\n{outcome.get('error') or outcome.get('log')}")
        path = Path(dest) / chapter / f"{chapter}.ipynb"
        nb = nbformat.read(str(path), as_version=4)
        nbformat.write(add_launch_cells(nb, chapter), str(path))
        written.append(path)
    return written

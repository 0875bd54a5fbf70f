"""nbgrader configuration for the course (used by the `nbgrader` CLI and the formgrader).

The autograder package (autograder/) builds its own per-run configuration from
`autograder.config`, so grading runs never touch this repository's folders.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from autograder.config import apply_course_config  # noqa: E402

c = get_config()  # noqa: F821 (injected by traitlets)
apply_course_config(c, root=Path(__file__).resolve().parent)

"""Sample submissions for the demo and the tests: the reference, a blank one, typical mistakes."""
from __future__ import annotations

from pathlib import Path

import nbformat

from autograder.config import chapters
from autograder.mutants import Variant, mutants
from autograder.notebooks import (defined_names, read, reference_submission, student_path,
                                  with_replacements)

SAMPLE_STUDENTS = ("reference", "blank", "typical-mistakes")


def typical_mistakes(chapter: str) -> list[Variant]:
    """One classic mistake in every other exercise: the first mutant of each target, alternately."""
    by_target: dict[str, Variant] = {}
    for m in mutants():
        if m.chapter == chapter:
            by_target.setdefault(min(defined_names(m.code)), m)
    return [by_target[t] for t in sorted(by_target)][::2]


def mistakes_submission(chapter: str) -> nbformat.NotebookNode:
    nb = reference_submission(chapter)
    for m in typical_mistakes(chapter):
        nb = with_replacements(nb, m.code)
    return nb


def write_samples(folder: Path, only: list[str] | None = None) -> Path:
    """Write <folder>/<student>/<chapter>/<chapter>.ipynb for the three sample students."""
    for chapter in only or chapters():
        notebooks = {"reference": reference_submission(chapter),
                     "blank": read(student_path(chapter)),
                     "typical-mistakes": mistakes_submission(chapter)}
        for student, nb in notebooks.items():
            target = Path(folder) / student / chapter
            target.mkdir(parents=True, exist_ok=True)
            nbformat.write(nb, str(target / f"{chapter}.ipynb"))
    return Path(folder)

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


DEMO_CHAPTERS = ("decoding", "kv_cache", "quantization")


def demo_class(folder: Path, chapters_: tuple[str, ...] = DEMO_CHAPTERS, students: int = 10,
               seed: int = 0) -> Path:
    """A synthetic class: `students` x `chapters_` submissions (30 by default) made from the
    reference, blank notebooks and the mutants, so every part of the grading flow shows up:

    - student01 submits the reference solutions, student02 the blank notebooks;
    - student03 swallows exceptions with a custom handler (the grader flags it, the tests score 0);
    - every other student has 1-5 classic mistakes (mutants) drawn at random per chapter.
    """
    import random

    rng = random.Random(seed)
    available = [c for c in chapters_ if c in chapters()]
    for i in range(1, students + 1):
        student = f"student{i:02d}"
        for chapter in available:
            if i == 1:
                nb = reference_submission(chapter)
            elif i == 2:
                nb = read(student_path(chapter))
            else:
                nb = reference_submission(chapter)
                pool = [m for m in mutants() if m.chapter == chapter]
                for m in rng.sample(pool, k=min(len(pool), rng.randint(1, 5))):
                    nb = with_replacements(nb, m.code)
                if i == 3:  # a cheat: hide every failing test's error
                    nb.cells.insert(1, nbformat.v4.new_code_cell(
                        "get_ipython().set_custom_exc((Exception,), lambda *args, **kwargs: None)"))
            target = Path(folder) / student / chapter
            target.mkdir(parents=True, exist_ok=True)
            nbformat.write(nb, str(target / f"{chapter}.ipynb"))
    return Path(folder)

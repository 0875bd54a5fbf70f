"""Reading nbgrader notebooks: cells by role, and the submissions built from them."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import nbformat

from autograder.config import NOTEBOOKS, SOLUTIONS

_MARKER = re.compile(r"^\s*(#+\s*)?(BEGIN|END) (SOLUTION|HIDDEN TESTS|MARK SCHEME)\s*$")


def source_path(chapter: str) -> Path:
    return SOLUTIONS / chapter / f"{chapter}.ipynb"


def student_path(chapter: str) -> Path:
    return NOTEBOOKS / chapter / f"{chapter}.ipynb"


def read(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(str(path), as_version=4)


def nbgrader_meta(cell) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {})


def is_solution(cell) -> bool:
    return bool(nbgrader_meta(cell).get("solution"))


def is_autograded_test(cell) -> bool:
    meta = nbgrader_meta(cell)
    return cell.cell_type == "code" and bool(meta.get("grade")) and not meta.get("solution")


def is_written_answer(cell) -> bool:
    meta = nbgrader_meta(cell)
    return cell.cell_type == "markdown" and bool(meta.get("grade")) and bool(meta.get("solution"))


def forbidden_libraries(nb: nbformat.NotebookNode) -> set[str]:
    """Top-level modules the notebook's rules forbid in answers: the course-written notebook
    metadata ``llmcourse.forbidden_in_answers`` (the same list the rules cell names)."""
    return set(nb.metadata.get("llmcourse", {}).get("forbidden_in_answers", []))


def strip_markers(text: str) -> str:
    """Drop the nbgrader region marker lines, keeping what lies between them."""
    return "\n".join(line for line in text.split("\n") if not _MARKER.match(line))


def region_lines(text: str, region: str) -> list[str]:
    """Lines inside `BEGIN <region>` ... `END <region>` blocks."""
    inside, lines = False, []
    for line in text.split("\n"):
        if re.search(rf"BEGIN {region}\b", line):
            inside = True
        elif re.search(rf"END {region}\b", line):
            inside = False
        elif inside:
            lines.append(line)
    return lines


def defined_names(code: str) -> set[str]:
    """Top-level functions and classes that `code` defines."""
    return {node.name for node in ast.parse(code).body
            if isinstance(node, (ast.FunctionDef, ast.ClassDef))}


def reference_submission(chapter: str) -> nbformat.NotebookNode:
    """The student notebook with every answer cell filled from the reference solution."""
    answers = {nbgrader_meta(c)["grade_id"]: strip_markers(c.source)
               for c in read(source_path(chapter)).cells if is_solution(c)}
    nb = read(student_path(chapter))
    for cell in nb.cells:
        if is_solution(cell):
            cell.source = answers[nbgrader_meta(cell)["grade_id"]]
    return nb


def with_replacements(nb: nbformat.NotebookNode, code: str) -> nbformat.NotebookNode:
    """Append `code` to the answer cell(s) that define the names `code` defines, as a
    student would after rewriting those functions."""
    nb = nbformat.from_dict(nb)
    targets = defined_names(code)
    placed = False
    for cell in nb.cells:
        if cell.cell_type == "code" and is_solution(cell):
            try:
                names = defined_names(cell.source)
            except SyntaxError:
                continue
            if names & targets:
                cell.source = f"{cell.source}\n\n{code}"
                placed = True
                break
    if not placed:
        raise ValueError(f"no answer cell defines any of {sorted(targets)}")
    return nb

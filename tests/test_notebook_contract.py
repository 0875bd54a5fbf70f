"""The chapter contract, checked for every chapter found under solutions/."""
from __future__ import annotations

import html
import re

import pytest

from autograder.config import NOTEBOOKS
from autograder.grade import grade
from autograder.notebooks import (defined_names, is_autograded_test, is_solution, is_written_answer,
                                  nbgrader_meta, read, region_lines, source_path, student_path)
from autograder.release import release
from autograder.samples import write_samples

GRADE_ID = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)+$|^setup$")


def distinctive_solution_lines(chapter: str) -> set[str]:
    """Lines of the reference answers and hidden tests that a student copy must never contain."""
    student_text = "\n".join(c.source for c in read(student_path(chapter)).cells)
    lines = set()
    for cell in read(source_path(chapter)).cells:
        for region in ("SOLUTION", "HIDDEN TESTS"):
            for line in region_lines(cell.source, region):
                line = line.strip()
                if len(line) >= 24 and line not in student_text:
                    lines.add(line)
    return lines


def hidden_test_lines(chapter: str) -> list[str]:
    """Distinctive lines of the hidden tests (imports and lines the student copy also has
    aside), whitespace-normalised."""
    student_text = re.sub(r"\s+", " ", "\n".join(c.source for c in read(student_path(chapter)).cells))
    cells = read(source_path(chapter)).cells
    solution = re.sub(r"\s+", " ", "\n".join(ln for c in cells for ln in region_lines(c.source, "SOLUTION")))
    lines = []
    for cell in cells:
        for line in region_lines(cell.source, "HIDDEN TESTS"):
            line = re.sub(r"\s+", " ", line).strip()
            if (len(line) >= 24 and line not in student_text and line not in solution
                    and not re.match(r"^(from \S+ )?import ", line)):
                lines.append(line)
    return lines


def test_student_notebook_is_regenerated_from_source(chapter, tmp_path):
    """notebooks/ must be exactly what `python -m autograder release` produces now."""
    [fresh] = release(dest=tmp_path / "release", workspace=tmp_path / "db", only=[chapter])
    committed = NOTEBOOKS / chapter / f"{chapter}.ipynb"
    assert committed.exists(), f"{committed} is missing: run `make notebooks`"
    assert fresh.read_bytes() == committed.read_bytes(), (
        f"{committed} is stale: it differs from what solutions/{chapter} generates. Run `make notebooks`.")


def test_source_notebook_follows_the_contract(chapter):
    cells = read(source_path(chapter)).cells
    ids = [nbgrader_meta(c)["grade_id"] for c in cells if nbgrader_meta(c)]
    assert len(ids) == len(set(ids)), f"duplicate grade_ids: {sorted(i for i in ids if ids.count(i) > 1)}"
    bad = [i for i in ids if not GRADE_ID.match(i)]
    assert not bad, f"grade_ids must read <function>_<behaviour>: {bad}"

    answers = [c for c in cells if is_solution(c) and c.cell_type == "code"]
    functions = set().union(*(defined_names(c.source) for c in answers))
    assert len(functions) >= 6, f"only {len(functions)} autograded functions/classes: {sorted(functions)}"
    written = [c for c in cells if is_written_answer(c)]
    assert len(written) >= 2, "at least two hand-graded written answers are required"
    for cell in written:
        assert "Mark scheme" in cell.source and nbgrader_meta(cell)["points"] > 0

    # Every answer cell is followed by a visible quick test (locked, no points: it only gives the
    # student fast feedback) and at least one hidden test with points, judged outside the kernel.
    position = {id(c): i for i, c in enumerate(cells)}
    for n, answer in enumerate(answers):
        end = position[id(answers[n + 1])] if n + 1 < len(answers) else len(cells)
        following = cells[position[id(answer)]:end]
        gid = nbgrader_meta(answer)["grade_id"]
        visible = [c for c in following if c.cell_type == "code" and nbgrader_meta(c).get("locked")
                   and not nbgrader_meta(c).get("grade") and not is_solution(c)
                   and c.source.lstrip().startswith('"""Check')]
        hidden = [t for t in following if is_autograded_test(t)]
        assert visible, f"{gid}: no visible quick test"
        assert not any(nbgrader_meta(c).get("points") for c in visible), f"{gid}: a visible test carries points"
        assert hidden and all("BEGIN HIDDEN TESTS" in t.source for t in hidden), f"{gid}: no hidden tests"
        assert all(nbgrader_meta(t)["points"] > 0 for t in hidden), f"{gid}: a test cell has no points"
        assert all(t.source.lstrip().startswith('"""Check') for t in hidden), (
            f'{gid}: each test cell opens with a one-line """Check ..."""')
        assert '"""' in answer.source, f"{gid}: the answer cell needs a docstring stating the contract"


def test_every_hidden_test_is_judged_outside_the_kernel(chapter):
    """Each graded cell defines exactly one observation/judge pair under its own grade_id, and the
    grader can collect it without running anything of the notebook."""
    from autograder.worker import judges_for
    tests = [c for c in read(source_path(chapter)).cells if is_autograded_test(c)]
    judges = judges_for(chapter)
    missing = [nbgrader_meta(c)["grade_id"] for c in tests if nbgrader_meta(c)["grade_id"] not in judges]
    assert not missing, f"hidden tests still run inside the student's kernel: {missing}"
    for cell in tests:
        assert "Contract covered:" in cell.source and "Edge inputs:" in cell.source, (
            f"{nbgrader_meta(cell)['grade_id']}: say which contract clauses and edge inputs the test covers")


def test_student_notebook_hides_solutions_and_hidden_tests(chapter):
    text = student_path(chapter).read_text()
    for marker in ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "Mark scheme", "Model answer"):
        assert marker not in text, f"the student notebook contains {marker!r}"
    leaked = [line for line in distinctive_solution_lines(chapter) if line in text]
    assert not leaked, f"solution lines leaked into the student notebook: {leaked[:3]}"


@pytest.fixture(scope="module")
def graded_samples(tmp_path_factory):
    """The sample submissions of every chapter, graded together in one run of the grader."""
    root = tmp_path_factory.mktemp("samples")
    subs = write_samples(root / "subs")
    return root, grade(subs, root / "ws", echo=lambda _: None)


def test_sample_submissions_grade_as_expected(chapter, graded_samples):
    """Reference: full autograded marks. Blank: 0. Typical mistakes: somewhere in between."""
    tmp_path, graded = graded_samples
    results = {r.student_id: r for r in graded if r.chapter == chapter}
    ref, blank, mistakes = results["reference"], results["blank"], results["typical-mistakes"]
    assert ref.status == blank.status == mistakes.status == "graded", [r.line() for r in results.values()]
    assert ref.autograded_max > 0
    assert ref.autograded_score == ref.autograded_max, f"the reference lost points: {ref.failed_tests}"
    assert blank.autograded_score == 0, f"the blank notebook earned points on {blank.failed_tests}"
    assert 0 < mistakes.autograded_score < mistakes.autograded_max, mistakes.line()
    hidden = hidden_test_lines(chapter)
    for student in results:
        feedback = tmp_path / "ws" / "feedback" / student / chapter / f"{chapter}.html"
        assert feedback.is_file(), f"no feedback for {student}"
        text = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", feedback.read_text())))
        submitted = re.sub(r"\s+", " ", "\n".join(
            c.source for c in read(tmp_path / "subs" / student / chapter / f"{chapter}.ipynb").cells))
        shown = [line for line in hidden if line in text and line not in submitted]  # not the student's own code
        assert not shown, f"{student}'s feedback shows hidden-test code: {shown[:3]}"
    mistakes_feedback = (tmp_path / "ws" / "feedback" / "typical-mistakes" / chapter / f"{chapter}.html").read_text()
    assert "expected" in mistakes_feedback, "feedback must keep the checks' explanations"
    csv_text = (tmp_path / "ws" / "grades.csv").read_text()
    assert csv_text.splitlines()[0].startswith("student_id,chapter,status,autograded_score")
    assert sum(f",{chapter},graded," in line for line in csv_text.splitlines()) == 3

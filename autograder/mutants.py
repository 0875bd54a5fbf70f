"""Prove that the hidden tests catch classic mistakes, quickly.

A *mutant* (autograder/mutants/<chapter>/<name>.py) is a plausible wrong implementation of
one exercise: its module docstring names the misconception, and its code redefines the
function(s) or class(es) it gets wrong. An *alternative* (autograder/alternatives/<chapter>/)
is a different but correct implementation that must keep full marks.

Rather than autograding every mutant from scratch, the harness starts one kernel per
chapter, runs the reference notebook once, and then for each mutant: defines the mutant's
code, re-runs only the graded test cells, and restores the reference by re-running the
answer cells. Each run reports the points lost and the first line of every failing check.
"""
from __future__ import annotations

import ast
import queue
from dataclasses import dataclass, field
from pathlib import Path

from jupyter_client.manager import start_new_kernel

from autograder.config import ALTERNATIVES, MUTANTS, SOLUTIONS
from autograder.notebooks import is_autograded_test, is_solution, nbgrader_meta, read, source_path


@dataclass(frozen=True)
class Variant:
    """A mutant or an alternative implementation for one chapter.

    Its code runs in the namespace of the reference notebook, so a mutant may subclass the
    reference class and override only the method it gets wrong.
    """
    chapter: str
    path: Path

    @property
    def name(self) -> str:
        return self.path.stem

    @property
    def code(self) -> str:
        return self.path.read_text()

    @property
    def description(self) -> str:
        return (ast.get_docstring(ast.parse(self.code)) or "").strip().splitlines()[0]


def discover(folder: Path) -> list[Variant]:
    return [Variant(p.parent.name, p) for p in sorted(folder.glob("*/*.py")) if not p.name.startswith("_")]


def mutants() -> list[Variant]:
    return discover(MUTANTS)


def alternatives() -> list[Variant]:
    return discover(ALTERNATIVES)


@dataclass
class Outcome:
    points_lost: float
    max_points: float
    failures: dict[str, str] = field(default_factory=dict)  # grade_id -> first line of the error


class CellError(RuntimeError):
    pass


class ChapterKernel:
    """One kernel with a chapter's reference notebook loaded; swaps variants in and out."""

    def __init__(self, chapter: str, timeout: float = 120.0):
        self.chapter = chapter
        self.timeout = timeout
        nb = read(source_path(chapter))
        self.cells = [c for c in nb.cells if c.cell_type == "code"]
        self.tests = [c for c in self.cells if is_autograded_test(c)]
        self.answers = [c for c in self.cells if is_solution(c)]
        self.max_points = float(sum(nbgrader_meta(c)["points"] for c in self.tests))
        self.km, self.kc = start_new_kernel(kernel_name="python3", cwd=str(SOLUTIONS / chapter))
        try:
            for cell in self.cells:
                self._run(cell.source, strict=True)
        except Exception:
            self.close()
            raise

    def _run(self, code: str, strict: bool = False) -> str | None:
        """Execute `code`; return None on success or the error's one-line summary."""
        errors: list[str] = []

        def on_output(msg):
            if msg["msg_type"] == "error":
                content = msg["content"]
                errors.append(f"{content['ename']}: {content['evalue']}".strip().splitlines()[0])

        try:
            reply = self.kc.execute_interactive(code, timeout=self.timeout, output_hook=on_output,
                                                allow_stdin=False, store_history=False)
        except (TimeoutError, queue.Empty):
            self.km.interrupt_kernel()
            errors.append(f"timed out after {self.timeout:g} s")
            reply = {"content": {"status": "error"}}
        if reply["content"]["status"] == "ok":
            return None
        summary = errors[0] if errors else "error"
        if strict:
            raise CellError(f"{self.chapter}: reference cell failed: {summary}\n--- cell ---\n{code[:500]}")
        return summary

    def score(self) -> Outcome:
        outcome = Outcome(points_lost=0.0, max_points=self.max_points)
        for cell in self.tests:
            error = self._run(cell.source)
            if error is not None:
                outcome.points_lost += nbgrader_meta(cell)["points"]
                outcome.failures[nbgrader_meta(cell)["grade_id"]] = error
        return outcome

    def try_variant(self, variant: Variant) -> Outcome:
        """Grade the reference with `variant` swapped in, then restore the reference."""
        try:
            error = self._run(variant.code)
            if error is not None:
                raise CellError(f"{variant.path}: the variant itself failed to run: {error}")
            return self.score()
        finally:
            for cell in self.answers:
                self._run(cell.source, strict=True)

    def close(self) -> None:
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=True)

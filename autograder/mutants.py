"""Prove that the hidden tests catch classic mistakes, quickly.

A *mutant* (exercise_qa/mutants/<chapter>/<name>.py) is a plausible wrong implementation of
one exercise: its module docstring names the misconception, and its code redefines the
function(s) or class(es) it gets wrong. An *alternative* (exercise_qa/alternatives/<chapter>/)
is a different but correct implementation that must keep full marks.

Rather than autograding every mutant from scratch, the harness starts one kernel per chapter
(in observation mode, as the grader's kernels are), runs the reference notebook once and keeps
its observations as the reference, and then for each variant: defines the variant's code,
re-runs only the graded test cells, judges their observations in this process exactly as the
grader does (`llmcourse.judging`), and restores the reference by re-running the answer cells.
"""
from __future__ import annotations

import ast
import queue
from dataclasses import dataclass, field
from pathlib import Path

import base64
import os

from jupyter_client.manager import start_new_kernel

from autograder.config import ALTERNATIVES, MUTANTS, SOLUTIONS
from autograder.notebooks import defined_names, is_autograded_test, is_solution, nbgrader_meta, read, source_path


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

    @property
    def needs_cuda(self) -> bool:
        """A mutant whose mistake only shows on an accelerator (an output left on the CPU, say)
        says so with a ``Needs: cuda`` line in its docstring; without a GPU it is skipped, not
        counted as caught."""
        return "Needs: cuda" in (ast.get_docstring(ast.parse(self.code)) or "").splitlines()


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

    NONCE = "mutant-harness"

    def __init__(self, chapter: str, timeout: float = 120.0):
        from autograder.worker import judges_for

        self.chapter = chapter
        self.timeout = timeout
        nb = read(source_path(chapter))
        self.cells = [c for c in nb.cells if c.cell_type == "code"]
        self.tests = [c for c in self.cells if is_autograded_test(c)]
        self.answers = [c for c in self.cells if is_solution(c)]
        self.max_points = float(sum(nbgrader_meta(c)["points"] for c in self.tests))
        self.judges = judges_for(chapter)
        env = dict(os.environ, LLMCOURSE_GRADING=f"reference:{self.NONCE}")
        self.km, self.kc = start_new_kernel(kernel_name="python3", cwd=str(SOLUTIONS / chapter), env=env)
        self.reference: dict[str, bytes] = {}
        self.nonce = self.NONCE
        self._student = False
        try:
            for cell in self.cells:
                gid = nbgrader_meta(cell).get("grade_id")
                self._run(cell.source, strict=True, observations=self.reference, test=gid)
        except Exception:
            self.close()
            raise

    def _run(self, code: str, strict: bool = False, observations: dict | None = None,
             test: str | None = None) -> str | None:
        """Execute `code`; return None on success or the error's one-line summary. Observations
        the cell sends under its own grade id `test` go into `observations`."""
        from llmcourse.judging import MIME

        errors: list[str] = []

        def on_output(msg):
            content = msg["content"]
            if msg["msg_type"] == "error":
                errors.append(f"{content['ename']}: {content['evalue']}".strip().splitlines()[0])
            elif msg["msg_type"] == "display_data" and MIME in content.get("data", {}):
                payload = content["data"][MIME]
                if observations is not None and payload.get("test") == test:
                    observations.setdefault(test, base64.b64decode(payload["data"]))

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

    def tests_for(self, names: set[str]) -> list:
        """The graded tests, those of the exercise(s) defining `names` first."""
        cells = read(source_path(self.chapter)).cells
        first, owner = [], False
        for cell in cells:
            if is_solution(cell) and cell.cell_type == "code":
                owner = bool(defined_names(cell.source) & names)
            elif owner and is_autograded_test(cell):
                first.append(nbgrader_meta(cell)["grade_id"])
        order = {gid: i for i, gid in enumerate(first)}
        return sorted(self.tests, key=lambda c: order.get(nbgrader_meta(c)["grade_id"], len(order)))

    def _mode(self, mode: str) -> None:
        self._student = mode == "student"
        self._run(f"import os\nos.environ['LLMCOURSE_GRADING'] = '{mode}:{self.nonce}'", strict=True)

    def use_nonce(self, nonce: str) -> None:
        """Draw the hidden tests' inputs from another seed: the reference's observations are
        taken again (in reference mode) for it."""
        self.nonce = nonce
        self._mode("reference")
        self.reference = {}
        for cell in self.tests:
            gid = nbgrader_meta(cell)["grade_id"]
            self._run(cell.source, strict=True, observations=self.reference, test=gid)

    def score(self, tests: list | None = None, stop_at_first_loss: bool = False) -> Outcome:
        """Run the graded test cells and judge them as the grader does."""
        from llmcourse.judging import decode, observation_half

        outcome = Outcome(points_lost=0.0, max_points=self.max_points)
        for cell in tests or self.tests:
            if stop_at_first_loss and outcome.points_lost:
                break
            gid = nbgrader_meta(cell)["grade_id"]
            observed: dict[str, bytes] = {}
            source = observation_half(cell.source) if self.nonce and self._student else cell.source
            error = self._run(source, observations=observed, test=gid)
            test = self.judges.get(gid)
            if test is not None:  # judged outside the kernel, from the observations
                try:
                    if gid not in observed:
                        raise AssertionError(f"no observation ({error or 'the cell sent none'})")
                    test.verdict(decode(observed[gid]), decode(self.reference[gid]))
                    error = None
                except AssertionError as exc:
                    error = (str(exc) or "check failed").splitlines()[0]
            if error is not None:
                outcome.points_lost += nbgrader_meta(cell)["points"]
                outcome.failures[gid] = error
        return outcome

    def try_variant(self, variant: Variant, stop_at_first_loss: bool = False) -> Outcome:
        """Grade the reference with `variant` swapped in, then restore the reference. With
        `stop_at_first_loss` (enough to show that a mutant loses points), the tests of the
        exercise it changes run first and grading stops at the first failure."""
        try:
            self._mode("student")
            error = self._run(variant.code)
            if error is not None:
                raise CellError(f"{variant.path}: the variant itself failed to run: {error}")
            return self.score(self.tests_for(defined_names(variant.code)), stop_at_first_loss)
        finally:
            self._mode("reference")
            for cell in self.answers:
                self._run(cell.source, strict=True)

    def close(self) -> None:
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=True)

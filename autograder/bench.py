"""Benchmark: per chapter, plain execution of the reference notebook, autograding one
submission, their ratio, and the mutant check. Prints a Markdown table.

Speed targets live here, not in timed unit tests: the reference notebook should run in
about 20 s on a 2-core CPU.
"""
from __future__ import annotations

import importlib
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from autograder.config import SOLUTIONS, chapters
from autograder.grade import grade
from autograder.mutants import ChapterKernel, alternatives, mutants
from autograder.notebooks import reference_submission, source_path

TARGET_NOTEBOOK_S = 20.0


def time_plain_execution(chapter: str) -> float:
    """Wall time to run the reference notebook top to bottom in a fresh kernel."""
    nb = nbformat.read(str(source_path(chapter)), as_version=4)
    started = time.perf_counter()
    NotebookClient(nb, timeout=600, kernel_name="python3",
                   resources={"metadata": {"path": str(SOLUTIONS / chapter)}}).execute()
    return time.perf_counter() - started


def time_autograde_one(chapter: str) -> float:
    """Wall time nbgrader takes to autograde one (reference) submission."""
    with tempfile.TemporaryDirectory() as tmp:
        subs = Path(tmp) / "subs" / "student" / chapter
        subs.mkdir(parents=True)
        nbformat.write(reference_submission(chapter), str(subs / f"{chapter}.ipynb"))
        [result] = grade(Path(tmp) / "subs", Path(tmp) / "ws", feedback=False, echo=lambda _: None)
        if result.autograded_score != result.autograded_max:
            raise RuntimeError(f"{chapter}: the reference lost points while benchmarking: {result.line()}")
        return result.seconds


def time_mutant_check(chapter: str) -> tuple[float, int]:
    started = time.perf_counter()
    kernel = ChapterKernel(chapter)
    variants = [v for v in mutants() + alternatives() if v.chapter == chapter]
    try:
        for v in variants:
            kernel.try_variant(v)
    finally:
        kernel.close()
    return time.perf_counter() - started, len(variants)


def time_book_builds() -> str:
    """Cold build of the book in a fresh copy, then a cached rebuild after a one-page edit."""
    import subprocess
    import sys

    from autograder.config import copy_working_tree
    jb = str(Path(sys.executable).parent / "jupyter-book")
    with tempfile.TemporaryDirectory() as tmp:
        copy_working_tree(Path(tmp))
        timings = []
        for label in ("cold build", "cached rebuild after a one-page edit"):
            if timings:
                with open(Path(tmp) / "book" / "intro.md", "a") as f:
                    f.write("\nEdited for the benchmark.\n")
            started = time.perf_counter()
            subprocess.run([jb, "build", tmp, "-W", "-n", "--keep-going"], check=True,
                           capture_output=True)
            timings.append((label, time.perf_counter() - started))
    rows = ["| book build | seconds | target |", "|---|---:|---:|"]
    targets = {"cold build": 360, "cached rebuild after a one-page edit": 30}
    rows += [f"| {label} | {seconds:.1f} | < {targets[label]} |" for label, seconds in timings]
    table = "\n".join(rows)
    print(table)
    return table


def main(only: list[str] | None = None) -> str:
    rows = ["| chapter | plain execution (s) | autograde one submission (s) | ratio | "
            f"within {TARGET_NOTEBOOK_S:g} s | mutant check (s, variants) |",
            "|---|---:|---:|---:|:---:|---:|"]
    selected = only or chapters()
    time_plain_execution(selected[0])  # warm-up: the first kernel pays for cold disk caches
    for chapter in selected:
        plain = time_plain_execution(chapter)
        graded = time_autograde_one(chapter)
        mutant_s, n = time_mutant_check(chapter)
        rows.append(f"| {chapter} | {plain:.1f} | {graded:.1f} | {graded / plain:.2f} | "
                    f"{'yes' if plain <= TARGET_NOTEBOOK_S else 'NO'} | {mutant_s:.1f} ({n}) |")
    table = "\n".join(rows)
    print(table)
    for chapter in only or chapters():
        extra = chapter_report(chapter)
        if extra:
            print(f"\n### {chapter}\n\n{extra}")
            table += f"\n\n### {chapter}\n\n{extra}"
    return table


def chapter_report(chapter: str) -> str | None:
    """The chapter's own benchmark (autograder/benchmarks/<chapter>.py), if it has one."""
    if not (Path(__file__).parent / "benchmarks" / f"{chapter}.py").is_file():
        return None
    return importlib.import_module(f"autograder.benchmarks.{chapter}").report()

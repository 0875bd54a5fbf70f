"""Benchmark: per chapter, plain execution of the reference notebook, autograding one
submission, their ratio, and the mutant check. Prints a Markdown table.

Speed targets live here, not in timed unit tests: the reference notebook should run in
about 20 s on a 2-core CPU.
"""
from __future__ import annotations

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


def time_plain_execution(chapter: str, threads: int | None = None) -> float:
    """Wall time to run the reference notebook top to bottom in a fresh kernel (kernel start
    included). With `threads`, the kernel gets the grader's thread setting."""
    import os
    nb = nbformat.read(str(source_path(chapter)), as_version=4)
    saved = {k: os.environ.get(k) for k in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "LLMCOURSE_GRADING")}
    os.environ["LLMCOURSE_GRADING"] = "self-check"  # the source notebook's hidden tests judge themselves
    if threads:
        os.environ.update(OMP_NUM_THREADS=str(threads), MKL_NUM_THREADS=str(threads))
    try:
        started = time.perf_counter()
        NotebookClient(nb, timeout=600, kernel_name="python3",
                       resources={"metadata": {"path": str(SOLUTIONS / chapter)}}).execute()
        return time.perf_counter() - started
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def _class(folder: Path, chapter: str, copies: int) -> Path:
    for i in range(copies):
        target = folder / f"student{i:02d}" / chapter
        target.mkdir(parents=True)
        nbformat.write(reference_submission(chapter), str(target / f"{chapter}.ipynb"))
    return folder


def time_autograde_one(chapter: str) -> tuple[float, float]:
    """(seconds nbgrader spends autograding one reference submission in the sandbox,
    wall seconds for the whole submission: worker, sandbox, judge, scan, grades and feedback)."""
    with tempfile.TemporaryDirectory() as tmp:
        subs = _class(Path(tmp) / "subs", chapter, 1)
        [result] = grade(subs, Path(tmp) / "ws", echo=lambda _: None, workers=1)
        if result.autograded_score != result.autograded_max:
            raise RuntimeError(f"{chapter}: the reference lost points while benchmarking: {result.line()}")
        return result.seconds, result.timing.get("wall", result.seconds)


def _grade_class(chapter: str, copies: int, workers: int) -> tuple[float, list]:
    with tempfile.TemporaryDirectory() as tmp:
        subs = _class(Path(tmp) / "subs", chapter, copies)
        started = time.perf_counter()
        results = grade(subs, Path(tmp) / "ws", echo=lambda _: None, workers=workers)
        wall = time.perf_counter() - started
    bad = [r.line() for r in results if r.autograded_score != r.autograded_max]
    if bad:
        raise RuntimeError(f"a reference submission lost points while benchmarking: {bad}")
    return wall, results


def grading_report(overhead_chapters=("quantization", "kv_cache"), scaling_chapter: str = "kv_cache",
                   submissions: int = 6) -> str:
    """Overhead per submission, 1 vs 2 worker throughput, and the 30-submission demo class.

    Overhead: the grader's cost of one more submission (wall time of grading `submissions`
    minus grading 1, divided by the difference, with 1 worker) against plain execution of the
    same notebook in a fresh kernel with the grader's thread setting. The all-in figure also
    spreads the once-per-run costs (preparing the chapter, starting workers, the report)."""
    from autograder.samples import demo_class
    rows = ["| grading measurement | value | target |", "|---|---:|---:|"]
    for chapter in overhead_chapters:
        plain = time_plain_execution(chapter, threads=1)
        one, _ = _grade_class(chapter, 1, 1)
        many, _ = _grade_class(chapter, submissions, 1)
        marginal = (many - one) / (submissions - 1)
        rows += [f"| {chapter}: plain execution, fresh kernel, 1 thread (s) | {plain:.1f} | |",
                 f"| {chapter}: grading one more submission, sandbox + judge + feedback (s) | {marginal:.1f} | |",
                 f"| {chapter}: overhead, per extra submission / plain | {marginal / plain:.2f}x | <= 1.3x |",
                 f"| {chapter}: all-in, {submissions} submissions incl. setup / plain | "
                 f"{many / submissions / plain:.2f}x | |"]
    serial, _ = _grade_class(scaling_chapter, 2 * submissions, 1)
    parallel, _ = _grade_class(scaling_chapter, 2 * submissions, 2)
    rows.append(f"| throughput, {2 * submissions} x {scaling_chapter}: 2 workers vs 1 "
                f"({serial:.0f} s vs {parallel:.0f} s) | {serial / parallel:.2f}x | >= 1.7x |")
    with tempfile.TemporaryDirectory() as tmp:
        subs = demo_class(Path(tmp) / "subs")
        started = time.perf_counter()
        results = grade(subs, Path(tmp) / "ws", echo=lambda _: None)
        class_wall = time.perf_counter() - started
    flagged = sum(bool(r.flags) for r in results)
    graded = sum(r.status == "graded" for r in results)
    rows.append(f"| demo class: {len(results)} submissions, {graded} graded, {flagged} flagged, "
                f"2 workers (s) | {class_wall:.0f} | |")
    return "\n".join(rows)


def dask_report(chapter: str = "kv_cache", submissions: int = 8) -> str:
    """Throughput on a local Dask cluster (1 and 2 one-thread workers) against the local pool
    (1 and 2 workers), the same class each time, and a projection for a MOOC-sized class."""
    from autograder.cluster import start_local_cluster, stop
    rows = ["| Dask measurement | value | target |", "|---|---:|---:|"]
    times = {}
    for workers in (1, 2):
        times[("local", workers)], _ = _grade_class(chapter, submissions, workers)
        with tempfile.TemporaryDirectory() as tmp:
            address, procs = start_local_cluster(workers, Path(tmp) / "cluster")
            try:
                subs = _class(Path(tmp) / "subs", chapter, submissions)
                started = time.perf_counter()
                results = grade(subs, Path(tmp) / "ws", echo=lambda _: None, scheduler=address)
                times[("dask", workers)] = time.perf_counter() - started
            finally:
                stop(procs)
            if any(r.autograded_score != r.autograded_max for r in results):
                raise RuntimeError("a reference submission lost points on Dask")
    for workers in (1, 2):
        local, dask = times[("local", workers)], times[("dask", workers)]
        rows.append(f"| {submissions} x {chapter}, {workers} worker(s): local pool {local:.0f} s, Dask {dask:.0f} s "
                    f"| {100 * (dask - local) / local:+.0f}% | <= +10% |")
    per_submission = times[("dask", 2)] / submissions * 2  # seconds of one worker per submission
    total = 60_000 * per_submission / 100 / 2  # 100 machines x 2 one-thread workers
    rows.append(f"| projection: 60,000 submissions on 100 two-core workers at {per_submission:.1f} s per submission "
                f"per worker | {total / 3600:.1f} h | |")
    return "\n".join(rows)


def time_mutant_check(chapter: str) -> tuple[float, int]:
    started = time.perf_counter()
    kernel = ChapterKernel(chapter)
    variants = [v for v in mutants() + alternatives() if v.chapter == chapter]
    try:
        for v in variants:
            kernel.try_variant(v, stop_at_first_loss=v in mutants())
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
    rows = ["| chapter | plain execution (s) | autograde in sandbox (s) | whole submission (s) | "
            f"ratio | within {TARGET_NOTEBOOK_S:g} s | mutant check (s, variants) |",
            "|---|---:|---:|---:|---:|:---:|---:|"]
    selected = only or chapters()
    time_plain_execution(selected[0])  # warm-up: the first kernel pays for cold disk caches
    for chapter in selected:
        plain = time_plain_execution(chapter)
        graded, wall = time_autograde_one(chapter)
        mutant_s, n = time_mutant_check(chapter)
        rows.append(f"| {chapter} | {plain:.1f} | {graded:.1f} | {wall:.1f} | {graded / plain:.2f} | "
                    f"{'yes' if plain <= TARGET_NOTEBOOK_S else 'NO'} | {mutant_s:.1f} ({n}) |")
    table = "\n".join(rows)
    print(table)
    if not only:
        grading = grading_report()
        print(f"\n### grading a class\n\n{grading}")
        table += f"\n\n### grading a class\n\n{grading}"
    for chapter in only or chapters():
        extra = chapter_report(chapter)
        if extra:
            print(f"\n### {chapter}\n\n{extra}")
            table += f"\n\n### {chapter}\n\n{extra}"
    return table


def chapter_report(chapter: str) -> str | None:
    """The chapter's own benchmark (exercise_qa/benchmarks/<chapter>.py), if it has one."""
    import importlib.util
    from autograder.config import BENCHMARKS
    path = BENCHMARKS / f"{chapter}.py"
    if not path.is_file():
        return None
    spec = importlib.util.spec_from_file_location(f"exercise_qa_benchmark_{chapter}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.report()

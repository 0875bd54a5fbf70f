"""Every mutant (a classic wrong implementation) must lose points; every alternative must not.

One kernel per chapter runs the reference once; each variant is swapped in, the graded test
cells re-run, and the reference restored (see autograder/mutants.py). The chapters are shared
between this file (SHARE 0) and test_mutants_b.py (SHARE 1), so that the two pytest-xdist
workers (one per file) check mutants side by side.
"""
from __future__ import annotations

from collections import Counter

import pytest
import torch

from autograder.mutants import ChapterKernel, alternatives, mutants
from autograder.notebooks import defined_names, is_solution, nbgrader_meta, read, source_path

from autograder.config import chapters

SHARE = 0
_kernels: dict[str, ChapterKernel] = {}


def _mine(module) -> list[str]:
    return chapters()[module.SHARE::2]


def pytest_generate_tests(metafunc):
    mine = _mine(metafunc.module)
    if "variant" in metafunc.fixturenames:
        pool = mutants() if metafunc.function.__name__ == "test_mutant_loses_points" else alternatives()
        pool = [v for v in pool if v.chapter in mine]
        metafunc.parametrize("variant", pool, ids=_ids(pool))
    if "chapter" in metafunc.fixturenames:
        metafunc.parametrize("chapter", mine)


@pytest.fixture(scope="module", autouse=True)
def _close_kernels():
    yield
    while _kernels:
        _kernels.popitem()[1].close()


def kernel_for(chapter: str) -> ChapterKernel:
    if chapter not in _kernels:
        _kernels[chapter] = ChapterKernel(chapter)
    return _kernels[chapter]


def _ids(variants):
    return [f"{v.chapter}/{v.name}" for v in variants]


def test_mutant_loses_points(variant):
    if variant.needs_cuda and not torch.cuda.is_available():
        pytest.skip(f"{variant.path.name} only shows its mistake on an accelerator (Needs: cuda)")
    outcome = kernel_for(variant.chapter).try_variant(variant, stop_at_first_loss=True)
    assert outcome.points_lost > 0, (
        f"{variant.path.name} ({variant.description}) kept all {outcome.max_points:g} points: "
        "the hidden tests do not catch this mistake")


def test_alternative_keeps_full_marks(variant):
    outcome = kernel_for(variant.chapter).try_variant(variant)
    assert outcome.points_lost == 0, (
        f"a correct alternative ({variant.path.name}) lost points: {outcome.failures}")


@pytest.mark.parametrize("nonce", ["seed-2", "seed-3"])
def test_reference_and_alternatives_pass_under_other_seeds(chapter, nonce):
    """The grader draws hidden-test inputs from a new seed every run: the reference must pass its
    own tests, and every correct alternative keep full marks, whatever the seed."""
    kernel = kernel_for(chapter)
    try:
        kernel.use_nonce(nonce)
        reference = kernel.score()
        assert reference.points_lost == 0, f"the reference fails under {nonce}: {reference.failures}"
        for variant in (a for a in alternatives() if a.chapter == chapter):
            outcome = kernel.try_variant(variant)
            assert outcome.points_lost == 0, f"{variant.name} lost points under {nonce}: {outcome.failures}"
    finally:
        kernel.use_nonce(kernel.NONCE)


def test_every_exercise_has_two_mutants_and_every_chapter_an_alternative(chapter):
    answer_cells = {nbgrader_meta(c)["grade_id"]: defined_names(c.source)
                    for c in read(source_path(chapter)).cells if is_solution(c) and c.cell_type == "code"}
    hits = Counter()
    for m in (m for m in mutants() if m.chapter == chapter):
        targets = defined_names(m.code)
        owners = [gid for gid, names in answer_cells.items() if names & targets]
        assert owners, f"{m.path.name} redefines {sorted(targets)}, which no answer cell defines"
        assert m.description, f"{m.path.name} needs a docstring naming the misconception"
        hits.update(owners)
    thin = {gid: hits[gid] for gid in answer_cells if hits[gid] < 2}
    assert not thin, f"exercises with fewer than 2 mutants: {thin}"
    assert any(a.chapter == chapter for a in alternatives()), f"{chapter} has no correct alternative"

"""The scaling experiment's cache (llmcourse/data/scaling_runs.json) is what its code produces.

The pretraining chapter reads the cached losses instead of training. These tests check that the
cache was written by the current code, setup and text, and re-train the cheapest point of the
family (about a second of CPU) to confirm that the cached loss is reproducible.
"""
import math
import platform

import pytest
import torch

from llmcourse import scaling

# On the machine and library versions that wrote the cache, a re-run with the same seed on one
# thread repeats the same arithmetic; allow for a different CPU kernel path only.
SAME_ENVIRONMENT_TOLERANCE = 0.02
# Elsewhere the run can diverge as much as a change of seed does: allow three seed standard deviations.
SEED_SPREAD_MULTIPLE = 3.0


@pytest.fixture(scope="module")
def cache():
    return scaling.load_cache()


def test_cache_matches_code_setup_and_text(cache):
    """Check that the cache's code fingerprint, setup and corpus hash match this checkout."""
    problems = scaling.cache_mismatches(cache)
    assert not problems, ("the scaling cache is stale: " + "; ".join(problems)
                          + ". Re-run `python -m llmcourse.scaling run` (about 11 CPU-minutes on one thread).")


def test_cache_has_every_point_of_the_family(cache):
    """Check that every (shape, budget) pair was trained with the main seed and has a finite loss."""
    setup = scaling.ScalingSetup()
    tokens_per_step = setup.batch_size * setup.seq_len
    measured = {(r["d_model"], r["n_layers"], r["tokens"]) for r in cache["runs"] if r["seed"] == setup.seed}
    expected = {(s.d_model, s.n_layers, (d // tokens_per_step) * tokens_per_step)
                for s in setup.shapes for d in setup.token_budgets}
    assert measured == expected, f"missing points: {sorted(expected - measured)}"
    assert all(math.isfinite(r["heldout_loss"]) and 0 < r["heldout_loss"] < math.log(scaling.VOCAB_SIZE)
               for r in cache["runs"]), "a cached loss is not finite or is worse than a uniform guess"
    assert cache["total_cpu_seconds"] > 0


def test_warmup_cosine_scheduler_shape():
    """Check warm-up reaches the peak and the cosine decays monotonically towards final_lr_ratio of it."""
    peak, total, warmup = 1.0, 100, 10
    optimizer = torch.optim.AdamW([torch.nn.Parameter(torch.zeros(1))], lr=peak)
    scheduler = scaling.warmup_cosine_scheduler(optimizer, total, warmup, 0.1)
    rates = []
    for _ in range(total):
        rates.append(optimizer.param_groups[0]["lr"])
        optimizer.step()
        scheduler.step()
    assert rates[0] == pytest.approx(peak / warmup)
    assert rates[warmup - 1] == pytest.approx(peak) and rates[warmup] == pytest.approx(peak)
    assert all(a >= b for a, b in zip(rates[warmup:], rates[warmup + 1:])), "the cosine phase must not increase"
    assert 0.1 * peak < rates[-1] < 0.1 * peak + 1e-3, "the last step should be just above the floor"


def test_smallest_point_reproduces_its_cached_loss(cache):
    """Check that re-training the cheapest point (smallest model, smallest budget) gives its cached loss."""
    setup = scaling.ScalingSetup()
    shape, tokens = setup.shapes[0], setup.token_budgets[0]
    cached = [r for r in cache["runs"] if r["d_model"] == shape.d_model and r["n_layers"] == shape.n_layers
              and r["tokens"] == (tokens // (setup.batch_size * setup.seq_len)) * setup.batch_size * setup.seq_len]
    main = next(r for r in cached if r["seed"] == setup.seed)
    spread = torch.tensor([r["heldout_loss"] for r in cached]).std().item() if len(cached) > 1 else 0.05

    environment = cache["environment"]
    import transformers
    same = (environment["torch"] == torch.__version__ and environment["transformers"] == transformers.__version__
            and environment["machine"] == platform.machine())
    tolerance = SAME_ENVIRONMENT_TOLERANCE if same else max(SAME_ENVIRONMENT_TOLERANCE, SEED_SPREAD_MULTIPLE * spread)

    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        train, heldout, _ = scaling.load_corpus(setup)
        result = scaling.train_point(shape, tokens, setup, train, heldout, seed=setup.seed)
    finally:
        torch.set_num_threads(threads)
    assert abs(result["heldout_loss"] - main["heldout_loss"]) <= tolerance, (
        f"re-trained held-out loss {result['heldout_loss']:.4f} vs cached {main['heldout_loss']:.4f}: "
        f"differs by more than {tolerance:.3f} ({'same' if same else 'different'} torch/transformers/CPU "
        f"as the cache; seed-to-seed spread at this point {spread:.3f})")

"""Evaluation benchmark: the reference notebook's run time, and two metrics on 10,000 items, the
reference solution against the library that computes the same number.

- pass@k over 10,000 problems with n = 200 samples each (HumanEval's setting) and k = 1, 10, 100:
  the reference `mean_pass_at_k` (prefix sums of log1p(-k/i), the product form vectorised) against
  SciPy's vectorised closed form 1 - comb(n-c, k) / comb(n, k) (exact at n = 200, it overflows
  beyond n ~ 1000) and against the human-eval estimator (one NumPy product per problem).
- corpus BLEU over 10,000 generated sentence pairs: the reference `corpus_bleu` against
  sacreBLEU 2.6.0's `corpus_bleu` (tokenize="none"), which must give the same score.

Both reference functions are imported from the source notebook (`reference_namespace`). Times are
the best of a few runs, on one thread; the target is the reference within 3x of the library.
"""
from __future__ import annotations

import os
import random
import time

import numpy as np

N_ITEMS = 10_000
SAMPLES = 200
KS = (1, 10, 100)
REPEATS = 3
TARGET_RATIO = 3.0
TARGET_NOTEBOOK_S = 20.0


def _best(fn, repeats: int = REPEATS) -> tuple[float, object]:
    best, value = float("inf"), None
    for _ in range(repeats):
        start = time.perf_counter()
        value = fn()
        best = min(best, time.perf_counter() - start)
    return best, value


def _human_eval_estimator(num_samples, num_correct, k: int) -> float:
    """The estimator as the human-eval repository writes it: a NumPy product per problem."""
    def one(n: int, c: int) -> float:
        if n - c < k:
            return 1.0
        return 1.0 - float(np.prod(1.0 - k / np.arange(n - c + 1, n + 1)))
    return float(np.mean([one(int(n), int(c)) for n, c in zip(num_samples, num_correct)]))


def _scipy_closed_form(num_samples, num_correct, k: int) -> float:
    from scipy.special import comb
    n, c = np.asarray(num_samples), np.asarray(num_correct)
    return float(np.mean(1.0 - comb(n - c, k) / comb(n, k)))


def _sentence_pairs(rng: random.Random) -> tuple[list[list[str]], list[list[str]]]:
    vocab = [f"w{i}" for i in range(400)]
    hypotheses, references = [], []
    for _ in range(N_ITEMS):
        reference = [rng.choice(vocab) for _ in range(rng.randint(8, 30))]
        hypothesis = [t if rng.random() < 0.7 else rng.choice(vocab) for t in reference]
        hypothesis = hypothesis[:max(1, len(hypothesis) - rng.randint(0, 4))]   # some shorter: brevity penalty
        hypotheses.append(hypothesis)
        references.append(reference)
    return hypotheses, references


def measure(notebook: bool = True) -> dict:
    import torch

    from autograder.parity import reference_namespace

    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        out: dict = {"cpus": os.cpu_count()}
        if notebook:
            from autograder.bench import time_plain_execution
            time_plain_execution("evaluation")                       # warm the disk caches
            out["notebook_s"] = min(time_plain_execution("evaluation") for _ in range(2))
        ref = reference_namespace("evaluation")
        rng = np.random.default_rng(0)
        num_samples = np.full(N_ITEMS, SAMPLES)
        num_correct = rng.binomial(SAMPLES, rng.beta(0.5, 1.5, N_ITEMS))   # skewed, like real pass rates
        out["pass_at_k"] = []
        for k in KS:
            t_ref, v_ref = _best(lambda: ref["mean_pass_at_k"](num_samples, num_correct, k))
            t_scipy, v_scipy = _best(lambda: _scipy_closed_form(num_samples, num_correct, k))
            t_he, v_he = _best(lambda: _human_eval_estimator(num_samples, num_correct, k), repeats=1)
            out["pass_at_k"].append({"k": k, "ref_s": t_ref, "scipy_s": t_scipy, "human_eval_s": t_he,
                                     "max_diff": max(abs(v_ref - v_scipy), abs(v_ref - v_he)), "value": v_ref})
        hypotheses, references = _sentence_pairs(random.Random(0))
        import sacrebleu
        hyp_text = [" ".join(h) for h in hypotheses]
        ref_text = [[" ".join(r) for r in references]]
        t_ref, v_ref = _best(lambda: ref["corpus_bleu"](hypotheses, [[r] for r in references]))
        t_lib, v_lib = _best(lambda: sacrebleu.corpus_bleu(hyp_text, ref_text, tokenize="none").score / 100)
        out["bleu"] = {"ref_s": t_ref, "sacrebleu_s": t_lib, "diff": abs(v_ref - v_lib), "value": v_ref}
        return out
    finally:
        torch.set_num_threads(threads)


def report(notebook: bool = True) -> str:
    r = measure(notebook)
    lines = [f"**evaluation: reference solutions against the libraries ({N_ITEMS:,} items; {r['cpus']} CPUs, "
             f"1 thread, best of {REPEATS})**", ""]
    if notebook:
        ok = "yes" if r["notebook_s"] <= TARGET_NOTEBOOK_S else "NO"
        lines += [f"Reference notebook, plain execution in a fresh kernel: {r['notebook_s']:.1f} s "
                  f"(target <= {TARGET_NOTEBOOK_S:g} s: {ok}).", ""]
    lines += ["| metric | reference | library | ratio (reference / library) | within 3x | max difference |",
              "|---|---:|---:|---:|:---:|---:|"]
    for row in r["pass_at_k"]:
        ratio = row["ref_s"] / row["scipy_s"]
        lines.append(f"| pass@{row['k']} (n = {SAMPLES}), vs SciPy comb closed form | {row['ref_s'] * 1e3:.2f} ms | "
                     f"{row['scipy_s'] * 1e3:.2f} ms | {ratio:.3g}x | {'yes' if ratio <= TARGET_RATIO else 'NO'} | "
                     f"{row['max_diff']:.1e} |")
        he_ratio = row["ref_s"] / row["human_eval_s"]
        lines.append(f"| pass@{row['k']} (n = {SAMPLES}), vs human-eval (NumPy product per problem) | "
                     f"{row['ref_s'] * 1e3:.2f} ms | {row['human_eval_s'] * 1e3:.1f} ms | {he_ratio:.3g}x | "
                     f"{'yes' if he_ratio <= TARGET_RATIO else 'NO'} | |")
    b = r["bleu"]
    ratio = b["ref_s"] / b["sacrebleu_s"]
    lines.append(f"| corpus BLEU, vs sacreBLEU 2.6.0 corpus_bleu (tokenize='none') | {b['ref_s'] * 1e3:.0f} ms | "
                 f"{b['sacrebleu_s'] * 1e3:.0f} ms | {ratio:.3g}x | {'yes' if ratio <= TARGET_RATIO else 'NO'} | "
                 f"{b['diff']:.1e} |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(report())

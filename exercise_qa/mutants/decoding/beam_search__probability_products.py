"""Beam search multiplies probabilities instead of adding log-probabilities: long sequences underflow to 0 and every hypothesis ties (score -inf).

Pattern: 1

exp(log_probs) is multiplied along each hypothesis in float32 and the log is taken only at the
end. Fine for two steps; after a few dozen low-probability steps the products underflow, the
ranking becomes arbitrary and the returned scores are -inf.
"""
import math

import torch


def greedy_search(log_probs: torch.Tensor, start: int, steps: int) -> tuple[list[int], float]:
    probs = log_probs.float().exp()
    tokens, prob, prev = [], torch.tensor(1.0), start
    for _ in range(steps):
        nxt = int(torch.argmax(probs[prev]))
        prob = prob * probs[prev, nxt]
        tokens.append(nxt)
        prev = nxt
    p = float(prob)
    return tokens, (math.log(p) if p > 0 else float("-inf"))


def beam_search(log_probs: torch.Tensor, start: int, steps: int,
                beam_width: int) -> list[tuple[list[int], float]]:
    probs = log_probs.float().exp()
    V = probs.shape[0]
    beams = [([], torch.tensor(1.0))]
    for _ in range(steps):
        cands = []
        for toks, pr in beams:
            prev = toks[-1] if toks else start
            for b in range(V):
                cands.append((toks + [b], pr * probs[prev, b]))
        cands.sort(key=lambda c: float(c[1]), reverse=True)
        beams = cands[:beam_width]
    out = []
    for toks, pr in beams:
        p = float(pr)
        out.append((toks, math.log(p) if p > 0 else float("-inf")))
    return out

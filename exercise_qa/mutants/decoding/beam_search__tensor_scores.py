"""Scores are returned as 0-dim torch tensors, not the Python floats the docstring asks for.

Pattern: 2

The values are right and arithmetic/comparisons with them work, so the visible test passes
(it wraps the greedy score in torch.tensor and compares the beam score with >), but an exact
type check on the returned scores fails.
"""
import torch


def greedy_search(log_probs: torch.Tensor, start: int, steps: int) -> tuple[list[int], float]:
    tokens, prev = [], start
    score = torch.zeros((), dtype=log_probs.dtype, device=log_probs.device)
    for _ in range(steps):
        nxt = log_probs[prev].argmax()
        score = score + log_probs[prev, nxt]
        tokens.append(int(nxt))
        prev = int(nxt)
    return tokens, score


def beam_search(log_probs: torch.Tensor, start: int, steps: int,
                beam_width: int) -> list[tuple[list[int], float]]:
    V = log_probs.shape[0]
    beams = [([], torch.zeros((), dtype=log_probs.dtype, device=log_probs.device))]
    for _ in range(steps):
        cands = []
        for toks, sc in beams:
            prev = toks[-1] if toks else start
            scores = sc + log_probs[prev]
            for b in range(V):
                cands.append((toks + [b], scores[b]))
        cands.sort(key=lambda c: float(c[1]), reverse=True)
        beams = cands[:beam_width]
    return [(list(toks), sc) for toks, sc in beams]

"""Beam search prunes by the log-probability of the latest transition instead of the cumulative score (only the final list is sorted by total score).

Pattern: 4
"""
import torch


def greedy_search(log_probs: torch.Tensor, start: int, steps: int) -> tuple[list[int], float]:
    tokens, score, prev = [], 0.0, start
    for _ in range(steps):
        nxt = int(torch.argmax(log_probs[prev]))
        score += float(log_probs[prev, nxt])
        tokens.append(nxt)
        prev = nxt
    return tokens, score


def beam_search(log_probs: torch.Tensor, start: int, steps: int,
                beam_width: int) -> list[tuple[list[int], float]]:
    V = log_probs.shape[0]
    beams = [([], 0.0, start)]
    for _ in range(steps):
        cands = []
        for toks, sc, last in beams:
            for v in range(V):
                step_lp = float(log_probs[last, v])
                cands.append((toks + [v], sc + step_lp, v, step_lp))
        cands.sort(key=lambda c: c[3], reverse=True)   # best next step
        beams = [(t, s, l) for t, s, l, _ in cands[:beam_width]]
    beams.sort(key=lambda b: b[1], reverse=True)
    return [(t, s) for t, s, _ in beams]

"""Beam search prunes by the log-probability of the last transition only, not by the cumulative score.

Pattern: 1

On the two-step trap the final step's 0.9 happens to sit on the best path, so the visible test
passes; on deeper or less contrived tables the beams kept are not the best cumulative ones.
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
    beams = [([], 0.0)]
    for _ in range(steps):
        cands = []
        for toks, sc in beams:
            prev = toks[-1] if toks else start
            for b in range(V):
                step_lp = float(log_probs[prev, b])
                cands.append((toks + [b], sc + step_lp, step_lp))
        cands.sort(key=lambda c: c[2], reverse=True)   # ranks by the newest transition
        beams = [(t, s) for t, s, _ in cands[:beam_width]]
    beams.sort(key=lambda c: c[1], reverse=True)
    return beams

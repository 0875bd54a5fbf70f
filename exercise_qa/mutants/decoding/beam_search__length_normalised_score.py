"""Beam search returns the length-normalised score (mean log-prob per token) instead of the total log-probability.

Pattern: 2

The ranking is unchanged (all hypotheses have the same length), so the best tokens are right
and the visible "beam beats greedy" comparison still holds, but the returned score is not the
documented sum of log-probabilities.
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
            row = log_probs[prev]
            for b in range(V):
                cands.append((toks + [b], sc + float(row[b])))
        cands.sort(key=lambda c: c[1], reverse=True)
        beams = cands[:beam_width]
    # "normalise by length so scores are comparable"
    return [(toks, sc / len(toks)) for toks, sc in beams]

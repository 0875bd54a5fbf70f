"""Greedy search multiplies probabilities and takes the log at the end: the product underflows to 0 on long generations, giving a score of -inf.

Pattern: 1
"""
import math
import torch


def greedy_search(log_probs: torch.Tensor, start: int, steps: int) -> tuple[list[int], float]:
    probs = log_probs.exp()
    tokens, prob, prev = [], 1.0, start
    for _ in range(steps):
        nxt = int(probs[prev].argmax())
        prob *= float(probs[prev, nxt])
        tokens.append(nxt)
        prev = nxt
    return tokens, (math.log(prob) if prob > 0 else float("-inf"))


def beam_search(log_probs: torch.Tensor, start: int, steps: int,
                beam_width: int) -> list[tuple[list[int], float]]:
    V = log_probs.shape[0]
    beams = [([], 0.0, start)]
    for _ in range(steps):
        cands = []
        for toks, sc, last in beams:
            row = log_probs[last]
            for v in range(V):
                cands.append((toks + [v], sc + float(row[v]), v))
        cands.sort(key=lambda c: c[1], reverse=True)
        beams = cands[:beam_width]
    return [(toks, sc) for toks, sc, _ in beams]

"""Beam search returns each score as a 0-dim torch tensor (summed log-probs never converted with float()), not the documented Python float.

Pattern: 2
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
    beams = [([], torch.zeros((), dtype=log_probs.dtype, device=log_probs.device), start)]
    for _ in range(steps):
        cands = []
        for toks, sc, last in beams:
            for v in range(V):
                cands.append((toks + [v], sc + log_probs[last, v], v))
        cands.sort(key=lambda c: float(c[1]), reverse=True)
        beams = cands[:beam_width]
    return [(toks, sc) for toks, sc, _ in beams]

"""Vectorised beam search calls topk(beam_width) on the candidate scores: crashes when beam_width exceeds the number of candidates (e.g. first step with beam_width > V) instead of returning fewer hypotheses.

Pattern: 1
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
    seqs = torch.empty(1, 0, dtype=torch.long)
    scores = torch.zeros(1, dtype=log_probs.dtype)
    last = torch.tensor([start])
    for _ in range(steps):
        cand = (scores[:, None] + log_probs[last].cpu()).reshape(-1)
        top = torch.topk(cand, beam_width)
        parent, tok = top.indices // V, top.indices % V
        seqs = torch.cat([seqs[parent], tok[:, None]], dim=1)
        scores, last = top.values, tok
    return [([int(t) for t in s], float(sc)) for s, sc in zip(seqs, scores)]

"""Beam search calls torch.topk(candidates, beam_width) without capping k at the number of candidates: crashes when beam_width > V (or > V * live beams).

Pattern: 1

Works for the visible test (beam_width=2, V=3) but a brute-force check with a beam wide enough
to keep every sequence (beam_width >= V**steps) raises "selected index k out of range".
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
    lp = log_probs.double()
    seqs = torch.empty(1, 0, dtype=torch.long, device=log_probs.device)
    scores = torch.zeros(1, dtype=torch.float64, device=log_probs.device)
    last = torch.tensor([start], device=log_probs.device)
    for _ in range(steps):
        cand = scores[:, None] + lp[last]            # (beams, V)
        top_scores, top_idx = torch.topk(cand.flatten(), beam_width)
        beam_idx, tok = top_idx // V, top_idx % V
        seqs = torch.cat([seqs[beam_idx], tok[:, None]], dim=1)
        scores, last = top_scores, tok
    return [([int(t) for t in s], float(sc)) for s, sc in zip(seqs, scores)]

"""Correct alternatives: heap-based beam search in Python floats, float64 temperature softmax cast back,
kthvalue top-k, inverse-permutation top-p, ratio-form min-p, gather/scatter penalties with one-hot
counts, a ratio-form speculative round in float64, and a first-index vote; all must keep full marks."""
import heapq
import math

import torch
import torch.nn.functional as F


def greedy_search(log_probs, start, steps):
    tokens, total, previous = [], 0.0, start
    table = log_probs.double().cpu()
    for _ in range(steps):
        value, index = torch.max(table[previous], dim=0)
        tokens.append(int(index))
        total = total + float(value)
        previous = int(index)
    return tokens, float(total)


def beam_search(log_probs, start, steps, beam_width):
    rows = log_probs.double().cpu().tolist()
    beams = [(0.0, ())]
    for _ in range(steps):
        candidates = ((score + lp, seq + (token,)) for score, seq in beams
                      for token, lp in enumerate(rows[seq[-1] if seq else start]))
        beams = heapq.nlargest(beam_width, candidates, key=lambda pair: pair[0])
    return [(list(seq), float(score)) for score, seq in beams]


def temperature_softmax(logits, temperature):
    if not (isinstance(temperature, (int, float)) and temperature > 0):
        raise ValueError(f"temperature must be a positive number, got {temperature!r}")
    scaled = logits.double() / temperature
    scaled = scaled - scaled.amax(dim=-1, keepdim=True)
    weights = scaled.exp()
    return (weights / weights.sum(dim=-1, keepdim=True)).to(logits.dtype)


def top_k_filter(logits, k):
    if k < 1:
        raise ValueError(f"k must be at least 1, got {k}")
    vocab = logits.shape[-1]
    if k >= vocab:
        return logits.clone()
    # the k-th largest of x is the (V - k + 1)-th smallest
    kth = torch.kthvalue(logits, vocab - k + 1, dim=-1, keepdim=True).values
    return torch.where(logits >= kth, logits, torch.full_like(logits, float("-inf")))


def top_p_filter(logits, p):
    probs = torch.softmax(logits, dim=-1)
    ascending, order = torch.sort(probs, dim=-1)
    tail = ascending.cumsum(dim=-1)                       # this token and every less likely one
    drop_sorted = tail <= 1 - p
    drop_sorted[..., -1] = False                          # the most likely token always stays
    inverse = torch.argsort(order, dim=-1)
    drop = torch.gather(drop_sorted, -1, inverse)
    return torch.where(drop, torch.full_like(logits, float("-inf")), logits)


def min_p_filter(logits, min_p):
    probs = torch.softmax(logits, dim=-1)
    top = probs.max(dim=-1, keepdim=True).values
    return torch.where(probs >= min_p * top, logits, torch.full_like(logits, float("-inf")))


def repetition_penalty(input_ids, logits, penalty):
    score = torch.gather(logits, 1, input_ids)
    score = torch.where(score < 0, score * penalty, score / penalty)
    return logits.scatter(1, input_ids, score)        # repeated ids write the same value


def frequency_presence_penalty(input_ids, logits, frequency_penalty, presence_penalty):
    counts = F.one_hot(input_ids, logits.shape[-1]).sum(dim=1).to(logits.dtype)
    present = (counts > 0).to(logits.dtype)
    return logits - counts * frequency_penalty - present * presence_penalty


def speculative_step(p, q, draft_tokens, generator=None):
    n, gamma, vocab = q.shape
    rows = torch.arange(n, device=p.device)
    u = torch.rand(n, gamma, generator=generator, device=p.device, dtype=p.dtype)
    p_x = torch.gather(p[:, :gamma], 2, draft_tokens[..., None])[..., 0].double()
    q_x = torch.gather(q, 2, draft_tokens[..., None])[..., 0].double()
    ratio = torch.where(q_x > 0, p_x / q_x.clamp_min(1e-300), torch.full_like(q_x, math.inf))
    accept = u.double() < ratio.clamp(max=1.0)
    rejected = ~accept
    # index of the first rejection, gamma when every draft is accepted
    first = torch.where(rejected.any(dim=1), rejected.double().argmax(dim=1), torch.full((n,), gamma, device=p.device))
    n_accepted = first.long()
    target = p[rows, n_accepted].double()
    draft = torch.cat([q, torch.zeros_like(q[:, :1])], dim=1)[rows, n_accepted].double()
    residual = (target - draft).clamp_min(0.0)
    residual = residual / residual.sum(dim=-1, keepdim=True)
    next_token = torch.multinomial(residual, 1, generator=generator)[:, 0]
    return n_accepted, next_token


def self_consistency_vote(answers):
    counts, first_seen = {}, {}
    for index, answer in enumerate(answers):
        if answer is None:
            continue
        key = answer.strip()
        counts[key] = counts.get(key, 0) + 1
        first_seen.setdefault(key, index)
    if not counts:
        return None
    return min(counts, key=lambda key: (-counts[key], first_seen[key]))

"""Correct alternatives: dynamic programming over beams, log-space filters, descending cumulative sums,
bincount penalties, per-position speculative loop and Counter voting; all must keep full marks."""
import math
from collections import Counter

import torch


def greedy_search(log_probs, start, steps):
    rows = log_probs.tolist()
    tokens, total = [], 0.0
    for _ in range(steps):
        row = rows[tokens[-1] if tokens else start]
        best = max(range(len(row)), key=row.__getitem__)
        tokens.append(best)
        total += row[best]
    return tokens, total


def beam_search(log_probs, start, steps, beam_width):
    table = log_probs.double()
    vocab = table.shape[0]
    seqs = torch.empty(1, 0, dtype=torch.long)
    scores = torch.zeros(1, dtype=torch.float64)
    last = torch.tensor([start])
    for _ in range(steps):
        cand = (scores[:, None] + table[last]).flatten()       # (beams * V,)
        k = min(beam_width, cand.numel())
        top = torch.topk(cand, k).indices
        parent, token = top // vocab, top % vocab
        seqs = torch.cat([seqs[parent], token[:, None]], dim=1)
        scores, last = cand[top], token
    return [(s.tolist(), float(v)) for s, v in zip(seqs, scores)]


def temperature_softmax(logits, temperature):
    if temperature <= 0:
        raise ValueError("temperature must be positive")
    scaled = logits / temperature
    return torch.exp(scaled - torch.logsumexp(scaled, dim=-1, keepdim=True))


def top_k_filter(logits, k):
    if k < 1:
        raise ValueError("k must be >= 1")
    if k >= logits.shape[-1]:
        return logits.clone()
    sorted_logits = torch.sort(logits, dim=-1, descending=True).values
    threshold = sorted_logits[..., k - 1:k]
    return torch.where(logits >= threshold, logits, torch.full_like(logits, -math.inf))


def top_p_filter(logits, p):
    if p >= 1.0:   # the descending cumulative sum may round to 1 early; p = 1 removes only zero-probability tokens
        probs = torch.softmax(logits, dim=-1)
        return torch.where(probs > 0, logits, torch.full_like(logits, -math.inf))
    flat = logits.reshape(-1, logits.shape[-1])
    probs = torch.softmax(flat, dim=-1)
    desc, order = torch.sort(probs, dim=-1, descending=True)
    mass_above = desc.cumsum(dim=-1) - desc          # probability of strictly more likely tokens
    keep_sorted = 1 - mass_above > 1 - p             # i.e. the tail from this token on exceeds 1 - p
    keep_sorted[:, 0] = True
    keep = torch.empty_like(keep_sorted)
    keep[torch.arange(flat.shape[0])[:, None], order] = keep_sorted
    return torch.where(keep, flat, torch.full_like(flat, -math.inf)).reshape(logits.shape)


def min_p_filter(logits, min_p):
    log_probs = torch.log_softmax(logits, dim=-1)
    probs = log_probs.exp()
    keep = probs >= min_p * probs.max(dim=-1, keepdim=True).values
    return torch.where(keep, logits, torch.full_like(logits, -math.inf))


def repetition_penalty(input_ids, logits, penalty):
    out = logits.clone()
    for b in range(input_ids.shape[0]):
        for token in set(input_ids[b].tolist()):
            value = out[b, token]
            out[b, token] = value * penalty if value < 0 else value / penalty
    return out


def frequency_presence_penalty(input_ids, logits, frequency_penalty, presence_penalty):
    vocab = logits.shape[-1]
    counts = torch.stack([torch.bincount(row, minlength=vocab) for row in input_ids]).to(logits.dtype)
    return logits - frequency_penalty * counts - presence_penalty * counts.clamp(max=1)


def speculative_step(p, q, draft_tokens, generator=None):
    n, gamma, vocab = q.shape
    u = torch.rand(n, gamma, generator=generator, device=p.device, dtype=p.dtype)
    n_accepted = torch.zeros(n, dtype=torch.long, device=p.device)
    alive = torch.ones(n, dtype=torch.bool, device=p.device)
    rows = torch.arange(n, device=p.device)
    for i in range(gamma):                     # loop over draft positions, not over trials
        x = draft_tokens[:, i]
        ratio = p[rows, i, x] / q[rows, i, x]
        ok = alive & (u[:, i] < torch.clamp(ratio, max=1.0))
        n_accepted += ok.long()
        alive = ok
    target = p[rows, n_accepted]
    draft = torch.where((n_accepted < gamma)[:, None], q[rows, n_accepted.clamp(max=gamma - 1)],
                        torch.zeros_like(target))
    residual = torch.relu(target - draft)
    next_token = torch.multinomial(residual, 1, generator=generator)[:, 0]   # multinomial normalises
    return n_accepted, next_token


def self_consistency_vote(answers):
    votes = Counter(a.strip() for a in answers if a is not None)
    return votes.most_common(1)[0][0] if votes else None

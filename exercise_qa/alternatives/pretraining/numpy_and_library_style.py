"""Correct alternatives: Bernoulli/categorical draws in another order, vectorised span corruption,
NumPy uint64 MinHash (wrapping arithmetic), all-pairs band comparison, a loop-built packing mask,
a flattened-gradient clip, AdamW written like torch's (lerp, addcdiv, sqrt of the bias correction),
a cumsum router, bincount auxiliary loss, D-first allocation and a torch.linalg.lstsq fit."""
import math

import numpy as np
import torch
import torch.nn.functional as F


def mlm_mask(input_ids, special_tokens_mask, mask_token_id, vocab_size, generator, mlm_probability=0.15):
    if mlm_probability < 0 or mlm_probability > 1:
        raise ValueError("mlm_probability must lie in [0, 1]")
    device = input_ids.device
    random_ids = torch.randint(vocab_size, input_ids.shape, generator=generator, device=device)
    # action 0..9: 0-7 [MASK], 8 random, 9 keep
    action = torch.randint(0, 10, input_ids.shape, generator=generator, device=device)
    chance = torch.full(input_ids.shape, float(mlm_probability), device=device)
    selected = torch.bernoulli(chance, generator=generator).bool() & ~special_tokens_mask
    inputs = input_ids.clone()
    inputs[selected & (action < 8)] = mask_token_id
    swap = selected & (action == 8)
    inputs[swap] = random_ids[swap]
    labels = input_ids.masked_fill(~selected, IGNORE_INDEX)
    return inputs, labels


def span_corrupt(tokens, noise_mask, vocab_size):
    if tokens.ndim != 1 or tuple(noise_mask.shape) != tuple(tokens.shape):
        raise ValueError("shape mismatch")
    noise = noise_mask.bool()
    previous = torch.cat([torch.zeros(1, dtype=torch.bool, device=noise.device), noise[:-1]])
    starts = noise & ~previous                                    # first token of every span
    span_id = torch.cumsum(starts.long(), 0) - 1                 # k for noisy positions
    sentinel = vocab_size - 1 - span_id
    keep_in_inputs = ~noise | starts
    inputs = torch.where(starts, sentinel, tokens)[keep_in_inputs]
    pieces = []
    spans = int(starts.sum())
    for k in range(spans):
        pieces.append(torch.tensor([vocab_size - 1 - k], device=tokens.device))
        pieces.append(tokens[noise & (span_id == k)])
    pieces.append(torch.tensor([vocab_size - 1 - spans], device=tokens.device))
    return inputs.to(torch.int64), torch.cat(pieces).to(torch.int64)


def minhash_signature(hashes, a, b):
    a64 = a.detach().cpu().numpy().astype(np.uint64)
    b64 = b.detach().cpu().numpy().astype(np.uint64)
    sig = np.full(a64.shape, np.uint64(UINT32_MAX), dtype=np.uint64)
    for x in hashes.detach().cpu().numpy().astype(np.uint64):
        with np.errstate(over="ignore"):
            permuted = (a64 * x + b64) & np.uint64(UINT32_MAX)    # uint64 wraps modulo 2**64
        sig = np.minimum(sig, permuted)
    return torch.from_numpy(sig.astype(np.int64)).to(a.device)


def minhash_jaccard(sig_a, sig_b):
    if sig_a.ndim != 1 or sig_b.ndim != 1 or len(sig_a) != len(sig_b) or len(sig_a) == 0:
        raise ValueError("signatures must be 1-D, non-empty and of equal length")
    return int((sig_a == sig_b).sum()) / len(sig_a)


def lsh_candidate_pairs(signatures, bands, rows):
    n, num_perm = signatures.shape
    if min(bands, rows) < 1 or bands * rows > num_perm:
        raise ValueError("invalid banding")
    banded = signatures[:, :bands * rows].reshape(n, bands, rows).cpu()
    pairs = []
    for i in range(n - 1):                                         # one row of the (n, n) table at a time
        agree = (banded[i + 1:] == banded[i]).all(dim=-1).any(dim=-1)
        pairs += [(i, i + 1 + int(j)) for j in torch.nonzero(agree).flatten()]
    return pairs


def lsh_candidate_probability(s, bands, rows):
    return 1.0 - math.pow(1.0 - math.pow(s, rows), bands)


def pack_documents(docs, mask_dtype=torch.float32):
    if not docs or any(d.ndim != 1 or len(d) == 0 for d in docs):
        raise ValueError("need non-empty 1-D documents")
    device = docs[0].device
    total = sum(len(d) for d in docs)
    ids, positions, labels = [], [], []
    mask = torch.full((total, total), torch.finfo(mask_dtype).min, dtype=mask_dtype)
    offset = 0
    for d in docs:
        n = len(d)
        ids += d.tolist()
        positions += list(range(n))
        labels += [IGNORE_INDEX] + d.tolist()[1:]
        for q in range(n):
            mask[offset + q, offset:offset + q + 1] = 0.0
        offset += n
    as_row = lambda v: torch.tensor([v], dtype=torch.int64, device=device)
    return {"input_ids": as_row(ids), "position_ids": as_row(positions), "labels": as_row(labels),
            "attention_mask": mask.to(device)[None, None]}


def warmup_cosine_lr(step, *, base_lr, warmup_steps, total_steps, min_lr=0.0):
    if step < 0 or warmup_steps < 0 or warmup_steps >= total_steps or min_lr < 0 or min_lr > base_lr:
        raise ValueError("invalid schedule")
    if warmup_steps > 0 and step < warmup_steps:
        return float(base_lr * (step / warmup_steps))
    progress = min(1.0, (step - warmup_steps) / (total_steps - warmup_steps))
    cosine = 0.5 * (1.0 + math.cos(math.pi * progress))
    return float(min_lr + (base_lr - min_lr) * cosine)


def clip_grad_norm(parameters, max_norm, eps=1e-6):
    params = [parameters] if torch.is_tensor(parameters) else list(parameters)
    grads = [p.grad for p in params if p.grad is not None]
    if len(grads) == 0:
        return torch.tensor(0.0)
    total = torch.linalg.vector_norm(torch.stack([g.norm() for g in grads]))
    scale = min(1.0, float(max_norm / (total + eps)))
    if scale < 1.0:
        for g in grads:
            g.mul_(max_norm / (total + eps))
    return total


class AdamW:
    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2):
        beta1, beta2 = betas
        if lr < 0 or eps < 0 or weight_decay < 0 or not (0 <= beta1 < 1 and 0 <= beta2 < 1):
            raise ValueError("bad hyper-parameters")
        self.params = [p for p in params]
        self.lr, self.betas, self.eps, self.weight_decay = lr, betas, eps, weight_decay
        self.steps = [0] * len(self.params)
        self.m = [None] * len(self.params)
        self.v = [None] * len(self.params)

    def step(self):
        beta1, beta2 = self.betas
        with torch.no_grad():
            for i, p in enumerate(self.params):
                if p.grad is None:
                    continue
                if self.m[i] is None:
                    self.m[i], self.v[i] = torch.zeros_like(p), torch.zeros_like(p)
                self.steps[i] += 1
                t = self.steps[i]
                p.mul_(1 - self.lr * self.weight_decay)
                self.m[i].lerp_(p.grad, 1 - beta1)
                self.v[i].mul_(beta2).addcmul_(p.grad, p.grad, value=1 - beta2)
                denom = (self.v[i].sqrt() / math.sqrt(1 - beta2 ** t)).add_(self.eps)
                p.addcdiv_(self.m[i], denom, value=-self.lr / (1 - beta1 ** t))

    def zero_grad(self):
        for p in self.params:
            p.grad = None


def route_top_k(router_logits, k, capacity_factor):
    T, E = router_logits.shape
    if k < 1 or k > E or capacity_factor <= 0:
        raise ValueError("invalid routing arguments")
    capacity = math.ceil(capacity_factor * T * k / E)
    probs = router_logits.softmax(dim=-1)
    gate_values, experts = probs.topk(k, dim=-1)
    slots = torch.empty_like(experts)
    used = torch.zeros(E, dtype=torch.int64, device=router_logits.device)
    for rank in range(k):
        onehot = F.one_hot(experts[:, rank], E)                      # (T, E)
        arrival = used + onehot.cumsum(0) - onehot                    # slots taken before this token
        slots[:, rank] = (arrival * onehot).sum(-1)
        used = used + onehot.sum(0)
    dropped = slots >= capacity
    slots = slots.masked_fill(dropped, -1)
    return experts, gate_values.masked_fill(dropped, 0.0), slots


def load_balancing_loss(router_logits, k):
    E = router_logits.shape[-1]
    flat = router_logits.reshape(-1, E)
    probs = flat.softmax(-1)
    counts = torch.bincount(probs.topk(k, -1).indices.flatten(), minlength=E)
    return E * torch.dot(counts.to(probs.dtype) / flat.shape[0], probs.mean(0))


def compute_optimal_allocation(flops, *, E, A, B, alpha, beta):
    if flops <= 0 or A <= 0 or B <= 0 or alpha <= 0 or beta <= 0:
        raise ValueError("non-positive input")
    # Tokens first: D_opt = (beta B / (alpha A))**(1/(alpha+beta)) * (C/6)**(alpha/(alpha+beta)).
    d_opt = (beta * B / (alpha * A)) ** (1 / (alpha + beta)) * (flops / 6) ** (alpha / (alpha + beta))
    return flops / (6 * d_opt), float(d_opt)


def fit_power_law(x, y, offset=0.0):
    x = torch.tensor(np.asarray(x, dtype=np.float64)).reshape(-1)
    y = torch.tensor(np.asarray(y, dtype=np.float64)).reshape(-1)
    if len(x) != len(y) or len(x) < 2 or x.min() <= 0 or (y - offset).min() <= 0 or x.max() == x.min():
        raise ValueError("invalid data")
    design = torch.stack([torch.ones_like(x), x.log()], dim=1)
    solution = torch.linalg.lstsq(design, (y - offset).log()[:, None]).solution[:, 0]
    return float(math.exp(solution[0])), float(-solution[1])

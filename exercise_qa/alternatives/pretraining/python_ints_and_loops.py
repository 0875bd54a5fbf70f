"""Correct alternatives in plain Python where it is natural: actions drawn only for the selected
positions, itertools.groupby spans, MinHash in exact Python integers, bytes-keyed LSH buckets,
torch.block_diag packing, a float64 clip, AdamW with state keyed by position, a sorted router,
a one-hot mean auxiliary loss, a log-space allocation and normal-equation fits."""
import itertools
import math

import numpy as np
import torch
import torch.nn.functional as F


def mlm_mask(input_ids, special_tokens_mask, mask_token_id, vocab_size, generator, mlm_probability=0.15):
    if not (0.0 <= mlm_probability <= 1.0):
        raise ValueError(f"bad mlm_probability {mlm_probability}")
    device = input_ids.device
    flat_ids = input_ids.reshape(-1)
    candidates = torch.nonzero(~special_tokens_mask.reshape(-1)).flatten()
    chosen = candidates[torch.rand(len(candidates), generator=generator, device=device) < mlm_probability]
    u = torch.rand(len(chosen), generator=generator, device=device)     # actions for the selected only
    replacement = torch.randint(0, vocab_size, (len(chosen),), generator=generator, device=device)
    new_values = torch.where(u < 0.8, torch.full_like(replacement, mask_token_id),
                             torch.where(u < 0.9, replacement, flat_ids[chosen]))
    inputs = flat_ids.clone()
    inputs[chosen] = new_values
    labels = torch.full_like(flat_ids, IGNORE_INDEX)
    labels[chosen] = flat_ids[chosen]
    return inputs.reshape(input_ids.shape), labels.reshape(input_ids.shape)


def span_corrupt(tokens, noise_mask, vocab_size):
    if tokens.dim() != 1 or noise_mask.dim() != 1 or len(noise_mask) != len(tokens):
        raise ValueError("tokens and noise_mask must be 1-D and of one length")
    inputs, targets, k = [], [], 0
    for noisy, group in itertools.groupby(zip(tokens.tolist(), noise_mask.tolist()), key=lambda pair: bool(pair[1])):
        ids = [t for t, _ in group]
        if noisy:
            inputs.append(vocab_size - 1 - k)
            targets += [vocab_size - 1 - k] + ids
            k += 1
        else:
            inputs += ids
    targets.append(vocab_size - 1 - k)
    to_tensor = lambda v: torch.tensor(v, dtype=torch.long, device=tokens.device)
    return to_tensor(inputs), to_tensor(targets)


def minhash_signature(hashes, a, b):
    xs = set(hashes.tolist())
    values = [min(((ak * x + bk) % 2**32 for x in xs), default=UINT32_MAX) for ak, bk in zip(a.tolist(), b.tolist())]
    return torch.tensor(values, dtype=torch.int64, device=a.device)


def minhash_jaccard(sig_a, sig_b):
    if sig_a.dim() != 1 or sig_a.shape != sig_b.shape or not len(sig_a):
        raise ValueError("incompatible signatures")
    return sum(int(x == y) for x, y in zip(sig_a.tolist(), sig_b.tolist())) / len(sig_a)


def lsh_candidate_pairs(signatures, bands, rows):
    if bands < 1 or rows < 1 or bands * rows > signatures.shape[1]:
        raise ValueError("bands * rows must fit in the signature")
    array = np.ascontiguousarray(signatures.cpu().numpy().astype(np.int64))
    found = set()
    for band in range(bands):
        buckets = {}
        for doc in range(array.shape[0]):
            buckets.setdefault(array[doc, band * rows:(band + 1) * rows].tobytes(), []).append(doc)
        for members in buckets.values():
            found.update(itertools.combinations(members, 2))
    return sorted((int(i), int(j)) for i, j in found)


def lsh_candidate_probability(s, bands, rows):
    miss_one_band = 1.0 - s ** rows
    return float(1.0 - miss_one_band ** bands)


def pack_documents(docs, mask_dtype=torch.float32):
    if not isinstance(docs, (list, tuple)) or not docs or any(d.dim() != 1 or not len(d) for d in docs):
        raise ValueError("need a non-empty list of non-empty 1-D documents")
    device = docs[0].device
    allowed = torch.block_diag(*[torch.ones(len(d), len(d)).tril() for d in docs]).bool()
    mask = torch.zeros(allowed.shape, dtype=mask_dtype).masked_fill(~allowed, torch.finfo(mask_dtype).min)
    labels = torch.cat([torch.cat([torch.tensor([IGNORE_INDEX], device=device), d[1:].long()]) for d in docs])
    return {"input_ids": torch.cat(docs).long()[None],
            "position_ids": torch.cat([torch.arange(len(d), device=device) for d in docs])[None],
            "labels": labels[None], "attention_mask": mask.to(device)[None, None]}


def warmup_cosine_lr(step, *, base_lr, warmup_steps, total_steps, min_lr=0.0):
    if step < 0 or warmup_steps < 0 or not total_steps > warmup_steps or not (0 <= min_lr <= base_lr):
        raise ValueError("invalid arguments")
    if step >= total_steps:
        return float(min_lr)
    if step < warmup_steps:
        return base_lr * step / warmup_steps
    angle = math.pi * (step - warmup_steps) / (total_steps - warmup_steps)
    return min_lr + (base_lr - min_lr) * (1 + math.cos(angle)) / 2


def clip_grad_norm(parameters, max_norm, eps=1e-6):
    if isinstance(parameters, torch.Tensor):
        parameters = [parameters]
    grads = [p.grad for p in parameters if p.grad is not None]
    if not grads:
        return torch.tensor(0.0)
    total64 = math.sqrt(math.fsum(float((g.double() ** 2).sum()) for g in grads))
    coefficient = min(1.0, max_norm / (total64 + eps))
    for g in grads:
        g.mul_(coefficient)
    return torch.tensor(total64, dtype=grads[0].dtype, device=grads[0].device)


class AdamW:
    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2):
        if not (lr >= 0 and eps >= 0 and weight_decay >= 0 and 0 <= betas[0] < 1 and 0 <= betas[1] < 1):
            raise ValueError("invalid hyper-parameters")
        self.params = tuple(params)
        self.lr, self.betas, self.eps, self.weight_decay = lr, betas, eps, weight_decay
        self.state = {}

    @torch.no_grad()
    def step(self):
        b1, b2 = self.betas
        for index, p in enumerate(self.params):
            g = p.grad
            if g is None:
                continue
            t, m, v = self.state.get(index, (0, torch.zeros_like(p), torch.zeros_like(p)))
            t += 1
            m = b1 * m + (1 - b1) * g
            v = b2 * v + (1 - b2) * g * g
            self.state[index] = (t, m, v)
            update = (m / (1 - b1 ** t)) / ((v / (1 - b2 ** t)).sqrt() + self.eps)
            p.copy_(p * (1 - self.lr * self.weight_decay) - self.lr * update)

    def zero_grad(self):
        for p in self.params:
            p.grad = None


def route_top_k(router_logits, k, capacity_factor):
    T, E = router_logits.shape
    if not (isinstance(k, int) and 1 <= k <= E) or capacity_factor <= 0:
        raise ValueError("invalid k or capacity_factor")
    capacity = math.ceil(capacity_factor * T * k / E)
    probs = F.softmax(router_logits, dim=1)
    order = torch.argsort(probs, dim=1, descending=True)[:, :k]
    gates = torch.gather(probs, 1, order)
    slots = [[-1] * k for _ in range(T)]
    load = {}
    for rank, token in sorted(itertools.product(range(k), range(T))):
        expert = int(order[token, rank])
        if load.get(expert, 0) < capacity:
            slots[token][rank] = load.get(expert, 0)
            load[expert] = load.get(expert, 0) + 1
    slots = torch.tensor(slots, dtype=torch.int64, device=router_logits.device)
    return order, gates * (slots != -1).to(gates.dtype), slots


def load_balancing_loss(router_logits, k):
    E = router_logits.size(-1)
    probs = router_logits.reshape(-1, E).softmax(dim=-1)
    chosen = F.one_hot(probs.topk(k, dim=-1).indices, E).sum(dim=1)     # (T, E) 0/1 per token
    f = chosen.to(probs.dtype).mean(dim=0)
    P = probs.mean(dim=0)
    return (f * P).sum() * E


def compute_optimal_allocation(flops, *, E, A, B, alpha, beta):
    if not (flops > 0 and A > 0 and B > 0 and alpha > 0 and beta > 0):
        raise ValueError("inputs must be positive")
    log_n = (math.log(alpha * A / (beta * B)) + beta * math.log(flops / 6)) / (alpha + beta)
    n_opt = math.exp(log_n)
    return n_opt, flops / 6 / n_opt


def fit_power_law(x, y, offset=0.0):
    xs = [float(v) for v in (x.tolist() if hasattr(x, "tolist") else x)]
    ys = [float(v) - offset for v in (y.tolist() if hasattr(y, "tolist") else y)]
    if len(xs) != len(ys) or len(xs) < 2 or min(xs) <= 0 or min(ys) <= 0 or len(set(xs)) == 1:
        raise ValueError("invalid data")
    lx, ly = np.log(xs), np.log(ys)
    n = len(lx)
    slope = (n * np.dot(lx, ly) - lx.sum() * ly.sum()) / (n * np.dot(lx, lx) - lx.sum() ** 2)
    intercept = (ly.sum() - slope * lx.sum()) / n
    return float(math.exp(intercept)), float(-slope)

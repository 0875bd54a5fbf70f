"""Float64 log-sum-exp loss on the kept positions only, pad_sequence collation, F.linear LoRA, exact-fraction memory.

Each function takes another route than the reference: the loss selects the kept (position, target)
pairs by boolean indexing and computes logsumexp - picked logit in float64 before casting back, the
collator uses torch.nn.utils.rnn.pad_sequence for every field, LoRA applies F.linear twice and merges
with torch.addmm, the parameter counter materialises the targets once, the low-rank fit runs a
float64 SVD with full matrices and slices it, and the memory estimator counts in exact fractions.
"""
import math
from fractions import Fraction

import torch
import torch.nn as nn
import torch.nn.functional as F


def completion_labels(prompt_ids, response_ids):
    input_ids = torch.cat([prompt_ids.to(torch.int64), response_ids.to(torch.int64)])
    is_prompt = torch.arange(input_ids.numel(), device=input_ids.device) < prompt_ids.numel()
    labels = torch.where(is_prompt, torch.full_like(input_ids, IGNORE_INDEX), input_ids)
    return input_ids, labels


def completion_loss(logits, labels):
    scores = logits[:, :-1].to(torch.float64)
    targets = labels[:, 1:]
    kept = targets != IGNORE_INDEX
    rows = scores[kept]  # (N, V)
    picked = rows.gather(1, targets[kept].unsqueeze(1)).squeeze(1)
    total = (torch.logsumexp(rows, dim=1) - picked).sum()
    return (total / max(int(kept.sum()), 1)).to(logits.dtype)


def assistant_labels(input_ids, assistant_mask):
    keep = assistant_mask != 0
    labels = input_ids.clone().to(torch.int64)
    labels[~keep] = IGNORE_INDEX
    return labels


def pad_batch(examples, pad_id):
    from torch.nn.utils.rnn import pad_sequence

    ids = [i.to(torch.int64) for i, _ in examples]
    labels = [lab.to(torch.int64) for _, lab in examples]
    ones = [torch.ones_like(i) for i in ids]
    return {"input_ids": pad_sequence(ids, batch_first=True, padding_value=pad_id),
            "attention_mask": pad_sequence(ones, batch_first=True, padding_value=0),
            "labels": pad_sequence(labels, batch_first=True, padding_value=IGNORE_INDEX)}


class LoRALinear(nn.Module):
    def __init__(self, base, r, alpha):
        super().__init__()
        self.base = base
        base.weight.requires_grad = False
        if base.bias is not None:
            base.bias.requires_grad = False
        options = {"dtype": base.weight.dtype, "device": base.weight.device}
        bound = 1.0 / math.sqrt(base.in_features)
        self.lora_A = nn.Parameter(torch.empty(r, base.in_features, **options).uniform_(-bound, bound))
        self.lora_B = nn.Parameter(torch.zeros(base.out_features, r, **options))
        self.scaling = float(alpha) / float(r)

    def forward(self, x):
        return self.base(x) + self.scaling * F.linear(F.linear(x, self.lora_A), self.lora_B)

    def merge(self):
        base = self.base
        merged = nn.Linear(base.in_features, base.out_features, bias=base.bias is not None,
                           dtype=base.weight.dtype, device=base.weight.device)
        with torch.no_grad():
            merged.weight.copy_(torch.addmm(base.weight, self.lora_B, self.lora_A, alpha=self.scaling))
            if base.bias is not None:
                merged.bias.copy_(base.bias)
        return merged


def lora_trainable_params(config, r, targets):
    targets = list(targets)
    hidden, heads = config["hidden_size"], config["num_attention_heads"]
    head_dim = config["head_dim"] if config.get("head_dim") else hidden // heads
    sizes = {"q_proj": hidden + heads * head_dim, "k_proj": hidden + config["num_key_value_heads"] * head_dim,
             "o_proj": heads * head_dim + hidden, "gate_proj": hidden + config["intermediate_size"]}
    sizes["v_proj"] = sizes["k_proj"]
    sizes["up_proj"] = sizes["down_proj"] = sizes["gate_proj"]
    unknown = [t for t in targets if t not in sizes]
    if unknown:
        raise ValueError(f"unknown targets {unknown}")
    return int(sum(r * sizes[t] for t in targets) * config["num_hidden_layers"])


def low_rank_factors(delta, r):
    U, S, Vh = torch.linalg.svd(delta.to(torch.float64), full_matrices=True)
    B = U[:, :r] * S[:r]
    A = Vh[:r, :]
    return B.to(delta.dtype), A.to(delta.dtype)


def finetune_memory_bytes(n_params, method, n_trainable=0, n_high_precision=0, double_quant=False):
    adam = Fraction(16)
    if method == "full":
        return float(adam * Fraction(n_params))
    if method == "lora":
        return float(2 * Fraction(n_params) + adam * Fraction(n_trainable))
    if method == "qlora":
        bits = Fraction(4) + (Fraction(8, 64) + Fraction(32, 64 * 256) if double_quant else Fraction(32, 64))
        quantized = Fraction(n_params) - Fraction(n_high_precision)
        return float(quantized * bits / 8 + 2 * Fraction(n_high_precision) + adam * Fraction(n_trainable))
    raise ValueError(method)

"""Correct alternatives: F.cross_entropy with a sum, pad_sequence, einsum LoRA, a deep-copied merge,
loop-based counting, an eigendecomposition instead of an SVD; all must keep full marks."""
import copy
import math

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.utils.rnn import pad_sequence


def completion_labels(prompt_ids, response_ids):
    input_ids = torch.cat([prompt_ids.long(), response_ids.long()])
    is_prompt = torch.arange(len(input_ids), device=input_ids.device) < len(prompt_ids)
    return input_ids, input_ids.masked_fill(is_prompt, -100)


def completion_loss(logits, labels):
    vocab = logits.shape[-1]
    targets = labels[:, 1:].reshape(-1)
    summed = F.cross_entropy(logits[:, :-1].reshape(-1, vocab), targets, ignore_index=-100, reduction="sum")
    count = int((targets != -100).sum())
    return summed / max(count, 1)


def assistant_labels(input_ids, assistant_mask):
    labels = input_ids.clone().long()
    labels[assistant_mask == 0] = -100
    return labels


def pad_batch(examples, pad_id):
    ids = [i.long() for i, _ in examples]
    device = ids[0].device
    lengths = torch.tensor([len(i) for i in ids], device=device)
    input_ids = pad_sequence(ids, batch_first=True, padding_value=pad_id)
    labels = pad_sequence([lab.long() for _, lab in examples], batch_first=True, padding_value=-100)
    positions = torch.arange(input_ids.shape[1], device=device)
    attention_mask = (positions[None, :] < lengths[:, None]).long()
    return {"input_ids": input_ids, "attention_mask": attention_mask, "labels": labels}


class LoRALinear(nn.Module):
    def __init__(self, base, r, alpha):
        super().__init__()
        base.requires_grad_(False)
        self.base = base
        options = {"dtype": base.weight.dtype, "device": base.weight.device}
        self.lora_A = nn.Parameter(torch.randn(r, base.in_features, **options) / math.sqrt(base.in_features))
        self.lora_B = nn.Parameter(torch.zeros(base.out_features, r, **options))
        self.scaling = alpha / r

    def forward(self, x):
        update = torch.einsum("...i,ri,or->...o", x, self.lora_A, self.lora_B)
        return self.base(x) + self.scaling * update

    def merge(self):
        merged = copy.deepcopy(self.base)
        with torch.no_grad():
            merged.weight += torch.einsum("or,ri->oi", self.lora_B, self.lora_A) * self.scaling
        return merged


def lora_trainable_params(config, r, targets):
    targets = list(targets)  # any iterable, read once per layer
    h = config["hidden_size"]
    hd = config.get("head_dim") or h // config["num_attention_heads"]
    widths = {"q_proj": [h, config["num_attention_heads"] * hd],
              "k_proj": [h, config["num_key_value_heads"] * hd],
              "v_proj": [h, config["num_key_value_heads"] * hd],
              "o_proj": [config["num_attention_heads"] * hd, h],
              "gate_proj": [h, config["intermediate_size"]],
              "up_proj": [h, config["intermediate_size"]],
              "down_proj": [config["intermediate_size"], h]}
    total = 0
    for _ in range(config["num_hidden_layers"]):
        for name in targets:
            if name not in widths:
                raise ValueError(f"no such module: {name}")
            total += r * widths[name][0] + widths[name][1] * r
    return total


def low_rank_factors(delta, r):
    # Right singular vectors are the eigenvectors of delta^T delta; float64 keeps the squared
    # condition number harmless.
    d64 = delta.double()
    eigenvalues, vectors = torch.linalg.eigh(d64.T @ d64)  # ascending
    top = vectors[:, torch.argsort(eigenvalues, descending=True)[:r]]  # (d_in, r)
    A = top.T  # (r, d_in), orthonormal rows
    B = d64 @ top  # (d_out, r): the projection of delta onto those directions
    return B.to(delta.dtype), A.to(delta.dtype)


def finetune_memory_bytes(n_params, method, n_trainable=0, n_high_precision=0, double_quant=False):
    bytes_per_trainable = {"weights": 2, "grads": 2, "master": 4, "adam_m": 4, "adam_v": 4}
    trainable = sum(bytes_per_trainable.values())
    if method not in {"full", "lora", "qlora"}:
        raise ValueError(method)
    if method == "full":
        return trainable * float(n_params)
    if method == "lora":
        return 2.0 * n_params + trainable * n_trainable
    bits = 4 + (32 / 64 if not double_quant else 8 / 64 + 32 / 64 / 256)
    return (n_params - n_high_precision) * bits / 8 + 2.0 * n_high_precision + trainable * float(n_trainable)

"""Correct alternatives: LoRA with a unit-Gaussian A (the paper's init) and nn.Linear submodules,
a per-row loop for the loss, and a padding loop over rows; all must keep full marks."""
import torch
import torch.nn as nn


def completion_loss(logits, labels):
    total = logits.new_zeros(())
    count = 0
    for b in range(logits.shape[0]):
        for t in range(logits.shape[1] - 1):
            target = int(labels[b, t + 1])
            if target != -100:
                total = total - torch.log_softmax(logits[b, t], dim=-1)[target]
                count += 1
    return total / max(count, 1)


def pad_batch(examples, pad_id):
    width = max(int(ids.numel()) for ids, _ in examples)
    rows = {"input_ids": [], "attention_mask": [], "labels": []}
    for ids, labels in examples:
        gap = width - ids.numel()
        fill = lambda value: torch.full((gap,), value, dtype=torch.long, device=ids.device)
        rows["input_ids"].append(torch.cat([ids.long(), fill(pad_id)]))
        rows["attention_mask"].append(torch.cat([torch.ones_like(ids, dtype=torch.long), fill(0)]))
        rows["labels"].append(torch.cat([labels.long(), fill(-100)]))
    return {key: torch.stack(value) for key, value in rows.items()}


class LoRALinear(nn.Module):
    def __init__(self, base, r, alpha):
        super().__init__()
        self.base = base
        self.base.weight.requires_grad = False
        if self.base.bias is not None:
            self.base.bias.requires_grad = False
        w = base.weight
        self.lora_A = nn.Parameter(torch.randn(r, base.in_features, dtype=w.dtype, device=w.device))
        self.lora_B = nn.Parameter(torch.zeros(base.out_features, r, dtype=w.dtype, device=w.device))
        self.scaling = alpha / r

    def forward(self, x):
        delta = torch.nn.functional.linear(torch.nn.functional.linear(x, self.lora_A), self.lora_B)
        return self.base(x) + delta * self.scaling

    def merge(self):
        out = nn.Linear(self.base.in_features, self.base.out_features, bias=self.base.bias is not None)
        out = out.to(device=self.base.weight.device, dtype=self.base.weight.dtype)
        out.weight.data = self.base.weight.data + self.scaling * torch.mm(self.lora_B.data, self.lora_A.data)
        if self.base.bias is not None:
            out.bias.data = self.base.bias.data.clone()
        return out

"""Span starts found with torch.roll, which wraps around: noise at both ends merges the first span into the last.

Pattern: 1
A position 0 in a span is not seen as a start when position T-1 is noisy too.
"""
import torch


def span_corrupt(tokens: torch.Tensor, noise_mask: torch.Tensor,
                 vocab_size: int) -> tuple[torch.Tensor, torch.Tensor]:
    if tokens.dim() != 1:
        raise ValueError(f"tokens must be 1-D, got shape {tuple(tokens.shape)}")
    if noise_mask.shape != tokens.shape:
        raise ValueError(f"noise_mask shape {tuple(noise_mask.shape)} != tokens shape {tuple(tokens.shape)}")
    inputs, targets = [], []
    spans = 0
    mask = noise_mask.bool()
    starts = (mask & ~torch.roll(mask, 1)).tolist()
    previous_noisy = False
    for token, noisy, start in zip(tokens.tolist(), mask.tolist(), starts):
        if noisy:
            if start:
                sentinel = vocab_size - 1 - spans
                spans += 1
                inputs.append(sentinel)
                targets.append(sentinel)
            targets.append(token)
        else:
            inputs.append(token)
        previous_noisy = noisy
    targets.append(vocab_size - 1 - spans)
    device = tokens.device
    return (torch.tensor(inputs, dtype=torch.int64, device=device),
            torch.tensor(targets, dtype=torch.int64, device=device))

"""The targets lack the final sentinel that closes the last span.

Pattern: 5
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
    previous_noisy = False
    for token, noisy in zip(tokens.tolist(), noise_mask.bool().tolist()):
        if noisy:
            if not previous_noisy:
                sentinel = vocab_size - 1 - spans
                spans += 1
                inputs.append(sentinel)
                targets.append(sentinel)
            targets.append(token)
        else:
            inputs.append(token)
        previous_noisy = noisy
    device = tokens.device
    return (torch.tensor(inputs, dtype=torch.int64, device=device),
            torch.tensor(targets, dtype=torch.int64, device=device))

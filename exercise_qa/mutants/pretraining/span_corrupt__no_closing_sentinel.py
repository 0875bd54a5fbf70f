"""The targets stop after the last span's tokens: the closing sentinel is missing.

Pattern: 5
"""
import torch


def span_corrupt(tokens, noise_mask, vocab_size):
    if tokens.dim() != 1 or noise_mask.shape != tokens.shape:
        raise ValueError("need 1-D tokens and a mask of the same shape")
    inputs, targets, k, previous = [], [], 0, False
    for token, noisy in zip(tokens.tolist(), noise_mask.tolist()):
        if noisy and not previous:
            inputs.append(vocab_size - 1 - k)
            targets.append(vocab_size - 1 - k)
            k += 1
        (targets if noisy else inputs).append(token)
        previous = noisy
    return (torch.tensor(inputs, dtype=torch.int64, device=tokens.device),
            torch.tensor(targets, dtype=torch.int64, device=tokens.device))

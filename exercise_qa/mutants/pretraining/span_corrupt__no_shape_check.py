"""No ValueError for a mask of the wrong shape: zip silently truncates to the shorter one.

Pattern: 2
"""
import torch


def span_corrupt(tokens, noise_mask, vocab_size):
    inputs, targets, k, previous = [], [], 0, False
    for token, noisy in zip(tokens.flatten().tolist(), noise_mask.flatten().tolist()):
        if noisy and not previous:
            inputs.append(vocab_size - 1 - k)
            targets.append(vocab_size - 1 - k)
            k += 1
        (targets if noisy else inputs).append(token)
        previous = noisy
    targets.append(vocab_size - 1 - k)
    return (torch.tensor(inputs, dtype=torch.int64, device=tokens.device),
            torch.tensor(targets, dtype=torch.int64, device=tokens.device))

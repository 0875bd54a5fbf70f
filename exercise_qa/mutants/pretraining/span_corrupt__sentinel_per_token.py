"""Every corrupted token gets its own sentinel instead of one sentinel per span.

Pattern: 5
"""
import torch


def span_corrupt(tokens, noise_mask, vocab_size):
    if tokens.dim() != 1 or noise_mask.shape != tokens.shape:
        raise ValueError("need 1-D tokens and a mask of the same shape")
    inputs, targets, k = [], [], 0
    for token, noisy in zip(tokens.tolist(), noise_mask.tolist()):
        if noisy:
            inputs.append(vocab_size - 1 - k)
            targets += [vocab_size - 1 - k, token]
            k += 1
        else:
            inputs.append(token)
    targets.append(vocab_size - 1 - k)
    return torch.tensor(inputs, device=tokens.device), torch.tensor(targets, device=tokens.device)

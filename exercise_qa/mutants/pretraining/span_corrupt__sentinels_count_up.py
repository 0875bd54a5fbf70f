"""Sentinels count up from the start of the last 100 ids (vocab_size - 100 + k) instead of down from vocab_size - 1.

Pattern: 4
Right only if you guess T5's tokenizer layout backwards; <extra_id_0> is the LAST id.
"""
import torch


def span_corrupt(tokens, noise_mask, vocab_size):
    if tokens.dim() != 1 or noise_mask.shape != tokens.shape:
        raise ValueError("need 1-D tokens and a mask of the same shape")
    inputs, targets, k, previous = [], [], 0, False
    for token, noisy in zip(tokens.tolist(), noise_mask.tolist()):
        if noisy and not previous:
            inputs.append(vocab_size - 100 + k)
            targets.append(vocab_size - 100 + k)
            k += 1
        (targets if noisy else inputs).append(token)
        previous = noisy
    targets.append(vocab_size - 100 + k)
    return (torch.tensor(inputs, dtype=torch.int64, device=tokens.device),
            torch.tensor(targets, dtype=torch.int64, device=tokens.device))

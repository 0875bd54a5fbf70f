"""No ValueError for a 2-D tokens tensor or a noise_mask of another shape (zip silently truncates).

Pattern: 2
"""
import torch


def span_corrupt(tokens: torch.Tensor, noise_mask: torch.Tensor,
                 vocab_size: int) -> tuple[torch.Tensor, torch.Tensor]:
    tokens, noise_mask = tokens.reshape(-1), noise_mask.reshape(-1)
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
    targets.append(vocab_size - 1 - spans)
    device = tokens.device
    return (torch.tensor(inputs, dtype=torch.int64, device=device),
            torch.tensor(targets, dtype=torch.int64, device=device))

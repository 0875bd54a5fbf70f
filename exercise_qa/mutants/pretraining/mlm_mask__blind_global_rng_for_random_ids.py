"""The random token ids come from the global generator, not from `generator`: the same seed no longer gives the same batch.

Pattern: 4
"""
import torch

IGNORE_INDEX = -100


def mlm_mask(input_ids: torch.Tensor, special_tokens_mask: torch.Tensor, mask_token_id: int,
             vocab_size: int, generator: torch.Generator,
             mlm_probability: float = 0.15) -> tuple[torch.Tensor, torch.Tensor]:
    if not 0.0 <= mlm_probability <= 1.0:
        raise ValueError(f"mlm_probability must be in [0, 1], got {mlm_probability}")
    device = input_ids.device
    shape = input_ids.shape
    selected = torch.rand(shape, generator=generator, device=device) < mlm_probability
    selected &= ~special_tokens_mask.bool()
    labels = torch.where(selected, input_ids, torch.full_like(input_ids, IGNORE_INDEX))
    action = torch.rand(shape, generator=generator, device=device)
    to_mask = selected & (action < 0.8)
    to_random = selected & (action >= 0.8) & (action < 0.9)
    random_ids = torch.randint(0, vocab_size, shape, device=device, dtype=torch.int64)
    inputs = input_ids.clone()
    inputs[to_mask] = mask_token_id
    inputs[to_random] = random_ids[to_random]
    return inputs, labels

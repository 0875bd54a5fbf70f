"""Draws from the global random generator instead of `generator`: the same seed does not reproduce the corruption.

Pattern: 4
"""
import torch


def mlm_mask(input_ids, special_tokens_mask, mask_token_id, vocab_size, generator, mlm_probability=0.15):
    if not 0.0 <= mlm_probability <= 1.0:
        raise ValueError("mlm_probability must be in [0, 1]")
    device = input_ids.device
    selected = (torch.rand(input_ids.shape, device=device) < mlm_probability) & ~special_tokens_mask
    labels = torch.where(selected, input_ids, torch.full_like(input_ids, IGNORE_INDEX))
    action = torch.rand(input_ids.shape, device=device)
    random_ids = torch.randint(0, vocab_size, input_ids.shape, device=device)
    inputs = torch.where(selected & (action < 0.8), torch.full_like(input_ids, mask_token_id), input_ids)
    inputs = torch.where(selected & (action >= 0.8) & (action < 0.9), random_ids, inputs)
    return inputs, labels

"""Every selected position becomes [MASK]: the 10% random and 10% unchanged of the 80/10/10 rule are missing.

Pattern: 5
"""
import torch


def mlm_mask(input_ids, special_tokens_mask, mask_token_id, vocab_size, generator, mlm_probability=0.15):
    if not 0.0 <= mlm_probability <= 1.0:
        raise ValueError("mlm_probability must be in [0, 1]")
    draw = torch.rand(input_ids.shape, generator=generator, device=input_ids.device)
    selected = (draw < mlm_probability) & ~special_tokens_mask
    labels = torch.where(selected, input_ids, torch.full_like(input_ids, IGNORE_INDEX))
    inputs = torch.where(selected, torch.full_like(input_ids, mask_token_id), input_ids)
    return inputs, labels

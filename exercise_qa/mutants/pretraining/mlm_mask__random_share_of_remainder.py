"""The random replacement is drawn with probability 0.1 among the 20% not masked, so only 2% of the selected become random.

Pattern: 3
"""
import torch


def mlm_mask(input_ids, special_tokens_mask, mask_token_id, vocab_size, generator, mlm_probability=0.15):
    if not 0.0 <= mlm_probability <= 1.0:
        raise ValueError("mlm_probability must be in [0, 1]")
    device = input_ids.device
    selected = (torch.rand(input_ids.shape, generator=generator, device=device) < mlm_probability) & ~special_tokens_mask
    labels = torch.where(selected, input_ids, torch.full_like(input_ids, IGNORE_INDEX))
    to_mask = selected & (torch.rand(input_ids.shape, generator=generator, device=device) < 0.8)
    to_random = selected & ~to_mask & (torch.rand(input_ids.shape, generator=generator, device=device) < 0.1)
    random_ids = torch.randint(0, vocab_size, input_ids.shape, generator=generator, device=device)
    inputs = torch.where(to_mask, torch.full_like(input_ids, mask_token_id), input_ids)
    inputs = torch.where(to_random, random_ids, inputs)
    return inputs, labels

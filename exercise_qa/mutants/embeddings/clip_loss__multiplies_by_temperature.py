"""Logits multiplied by the temperature instead of divided by it (cos * tau rather than cos / tau).

Pattern: 2
Confusing tau with CLIP's learned logit scale (which multiplies). Equal logits stay equal, so the
visible log B check passes; with tau = 0.07 the real logits are ~200x too flat.
"""
import torch
import torch.nn.functional as F


def clip_loss(image_emb: torch.Tensor, text_emb: torch.Tensor, temperature: float = 0.07) -> torch.Tensor:
    sims = F.normalize(image_emb, dim=1) @ F.normalize(text_emb, dim=1).T
    logits = sims * temperature
    target = torch.arange(sims.shape[0], device=sims.device)
    return 0.5 * (F.cross_entropy(logits, target) + F.cross_entropy(logits.t(), target))

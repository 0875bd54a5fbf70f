"""Multiplies the cosine similarities by the temperature instead of dividing: invisible when all logits are equal, far too flat otherwise.

Pattern: 4
"""
import torch
import torch.nn.functional as F


def clip_loss(image_emb, text_emb, temperature: float = 0.07):
    sims = F.normalize(image_emb, dim=1) @ F.normalize(text_emb, dim=1).T
    logits = sims * temperature
    target = torch.arange(sims.shape[0], device=sims.device)
    return 0.5 * (F.cross_entropy(logits, target) + F.cross_entropy(logits.t(), target))

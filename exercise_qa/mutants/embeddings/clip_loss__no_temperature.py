"""Forgets to divide the cosine similarities by the temperature."""
import torch
import torch.nn.functional as F


def clip_loss(image_emb, text_emb, temperature=0.07):
    logits = F.normalize(image_emb, dim=-1) @ F.normalize(text_emb, dim=-1).T
    targets = torch.arange(logits.shape[0], device=logits.device)
    return 0.5 * (F.cross_entropy(logits, targets) + F.cross_entropy(logits.T, targets))

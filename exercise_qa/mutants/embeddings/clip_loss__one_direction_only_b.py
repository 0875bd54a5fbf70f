"""Applies cross-entropy only image -> text (rows), dropping the text -> image term of the symmetric loss.

Pattern: 5
"""
import torch
import torch.nn.functional as F


def clip_loss(image_emb, text_emb, temperature: float = 0.07):
    img = F.normalize(image_emb, dim=-1)
    txt = F.normalize(text_emb, dim=-1)
    logits = img @ txt.T / temperature
    labels = torch.arange(len(logits), device=logits.device)
    return F.cross_entropy(logits, labels)

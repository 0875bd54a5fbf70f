"""Uses only the image-to-text cross-entropy: the loss is not symmetric."""
import torch
import torch.nn.functional as F


def clip_loss(image_emb, text_emb, temperature=0.07):
    logits = F.normalize(image_emb, dim=-1) @ F.normalize(text_emb, dim=-1).T / temperature
    return F.cross_entropy(logits, torch.arange(logits.shape[0], device=logits.device))

"""Embeddings not L2-normalised: logits are raw dot products / tau, not cosine similarities / tau.

Pattern: 2
"The encoder outputs are already normalised" - not in the tests. Identical rows give equal logits
anyway, so log B comes out; any batch with different norms gives another loss.
"""
import torch
import torch.nn.functional as F


def clip_loss(image_emb: torch.Tensor, text_emb: torch.Tensor, temperature: float = 0.07) -> torch.Tensor:
    logits = image_emb @ text_emb.T / temperature
    labels = torch.arange(image_emb.shape[0], device=image_emb.device)
    loss_i = F.cross_entropy(logits, labels)
    loss_t = F.cross_entropy(logits.T, labels)
    return (loss_i + loss_t) / 2

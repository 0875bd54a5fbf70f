"""Only the image-to-text cross-entropy: the text-to-image term (logits.T) is missing.

Pattern: 5
With all logits equal both directions give log B, so the visible check passes; on real batches
the rows and columns of the similarity matrix differ and the loss is not symmetric.
"""
import torch
import torch.nn.functional as F


def clip_loss(image_emb: torch.Tensor, text_emb: torch.Tensor, temperature: float = 0.07) -> torch.Tensor:
    image_emb = F.normalize(image_emb, dim=-1)
    text_emb = F.normalize(text_emb, dim=-1)
    logits = image_emb @ text_emb.T / temperature
    targets = torch.arange(logits.shape[0], device=logits.device)
    return F.cross_entropy(logits, targets)

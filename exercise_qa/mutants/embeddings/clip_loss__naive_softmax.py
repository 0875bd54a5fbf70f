"""Writes the softmax by hand as exp / sum(exp) without subtracting the max, which overflows at small temperatures."""
import torch
import torch.nn.functional as F


def clip_loss(image_emb, text_emb, temperature=0.07):
    logits = F.normalize(image_emb, dim=-1) @ F.normalize(text_emb, dim=-1).T / temperature
    e = torch.exp(logits)
    i2t = -torch.log(e.diagonal() / e.sum(1)).mean()
    t2i = -torch.log(e.diagonal() / e.sum(0)).mean()
    return 0.5 * (i2t + t2i)

"""Plotting helpers shared by the notebooks and the book."""
from __future__ import annotations

from typing import Sequence

import matplotlib.pyplot as plt
import torch


def attention_heatmap(weights: torch.Tensor, tokens: Sequence[str] | None = None, *,
                      title: str = "attention weights", ax=None):
    """Draw a (T_q, T_k) attention-weight matrix; rows are queries, columns keys."""
    w = weights.detach().to("cpu", torch.float32)
    if w.dim() != 2:
        raise ValueError(f"attention_heatmap expects a 2-D (T_q, T_k) matrix, got shape "
                         f"{tuple(w.shape)}")
    if ax is None:
        _, ax = plt.subplots(figsize=(4.2, 3.6))
    image = ax.imshow(w.numpy(), cmap="viridis", vmin=0.0, vmax=max(float(w.max()), 1e-9))
    if tokens is not None:
        ax.set_xticks(range(len(tokens)), tokens, rotation=45, ha="right")
        ax.set_yticks(range(len(tokens)), tokens)
    ax.set_xlabel("key position")
    ax.set_ylabel("query position")
    ax.set_title(title)
    ax.figure.colorbar(image, ax=ax, fraction=0.046, pad=0.04)
    return ax

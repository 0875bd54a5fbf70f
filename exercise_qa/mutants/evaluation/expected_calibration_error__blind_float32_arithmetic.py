r"""ECE computes the confidences, accuracies and means in the probabilities' float32 instead of float64 (an error near 1e-7).

Pattern: 3
"""
import numpy as np
import torch


def expected_calibration_error(probs: torch.Tensor, labels: torch.Tensor, n_bins: int = 15,
                               binning: str = "width") -> float:
    """Top-label expected calibration error (L1)."""
    if binning not in ("width", "mass"):
        raise ValueError(f"binning must be 'width' or 'mass', got {binning!r}")
    if n_bins < 1:
        raise ValueError(f"n_bins must be >= 1, got {n_bins}")
    if probs.shape[0] == 0:
        raise ValueError("no examples")
    probs64 = probs.detach().to("cpu")
    confidence, predicted = probs64.max(dim=1)
    predicted = probs64.argmax(dim=1)
    correct = (predicted == labels.detach().cpu()).to(probs64.dtype)
    n = probs64.shape[0]
    if binning == "width":
        bin_of = torch.clamp(torch.floor(confidence * n_bins).long(), max=n_bins - 1)
        groups = [torch.nonzero(bin_of == m).flatten() for m in range(n_bins)]
    else:
        order = torch.sort(confidence, stable=True).indices
        groups = list(torch.tensor_split(order, n_bins))
    ece = torch.zeros((), dtype=probs64.dtype)
    for idx in groups:
        if len(idx) == 0:
            continue
        gap = (correct[idx].mean() - confidence[idx].mean()).abs()
        ece += len(idx) / n * gap
    return float(ece)

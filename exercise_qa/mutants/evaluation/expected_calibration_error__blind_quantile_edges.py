r"""Equal-mass ECE cuts at the confidence quantiles (np.quantile edges + searchsorted), so ties and interpolated edges give groups of unequal size instead of np.array_split's.

Pattern: 1
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
    probs64 = probs.detach().to("cpu", torch.float64)
    confidence, predicted = probs64.max(dim=1)
    predicted = probs64.argmax(dim=1)
    correct = (predicted == labels.detach().cpu()).to(torch.float64)
    n = probs64.shape[0]
    if binning == "width":
        bin_of = torch.clamp(torch.floor(confidence * n_bins).long(), max=n_bins - 1)
        groups = [torch.nonzero(bin_of == m).flatten() for m in range(n_bins)]
    else:
        values = confidence.numpy()
        edges = np.quantile(values, np.linspace(0.0, 1.0, n_bins + 1))
        bin_of = np.clip(np.searchsorted(edges, values, side="right") - 1, 0, n_bins - 1)
        groups = [torch.from_numpy(np.flatnonzero(bin_of == m)) for m in range(n_bins)]
    ece = 0.0
    for idx in groups:
        if len(idx) == 0:
            continue
        gap = abs(float(correct[idx].mean()) - float(confidence[idx].mean()))
        ece += len(idx) / n * gap
    return float(ece)

"""The equal-width bins are closed on the right, (k/M, (k+1)/M], so a confidence on a boundary lands one bin lower.

Pattern: 1
"""
import torch


def _prepare(probs, labels, n_bins, binning):
    if binning not in ("width", "mass"):
        raise ValueError(binning)
    if n_bins < 1 or probs.shape[0] == 0:
        raise ValueError("empty")
    conf, pred = probs.detach().cpu().double().max(-1)
    return conf, (pred == labels.cpu()).double()


def expected_calibration_error(probs, labels, n_bins=15, binning="width"):
    conf, correct = _prepare(probs, labels, n_bins, binning)
    if binning == "width":
        index = torch.clamp(torch.ceil(conf * n_bins).long() - 1, min=0)
        groups = [torch.nonzero(index == b).flatten() for b in range(n_bins)]
    else:
        groups = list(torch.tensor_split(torch.sort(conf, stable=True).indices, n_bins))
    return sum(len(g) / len(conf) * abs(float(correct[g].mean() - conf[g].mean())) for g in groups if len(g))

"""A confidence of exactly 1.0 gets bin index M, which no loop over range(M) visits: those examples are silently dropped.

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
        index = (conf * n_bins).floor().long()
        groups = [torch.nonzero(index == b).flatten() for b in range(n_bins)]
    else:
        groups = list(torch.tensor_split(torch.sort(conf, stable=True).indices, n_bins))
    return sum(len(g) / len(conf) * abs(float(correct[g].mean() - conf[g].mean())) for g in groups if len(g))

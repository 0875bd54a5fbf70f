"""Equal-mass bins after a sort by descending confidence reversed afterwards: tied confidences swap order across a group boundary.

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
        index = torch.clamp((conf * n_bins).floor().long(), max=n_bins - 1)
        groups = [torch.nonzero(index == b).flatten() for b in range(n_bins)]
    else:
        order = torch.sort(conf, descending=True, stable=True).indices.flip(0)
        groups = list(torch.tensor_split(order, n_bins))
    return sum(len(g) / len(conf) * abs(float(correct[g].mean() - conf[g].mean())) for g in groups if len(g))

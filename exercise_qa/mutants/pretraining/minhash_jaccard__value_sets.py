"""The estimate is the Jaccard similarity of the two signatures' sets of values, not the fraction of agreeing rows.

Pattern: 5
"""
import torch


def minhash_jaccard(sig_a, sig_b):
    if sig_a.dim() != 1 or sig_a.shape != sig_b.shape or sig_a.numel() == 0:
        raise ValueError("need two non-empty 1-D signatures of one length")
    left, right = set(sig_a.tolist()), set(sig_b.tolist())
    return len(left & right) / len(left | right)

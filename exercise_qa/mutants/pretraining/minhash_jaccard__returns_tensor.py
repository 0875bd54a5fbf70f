"""minhash_jaccard returns a 0-d tensor instead of a Python float.

Pattern: 2
"""
import torch


def minhash_jaccard(sig_a, sig_b):
    if sig_a.dim() != 1 or sig_a.shape != sig_b.shape or sig_a.numel() == 0:
        raise ValueError("need two non-empty 1-D signatures of one length")
    return (sig_a == sig_b).double().mean()

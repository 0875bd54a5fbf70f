"""Correct alternatives: aminmax absmax, view-based groups, exact Fraction accounting, NF4 levels from
statistics.NormalDist with nearest-level search in float64, GPTQ with the paper's lazy block updates
(blocks of 8 columns, H^-1 from cholesky_inverse), an AWQ search that keeps every candidate and picks
the first argmin; all must keep full marks."""
from fractions import Fraction
from statistics import NormalDist

import torch


def absmax_quantize(x, per_channel=False):
    if per_channel:
        lo, hi = torch.aminmax(x, dim=1, keepdim=True)
    else:
        lo, hi = torch.aminmax(x)
    amax = torch.maximum(hi, -lo)
    scale = torch.where(amax == 0, torch.ones_like(amax), amax / 127)
    q = torch.div(x, scale).round().clamp(-128, 127).to(torch.int8)
    return q, scale


def asymmetric_quantize(x, calib_min=None, calib_max=None):
    lo = min(float(x.min() if calib_min is None else calib_min), 0.0)
    hi = max(float(x.max() if calib_max is None else calib_max), 0.0)
    scale = (hi - lo) / 255 if hi != lo else 1.0
    zero_point = int(round(-lo / scale))
    zero_point = 0 if zero_point < 0 else 255 if zero_point > 255 else zero_point
    q = (torch.round(x / scale) + zero_point).clamp(0, 255).to(torch.uint8)
    return q, float(scale), zero_point


def asymmetric_dequantize(q, scale, zero_point):
    return ((q.to(torch.int32) - zero_point).to(torch.float32)) * scale


def groupwise_quantize_int4(w, group_size):
    rows, cols = w.shape
    if group_size < 1 or cols % group_size != 0:
        raise ValueError(f"cols={cols} is not a multiple of group_size={group_size}")
    g = w.view(rows, cols // group_size, group_size)
    amax = g.abs().amax(dim=2)
    scales = torch.where(amax == 0, torch.ones_like(amax), amax / 7)
    q = torch.round(g / scales.unsqueeze(2)).clamp(-8, 7).to(torch.int8).view(rows, cols)
    return q, scales


def groupwise_dequantize(q, scales, group_size):
    rows, cols = q.shape
    return (q.view(rows, -1, group_size).to(scales.dtype) * scales.unsqueeze(2)).view(rows, cols)


def bits_per_weight(bits, group_size, scale_bits=16, zero_point_bits=0):
    return float(Fraction(bits) + Fraction(scale_bits + zero_point_bits, group_size))


def nf4_levels():
    normal, offset = NormalDist(), 0.9677083
    pos = [normal.inv_cdf(offset + (0.5 - offset) * k / 8) for k in range(8)]     # linspace(offset, 0.5, 9)[:-1]
    neg = [-normal.inv_cdf(offset + (0.5 - offset) * k / 7) for k in range(7)]    # linspace(offset, 0.5, 8)[:-1]
    values = sorted(pos + neg + [0.0])
    top = max(values)
    return torch.tensor([v / top for v in values], dtype=torch.float64).to(torch.float32)


def nf4_roundtrip(w, block_size=64):
    levels = nf4_levels().to(device=w.device, dtype=torch.float64)
    blocks = w.reshape(-1, block_size).to(torch.float64)
    absmax = blocks.abs().amax(dim=1, keepdim=True)
    absmax = torch.where(absmax == 0, torch.ones_like(absmax), absmax)
    normed = (blocks / absmax).clamp(-1, 1)
    upper = torch.searchsorted(levels, normed.contiguous()).clamp(1, 15)          # levels[upper - 1] <= v < levels[upper]
    lower = upper - 1
    nearest = torch.where((levels[upper] - normed) < (normed - levels[lower]), upper, lower)
    return (levels[nearest] * absmax).reshape(w.shape).to(w.dtype)


def double_quant_overhead(n_params, block_size=64, block_size2=256):
    single = Fraction(32, block_size)
    double = Fraction(8, block_size) + Fraction(32, block_size * block_size2)
    saved = single - double
    return {"single_bits": float(single), "double_bits": float(double), "saved_bits": float(saved),
            "saved_gb": float(saved) * n_params / 8 / 1e9}


def gptq_quantize(w, x, bits=4, damp=0.01):
    W = w.detach().double().clone()
    X = x.detach().double()
    n_in = W.shape[1]
    qmax = 2 ** (bits - 1) - 1
    amax = W.abs().amax(dim=1)
    scale = torch.where(amax == 0, torch.ones_like(amax), amax / qmax)
    H = 2 * X.T @ X
    H += damp * torch.mean(torch.diag(H)) * torch.eye(n_in, dtype=H.dtype, device=H.device)
    Hinv = torch.cholesky_inverse(torch.linalg.cholesky(H))
    U = torch.linalg.cholesky(Hinv, upper=True)
    Q = torch.zeros_like(W)
    block = 8
    for i1 in range(0, n_in, block):                  # lazy batch updates (GPTQ paper, Algorithm 1)
        i2 = min(i1 + block, n_in)
        W1, E1 = W[:, i1:i2].clone(), torch.zeros_like(W[:, i1:i2])
        for j in range(i2 - i1):
            col = W1[:, j]
            q = torch.clamp(torch.round(col / scale), -qmax - 1, qmax) * scale
            Q[:, i1 + j] = q
            err = (col - q) / U[i1 + j, i1 + j]
            W1[:, j + 1:] -= torch.outer(err, U[i1 + j, i1 + j + 1:i2])
            E1[:, j] = err
        W[:, i2:] -= E1 @ U[i1:i2, i2:]
    return Q.to(w.dtype)


def awq_scale_search(w, x, bits=4, n_grid=11):
    mean_abs = x.abs().mean(dim=0).clamp(min=1e-8)
    y = x @ w.T
    alphas = [k / (n_grid - 1) for k in range(n_grid)] if n_grid > 1 else [0.0]
    candidates = []
    for alpha in alphas:
        s = mean_abs ** alpha
        w_hat = rtn_quantize(w * s, bits) / s
        candidates.append((float(((y - x @ w_hat.T) ** 2).mean()), alpha, s, w_hat))
    losses = torch.tensor([c[0] for c in candidates], dtype=torch.float64)
    best = int(torch.argmin(losses))                  # the first minimum on ties
    _, alpha, s, w_hat = candidates[best]
    return float(alpha), s, w_hat


_BITS = {"fp32": Fraction(32), "fp16": Fraction(16), "bf16": Fraction(16), "int8": Fraction(8), "fp8": Fraction(8),
         "int4": Fraction(4), "q8_0": Fraction(34 * 8, 32), "q4_0": Fraction(18 * 8, 32),
         "nf4": Fraction(4) + Fraction(8, 64) + Fraction(32, 64 * 256)}


def model_memory_gb(n_params, fmt):
    if not isinstance(fmt, str) or fmt not in _BITS:
        raise ValueError(f"unknown format {fmt!r}")
    return float(n_params * float(_BITS[fmt]) / 8 / 1e9)

"""Correct alternatives in another style: Python-list masks, float64 log-space softmax, per-group GQA loops,
float64 RoPE angles, float64 norms; all must keep full marks."""
import math

import torch
import torch.nn as nn


def causal_mask(t_q, t_k=None, device=None):
    t_k = t_q if t_k is None else t_k
    rows = [[j <= i + (t_k - t_q) for j in range(t_k)] for i in range(t_q)]
    return torch.tensor(rows, dtype=torch.bool, device=device).reshape(t_q, t_k)


def scaled_dot_product_attention(q, k, v, mask=None):
    # Log-space softmax in float64: weights = exp(s - logsumexp(s)); rows with no key get -inf lse -> 0.
    s = (q.double() @ k.double().transpose(-2, -1)) / math.sqrt(q.shape[-1])
    if mask is not None:
        s = s.masked_fill(~mask, -math.inf)
    lse = torch.logsumexp(s, dim=-1, keepdim=True)
    weights = torch.where(torch.isfinite(lse), torch.exp(s - lse), torch.zeros_like(s))
    out = weights @ v.double()
    return out.to(q.dtype), weights.to(q.dtype)


class MultiHeadAttention(nn.Module):
    def __init__(self, d_model, n_heads, bias=True):
        super().__init__()
        if n_heads <= 0 or d_model % n_heads:
            raise ValueError("d_model must be divisible by n_heads")
        self.n_heads, self.head_dim = n_heads, d_model // n_heads
        self.q_proj = nn.Linear(d_model, d_model, bias=bias)
        self.k_proj = nn.Linear(d_model, d_model, bias=bias)
        self.v_proj = nn.Linear(d_model, d_model, bias=bias)
        self.out_proj = nn.Linear(d_model, d_model, bias=bias)

    def forward(self, x, mask=None):
        B, T, C = x.shape
        q, k, v = (p(x).reshape(B, T, self.n_heads, self.head_dim).permute(0, 2, 1, 3)
                   for p in (self.q_proj, self.k_proj, self.v_proj))
        out, _ = scaled_dot_product_attention(q, k, v, mask)
        return self.out_proj(out.permute(0, 2, 1, 3).reshape(B, T, C))


def repeat_kv(x, n_rep):
    B, H, T, D = x.shape
    return x.unsqueeze(2).expand(B, H, n_rep, T, D).reshape(B, H * n_rep, T, D)


class GroupedQueryAttention(nn.Module):
    def __init__(self, d_model, n_heads, n_kv_heads):
        super().__init__()
        if d_model % n_heads or n_heads % n_kv_heads:
            raise ValueError("indivisible sizes")
        self.n_heads, self.n_kv_heads, self.head_dim = n_heads, n_kv_heads, d_model // n_heads
        self.q_proj = nn.Linear(d_model, n_heads * self.head_dim, bias=False)
        self.k_proj = nn.Linear(d_model, n_kv_heads * self.head_dim, bias=False)
        self.v_proj = nn.Linear(d_model, n_kv_heads * self.head_dim, bias=False)
        self.out_proj = nn.Linear(n_heads * self.head_dim, d_model, bias=False)

    def forward(self, x, mask=None):
        B, T, _ = x.shape
        group, hd = self.n_heads // self.n_kv_heads, self.head_dim
        q, k, v = self.q_proj(x), self.k_proj(x), self.v_proj(x)
        heads = []
        for h in range(self.n_heads):  # query head h reads K/V head h // group, without repeating anything
            g = h // group
            m = None if mask is None else mask.expand(B, self.n_heads, T, T)[:, h]
            out_h, _ = scaled_dot_product_attention(q[..., h * hd:(h + 1) * hd], k[..., g * hd:(g + 1) * hd],
                                                    v[..., g * hd:(g + 1) * hd], m)
            heads.append(out_h)
        return self.out_proj(torch.cat(heads, dim=-1))


def rope_cos_sin(seq_len, head_dim, base=10000.0, device=None):
    half = head_dim // 2
    inv = 1.0 / (torch.tensor(float(base), dtype=torch.float64) ** (torch.arange(half, dtype=torch.float64) * 2 / head_dim))
    angles = torch.arange(seq_len, dtype=torch.float64)[:, None] * inv[None, :]
    angles = torch.cat([angles, angles], dim=-1)
    return angles.cos().float().to(device), angles.sin().float().to(device)


def apply_rope(x, cos, sin):
    half = x.shape[-1] // 2
    x1, x2 = x[..., :half], x[..., half:]
    c1, s1, c2, s2 = cos[..., :half], sin[..., :half], cos[..., half:], sin[..., half:]
    return torch.cat([x1 * c1 - x2 * s1, x2 * c2 + x1 * s2], dim=-1)


def layer_norm(x, weight, bias, eps=1e-5):
    xd = x.double()
    mu = xd.mean(dim=-1, keepdim=True)
    var = ((xd - mu) ** 2).mean(dim=-1, keepdim=True)
    return ((xd - mu) / torch.sqrt(var + eps) * weight.double() + bias.double()).to(x.dtype)


def rms_norm(x, weight, eps=1e-6):
    xd = x.double()
    return (xd / torch.sqrt((xd * xd).mean(dim=-1, keepdim=True) + eps) * weight.double()).to(x.dtype)


class SwiGLU(nn.Module):
    def __init__(self, d_model, d_ff):
        super().__init__()
        self.gate_proj = nn.Linear(d_model, d_ff, bias=False)
        self.up_proj = nn.Linear(d_model, d_ff, bias=False)
        self.down_proj = nn.Linear(d_ff, d_model, bias=False)

    def forward(self, x):
        g = self.gate_proj(x)
        return self.down_proj(g * torch.sigmoid(g) * self.up_proj(x))


def ffn_param_count(d_model, d_ff, gated, bias=False):
    shapes = [(d_ff, d_model)] * (2 if gated else 1) + [(d_model, d_ff)]
    total = 0
    for rows, cols in shapes:
        total += rows * cols + (rows if bias else 0)
    return total


def online_softmax_attention(q, k, v, block_size):
    # Running log-sum-exp instead of a running max: lse' = logaddexp(lse, logsumexp(block)).
    scale = 1.0 / math.sqrt(q.shape[-1])
    lse = torch.full(q.shape[:-1] + (1,), -math.inf, dtype=torch.float64, device=q.device)
    acc = torch.zeros(q.shape[:-1] + (v.shape[-1],), dtype=torch.float64, device=q.device)
    t_k = k.shape[-2]
    start = 0
    while start < t_k:
        kb = k[..., start:start + block_size, :].double()
        vb = v[..., start:start + block_size, :].double()
        s = (q.double() @ kb.transpose(-2, -1)) * scale
        block_lse = torch.logsumexp(s, dim=-1, keepdim=True)
        new_lse = torch.logaddexp(lse, block_lse)
        acc = acc * torch.exp(lse - new_lse) + torch.exp(s - new_lse) @ vb
        lse = new_lse
        start += block_size
    return acc.to(q.dtype)

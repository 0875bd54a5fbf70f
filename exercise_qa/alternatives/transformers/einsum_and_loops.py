"""Correct alternatives: einsum, explicit loops, complex-number RoPE, torch.var; all must keep full marks."""
import math

import torch
import torch.nn as nn


def causal_mask(t_q, t_k=None, device=None):
    t_k = t_q if t_k is None else t_k
    rows = torch.arange(t_q, device=device).unsqueeze(1) + (t_k - t_q)
    return torch.arange(t_k, device=device).unsqueeze(0) <= rows


def scaled_dot_product_attention(q, k, v, mask=None):
    logits = torch.einsum("...qd,...kd->...qk", q, k) * q.shape[-1] ** -0.5
    if mask is not None:
        logits = torch.where(mask, logits, torch.full_like(logits, -torch.inf))
    row_max = logits.amax(dim=-1, keepdim=True)
    row_max = torch.where(torch.isfinite(row_max), row_max, torch.zeros_like(row_max))
    e = torch.exp(logits - row_max)
    total = e.sum(dim=-1, keepdim=True)
    probs = torch.where(total > 0, e / total.clamp_min(torch.finfo(e.dtype).tiny), torch.zeros_like(e))
    return torch.einsum("...qk,...kd->...qd", probs, v), probs


class MultiHeadAttention(nn.Module):
    def __init__(self, d_model, n_heads, bias=True):
        super().__init__()
        if d_model % n_heads != 0:
            raise ValueError("d_model must be a multiple of n_heads")
        self.n_heads, self.head_dim = n_heads, d_model // n_heads
        self.q_proj, self.k_proj, self.v_proj, self.out_proj = (
            nn.Linear(d_model, d_model, bias=bias) for _ in range(4))

    def forward(self, x, mask=None):
        heads = []
        for h in range(self.n_heads):  # one head at a time, sliced out of the projections
            cols = slice(h * self.head_dim, (h + 1) * self.head_dim)
            out_h, _ = scaled_dot_product_attention(
                self.q_proj(x)[..., cols], self.k_proj(x)[..., cols], self.v_proj(x)[..., cols],
                None if mask is None else mask.expand(x.shape[0], self.n_heads, x.shape[1], x.shape[1])[:, h])
            heads.append(out_h)
        return self.out_proj(torch.cat(heads, dim=-1))


def repeat_kv(x, n_rep):
    index = torch.arange(x.shape[1] * n_rep, device=x.device) // n_rep
    return x.index_select(1, index)


class GroupedQueryAttention(nn.Module):
    def __init__(self, d_model, n_heads, n_kv_heads):
        super().__init__()
        if d_model % n_heads != 0 or n_heads % n_kv_heads != 0:
            raise ValueError("sizes do not divide")
        self.n_heads, self.n_kv_heads, self.head_dim = n_heads, n_kv_heads, d_model // n_heads
        self.q_proj = nn.Linear(d_model, d_model, bias=False)
        self.k_proj = nn.Linear(d_model, n_kv_heads * self.head_dim, bias=False)
        self.v_proj = nn.Linear(d_model, n_kv_heads * self.head_dim, bias=False)
        self.out_proj = nn.Linear(d_model, d_model, bias=False)

    def forward(self, x, mask=None):
        B, T, _ = x.shape
        group = self.n_heads // self.n_kv_heads
        q = self.q_proj(x).unflatten(-1, (self.n_kv_heads, group, self.head_dim))  # (B, T, kv, g, hd)
        k = self.k_proj(x).unflatten(-1, (self.n_kv_heads, self.head_dim))        # (B, T, kv, hd)
        v = self.v_proj(x).unflatten(-1, (self.n_kv_heads, self.head_dim))
        logits = torch.einsum("btkgd,bskd->bkgts", q, k) / math.sqrt(self.head_dim)
        if mask is not None:
            logits = logits.masked_fill(~mask.reshape(*mask.shape[:-3], 1, 1, *mask.shape[-2:])
                                        if mask.dim() == 4 else ~mask, float("-inf"))
        probs = logits.softmax(dim=-1)
        out = torch.einsum("bkgts,bskd->btkgd", probs, v).reshape(B, T, -1)
        return self.out_proj(out)


def rope_cos_sin(seq_len, head_dim, base=10000.0, device=None):
    half = head_dim // 2
    freqs = torch.tensor([base ** (-2.0 * i / head_dim) for i in range(half)], dtype=torch.float64)
    angles = torch.arange(seq_len, dtype=torch.float64)[:, None] * freqs[None, :]
    angles = angles.repeat(1, 2).to(device=device, dtype=torch.float32)
    return torch.cos(angles), torch.sin(angles)


def apply_rope(x, cos, sin):
    # Pair channel i with i + d/2 as one complex number and multiply by e^{i*angle}.
    half = x.shape[-1] // 2
    z = torch.complex(x[..., :half].double(), x[..., half:].double())
    rot = torch.complex(cos[..., :half].double(), sin[..., :half].double())
    w = z * rot
    return torch.cat([w.real, w.imag], dim=-1).to(x.dtype)


def layer_norm(x, weight, bias, eps=1e-5):
    mean = x.mean(dim=-1, keepdim=True)
    var = torch.var(x, dim=-1, keepdim=True, unbiased=False)
    return weight * (x - mean) / torch.sqrt(var + eps) + bias


def rms_norm(x, weight, eps=1e-6):
    return weight * x / torch.sqrt(torch.mean(x ** 2, dim=-1, keepdim=True) + eps)


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
    layers = [(d_model, d_ff)] * (2 if gated else 1) + [(d_ff, d_model)]
    return sum(i * o + (o if bias else 0) for i, o in layers)


def online_softmax_attention(q, k, v, block_size):
    # Keep the running max and sum in log-space: log_l = logsumexp of the scores seen so far.
    scale = q.shape[-1] ** -0.5
    log_l = torch.full(q.shape[:-1] + (1,), -math.inf, dtype=q.dtype, device=q.device)
    out = torch.zeros(q.shape[:-1] + (v.shape[-1],), dtype=q.dtype, device=q.device)
    for start in range(0, k.shape[-2], block_size):
        s = torch.einsum("...qd,...kd->...qk", q, k[..., start:start + block_size, :]) * scale
        blk_lse = torch.logsumexp(s, dim=-1, keepdim=True)
        new_log_l = torch.logaddexp(log_l, blk_lse)
        blk_out = torch.softmax(s, dim=-1) @ v[..., start:start + block_size, :]
        out = out * torch.exp(log_l - new_log_l) + blk_out * torch.exp(blk_lse - new_log_l)
        log_l = new_log_l
    return out

"""Extends the caller's cache list in place and returns the same list object.

Pattern: 2
Straight-line decoding works (the visible test only ever passes the latest cache back), but
the input cache is mutated: reusing one prefix cache for two different continuations, or
comparing the old cache with the new one, sees the extended tensors.
"""
import torch
import torch.nn.functional as F


def forward_with_cache(model, tokens: torch.Tensor, cache: list):
    B, T = tokens.shape
    t_past = cache[0][0].shape[2] if cache else 0
    positions = torch.arange(t_past, t_past + T, device=tokens.device)
    n_rep = model.n_heads // model.n_kv_heads
    allowed = torch.ones(T, t_past + T, dtype=torch.bool, device=tokens.device).tril(diagonal=t_past)
    first_call = len(cache) == 0
    x = model.embed(tokens)
    for i, layer in enumerate(model.layers):
        h = layer["attn_norm"](x)
        q = model.rope(model.split_heads(layer["q_proj"](h), model.n_heads), positions)
        k = model.rope(model.split_heads(layer["k_proj"](h), model.n_kv_heads), positions)
        v = model.split_heads(layer["v_proj"](h), model.n_kv_heads)
        if first_call:
            cache.append((k, v))
        else:
            k = torch.cat([cache[i][0], k], dim=2)
            v = torch.cat([cache[i][1], v], dim=2)
            cache[i] = (k, v)
        k_rep, v_rep = k.repeat_interleave(n_rep, dim=1), v.repeat_interleave(n_rep, dim=1)
        attn = F.scaled_dot_product_attention(q, k_rep, v_rep, attn_mask=allowed)
        x = x + layer["o_proj"](attn.transpose(1, 2).reshape(B, T, -1))
        x = x + model.mlp(layer, layer["mlp_norm"](x))
    return model.lm_head(model.final_norm(x)), cache

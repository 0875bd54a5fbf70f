"""Assumes a cached call always brings exactly one new token, so it drops the causal mask whenever the cache is non-empty.

Pattern: 1
The prompt (empty cache) uses is_causal=True and single-token decode steps need no mask, so the
visible test passes; a chunked prefill (T_new > 1 on top of a cache) lets new query i see the
new keys after it.
"""
import torch
import torch.nn.functional as F


def forward_with_cache(model, tokens: torch.Tensor, cache: list):
    B, T = tokens.shape
    t_past = cache[0][0].shape[2] if cache else 0
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
        k_rep, v_rep = k.repeat_interleave(n_rep, dim=1), v.repeat_interleave(n_rep, dim=1)
        if t_past == 0:
            attn = F.scaled_dot_product_attention(q, k_rep, v_rep, is_causal=True)
        else:
            # decoding: the new token may look at everything in the cache
            attn = F.scaled_dot_product_attention(q, k_rep, v_rep)
        x = x + layer["o_proj"](attn.transpose(1, 2).reshape(B, T, -1))
        x = x + model.mlp(layer, layer["mlp_norm"](x))
    return model.lm_head(model.final_norm(x)), new_cache

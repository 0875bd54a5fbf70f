"""Anchors the causal mask at the top-left, ignoring the cache offset: new query i sees only keys 0..i."""
import torch
import torch.nn.functional as F


def forward_with_cache(model, tokens, cache):
    batch, t_new = tokens.shape
    t_past = cache[0][0].shape[2] if cache else 0
    positions = torch.arange(t_past, t_past + t_new, device=tokens.device)
    mask = torch.ones(t_new, t_past + t_new, dtype=torch.bool, device=tokens.device).tril()
    group = model.n_heads // model.n_kv_heads
    x = model.embed(tokens)
    out_cache = []
    for i, layer in enumerate(model.layers):
        h = layer["attn_norm"](x)
        q = model.rope(model.split_heads(layer["q_proj"](h), model.n_heads), positions)
        k = model.rope(model.split_heads(layer["k_proj"](h), model.n_kv_heads), positions)
        v = model.split_heads(layer["v_proj"](h), model.n_kv_heads)
        if cache:
            k = torch.cat([cache[i][0], k], dim=2)
            v = torch.cat([cache[i][1], v], dim=2)
        out_cache.append((k, v))
        k_all, v_all = k.repeat_interleave(group, dim=1), v.repeat_interleave(group, dim=1)
        attn = F.scaled_dot_product_attention(q, k_all, v_all, attn_mask=mask)
        x = x + layer["o_proj"](attn.transpose(1, 2).reshape(batch, t_new, -1))
        x = x + model.mlp(layer, layer["mlp_norm"](x))
    return model.lm_head(model.final_norm(x)), out_cache

"""Caches the keys before RoPE and re-rotates the whole cache at every step.

Pattern: 5
The logits are right (RoPE is re-applied with the absolute positions 0..t-1), so the visible
test passes, but the cached keys are not the post-RoPE keys the contract (and Hugging Face's
past_key_values) require, and every step re-does O(t) rotation work.
"""
import torch
import torch.nn.functional as F


def forward_with_cache(model, tokens: torch.Tensor, cache: list):
    B, T = tokens.shape
    t_past = cache[0][0].shape[2] if cache else 0
    total = t_past + T
    all_positions = torch.arange(total, device=tokens.device)
    n_rep = model.n_heads // model.n_kv_heads
    allowed = torch.ones(T, total, dtype=torch.bool, device=tokens.device).tril(diagonal=t_past)
    x = model.embed(tokens)
    new_cache = []
    for i, layer in enumerate(model.layers):
        h = layer["attn_norm"](x)
        q = model.rope(model.split_heads(layer["q_proj"](h), model.n_heads), all_positions[t_past:])
        k_raw = model.split_heads(layer["k_proj"](h), model.n_kv_heads)
        v = model.split_heads(layer["v_proj"](h), model.n_kv_heads)
        if cache:
            k_raw = torch.cat([cache[i][0], k_raw], dim=2)
            v = torch.cat([cache[i][1], v], dim=2)
        new_cache.append((k_raw, v))
        k = model.rope(k_raw, all_positions)
        k_rep, v_rep = k.repeat_interleave(n_rep, dim=1), v.repeat_interleave(n_rep, dim=1)
        attn = F.scaled_dot_product_attention(q, k_rep, v_rep, attn_mask=allowed)
        x = x + layer["o_proj"](attn.transpose(1, 2).reshape(B, T, -1))
        x = x + model.mlp(layer, layer["mlp_norm"](x))
    return model.lm_head(model.final_norm(x)), new_cache

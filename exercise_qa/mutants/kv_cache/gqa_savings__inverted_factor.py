"""Reports the fraction of the MHA cache that is kept (gqa / mha) instead of the factor saved (mha / gqa)."""


def gqa_savings(n_layers, n_heads, n_kv_heads, head_dim, seq_len, batch_size, bytes_per_element):
    if n_kv_heads < 1 or n_heads % n_kv_heads:
        raise ValueError("n_heads must be a multiple of n_kv_heads")
    size = {name: kv_cache_bytes(n_layers, kv, head_dim, seq_len, batch_size, bytes_per_element)
            for name, kv in (("mha", n_heads), ("gqa", n_kv_heads), ("mqa", 1))}
    size["gqa_factor"] = size["gqa"] / size["mha"]
    size["mqa_factor"] = size["mqa"] / size["mha"]
    return size

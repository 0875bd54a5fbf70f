"""Gives the whole GPU (minus the reserve) to the KV cache, forgetting that the weights live there too."""


def serving_budget(gpu_bytes, weight_bytes, reserve_bytes, kv_bytes_per_token, context_len, batch_size,
                   block_size=16):
    num_blocks = max(0, gpu_bytes - reserve_bytes) // (block_size * kv_bytes_per_token)
    per_seq = -(-context_len // block_size)
    return {"num_blocks": num_blocks, "max_sequences": num_blocks // per_seq,
            "max_context": num_blocks // batch_size * block_size}

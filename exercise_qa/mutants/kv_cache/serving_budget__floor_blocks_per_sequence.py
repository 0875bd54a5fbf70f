"""Rounds the blocks per sequence down (context_len // block_size), so a partly filled last block is not paid for."""


def serving_budget(gpu_bytes, weight_bytes, reserve_bytes, kv_bytes_per_token, context_len, batch_size,
                   block_size=16):
    num_blocks = max(0, gpu_bytes - weight_bytes - reserve_bytes) // (block_size * kv_bytes_per_token)
    return {"num_blocks": num_blocks, "max_sequences": num_blocks // max(1, context_len // block_size),
            "max_context": num_blocks // batch_size * block_size}

"""Does not clamp the free memory at 0, so a GPU too small for the weights gets negative blocks and sequences.

Pattern: 2
The contract says every entry is >= 0 ("0 if nothing is left"); floor division of a negative
free size gives -1 (or worse) blocks, and negative max_sequences / max_context.
"""
import math


def serving_budget(gpu_bytes: int, weight_bytes: int, reserve_bytes: int, kv_bytes_per_token: int,
                   context_len: int, batch_size: int, block_size: int = 16) -> dict:
    free = gpu_bytes - weight_bytes - reserve_bytes
    num_blocks = free // (block_size * kv_bytes_per_token)
    blocks_per_seq = math.ceil(context_len / block_size)
    return {
        "num_blocks": num_blocks,
        "max_sequences": num_blocks // blocks_per_seq,
        "max_context": (num_blocks // batch_size) * block_size,
    }

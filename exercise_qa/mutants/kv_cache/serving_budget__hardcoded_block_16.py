"""Uses the default block size 16 in the per-sequence and per-context arithmetic instead of the block_size argument.

Pattern: 4
num_blocks honours block_size, but blocks per sequence and max_context use the literal 16, which
is only right because the visible test keeps the default; block_size=32 gives wrong
max_sequences and max_context.
"""
import math


def serving_budget(gpu_bytes: int, weight_bytes: int, reserve_bytes: int, kv_bytes_per_token: int,
                   context_len: int, batch_size: int, block_size: int = 16) -> dict:
    free = max(0, gpu_bytes - weight_bytes - reserve_bytes)
    num_blocks = free // (block_size * kv_bytes_per_token)
    blocks_per_seq = math.ceil(context_len / 16)
    max_sequences = num_blocks // blocks_per_seq
    max_context = (num_blocks // batch_size) * 16
    return {"num_blocks": num_blocks, "max_sequences": max_sequences, "max_context": max_context}

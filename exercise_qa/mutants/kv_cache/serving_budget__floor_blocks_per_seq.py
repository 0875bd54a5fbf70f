"""Counts the blocks per sequence as context_len // block_size (floor), forgetting the partly filled last block.

Pattern: 1
Right when context_len is a multiple of block_size (8,192 / 16 in the visible test); a 1,000-token
context needs 63 blocks, not 62, so max_sequences is overestimated (and a context shorter than
one block divides by zero).
"""
import math


def serving_budget(gpu_bytes: int, weight_bytes: int, reserve_bytes: int, kv_bytes_per_token: int,
                   context_len: int, batch_size: int, block_size: int = 16) -> dict:
    free = max(0, gpu_bytes - weight_bytes - reserve_bytes)
    num_blocks = free // (block_size * kv_bytes_per_token)
    blocks_per_seq = context_len // block_size
    max_sequences = num_blocks // blocks_per_seq
    max_context = (num_blocks // batch_size) * block_size
    return {"num_blocks": num_blocks, "max_sequences": max_sequences, "max_context": max_context}

"""Splits the tokens evenly between sequences instead of splitting whole blocks, so max_context is not a multiple of block_size.

Pattern: 1
num_blocks * block_size // batch_size is right only when batch_size divides num_blocks; with
28,610 blocks and 32 sequences it promises 14,305 tokens each, but 894 whole blocks hold only
14,304.
"""
import math


def serving_budget(gpu_bytes: int, weight_bytes: int, reserve_bytes: int, kv_bytes_per_token: int,
                   context_len: int, batch_size: int, block_size: int = 16) -> dict:
    free = max(0, gpu_bytes - weight_bytes - reserve_bytes)
    num_blocks = free // (block_size * kv_bytes_per_token)
    blocks_per_seq = math.ceil(context_len / block_size)
    max_sequences = num_blocks // blocks_per_seq
    max_context = num_blocks * block_size // batch_size
    return {"num_blocks": num_blocks, "max_sequences": max_sequences, "max_context": max_context}

"""Byte-level decoding uses errors="ignore", silently dropping invalid or truncated bytes."""


def byte_bpe_decode(ids, merges):
    table = {i: bytes([i]) for i in range(256)}
    for r, (a, b) in enumerate(merges):
        table[256 + r] = table[a] + table[b]
    return b"".join(table[i] for i in ids).decode("utf-8", errors="ignore")

"""Byte-level decoding decodes each token's bytes separately, breaking characters split across tokens."""


def byte_bpe_decode(ids, merges):
    table = {i: bytes([i]) for i in range(256)}
    for r, (a, b) in enumerate(merges):
        table[256 + r] = table[a] + table[b]
    return "".join(table[i].decode("utf-8", errors="replace") for i in ids)

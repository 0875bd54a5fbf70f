"""Decoder table built as vocab[256 + i] = bytes([a, b]): right only when both halves of a merge are raw bytes; a merge of merged tokens (id >= 256) cannot be expanded.
Pattern: 5

The vocabulary misses every nested token: bytes([a, b]) raises ValueError for a >= 256. Without
merges, or with single-level merges only, everything round-trips.
"""


def byte_bpe_encode(text: str, merges: list[tuple[int, int]]) -> list[int]:
    ranks = {}
    for i, pair in enumerate(merges):
        ranks.setdefault(tuple(pair), i)
    ids = list(text.encode("utf-8"))
    while len(ids) > 1:
        candidates = [(ranks[p], p) for p in zip(ids, ids[1:]) if p in ranks]
        if not candidates:
            break
        rank, (a, b) = min(candidates)
        new_id = 256 + rank
        merged, i = [], 0
        while i < len(ids):
            if i + 1 < len(ids) and ids[i] == a and ids[i + 1] == b:
                merged.append(new_id)
                i += 2
            else:
                merged.append(ids[i])
                i += 1
        ids = merged
    return ids


def byte_bpe_decode(ids: list[int], merges: list[tuple[int, int]]) -> str:
    vocab = {i: bytes([i]) for i in range(256)}
    for i, (a, b) in enumerate(merges):
        vocab[256 + i] = bytes([a, b])
    return b"".join(vocab[i] for i in ids).decode("utf-8", errors="replace")

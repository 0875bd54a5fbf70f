"""Replaces the occurrences of the chosen pair from right to left "so that indices stay valid": overlapping matches (a a a with merge (a, a)) collapse wrongly and even drop bytes.
Pattern: 1

All match positions are found first; replacing them back to front turns [a, a, a] into [a, X]
and then [X] (one byte lost) instead of [X, a]. Correct whenever a pair never overlaps itself.
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
        rank, pair = min(candidates)
        positions = [i for i, p in enumerate(zip(ids, ids[1:])) if p == pair]
        for i in reversed(positions):
            ids[i:i + 2] = [256 + rank]
    return ids


def byte_bpe_decode(ids: list[int], merges: list[tuple[int, int]]) -> str:
    vocab = {i: bytes([i]) for i in range(256)}
    for i, (a, b) in enumerate(merges):
        vocab[256 + i] = vocab[a] + vocab[b]
    return b"".join(vocab[i] for i in ids).decode("utf-8", errors="replace")

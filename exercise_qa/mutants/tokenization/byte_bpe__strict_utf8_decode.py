"""Decodes with the default errors="strict": an invalid or truncated UTF-8 sequence (a lone continuation byte, half an emoji) raises UnicodeDecodeError instead of becoming U+FFFD.
Pattern: 2

Every round trip of a real string is exact; only decoding arbitrary ids (e.g. [0xE6], or one
token of a multi-byte character) breaks the documented errors="replace" contract.
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
        vocab[256 + i] = vocab[a] + vocab[b]
    return b"".join(vocab[i] for i in ids).decode("utf-8")

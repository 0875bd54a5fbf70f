"""Encodes each space-separated chunk separately and re-inserts byte 32 between them: merges that involve the space byte (" t", "e ") are never applied, although the spec says no pre-tokenization.
Pattern: 2

Round trips are exact and without merges the ids are identical (the visible test); with learned
merges across spaces the ids differ from the reference encoder.
"""


def byte_bpe_encode(text: str, merges: list[tuple[int, int]]) -> list[int]:
    ranks = {}
    for i, pair in enumerate(merges):
        ranks.setdefault(tuple(pair), i)

    def encode_chunk(chunk):
        ids = list(chunk.encode("utf-8"))
        while len(ids) > 1:
            candidates = [(ranks[p], p) for p in zip(ids, ids[1:]) if p in ranks]
            if not candidates:
                break
            rank, (a, b) = min(candidates)
            merged, i = [], 0
            while i < len(ids):
                if i + 1 < len(ids) and ids[i] == a and ids[i + 1] == b:
                    merged.append(256 + rank)
                    i += 2
                else:
                    merged.append(ids[i])
                    i += 1
            ids = merged
        return ids

    out = []
    for n, chunk in enumerate(text.split(" ")):
        if n > 0:
            out.append(32)
        out.extend(encode_chunk(chunk))
    return out


def byte_bpe_decode(ids: list[int], merges: list[tuple[int, int]]) -> str:
    vocab = {i: bytes([i]) for i in range(256)}
    for i, (a, b) in enumerate(merges):
        vocab[256 + i] = vocab[a] + vocab[b]
    return b"".join(vocab[i] for i in ids).decode("utf-8", errors="replace")

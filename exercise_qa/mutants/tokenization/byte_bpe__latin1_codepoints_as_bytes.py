"""Maps characters below U+0100 straight to their code point ("the 256 base ids are Latin-1") and UTF-8-encodes only the others: é becomes [233] instead of [195, 169].
Pattern: 1

ASCII and CJK (the visible "hi", "日", "日本語 ok") come out right; any Latin-1 character such as é,
ü, ñ or a non-breaking space is encoded as a single invalid byte, so it decodes to U+FFFD and the
round trip fails.
"""


def byte_bpe_encode(text: str, merges: list[tuple[int, int]]) -> list[int]:
    ranks = {}
    for i, pair in enumerate(merges):
        ranks.setdefault(tuple(pair), i)
    ids = []
    for ch in text:
        if ord(ch) < 256:
            ids.append(ord(ch))
        else:
            ids.extend(ch.encode("utf-8"))
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
    return b"".join(vocab[i] for i in ids).decode("utf-8", errors="replace")

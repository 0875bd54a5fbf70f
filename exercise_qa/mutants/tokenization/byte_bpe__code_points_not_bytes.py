"""Byte-level encoding uses Unicode code points (ord) as base ids instead of UTF-8 bytes."""


def byte_bpe_encode(text, merges):
    ids = [ord(c) for c in text]
    new_id = {pair: 256 + r for r, pair in enumerate(merges)}
    for pair, nid in sorted(new_id.items(), key=lambda kv: kv[1]):
        out, i = [], 0
        while i < len(ids):
            if i + 1 < len(ids) and (ids[i], ids[i + 1]) == pair:
                out.append(nid); i += 2
            else:
                out.append(ids[i]); i += 1
        ids = out
    return ids

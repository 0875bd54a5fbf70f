"""Ties broken by max(counts, key=counts.get), i.e. by which pair was seen first, not by the lexicographically smallest pair.
Pattern: 4

On the visible toy corpus the first-seen pair happens to be the smallest one at each tie ((e,s)
before (s,t), (l,o) before (o,w)), so it passes by coincidence of dict insertion order; on real
text the order of first appearance decides ties.
"""
import collections
import heapq


def train_bpe(text: str, num_merges: int) -> list[tuple[str, str]]:
    word_counts = collections.Counter(text.split())
    words = [list(w) for w in word_counts]
    freqs = list(word_counts.values())

    def merge_word(symbols, a, b):
        out, i = [], 0
        while i < len(symbols):
            if i + 1 < len(symbols) and symbols[i] == a and symbols[i + 1] == b:
                out.append(a + b)
                i += 2
            else:
                out.append(symbols[i])
                i += 1
        return out

    pair_counts = {}
    pair_words = collections.defaultdict(set)
    for idx, w in enumerate(words):
        for pair in zip(w, w[1:]):
            pair_counts[pair] = pair_counts.get(pair, 0) + freqs[idx]
            pair_words[pair].add(idx)

    merges = []
    while len(merges) < num_merges and pair_counts:
        best = max(pair_counts, key=pair_counts.get)  # ties: first pair seen wins
        merges.append(best)
        a, b = best
        for idx in list(pair_words.pop(best, ())):
            old = words[idx]
            new = merge_word(old, a, b)
            if new == old:
                continue
            f = freqs[idx]
            for pair in zip(old, old[1:]):
                pair_counts[pair] -= f
                if pair_counts[pair] == 0:
                    del pair_counts[pair]
            for pair in zip(new, new[1:]):
                pair_counts[pair] = pair_counts.get(pair, 0) + f
                pair_words[pair].add(idx)
            words[idx] = new
    return merges


def bpe_encode(text: str, merges: list[tuple[str, str]]) -> list[str]:
    ranks = {}
    for i, pair in enumerate(merges):
        ranks.setdefault(tuple(pair), i)
    tokens = []
    for word in text.split():
        symbols = list(word)
        while len(symbols) > 1:
            candidates = [(ranks[p], p) for p in zip(symbols, symbols[1:]) if p in ranks]
            if not candidates:
                break
            _, (a, b) = min(candidates)
            merged, i = [], 0
            while i < len(symbols):
                if i + 1 < len(symbols) and symbols[i] == a and symbols[i + 1] == b:
                    merged.append(a + b)
                    i += 2
                else:
                    merged.append(symbols[i])
                    i += 1
            symbols = merged
        tokens.extend(symbols)
    return tokens
